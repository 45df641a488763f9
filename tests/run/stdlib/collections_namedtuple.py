# collections.namedtuple: construction, repr, _make, _asdict, _replace,
# _fields, _field_defaults, defaults=, rename=, module=, __module__ of the
# caller, docs, subclassing, and the validation messages.
from collections import namedtuple

Point = namedtuple('Point', 'x y')
p = Point(1, y=2)
print(p, p.x, p[1], p == (1, 2), isinstance(p, tuple), len(p), hash(p) == hash((1, 2)))
print(Point._fields, Point._field_defaults, p._asdict(), p._replace(x=5), Point._make([3, 4]))
print(Point.__module__, Point.__qualname__, Point.__doc__, Point.__new__.__doc__, Point.x.__doc__)
print(Point.__match_args__, Point.__new__.__qualname__, Point._make.__doc__, type(Point).__name__)
x, y = p
print(x, y, p[-1], p[:1], tuple(p), p.__getnewargs__(), p + (3,), p * 2)
try:
    p.x = 5
except AttributeError as e:
    print(type(e).__name__)
try:
    p.z = 1
except AttributeError as e:
    print(type(e).__name__)
for bad in [lambda: Point(1), lambda: Point(1, 2, 3), lambda: Point(1, x=2),
            lambda: Point._make([1]), lambda: p._replace(z=1), lambda: Point(1, 2, z=3)]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

Config = namedtuple('Config', ['host', 'port', 'debug'], defaults=[8080, False])
print(Config('h'), Config('h', 1, True), Config._field_defaults, Config.__new__.__defaults__)
Renamed = namedtuple('Renamed', 'abc def ghi _x abc 1y', rename=True)
print(Renamed._fields, Renamed(1, 2, 3, 4, 5, 6))
Single = namedtuple('Single', ['only'])
print(Single(1), Single.__doc__, Single._make('a'))
Empty = namedtuple('Empty', '')
print(Empty(), Empty._fields, repr(Empty._make([])))
print(namedtuple('M', 'a', module='mymod').__module__, namedtuple('Comma', 'a, b ,c')._fields)

for args, kw in [(('1x', 'a'), {}), (('X', 'a def'), {}), (('X', '_a'), {}), (('X', 'a a'), {}),
                 (('X', ['a', 1]), {}), (('class', 'a'), {}), (('X', 'a b'), {'defaults': [1, 2, 3]}),
                 (('X', 'a-b'), {})]:
    try:
        print(namedtuple(*args, **kw)._fields)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)


class Vector(namedtuple('Vector', 'x y')):
    __slots__ = ()

    @property
    def norm2(self):
        return self.x ** 2 + self.y ** 2

    def __repr__(self):
        return f'<{super().__repr__()}>'


v = Vector(3, 4)
print(v, v.norm2, v._replace(x=0), Vector._make([1, 1]).norm2, type(v._replace(y=1)).__name__)
Nested = namedtuple('Nested', 'a b')
print(Nested(Point(1, 2), [Point(3, 4)]), sorted([Point(2, 1), Point(1, 2)]))
print({Point(1, 2): 'a'}[(1, 2)], max(Point(1, 9), Point(2, 0)))
