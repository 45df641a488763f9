# Context as an immutable mapping of ContextVar to value.
import contextvars
from contextvars import Context, ContextVar, copy_context


def attempt(f):
    try:
        print('->', f())
    except Exception as e:
        print(type(e).__name__ + ':', e)


a = ContextVar('a')
b = ContextVar('b', default='B')
empty = Context()
print(len(empty), bool(empty), list(empty), a in empty)
print(repr(empty)[:30])
attempt(lambda: empty[a])
print(empty.get(a), empty.get(a, 'dflt'), empty.get(b))

a.set(1)
b.set(2)
ctx = copy_context()
print(len(ctx), bool(ctx), a in ctx, b in ctx, ctx[a], ctx[b])
print(ctx.get(a), ctx.get(a, 0))
print(sorted(v.name for v in ctx))
print(sorted(v.name for v in ctx.keys()))
print(sorted(ctx.values()))
print(sorted((k.name, v) for k, v in ctx.items()))
print(dict(ctx) == {a: 1, b: 2})

# keys(), values(), items() and iter() are iterators over the map as it was.
k = ctx.keys()
print(type(k).__name__, iter(k) is k, len(k))
next(k)
print(len(k), len(list(k)), list(k))
it = iter(ctx)
print(type(it).__name__, type(ctx.values()).__name__, type(ctx.items()).__name__)
print(repr(it)[:14], repr(ctx.values())[:16], repr(ctx.items())[:15])
vals = ctx.values()
ctx.run(a.set, 100)
print(sorted(vals), ctx[a])

# A copy: equal, independent afterwards.
c2 = ctx.copy()
print(c2 is ctx, c2 == ctx, c2 != ctx, len(c2))
c2.run(b.set, 'changed')
print(c2[b], ctx[b], c2 == ctx, c2 != ctx)
print(Context() == Context(), Context() == ctx, ctx == 1, ctx != 1)
print(ctx.__eq__(1))

# Key type checks.
attempt(lambda: ctx[1])
attempt(lambda: ctx['a'])
attempt(lambda: ctx.get(1))
attempt(lambda: 1 in ctx)
attempt(lambda: ctx.get())
attempt(lambda: ctx.get(a, 1, 2))
attempt(lambda: ctx.get(a, default=2))
attempt(lambda: ctx.keys(1))
attempt(lambda: ctx.values(1))
attempt(lambda: ctx.items(1))
attempt(lambda: ctx.copy(1))
attempt(lambda: ctx.copy(a=1))
attempt(lambda: Context(1))
attempt(lambda: Context(x=1))
attempt(lambda: copy_context(1))
attempt(lambda: copy_context(a=1))

# Immutable, unhashable, not ordered, not reversible.
def setitem():
    ctx[a] = 5
def delitem():
    del ctx[a]
def delindex():
    del ctx[0]
def setindex():
    ctx[0] = 1
attempt(setitem)
attempt(delitem)
attempt(delindex)
attempt(setindex)
attempt(lambda: hash(ctx))
attempt(lambda: ctx < ctx)
attempt(lambda: reversed(ctx))
attempt(lambda: {ctx: 1})

# Values compared with == when contexts are compared.
class Eq:
    def __init__(self, n):
        self.n = n
    def __eq__(self, other):
        print('eq', self.n, other.n)
        return self.n % 10 == other.n % 10

e = ContextVar('e')
c3 = Context()
c3.run(e.set, Eq(1))
c4 = Context()
c4.run(e.set, Eq(11))
c5 = Context()
c5.run(e.set, Eq(2))
print(c3 == c4)
print(c3 == c5)
c6 = Context()
c6.run(a.set, Eq(1))
print(c3 == c6)

class Boom:
    def __eq__(self, other):
        raise RuntimeError('boom')

c7, c8 = Context(), Context()
c7.run(e.set, Boom())
c8.run(e.set, Boom())
attempt(lambda: c7 == c8)

try:
    class Sub(Context):
        pass
except TypeError as ex:
    print(ex)
