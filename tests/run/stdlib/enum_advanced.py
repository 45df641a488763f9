# auto(), duplicate names, @unique, _missing_, _generate_next_value_, the
# functional API, __init__ with tuple values, members named name/value,
# extension rules, _order_, _ignore_, mixins, dir().
import enum
from enum import Enum, IntEnum, StrEnum, Flag, IntFlag, auto, unique


def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

class A(Enum):
    X = auto()
    Y = auto()
    Z = auto()
show(lambda: list(A))
class AF(Flag):
    A = auto()
    B = auto()
    C = auto()
    AB = A | B
show(lambda: list(AF))
show(lambda: AF.AB)
show(lambda: AF(7))
def dup():
    class D(Enum):
        A = 1
        A = 2
show(dup)
def uniq():
    @unique
    class U(Enum):
        A = 1
        B = 1
show(uniq)
class M(Enum):
    A = 1
    @classmethod
    def _missing_(cls, value):
        if value == 'a': return cls.A
show(lambda: M('a'))
show(lambda: M('b'))
class G(Enum):
    def _generate_next_value_(name, start, count, last_values):
        return name * 2
    P = auto()
    Q = auto()
show(lambda: list(G))
F = Enum('F', 'X Y Z')
show(lambda: list(F))
show(lambda: F.__module__)
F2 = Enum('F2', [('A', 10), ('B', 20)])
show(lambda: list(F2))
F3 = IntEnum('F3', {'A': 5})
show(lambda: F3.A + 1)
class Planet(Enum):
    EARTH = (5.97e24, 6.37e6)
    MARS = (6.42e23, 3.39e6)
    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius
show(lambda: Planet.EARTH.mass)
show(lambda: Planet.MARS.value)
class W(Enum):
    name = 1
    value = 2
show(lambda: W.name)
show(lambda: W.name.name)
show(lambda: W.value.value)
show(lambda: Color.RED.__class__)
show(lambda: enum.EnumMeta is enum.EnumType)
def ext():
    class C2(Color): pass
show(ext)
class Empty(Enum):
    def hello(self): return 'hi'
class Ext(Empty):
    A = 1
show(lambda: Ext.A.hello())
show(lambda: Color.__len__)
def bad_order():
    class Ord(Enum):
        _order_ = 'B A'
        A = 1
        B = 2
show(bad_order)
class Ord2(Enum):
    _order_ = 'A B'
    A = 1
    B = 2
show(lambda: list(Ord2))
show(lambda: Color.RED.__reduce_ex__(2))
show(lambda: dir(Color.RED))
show(lambda: dir(Color))
class TE(tuple, Enum):
    P = (1, 2)
show(lambda: TE.P)
show(lambda: TE.P[0])
show(lambda: Perm.R.value)
show(lambda: Perm.R | 1)
show(lambda: Num.ONE | 1)
show(lambda: enum.STRICT)
show(lambda: repr(enum.KEEP))
show(lambda: Perm._boundary_)
show(lambda: IP._boundary_)
class Sh(Enum):
    _ignore_ = 'tmp'
    tmp = 5
    A = 1
show(lambda: list(Sh))
def sunder():
    class X(Enum):
        _foo_ = 1
show(sunder)
show(lambda: Color._value2member_map_)
class Mixed(int, Enum):
    A = 1
show(lambda: (repr(Mixed.A), str(Mixed.A), format(Mixed.A)))
class FE(float, Enum):
    PI = 3.14
show(lambda: (repr(FE.PI), str(FE.PI), format(FE.PI), FE.PI * 2))
