# Async context managers in tasks that fail, get cancelled or time out;
# a Lock handing over in FIFO order.
import asyncio
class Resource:
    def __init__(self, name): self.name = name
    async def __aenter__(self):
        print('open', self.name)
        await asyncio.sleep(0)
        return self
    async def __aexit__(self, *exc):
        print('close', self.name, exc[0].__name__ if exc[0] else None)
        await asyncio.sleep(0)
        return False
async def worker(name, fail, delay=0.01):
    async with Resource(name):
        await asyncio.sleep(delay)
        if fail:
            raise ValueError(name)
        return name
async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(worker('a', False, 0))
            tg.create_task(worker('b', True, 0))
            tg.create_task(worker('c', False, 0))
    except* ValueError as eg:
        print('group', [str(e) for e in eg.exceptions])
    t = asyncio.create_task(worker('d', False))
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print('d cancelled')
    r = await asyncio.wait_for(worker('e', False), 1)
    print(r)
    try:
        await asyncio.wait_for(worker('f', False), 0.001)
    except TimeoutError:
        print('f timed out')
    lock = asyncio.Lock()
    order = []
    async def locked(i):
        async with lock:
            order.append(i)
            await asyncio.sleep(0)
    await asyncio.gather(*(locked(i) for i in range(5)))
    print(order)
asyncio.run(main())
