# Async generator objects: repr, attributes, dir, the awaitables they return.
async def agen():
    yield 1
    yield 2


class K:
    async def m(self):
        yield "k"


a = agen()
print(type(a), repr(a).split(" at ")[0])
print(a.__name__, a.__qualname__, K().m().__qualname__)
print(a.ag_await, a.ag_running, a.ag_code is agen.__code__, a.ag_frame is not None)
print(sorted(set(dir(a)) - set(dir(object()))))
print(a.__aiter__() is a)
for aw in (a.__anext__(), a.asend(None), a.athrow(ValueError), a.aclose()):
    print(type(aw).__name__, repr(aw).split(" at ")[0], aw.__await__() is aw, iter(aw) is aw)
    print(sorted(set(dir(aw)) - set(dir(object()))))

# Driving by hand.
a = agen()
try:
    a.__anext__().send(None)
except StopIteration as e:
    print("first", e.value)
try:
    next(a.__anext__())
except StopIteration as e:
    print("second", e.value)
try:
    a.__anext__().send(None)
except StopAsyncIteration as e:
    print("StopAsyncIteration", repr(e))
try:
    a.__anext__().send(None)
except StopAsyncIteration:
    print("still exhausted")


async def echo():
    got = None
    while True:
        got = yield f"echo {got}"


e = echo()
for v in (None, "a", "b"):
    aw = e.asend(v)
    try:
        aw.send(None)
    except StopIteration as s:
        print(s.value)
aw = e.asend("x")
try:
    aw.send(None)
except StopIteration:
    pass
try:
    aw.send(None)
except RuntimeError as err:
    print("RuntimeError:", err)
