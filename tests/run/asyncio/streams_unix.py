# Streams over a Unix socket (a path in /tmp named after the process id,
# never printed): start_unix_server, open_unix_connection, the addresses,
# a stale socket file replaced by a new server, and errors.
import asyncio
import os
import socket

PATH = f'/tmp/aiopy-streams-unix-{os.getpid()}.sock'
log = []


async def handle(reader, writer):
    log.append(f'server: peername {writer.get_extra_info("peername")!r}, '
               f'sockname is the path: {writer.get_extra_info("sockname") == PATH}')
    data = await reader.readuntil(b'!')
    writer.write(data[::-1])
    await writer.drain()
    writer.close()
    await writer.wait_closed()
    log.append('server: closed')


async def main():
    server = await asyncio.start_unix_server(handle, PATH)
    sock = server.sockets[0]
    print(sock.family, sock.type, sock.getsockname() == PATH)
    reader, writer = await asyncio.open_unix_connection(PATH)
    print('client: peername is the path', writer.get_extra_info('peername') == PATH)
    print('client: sockname', repr(writer.get_extra_info('sockname')))
    writer.write(b'hello unix!')
    print('client:', await reader.read())
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()

    # The socket file stays behind: connecting is refused. A new server
    # replaces it.
    try:
        await asyncio.open_unix_connection(PATH)
    except ConnectionRefusedError as e:
        print('stale socket file:', type(e).__name__, e.errno)
    server = await asyncio.start_unix_server(handle, PATH)
    reader, writer = await asyncio.open_unix_connection(PATH)
    writer.write(b'again!')
    print('client:', await reader.read())
    writer.close()
    await writer.wait_closed()

    server.close()
    await server.wait_closed()
    os.unlink(PATH)

    for kwargs in ({}, {'path': PATH, 'sock': socket.socket(socket.AF_UNIX)}):
        try:
            await asyncio.open_unix_connection(**kwargs)
        except ValueError as e:
            print('ValueError', e)
        finally:
            if 'sock' in kwargs:
                kwargs['sock'].close()
    try:
        await asyncio.open_unix_connection(PATH)
    except FileNotFoundError as e:
        print(type(e).__name__, e.errno)
    try:
        await asyncio.start_unix_server(handle)
    except ValueError as e:
        print('ValueError', e)
    tcp = socket.socket()
    try:
        await asyncio.start_unix_server(handle, sock=tcp)
    except ValueError as e:
        print('ValueError', str(e).split(' got ')[0])
    tcp.close()
    print('\n'.join(log))


asyncio.run(main())
