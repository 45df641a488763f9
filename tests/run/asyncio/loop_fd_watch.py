# add_reader / add_writer on a pipe: callbacks when the fd is ready,
# replacing and removing watches.
import asyncio
import os

async def main():
    loop = asyncio.get_running_loop()
    r, w = os.pipe()
    got = loop.create_future()

    def readable(tag):
        data = os.read(r, 100)
        print('readable', tag, data)
        loop.remove_reader(r)
        if not got.done():
            got.set_result(data)

    loop.add_reader(r, readable, 'first')
    loop.add_reader(r, readable, 'second')   # replaces the first
    loop.call_later(0.01, os.write, w, b'ping')
    print(await got)
    print(loop.remove_reader(r), loop.remove_writer(w))

    wrote = loop.create_future()
    def writable():
        loop.remove_writer(w)
        wrote.set_result('writable')
    loop.add_writer(w, writable)
    print(await wrote)
    os.close(r)
    os.close(w)

asyncio.run(main())
