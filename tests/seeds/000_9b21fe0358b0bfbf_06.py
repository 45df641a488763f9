async def complex_work():
    await simple_print('Hello')
    await asyncio.sleep(0)
    await simple_print('World')
