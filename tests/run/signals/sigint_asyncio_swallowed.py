# A main coroutine that catches the cancellation Ctrl-C causes and returns
# normally: asyncio.run returns its value.
import asyncio

async def main():
    try:
        print('waiting', flush=True)
        await asyncio.sleep(3600)
    except asyncio.CancelledError:
        print('cancelled, returning anyway')
        return 'result'

print(asyncio.run(main()))
print('the program goes on')
