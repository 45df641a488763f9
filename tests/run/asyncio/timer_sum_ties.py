# Deadlines that are equal on paper: three sleeps of 0.01 against one of
# 0.03 started together. In real time the three sleeps end later (time
# passes between them), so the single sleep wakes first; under
# -X virtual_time (this test runs in both) the sums must tie, whatever the
# float rounding at the clock's current value, and creation order decides
# the same way.
import asyncio

async def steps(log, n, delay):
    for _ in range(n):
        await asyncio.sleep(delay)
    log.append("steps")

async def single(log, delay):
    await asyncio.sleep(delay)
    log.append("single")

async def main():
    orders = set()
    for offset in range(12):
        await asyncio.sleep(0.003 * offset + 0.0007)
        log = []
        await asyncio.gather(single(log, 0.03), steps(log, 3, 0.01))
        orders.add(tuple(log))
    print(sorted(orders))

asyncio.run(main())
