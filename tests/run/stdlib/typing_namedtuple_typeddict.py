# typing.NamedTuple (class syntax with defaults and methods, the functional
# forms, their errors) and typing.TypedDict (totality, Required and
# NotRequired, inheritance, the functional form, instances are dicts).
from typing import NamedTuple, TypedDict, Required, NotRequired, is_typeddict, List


def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


class Point(NamedTuple):
    x: int
    y: int = 0
    label: str = 'p'

    def norm(self):
        return abs(self.x) + abs(self.y)


show(lambda: Point(1))
show(lambda: Point(1, 2, 'q').norm())
show(lambda: (Point._fields, Point._field_defaults))
show(lambda: Point.__annotations__)
show(lambda: (isinstance(Point(1), tuple), Point.__mro__))
show(lambda: Point(1)._replace(y=5))
show(lambda: Point(1, 2) == (1, 2, 'p'))
show(lambda: Point())
P2 = NamedTuple('P2', [('a', int), ('b', List[str])])
show(lambda: (P2(1, ['x']), P2.__annotations__, P2.__module__))
P3 = NamedTuple('P3', a=int, b=str)
show(lambda: P3(a=3, b='s'))
show(lambda: NamedTuple('P4', [('a', int)], b=str))


def default_order():
    class Q(NamedTuple):
        x: int = 1
        y: int


def overwrite():
    class Q(NamedTuple):
        x: int

        def _replace(self):
            pass


def other_base():
    class Q(NamedTuple, dict):
        x: int


for f in (default_order, overwrite, other_base):
    show(f)


class Movie(TypedDict):
    name: str
    year: int


class Extra(Movie, total=False):
    rating: float
    studio: Required[str]


show(lambda: Movie(name='Blade Runner', year=1982))
show(lambda: type(Movie(name='x', year=1)))
show(lambda: Movie.__annotations__)
show(lambda: (sorted(Movie.__required_keys__), Movie.__total__))
show(lambda: (sorted(Extra.__required_keys__), sorted(Extra.__optional_keys__), Extra.__total__))
show(lambda: (is_typeddict(Movie), is_typeddict(dict), is_typeddict(Point)))
show(lambda: isinstance({}, Movie))
show(lambda: Movie.__mro__)
Func = TypedDict('Func', {'a': int, 'b': NotRequired[str]})
show(lambda: (sorted(Func.__required_keys__), sorted(Func.__optional_keys__), Func.__module__))
show(lambda: TypedDict('T', {'a': int}, b=str))


def mixed_base():
    class X(Movie, int):
        pass


show(mixed_base)
