# The collections.abc classes are generic (PEP 585): Iterable[int] is a
# types.GenericAlias printed with its module; Callable keeps its argument
# list apart in the repr while __args__ is flat; substitution of type
# variables; subclassing an alias; the non-generic ABCs refuse.
import collections.abc as cabc
from collections.abc import Callable, Iterable, Mapping, Sequence, Awaitable, Generator, MutableMapping, Set
from typing import TypeVar
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
T = TypeVar('T')
show(lambda: Iterable[int])
show(lambda: Mapping[str, int])
show(lambda: Sequence[int])
show(lambda: Awaitable[int])
show(lambda: Generator[int, None, None])
show(lambda: MutableMapping[str, list[int]])
show(lambda: Set[int])
show(lambda: cabc.Coroutine[int, int, int])
show(lambda: cabc.AsyncIterator[int])
show(lambda: cabc.KeysView[str])
show(lambda: Callable[[int], str])
show(lambda: Callable[[int, str], list[int]])
show(lambda: Callable[..., int])
show(lambda: Callable[[], None])
show(lambda: Callable[[int], str].__args__)
show(lambda: Callable[[int], str].__origin__)
show(lambda: type(Callable[[int], str]))
show(lambda: Callable[int, str])
show(lambda: Callable[[T], T][int])
show(lambda: Callable[[T], T].__parameters__)
show(lambda: Iterable[T][str])
show(lambda: isinstance([], Iterable[int]))
show(lambda: Iterable[int] | None)
show(lambda: cabc.Hashable[int])
show(lambda: cabc.Sized[int])
class MyIt(Iterable[int]):
    def __iter__(self): return iter([1])
show(lambda: list(MyIt()))
show(lambda: MyIt.__orig_bases__)
show(lambda: Callable[[int], str] == Callable[[int], str])
