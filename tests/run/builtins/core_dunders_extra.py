# Builtin pieces other modules rely on: int and float conversion dunders,
# builtin classes' __dict__ listing slot methods, __isabstractmethod__ of
# wrappers, __hash__ results kept as they are, `from m import *` honouring
# __all__ (module __getattr__ included), code object argument counts.
import sys
import types

print((3).__int__(), (3).__float__(), True.__int__(), (2.5).__floor__(), (2.5).__ceil__())
print((-2.5).__trunc__(), (2.675).__round__(2), (15).__round__(-1), (2.5).__round__())
for bad in (lambda: float('nan').__floor__(), lambda: float('inf').__ceil__()):
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
print('__len__' in list.__dict__, '__iter__' in dict.__dict__, '__add__' in int.__dict__)
print('__hash__' in list.__dict__, list.__dict__['__hash__'], '__or__' in type.__dict__)


def f():
    pass


f.__isabstractmethod__ = True
print(classmethod(f).__isabstractmethod__, staticmethod(f).__isabstractmethod__,
      property(f).__isabstractmethod__, property(None, f).__isabstractmethod__,
      property().__isabstractmethod__, staticmethod(len).__isabstractmethod__)


class H:
    def __init__(self, h):
        self.h = h

    def __hash__(self):
        return self.h


print(hash(H(2 ** 62)), hash(H(-1)), hash(H(2 ** 64 + 5)), hash(H(True)))

m = types.ModuleType('starmod')
exec("__all__ = ['a', '_b', 'lazy']\na = 1\n_b = 2\nc = 3\n"
     "def __getattr__(name):\n    if name == 'lazy': return 'made'\n    raise AttributeError(name)\n",
     m.__dict__)
sys.modules['starmod'] = m
ns = {}
exec('from starmod import *', ns)
print(sorted(k for k in ns if k != '__builtins__'))
m.__all__ = ['a', 'missing']
try:
    exec('from starmod import *', {})
except AttributeError as e:
    print(type(e).__name__, e)
m.__all__ = ['a', 5]
try:
    exec('from starmod import *', {})
except TypeError as e:
    print(type(e).__name__, e)


def g(a, b=1, /, c=2, *args, d, e=5, **kw):
    pass


co = g.__code__
print(co.co_argcount, co.co_posonlyargcount, co.co_kwonlyargcount)
