# Future and Task reprs in every state, as 3.11 prints them.
import asyncio

async def work(x):
    await asyncio.sleep(0)
    return x

async def fails():
    raise ValueError('bad')

def cb(f):
    pass

async def main():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    print(f)
    f.add_done_callback(cb)
    print(f)
    f.add_done_callback(print)
    f.add_done_callback(cb)
    print(f)
    f.set_result([1, 2, 3, 4, 5, 6, 7, 8])
    print(f)
    g = loop.create_future()
    g.set_exception(KeyError('k'))
    print(g)
    g.exception()
    h = loop.create_future()
    h.cancel()
    print(h)
    t = asyncio.create_task(work('x' * 50), name='worker')
    print(t)
    await asyncio.sleep(0)
    print(t)
    await t
    print(t)
    t2 = asyncio.create_task(fails())
    await asyncio.sleep(0)
    print(t2)
    t2.exception()
    t3 = asyncio.create_task(work(1))
    t3.cancel()
    print(t3)
    await asyncio.sleep(0)
    print(t3)
    print(asyncio.current_task())

asyncio.run(main())
