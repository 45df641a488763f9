# Cancelling a gather cancels its children; a cancelled child fails the gather.
import asyncio

async def sleeper(tag, delay):
    try:
        await asyncio.sleep(delay)
        print('finished', tag)
        return tag
    except asyncio.CancelledError:
        print('cancelled', tag)
        raise

async def main():
    g = asyncio.gather(sleeper('a', 1), sleeper('b', 1))
    await asyncio.sleep(0.05)
    print('cancel returns', g.cancel())
    try:
        await g
    except asyncio.CancelledError:
        print('gather cancelled', g.cancelled())
    t = asyncio.create_task(sleeper('c', 1))
    g2 = asyncio.gather(t, sleeper('d', 0.2), return_exceptions=True)
    await asyncio.sleep(0.05)
    t.cancel()
    print(await g2)
    t3 = asyncio.create_task(sleeper('e', 1))
    g3 = asyncio.gather(t3, sleeper('f', 0.2))
    await asyncio.sleep(0.05)
    t3.cancel('bye')
    try:
        await g3
    except asyncio.CancelledError as e:
        print('g3 raised CancelledError', e.args, g3.cancelled())
    await asyncio.sleep(0.3)

asyncio.run(main())
