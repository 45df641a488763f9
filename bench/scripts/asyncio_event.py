# N round trips (default 120,000) between two tasks through two
# asyncio.Events: set, wait, clear, and a task switch each way.
# Usage: asyncio_event.py [N]
import asyncio, sys
N = int(sys.argv[1]) if len(sys.argv) > 1 else 120000
async def ping(a, b):
    for _ in range(N):
        a.set()
        await b.wait()
        b.clear()
async def pong(a, b):
    for _ in range(N):
        await a.wait()
        a.clear()
        b.set()
async def main():
    a, b = asyncio.Event(), asyncio.Event()
    await asyncio.gather(ping(a, b), pong(a, b))
asyncio.run(main())
