# PEP 585 generics of the builtin classes: list[int] and friends are
# types.GenericAlias objects with CPython's reprs, __origin__, __args__,
# __parameters__, calls that make the origin's instances, equality, and
# the errors of isinstance/issubclass and of bad subscriptions.
import types
from typing import TypeVar


def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


T = TypeVar('T')
K = TypeVar('K')

show(lambda: list[int])
show(lambda: dict[str, int])
show(lambda: tuple[int, ...])
show(lambda: tuple[()])
show(lambda: set[int])
show(lambda: frozenset[str])
show(lambda: type[int])
show(lambda: dict[str, list[tuple[int, ...]]])
show(lambda: list['Forward'])
show(lambda: type(list[int]) is types.GenericAlias)
show(lambda: (list[int].__origin__, list[int].__args__, list[int].__parameters__))
show(lambda: dict[K, list[T]].__parameters__)

# Calls make the origin's instances.
show(lambda: list[int]())
show(lambda: list[int]([1, 2]))
show(lambda: dict[str, int](a=1))
show(lambda: tuple[int, ...]((1, 2)))

# Attributes other than the alias's own come from the origin.
show(lambda: list[int].append is list.append)
show(lambda: list[int].__name__)

# Comparison and hashing by origin and arguments.
show(lambda: list[int] == list[int])
show(lambda: list[int] == list[str])
show(lambda: list[int] == list)
show(lambda: hash(dict[str, int]) == hash(dict[str, int]))

# Substitution of type variables.
show(lambda: list[T][int])
show(lambda: dict[K, list[T]][str, int])
show(lambda: list[T][int, str])
show(lambda: list[int][int])

# Errors.
show(lambda: isinstance([], list[int]))
show(lambda: issubclass(list, list[int]))
show(lambda: str[int])
show(lambda: int[str])
show(lambda: list.__class_getitem__(int))
show(lambda: types.GenericAlias(list, (int,)))

# Subclassing an alias subclasses its origin.
class Ints(list[int]):
    pass

show(lambda: Ints.__mro__)
show(lambda: Ints.__orig_bases__)
show(lambda: Ints([3]))
