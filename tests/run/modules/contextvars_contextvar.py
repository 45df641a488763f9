# ContextVar: construction, name, get/set with defaults, reprs, errors.
from contextvars import ContextVar, Token


def attempt(f):
    try:
        print('->', f())
    except Exception as e:
        print(type(e).__name__ + ':', e)


x = ContextVar('x')
d = ContextVar('d', default=1)
print(x.name, d.name, type(x.name).__name__)
print(repr(x))
print(repr(d))
print(repr(ContextVar('q\n', default='s')))
print(repr(ContextVar('n', default=None)))
print(repr(ContextVar('m', default=Token.MISSING)))
print(repr(ContextVar('l', default=[1, (2,)])))

attempt(lambda: x.get())
attempt(lambda: x.get(5))
attempt(lambda: x.get(None))
attempt(lambda: d.get())
attempt(lambda: d.get(7))

t = x.set('one')
print(type(t).__name__, x.get(), x.get(5))
t2 = d.set(None)
print(d.get(), d.get(7))
x.set(Token.MISSING)
print(x.get())

# Constructor argument parsing (PyArg "O|$O").
attempt(lambda: ContextVar())
attempt(lambda: ContextVar(name='a'))
attempt(lambda: ContextVar('a', 'b'))
attempt(lambda: ContextVar('a', 2, default=1))
attempt(lambda: ContextVar('a', default=1, foo=2))
attempt(lambda: ContextVar('a', foo=1))
attempt(lambda: ContextVar(1))
attempt(lambda: ContextVar(b'a'))
attempt(lambda: repr(ContextVar(*('a',), **{'default': 2})))
attempt(lambda: repr(ContextVar.__new__(ContextVar, 'p')))

# Method argument errors.
attempt(lambda: x.get(1, 2))
attempt(lambda: x.get(default=2))
attempt(lambda: x.set())
attempt(lambda: x.set(1, 2))
attempt(lambda: x.set(value=1))
attempt(lambda: x.reset())
attempt(lambda: x.reset(1))
attempt(lambda: x.reset(None))
attempt(lambda: x.reset(t, 1))
attempt(lambda: x.reset(token=t))
attempt(lambda: ContextVar.get(1))
attempt(lambda: ContextVar.set(t, 1))

# Attributes.
def set_name():
    x.name = 'y'
def del_name():
    del x.name
def set_other():
    x.foo = 1
attempt(set_name)
attempt(del_name)
attempt(set_other)
attempt(lambda: x.foo)
print(x.name)

# Identity: hashable, equal only to itself, no ordering.
a, b = ContextVar('a'), ContextVar('a')
print(a == a, a == b, a != b, hash(a) == hash(a), len({a, b, a}))
attempt(lambda: a < b)
print(isinstance(a, ContextVar), type(a) is ContextVar)


class Weird:
    def __repr__(self):
        return 'W!'


print(repr(ContextVar('w', default=Weird())))


class BadRepr:
    def __repr__(self):
        raise ValueError('no repr')


attempt(lambda: repr(ContextVar('b', default=BadRepr())))

# Not subclassable.
try:
    class Sub(ContextVar):
        pass
except TypeError as e:
    print(e)

# The LookupError names the variable; uncaught it ends the program.
missing = ContextVar('missing')
missing.get()
