# What a task does with what its coroutine yields (3.11's messages).
import asyncio, types

class Yields:
    def __init__(self, v):
        self.v = v
    def __await__(self):
        yield self.v

async def main():
    for v in (42, 'str'):
        try:
            await Yields(v)
        except RuntimeError as e:
            print('RuntimeError', e)
    try:
        await Yields((x for x in ()))
    except RuntimeError as e:
        print('RuntimeError', str(e).split(' with ')[0])
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    try:
        await Yields(fut)
    except RuntimeError as e:
        print('RuntimeError', str(e).split(' in task ')[0])
    other = asyncio.new_event_loop()
    f2 = other.create_future()
    try:
        await f2
    except RuntimeError as e:
        print('RuntimeError', 'attached to a different loop' in str(e))
    other.close()
    try:
        await asyncio.current_task()
    except RuntimeError as e:
        print('RuntimeError', str(e).split(':')[0])

asyncio.run(main())
