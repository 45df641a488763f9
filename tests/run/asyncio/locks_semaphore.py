# Semaphore and BoundedSemaphore: counting, FIFO wake-up, errors.
import asyncio

async def worker(sem, tag):
    async with sem:
        print('in', tag)
        await asyncio.sleep(0)
        print('out', tag)

async def main():
    sem = asyncio.Semaphore(2)
    print(repr(sem).split(' [')[1], sem.locked())
    await asyncio.gather(*(worker(sem, i) for i in range(5)))
    print(repr(sem).split(' [')[1])
    try:
        asyncio.Semaphore(-1)
    except ValueError as e:
        print('ValueError', e)
    b = asyncio.BoundedSemaphore(1)
    await b.acquire()
    b.release()
    try:
        b.release()
    except ValueError as e:
        print('ValueError', e)
    s0 = asyncio.Semaphore(0)
    print(s0.locked())
    t = asyncio.create_task(s0.acquire())
    await asyncio.sleep(0)
    print(repr(s0).split(' [')[1])
    s0.release()
    print(await t)

asyncio.run(main())
