# collections.deque: construction, both ends, and every plain method.
from collections import deque
import collections

print(collections.deque is deque, 'deque' in collections.__all__)
print(deque, deque.__name__, deque.__qualname__, deque.__module__)
print(type(iter(deque())), type(reversed(deque())))
print(deque(), deque([]), deque([1, 2, 3]), deque('abc'), deque(range(4)))
print(deque((1, 2)), deque(deque([5, 6])), deque({7: 'x'}), deque(x * x for x in range(5)))
print(deque(iterable=[1, 2]), deque([1], None), deque(maxlen=None), deque(maxlen=2))

d = deque()
print(len(d), bool(d), not d, d.maxlen)
d.append(1)
d.append(2)
d.appendleft(0)
d.appendleft(-1)
print(d, len(d), bool(d), list(d), list(reversed(d)))
print(d.pop(), d.popleft(), d)
d.extend([3, 4])
d.extend((5,))
d.extend(iter([6]))
d.extendleft([-1, -2])
print(d)
d.extend(d)
print(d)
d.extendleft(d)
print(d)
d.clear()
print(d, len(d))
d.clear()

# indexing
d = deque(range(10))
print(d[0], d[9], d[-1], d[-10], d[5])
d[0] = 'a'
d[-1] = 'z'
d[4] = 'm'
print(d)
del d[0]
del d[-1]
del d[3]
print(d, len(d))
del d[5]
del d[1]
print(d)
print(d[True], d[False])

# count, index, contains, remove
d = deque([1, 2, 3, 2, 1, 2])
print(d.count(2), d.count(9), d.count(1.0))
print(d.index(2), d.index(2, 2), d.index(2, 4), d.index(1, -2), d.index(2, -100, 100), d.index(3, 0, 3))
print(d.index(2, 2, -1), d.index(1, 1))
print(2 in d, 9 in d, 2.0 in d, 'x' not in d)
d.remove(2)
print(d)
d.remove(1)
d.remove(1)
print(d)
nan = float('nan')
d = deque([nan])
print(nan in d, d.count(nan), d.index(nan))
d.remove(nan)
print(d)

# insert
d = deque([1, 2, 3])
d.insert(0, 'a')
d.insert(2, 'b')
d.insert(100, 'c')
d.insert(-1, 'd')
d.insert(-100, 'e')
d.insert(-2, 'f')
print(d)
e = deque()
e.insert(5, 1)
e.insert(-5, 0)
print(e)

# reverse, rotate
d = deque(range(7))
d.reverse()
print(d)
d.rotate()
print(d)
d.rotate(2)
print(d)
d.rotate(-3)
print(d)
d.rotate(7)
print(d)
d.rotate(-15)
print(d)
d.rotate(0)
print(d)
e = deque()
e.rotate(3)
e.reverse()
print(e)
e = deque([1])
e.rotate(-4)
e.reverse()
print(e)

# copy
d = deque([1, [2], 3])
c = d.copy()
print(c, c == d, c is d, c[1] is d[1])
c2 = d.__copy__()
print(c2, type(c2) is deque)

# maxlen attribute, class_getitem, hashing
print(deque().maxlen, deque(maxlen=0).maxlen, deque([], 5).maxlen)
print(deque.__hash__)
print(isinstance(deque(), deque), issubclass(deque, object))

# iteration and reversal
d = deque('hello')
print(''.join(d), ''.join(reversed(d)), ''.join(d.__reversed__()))
it = iter(d)
print(it.__length_hint__(), next(it), it.__length_hint__(), iter(it) is it)
r = reversed(d)
print(r.__length_hint__(), next(r), next(r), r.__length_hint__())
print(list(it), list(r), list(it), list(r))
print(sorted(deque([3, 1, 2])), sum(deque(range(100))), max(deque([4, 9, 2])))
a, b, *rest = deque(range(5))
print(a, b, rest)

# __reduce__
print(deque([1, 2]).__reduce__()[:3], deque([1], 3).__reduce__()[:3])
print(list(deque([1, 2]).__reduce__()[3]))
