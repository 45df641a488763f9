# itertools.count, cycle and repeat: values, reprs (also after advancing),
# laziness, __length_hint__ and argument errors.
from itertools import count, cycle, repeat, islice


def noisy(n):
    for i in range(n):
        print('  read', i)
        yield i


print(list(islice(count(10), 3)), list(islice(count(1, 0.5), 3)),
      list(islice(count(step=-2), 3)), list(islice(count(True), 2)))
c = count(5)
next(c)
print(repr(c), repr(count()), repr(count(1.5, 2)), repr(count(0, True)), repr(count(2 ** 70)),
      repr(count(1, 2 ** 70)), repr(count(start=3, step=1.0)))
print(list(islice(count(0.1, 0.1), 3)), list(islice(count(2 ** 63 - 1), 2)))
for args, kw in [(('a',), {}), ((1, 2, 3), {}), ((), {'x': 1}), ((1,), {'start': 2})]:
    try:
        count(*args, **kw)
    except TypeError as e:
        print(type(e).__name__, e)

print(list(islice(cycle('ab'), 5)), list(cycle([])), list(islice(cycle(range(3)), 7)))
cy = cycle(noisy(2))
print(next(cy))
print(next(cy), next(cy), next(cy))
for args in [(), (1,), ([], [])]:
    try:
        cycle(*args)
    except TypeError as e:
        print(type(e).__name__, e)

print(list(repeat('x', 3)), list(repeat(1, 0)), list(repeat(1, -5)), list(islice(repeat([]), 2)))
r = repeat('z', 3)
next(r)
print(repr(r), repr(repeat(1)), repr(repeat(None, times=2)), repr(repeat(1, -5)), r.__length_hint__())
try:
    repeat(1).__length_hint__()
except TypeError as e:
    print(type(e).__name__, e)
for args, kw in [((), {}), ((1, None), {}), ((1, 2, 3), {}), ((1, 'a'), {})]:
    try:
        repeat(*args, **kw)
    except TypeError as e:
        print(type(e).__name__, e)
print(list(map(pow, range(4), repeat(2))), list(zip('abc', count(1))))
print(type(count()).__name__, type(cycle('')).__module__, iter(c) is c)
