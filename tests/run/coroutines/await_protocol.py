# What `await` accepts: coroutines, __await__ returning an iterator; the errors.
class Fut:
    def __init__(self, v):
        self.v = v
    def __await__(self):
        got = yield "suspend"
        print("resumed with", got)
        return self.v


class IterAwait:
    def __await__(self):
        return iter([])


class NextOnly:
    def __iter__(self):
        return self
    def __next__(self):
        raise StopIteration("from next")


class NextAwait:
    def __await__(self):
        return NextOnly()


def gen():
    x = yield 1
    return x


class GenAwait:
    def __await__(self):
        return gen()


async def main():
    r = await Fut(10)
    print("Fut ->", r)
    print("iter([]) ->", await IterAwait())
    print("NextOnly ->", await NextAwait())
    print("gen ->", await GenAwait())
    return "done"


c = main()
print(c.send(None))
print(c.cr_await is not None, c.cr_suspended)
print(c.send("hello"))
try:
    c.send("to gen")
except StopIteration as e:
    print("result", e.value)


class BadInt:
    def __await__(self):
        return 5


made = []


class ReturnsCoro:
    def __await__(self):
        made.append(f())
        return made[-1]


async def f():
    pass


async def bad(x):
    return await x


for obj in [1, "s", None, BadInt(), ReturnsCoro()]:
    try:
        bad(obj).send(None)
    except TypeError as e:
        print("TypeError:", e)

# Reusing and double-awaiting.
async def once():
    return 1

c = once()
try:
    c.send(None)
except StopIteration:
    pass
try:
    c.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)

async def waiter(co):
    return await co

inner = Fut(1).__await__()
async def suspended():
    await Fut(5)
s = suspended()
s.send(None)
try:
    waiter(s).send(None)
except RuntimeError as e:
    print("RuntimeError:", e)
s.close()

c1 = once()
try:
    c1.send(1)
except TypeError as e:
    print("TypeError:", e)
c1.close()
made[0].close()

async def selfish():
    me.send(None)
me = selfish()
try:
    me.send(None)
except ValueError as e:
    print("ValueError:", e)

async def ignores():
    try:
        await Fut(1)
    except GeneratorExit:
        await Fut(2)
c = ignores()
c.send(None)
try:
    c.close()
except RuntimeError as e:
    print("RuntimeError:", e)
c = ignores()
c.send(None)
try:
    c.throw(GeneratorExit)
except RuntimeError as e:
    print("unexpected", e)
except GeneratorExit:
    print("GeneratorExit propagated")
