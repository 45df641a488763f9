# async with: __aenter__/__aexit__ awaited, suppression, errors.
import types


@types.coroutine
def suspend(tag):
    return (yield tag)


class CM:
    def __init__(self, name, suppress=False):
        self.name, self.suppress = name, suppress

    async def __aenter__(self):
        await suspend(f"enter {self.name}")
        print("enter", self.name)
        return self.name.upper()

    async def __aexit__(self, t, v, tb):
        await suspend(f"exit {self.name}")
        print("exit", self.name, t.__name__ if t else None, v)
        return self.suppress


def run(coro):
    try:
        while True:
            print("  yielded:", coro.send(None))
    except StopIteration as e:
        return e.value


async def main():
    async with CM("a") as x:
        print("body", x)
    async with CM("b", suppress=True):
        raise ValueError("suppressed")
    print("after suppression")
    async with CM("c") as c, CM("d") as d:
        print("both", c, d)
    try:
        async with CM("e"):
            raise KeyError("propagates")
    except KeyError as e:
        print("caught", e)
    for i in range(3):
        async with CM(f"loop{i}"):
            if i == 0:
                continue
            if i == 1:
                break
    return await inner()


async def inner():
    async with CM("ret"):
        return "returned from inside"


print(run(main()))


class NoAExit:
    async def __aenter__(self):
        return 1


class SyncOnly:
    def __enter__(self):
        return self

    def __exit__(self, *a):
        pass


class BadEnter:
    def __aenter__(self):
        return 1

    async def __aexit__(self, *a):
        pass


class BadExit:
    async def __aenter__(self):
        return 1

    def __aexit__(self, *a):
        return 2


async def use(cm):
    async with cm:
        print("in body")


for cm in [1, NoAExit(), SyncOnly(), BadEnter(), BadExit()]:
    try:
        run(use(cm))
    except TypeError as e:
        print("TypeError:", e)
