# Random operations on a forest of await and yield-from chains, from a fixed
# seed: send to a root or to any inner level, throw or close anywhere, start
# new chains, drop chains and collect. Every result is printed, so any
# difference in who runs, what is yielded, returned or raised shows up.
import gc
import types

state = 12345


def rand(n):
    global state
    state = (state * 1103515245 + 12345) % 2147483648
    return (state >> 8) % n


@types.coroutine
def tick(tag):
    n = 0
    while True:
        try:
            got = yield (tag, n)
        except ValueError as e:
            got = "caught " + str(e)
        n += 1
        if got == "stop":
            return (tag, "stopped", n)


async def node(tag, depth, events):
    try:
        if depth == 0:
            r = await tick(tag)
        else:
            r = await node(tag + "." + str(depth), depth - 1, events)
        events.append((tag, "got", r))
        if depth % 3 == 1:
            r2 = await tick(tag + "!")
            return (tag, r2)
        return r
    except KeyError as e:
        events.append((tag, "KeyError", str(e)))
        if depth % 2 == 0:
            return (tag, "handled")
        raise
    finally:
        events.append((tag, "finally"))


def gnode(tag, depth):
    try:
        if depth == 0:
            x = 0
            while True:
                y = yield (tag, x)
                if y == "stop":
                    return (tag, x)
                x += 1
        r = yield from gnode(tag + "/" + str(depth), depth - 1)
        return (tag, r)
    finally:
        print("  gen finally", tag)


def levels(c):
    out = []
    while c is not None:
        out.append(c)
        c = getattr(c, "cr_await", None) if hasattr(c, "cr_await") else c.gi_yieldfrom
    return out


def show(v):
    if isinstance(v, BaseException):
        return type(v).__name__ + ": " + str(v)
    return repr(v)


def attempt(what, fn, *args):
    try:
        r = fn(*args)
        print(what, "->", show(r))
    except StopIteration as e:
        print(what, "-> return", show(e.value))
    except BaseException as e:
        print(what, "-> raised", show(e))


events = []
roots = []
for step in range(400):
    op = rand(9)
    if op == 0 or not roots:
        depth = rand(7)
        if rand(3) == 0:
            c = gnode("g" + str(step), depth)
        else:
            c = node("c" + str(step), depth, events)
        roots.append(c)
        attempt("%d start %s" % (step, c.__qualname__), c.send, None)
        continue
    c = roots[rand(len(roots))]
    chain = levels(c)
    target = chain[rand(len(chain))]
    where = chain.index(target)
    name = "%d level %d/%d" % (step, where, len(chain))
    if op <= 3:
        attempt(name + " send root", c.send, None if rand(4) else "stop")
    elif op == 4:
        attempt(name + " send inner", target.send, None if rand(3) else "stop")
    elif op == 5:
        exc = [KeyError("k%d" % step), ValueError("v%d" % step)][rand(2)]
        attempt(name + " throw " + type(exc).__name__, target.throw, exc)
    elif op == 6:
        attempt(name + " close", target.close)
    elif op == 7:
        states = []
        for lv in chain:
            if hasattr(lv, "cr_running"):
                states.append((lv.cr_running, lv.cr_suspended, lv.cr_frame is None))
            else:
                states.append((lv.gi_running, lv.gi_suspended, lv.gi_frame is None))
        print(step, "states", states)
    else:
        roots.remove(c)
        del c, chain, target
        gc.collect()
        print(step, "dropped a chain")
    if events:
        print("  events", events)
        events.clear()

for c in roots:
    c.close()
print("events at the end", events)
