# loop.add_signal_handler: the callback runs on the loop when the signal
# arrives (here sent by the program to itself); errors of the API.
import asyncio
import os
import signal

async def main():
    loop = asyncio.get_running_loop()
    got = asyncio.Event()

    def on_usr1(tag):
        print('SIGUSR1 handled', tag)
        got.set()

    loop.add_signal_handler(signal.SIGUSR1, on_usr1, 'first')
    os.kill(os.getpid(), signal.SIGUSR1)
    await asyncio.wait_for(got.wait(), 10)
    print(loop.remove_signal_handler(signal.SIGUSR1), loop.remove_signal_handler(signal.SIGUSR1))
    for bad, exc in (('x', TypeError), (0, ValueError), (signal.SIGKILL, RuntimeError)):
        try:
            loop.add_signal_handler(bad, print)
        except exc as e:
            print(type(e).__name__, e)

    async def coro():
        pass
    try:
        loop.add_signal_handler(signal.SIGUSR2, coro)
    except TypeError as e:
        print('TypeError', e)

asyncio.run(main())
