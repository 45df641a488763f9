# ContextVar[...] and Token[...] are types.GenericAlias objects.
from contextvars import ContextVar, Token


def attempt(f):
    try:
        print('->', f())
    except Exception as e:
        print(type(e).__name__ + ':', e)


def fn():
    pass


class K:
    pass


class NoModule:
    __module__ = None


g = ContextVar[int]
print(g)
print(Token[str])
print(ContextVar[int, str], ContextVar[()], ContextVar[...], ContextVar[(int,)])
print(ContextVar[fn, K, [int, str], [], ContextVar[int], None, type(None)])
print(ContextVar[1], ContextVar['x'], ContextVar[Token.MISSING], ContextVar[NoModule])
print(ContextVar[ContextVar[ContextVar[bytes]]])
print(type(g), type(g).__name__, type(g).__module__)
print(g.__origin__, g.__args__, g.__parameters__, g.__unpacked__)
print(g.__class__ is type(g))

# Other attributes come from the origin class.
print(g.__name__, g.__qualname__, g.__module__, g.get)
attempt(lambda: g.nope)

# Equality and hashing by origin and arguments.
print(g == ContextVar[int], g != ContextVar[int], g == ContextVar[str], g == ContextVar, g == Token[int])
print(hash(g) == hash(ContextVar[int]), len({g, ContextVar[int], ContextVar[str]}))
attempt(lambda: hash(ContextVar[[int]]))

# Calling makes an instance of the origin.
v = g('made')
print(type(v).__name__, v.name)
attempt(lambda: g())
print(g.__mro_entries__((g,)))
attempt(lambda: g.__mro_entries__())

# What an alias cannot do.
attempt(lambda: g[int])
attempt(lambda: isinstance(v, g))
attempt(lambda: isinstance(v, (int, g)))
attempt(lambda: issubclass(ContextVar, g))
attempt(lambda: ContextVar.__class_getitem__())
attempt(lambda: ContextVar.__class_getitem__(1, 2))
attempt(lambda: Token.__class_getitem__(x=1))
print(ContextVar.__class_getitem__(bool))

# Used as a base, it stands for its origin (PEP 560): ContextVar refuses.
try:
    class Sub(g):
        pass
except TypeError as e:
    print(e)

# The common use: a module-level annotation.
counter: ContextVar[int] = ContextVar('counter', default=0)
print(__annotations__['counter'], counter.get())
