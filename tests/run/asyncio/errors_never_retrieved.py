# "Task exception was never retrieved" and "Future exception was never
# retrieved", reported when the failed task or future is garbage.
import asyncio

async def boom(msg):
    raise ValueError(msg)

async def main():
    asyncio.create_task(boom('dropped task'))
    await asyncio.sleep(0.01)
    print('after the dropped task')
    kept = asyncio.create_task(boom('kept task'))
    await asyncio.sleep(0.01)
    print('kept task failed, still referenced')
    f = asyncio.get_running_loop().create_future()
    f.set_exception(KeyError('lost'))
    del f
    await asyncio.sleep(0)
    print('after the future')
    retrieved = asyncio.create_task(boom('retrieved'))
    await asyncio.sleep(0)
    print(type(retrieved.exception()).__name__)

asyncio.run(main())
print('asyncio.run returned')
