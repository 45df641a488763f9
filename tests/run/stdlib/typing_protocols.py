# typing.Protocol: structural checks with @runtime_checkable (methods and
# data members, isinstance and issubclass), the errors of non-runtime
# protocols, generic protocols, instantiation, and the Supports* protocols.
import typing
from typing import Protocol, runtime_checkable, TypeVar, SupportsInt, SupportsIndex, SupportsAbs

T = TypeVar('T')


def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


class Closer(Protocol):
    def close(self) -> None: ...


@runtime_checkable
class HasLen(Protocol):
    def __len__(self) -> int: ...


@runtime_checkable
class HasX(Protocol):
    x: int


class File:
    def close(self):
        pass


class WithX:
    def __init__(self):
        self.x = 1


show(lambda: isinstance(File(), Closer))
show(lambda: issubclass(File, Closer))
show(lambda: (isinstance([], HasLen), isinstance(1, HasLen), issubclass(dict, HasLen)))
show(lambda: (isinstance(WithX(), HasX), isinstance(File(), HasX)))
show(lambda: issubclass(WithX, HasX))
show(lambda: Closer())
show(lambda: runtime_checkable(int))


class Impl(Closer):
    def __init__(self, a):
        self.a = a


show(lambda: Impl(5).a)
show(lambda: isinstance(Impl(1), Closer))


def bad_base():
    class P(Protocol, int):
        pass


show(bad_base)


class GetProto(Protocol[T]):
    def get(self) -> T: ...


show(lambda: (GetProto[int], GetProto.__parameters__))


class Blocked:
    __len__ = None


show(lambda: isinstance(Blocked(), HasLen))
show(lambda: (isinstance(3, SupportsInt), isinstance('x', SupportsInt), isinstance(2.5, SupportsInt)))
show(lambda: (issubclass(int, SupportsIndex), issubclass(float, SupportsIndex)))
show(lambda: (SupportsAbs[int], isinstance(-1, SupportsAbs)))
show(lambda: SupportsInt.__mro__)
