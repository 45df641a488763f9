"""The event loop's network API, as CPython's BaseEventLoop and
_UnixSelectorEventLoop have it: getaddrinfo, getnameinfo, create_connection,
create_server, connect_accepted_socket, create_unix_connection,
create_unix_server.

_NetMixin's methods are methods of BaseSelectorEventLoop (through
lazy_net.py, which loads this module on first use), built on its sock_*
calls and its socket transport (selector_socket.py). Name resolution runs libc's
getaddrinfo in the loop's thread (aiopy has no executor): instant for
numeric hosts and /etc/hosts names, blocking for a DNS lookup. Left out,
each raising NotImplementedError naming it: SSL (the ssl= arguments),
happy_eyeballs_delay, create_datagram_endpoint, start_tls, sendfile.
"""

import _socket
import collections.abc
import errno
import socket
import sys

from asyncio import tasks
from asyncio.server import Server


def _unsupported(what, why=''):
    raise NotImplementedError(f'{what} is not supported by aiopy{why}')


def _no_ssl(method, ssl):
    if ssl:
        _unsupported(f'{method}(ssl=...)', ' (no ssl module)')


def _ipaddr_info(host, port, family, type, proto, flowinfo=0, scopeid=0):
    # The getaddrinfo() result for a host that is already a numeric
    # address, without calling getaddrinfo(); None when it is a name.
    if proto not in {0, socket.IPPROTO_TCP, socket.IPPROTO_UDP} or host is None:
        return None
    if type == socket.SOCK_STREAM:
        proto = socket.IPPROTO_TCP
    elif type == socket.SOCK_DGRAM:
        proto = socket.IPPROTO_UDP
    else:
        return None
    if port is None or port == b'' or port == '':
        port = 0
    else:
        # A service name such as 'http' needs getaddrinfo().
        try:
            port = int(port)
        except (TypeError, ValueError):
            return None
    if family == socket.AF_UNSPEC:
        afs = [socket.AF_INET, socket.AF_INET6]
    else:
        afs = [family]
    if isinstance(host, bytes):
        host = host.decode('ascii')
    if '%' in host:
        # An IPv6 zone index ('::1%lo') is for getaddrinfo() to read.
        return None
    for af in afs:
        try:
            socket.inet_pton(af, host)
        except (OSError, ValueError, TypeError):
            continue
        if af == socket.AF_INET6:
            return af, type, proto, '', (host, port, flowinfo, scopeid)
        return af, type, proto, '', (host, port)
    return None


def _interleave_addrinfos(addrinfos, first_address_family_count=1):
    # The addresses ordered by family in turn (IPv6, IPv4, IPv6, ...), the
    # first family getting [first_address_family_count] places at the head.
    by_family = {}
    for addr in addrinfos:
        by_family.setdefault(addr[0], []).append(addr)
    lists = list(by_family.values())
    reordered = []
    if first_address_family_count > 1:
        reordered.extend(lists[0][:first_address_family_count - 1])
        del lists[0][:first_address_family_count - 1]
    longest = max((len(lst) for lst in lists), default=0)
    for i in range(longest):
        for lst in lists:
            if i < len(lst):
                reordered.append(lst[i])
    return reordered


class _NetMixin:
    """The loop's name resolution, connections and servers."""

    async def getaddrinfo(self, host, port, *, family=0, type=0, proto=0, flags=0):
        return socket.getaddrinfo(host, port, family, type, proto, flags)

    async def getnameinfo(self, sockaddr, flags=0):
        return socket.getnameinfo(sockaddr, flags)

    async def _ensure_resolved(self, address, *, family=0, type=socket.SOCK_STREAM,
                               proto=0, flags=0, loop):
        host, port = address[:2]
        info = _ipaddr_info(host, port, family, type, proto, *address[2:])
        if info is not None:
            # Already a numeric address.
            return [info]
        return await loop.getaddrinfo(host, port, family=family, type=type,
                                      proto=proto, flags=flags)

    # ---- clients ----

    async def _connect_sock(self, exceptions, addr_info, local_addr_infos=None):
        """Creates, binds and connects one socket."""
        my_exceptions = []
        exceptions.append(my_exceptions)
        family, type_, proto, _, address = addr_info
        sock = None
        try:
            sock = socket.socket(family=family, type=type_, proto=proto)
            sock.setblocking(False)
            if local_addr_infos is not None:
                for lfamily, _, _, _, laddr in local_addr_infos:
                    if lfamily != family:
                        continue
                    try:
                        sock.bind(laddr)
                        break
                    except OSError as exc:
                        msg = (f'error while attempting to bind on '
                               f'address {laddr!r}: {exc.strerror.lower()}')
                        my_exceptions.append(OSError(exc.errno, msg))
                else:
                    if my_exceptions:
                        raise my_exceptions.pop()
                    raise OSError(f"no matching local address with {family=} found")
            await self.sock_connect(sock, address)
            return sock
        except OSError as exc:
            my_exceptions.append(exc)
            if sock is not None:
                sock.close()
            raise
        except:
            if sock is not None:
                sock.close()
            raise

    async def create_connection(
            self, protocol_factory, host=None, port=None,
            *, ssl=None, family=0,
            proto=0, flags=0, sock=None,
            local_addr=None, server_hostname=None,
            ssl_handshake_timeout=None,
            ssl_shutdown_timeout=None,
            happy_eyeballs_delay=None, interleave=None):
        """Connects to a TCP server at host and port (or uses the connected
        [sock]) and returns (transport, protocol)."""
        if server_hostname is not None and not ssl:
            raise ValueError('server_hostname is only meaningful with ssl')
        if server_hostname is None and ssl and not host:
            raise ValueError('You must set server_hostname '
                             'when using ssl without a host')
        if ssl_handshake_timeout is not None and not ssl:
            raise ValueError('ssl_handshake_timeout is only meaningful with ssl')
        if ssl_shutdown_timeout is not None and not ssl:
            raise ValueError('ssl_shutdown_timeout is only meaningful with ssl')
        _no_ssl('loop.create_connection', ssl)
        if happy_eyeballs_delay is not None:
            _unsupported('loop.create_connection(happy_eyeballs_delay=...)')

        if host is not None or port is not None:
            if sock is not None:
                raise ValueError(
                    'host/port and sock can not be specified at the same time')
            infos = await self._ensure_resolved(
                (host, port), family=family,
                type=socket.SOCK_STREAM, proto=proto, flags=flags, loop=self)
            if not infos:
                raise OSError('getaddrinfo() returned empty list')
            if local_addr is not None:
                laddr_infos = await self._ensure_resolved(
                    local_addr, family=family,
                    type=socket.SOCK_STREAM, proto=proto,
                    flags=flags, loop=self)
                if not laddr_infos:
                    raise OSError('getaddrinfo() returned empty list')
            else:
                laddr_infos = None
            if interleave:
                infos = _interleave_addrinfos(infos, interleave)

            exceptions = []
            for addrinfo in infos:
                try:
                    sock = await self._connect_sock(exceptions, addrinfo, laddr_infos)
                    break
                except OSError:
                    continue
            if sock is None:
                exceptions = [exc for sub in exceptions for exc in sub]
                if len(exceptions) == 1:
                    raise exceptions[0]
                # The same error everywhere is raised once; different ones
                # together.
                model = str(exceptions[0])
                if all(str(exc) == model for exc in exceptions):
                    raise exceptions[0]
                raise OSError('Multiple exceptions: {}'.format(
                    ', '.join(str(exc) for exc in exceptions)))
        else:
            if sock is None:
                raise ValueError(
                    'host and port was not specified and no sock specified')
            if sock.type != socket.SOCK_STREAM:
                raise ValueError(f'A Stream Socket was expected, got {sock!r}')

        return await self._create_connection_transport(sock, protocol_factory)

    async def _create_connection_transport(self, sock, protocol_factory):
        sock.setblocking(False)
        protocol = protocol_factory()
        waiter = self.create_future()
        transport = self._make_socket_transport(sock, protocol, waiter)
        try:
            await waiter
        except:
            transport.close()
            raise
        return transport, protocol

    async def connect_accepted_socket(
            self, protocol_factory, sock,
            *, ssl=None,
            ssl_handshake_timeout=None,
            ssl_shutdown_timeout=None):
        """Wraps a socket accepted outside asyncio into (transport, protocol)."""
        if sock.type != socket.SOCK_STREAM:
            raise ValueError(f'A Stream Socket was expected, got {sock!r}')
        if ssl_handshake_timeout is not None and not ssl:
            raise ValueError('ssl_handshake_timeout is only meaningful with ssl')
        if ssl_shutdown_timeout is not None and not ssl:
            raise ValueError('ssl_shutdown_timeout is only meaningful with ssl')
        _no_ssl('loop.connect_accepted_socket', ssl)
        return await self._create_connection_transport(sock, protocol_factory)

    async def create_unix_connection(
            self, protocol_factory, path=None, *,
            ssl=None, sock=None,
            server_hostname=None,
            ssl_handshake_timeout=None,
            ssl_shutdown_timeout=None):
        """Connects to the Unix socket at [path] (or uses [sock])."""
        if ssl:
            if server_hostname is None:
                raise ValueError('you have to pass server_hostname when using ssl')
            _no_ssl('loop.create_unix_connection', ssl)
        else:
            if server_hostname is not None:
                raise ValueError('server_hostname is only meaningful with ssl')
            if ssl_handshake_timeout is not None:
                raise ValueError('ssl_handshake_timeout is only meaningful with ssl')
            if ssl_shutdown_timeout is not None:
                raise ValueError('ssl_shutdown_timeout is only meaningful with ssl')

        if path is not None:
            if sock is not None:
                raise ValueError('path and sock can not be specified at the same time')
            sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM, 0)
            try:
                sock.setblocking(False)
                await self.sock_connect(sock, path)
            except:
                sock.close()
                raise
        else:
            if sock is None:
                raise ValueError('no path and sock were specified')
            if sock.family != socket.AF_UNIX or sock.type != socket.SOCK_STREAM:
                raise ValueError(
                    f'A UNIX Domain Stream Socket was expected, got {sock!r}')
        return await self._create_connection_transport(sock, protocol_factory)

    # ---- servers ----

    async def _create_server_getaddrinfo(self, host, port, family, flags):
        infos = await self._ensure_resolved((host, port), family=family,
                                            type=socket.SOCK_STREAM,
                                            flags=flags, loop=self)
        if not infos:
            raise OSError(f'getaddrinfo({host!r}) returned empty list')
        return infos

    async def create_server(
            self, protocol_factory, host=None, port=None,
            *,
            family=socket.AF_UNSPEC,
            flags=socket.AI_PASSIVE,
            sock=None,
            backlog=100,
            ssl=None,
            reuse_address=None,
            reuse_port=None,
            ssl_handshake_timeout=None,
            ssl_shutdown_timeout=None,
            start_serving=True):
        """A TCP server on host and port (a host name, a sequence of them,
        or None/'' for every interface), or on the listening [sock]."""
        if isinstance(ssl, bool):
            raise TypeError('ssl argument must be an SSLContext or None')
        if ssl_handshake_timeout is not None and ssl is None:
            raise ValueError('ssl_handshake_timeout is only meaningful with ssl')
        if ssl_shutdown_timeout is not None and ssl is None:
            raise ValueError('ssl_shutdown_timeout is only meaningful with ssl')
        _no_ssl('loop.create_server', ssl)

        if host is not None or port is not None:
            if sock is not None:
                raise ValueError(
                    'host/port and sock can not be specified at the same time')
            if reuse_address is None:
                reuse_address = True
            sockets = []
            if host == '':
                hosts = [None]
            elif isinstance(host, str) or not isinstance(host, collections.abc.Iterable):
                hosts = [host]
            else:
                hosts = host
            fs = [self._create_server_getaddrinfo(h, port, family=family, flags=flags)
                  for h in hosts]
            infos = await tasks.gather(*fs)
            # One socket per distinct address, in the order they came.
            unique = []
            for info in (i for lst in infos for i in lst):
                if info not in unique:
                    unique.append(info)

            completed = False
            try:
                for af, socktype, proto, canonname, sa in unique:
                    try:
                        sock = socket.socket(af, socktype, proto)
                    except socket.error:
                        # A family/type/protocol this system lacks.
                        continue
                    sockets.append(sock)
                    if reuse_address:
                        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, True)
                    if reuse_port:
                        try:
                            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
                        except OSError:
                            raise ValueError('reuse_port not supported by socket module, '
                                             'SO_REUSEPORT defined but not implemented.')
                    if af == socket.AF_INET6:
                        # One family per socket: no IPv4 on the IPv6 one.
                        sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, True)
                    try:
                        sock.bind(sa)
                    except OSError as err:
                        raise OSError(err.errno, 'error while attempting '
                                      'to bind on address %r: %s'
                                      % (sa, err.strerror.lower())) from None
                completed = True
            finally:
                if not completed:
                    for s in sockets:
                        s.close()
        else:
            if sock is None:
                raise ValueError('Neither host/port nor sock were specified')
            if sock.type != socket.SOCK_STREAM:
                raise ValueError(f'A Stream Socket was expected, got {sock!r}')
            sockets = [sock]

        for s in sockets:
            s.setblocking(False)
        return await self._serve(sockets, protocol_factory, ssl, backlog,
                                 ssl_handshake_timeout, ssl_shutdown_timeout,
                                 start_serving)

    async def _serve(self, sockets, protocol_factory, ssl, backlog,
                     ssl_handshake_timeout, ssl_shutdown_timeout, start_serving):
        server = Server(self, sockets, protocol_factory, ssl, backlog,
                        ssl_handshake_timeout, ssl_shutdown_timeout)
        if start_serving:
            server._start_serving()
            # One iteration, so that the listening sockets are being watched.
            await tasks.sleep(0)
        return server

    async def create_unix_server(
            self, protocol_factory, path=None, *,
            sock=None, backlog=100, ssl=None,
            ssl_handshake_timeout=None,
            ssl_shutdown_timeout=None,
            start_serving=True):
        """A server on the Unix socket [path] (a socket file left there by
        a previous server is removed first), or on the listening [sock]."""
        if isinstance(ssl, bool):
            raise TypeError('ssl argument must be an SSLContext or None')
        if ssl_handshake_timeout is not None and not ssl:
            raise ValueError('ssl_handshake_timeout is only meaningful with ssl')
        if ssl_shutdown_timeout is not None and not ssl:
            raise ValueError('ssl_shutdown_timeout is only meaningful with ssl')
        _no_ssl('loop.create_unix_server', ssl)

        if path is not None:
            if sock is not None:
                raise ValueError('path and sock can not be specified at the same time')
            sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            # A path starting with NUL is in Linux's abstract namespace.
            if path[0] not in (0, '\x00'):
                try:
                    _socket._remove_stale_unix_socket(path)
                except OSError as err:
                    # The directory may allow creating a socket only.
                    sys.stderr.write(f'Unable to check or remove stale UNIX '
                                     f'socket {path!r}: {err!r}\n')
            try:
                sock.bind(path)
            except OSError as exc:
                sock.close()
                if exc.errno == errno.EADDRINUSE:
                    raise OSError(errno.EADDRINUSE,
                                  f'Address {path!r} is already in use') from None
                raise
            except:
                sock.close()
                raise
        else:
            if sock is None:
                raise ValueError('path was not specified, and no sock specified')
            if sock.family != socket.AF_UNIX or sock.type != socket.SOCK_STREAM:
                raise ValueError(
                    f'A UNIX Domain Stream Socket was expected, got {sock!r}')

        sock.setblocking(False)
        return await self._serve([sock], protocol_factory, ssl, backlog,
                                 ssl_handshake_timeout, ssl_shutdown_timeout,
                                 start_serving)

    # ---- left out ----

    async def create_datagram_endpoint(self, protocol_factory, local_addr=None,
                                       remote_addr=None, **kwargs):
        _unsupported('loop.create_datagram_endpoint()')

    async def start_tls(self, transport, protocol, sslcontext, **kwargs):
        _unsupported('loop.start_tls()', ' (no ssl module)')

    async def sendfile(self, transport, file, offset=0, count=None, *, fallback=True):
        _unsupported('loop.sendfile()')
