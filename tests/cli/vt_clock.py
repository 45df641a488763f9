# Under -X virtual_time the loop's clock jumps to the next timer: an hour
# of sleeps costs nothing, and loop.time() moves by exactly what was slept.
import asyncio
import time

async def main():
    loop = asyncio.get_running_loop()
    start, wall = loop.time(), time.monotonic()
    await asyncio.sleep(3600)
    print('slept', loop.time() - start)
    await asyncio.gather(asyncio.sleep(1800), asyncio.sleep(7200))
    print('slept', loop.time() - start)
    try:
        await asyncio.wait_for(asyncio.sleep(86400), 60)
    except TimeoutError:
        print('timed out at', loop.time() - start)
    print('fast:', time.monotonic() - wall < 5)

asyncio.run(main())
