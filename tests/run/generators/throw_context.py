# The __context__ of an exception thrown into a generator, coroutine or
# async generator: only the generator's own handled exception (the except
# block it is suspended in) is chained, never the caller's; the
# GeneratorExit that close() makes is chained with the caller's handled
# exception, and with the generator's own if it has one.
import asyncio


def ctx(e):
    c = e.__context__
    return type(c).__name__ + (repr(c.args) if c is not None else '')


def plain():
    try:
        yield 1
    except BaseException as e:
        print('  plain got', type(e).__name__, 'context', ctx(e))
        raise


def in_handler():
    try:
        raise KeyError('own')
    except KeyError:
        try:
            yield 1
        except BaseException as e:
            print('  in_handler got', type(e).__name__, 'context', ctx(e))
            raise


def delegating():
    yield from plain()


async def aplain():
    try:
        yield 1
    except BaseException as e:
        print('  aplain got', type(e).__name__, 'context', ctx(e))
        raise


async def ain_handler():
    try:
        raise KeyError('own')
    except KeyError:
        try:
            yield 1
        except BaseException as e:
            print('  ain_handler got', type(e).__name__, 'context', ctx(e))
            raise


def drive(aw):
    it = aw.__await__()
    try:
        while True:
            it.send(None)
    except StopIteration as e:
        return e.value


def run(what, make, how, handled):
    print(what, how, 'while handling' if handled else '')
    g = make()
    if make in (aplain, ain_handler):
        drive(g.__anext__())
    else:
        next(g)
    try:
        if handled:
            raise IndexError('caller')
        raise AssertionError('not reached')
    except (IndexError, AssertionError):
        try:
            if how == 'throw':
                g.throw(ValueError('v'))
            elif how == 'throw-class':
                g.throw(ValueError)
            elif how == 'close':
                g.close()
            elif how == 'athrow':
                drive(g.athrow(ValueError('v')))
            else:
                drive(g.aclose())
        except BaseException as e:
            print('  raised', type(e).__name__, 'context', ctx(e))


for make in (plain, in_handler, delegating):
    for how in ('throw', 'throw-class', 'close'):
        run(make.__name__, make, how, True)
run('plain', plain, 'throw', False)
for make in (aplain, ain_handler):
    for how in ('athrow', 'aclose'):
        run(make.__name__, make, how, True)


async def sleeper():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError as e:
        print('task cancelled, context', ctx(e))
        raise


async def main():
    t = asyncio.create_task(sleeper())
    await asyncio.sleep(0)
    try:
        raise KeyError('main handling')
    except KeyError:
        t.cancel()
        try:
            await t
        except asyncio.CancelledError as e:
            print('main saw', type(e).__name__)

asyncio.run(main())
