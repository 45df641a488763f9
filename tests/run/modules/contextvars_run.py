# Context.run: entering a Context for one call, nesting, arguments,
# exceptions, and the already-entered check.
import contextvars
from contextvars import Context, ContextVar, copy_context

v = ContextVar('v', default='default')


def show(where):
    print(where, v.get())


def attempt(f):
    try:
        print('->', f())
    except Exception as e:
        print(type(e).__name__ + ':', e)


show('start')
ctx = copy_context()


def step(value):
    show('  before set')
    v.set(value)
    show('  after set')
    return value * 2


print(ctx.run(step, 21))
show('outside')
print(ctx[v])
print(ctx.run(v.get))

# Arguments and keyword arguments pass through.
print(ctx.run(lambda *a, **k: (a, sorted(k.items())), 1, 2, x=3, y=4))
print(ctx.run(dict, one=1))
attempt(lambda: ctx.run())
attempt(lambda: ctx.run(f=1))
attempt(lambda: ctx.run(1))
attempt(lambda: ctx.run(step))
attempt(lambda: ctx.run(step, 1, 2))
attempt(lambda: Context.run(1, 2))

# Nesting: each run sees its own context and restores the outer one.
outer, inner = Context(), Context()


def in_outer():
    v.set('outer')
    show(' outer')
    inner.run(in_inner)
    show(' outer again')
    return copy_context()


def in_inner():
    show('  inner')
    v.set('inner')
    show('  inner')
    snap = copy_context()
    print('  snapshot', snap[v], len(snap))


snap = outer.run(in_outer)
show('top')
print(outer[v], inner[v], snap[v], snap == outer, snap is outer)

# Already entered, directly or further up.
def reenter(c):
    return c.run(show, 'never')

attempt(lambda: ctx.run(reenter, ctx))
attempt(lambda: outer.run(inner.run, reenter, outer))
attempt(lambda: outer.run(outer.run, show, 'x'))
print(ctx.run(ctx.copy().run, v.get))

# An exception leaves the context and propagates.
def fail():
    v.set('failed')
    raise KeyError('inside')

try:
    ctx.run(fail)
except KeyError as e:
    print('caught', repr(e))
show('after failure')
print(ctx[v])
print(ctx.run(show, 'reusable'))

# A run inside a run of a copy of the same context is fine.
deep = Context()


def recurse(n):
    if n == 0:
        return v.get()
    v.set(n)
    return Context().run(recurse, n - 1), copy_context().run(v.get)

print(deep.run(recurse, 3))

# copy_context() inside run copies the entered context.
def copier():
    v.set('in run')
    return copy_context()

c = Context().run(copier)
print(c[v], v.get())

# Bound method and callable objects.
class Callable:
    def __call__(self, *args):
        return ('called', args, v.get())

print(ctx.run(Callable(), 1))
runner = ctx.run
print(runner.__self__ is ctx, runner(v.get))
