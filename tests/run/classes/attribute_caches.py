# Attribute and global lookups that change under a running loop: every
# access site below runs many times, before and after the change, so a
# remembered answer that is no longer right would show.
import sys


class Point:
    scale = 2

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm(self):
        return self.x + self.y


def reads(objs):
    return [(o.x, o.scale, o.norm()) for o in objs]


ps = [Point(i, i * 10) for i in range(3)]
print(reads(ps))
print(reads(ps))

# A class attribute changes; then an instance shadows it.
Point.scale = 5
print(reads(ps))
ps[1].scale = 'own'
print(reads(ps))
del ps[1].scale
print(reads(ps))

# A method is replaced on the class, then shadowed by an instance attribute.
Point.norm = lambda self: ('replaced', self.x)
print(reads(ps))
ps[0].norm = lambda: 'instance'
print(reads(ps))
del ps[0].norm
print(reads(ps))

# A data descriptor (property) added later wins over the instance dict.
print(reads(ps))
Point.x = property(lambda self: 'prop')
print(reads(ps))
del Point.x
print(reads(ps))

# The instance dict itself is replaced.
p = ps[2]
for i in range(3):
    print(p.x, end=' ')
    if i == 1:
        p.__dict__ = {'x': 'new dict', 'y': 0}
print()

# Attributes stored in another order by another instance.
class Bag:
    pass

def fill(b, names):
    for n in names:
        setattr(b, n, n.upper())
    return b

def read_a(b):
    return b.a

bags = [fill(Bag(), 'abc'), fill(Bag(), 'cba'), fill(Bag(), 'b')]
for b in bags:
    try:
        print(read_a(b))
    except AttributeError as e:
        print('AttributeError:', e)
del bags[0].a
for b in bags:
    try:
        print(read_a(b))
    except AttributeError as e:
        print('AttributeError:', e)

# Stores: the same site writes instances of two classes; a __setattr__
# appears later; a slot descriptor.
class Plain:
    pass

class Logged:
    def __setattr__(self, name, value):
        print('set', name, value)
        object.__setattr__(self, name, value)

class Slotted:
    __slots__ = ('v',)

def store(o, v):
    o.v = v
    return o.v

for o in [Plain(), Plain(), Logged(), Slotted(), Plain()]:
    print(type(o).__name__, store(o, 1), store(o, 2))
Plain.__setattr__ = lambda self, n, v: print('now logged', n, v)
q = Plain()
try:
    store(q, 3)
except AttributeError as e:
    print('AttributeError:', e)
print(vars(q))

# Subclass overriding after the base's method was used at the same site.
class Base:
    def who(self):
        return 'base'

class Child(Base):
    pass

def ask(o):
    return o.who()

c = Child()
print(ask(c), ask(Base()), ask(c))
Child.who = lambda self: 'child'
print(ask(c), ask(Base()), ask(c))
Base.who = lambda self: 'new base'
print(ask(c), ask(Base()))
del Child.who
print(ask(c), ask(Base()))

# __getattr__ added to a class after a miss was seen at the site.
class Lazy:
    pass

def get_missing(o):
    try:
        return o.missing
    except AttributeError as e:
        return 'AttributeError: %s' % e

lz = Lazy()
print(get_missing(lz), get_missing(lz))
Lazy.__getattr__ = lambda self, name: 'computed ' + name
print(get_missing(lz), get_missing(lz))

# Builtins shadowed by a global, then the global deleted.
def use_len(s):
    return len(s)

print(use_len('abc'), use_len('abcd'))
len = lambda s: 'shadowed'
print(use_len('abc'))
del len
print(use_len('abc'))

# A global rebound and deleted under a running function.
counter = 0
def bump():
    return counter + 1

print(bump())
counter = 41
print(bump())
del counter
try:
    bump()
except NameError as e:
    print('NameError:', e)
globals()['counter'] = 99
print(bump())

# Module attributes: changed, deleted, restored.
def version_major():
    return sys.version_info[0]

print(version_major())
saved = sys.version_info
sys.version_info = (7, 0)
print(version_major())
del sys.version_info
try:
    version_major()
except AttributeError as e:
    print('AttributeError:', e)
sys.version_info = saved
print(version_major())

# Methods of builtin types through the same call site.
def first_upper(x):
    return x.upper()

print(first_upper('ab'), first_upper(b'cd'), first_upper('ef'))
try:
    first_upper(3)
except AttributeError as e:
    print('AttributeError:', e)

# A class attribute on an instance without a dict (slots), then with one.
class S:
    __slots__ = ()
    tag = 'class tag'

class D(S):
    pass

def tag(o):
    return o.tag

d = D()
print(tag(S()), tag(d))
d.tag = 'instance tag'
print(tag(S()), tag(d))
