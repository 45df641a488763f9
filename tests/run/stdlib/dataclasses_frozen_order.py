# frozen dataclasses (FrozenInstanceError, hashing, inheritance rules),
# order=True, unsafe_hash and the errors when methods would be overwritten.
from dataclasses import (dataclass, field, fields, asdict, astuple, replace, is_dataclass,
                         make_dataclass, FrozenInstanceError, InitVar, KW_ONLY, MISSING, Field)
from typing import ClassVar, List, Optional


def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

@dataclass(frozen=True)
class F:
    x: int
    y: str = 'a'
f1 = F(1)
show(lambda: f1)
def setx(): f1.x = 2
show(setx)
def delx(): del f1.x
show(delx)
def setz(): f1.z = 2
show(setz)
show(lambda: hash(f1) == hash((1, 'a')))
show(lambda: replace(f1, y='b'))
show(lambda: issubclass(FrozenInstanceError, AttributeError))
def inh1():
    @dataclass
    class G(F):
        z: int = 0
show(inh1)
def inh2():
    @dataclass(frozen=True)
    class G(Point):
        z: int = 0
show(inh2)
@dataclass(order=True)
class O:
    a: int
    b: str = ''
show(lambda: O(1) < O(2))
show(lambda: O(1, 'b') > O(1, 'a'))
show(lambda: sorted([O(3), O(1), O(2)]))
show(lambda: O(1) < 5)
show(lambda: O(1) <= O(1))
def ordbad():
    @dataclass(order=True, eq=False)
    class X:
        a: int
show(ordbad)
def ordbad2():
    @dataclass(order=True)
    class X:
        a: int
        def __lt__(self, o): return True
show(ordbad2)
@dataclass(unsafe_hash=True)
class U:
    a: int
    b: int = field(hash=False, default=0)
show(lambda: hash(U(1, 2)) == hash((1,)))
def hashbad():
    @dataclass(unsafe_hash=True)
    class X:
        a: int
        def __hash__(self): return 1
show(hashbad)
