# Event: set wakes every waiter in order; clear; wait when already set.
import asyncio

async def waiter(ev, tag):
    print('wait', tag)
    r = await ev.wait()
    print('woken', tag, r)

async def main():
    ev = asyncio.Event()
    print(ev.is_set(), repr(ev).split(' [')[1])
    ts = [asyncio.create_task(waiter(ev, i)) for i in range(3)]
    await asyncio.sleep(0)
    print(repr(ev).split(' [')[1])
    ev.set()
    print('set', ev.is_set())
    await asyncio.gather(*ts)
    print(await ev.wait())
    ev.clear()
    print(ev.is_set(), repr(ev).split(' [')[1])
    t = asyncio.create_task(waiter(ev, 'late'))
    await asyncio.sleep(0)
    ev.set()
    ev.clear()
    await t

asyncio.run(main())
