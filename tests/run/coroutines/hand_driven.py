# Driving coroutines by hand, as the seed tutorials do: iterating over
# __await__(), next() on the wrapper, send() values in, a mini scheduler.
class Tick:
    def __init__(self, name):
        self.name = name

    def __await__(self):
        value = yield self.name
        return value


async def worker(name, n):
    total = 0
    for i in range(n):
        got = await Tick(f"{name}:{i}")
        total += got or 0
    return f"{name} total {total}"


for step in worker("a", 3).__await__():
    print("step", step)

it = worker("b", 2).__await__()
print(next(it))
print(it.send(10))
try:
    it.send(5)
except StopIteration as e:
    print(e.value)

# Round-robin scheduler over several coroutines.
tasks = [worker("x", 2), worker("y", 3), worker("z", 1)]
results = {}
pending = [(t, None) for t in tasks]
while pending:
    coro, value = pending.pop(0)
    try:
        tag = coro.send(value)
        print("yielded", tag)
        pending.append((coro, 1))
    except StopIteration as e:
        results[coro.__name__ + str(len(results))] = e.value
        print("finished:", e.value)
print(sorted(results.values()))


async def compute(x):
    return x * x


async def gather(*coros):
    out = []
    for c in coros:
        out.append(await c)
    return out


c = gather(compute(2), compute(3))
print(c.cr_running, c.cr_suspended, c.cr_await)
try:
    c.send(None)
except StopIteration as e:
    print("gathered", e.value)
print(c.cr_running, c.cr_suspended, c.cr_frame)
