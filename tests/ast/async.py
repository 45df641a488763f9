# async def, await, async for, async with, async comprehensions.
import asyncio

async def fetch(session, url):
    async with session.get(url) as resp:
        return await resp.json()

async def main():
    await asyncio.sleep(0)
    async for a in b:
        pass
    else:
        pass
    async with a as b, c:
        pass
    async with (a as b, c):
        pass
    x = [x async for x in y]
    y = [await z for z in w]
    z = {k: await v async for k, v in items}
    return await asyncio.gather(*(fetch(s, u) for u in urls))

@decorator
async def decorated():
    await x

asyncio.run(main())
