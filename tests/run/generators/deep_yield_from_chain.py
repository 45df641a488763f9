import sys
sys.setrecursionlimit(30000)
def leaf():
    x = yield "leaf"
    yield x
    return "done"
def level(n):
    if n == 0:
        r = yield from leaf()
    else:
        r = yield from level(n - 1)
    return r
g = level(10000)
print(next(g))
print(g.send("sent"))
try:
    next(g)
except StopIteration as e:
    print("returned", e.value)
def bad(n):
    if n == 0:
        raise ValueError("deep")
        yield
    yield from bad(n - 1)
try:
    list(bad(5000))
except ValueError as e:
    print("caught", e)
g = level(5)
next(g)
try:
    g.throw(KeyError("thrown"))
except KeyError as e:
    print("propagated", e)
