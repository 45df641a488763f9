# Typical programs: a semaphore bounding gather, async generators under a
# timeout, a Condition between producer and consumer, as_completed errors.
import asyncio
async def fetch(i, sem, log):
    async with sem:
        log.append(('start', i))
        await asyncio.sleep((0, 0.1, 0.25)[i % 3])
        log.append(('end', i))
        if i == 4:
            raise RuntimeError(f'fetch {i} failed')
        return i * i
async def main():
    sem = asyncio.Semaphore(2)
    log = []
    res = await asyncio.gather(*(fetch(i, sem, log) for i in range(6)), return_exceptions=True)
    print(res)
    print(log)
    async def agen(n):
        for i in range(n):
            await asyncio.sleep(0)
            yield i
    print([x async for x in agen(5)])
    async with asyncio.timeout(1):
        total = 0
        async for x in agen(10):
            total += x
    print(total)
    cond = asyncio.Condition()
    items = []
    async def producer():
        for i in range(3):
            async with cond:
                items.append(i)
                cond.notify()
            await asyncio.sleep(0)
    async def consumer():
        got = []
        while len(got) < 3:
            async with cond:
                await cond.wait_for(lambda: items)
                got.append(items.pop(0))
        return got
    print(await asyncio.gather(consumer(), producer()))
    for coro in asyncio.as_completed([fetch(4, asyncio.Semaphore(), []), asyncio.sleep(0.05, 'late')]):
        try:
            print('as_completed', await coro)
        except RuntimeError as e:
            print('as_completed error', e)
asyncio.run(main())
