async def outer():
    def inner():
        async for x in y:
            pass
    return inner
