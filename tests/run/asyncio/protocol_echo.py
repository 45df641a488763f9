# Protocols and transports: create_server / create_connection with
# Protocol subclasses, the order of the callbacks, get_extra_info, flow
# control limits, pause/resume reading, write_eof, close and abort.
import asyncio
import socket

log = []
server_lost = 0


async def server_connections_lost(n):
    # Waits for the server side to finish, without depending on timing.
    while server_lost < n:
        await asyncio.sleep(0.01)


class EchoServer(asyncio.Protocol):
    def connection_made(self, transport):
        self.transport = transport
        peer = transport.get_extra_info('peername')
        sock = transport.get_extra_info('socket')
        log.append(f'server: connection_made from {peer[0]}, socket family {sock.family}')

    def data_received(self, data):
        log.append(f'server: data_received {data!r}')
        self.transport.write(data.upper())

    def eof_received(self):
        log.append('server: eof_received')
        self.transport.write(b'[eof]')
        # Returning None closes the transport once the buffer is sent.

    def connection_lost(self, exc):
        global server_lost
        log.append(f'server: connection_lost {exc!r}')
        server_lost += 1


class Client(asyncio.Protocol):
    def __init__(self, done):
        self.done = done
        self.eof = asyncio.get_running_loop().create_future()
        self.received = b''

    def connection_made(self, transport):
        print('client: connection_made', type(transport).__name__)
        self.transport = transport

    def data_received(self, data):
        self.received += data

    def eof_received(self):
        print('client: eof_received', self.received)
        self.eof.set_result(None)
        return True   # keep the transport open: close it ourselves

    def connection_lost(self, exc):
        print('client: connection_lost', repr(exc))
        self.done.set_result(None)


async def main():
    loop = asyncio.get_running_loop()
    server = await loop.create_server(EchoServer, '127.0.0.1', 0)
    port = server.sockets[0].getsockname()[1]
    print(repr(server).startswith('<Server sockets=(<asyncio.TransportSocket fd='))

    done = loop.create_future()
    transport, protocol = await loop.create_connection(lambda: Client(done), '127.0.0.1', port)
    print('client: connected', isinstance(protocol, Client), transport.get_protocol() is protocol)
    print('extra:', transport.get_extra_info('peername') == ('127.0.0.1', port),
          transport.get_extra_info('sockname')[0], transport.get_extra_info('nothing', 'default'))
    sock = transport.get_extra_info('socket')
    print('socket:', type(sock).__name__, sock.family, sock.type, sock.proto, sock.gettimeout())
    print('TCP_NODELAY', sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) != 0)
    try:
        sock.setblocking(True)
    except ValueError as e:
        print('ValueError', e)
    print('limits', transport.get_write_buffer_limits(), transport.get_write_buffer_size())
    transport.set_write_buffer_limits(high=100)
    print('limits', transport.get_write_buffer_limits())
    transport.set_write_buffer_limits(low=10)
    print('limits', transport.get_write_buffer_limits())
    try:
        transport.set_write_buffer_limits(high=1, low=2)
    except ValueError as e:
        print('ValueError', e)
    print('reading', transport.is_reading())
    transport.pause_reading()
    print('reading', transport.is_reading())
    transport.write(b'hello ')
    transport.writelines([b'proto', b'col'])
    await asyncio.sleep(0.05)
    # Nothing was read: the server's answer waits in the socket.
    print('client: received while paused', protocol.received)
    transport.resume_reading()
    print('reading', transport.is_reading(), transport.can_write_eof())
    transport.write_eof()
    try:
        transport.write(b'more')
    except RuntimeError as e:
        print('RuntimeError', e)
    try:
        transport.write('text')
    except TypeError as e:
        print('TypeError', e)
    await protocol.eof
    transport.close()
    print('closing', transport.is_closing())
    await done
    await server_connections_lost(1)
    server.close()
    await server.wait_closed()

    # abort() drops what is buffered and reports no error.
    server = await loop.create_server(EchoServer, '127.0.0.1', 0)
    port = server.sockets[0].getsockname()[1]
    done = loop.create_future()
    transport, protocol = await loop.create_connection(lambda: Client(done), '127.0.0.1', port)
    transport.abort()
    print('aborted', transport.is_closing())
    await done
    await server_connections_lost(2)
    server.close()
    await server.wait_closed()

    # A server created without serving yet.
    server = await loop.create_server(EchoServer, '127.0.0.1', 0, start_serving=False)
    print('serving', server.is_serving())
    await server.start_serving()
    print('serving', server.is_serving(), server.get_loop() is loop)
    server.close()
    await server.wait_closed()
    print('\n'.join(log))


asyncio.run(main())
