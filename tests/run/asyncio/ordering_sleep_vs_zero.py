# sleep(0) takes one iteration; any positive sleep goes through the timer heap.
import asyncio

async def zero():
    for i in range(3):
        await asyncio.sleep(0)
        print('zero', i)

async def tiny():
    for i in range(2):
        await asyncio.sleep(0.05)
        print('tiny', i)

async def main():
    await asyncio.gather(tiny(), zero())

asyncio.run(main())
