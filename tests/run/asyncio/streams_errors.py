# Errors around connections and servers: refused connections, argument
# errors, a peer that goes away, serve_forever and its cancellation.
import asyncio
import socket


async def attempt(what, coro):
    try:
        r = await coro
    except (OSError, ValueError, TypeError, RuntimeError) as e:
        # Reprs of sockets are cut: their descriptor numbers differ.
        msg = e.errno if isinstance(e, OSError) else str(e).split(' <')[0]
        print(what, '->', type(e).__name__, msg)
        return None
    print(what, '->', type(r).__name__)
    return r


async def quick_close(reader, writer):
    writer.close()


async def main():
    loop = asyncio.get_running_loop()
    idle = socket.socket()
    idle.bind(('127.0.0.1', 0))   # bound, not listening: connections are refused
    host, port = idle.getsockname()
    await attempt('open_connection refused', asyncio.open_connection(host, port))
    await attempt('create_connection refused',
                  loop.create_connection(asyncio.Protocol, host, port))
    idle.close()

    await attempt('no host, port or sock', loop.create_connection(asyncio.Protocol))
    s = socket.socket()
    await attempt('host and sock', loop.create_connection(asyncio.Protocol, host, port, sock=s))
    s.close()
    u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    r = await attempt('datagram sock', loop.create_connection(asyncio.Protocol, sock=u))
    u.close()
    await attempt('server_hostname without ssl',
                  loop.create_connection(asyncio.Protocol, host, port, server_hostname='x'))
    await attempt('ssl_handshake_timeout without ssl',
                  loop.create_connection(asyncio.Protocol, host, port, ssl_handshake_timeout=1))
    await attempt('create_server, nothing', loop.create_server(asyncio.Protocol))
    s = socket.socket()
    await attempt('create_server, host and sock',
                  loop.create_server(asyncio.Protocol, '127.0.0.1', 0, sock=s))
    s.close()
    await attempt('create_server, ssl=True',
                  loop.create_server(asyncio.Protocol, '127.0.0.1', 0, ssl=True))

    # Two servers on one address.
    server = await asyncio.start_server(quick_close, '127.0.0.1', 0)
    port = server.sockets[0].getsockname()[1]
    await attempt('address in use',
                  asyncio.start_server(quick_close, '127.0.0.1', port, reuse_address=False))

    # The server closes at once: writing eventually fails, and drain()
    # reports it.
    reader, writer = await asyncio.open_connection('127.0.0.1', port)
    print('read from a closed peer', await reader.read())
    try:
        for i in range(10000):
            writer.write(b'x' * 1000)
            await writer.drain()
    except ConnectionError as e:
        print('drain after the peer left: ConnectionError')
    print('closing', writer.is_closing())
    writer.close()
    try:
        await writer.wait_closed()
    except ConnectionError:
        print('wait_closed: ConnectionError')

    # serve_forever runs until cancelled, which closes the server.
    task = asyncio.create_task(server.serve_forever())
    await asyncio.sleep(0)
    print('serving', server.is_serving())
    await attempt('serve_forever twice', server.serve_forever())
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print('serve_forever cancelled; serving', server.is_serving(), server.sockets)
    await attempt('serve_forever when closed', server.serve_forever())


asyncio.run(main())
