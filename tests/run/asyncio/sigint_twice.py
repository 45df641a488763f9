# Ctrl-C twice inside asyncio.run (sent by the program to itself): the first
# cancels the main task, the second raises KeyboardInterrupt at once, even
# in a finally block that would otherwise wait.
import asyncio
import os
import signal

async def main():
    try:
        os.kill(os.getpid(), signal.SIGINT)
        print('first Ctrl-C: main goes on until its next await')
        await asyncio.sleep(10)
        print('not reached')
    except asyncio.CancelledError:
        print('main cancelled')
        try:
            os.kill(os.getpid(), signal.SIGINT)
            print('not reached either')
        except KeyboardInterrupt:
            print('second Ctrl-C: KeyboardInterrupt at once')
            raise

try:
    asyncio.run(main())
except KeyboardInterrupt:
    print('KeyboardInterrupt left asyncio.run')
