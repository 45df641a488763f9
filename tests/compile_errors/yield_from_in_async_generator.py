async def agen():
    yield 1
    yield from [2, 3]
