# A TaskGroup's ExceptionGroup escaping asyncio.run: the group traceback.
import asyncio

async def fail(msg):
    await asyncio.sleep(0)
    raise ValueError(msg)

async def main():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(fail('first'))
        tg.create_task(fail('second'))

asyncio.run(main())
