# close() of a yield from chain whose innermost generator ignores
# GeneratorExit: the RuntimeError ends the middle level, which drops the
# inner generator, still suspended with its finally pending. CPython
# finalises it there, inside close(), before the error reaches the caller.
def inner(tag):
    try:
        x = yield 1
        print(tag, 'got', x)
    except BaseException as e:
        print(tag, 'caught', type(e).__name__)
        yield 'again'
    finally:
        print(tag, 'finally')


def middle(tag):
    r = yield from inner(tag)
    return r


def outer(tag):
    yield from inner(tag + '-first')
    yield from middle(tag)


def drive(tag, sends):
    g = outer(tag)
    print(next(g))
    for v in sends:
        print(g.send(v))
    try:
        g.close()
    except RuntimeError as e:
        print('close:', e)
    del g
    print('after del')


drive('a', [5])    # the chain was resumed at its leaf before close()
drive('b', [])


async def aw_inner():
    try:
        await Yield()
    finally:
        print('aw_inner finally')
        await Yield()


class Yield:
    def __await__(self):
        yield


async def aw_middle():
    await aw_inner()


async def aw_outer():
    await aw_middle()


c = aw_outer()
c.send(None)
try:
    c.close()
except RuntimeError as e:
    print('close:', e)
del c
print('end')
