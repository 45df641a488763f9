# `del NAME` of the last reference finalises at once, as CPython's
# refcounting does: __del__ runs, a suspended generator's finally block
# runs, a coroutine's pending cleanup runs. Held elsewhere, nothing happens
# until that reference goes too. What is left at exit is finalised while
# the program's globals are there. (aiopy differs where only refcounting
# can tell: a reference dropped by other means than `del`, such as
# list.clear(), finalises at the next collection; a cycle dropped by `del`
# is finalised at once, where CPython waits for its cycle collector.)


class Noisy:
    count = 0

    def __init__(self, name):
        self.name = name

    def __del__(self):
        Noisy.count += 1
        print("del", self.name, Noisy.count)


def gen():
    try:
        yield 1
    finally:
        print("gen finally")


async def coro():
    try:
        await Waiter()
    finally:
        print("coro finally")


class Waiter:
    def __await__(self):
        yield "paused"


def local_scope():
    a = Noisy("local")
    del a
    print("after local del")
    g = gen()
    next(g)
    del g
    print("after gen del")
    c = coro()
    c.send(None)
    del c
    print("after coro del")


def cell_scope():
    x = Noisy("cell")

    def show():
        return x.name
    print(show())
    del x
    print("after cell del")


x = Noisy("global")
del x
print("after global del")
y = Noisy("shared")
keep = [y]
del y
print("after shared del (still in a list)")
local_scope()
cell_scope()
for i in range(3):
    n = Noisy(i)
    del n
print("loop done", Noisy.count)
print("end")
