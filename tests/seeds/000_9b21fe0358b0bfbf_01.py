async def simple_print(msg):
    print(msg)
