# send(), __next__() and next() called on generators and coroutines: values,
# StopIteration with the return value, errors raised inside, and the errors
# of the calls themselves, through every way of spelling the call.
import types


def echo():
    got = yield "ready"
    while got != "stop":
        got = yield "echo " + repr(got)
    return "finished"


g = echo()
print(next(g), g.send(1), g.__next__(), types.GeneratorType.send(g, 2))
send = g.send
print(send([3]))
try:
    send("stop")
except StopIteration as e:
    print("StopIteration", repr(e.value), e.args)
try:
    next(g)
except StopIteration as e:
    print("again", e.args)
print(next(g, "default"))


def none_return():
    yield 1


n = none_return()
next(n)
try:
    n.send(None)
except StopIteration as e:
    print("args", e.args, e.value)

fresh = echo()
try:
    fresh.send(5)
except TypeError as e:
    print("TypeError:", e)
try:
    types.CoroutineType.send(fresh, None)
except TypeError as e:
    print("TypeError:", e)


def failing():
    yield 1
    raise ValueError("inside")


f = failing()
next(f)
try:
    f.send(None)
except ValueError as e:
    print("ValueError", e)


def leaky():
    yield 1
    raise StopIteration("leak")


lk = leaky()
next(lk)
try:
    next(lk)
except RuntimeError as e:
    print("RuntimeError", e, repr(e.__cause__))


def reentrant():
    yield me.gi_running
    try:
        next(me)
    except ValueError as e:
        yield str(e)


me = reentrant()
print(next(me), next(me))


async def coro(x):
    return x * 2


c = coro(21)
try:
    c.send(None)
except StopIteration as e:
    print("coroutine returned", e.value)
try:
    c.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)


def counter():
    i = 0
    while True:
        i += yield i


k = counter()
next(k)
print([k.send(j) for j in range(5)])


def last():
    yield 1
    return "the end"


la = last()
next(la)
next(la)
