# Timers wake in deadline order (distinct deadlines, 50 ms apart: exact ties
# are ordered by creation in aiopy, by heap position in CPython).
import asyncio

async def sleeper(delay, tag):
    await asyncio.sleep(delay)
    print('woke', tag)

async def main():
    loop = asyncio.get_running_loop()
    now = loop.time()
    for i, tag in enumerate('cab'):
        loop.call_at(now + 0.3 - 0.05 * i, print, 'call_at', tag)
    loop.call_later(0.1, print, 'call_later 0.1')
    loop.call_soon(print, 'call_soon')
    await asyncio.gather(sleeper(0.4, 'x'), sleeper(0.05, 'y'), sleeper(0.15, 'z'), sleeper(0, 'zero'))
    h = loop.call_later(0.01, print, 'never')
    print(h.cancelled())
    h.cancel()
    print(h.cancelled(), h._callback, h._args)
    await asyncio.sleep(0.02)
    print('end')

asyncio.run(main())
