# Producers and consumers around an asyncio.Queue, with a timeout and a
# TaskGroup-free shutdown: the consumers are cancelled once the queue drains.
import asyncio


async def producer(queue, name, n):
    for i in range(n):
        await queue.put(f"{name}-{i}")
        await asyncio.sleep(0.01)


async def consumer(queue, name, done):
    while True:
        item = await queue.get()
        done.append((name, item))
        queue.task_done()


async def main():
    queue = asyncio.Queue(maxsize=4)
    done = []
    consumers = [asyncio.create_task(consumer(queue, f"c{i}", done)) for i in range(2)]
    await asyncio.gather(producer(queue, "a", 5), producer(queue, "b", 5))
    await asyncio.wait_for(queue.join(), timeout=5)
    for c in consumers:
        c.cancel()
    await asyncio.gather(*consumers, return_exceptions=True)
    print(len(done), "items consumed:", sorted(item for _, item in done))


asyncio.run(main())
