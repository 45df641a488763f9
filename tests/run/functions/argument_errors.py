# CPython's messages for bad calls.
def f(x, y):
    pass
def k(a, *, b):
    pass
def p(a, /, b):
    pass
def d(a, b=1):
    pass
tests = [
    lambda: f(),
    lambda: f(1),
    lambda: f(1, 2, 3),
    lambda: f(1, 2, z=3),
    lambda: f(1, x=2),
    lambda: k(1),
    lambda: k(1, 2),
    lambda: p(a=1, b=2),
    lambda: d(1, 2, 3),
    lambda: d(),
    lambda: f(**{1: 2}),
    lambda: f(*1),
    lambda: f(**1),
    lambda: f(1, **{"x": 2, "y": 3}),
]
for t in tests:
    try:
        t()
    except TypeError as e:
        print(e)
