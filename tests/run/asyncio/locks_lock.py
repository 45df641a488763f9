# Lock: FIFO hand-over, async with, repr, cancelled waiters, errors.
import asyncio

async def user(lock, tag, hold):
    async with lock:
        print('got', tag)
        await asyncio.sleep(hold)
        print('release', tag)

async def main():
    lock = asyncio.Lock()
    print(lock.locked(), repr(lock).split(' [')[1])
    tasks = [asyncio.create_task(user(lock, t, 0.01)) for t in 'abc']
    await asyncio.sleep(0)
    print(repr(lock).split(' [')[1])
    await asyncio.gather(*tasks)
    print(await lock.acquire(), lock.locked())
    waiter = asyncio.create_task(lock.acquire())
    await asyncio.sleep(0)
    waiter.cancel()
    await asyncio.sleep(0)
    print('waiter cancelled', waiter.cancelled())
    lock.release()
    print(lock.locked())
    try:
        lock.release()
    except RuntimeError as e:
        print('RuntimeError', e)
    async with lock as x:
        print('as', x)

asyncio.run(main())
