# A CancelledError escaping asyncio.run: traceback and exit status.
import asyncio

async def main():
    asyncio.current_task().cancel('stop')
    await asyncio.sleep(1)

asyncio.run(main())
