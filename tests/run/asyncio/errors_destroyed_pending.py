# "Task was destroyed but it is pending!" for a task left pending when its
# loop is closed.
import asyncio

async def forever():
    await asyncio.sleep(3600)

async def main():
    asyncio.get_running_loop().create_task(forever())
    await asyncio.sleep(0)
    return 'main done'

loop = asyncio.new_event_loop()
print(loop.run_until_complete(main()))
loop.close()
print('closed')
