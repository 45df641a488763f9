# throw(StopIteration) into a generator or coroutine suspended in yield from
# / await: whatever level it leaves is a generator or coroutine, PEP 479
# turns it into RuntimeError. Only a StopIteration the delegate's own throw()
# raises ends the delegation with its value.
import asyncio
import types


def show(what, call):
    try:
        print(what, 'gave', call())
    except BaseException as e:
        print(what, type(e).__name__, e.args, type(e.__cause__).__name__)


class It:
    # an iterator without throw(): the exception is raised at the yield from
    def __iter__(self):
        return self

    def __next__(self):
        return 1


class ItThrow(It):
    # its throw() raising StopIteration(v): the yield from gives v
    def throw(self, *args):
        raise StopIteration('from throw')


def gen_inner():
    yield 1


def outer(make):
    r = yield from make()
    print('  after yield from', r)
    return 'done'


for make in (gen_inner, It, ItThrow):
    g = outer(make)
    next(g)
    show('yield from ' + make.__name__, lambda: g.throw(StopIteration('x', 1)))


class Aw:
    def __init__(self, it):
        self.it = it

    def __await__(self):
        return self.it()


async def coro(it):
    r = await Aw(it)
    print('  after await', r)


for it in (gen_inner, It, ItThrow):
    c = coro(it)
    c.send(None)
    show('await ' + it.__name__, lambda: c.throw(StopIteration('y')))


@types.coroutine
def sleep0():
    yield


async def c8():
    await sleep0()
    print('  c8 after')


async def c9():
    await c8()
    print('  c9 after')


c = c9()
c.send(None)
show('chain', lambda: c.throw(StopIteration('z')))


async def on_sleep():
    await asyncio.sleep(0)
    print('  after sleep')


for exc in (StopIteration('s'), StopIteration, ValueError('v')):
    c = on_sleep()
    c.send(None)
    show('asyncio.sleep(0) %r' % (exc,), lambda: c.throw(exc))
c = asyncio.sleep(0)
c.send(None)
show('sleep itself', lambda: c.throw(StopIteration(5)))
c = on_sleep()
c.send(None)
show('close', c.close)
