# An exception escaping asyncio.run prints the traceback through the
# awaited coroutines and the task they awaited, and exits 1.
import asyncio

async def inner():
    await asyncio.sleep(0)
    raise ValueError('deep')

async def middle():
    await inner()

async def main():
    t = asyncio.create_task(middle())
    await t

asyncio.run(main())
