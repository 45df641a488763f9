# asyncio.wait: return_when modes, timeout, argument errors.
import asyncio

async def value(v, delay):
    await asyncio.sleep(delay)
    return v

async def fail(delay):
    await asyncio.sleep(delay)
    raise KeyError('k')

def names(fs):
    return sorted(t.get_name() for t in fs)

async def main():
    ts = [asyncio.create_task(value(i, 0.1 * (i + 1)), name=f'v{i}') for i in range(3)]
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_COMPLETED)
    print('first completed', names(done), names(pending))
    done, pending = await asyncio.wait(ts)
    print('all completed', names(done), names(pending))
    ts = [asyncio.create_task(fail(0.05), name='f'), asyncio.create_task(value(1, 0.3), name='slow')]
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_EXCEPTION)
    print('first exception', names(done), names(pending))
    done, pending = await asyncio.wait(ts, timeout=0.001)
    print('timeout', names(done), names(pending))
    await asyncio.wait(ts)
    print(ts[0].exception(), ts[1].result())
    try:
        await asyncio.wait([])
    except ValueError as e:
        print(type(e).__name__, e)
    c = asyncio.sleep(0)
    try:
        await asyncio.wait(c)
    except TypeError as e:
        print(type(e).__name__, e)
    try:
        await asyncio.wait([c])
    except TypeError as e:
        print(type(e).__name__, e)
    c.close()
    try:
        await asyncio.wait(ts, return_when='bogus')
    except ValueError as e:
        print(type(e).__name__, e)

asyncio.run(main())
