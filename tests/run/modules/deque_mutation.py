# Changing a deque while something walks it: CPython's RuntimeError (or
# IndexError, for remove), never a crash or a stale read.
from collections import deque

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

# iterators: the forward one raises on every next(), the reverse one once
d = deque([1, 2, 3])
it = iter(d)
print(next(it))
d.append(4)
show(lambda: next(it))
show(lambda: next(it))
show(lambda: list(it))
r = reversed(d)
print(next(r))
d.popleft()
show(lambda: next(r))
show(lambda: next(r))
print(r.__length_hint__())
for mutate in [lambda: d.appendleft(0), lambda: d.pop(), lambda: d.extend([5]),
               lambda: d.rotate(1), lambda: d.clear(), lambda: d.insert(1, 'x'),
               lambda: d.remove(d[0]), lambda: d.__delitem__(0), lambda: d.__imul__(2),
               lambda: d.__init__([1, 2])]:
    d = deque([1, 2, 3])
    it = iter(d)
    next(it)
    mutate()
    show(lambda: next(it))
# what CPython does not count as a change: d[i] = x, reverse(), a no-op rotate/clear/extend
d = deque([1, 2, 3, 4])
it = iter(d)
print(next(it))
d[1] = 'b'
d.reverse()
print(list(it))
e = deque([7])
it = iter(e)
e.rotate(5)
e.extend([])
print(list(it))
e = deque()
it = iter(e)
e.clear()
print(list(it))
z = deque(maxlen=0)
it = iter(z)
z.extend([1])
print(list(it))
# iterating a deque that grows in the loop body
d = deque([1])
try:
    for x in d:
        d.append(x + 1)
except RuntimeError as e:
    print('RuntimeError:', e, d)

# comparisons with an __eq__ that changes a deque
class Mut:
    def __init__(self, target, how):
        self.target = target
        self.how = how
    def __eq__(self, other):
        self.how(self.target)
        return False
    __hash__ = None

d = deque([1, 2, 3])
show(lambda: d.count(Mut(d, lambda t: t.append(9))))
print(d)
d = deque([1, 2, 3])
show(lambda: Mut(d, lambda t: t.pop()) in d)
print(d)
d = deque([1, 2, 3])
show(lambda: d.index(Mut(d, lambda t: t.appendleft(0))))
print(d)
d = deque([1, 2, 3])
show(lambda: d.remove(Mut(d, lambda t: t.append(9))))
print(d)
d = deque([1, 2, 3])
show(lambda: d.remove(Mut(d, lambda t: t.clear())))
print(d)
d = deque([1, 2, 3])
show(lambda: d.remove(Mut(d, lambda t: t.__setitem__(0, 'z'))))
print(d)
d = deque([1, 2, 3])
show(lambda: d.count(Mut(d, lambda t: t.reverse())))
print(d)
d = deque(range(100))
show(lambda: d.index(Mut(d, lambda t: t.clear()), 50))
print(d)
# index's bounds run __index__, which may change the deque
class Idx:
    def __init__(self, target):
        self.target = target
    def __index__(self):
        self.target.clear()
        self.target.extend('ab')
        return 0
d = deque([1, 2, 3])
show(lambda: d.index('b', Idx(d)))
print(d)

# comparing two deques while one changes
a = deque([1, 2, 3])
b = deque([1, Mut(a, lambda t: t.append(4)), 3])
show(lambda: a == b)
show(lambda: b == a)
a = deque([1, 2, 3])
b = deque([1, Mut(a, lambda t: t.clear()), 3])
show(lambda: a < b)
a = deque([1, 2])
b = deque([1, 2, Mut(a, lambda t: t.append(3))])
show(lambda: a < b)
show(lambda: a <= b)

# an __eq__ that raises stops the search and leaves the deque as it was
class Boom:
    def __eq__(self, other):
        raise KeyError('boom')
    __hash__ = None
d = deque([1, 2, 3])
show(lambda: d.remove(Boom()))
show(lambda: d.count(Boom()))
show(lambda: d.index(Boom()))
show(lambda: Boom() in d)
show(lambda: d == deque([1, Boom(), 3]))
print(d)

# extend from an iterator that changes the deque
d = deque([1, 2])
def feeder():
    yield 'a'
    d.clear()
    yield 'b'
    d.appendleft('c')
    yield 'd'
d.extend(feeder())
print(d)
d = deque([1, 2])
def feeder2():
    for i in range(3):
        d.append(i * 10)
        yield i
d.extendleft(feeder2())
print(d)
d = deque([0], maxlen=3)
def feeder3():
    yield 1
    d.__init__(maxlen=1)
    yield 2
    yield 3
d.extend(feeder3())
print(d, d.maxlen)

# self-reference: repr, extend, comparison
d = deque([1])
d.append(d)
print(d, len(d))
d.extend(d)
print(len(d), d[1] is d, d[3] is d)
e = deque([d, [d]])
print(e)
print(d == d, d != d, d <= d)
a = deque()
a.append(a)
b = deque()
b.append(b)
show(lambda: a == b)
class R:
    def __repr__(self):
        d2.clear()
        return 'R'
d2 = deque([R(), R(), 3])
print(d2, d2)
