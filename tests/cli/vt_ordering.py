# A program whose timers and sleeps interleave: the same output in real
# time (CPython) and under aiopy -X virtual_time.
import asyncio

async def ticker(name, period, n):
    for i in range(n):
        await asyncio.sleep(period)
        print(name, i)

async def main():
    loop = asyncio.get_running_loop()
    loop.call_later(0.25, print, 'timer 0.25')
    loop.call_later(0.55, print, 'timer 0.55')
    try:
        await asyncio.wait_for(asyncio.sleep(10), 0.35)
    except TimeoutError:
        print('wait_for timed out')
    await asyncio.gather(ticker('fast', 0.1, 5), ticker('slow', 0.3, 2))
    async with asyncio.timeout(0.2) as cm:
        await asyncio.sleep(0.05)
    print('timeout not reached', cm.expired())

asyncio.run(main())
