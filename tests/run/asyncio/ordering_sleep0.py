# gather's children interleave one step per loop iteration, in argument order.
import asyncio

async def worker(name, n):
    for i in range(n):
        print(name, i)
        await asyncio.sleep(0)
    return name

async def main():
    print(await asyncio.gather(worker('a', 3), worker('b', 2), worker('c', 3)))

asyncio.run(main())
