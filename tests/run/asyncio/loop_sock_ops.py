# The loop's socket calls on non-blocking sockets: sock_connect,
# sock_accept, sock_sendall, sock_recv, sock_sendto/sock_recvfrom, errors,
# cancellation, and getaddrinfo.
import asyncio
import socket


async def main():
    loop = asyncio.get_running_loop()
    listener = socket.socket()
    listener.bind(('127.0.0.1', 0))
    listener.listen()
    listener.setblocking(False)
    addr = listener.getsockname()

    client = socket.socket()
    client.setblocking(False)
    accept = asyncio.create_task(loop.sock_accept(listener))
    await loop.sock_connect(client, addr)
    conn, peer = await accept
    print('accepted', peer == client.getsockname(), conn.gettimeout(), conn.family)

    # A receive waits until data comes.
    recv = asyncio.create_task(loop.sock_recv(conn, 100))
    await asyncio.sleep(0)
    print('waiting', recv.done())
    await loop.sock_sendall(client, b'hello')
    print('received', await recv)

    # A large sendall waits for the peer to read.
    big = b'0123456789' * 100000
    send = asyncio.create_task(loop.sock_sendall(client, big))
    got = 0
    while got < len(big):
        got += len(await loop.sock_recv(conn, 65536))
    await send
    print('sent and received', got)

    # Cancelling a waiting receive stops watching the socket.
    recv = asyncio.create_task(loop.sock_recv(conn, 10))
    await asyncio.sleep(0)
    recv.cancel()
    try:
        await recv
    except asyncio.CancelledError:
        print('receive cancelled')
    await loop.sock_sendall(client, b'after')
    print('received', await loop.sock_recv(conn, 10))

    # EOF and errors.
    client.shutdown(socket.SHUT_WR)
    print('eof', await loop.sock_recv(conn, 10))
    client.close()
    conn.close()

    refused = socket.socket()
    refused.bind(('127.0.0.1', 0))   # bound, not listening
    target = refused.getsockname()
    s = socket.socket()
    s.setblocking(False)
    try:
        await loop.sock_connect(s, target)
    except ConnectionRefusedError as e:
        print(type(e).__name__, e.errno, e.strerror == 'Connect call failed ' + str(target))
    s.close()
    refused.close()

    # UDP.
    u1 = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    u1.bind(('127.0.0.1', 0))
    u1.setblocking(False)
    u2 = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    u2.setblocking(False)
    recv = asyncio.create_task(loop.sock_recvfrom(u1, 100))
    await asyncio.sleep(0)
    print('sent', await loop.sock_sendto(u2, b'datagram', u1.getsockname()))
    data, frm = await recv
    print('datagram', data, frm[0])
    u1.close()
    u2.close()

    # getaddrinfo runs in the loop.
    print(await loop.getaddrinfo('127.0.0.1', 8080, type=socket.SOCK_STREAM))
    print(await loop.getaddrinfo('::1', None, family=socket.AF_INET6, proto=socket.IPPROTO_TCP))
    try:
        await loop.getaddrinfo('example.invalid', 80, flags=socket.AI_NUMERICHOST)
    except socket.gaierror as e:
        print('gaierror', e)

    listener.close()


asyncio.run(main())

# In debug mode a blocking socket is refused.
async def blocking():
    loop = asyncio.get_running_loop()
    a, b = socket.socketpair()
    try:
        await loop.sock_recv(a, 1)
    except ValueError as e:
        print('ValueError', e)
    finally:
        a.close()
        b.close()

asyncio.run(blocking(), debug=True)
