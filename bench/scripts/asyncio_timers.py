# N tasks each sleeping a distinct short time (the timer heap at scale).
# Usage: asyncio_timers.py N
import asyncio
import sys


async def sleeper(delay):
    await asyncio.sleep(delay)


async def main(n):
    await asyncio.gather(*(sleeper(0.001 + i * 1e-7) for i in range(n)))


asyncio.run(main(int(sys.argv[1])))
