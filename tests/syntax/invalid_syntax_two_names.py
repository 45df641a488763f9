async def main():
    result = await fetch data
