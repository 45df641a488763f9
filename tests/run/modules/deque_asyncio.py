# asyncio's queues, locks and events keep their waiters in deques.
import asyncio
from collections import deque

async def producer(q, n):
    for i in range(n):
        await q.put(i)
    await q.put(None)

async def consumer(q):
    total = 0
    while True:
        item = await q.get()
        q.task_done()
        if item is None:
            return total
        total += item

async def main():
    q = asyncio.Queue(maxsize=16)
    p = asyncio.create_task(producer(q, 5000))
    total = await consumer(q)
    await p
    print('sum', total, q.empty(), q.qsize())
    q = asyncio.Queue()
    for i in range(1000):
        q.put_nowait(i)
    print(q.qsize(), q.get_nowait(), q.full())
    lock = asyncio.Lock()
    order = []
    async def worker(i):
        async with lock:
            order.append(i)
            await asyncio.sleep(0)
    await asyncio.gather(*(worker(i) for i in range(10)))
    print(order)
    ev = asyncio.Event()
    woken = []
    async def waiter(i):
        await ev.wait()
        woken.append(i)
    tasks = [asyncio.create_task(waiter(i)) for i in range(5)]
    await asyncio.sleep(0)
    tasks[2].cancel()
    await asyncio.sleep(0)
    ev.set()
    await asyncio.gather(*tasks, return_exceptions=True)
    print(woken)

asyncio.run(main())
