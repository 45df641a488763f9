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

# The handled exception follows the generator: its clause's match inside,
# the caller's own outside.
import sys
def sees():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        print("in generator before yield", repr(sys.exception()))
        yield 1
        print("in generator after yield", repr(sys.exception()))
    except* TypeError:
        print("in the TypeError clause", repr(sys.exception()))
        yield 2
    print("generator after the try", repr(sys.exception()))
g = sees()
next(g)
print("caller", repr(sys.exception()))
try:
    raise KeyError("the caller's")
except KeyError:
    next(g)
    print("caller in its handler", repr(sys.exception()))
for rest in g:
    print("unexpected", rest)
print("finished")
