# fields(), asdict(), astuple(), replace(), is_dataclass(), make_dataclass(),
# recursive reprs, inheritance of fields, eq/repr/init switched off, user
# __init__ and docstrings, string ClassVar/InitVar annotations.
from dataclasses import (dataclass, field, fields, asdict, astuple, replace, is_dataclass,
                         make_dataclass, FrozenInstanceError, InitVar, KW_ONLY, MISSING, Field)
from typing import ClassVar, List, Optional


def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

@dataclass(slots=True)
class Sl:
    x: int
    y: int = 2
show(lambda: Sl(1))
show(lambda: Sl.__slots__)
def slset():
    s = Sl(1)
    s.z = 3
show(slset)
show(lambda: hasattr(Sl(1), '__dict__'))
def slbad():
    @dataclass(slots=True)
    class X:
        __slots__ = ('x',)
        x: int
show(slbad)
@dataclass
class Node:
    val: int
    nxt: Optional['Node'] = None
n = Node(1)
n.nxt = n
show(lambda: n)
show(lambda: is_dataclass(Node))
show(lambda: is_dataclass(n))
show(lambda: is_dataclass(1))
show(lambda: fields(1))
show(lambda: asdict(1))
show(lambda: astuple(Point))
show(lambda: replace(1))
MD = make_dataclass('MD', ['a', ('b', int), ('c', int, field(default=5))], namespace={'m': lambda self: self.a})
show(lambda: MD(1, 2))
show(lambda: MD(1, 2).m())
show(lambda: MD.__doc__)
show(lambda: make_dataclass('X', ['a', 'a']))
show(lambda: make_dataclass('X', ['class']))
show(lambda: make_dataclass('X', ['1a']))
@dataclass
class Inner:
    a: int
@dataclass
class Outer:
    i: Inner
    l: list
    d: dict
o = Outer(Inner(1), [Inner(2)], {'k': Inner(3)})
show(lambda: asdict(o))
show(lambda: astuple(o))
@dataclass
class Base:
    x: int = 1
    y: int = 2
@dataclass
class Derived(Base):
    z: int = 3
    x: int = 10
show(lambda: Derived())
show(lambda: Derived.__doc__)
@dataclass(eq=False)
class NE:
    a: int
show(lambda: NE(1) == NE(1))
show(lambda: NE.__hash__ is object.__hash__)
@dataclass(repr=False)
class NR:
    a: int
show(lambda: repr(NR(1)).startswith('<__main__.NR object'))
@dataclass(init=False)
class NI:
    a: int = 5
show(lambda: NI().a)
show(lambda: NI.__doc__)
@dataclass
class WithInit:
    a: int
    def __init__(self, q, *, r=2):
        self.a = q
show(lambda: WithInit(7))
show(lambda: WithInit.__doc__)
@dataclass
class Doc:
    """My doc."""
    a: int
show(lambda: Doc.__doc__)
@dataclass
class Selfy:
    self: int
show(lambda: Selfy(3))
def noann():
    @dataclass
    class X:
        a = field(default=1)
show(noann)
@dataclass
class CV:
    a: 'ClassVar[int]' = 3
    b: 'InitVar[int]' = 4
show(lambda: [f.name for f in fields(CV)])
show(lambda: CV.__dataclass_fields__['a']._field_type)
show(lambda: CV.__dataclass_fields__['b']._field_type)
def kwtwice():
    @dataclass
    class X:
        _: KW_ONLY
        __: KW_ONLY
show(kwtwice)
@dataclass
class Empty:
    pass
show(lambda: Empty())
show(lambda: Empty() == Empty())
show(lambda: Empty.__doc__)
