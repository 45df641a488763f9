async def agen():
    if False:
        yield
    return 5
