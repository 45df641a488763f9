# Condition: notify(n), notify_all, wait_for, errors without the lock.
import asyncio

async def consumer(cond, items, tag):
    async with cond:
        await cond.wait_for(lambda: items)
        print(tag, 'took', items.pop(0))

async def main():
    cond = asyncio.Condition()
    items = []
    ts = [asyncio.create_task(consumer(cond, items, f'c{i}')) for i in range(3)]
    await asyncio.sleep(0)
    print(repr(cond).split(' [')[1])
    async with cond:
        items.append(1)
        cond.notify()
    await asyncio.sleep(0.01)
    async with cond:
        items.extend([2, 3])
        cond.notify_all()
    await asyncio.gather(*ts)
    for meth in (cond.notify, cond.notify_all):
        try:
            meth()
        except RuntimeError as e:
            print('RuntimeError', e)
    try:
        await cond.wait()
    except RuntimeError as e:
        print('RuntimeError', e)
    lock = asyncio.Lock()
    c2 = asyncio.Condition(lock)
    async with lock:
        print(c2.locked())

asyncio.run(main())
