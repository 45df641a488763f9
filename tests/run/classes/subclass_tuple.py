# Subclasses of tuple: __new__ with super().__new__, properties, slicing and
# concatenation giving plain tuples, instance attributes (dict after the items).
class P(tuple):
    def __new__(cls, x, y):
        return super().__new__(cls, (x, y))
    @property
    def x(self):
        return self[0]
    def __repr__(self):
        return f"P{tuple.__repr__(self)}"
p = P(1, 2)
print(p, p.x, len(p), type(p).__name__, p + (3,), type(p + (3,)).__name__, p[0:1], type(p[0:1]).__name__)
p.tag = "t"
print(p.tag, p.__dict__, hash(p) == hash((1, 2)), {p: 1}[(1, 2)], p == (1, 2), tuple(p), type(tuple(p)).__name__)
class T(tuple): pass
t = T([1, 2, 3])
print(t, T(), list(t), t.count(1), t.index(3), isinstance(t, tuple), sorted(T("cba")))
a, b, c = t
print(a, b, c, *t, max(t))
import gc
ts = [T(range(i)) for i in range(50)]
for i, x in enumerate(ts): x.n = [i] * 3
gc.collect()
print(sum(x.n[0] for x in ts), ts[10])
