# Awaits inside async generators pass through; athrow, aclose, errors.
import types


@types.coroutine
def suspend(tag):
    got = yield tag
    return got


async def ticker():
    try:
        got = await suspend("inner tick")
        yield f"got {got}"
        yield "second"
    finally:
        print("ticker finally")


t = ticker()
aw = t.__anext__()
print("passed through:", aw.send(None))
print(t.ag_await is not None, t.ag_running)
try:
    aw.send("X")
except StopIteration as e:
    print("value:", e.value)

# athrow: caught in the body, the next yield is the result.
async def catcher():
    while True:
        try:
            yield "ready"
        except ValueError as e:
            yield f"caught {e}"


c = catcher()
try:
    c.__anext__().send(None)
except StopIteration as e:
    print(e.value)
try:
    c.athrow(ValueError("v1")).send(None)
except StopIteration as e:
    print(e.value)
try:
    c.athrow(KeyError, KeyError("k")).send(None)
except KeyError as e:
    print("KeyError propagated", e)
try:
    c.__anext__().send(None)
except StopAsyncIteration:
    print("closed after error")

# aclose: finally runs, the awaitable returns None.
t = ticker()
aw_t = t.__anext__()
print(aw_t.send(None), "(suspended at the await)")
t2 = ticker()
aw2 = t2.__anext__()
aw2.send(None)
try:
    aw2.send("X")
except StopIteration as e:
    print(e.value)
try:
    t2.aclose().send(None)
except StopIteration as e:
    print("aclose ->", e.value)
try:
    t2.aclose().send(None)
except StopIteration as e:
    print("aclose again ->", e.value)
try:
    aw_t.send("Y")
except StopIteration as e:
    print(e.value)
try:
    t.aclose().send(None)
except StopIteration as e:
    print("closing t ->", e.value)


async def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield 2


s = stubborn()
try:
    s.__anext__().send(None)
except StopIteration:
    pass
try:
    s.aclose().send(None)
except RuntimeError as e:
    print("RuntimeError:", e)


async def raises_stop():
    raise StopAsyncIteration
    yield


try:
    raises_stop().__anext__().send(None)
except RuntimeError as e:
    print("RuntimeError:", e, type(e.__cause__).__name__)


async def raises_si():
    raise StopIteration
    yield


try:
    raises_si().__anext__().send(None)
except RuntimeError as e:
    print("RuntimeError:", e)

# Two __anext__ at once.
async def slow():
    await suspend("wait")
    yield 1


g = slow()
first = g.__anext__()
first.send(None)
try:
    g.__anext__().send(None)
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    first.send(None)
except StopIteration as e:
    print("first finished", e.value)


async def returns():
    yield 1
    return


r = returns()
try:
    r.asend(5).send(None)
except TypeError as e:
    print("TypeError:", e)
try:
    r.asend(None).send(None)
except StopIteration as e:
    print("asend(None) first ->", e.value)
try:
    r.__anext__().send(None)
except StopAsyncIteration:
    print("StopAsyncIteration")
try:
    r.athrow(ValueError).send(None)
except StopIteration as e:
    print("athrow on finished ->", e.value)
except Exception as e:
    print(type(e).__name__, e)
