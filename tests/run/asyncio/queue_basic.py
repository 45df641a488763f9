# Queue: FIFO, maxsize back-pressure, task_done/join, nowait errors, repr.
import asyncio

async def producer(q, n):
    for i in range(n):
        await q.put(i)
        print('put', i, q.qsize())
    await q.put(None)

async def consumer(q):
    while True:
        item = await q.get()
        print('got', item)
        q.task_done()
        if item is None:
            break

async def main():
    q = asyncio.Queue(2)
    print(q.maxsize, q.empty(), q.full(), str(q))
    await asyncio.gather(producer(q, 5), consumer(q))
    await q.join()
    print('joined', q.empty())
    try:
        q.get_nowait()
    except asyncio.QueueEmpty:
        print('QueueEmpty')
    q.put_nowait(1)
    q.put_nowait(2)
    print(str(q), q.full())
    try:
        q.put_nowait(3)
    except asyncio.QueueFull:
        print('QueueFull')
    print(q.get_nowait(), q.get_nowait())
    try:
        q.task_done()
        q.task_done()
        q.task_done()
    except ValueError as e:
        print('ValueError', e)

asyncio.run(main())
