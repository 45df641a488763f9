async def outer():
    class K:
        async with a:
            pass
