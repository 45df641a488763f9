# Async generators, `async for` and `async with`, driven by hand: no event
# loop, just send(None) until StopIteration, as the seed tutorials do.
import types


@types.coroutine
def pause():
    # A bare yield travels up the await chain to whoever calls send().
    yield "tick"


async def countdown(n):
    while n:
        await pause()
        yield n
        n -= 1


class Resource:
    async def __aenter__(self):
        print("open")
        return self

    async def __aexit__(self, *exc):
        print("close")


async def main():
    async with Resource():
        async for i in countdown(3):
            print("got", i)
    return "done"


coro = main()
ticks = 0
try:
    while True:
        assert coro.send(None) == "tick"
        ticks += 1
except StopIteration as e:
    print(e.value, "after", ticks, "ticks")
