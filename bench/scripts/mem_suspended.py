# N suspended coroutines or generators kept alive; the runner compares the
# resident set size while they are all alive against N = 0.
# Usage: mem_suspended.py N coro|gen [rss]
# With `rss` it prints VmRSS in kB at that moment: the process peak would
# also count what closing them leaves behind until the next collection
# (a GeneratorExit and its traceback each, in a tracing collector), which is
# not the memory of a suspended object.
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
    if len(sys.argv) > 3:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    print(line.split()[1])
    for c in keep:
        c.close()

run(int(sys.argv[1]), sys.argv[2])
