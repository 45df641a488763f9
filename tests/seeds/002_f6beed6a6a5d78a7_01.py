import asyncio


async def example_coroutine():
    print("Hello from coroutine!")
