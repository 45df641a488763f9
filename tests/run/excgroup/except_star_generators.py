# A clause may suspend: yield in a generator, await in a coroutine.
def gen():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError as e:
        got = yield repr(e)
        yield "sent " + got
    except* TypeError as e:
        yield repr(e)

g = gen()
print(next(g))
print(g.send("x"))
print(next(g))
try:
    next(g)
except StopIteration:
    print("done")

class Wait:
    def __await__(self):
        return (yield "suspended")

async def coro():
    try:
        raise ExceptionGroup("eg", [KeyError(1), OSError(2)])
    except* KeyError as e:
        r = await Wait()
        print("resumed with", r, "in clause for", repr(e))
        raise RuntimeError("after await")

c = coro()
print(c.send(None))
try:
    c.send("value")
except ExceptionGroup as e:
    print(repr(e))

def closed_in_clause():
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* ValueError:
        try:
            yield 1
        finally:
            print("generator closed inside the clause")
g = closed_in_clause()
next(g)
g.close()
