# functools.wraps / update_wrapper, reduce (with its messages),
# cmp_to_key and total_ordering (derived methods, NotImplemented, errors).
import functools
from functools import wraps, update_wrapper, reduce, cmp_to_key, total_ordering

print(functools.WRAPPER_ASSIGNMENTS, functools.WRAPPER_UPDATES)


def deco(fn):
    @wraps(fn)
    def inner(*args):
        return fn(*args)
    return inner


@deco
def documented(x: int) -> int:
    "Doc here."
    return x


documented.__dict__['mark'] = 1
print(documented.__name__, documented.__qualname__, documented.__doc__,
      documented.__annotations__, documented.__wrapped__.__name__, documented.__module__)


def target():
    pass


target.flag = 'copied'
target.__wrapped__ = 'inner-most'


def wrapper():
    pass


r = update_wrapper(wrapper, target, assigned=('__name__',), updated=('__dict__',))
print(r is wrapper, wrapper.__name__, wrapper.flag, wrapper.__wrapped__ is target)


class NoName:
    def __call__(self):
        pass


w = update_wrapper(lambda: None, NoName())
print(w.__name__, w.__doc__)

print(reduce(lambda a, b: a + b, [1, 2, 3, 4]), reduce(lambda a, b: a * b, [], 7),
      reduce(lambda a, b: a + b, 'abc', '>'), reduce(max, iter([3, 9, 2])))
for args in [(lambda a, b: a, []), (lambda a, b: a, 5), (lambda a, b: a,), (1, [1], 2, 3)]:
    try:
        reduce(*args)
    except TypeError as e:
        print(type(e).__name__, e)

print(sorted([3, 1, 2], key=cmp_to_key(lambda x, y: y - x)),
      sorted('bca', key=cmp_to_key(lambda x, y: (x > y) - (x < y))))
K = cmp_to_key(lambda x, y: x - y)
print(K(1) < K(2), K(2) <= K(2), K(3) == K(3), K(3) != K(4), K(5) > K(1), K(0) >= K(1), K(5).obj)
for bad in (lambda: K(1) < 3, lambda: K()):
    try:
        bad()
    except TypeError as e:
        print(type(e).__name__, e)


@total_ordering
class Version:
    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        return self.v == other.v

    def __lt__(self, other):
        return self.v < other.v


a, b = Version(1), Version(2)
print(a < b, a > b, a <= b, a >= b, a <= Version(1), b >= Version(3))
print(Version.__gt__.__name__, Version.__le__.__doc__)


@total_ordering
class Grade:
    def __init__(self, g):
        self.g = g

    def __gt__(self, other):
        if not isinstance(other, Grade):
            return NotImplemented
        return self.g > other.g


print(Grade(1) < Grade(2), Grade(3) >= Grade(2), Grade(2) <= Grade(2))
try:
    Grade(1) < 3
except TypeError as e:
    print(type(e).__name__, e)


@total_ordering
class OnlyGe:
    def __init__(self, n):
        self.n = n

    def __ge__(self, other):
        return self.n >= other.n


print(OnlyGe(1) < OnlyGe(2), OnlyGe(2) > OnlyGe(1), OnlyGe(1) <= OnlyGe(1))
try:
    @total_ordering
    class Nothing:
        pass
except ValueError as e:
    print(type(e).__name__, e)
