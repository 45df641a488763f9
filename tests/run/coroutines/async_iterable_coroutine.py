# Generators decorated with types.coroutine are awaitable; they may also
# `yield from` a coroutine.
import types


@types.coroutine
def sleep(n):
    got = yield f"sleep {n}"
    return got


async def inner():
    return await sleep(1)


@types.coroutine
def bridge():
    return (yield from inner())


async def main():
    a = await sleep(2)
    b = await bridge()
    return a, b


c = main()
print(c.send(None))
print(c.send("first"))
try:
    c.send("second")
except StopIteration as e:
    print(e.value)


def plain():
    yield from inner()


try:
    next(plain())
except TypeError as e:
    print("TypeError:", e)
