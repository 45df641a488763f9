# typing's run-time helpers: get_type_hints (forward references, inherited
# class annotations, Annotated stripping, None), cast, NewType, overload
# and get_overloads, final, no_type_check, assert_never, assert_type,
# dataclass_transform, ForwardRef, module attribute errors.
import typing
from typing import (get_type_hints, cast, NewType, overload, get_overloads, clear_overloads,
                    final, no_type_check, assert_never, assert_type, dataclass_transform,
                    Annotated, ClassVar, List, Optional, ForwardRef)


def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


class A:
    a: int
    b: 'List[int]'
    c: ClassVar[int] = 3
    d: Optional['A'] = None
    e: None


class B(A):
    f: Annotated[int, 'meta']
    g: 'Annotated[str, 1]'


show(lambda: get_type_hints(A))
show(lambda: get_type_hints(B))
show(lambda: get_type_hints(B, include_extras=True)['f'])
show(lambda: get_type_hints(1))
show(lambda: get_type_hints(len))

UserId = NewType('UserId', int)
show(lambda: (UserId, UserId(5), UserId.__supertype__, UserId.__name__))
show(lambda: UserId | None)


def subclass_newtype():
    class X(UserId):
        pass


show(subclass_newtype)
show(lambda: cast(int, 'not an int'))
show(lambda: cast('List[int]', []))
show(lambda: assert_type(3, str))


@overload
def f(x: int) -> int: ...
@overload
def f(x: str) -> str: ...
def f(x):
    return x


show(lambda: (f(3), len(get_overloads(f))))
clear_overloads()
show(lambda: get_overloads(f))


@overload
def g(x: int) -> int: ...


show(lambda: g(1))


@final
class Leaf:
    @final
    def m(self):
        pass


show(lambda: (Leaf.__final__, Leaf.m.__final__))


@no_type_check
def untyped(x: 'not a type'):
    pass


show(lambda: (untyped.__no_type_check__, get_type_hints(untyped)))
show(lambda: assert_never(3))
show(lambda: assert_never('x' * 200))


@dataclass_transform(kw_only_default=True)
def model(cls):
    return cls


show(lambda: model.__dataclass_transform__)
show(lambda: (ForwardRef('x'), ForwardRef('x') == ForwardRef('x')))
show(lambda: ForwardRef('x y'))
show(lambda: ForwardRef(3))
show(lambda: typing.nonexistent)
show(lambda: 'List' in dir(typing) and 'Iterable' in dir(typing))
