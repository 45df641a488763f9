# functools.lru_cache and cache: hits and misses, eviction order, typed
# keys, keyword arguments, maxsize 0/None/negative, bare use, cache_info's
# named tuple, cache_clear, cache_parameters and methods.
import functools
from functools import lru_cache


@lru_cache(maxsize=2)
def sq(x):
    print('compute', x)
    return x * x


print(sq(2), sq(2), sq(3), sq(4), sq(2))
print(sq.cache_info(), sq.cache_parameters())
sq.cache_clear()
print(sq.cache_info())

# Least recently used goes first: a hit refreshes an entry.
@lru_cache(maxsize=3)
def ident(*args, **kwargs):
    return (args, kwargs)


for v in (1, 2, 3, 1, 4, 2, 3):
    ident(v)
print(ident.cache_info())
ident.cache_clear()
ident(1, b=2), ident(1, b=2), ident(b=2, a=1), ident(a=1, b=2)
print(ident.cache_info())
try:
    ident([1])
except TypeError as e:
    print(type(e).__name__, e)


@lru_cache
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(60), fib.cache_info(), fib.__name__, fib.__wrapped__.__name__)


@lru_cache(typed=True)
def kind(x):
    return type(x).__name__


print(kind(1), kind(1.0), kind(True), kind.cache_info())


@lru_cache(maxsize=None)
def unbounded(x):
    return x


@lru_cache(maxsize=0)
def nocache(x):
    return x


@lru_cache(maxsize=-5)
def negative(x):
    return x


for fn in (unbounded, nocache, negative):
    fn(1), fn(1), fn(2)
    print(fn.cache_info(), fn.cache_parameters())

calls = []


@lru_cache(maxsize=4)
def failing(x):
    calls.append(x)
    if x < 0:
        raise ValueError(x)
    return x


for v in (-1, -1, 1, 1):
    try:
        failing(v)
    except ValueError:
        pass
print(calls, failing.cache_info())

info = sq.cache_info()
print(type(info).__name__, info._fields, info.hits, info[1], isinstance(info, tuple))


@functools.cache
def listed(x):
    return [x]


print(listed(1) is listed(1), listed.cache_info(), listed.cache_parameters())


class Account:
    @lru_cache(maxsize=None)
    def balance(self, n):
        return n * 10


a = Account()
print(a.balance(2), a.balance(2), Account.balance.cache_info())
try:
    lru_cache('big')
except TypeError as e:
    print(type(e).__name__, e)
