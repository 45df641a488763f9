# __post_init__ with InitVar pseudo-fields, KW_ONLY and kw_only=, slots=True.
from dataclasses import (dataclass, field, fields, asdict, astuple, replace, is_dataclass,
                         make_dataclass, FrozenInstanceError, InitVar, KW_ONLY, MISSING, Field)
from typing import ClassVar, List, Optional


def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

@dataclass
class Post:
    a: int
    b: int = field(init=False)
    scale: InitVar[int] = 2
    def __post_init__(self, scale):
        self.b = self.a * scale
show(lambda: Post(3))
show(lambda: Post(3, 10))
show(lambda: [f.name for f in fields(Post)])
show(lambda: Post.__dataclass_fields__['scale']._field_type)
show(lambda: replace(Post(1, 3), a=2))
show(lambda: InitVar[int])
show(lambda: InitVar[List[int]])
@dataclass
class K:
    a: int
    _: KW_ONLY
    b: int
    c: int = 3
show(lambda: K(1, b=2))
show(lambda: K(1, 2))
show(lambda: K.__doc__)
show(lambda: K.__match_args__)
@dataclass(kw_only=True)
class K2:
    a: int = 1
    b: int
show(lambda: K2(b=2))
@dataclass
class K3:
    a: int = field(kw_only=True)
    b: int = 1
show(lambda: K3(2, a=1))
