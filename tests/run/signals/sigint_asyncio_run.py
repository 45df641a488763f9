# Ctrl-C inside asyncio.run: the main task is cancelled (its finally blocks
# run, other tasks are cancelled at shutdown), then KeyboardInterrupt ends
# the program, which dies by SIGINT.
import asyncio

async def other():
    try:
        await asyncio.sleep(3600)
    finally:
        print('other task cleaned up')

async def main():
    asyncio.create_task(other())
    try:
        print('waiting', flush=True)
        await asyncio.sleep(3600)
    finally:
        print('main finally')

asyncio.run(main())
