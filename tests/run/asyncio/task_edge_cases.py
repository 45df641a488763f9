# Edge cases of tasks: a task that ignores cancellation, self-cancellation,
# chained exceptions, sleep(nan), awaitables through ensure_future, errors
# of mixing loops.
import asyncio
async def stubborn():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print('ignoring cancel')
    await asyncio.sleep(0.01)
    return 'done anyway'
async def selfcancel():
    asyncio.current_task().cancel('myself')
    print('still running', asyncio.current_task().cancelling())
    await asyncio.sleep(0)
async def main():
    t = asyncio.create_task(stubborn())
    await asyncio.sleep(0)
    t.cancel()
    print(await t, t.cancelling())
    t2 = asyncio.create_task(selfcancel())
    try:
        await t2
    except asyncio.CancelledError as e:
        print('cancelled with', e.args)
    print(repr(t2))
    try:
        await asyncio.wait_for(stubborn(), 0.001)
    except TimeoutError:
        print('wait_for timeout')
    else:
        print('wait_for returned')
    loop = asyncio.get_running_loop()
    loop.call_soon(lambda: print('current task in callback:', asyncio.current_task()))
    await asyncio.sleep(0)
    async def chained():
        try:
            raise KeyError('k')
        except KeyError as e:
            raise ValueError('v') from e
    try:
        await asyncio.create_task(chained())
    except ValueError as e:
        print(repr(e), repr(e.__cause__))
    for bad in (float('nan'), -1):
        print(await asyncio.sleep(bad, 'r'))
    class Aw:
        def __await__(self):
            yield from asyncio.sleep(0).__await__()
            return 'aw result'
    print(await asyncio.ensure_future(Aw()))
    f = asyncio.ensure_future(Aw())
    print(type(f).__name__, f.get_coro().__name__ if hasattr(f.get_coro(), '__name__') else f.get_coro())
    print(await f)
    other = asyncio.new_event_loop()
    fut = other.create_future()
    try:
        loop.run_until_complete(fut)
    except RuntimeError as e:
        print('RuntimeError', e)
    try:
        asyncio.ensure_future(fut, loop=loop)
    except ValueError as e:
        print('ValueError', e)
    other.close()
    try:
        asyncio.ensure_future(42)
    except TypeError as e:
        print('TypeError', e)
asyncio.run(main())
