# wait_for cancels on timeout; shield protects the inner task.
import asyncio

async def slow(tag, delay):
    try:
        await asyncio.sleep(delay)
        print('slow finished', tag)
        return tag
    except asyncio.CancelledError:
        print('slow cancelled', tag)
        raise

async def main():
    print(await asyncio.wait_for(slow('fast', 0.01), timeout=1))
    try:
        await asyncio.wait_for(slow('late', 1), timeout=0.05)
    except asyncio.TimeoutError as e:
        print('timeout', type(e).__name__, type(e.__cause__).__name__)
    try:
        await asyncio.wait_for(slow('zero', 1), timeout=0)
    except TimeoutError:
        print('timeout 0')
    print(await asyncio.wait_for(slow('none', 0.01), timeout=None))
    inner = asyncio.create_task(slow('shielded', 0.3))
    outer = asyncio.shield(inner)
    await asyncio.sleep(0.05)
    outer.cancel()
    try:
        await outer
    except asyncio.CancelledError:
        print('outer cancelled', inner.cancelled())
    print(await inner)
    done = asyncio.get_running_loop().create_future()
    done.set_result(5)
    print(asyncio.shield(done) is done)

asyncio.run(main())
