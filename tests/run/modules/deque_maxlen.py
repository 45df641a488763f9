# Bounded deques drop items from the other end, as CPython's do.
from collections import deque

d = deque(maxlen=3)
for i in range(6):
    d.append(i)
    print(d)
for i in range(4):
    d.appendleft(-i)
    print(d)
d = deque(range(10), maxlen=4)
print(d, d.maxlen, len(d))
d.extend('abc')
print(d)
d.extendleft('xyz')
print(d)
d.extendleft(range(10))
print(d)
d.extend(d)
print(d)
d.extendleft(d)
print(d)

# maxlen=0 keeps nothing, yet consumes what it is given
z = deque(maxlen=0)
z.append(1)
z.appendleft(2)
z.extend([1, 2, 3])
z.extendleft(iter([1, 2]))
print(z, len(z), bool(z))
it = iter(range(5))
z.extend(it)
print(list(it))
def gen():
    print('gen runs')
    yield 1
    yield 2
    print('gen ends')
z.extend(gen())
z.extendleft(gen())
print(deque(gen(), maxlen=0))

# the pops and indexing of a full deque
d = deque('abcd', maxlen=4)
print(d.pop(), d.popleft(), d, len(d))
d.append('e')
d.appendleft('f')
d.append('g')
print(d, d[0], d[-1], d[1])

# insert into a full deque is an error
d = deque([1, 2], maxlen=2)
try:
    d.insert(0, 0)
except IndexError as e:
    print('IndexError:', e)
z = deque(maxlen=0)
try:
    z.insert(0, 0)
except IndexError as e:
    print('IndexError:', e)
d = deque([1, 2], maxlen=3)
d.insert(1, 'x')
print(d)

# rotation and reversal keep the bound
d = deque(range(5), maxlen=5)
d.rotate(2)
print(d)
d.reverse()
print(d)
d.rotate(-1)
d.append(9)
print(d)

# copies, concatenation and repetition keep maxlen
d = deque([1, 2, 3], maxlen=3)
print(d.copy(), d + deque([4, 5]), deque([4, 5]) + d)
print(d * 2, 2 * d, d * 0, d * -1, d * 1)
e = deque('ab', maxlen=5)
print(e * 3, e * 2)
e *= 4
print(e)
s = deque('x', maxlen=4)
s *= 10
print(s)
s = deque('x', maxlen=4)
print(s * 3)
f = deque([1, 2], maxlen=3)
f += [3, 4, 5]
print(f)

# __init__ again: clears, sets maxlen, refills
d = deque([1, 2, 3])
d.__init__('ab', 5)
print(d)
d.__init__(maxlen=1)
print(d)
d.__init__([7, 8, 9])
print(d)
print(deque(range(3), maxlen=True), deque(range(3), maxlen=False))

# reprs
print(deque([], maxlen=0), deque(maxlen=10), deque(['a', 1.5, None], maxlen=3))
print(repr(deque(range(3), 3)), str(deque(range(3), 3)))
