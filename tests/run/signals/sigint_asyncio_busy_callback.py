# Ctrl-C while the loop is busy in plain Python code (no await): the main
# task is cancelled at its next await.
import asyncio
import time

async def main():
    print('spinning', flush=True)
    total = 0
    deadline = time.monotonic() + 20
    try:
        while time.monotonic() < deadline:
            for j in range(10000):
                total += j
            await asyncio.sleep(0)
        print('not interrupted')
    except asyncio.CancelledError:
        print('cancelled at an await')
        raise

asyncio.run(main())
