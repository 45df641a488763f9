# N items (default 800,000) through an asyncio.Queue(16) from a producer
# task to the main task: put/get, waiting and waking on both sides.
# Usage: asyncio_queue.py [N]
import asyncio, sys
N = int(sys.argv[1]) if len(sys.argv) > 1 else 800000
async def producer(q):
    for i in range(N):
        await q.put(i)
    await q.put(None)
async def consumer(q):
    s = 0
    while True:
        x = await q.get()
        if x is None: break
        s += x
    return s
async def main():
    q = asyncio.Queue(16)
    p = asyncio.create_task(producer(q))
    s = await consumer(q)
    await p
    assert s == N*(N-1)//2
asyncio.run(main())
