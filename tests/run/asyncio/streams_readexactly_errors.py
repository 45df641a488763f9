# StreamReader fed by hand: read(n), read(-1), readexactly and its
# IncompleteReadError, at_eof, exceptions, the limit, and the errors.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    r = asyncio.StreamReader(loop=loop)
    print(r)
    r.feed_data(b'hello ')
    r.feed_data(b'')
    r.feed_data(b'world')
    print(r, r.at_eof())
    print(await r.read(3), await r.readexactly(4), await r.read(0))
    print(await r.read(100))

    # readexactly waits for more.
    async def feeder():
        for chunk in (b'ab', b'cd', b'ef'):
            await asyncio.sleep(0)
            r.feed_data(chunk)
    t = asyncio.create_task(feeder())
    print(await r.readexactly(5))
    await t
    print(await r.readexactly(1), await r.readexactly(0))

    # EOF before enough data.
    r.feed_data(b'xyz')
    r.feed_eof()
    print(r, r.at_eof())
    try:
        await r.readexactly(10)
    except asyncio.IncompleteReadError as e:
        print(type(e).__name__, e, repr(e.partial), e.expected, isinstance(e, EOFError))
    print(r.at_eof(), await r.read(), await r.readexactly(0))
    try:
        await r.readexactly(1)
    except asyncio.IncompleteReadError as e:
        print(type(e).__name__, e, repr(e.partial), e.expected)
    try:
        await r.readexactly(-1)
    except ValueError as e:
        print('ValueError', e)

    # read(-1) gathers everything until EOF.
    r = asyncio.StreamReader(loop=loop)
    async def feed_all():
        for i in range(5):
            await asyncio.sleep(0)
            r.feed_data(str(i).encode() * 3)
        r.feed_eof()
    t = asyncio.create_task(feed_all())
    print(await r.read())
    await t

    # An exception is raised by the next read, and wakes a waiting one.
    r = asyncio.StreamReader(loop=loop)
    r.feed_data(b'data')
    r.set_exception(ConnectionResetError('gone'))
    print(r.exception(), repr(r))
    for coro in (r.read(1), r.readexactly(1), r.readline()):
        try:
            await coro
        except ConnectionResetError as e:
            print('ConnectionResetError', e)
    r = asyncio.StreamReader(loop=loop)
    waiter = asyncio.create_task(r.read(10))
    await asyncio.sleep(0)
    r.set_exception(ValueError('bad'))
    try:
        await waiter
    except ValueError as e:
        print('waiting read got', repr(e))

    # Two readers at once.
    r = asyncio.StreamReader(loop=loop)
    first = asyncio.create_task(r.read(1))
    await asyncio.sleep(0)
    try:
        await r.read(1)
    except RuntimeError as e:
        print('RuntimeError', e)
    r.feed_data(b'!')
    print(await first)

    # Limits.
    for limit in (0, -1):
        try:
            asyncio.StreamReader(limit=limit, loop=loop)
        except ValueError as e:
            print('ValueError', e)
    r = asyncio.StreamReader(limit=3, loop=loop)
    print(r)
    r.feed_data(b'ab')
    r.feed_eof()
    print(r)
    try:
        r.feed_data(b'x')
    except AssertionError as e:
        print('AssertionError', e)


asyncio.run(main())
