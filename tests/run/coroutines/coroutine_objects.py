# Coroutine objects: type, repr, attributes, dir, __await__ and its wrapper.
async def f():
    return 42


async def g():
    return await f() + 1


print(type(f))
c = f()
print(type(c))
print(repr(c).split(" at ")[0])
print(c.__name__, c.__qualname__)
print(c.cr_origin, c.cr_await, c.cr_running, c.cr_suspended)
print(c.cr_code is f.__code__)
print(dir(c))
print(hasattr(c, "__iter__"), hasattr(c, "__next__"))
w = c.__await__()
print(type(w), repr(w).split(" at ")[0])
print(type(w).__name__, iter(w) is w)
print(sorted(n for n in dir(w) if not n.startswith("__") or n in ("__iter__", "__next__")))
try:
    next(w)
except StopIteration as e:
    print("StopIteration", e.value)
print(c.cr_frame)


class K:
    async def m(self):
        return "m"


k = K().m()
print(k.__qualname__, repr(k).split(" at ")[0])
try:
    k.send(None)
except StopIteration as e:
    print(e.value)

c = g()
try:
    c.send(None)
except StopIteration as e:
    print("g ->", e.value)

# Driving by hand: for over __await__().
async def three():
    return 3

async def outer():
    return await three() * 2

for _ in outer().__await__():
    print("never")
try:
    outer().__await__().send(None)
except StopIteration as e:
    print("via wrapper send", e.value)
w = outer().__await__()
try:
    w.throw(ValueError("boom"))
except ValueError as e:
    print("thrown", e)
w = outer().__await__()
print(w.close())
print(dir(object()))
class C:
    pass
print(dir(C()))
