# N suspended coroutines or generators kept alive; the runner compares peak RSS
# against N = 0. Usage: mem_suspended.py N coro|gen
import sys

class Pause:
    def __await__(self):
        yield

async def co():
    await Pause()

def gen():
    yield

def run(n, kind):
    keep = []
    if kind == "coro":
        for _ in range(n):
            c = co()
            c.send(None)
            keep.append(c)
    else:
        for _ in range(n):
            g = gen()
            next(g)
            keep.append(g)
    for c in keep:
        c.close()

run(int(sys.argv[1]), sys.argv[2])
