# PriorityQueue and LifoQueue; cancelled getters keep the line moving.
import asyncio

async def main():
    pq = asyncio.PriorityQueue()
    for x in [5, 1, 4, 2, 3]:
        pq.put_nowait((x, str(x)))
    print([pq.get_nowait() for _ in range(5)])
    lq = asyncio.LifoQueue()
    for x in 'abc':
        await lq.put(x)
    print([await lq.get() for _ in range(3)])
    q = asyncio.Queue()
    getters = [asyncio.create_task(q.get()) for _ in range(3)]
    await asyncio.sleep(0)
    print(str(q))
    getters[0].cancel()
    await asyncio.sleep(0)
    q.put_nowait('x')
    q.put_nowait('y')
    print(await getters[1], await getters[2])

asyncio.run(main())
