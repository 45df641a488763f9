# Function definitions: parameters, defaults, annotations, decorators.
def f():
    pass

def f(a, b=1, *args, c, d=2, **kwargs):
    return a

def f(a, /, b, *, c):
    return

def f(a: int = 1, *b: str, c: int, **d: float) -> None:
    """doc"""

def f(a, b, /):
    return a, b

def f(*, a): pass
def f(a=1, /, b=2, *c, d, e=3, **f): pass
def f(a, b,): pass
def f(**k): pass

@dec
def f(): pass

@dec.attr
@dec(1, 2)
@a.b.c(x=1)[0]
def g():
    x = yield
    y = yield from z
    return (yield)

def outer():
    global g
    def inner():
        nonlocal x
        return x
    return inner
