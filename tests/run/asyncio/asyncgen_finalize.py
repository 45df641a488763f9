# Async generators left unfinished are closed by the loop: an unreferenced
# one through the finalizer hook (aclose() in a task), the rest by
# shutdown_asyncgens() when asyncio.run ends.
import asyncio
async def agen(tag):
    try:
        yield 1
        yield 2
    finally:
        print('agen cleanup', tag)
async def main():
    async for x in agen('a'):
        break
    print('after loop')
    await asyncio.sleep(0)
    print('after sleep 1')
    await asyncio.sleep(0)
    print('after sleep 2')
    g = agen('b')
    await g.__anext__()
    print('b started')
    global keep
    keep = agen('c')
    await keep.__anext__()
    print('end')
asyncio.run(main())
print('run returned')
