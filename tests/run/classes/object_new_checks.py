# object.__new__ called explicitly checks as CPython: a type whose nearest
# non-Python __new__ is not object's is refused ("is not safe"), and extra
# arguments pass only when __init__ takes them and __new__ is object's.
class A: pass
class WithInit:
    def __init__(self, *a): self.a = a
class WithNew:
    def __new__(cls, *a):
        return super().__new__(cls, *a)
class WithNewOk:
    def __new__(cls, *a):
        return super().__new__(cls)
    def __init__(self, *a): self.a = a
class E(ValueError): pass
class EN(ValueError):
    def __new__(cls, *a): return object.__new__(cls)
class IntSub(int): pass
tests = [
    lambda: object.__new__(object, 1),
    lambda: object.__new__(A, 1),
    lambda: object.__new__(A, x=1),
    lambda: type(object.__new__(WithInit, 1)).__name__,
    lambda: WithNew(1),
    lambda: WithNew().__class__.__name__,
    lambda: WithNewOk(1, 2).a,
    lambda: object.__new__(int),
    lambda: object.__new__(IntSub),
    lambda: object.__new__(E),
    lambda: EN(),
    lambda: object.__new__(ValueError),
    lambda: object.__new__(5),
    lambda: object.__new__(),
    lambda: A(1),
    lambda: A(x=1),
]
for t in tests:
    try:
        print(t())
    except TypeError as e:
        print("TypeError:", e)
