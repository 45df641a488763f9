# A generator consumed by a for loop runs inline in aiopy; everything a
# program can observe must stay CPython's: values, early exits, exceptions
# and their tracebacks, PEP 479, re-entrance, exception state, recursion.
import sys


def count(n):
    i = 0
    while i < n:
        yield i
        i += 1
    return "done"


print([x for x in count(4)], sum(count(10)))
for x in count(3):
    print("x", x)
else:
    print("else after exhaustion")

print("== break leaves it suspended; next() and for resume it ==")
g = count(6)
for x in g:
    if x == 2:
        break
print(x, next(g), list(g))
print(g.gi_frame is None, g.gi_running)

print("== an exception inside the generator reaches the loop ==")


def faulty(n):
    for i in range(n):
        yield i
    raise KeyError("after %d" % n)


try:
    for x in faulty(2):
        print("got", x)
except KeyError as e:
    print("caught", repr(e))

print("== PEP 479 ==")


def leaky():
    yield 1
    raise StopIteration("inner")


try:
    for x in leaky():
        print("leaky", x)
except RuntimeError as e:
    print(type(e).__name__, e, "|", repr(e.__cause__))

print("== running state and re-entrance ==")


def selfref():
    yield me.gi_running
    try:
        next(me)
    except ValueError as e:
        yield str(e)


me = selfref()
for v in me:
    print(v)


def sender():
    got = []
    while True:
        v = yield len(got)
        if v is None:
            break
        got.append(v)
    yield got


s = sender()
for n in s:
    print("loop got", n)
    if isinstance(n, list):
        break
    print("sent", s.send("v%d" % n))
print(next(s, "end"))

print("== nested and delegating generators ==")


def inner(tag):
    yield tag + "1"
    r = yield tag + "2"
    return r


def outer():
    r = yield from inner("a")
    yield "inner returned %r" % (r,)
    for v in inner("b"):
        yield v.upper()


print(list(outer()))


def tree(depth):
    if depth == 0:
        yield "leaf"
        return
    for v in tree(depth - 1):
        yield v + "<%d" % depth
    yield from tree(depth - 1)


print(list(tree(3)))

print("== exception state seen inside ==")


def peek():
    yield repr(sys.exc_info()[1])
    try:
        raise IndexError("mine")
    except IndexError:
        yield repr(sys.exc_info()[1])
    yield repr(sys.exc_info()[1])


try:
    raise ZeroDivisionError("outer")
except ZeroDivisionError:
    for v in peek():
        print(v, repr(sys.exc_info()[1]))

print("== finally blocks and close at loop exit ==")


def guarded():
    try:
        yield 1
        yield 2
    finally:
        print("guarded finally")


for v in guarded():
    print("guarded", v)
    if v == 1:
        break
print("after break")

print("== recursion through for loops ==")


def deep(n):
    if n == 0:
        yield 0
    else:
        for v in deep(n - 1):
            yield v + 1


print(max(deep(200)))
try:
    for v in deep(5000):
        pass
except RecursionError as e:
    print("RecursionError:", e)

print("== the traceback of an exception from an iterated generator ==")
for x in faulty(1):
    print("last", x)
