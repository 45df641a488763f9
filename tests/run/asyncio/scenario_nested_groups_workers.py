# Nested TaskGroups failing together, queue workers with join(), an Event
# wait cut by wait_for.
import asyncio
async def nested_groups():
    async def fail(msg):
        await asyncio.sleep(0)
        raise KeyError(msg)
    async def inner_group():
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail('inner1'))
            tg.create_task(fail('inner2'))
    async with asyncio.TaskGroup() as tg:
        tg.create_task(inner_group())
        tg.create_task(fail('outer'))
async def main():
    try:
        await nested_groups()
    except* KeyError as eg:
        print(repr(eg))
        def show(e, depth=0):
            if isinstance(e, BaseExceptionGroup):
                print(' ' * depth + type(e).__name__, e.message)
                for x in e.exceptions: show(x, depth + 2)
            else:
                print(' ' * depth + repr(e))
        show(eg)
    q = asyncio.Queue()
    async def worker(n):
        while True:
            item = await q.get()
            try:
                if item == 3:
                    raise ValueError(item)
            finally:
                q.task_done()
    workers = [asyncio.create_task(worker(i)) for i in range(2)]
    for i in range(5):
        q.put_nowait(i)
    await q.join()
    for w in workers:
        w.cancel()
    res = await asyncio.gather(*workers, return_exceptions=True)
    print([type(r).__name__ for r in res])
    e = asyncio.Event()
    async def waiter():
        try:
            await asyncio.wait_for(e.wait(), 0.01)
        except TimeoutError:
            return 'timeout'
    print(await waiter(), e._waiters)
asyncio.run(main())
