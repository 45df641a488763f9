# The smallest asyncio program: start-up, importing asyncio, making a loop,
# running one coroutine through one task switch, closing the loop. Timed as a
# whole process by bench/run asyncio.
import asyncio


async def main():
    await asyncio.sleep(0)


asyncio.run(main())
