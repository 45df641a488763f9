# The contextvars module: its names, and how its types present themselves.
import contextvars
import _contextvars
from contextvars import Context, ContextVar, Token, copy_context

print(contextvars.__all__)
print(sorted(n for n in dir(contextvars) if not n.startswith('_')))
print(_contextvars.ContextVar is ContextVar, _contextvars.copy_context is not None)
for t in (ContextVar, Token, Context):
    print(t, t.__name__, t.__qualname__, t.__module__)
print(copy_context, contextvars.copy_context.__name__)
print(sorted(n for n in dir(ContextVar) if not n.startswith('__')))
print(sorted(n for n in dir(Token) if not n.startswith('__')))
print(sorted(n for n in dir(Context) if not n.startswith('__')))
print('__class_getitem__' in dir(ContextVar), '__class_getitem__' in dir(Token))
print(ContextVar.get, ContextVar.set, ContextVar.reset)
print(Context.run, Context.copy, Context.keys)
print(ContextVar.name, Token.var, Token.old_value)
v = ContextVar('v')
ctx = copy_context()
print(repr(v.set)[:51], repr(ctx.run)[:45])
print(type(ctx).__name__, type(v).__name__)
print(isinstance(ctx, Context), isinstance(v.set(1), Token))
print(Context.__hash__, ContextVar.__hash__(v) == hash(v))
