import asyncio


async def example_coroutine(number, *args, **kwargs):
    await asyncio.sleep(1)  # запускаем внутри корутины асинхронную функцию sleep()
    print(f"Hello from coroutine {number}!")
    return f"Корутина {number} завершила работу"
