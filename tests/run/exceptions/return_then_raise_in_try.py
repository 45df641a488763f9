# A `return` inside try/finally (or try/except, or with) in one branch must
# not leave the code after it, in other branches, outside the handler.
def f(n):
    try:
        if n == 0:
            return "zero"
        if n == 1:
            while True:
                return "one"
        raise ValueError(n)
    finally:
        print("finally", n)


for n in range(3):
    try:
        print(f(n))
    except ValueError as e:
        print("ValueError", e)


def g(n):
    try:
        for i in range(3):
            if i == n:
                return i
        {}[n]
    except KeyError as e:
        return "caught %r" % e


print(g(1), g(5))


class CM:
    def __enter__(self):
        return self

    def __exit__(self, *a):
        print("exit", a[0].__name__ if a[0] else None)
        return True


def h(n):
    with CM():
        if n:
            return "early"
        1 / 0
    return "suppressed"


print(h(1), h(0))


def gen(depth):
    try:
        if depth == 0:
            while True:
                y = yield depth
                if y == "stop":
                    return "stopped"
        r = yield from gen(depth - 1)
        return r
    finally:
        print("gen finally", depth)


it = gen(3)
next(it)
leaf = it.gi_yieldfrom.gi_yieldfrom.gi_yieldfrom
try:
    leaf.throw(KeyError("k"))
except KeyError as e:
    print("leaf raised", e)
it.close()
print("closed")
