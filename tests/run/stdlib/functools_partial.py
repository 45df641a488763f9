# functools.partial and partialmethod: calls, reprs, flattening of nested
# partials, read-only attributes, subclasses and the constructor's errors.
from functools import partial, partialmethod


def f(a, b, c=3, *, d=4):
    return (a, b, c, d)


p = partial(f, 1, d=5)
print(p(2), p(2, 7, d=8), p.args, p.keywords, p.func is f)
print(repr(partial(len, [1, 2])), repr(partial(max, 1, key=abs)))
print(repr(partial(sorted)), repr(partial(print, sep='-', end='!')))

# A partial of a plain partial flattens into one.
q = partial(p, 9, c=0)
print(q.func is f, q.args, q.keywords, q())
print(partial(partial(int, base=2), '101')(), partial(int, base=2)('11', base=10))

# ... but not one carrying attributes of its own, or a subclass's call.
pp = partial(max, 1)
pp.extra = 'x'
print(partial(pp, 2).func is pp, pp.extra)


class Tagged(partial):
    def __call__(self, *args, **kwargs):
        return ('tagged', super().__call__(*args, **kwargs))


t = Tagged(max, 1)
print(t(5), partial(t, 9).func is t, repr(Tagged(len, 'ab')), Tagged(len, 'ab')())

for name in ('func', 'args', 'keywords'):
    try:
        setattr(p, name, None)
    except AttributeError as e:
        print(name, type(e).__name__, e)
for bad in [(), (1,), ('not callable', 2)]:
    try:
        partial(*bad)
    except TypeError as e:
        print(type(e).__name__, e)
try:
    partial(f, 1)(2, 3, 4, 5)
except TypeError as e:
    print(type(e).__name__, e)


class Cell:
    def __init__(self):
        self.value = None

    def set(self, key, value):
        self.value = (key, value)
        return self.value

    set_a = partialmethod(set, 'a')
    set_b_kw = partialmethod(set, value='kw')

    @classmethod
    def make(cls, x, y):
        return (cls.__name__, x, y)

    make1 = partialmethod(make, 1)

    @staticmethod
    def pair(x, y):
        return (x, y)

    pair0 = partialmethod(pair, 0)


c = Cell()
print(c.set_a(5), c.set_b_kw('b'), c.make1(2), Cell.make1(3), c.pair0(4))
print(type(Cell.__dict__['set_a']).__name__, Cell.__dict__['set_a'].args,
      Cell.__dict__['set_a'].keywords)
nested = partialmethod(Cell.__dict__['set_a'], 'flat')
print(nested.func is Cell.set, nested.args)
try:
    partialmethod(5)
except TypeError as e:
    print(type(e).__name__, e)
