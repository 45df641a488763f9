# Generators: next, send, return value, close, generator expressions.
def gen(n):
    i = 0
    while i < n:
        yield i
        i += 1
    return "done"
print(list(gen(3)))
g = gen(2)
print(next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print("stop", e.value)
def echo():
    got = None
    while True:
        got = yield got
        if got == "quit":
            return
e = echo()
next(e)
print(e.send(1), e.send("x"))
try:
    e.send("quit")
except StopIteration:
    print("finished")
def with_finally():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")
w = with_finally()
print(next(w))
w.close()
print(sum(x * x for x in [1, 2, 3]))
def delegate():
    r = yield from gen(2)
    print("sub returned", r)
    yield "after"
print(list(delegate()))
print(type(gen(1)).__name__)
g = gen(1)
try:
    g.send(5)
except TypeError as e:
    print(e)
