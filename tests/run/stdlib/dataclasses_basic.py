# @dataclass basics: the generated __init__ (its errors name P.__init__ as
# CPython does), __repr__, __eq__, __hash__ set to None, the docstring,
# __match_args__, field() options, mutable defaults and field order errors.
from dataclasses import (dataclass, field, fields, asdict, astuple, replace, is_dataclass,
                         make_dataclass, FrozenInstanceError, InitVar, KW_ONLY, MISSING, Field)
from typing import ClassVar, List, Optional


def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

@dataclass
class Point:
    x: int
    y: int = 0
show(lambda: Point(1, 2))
show(lambda: Point(1))
show(lambda: Point())
show(lambda: Point(1, 2, 3))
show(lambda: Point(x=1, z=2))
show(lambda: Point(1) == Point(1, 0))
show(lambda: Point(1) == (1, 0))
show(lambda: Point(1) != Point(2))
show(lambda: hash(Point(1)))
show(lambda: Point.__hash__)
show(lambda: Point.__doc__)
show(lambda: Point.__match_args__)
show(lambda: [f.name for f in fields(Point)])
show(lambda: fields(Point(1))[1].default)
show(lambda: Point.__dataclass_params__)
show(lambda: Point.y)
show(lambda: Point.__init__.__qualname__)
show(lambda: Point.__repr__.__qualname__)
show(lambda: Point.__init__.__annotations__)
def mut():
    @dataclass
    class M:
        x: list = []
show(mut)
def mut2():
    @dataclass
    class M:
        x: dict = {}
show(mut2)
def nondef():
    @dataclass
    class M:
        x: int = 1
        y: int
show(nondef)
@dataclass
class C:
    a: int
    b: list = field(default_factory=list)
    c: str = field(default='s', repr=False)
    d: int = field(default=0, compare=False)
    e: int = field(init=False, default=9)
    f: List[int] = field(default_factory=lambda: [1, 2])
    g: ClassVar[int] = 100
    meta: int = field(default=1, metadata={'unit': 'm'})
c1 = C(1)
show(lambda: c1)
show(lambda: C(1).b is C(1).b)
show(lambda: C(1, d=5) == C(1, d=6))
show(lambda: C.g)
show(lambda: 'g' in C.__dataclass_fields__)
show(lambda: [f.name for f in fields(C)])
show(lambda: fields(C)[-1].metadata['unit'])
show(lambda: fields(C)[-1].metadata)
show(lambda: C.__doc__)
show(lambda: hasattr(C, 'b'))
show(lambda: C(1, e=3))
show(lambda: asdict(c1))
show(lambda: astuple(c1))
show(lambda: replace(c1, a=5))
show(lambda: replace(c1, e=5))
show(lambda: field(default=1, default_factory=list))
