# StreamReader.readuntil and readline: separators split across feeds, the
# limit (LimitOverrunError and its consumed count, ValueError from
# readline), EOF without the separator, and async iteration.
import asyncio


async def fed(chunks, limit=2 ** 16, eof=True):
    r = asyncio.StreamReader(limit=limit, loop=asyncio.get_running_loop())

    async def feeder():
        for c in chunks:
            await asyncio.sleep(0)
            r.feed_data(c)
        if eof:
            r.feed_eof()
    asyncio.create_task(feeder())
    await asyncio.sleep(0)
    return r


async def attempt(what, coro):
    try:
        print(what, '->', repr(await coro))
    except (asyncio.IncompleteReadError, asyncio.LimitOverrunError, ValueError) as e:
        extra = e.consumed if isinstance(e, asyncio.LimitOverrunError) else ''
        print(what, '->', type(e).__name__, e, extra)


async def main():
    r = await fed([b'one::two:', b':thr', b'ee::'])
    await attempt('readuntil ::', r.readuntil(b'::'))
    await attempt('readuntil ::', r.readuntil(b'::'))
    await attempt('readuntil ::', r.readuntil(b'::'))
    await attempt('readuntil at EOF', r.readuntil(b'::'))

    r = await fed([b'abc', b'SEPARAT', b'OR', b'tail'])
    await attempt('long separator', r.readuntil(b'SEPARATOR'))
    await attempt('no separator before EOF', r.readuntil(b'SEPARATOR'))
    await attempt('then', r.read())

    r = await fed([b'x'])
    await attempt('empty separator', r.readuntil(b''))

    # The limit counts the data before the separator.
    r = await fed([b'12345', b'678\n', b'ok\n'], limit=4)
    await attempt('found but too long', r.readuntil(b'\n'))
    await attempt('still buffered', r.read(3))
    r = await fed([b'123', b'45', b'6789', b'\n'], limit=4, eof=False)
    await attempt('not found, over the limit', r.readuntil(b'\n'))
    r = await fed([b'1234'], limit=4, eof=False)
    await attempt('exactly the limit', r.readuntil(b'4'))

    # readline: the partial last line, and ValueError over the limit.
    r = await fed([b'first\nsec', b'ond\n', b'last'])
    for _ in range(4):
        await attempt('readline', r.readline())
    r = await fed([b'0123456789\nnext\n'], limit=4)
    await attempt('readline over the limit', r.readline())
    await attempt('readline after', r.readline())
    r = await fed([b'0123456789', b'abc\n', b'next\n'], limit=4, eof=False)
    await attempt('readline over the limit, no newline yet', r.readline())
    await attempt('readline after', r.readline())

    # async for reads lines until EOF.
    r = await fed([b'a\nb', b'\n\nc'])
    async for line in r:
        print('line', line)
    print('at_eof', r.at_eof())


asyncio.run(main())
