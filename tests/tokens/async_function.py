import asyncio


async def main():
    await asyncio.sleep(0)
    async with lock:
        async for item in stream:
            yield item


asyncio.run(main())
