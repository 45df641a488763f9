import asyncio


async def example_coroutine():
    await asyncio.sleep(1)  # запускаем внутри корутины асинхронную функцию sleep()
    print("Hello from coroutine!")
