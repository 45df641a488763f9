x = 1
def f(a):
    b = 2
    return sorted(locals().items())
print(f(0))
print("x" in globals(), globals()["x"])
class C:
    y = 3
    print(sorted(k for k in locals() if not k.startswith("__")))
print("C" in dir())
print([n for n in dir(C) if not n.startswith("__")])
print(vars(C)["y"])
class D:
    def __init__(self):
        self.z = 1
print(vars(D()))
