# Asynchronous comprehensions, await inside comprehensions, async genexps.
import types


@types.coroutine
def suspend(tag):
    return (yield tag)


async def agen(n):
    for i in range(n):
        yield i


async def double(x):
    await suspend(f"double {x}")
    return 2 * x


class Counter:
    def __init__(self, n):
        self.i, self.n = 0, n

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        return self.i


def run(coro):
    try:
        while True:
            print("  yielded:", coro.send(None))
    except StopIteration as e:
        return e.value


async def main():
    print([x async for x in agen(4)])
    print([x async for x in agen(6) if x % 2])
    print({x async for x in Counter(3)})
    print({x: str(x) async for x in Counter(2)})
    print([await double(x) for x in range(2)])
    print([(a, b) async for a in Counter(2) for b in range(a)])
    print([(a, b) for a in range(2) async for b in agen(a + 1)])
    print([y async for x in Counter(2) async for y in agen(x)])
    g = (await double(x) for x in range(2))
    print(type(g).__name__)
    print([v async for v in g])
    h = (x * 10 async for x in agen(3))
    print(repr(h).split(" at ")[0])
    print([v async for v in h])
    nested = [[y async for y in agen(x)] async for x in Counter(3)]
    print(nested)
    return "ok"


print(run(main()))


def sync_genexp_over_async():
    # An async genexp outside async functions is allowed.
    return (x async for x in agen(2))


g = sync_genexp_over_async()
print(type(g).__name__)
try:
    g.__anext__().send(None)
except StopIteration as e:
    print("first", e.value)
