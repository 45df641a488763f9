# async for over async generators and classes, with else/break/continue,
# and CPython's errors.
import types


@types.coroutine
def suspend(tag):
    return (yield tag)


async def agen(n):
    for i in range(n):
        await suspend(f"gen step {i}")
        yield i


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
    # A tiny driver: print what the coroutine yields, send back None.
    try:
        while True:
            print("  yielded:", coro.send(None))
    except StopIteration as e:
        return e.value


async def main():
    async for x in agen(2):
        print("agen", x)
    else:
        print("else after agen")
    async for x in Counter(5):
        if x == 2:
            continue
        if x == 4:
            break
        print("counter", x)
    else:
        print("not printed")
    total = 0
    async for a in Counter(3):
        async for b in Counter(a):
            total += a * b
    print("total", total)
    for i in range(2):
        async for x in Counter(3):
            if x == 2:
                break
        print("outer", i, x)
    return "main done"


print(run(main()))


async def over(obj):
    async for x in obj:
        print(x)


class NoANext:
    def __aiter__(self):
        return 1


class BadANext:
    def __aiter__(self):
        return self

    def __anext__(self):
        return 5


class Raises:
    def __aiter__(self):
        return self

    async def __anext__(self):
        raise KeyError("inside")


for obj in [1, [1, 2], NoANext(), BadANext()]:
    try:
        run(over(obj))
    except TypeError as e:
        print("TypeError:", e)
try:
    run(over(Raises()))
except KeyError as e:
    print("KeyError:", e)


async def early_return():
    async for x in Counter(10):
        if x == 3:
            return x


print("early return", run(early_return()))


async def in_try():
    try:
        async for x in agen(3):
            if x == 1:
                raise ValueError(x)
    except ValueError as e:
        print("caught", e)
    finally:
        print("finally")


run(in_try())
