# with: __enter__ value, __exit__ arguments, suppression, exceptions in exit.
class CM:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print("enter", self.name)
        return self.name
    def __exit__(self, t, v, tb):
        print("exit", self.name, t.__name__ if t else None)
        return self.suppress
with CM("a") as a, CM("b") as b:
    print("body", a, b)
with CM("s", True):
    raise KeyError("hidden")
try:
    with CM("n"):
        raise KeyError("shown")
except KeyError as e:
    print("propagated", e)
def early():
    with CM("r"):
        return "returned"
print(early())
for i in [1, 2]:
    with CM(i):
        if i == 1:
            continue
        break
try:
    with 5:
        pass
except TypeError as e:
    print(e)
