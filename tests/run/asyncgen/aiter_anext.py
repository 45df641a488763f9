# The builtins aiter and anext, with and without a default.
async def agen():
    yield "a"
    yield "b"


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
    it = aiter(agen())
    print(type(it).__name__)
    print(await anext(it))
    print(await anext(it))
    print(await anext(it, "default"))
    try:
        await anext(it)
    except StopAsyncIteration:
        print("StopAsyncIteration")
    c = aiter(Counter(1))
    print(await anext(c), await anext(c, None))
    aw = anext(Counter(0), 7)
    print(type(aw).__name__, repr(aw).split(" at ")[0])
    print(await aw)
    return "done"


print(run(main()))
for bad in [lambda: aiter(1), lambda: anext(1), lambda: anext(1, 2), lambda: anext(), lambda: aiter()]:
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)


class BadAiter:
    def __aiter__(self):
        return 1


try:
    aiter(BadAiter())
except TypeError as e:
    print("TypeError:", e)
a = anext(agen())
print(type(a).__name__)
try:
    a.send(None)
except StopIteration as e:
    print("value", e.value)
