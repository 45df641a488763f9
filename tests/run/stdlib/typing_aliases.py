# typing's aliases and special forms: reprs, Union/Optional flattening and
# deduplication, the argument-count and type errors, get_origin/get_args,
# and the unions they make with `|`.
import typing
from typing import (Any, Union, Optional, List, Dict, Set, FrozenSet, Tuple, Type, Callable,
                    Iterable, Iterator, Generator, AsyncIterator, Awaitable, Coroutine,
                    AsyncGenerator, Sequence, Mapping, MutableMapping, Deque, DefaultDict,
                    ChainMap, ClassVar, Final, Literal, Annotated, NoReturn, get_origin, get_args)


def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


for alias in (List[int], Dict[str, int], Set[int], FrozenSet[int], Type[int], Tuple[int, str],
              Tuple[int, ...], Tuple[()], Callable[[int], str], Callable[..., int],
              Callable[[], None], Iterable[int], Iterator[int], Generator[int, None, None],
              AsyncIterator[bytes], Awaitable[int], Coroutine[Any, Any, int],
              AsyncGenerator[int, None], Sequence[int], Mapping[str, int],
              MutableMapping[str, List[int]], Deque[int], DefaultDict[str, int],
              typing.OrderedDict[str, int], typing.Counter[str], ChainMap[str, int],
              typing.AbstractSet[int], List, typing.Hashable, typing.Sized):
    print(repr(alias))

show(lambda: Optional[int])
show(lambda: Union[int, str])
show(lambda: Union[int, str, None])
show(lambda: Union[int])
show(lambda: Union[int, Union[str, float]])
show(lambda: Union[int, int, str])
show(lambda: Union[int, str] == Union[str, int])
show(lambda: Optional[int] == Union[None, int])
show(lambda: Union[int, bool])
show(lambda: Union[int, List[int]] | str)
show(lambda: List[int] | None)
show(lambda: int | List[int])
show(lambda: Optional[List['Node']])
show(lambda: Union[()])
show(lambda: Optional[int, str])
show(lambda: isinstance(1, Union[int, str]))
show(lambda: isinstance(1, Optional))

show(lambda: ClassVar[int])
show(lambda: Final[List[int]])
show(lambda: Literal[1, 'a', True, None])
show(lambda: Literal[1] == Literal[True])
show(lambda: Literal[Literal[1, 2], 3])
show(lambda: Annotated[int, 'meta', 2])
show(lambda: Annotated[Annotated[int, 1], 2])
show(lambda: (Any, NoReturn, typing.Never, typing.Self, typing.LiteralString, typing.TypeAlias))
show(lambda: typing.AnyStr)
show(lambda: typing.Text is str)
show(lambda: typing.TYPE_CHECKING)

# Errors.
show(lambda: List[int, str])
show(lambda: Dict[int])
show(lambda: typing.Hashable[int])
show(lambda: Callable[int, str])
show(lambda: ClassVar[int, str])
show(lambda: NoReturn[int])
show(lambda: Annotated[int])
show(lambda: List[int]())
show(lambda: isinstance([], List[int]))
show(lambda: isinstance(1, Any))
show(lambda: Any())
show(lambda: Union())
show(lambda: List[(int, str)])
show(lambda: List[ClassVar[int]])
show(lambda: List[Optional])

# What isinstance accepts.
show(lambda: (isinstance([], List), issubclass(list, Sequence), issubclass(dict, Mapping)))
show(lambda: typing.Deque[int]([1]))

# Introspection.
for tp in (List[int], Dict[str, int], Callable[[int], str], Callable[..., int],
           Union[int, str], int | str, Annotated[int, 1], list[int], Literal[1], int, Any):
    print(get_origin(tp), get_args(tp))
show(lambda: (List[int].__origin__, List[int].__args__, List[int].__parameters__))
show(lambda: List[int] == List[int] and hash(List[int]) == hash(List[int]))
