# set_task_factory: create_task and asyncio.create_task go through it.
import asyncio

class MyTask(asyncio.Task):
    pass

def factory(loop, coro, **kwargs):
    print('factory called', sorted(kwargs))
    return MyTask(coro, loop=loop, **kwargs)

async def work():
    return 'worked'

async def main():
    loop = asyncio.get_running_loop()
    print(loop.get_task_factory())
    loop.set_task_factory(factory)
    print(loop.get_task_factory() is factory)
    t = asyncio.create_task(work(), name='custom')
    print(type(t).__name__, t.get_name(), await t)
    t2 = loop.create_task(work(), context=None)
    print(type(t2).__name__, await t2)
    loop.set_task_factory(None)
    try:
        loop.set_task_factory(42)
    except TypeError as e:
        print('TypeError', e)

asyncio.run(main())
