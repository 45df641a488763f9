# Await chains driven by hand: a resume reaches the innermost level at once,
# but every observable detail must stay CPython's — levels resumed on their
# own, throw/close through the chain, exceptions handled at each level,
# introspection from inside the running leaf, and values flowing back out.
import sys
import types


@types.coroutine
def pause(tag):
    got = yield tag
    return (tag, got)


async def level(n, log):
    if n == 0:
        a = await pause("a")
        b = await pause("b")
        log.append(("leaf done", a, b))
        return "bottom"
    r = await level(n - 1, log)
    log.append(("level", n, r))
    return r + "+"


print("== values in and out ==")
log = []
c = level(5, log)
print(c.send(None))
print(c.send(1))
try:
    c.send(2)
except StopIteration as e:
    print("return", e.value)
print(log)


print("== resuming an inner level on its own ==")
log = []
outer = level(3, log)
print(outer.send(None))
inner = outer.cr_await.cr_await          # level 1
print(inner.send("direct"))               # leaf takes it: pause("a") returns
try:
    outer.send("via root")                # continues at the same leaf
except StopIteration as e:
    print("return", e.value)
print(log, outer.cr_frame, inner.cr_frame)


print("== an inner level finishes on its own, then the root is resumed ==")
log = []
outer = level(2, log)
outer.send(None)
mid = outer.cr_await
mid.send(1)
try:
    mid.send(2)
except StopIteration as e:
    print("mid returned", e.value)
try:
    outer.send(3)
except RuntimeError as e:
    print("RuntimeError:", e)


print("== throw into the root, caught at different levels ==")


async def catcher(depth, catch_at, log):
    if depth == 0:
        while True:
            try:
                v = await pause("leaf")
                log.append(("leaf got", v))
            except KeyError as e:
                log.append(("leaf caught", repr(e)))
                if catch_at == 0:
                    continue
                raise
    try:
        return await catcher(depth - 1, catch_at, log)
    except KeyError as e:
        log.append(("caught at", depth, repr(e)))
        if depth == catch_at:
            return await pause("after catch at %d" % depth)
        raise


for catch_at in (0, 2, 4, 9):
    log = []
    c = catcher(4, catch_at, log)
    c.send(None)
    c.send("x")
    try:
        print(c.throw(KeyError("k")))
        print(c.send("y"))
    except KeyError as e:
        print("escaped", repr(e))
    except StopIteration as e:
        print("return", e.value)
    print(catch_at, log)
    c.close()


print("== close runs finally blocks innermost first ==")


async def fin(n, out):
    try:
        if n == 0:
            await pause("deep")
        else:
            await fin(n - 1, out)
    finally:
        out.append(n)


out = []
c = fin(6, out)
c.send(None)
c.close()
print(out, c.cr_frame)


print("== introspection from inside the running leaf ==")
chain = []


@types.coroutine
def look():
    for co in chain:
        print(co.__qualname__, co.cr_running, co.cr_suspended, co.cr_await)
    yield "looked"


async def wrap(n):
    if n == 0:
        await look()
        await look()
    else:
        await wrap(n - 1)


c = wrap(2)
chain.append(c)
print(c.send(None))
chain.append(c.cr_await)
chain.append(c.cr_await.cr_await)
print(c.send(None))
print([(co.cr_running, co.cr_suspended) for co in chain])


print("== a leaf sending to its own chain ==")
holder = {}


async def selfish(n):
    if n == 0:
        await pause("p")
        try:
            holder["root"].send(None)
        except ValueError as e:
            print("ValueError:", e)
        try:
            holder["mid"].send(None)
        except ValueError as e:
            print("ValueError:", e)
        try:
            holder["mid"].close()
        except ValueError as e:
            print("ValueError:", e)
        return "ok"
    return await selfish(n - 1)


c = selfish(2)
holder["root"] = c
c.send(None)
holder["mid"] = c.cr_await
try:
    c.send(None)
except StopIteration as e:
    print("return", e.value)


print("== awaiting a level that is already awaited ==")


async def other(co):
    return await co


c = level(3, [])
c.send(None)
try:
    other(c.cr_await).send(None)
except RuntimeError as e:
    print("RuntimeError:", e)


print("== sys.exc_info in the leaf follows the resumer ==")


@types.coroutine
def report():
    while True:
        print("leaf sees", repr(sys.exc_info()[1]))
        yield


async def plain(n):
    if n == 0:
        await report()
    else:
        await plain(n - 1)


async def handling(n):
    try:
        raise IndexError("own")
    except IndexError:
        await plain(n)


for coro in (plain(3), handling(3)):
    coro.send(None)
    try:
        raise ZeroDivisionError("resumer's")
    except ZeroDivisionError:
        coro.send(None)
    coro.send(None)
    try:
        raise NameError("another")
    except NameError:
        coro.send(None)
    coro.close()


print("== an exception from the leaf after flat resumes: traceback levels ==")


@types.coroutine
def bomb():
    yield
    yield
    raise OSError("boom")


async def up(n):
    if n == 0:
        await bomb()
    else:
        await up(n - 1)


c = up(3)
c.send(None)
c.send(None)
try:
    c.send(None)
except OSError as e:
    tb = e.__traceback__
    names = []
    while tb:
        names.append(tb.tb_frame.f_code.co_name if hasattr(tb, "tb_frame") else "?")
        tb = tb.tb_next
    print("OSError", e, len(names))
print(c.cr_frame, c.cr_running)


print("== a generator chain: yield from, send, gi_yieldfrom ==")


def g_leaf():
    total = 0
    while True:
        x = yield total
        if x is None:
            return total
        total += x


def g_mid(n):
    if n == 0:
        r = yield from g_leaf()
    else:
        r = yield from g_mid(n - 1)
    return r * 2


g = g_mid(4)
print(next(g), g.send(3), g.send(4))
print(type(g.gi_yieldfrom).__name__, g.gi_yieldfrom.gi_yieldfrom.gi_running)
inner = g.gi_yieldfrom.gi_yieldfrom
print(inner.send(10))
print(g.send(1))
try:
    g.send(None)
except StopIteration as e:
    print("return", e.value)


print("== chain collected while suspended ==")
import gc

out = []
c = fin(4, out)
c.send(None)
keep_leaf = c.cr_await.cr_await.cr_await.cr_await
del c
gc.collect()
print(out, keep_leaf.cr_frame is None)
