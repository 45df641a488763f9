# Subclasses of deque: attributes, their own __init__ and __iter__, and the
# methods that make new deques (copy, +, *) calling the subclass.
from collections import deque

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

class D(deque):
    pass
d = D([1, 2, 3])
d.tag = 'x'
print(d, d.tag, len(d), type(d).__name__, isinstance(d, deque), d.__dict__)
print(D(), D('ab', 2), D(maxlen=1))
c = d.copy()
print(type(c).__name__, c, c.__dict__, c == d)
print(type(d + deque([4])).__name__, d + deque([4]), type(deque([4]) + d).__name__)
print(type(d * 2).__name__, d * 2, type(2 * d).__name__)
d += [9]
d *= 2
print(type(d).__name__, d)
print(d == deque(d), deque(d) == d, d < D([2]), D() < deque([0]))
print(d.__reduce__()[0] is D, d.__reduce__()[1], d.__reduce__()[2])
print(D([1], 3).__reduce__()[1:3])
print(D.__name__, D.__qualname__, D.__module__, D.__mro__)

class Named(deque):
    def __init__(self, name, items=()):
        super().__init__(items, 4)
        self.name = name
n = Named('q', range(10))
print(n, n.name, n.maxlen)
show(lambda: n.copy())
show(lambda: n + deque())

class Weird(deque):
    def __init__(self, *args):
        pass
w = Weird([1, 2])
w.extend([3, 4])
print(w, w.copy(), w.maxlen)

class Bad(deque):
    def __new__(cls, *args):
        if args:
            return 42
        return super().__new__(cls)
b = Bad()
b.append(1)
show(lambda: b.copy())
show(lambda: b + deque())
show(lambda: b * 2)

class Rev(deque):
    def __iter__(self):
        return reversed(list(deque.__iter__(self)))
r = Rev([1, 2, 3])
print(r, list(r), r == deque([3, 2, 1]), r == deque([1, 2, 3]))
print(deque(r), r.copy(), r * 2)
e = deque()
e.extend(r)
print(e, r.index(3), r.count(3), 3 in r, r[0])

class Bool(deque):
    def __len__(self):
        return 7
    def __bool__(self):
        return False
bb = Bool([1])
print(len(bb), bool(bb), list(bb))

class Cmp(deque):
    def __eq__(self, other):
        return 'eq called'
    __hash__ = None
print(Cmp() == deque(), deque() == Cmp(), deque() != Cmp())

class Radd:
    def __radd__(self, other):
        return 'radd of ' + type(other).__name__
    def __rmul__(self, other):
        return 'rmul of ' + type(other).__name__
print(deque([1]) + Radd(), deque([1]) * Radd(), D() + Radd())
x = deque([1])
x += Radd()
print(x)
x = deque([1])
x *= Radd()
print(x)
class Idx:
    def __index__(self):
        return 2
print(deque('ab') * Idx(), Idx() * deque('ab'))
print(deque('abc')[Idx()], deque('abc').insert(Idx(), 'x'))
y = deque('abc')
y.rotate(Idx())
print(y)

class Slots(deque):
    __slots__ = ('a',)
s = Slots([1])
s.a = 2
print(s, s.a, s.__reduce__()[2])
show(lambda: setattr(s, 'b', 1))
class G(deque):
    def __getstate__(self):
        return 'state'
print(G([1]).__reduce__()[2], d.__reduce__()[2] is d.__dict__, D().__reduce__()[2])
s2 = Slots()
print(s2.__reduce__()[1:3])
