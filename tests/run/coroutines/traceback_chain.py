# Tracebacks through await chains list every level, as CPython does.
import types


@types.coroutine
def suspend():
    yield "tick"


async def leaf(n):
    await suspend()
    if n:
        raise ValueError(f"bad {n}")
    return n


async def middle(n):
    return await leaf(n) + 1


async def top(n):
    try:
        return await middle(n)
    except ValueError as e:
        print("caught in top:", e)
        raise KeyError(n) from e


c = top(0)
print(c.send(None))
try:
    c.send(None)
except StopIteration as e:
    print("done", e.value)

c = top(5)
print(c.send(None))
try:
    c.send(None)
except KeyError as e:
    print("KeyError", e, type(e.__cause__).__name__)

# Thrown in at the bottom of the chain.
c = middle(0)
c.send(None)
try:
    c.throw(RuntimeError("thrown"))
except RuntimeError as e:
    print("RuntimeError", e)

# Uncaught: the full traceback.
c = top(7)
c.send(None)
c.send(None)
