# Streams over TCP: a server and clients in one process on 127.0.0.1 (an
# ephemeral port, never printed), lines, exact reads, EOF, async for, and
# closing the server. The server logs to a list printed at the end, so the
# output does not depend on how the two sides' steps interleave.
import asyncio

log = []


def slog(*args):
    log.append(' '.join(str(a) for a in args))


async def handle(reader, writer):
    peer = writer.get_extra_info('peername')
    slog('server: connection from', peer[0], writer.get_extra_info('sockname')[0])
    async for line in reader:
        if line == b'quit\n':
            break
        writer.write(b'echo: ' + line)
        await writer.drain()
    size = await reader.readexactly(4)
    payload = await reader.readexactly(int(size.decode()))
    writer.write(str(len(payload)).encode() + b' bytes\n')
    writer.writelines([b'one ', b'two ', b'three\n'])
    await writer.drain()
    rest = await reader.read()
    slog('server: rest', rest, reader.at_eof())
    writer.write(b'bye\n')
    slog('server: can_write_eof', writer.can_write_eof(), writer.is_closing())
    writer.close()
    slog('server: is_closing', writer.is_closing())
    await writer.wait_closed()
    slog('server: closed')


async def main():
    server = await asyncio.start_server(handle, '127.0.0.1', 0)
    print(type(server).__name__, server.is_serving(), len(server.sockets))
    sock = server.sockets[0]
    print(sock.family, sock.type, sock.getsockname()[0])
    port = sock.getsockname()[1]

    reader, writer = await asyncio.open_connection('127.0.0.1', port)
    print('client: connected', writer.get_extra_info('peername') == (('127.0.0.1', port)))
    print('client: transport', type(writer.transport).__name__, writer.transport.is_closing())
    for msg in (b'hello\n', b'world\n', b'\n'):
        writer.write(msg)
        await writer.drain()
        print('client:', await reader.readline())
    writer.write(b'quit\n')
    writer.write(b'0010')
    writer.write(b'0123456789')
    print('client:', await reader.readline())
    print('client:', await reader.readuntil(b' '), await reader.readuntil(b'three\n'))
    writer.write(b'the end')
    writer.write_eof()
    print('client:', await reader.read())
    print('client: at_eof', reader.at_eof(), await reader.read(), await reader.readline())
    writer.close()
    await writer.wait_closed()

    # A second connection that sends everything, then EOF, then reads.
    reader, writer = await asyncio.open_connection('127.0.0.1', port)
    writer.write(b'quit\n0003abc')
    writer.write_eof()
    print('client 2:', await reader.read())
    writer.close()
    await writer.wait_closed()

    server.close()
    print('serving after close:', server.is_serving(), server.sockets)
    await server.wait_closed()
    try:
        await asyncio.open_connection('127.0.0.1', port)
    except ConnectionRefusedError as e:
        print('after close:', type(e).__name__, e.errno)

    # async with closes the server.
    async with await asyncio.start_server(handle, '127.0.0.1', 0) as server2:
        print('server2 serving', server2.is_serving())
    print('server2 serving', server2.is_serving())
    print('\n'.join(log))


asyncio.run(main())
