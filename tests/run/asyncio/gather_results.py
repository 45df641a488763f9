# gather: results in argument order, duplicates, return_exceptions, futures.
import asyncio

async def value(v, delay):
    await asyncio.sleep(delay)
    return v

async def fail(msg, delay):
    await asyncio.sleep(delay)
    raise ValueError(msg)

async def main():
    print(await asyncio.gather(value(1, 0.03), value(2, 0.01), value(3, 0.02)))
    print(await asyncio.gather())
    t = asyncio.create_task(value('t', 0))
    print(await asyncio.gather(t, t, value('x', 0)))
    r = await asyncio.gather(value(1, 0), fail('boom', 0), return_exceptions=True)
    print(r)
    try:
        await asyncio.gather(fail('first', 0.05), fail('second', 0.2), value(3, 0.3))
    except ValueError as e:
        print('caught', e)
    fut = asyncio.get_running_loop().create_future()
    asyncio.get_running_loop().call_soon(fut.set_result, 'from future')
    print(await asyncio.gather(fut, value('coro', 0)))
    g = asyncio.gather(value(1, 0))
    print(type(g).__name__, isinstance(g, asyncio.Future))
    print(await g)

asyncio.run(main())
