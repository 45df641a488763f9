# functools.singledispatch (register by type, by annotation, unions, MRO
# and ABC dispatch, errors), singledispatchmethod and cached_property.
import collections.abc as cabc
from functools import singledispatch, singledispatchmethod, cached_property


@singledispatch
def show(x):
    return 'object'


@show.register
def _(x: int):
    return 'int'


@show.register(list)
def _(x):
    return 'list'


@show.register
def _(x: 'float'):
    return 'float'


@show.register(str | bytes)
def _(x):
    return 'text'


class MyInt(int):
    pass


print(show(1), show(MyInt(2)), show(True), show('s'), show(b'b'), show([1]), show(1.5), show(None))
print(show.dispatch(bool).__name__, sorted(k.__name__ for k in show.registry))
print(show.__name__, show.__wrapped__.__name__)
try:
    show()
except TypeError as e:
    print(type(e).__name__, e)
for bad in [lambda: show.register(1, lambda x: x), lambda: show.register(lambda x: x)]:
    try:
        bad()
    except TypeError as e:
        print(type(e).__name__, str(e).split(' at 0x')[0])
try:
    @show.register
    def _(x: 5):
        pass
except TypeError as e:
    print(type(e).__name__, e)


@singledispatch
def kind(x):
    return 'other'


@kind.register
def _(x: cabc.Sequence):
    return 'sequence'


@kind.register
def _(x: cabc.Mapping):
    return 'mapping'


print(kind([1]), kind((1,)), kind('s'), kind({}), kind(3), kind(range(2)))


@singledispatch
def shape(x):
    return 'base'


shape.register(cabc.Iterable, lambda x: 'iterable')
shape.register(cabc.Sized, lambda x: 'sized')
for v in ([1], {1}, 5):
    try:
        print(type(v).__name__, shape(v))
    except RuntimeError as e:
        print(type(v).__name__, type(e).__name__, e)


class Registered:
    pass


@singledispatch
def size(x):
    return 'no size'


@size.register
def _(x: cabc.Sized):
    return 'sized'


print(size(Registered()))
cabc.Sized.register(Registered)
print(size(Registered()))


class Formatter:
    @singledispatchmethod
    def fmt(self, arg):
        return f'default {arg!r}'

    @fmt.register
    def _(self, arg: int):
        return f'int {arg}'

    @fmt.register(list)
    def _(self, arg):
        return f'list of {len(arg)}'

    @singledispatchmethod
    @classmethod
    def build(cls, arg):
        return (cls.__name__, 'default')

    @build.register(str)
    @classmethod
    def _(cls, arg):
        return (cls.__name__, 'str')


f = Formatter()
print(f.fmt(1), f.fmt([1, 2]), f.fmt('x'), Formatter.build(1), Formatter.build('s'))


class Lazy:
    def __init__(self):
        self.calls = 0

    @cached_property
    def value(self):
        "The answer."
        self.calls += 1
        return 42


obj = Lazy()
print(obj.value, obj.value, obj.calls, 'value' in obj.__dict__, Lazy.value.__doc__)
del obj.value
print(obj.value, obj.calls, type(Lazy.value).__name__, Lazy.value.attrname)
obj.value = 7
print(obj.value)


class Slotted:
    __slots__ = ()

    @cached_property
    def x(self):
        return 1


for bad in [lambda: Slotted().x, lambda: cached_property(lambda self: 1).__get__(Lazy(), Lazy)]:
    try:
        bad()
    except TypeError as e:
        print(type(e).__name__, e)
try:
    class Twice:
        cp = cached_property(lambda self: 1)
        other = cp
except (TypeError, RuntimeError) as e:
    print(type(e).__name__, e.__cause__ if e.__cause__ else e)
