# yield from any iterable, generator expressions, nested generators, StopIteration values.
def chain(*its):
    for it in its:
        yield from it
print(list(chain([1, 2], (3,), "ab", {4: 0})))
def countdown(n):
    while n > 0:
        yield n
        n -= 1
def pairs():
    yield from ((a, b) for a in countdown(2) for b in "xy")
print(list(pairs()))
def ret():
    return 5
    yield
def use():
    v = yield from ret()
    yield v
print(list(use()))
gen = (i * i for i in [1, 2, 3] if i > 1)
print(next(gen), list(gen), list(gen))
def acc():
    total = 0
    while True:
        v = yield total
        if v is None:
            break
        total += v
a = acc()
next(a)
for v in [1, 2, 3]:
    print(a.send(v))
print(type(a).__name__, a.__name__, a.__qualname__)
