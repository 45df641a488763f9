# N tasks (default 10,000), each awaiting asyncio.sleep(0) 60 times, then
# gathered: the task step, sleep(0) and the ready queue.
# Usage: asyncio_tasks.py [N]
import asyncio, sys
N = int(sys.argv[1]) if len(sys.argv) > 1 else 10000
async def worker(i):
    for _ in range(60):
        await asyncio.sleep(0)
    return i
async def main():
    tasks = [asyncio.create_task(worker(i)) for i in range(N)]
    r = await asyncio.gather(*tasks)
    assert sum(r) == N*(N-1)//2
asyncio.run(main())
