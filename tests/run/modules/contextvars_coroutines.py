# Generators and coroutines do not capture a Context (3.11): a set inside a
# step changes the Context that is current while that step runs.
import contextvars
from contextvars import Context, ContextVar, copy_context

request = ContextVar('request', default=None)


async def handler(name):
    print('handler start', name, request.get())
    request.set(name)
    await Suspend()
    print('handler resumed', name, request.get())
    return name.upper()


class Suspend:
    def __await__(self):
        yield 'suspended'


# Driven by hand in the caller's context: the set is visible to the caller.
coro = handler('direct')
print(coro.send(None))
print('caller sees', request.get())
try:
    coro.send(None)
except StopIteration as e:
    print('returned', e.value)
request.set(None)

# Each step run inside a task-like Context, as an event loop does.
tasks = []
for name in ('a', 'b'):
    tasks.append((handler(name), copy_context()))
for coro, ctx in tasks:
    print(ctx.run(coro.send, None))
print('loop context', request.get())
for coro, ctx in tasks:
    try:
        ctx.run(coro.send, None)
    except StopIteration as e:
        print('returned', e.value, 'context has', ctx[request])

# A step resumed in another context sees that context instead.
coro = handler('moved')
c1, c2 = Context(), Context()
c1.run(coro.send, None)
c2.run(request.set, 'other')
try:
    c2.run(coro.send, None)
except StopIteration as e:
    print('returned', e.value, c1[request], c2[request])


# Generators likewise.
def gen():
    request.set('from generator')
    yield request.get()
    yield request.get()
    yield request.get()


g = gen()
print(next(g), request.get())
ctx = copy_context()
print(ctx.run(next, g), ctx[request])
request.set('changed outside')
print(next(g))

# Tokens made inside a coroutine step belong to the step's context.
async def with_token():
    token = request.set('temp')
    await Suspend()
    request.reset(token)
    return request.get()

c = copy_context()
coro = with_token()
c.run(coro.send, None)
print(c[request])
try:
    coro.send(None)
except ValueError as e:
    print('ValueError:', e)
coro = with_token()
c.run(coro.send, None)
try:
    c.run(coro.send, None)
except StopIteration as e:
    print('reset inside its context:', e.value)


# An async generator.
async def agen():
    request.set('agen')
    yield request.get()

ag = agen().__anext__()
try:
    Context().run(ag.send, None)
except StopIteration as e:
    print('agen yielded', e.value, request.get())
