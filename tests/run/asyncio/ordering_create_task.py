# How many iterations a new task takes to start, and when done callbacks run
# relative to call_soon callbacks.
import asyncio

async def child(tag):
    print('child starts', tag)
    await asyncio.sleep(0)
    print('child resumes', tag)
    return tag

async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(print, 'soon 1')
    t = asyncio.create_task(child('t'))
    loop.call_soon(print, 'soon 2')
    t.add_done_callback(lambda f: print('done callback', f.result()))
    print('main before first await')
    await asyncio.sleep(0)
    print('main after sleep(0) #1')
    loop.call_soon(print, 'soon 3')
    await asyncio.sleep(0)
    print('main after sleep(0) #2')
    await asyncio.sleep(0)
    print('main after sleep(0) #3')
    print('result', await t)

asyncio.run(main())
