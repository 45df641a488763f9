# TypeVar, ParamSpec and Generic: type variable reprs and checks,
# substitution in aliases, user generic classes (parameters, subscription,
# __orig_bases__, __orig_class__) and their errors.
from typing import (TypeVar, Generic, List, Dict, Optional, Union, Callable, Tuple, Iterable,
                    Type, ParamSpec, Concatenate)


def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


T = TypeVar('T')
K = TypeVar('K')
N = TypeVar('N', bound=int)
Co = TypeVar('Co', covariant=True)
Contra = TypeVar('Contra', contravariant=True)
S = TypeVar('S', int, str)

show(lambda: (T, N, Co, Contra, S))
show(lambda: (T.__name__, N.__bound__, S.__constraints__, Co.__covariant__, T.__module__))
show(lambda: TypeVar('X', int))
show(lambda: TypeVar('X', int, str, bound=int))
show(lambda: TypeVar('X', covariant=True, contravariant=True))
show(lambda: T | None)

show(lambda: List[T])
show(lambda: List[T][int])
show(lambda: Dict[K, List[T]][str, int])
show(lambda: Dict[K, T].__parameters__)
show(lambda: Optional[T][int])
show(lambda: Union[T, int][str])
show(lambda: Callable[[T], K][int, str])
show(lambda: Callable[..., T][bytes])
show(lambda: Tuple[T, ...][int])
show(lambda: Iterable[T][int])
show(lambda: Type[T][int])
show(lambda: list[T][int])
show(lambda: (T | None)[int])
show(lambda: List[T][int, str])
show(lambda: List[int][int])


class Box(Generic[T]):
    def __init__(self, v):
        self.v = v


class Pair(Generic[K, T]):
    pass


class IntBox(Box[int]):
    pass


class LBox(List[T]):
    pass


show(lambda: Box[int])
show(lambda: Box[int](3).v)
show(lambda: Box[int](3).__orig_class__)
show(lambda: (Box.__parameters__, Box.__orig_bases__))
show(lambda: Box.__mro__)
show(lambda: Box[int] == Box[int])
show(lambda: Pair[str, int])
show(lambda: Pair[str])
show(lambda: Box[int, str])
show(lambda: (IntBox.__orig_bases__, IntBox.__parameters__))
show(lambda: IntBox[int])
show(lambda: (LBox.__mro__, LBox[int], LBox.__parameters__))
show(lambda: Generic[int])
show(lambda: Generic[T, T])
show(lambda: Generic[()])
show(lambda: Generic[T][int])


def plain_generic():
    class Bad(Generic):
        pass


def twice():
    class Bad(Generic[T], Generic[K]):
        pass


def missing():
    class Bad(List[T], Generic[K]):
        pass


for f in (plain_generic, twice, missing):
    show(f)

P = ParamSpec('P')
show(lambda: (P, P.args, P.kwargs))
show(lambda: Callable[P, int])
show(lambda: Callable[Concatenate[int, P], int])
show(lambda: Callable[P, int][[str, bytes]])


class Z(Generic[P]):
    pass


show(lambda: (Z[int, str], Z[[int, str]]))
