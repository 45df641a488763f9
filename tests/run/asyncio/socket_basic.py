# The socket module: socketpair, TCP and UDP on 127.0.0.1 (ephemeral ports,
# never printed), modes and timeouts, the enums, and CPython's errors.
import errno
import socket


def attempt(what, f):
    try:
        r = f()
    except BaseException as e:
        print(what, '->', type(e).__name__, e, e.errno if isinstance(e, OSError) else '')
    else:
        print(what, '->', repr(r))


# Constants print as CPython's enums.
print(socket.AF_INET, repr(socket.AF_INET), repr(socket.AF_UNIX), repr(socket.SOCK_STREAM))
print(socket.AddressFamily(2), socket.SocketKind(2).name, socket.SOL_SOCKET, socket.SHUT_RDWR)
print(socket.AF_INET == 2, socket.SOCK_DGRAM + 0, f'{socket.AF_INET6}', '%s' % socket.AF_UNIX)
attempt('AddressFamily(12345)', lambda: socket.AddressFamily(12345))
print(repr(socket.AddressFamily.AF_INET6), repr(socket.MSG_PEEK), repr(socket.AI_PASSIVE), socket.SocketKind)
print(socket.timeout is TimeoutError, socket.error is OSError, issubclass(socket.gaierror, OSError))

# A connected pair.
a, b = socket.socketpair()
print(a.family, a.type, a.proto, repr(a.family), a.getsockname() == '', b.getpeername() == '')
print(repr(a).startswith('<socket.socket fd='), repr(a).endswith('family=1, type=1, proto=0>'))
a.sendall(b'ping')
print(b.recv(100))
b.send(b'pong')
print(a.recv(2), a.recv(100))
print(a.gettimeout(), a.getblocking())
a.setblocking(False)
print(a.gettimeout(), a.getblocking())
attempt('recv on an empty non-blocking socket', lambda: a.recv(10))
a.settimeout(0.05)
print(a.gettimeout(), a.getblocking(), a.timeout)
attempt('recv with a timeout', lambda: a.recv(10))
a.settimeout(None)
b.shutdown(socket.SHUT_WR)
print('after the peer shut down:', a.recv(10))
with a, b:
    print('in with', a.fileno() >= 0)
print('closed', a.fileno(), repr(a).startswith('<socket.socket [closed] fd=-1,'))
attempt('recv on a closed socket', lambda: a.recv(1))
attempt('close twice', a.close)

# TCP: a listening server, a client, accept.
srv = socket.socket()
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
print('SO_REUSEADDR', srv.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR) != 0)
print('SO_TYPE', srv.getsockopt(socket.SOL_SOCKET, socket.SO_TYPE))
srv.bind(('127.0.0.1', 0))
srv.listen()
host, port = srv.getsockname()
print('bound to', host, 0 < port < 65536)
cli = socket.create_connection(('127.0.0.1', port))
conn, addr = srv.accept()
print('accepted from', addr[0], conn.family, conn.type, conn.getpeername() == cli.getsockname())
cli.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
print('TCP_NODELAY', cli.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
print('connect_ex to itself', cli.connect_ex(('127.0.0.1', port)) == errno.EISCONN)
cli.sendall(b'x' * 200000)
cli.shutdown(socket.SHUT_WR)
total = 0
while True:
    chunk = conn.recv(65536)
    if not chunk:
        break
    total += len(chunk)
print('received', total)
conn.sendall(b'bye')
conn.close()
print(cli.recv(10), cli.recv(10))
cli.close()

# A bound socket that does not listen refuses connections.
closed_port = socket.socket()
closed_port.bind(('127.0.0.1', 0))
target = closed_port.getsockname()
c = socket.socket()
attempt('connect to a port nobody listens on', lambda: c.connect(target))
print('connect_ex', c.connect_ex(target) == errno.ECONNREFUSED)
c.close()
c = socket.socket()
c.setblocking(False)
attempt('non-blocking connect', lambda: c.connect(target))
c.close()
attempt('create_connection', lambda: socket.create_connection(target))
closed_port.close()

# Accept with a timeout.
srv.settimeout(0.05)
attempt('accept with a timeout', srv.accept)
srv.close()

# UDP.
u1 = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
u2 = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
u1.bind(('127.0.0.1', 0))
u2.sendto(b'datagram', u1.getsockname())
data, frm = u1.recvfrom(100)
print(data, frm[0], u1.type)
u1.close()
u2.close()

# A socket around an existing descriptor.
a, b = socket.socketpair()
fd = a.detach()
print('detached', a.fileno(), fd >= 0)
c = socket.socket(fileno=fd)
print(c.family, c.type)
d = c.dup()
print(d.fileno() != c.fileno(), d.family)
d.sendall(b'dup')
print(b.recv(10))
for s in (b, c, d):
    s.close()

# getaddrinfo for numeric hosts and localhost.
print(socket.getaddrinfo('127.0.0.1', 80, type=socket.SOCK_STREAM))
print(socket.getaddrinfo('::1', '8080', socket.AF_INET6, socket.SOCK_STREAM))
print(socket.getaddrinfo('localhost', 80, socket.AF_INET, socket.SOCK_STREAM))
print(socket.getaddrinfo(None, 0, socket.AF_INET, socket.SOCK_STREAM, 0, socket.AI_PASSIVE))
attempt('getaddrinfo of a name, numeric only',
        lambda: socket.getaddrinfo('example.invalid', 80, flags=socket.AI_NUMERICHOST))
attempt('getaddrinfo(5, 1)', lambda: socket.getaddrinfo(5, 1))
attempt('getaddrinfo port 1.5', lambda: socket.getaddrinfo('127.0.0.1', 1.5))
print(type(socket.gethostname()).__name__, socket.gethostbyname('127.0.0.1'))
NUMERIC = socket.NI_NUMERICHOST | socket.NI_NUMERICSERV
print(socket.getnameinfo(('127.0.0.1', 80), NUMERIC), socket.getnameinfo(('::1', 8080, 0, 0), NUMERIC))
attempt('getnameinfo of a list', lambda: socket.getnameinfo(['127.0.0.1', 80], NUMERIC))
attempt('getnameinfo of a 3-tuple IPv4', lambda: socket.getnameinfo(('127.0.0.1', 80, 0), NUMERIC))
attempt('getnameinfo of a name', lambda: socket.getnameinfo(('localhost', 80), NUMERIC))
print(socket.inet_pton(socket.AF_INET, '10.0.0.1'), socket.inet_ntop(socket.AF_INET6, b'\0' * 15 + b'\1'))

# Argument errors.
s = socket.socket()
attempt('bind a str', lambda: s.bind('x'))
attempt('bind a 1-tuple', lambda: s.bind(('x',)))
attempt('bind a str port', lambda: s.bind(('127.0.0.1', 'a')))
attempt('bind port 70000', lambda: s.bind(('127.0.0.1', 70000)))
attempt('bind an int host', lambda: s.bind((1, 2)))
attempt('send a str', lambda: s.send('abc'))
attempt('recv(-1)', lambda: s.recv(-1))
attempt('getpeername unconnected', s.getpeername)
attempt('settimeout(-1)', lambda: s.settimeout(-1))
attempt('settimeout("a")', lambda: s.settimeout('a'))
attempt('shutdown unconnected', lambda: s.shutdown(socket.SHUT_RDWR))
attempt('socket(fileno=-5)', lambda: socket.socket(fileno=-5))
attempt('socket(99)', lambda: socket.socket(99))
s.close()
u = socket.socket(socket.AF_UNIX)
attempt('AF_UNIX bind an int', lambda: u.bind(5))
attempt('AF_UNIX path too long', lambda: u.bind('/x' * 100))
attempt('AF_UNIX connect to a missing path', lambda: u.connect('/nonexistent/aiopy.sock'))
u.close()
