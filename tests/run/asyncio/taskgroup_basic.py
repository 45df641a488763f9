# TaskGroup: waits for its tasks; the first failure cancels the others and
# the body; the errors leave as an ExceptionGroup.
import asyncio

async def ok(tag, delay):
    await asyncio.sleep(delay)
    print('ok', tag)
    return tag

async def fail(tag, delay):
    await asyncio.sleep(delay)
    raise ValueError(tag)

async def slow(tag):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print('cancelled', tag)
        raise

async def main():
    async with asyncio.TaskGroup() as tg:
        t1 = tg.create_task(ok('a', 0.05))
        t2 = tg.create_task(ok('b', 0.01), name='named')
        print(repr(tg), t2.get_name())
    print('group done', t1.result(), t2.result(), repr(tg))

    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(slow('s1'))
            tg.create_task(fail('boom', 0.05))
            await asyncio.sleep(10)
            print('not reached')
    except* ValueError as eg:
        print('caught', repr(eg), [repr(e) for e in eg.exceptions])

    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail('x', 0))
            tg.create_task(fail('y', 0))
    except ExceptionGroup as eg:
        print('two errors', sorted(str(e) for e in eg.exceptions), eg.message)

    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(slow('body error'))
            await asyncio.sleep(0)
            raise KeyError('from the body')
    except* KeyError as eg:
        print('body error', repr(eg.exceptions[0]))

    tg = asyncio.TaskGroup()
    coro = ok('never', 0)
    try:
        tg.create_task(coro)
    except RuntimeError as e:
        print('RuntimeError', e)
    coro.close()
    async with tg:
        pass
    coro = ok('late', 0)
    try:
        tg.create_task(coro)
    except RuntimeError as e:
        print('RuntimeError', e)
    coro.close()
    try:
        async with tg:
            pass
    except RuntimeError as e:
        print('RuntimeError', e)

asyncio.run(main())
