# Every parameter kind, defaults, keyword calls, *args/**kwargs in calls.
def f(a, b=2, *args, c, d=4, **kw):
    return (a, b, args, c, d, kw)
print(f(1, c=3))
print(f(1, 2, 3, 4, c=5, e=6))
print(f(*[1, 2, 3], **{"c": 7, "z": 8}))
def g(x, /, y, *, z):
    return x + y + z
print(g(1, 2, z=3), g(1, y=2, z=3))
def h(*args, **kwargs):
    return args, kwargs
print(h(), h(1, k=2), h(*(), **{}))
def defaults(a, l=[]):
    l.append(a)
    return l
print(defaults(1), defaults(2))
print(f.__name__, f.__defaults__, f.__kwdefaults__)
