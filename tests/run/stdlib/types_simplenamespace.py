# types.SimpleNamespace: attributes from keywords, its repr (recursion
# shown as ...), equality by attributes, subclasses and its errors.
import types

ns = types.SimpleNamespace(a=1, b='x')
print(ns, ns.a, ns.b)
ns.c = [1]
del ns.a
print(ns, vars(ns))
ns.self = ns
print(ns)
print(types.SimpleNamespace() == types.SimpleNamespace())
print(types.SimpleNamespace(x=1) == types.SimpleNamespace(x=1))
print(types.SimpleNamespace(x=1) != types.SimpleNamespace(x=2))
print(types.SimpleNamespace(x=1) == {'x': 1})


class Point(types.SimpleNamespace):
    pass


print(Point(x=1, y=2), Point(x=1) == types.SimpleNamespace(x=1))
for bad in (lambda: types.SimpleNamespace(1), lambda: hash(types.SimpleNamespace()),
            lambda: types.SimpleNamespace().missing):
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
