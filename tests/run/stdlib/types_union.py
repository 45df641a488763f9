# PEP 604 unions: X | Y of classes, None and aliases makes a
# types.UnionType (flattened, duplicates dropped), which isinstance and
# issubclass accept like a tuple; other operands are refused.
import types


def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


class A:
    pass


show(lambda: int | str)
show(lambda: int | None)
show(lambda: None | int)
show(lambda: A | None)
show(lambda: (int | str).__args__)
show(lambda: (None | int).__args__)
show(lambda: type(int | str) is types.UnionType)
show(lambda: int | int)
show(lambda: int | str | int)
show(lambda: (int | str) | (float | int))
show(lambda: list[int] | None)
show(lambda: list[int] | list[int])
show(lambda: int | list[str] | dict[str, int])

# Equality ignores the order; hashing too.
show(lambda: (int | str) == (str | int))
show(lambda: hash(int | str) == hash(str | int))
show(lambda: (int | str) == int)
show(lambda: (int | str).__parameters__)

# isinstance / issubclass.
show(lambda: isinstance(1, int | str))
show(lambda: isinstance(None, int | None))
show(lambda: isinstance(1.5, int | str))
show(lambda: issubclass(bool, int | str))
show(lambda: isinstance(1, int | list[int]))
show(lambda: isinstance('', int | list[int]))

# Only classes, None and aliases combine.
show(lambda: int | 'str')
show(lambda: 'str' | int)
show(lambda: int | 3)
show(lambda: (int | str)[int])
show(lambda: (int | str).__origin__)
show(lambda: types.UnionType())
