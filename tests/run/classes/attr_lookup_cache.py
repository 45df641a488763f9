# Class attribute lookups stay right while classes change under them (aiopy
# caches type lookups per (class, name) and must drop them on every change).
class A:
    x = 1

    def m(self):
        return "A.m"


class B(A):
    pass


b = B()
seen = []
for step in range(4):
    seen.append((b.x, b.m(), B.x))
    if step == 0:
        A.x = 2
        A.m = lambda self: "new"
    elif step == 1:
        B.x = 3
        del A.m
        try:
            b.m()
        except AttributeError as e:
            seen.append(str(e))
        A.m = lambda self: "again"
    elif step == 2:
        del B.x
        setattr(A, "x", 4)
print(seen)


# A data descriptor added to the class later wins over the instance dict.
class P:
    pass


p = P()
p.v = "instance"
print(p.v)
P.v = property(lambda self: "property")
print(p.v)
del P.v
print(p.v)


# Builtin methods and attributes, looked up repeatedly.
for _ in range(3):
    print("abc".upper(), [3, 1].index(1), (255).bit_length(), {}.get("k", "d"))


# Classes made in a loop: a new class must never see another's cached entries.
def make(i):
    class K:
        val = i

        def get(self):
            return self.val

    return K


print([make(i)().get() for i in range(5)])
print(hasattr("s", "nope"), getattr([], "append").__name__)
