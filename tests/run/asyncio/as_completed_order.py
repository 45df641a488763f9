# as_completed yields in completion order; timeout raises TimeoutError.
import asyncio

async def value(v, delay):
    await asyncio.sleep(delay)
    return v

async def main():
    for coro in asyncio.as_completed([value('c', 0.3), value('a', 0.1), value('b', 0.2)]):
        print(await coro)
    try:
        for coro in asyncio.as_completed([value('x', 1), value('y', 0.05)], timeout=0.2):
            print(await coro)
    except asyncio.TimeoutError:
        print('timed out')

asyncio.run(main())
