# Flow control through streams: a megabyte written at once goes over the
# transport's high-water mark (the socket buffers are made small), drain()
# waits until the slow reader, whose small limit pauses its transport, has
# taken enough; everything arrives in order.
import asyncio
import socket

SIZE = 1000000
DATA = bytes(range(256)) * (SIZE // 256) + bytes(range(SIZE % 256))


async def handle(reader, writer):
    chunks = []
    while True:
        chunk = await reader.read(1000)
        if not chunk:
            break
        chunks.append(chunk)
        if len(chunks) % 50 == 0:
            await asyncio.sleep(0.001)   # a slow reader
    data = b''.join(chunks)
    writer.write(str(len(data)).encode() + (b' intact' if data == DATA else b' corrupt'))
    await writer.drain()
    writer.close()
    await writer.wait_closed()


async def main():
    lsock = socket.socket()
    lsock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    lsock.bind(('127.0.0.1', 0))
    server = await asyncio.start_server(handle, sock=lsock, limit=1024)
    port = lsock.getsockname()[1]
    reader, writer = await asyncio.open_connection('127.0.0.1', port)
    writer.get_extra_info('socket').setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, 4096)
    transport = writer.transport
    transport.set_write_buffer_limits(high=65536)
    writer.write(DATA)
    low, high = transport.get_write_buffer_limits()
    print('buffered over the high-water mark', transport.get_write_buffer_size() > high)
    await writer.drain()
    print('after drain, at most the low-water mark', transport.get_write_buffer_size() <= low)
    writer.write_eof()
    print('reply', await reader.read())
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()


asyncio.run(main())
