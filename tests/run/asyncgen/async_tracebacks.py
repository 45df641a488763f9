# Tracebacks through async for, async with and async generators.
import types


@types.coroutine
def suspend():
    yield "tick"


async def agen():
    yield 1
    await suspend()
    raise ValueError("from agen")
    yield 2


class CM:
    async def __aenter__(self):
        return self

    async def __aexit__(self, t, v, tb):
        raise KeyError("from aexit")


async def nested(z):
    return [[x async for x in agen()] for y in z]


def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value


async def use_agen():
    async for x in agen():
        print("got", x)


async def use_cm():
    async with CM():
        raise IndexError("in body")


try:
    run(nested([1]))
except ValueError as e:
    print("nested:", e)
try:
    run(use_cm())
except KeyError as e:
    print("KeyError", e, "context", repr(e.__context__))
run(use_agen())
