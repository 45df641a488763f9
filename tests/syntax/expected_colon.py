async def main()
    pass
