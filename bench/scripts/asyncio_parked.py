# N tasks each parked in `await event.wait()`; the runner compares the
# resident set size while they all wait against N = 0.
# Usage: asyncio_parked.py N [rss]
# With `rss` it prints VmRSS in kB at that moment (then lets them finish).
import asyncio
import sys


async def parked(event):
    await event.wait()


async def main(n):
    event = asyncio.Event()
    tasks = [asyncio.create_task(parked(event)) for _ in range(n)]
    await asyncio.sleep(0)   # every task runs up to its wait
    if len(sys.argv) > 2:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    print(line.split()[1])
    event.set()
    await asyncio.gather(*tasks)


asyncio.run(main(int(sys.argv[1])))
