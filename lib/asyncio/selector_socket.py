"""Socket I/O on the selector event loop, over the C core's descriptor
watches (_add_reader/_add_writer): the loop's sock_* coroutines, the
accepting side of a Server, and the socket transport behind
create_connection, create_server and streams.

_SelectorSocketMixin's methods are methods of BaseSelectorEventLoop
(through lazy_net.py, which loads this module on first use). The transport
keeps CPython's state machine (selector_events._SelectorSocketTransport):
reads go to protocol.data_received, writes that cannot go at once wait in
a buffer sent when the socket is writable, with the protocol paused above
the high-water mark; close() waits for the buffer to drain, abort() does
not.
"""

import collections
import errno
import socket
import sys

from asyncio import futures
from asyncio import protocols
from asyncio import transports
from asyncio import trsock

# Seconds to wait before accepting again after running out of descriptors.
_ACCEPT_RETRY_DELAY = 1
# After this many write() calls on a lost connection, say so once per call.
_LOG_THRESHOLD_FOR_CONNLOST_WRITES = 5
# The most a transport sends or copies in one go: a partial send then costs
# one copy of at most this much (aiopy has no memoryview to slice in place).
_SEND_MAX = 256 * 1024


def _set_nodelay(sock):
    # Small writes go out at once instead of waiting for the peer's ACK.
    if (sock.family in {socket.AF_INET, socket.AF_INET6} and
            sock.type == socket.SOCK_STREAM and
            sock.proto == socket.IPPROTO_TCP):
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)


def _log_warning(message):
    # What logging's last-resort handler prints for a warning.
    sys.stderr.write(message + '\n')


def _transports_of(loop):
    # fd -> the transport using it, so that sock_* calls on its socket are
    # refused while it is open; made on first use.
    transports = getattr(loop, '_transports', None)
    if transports is None:
        transports = loop._transports = {}
    return transports


class _SelectorSocketMixin:
    """The selector loop's socket operations."""

    def _ensure_fd_no_transport(self, fd):
        fileno = fd
        if not isinstance(fileno, int):
            try:
                fileno = int(fileno.fileno())
            except (AttributeError, TypeError, ValueError):
                raise ValueError(f"Invalid file object: {fd!r}") from None
        transport = _transports_of(self).get(fileno)
        if transport is not None and not transport.is_closing():
            raise RuntimeError(
                f'File descriptor {fd!r} is used by transport {transport!r}')

    def _check_nonblocking(self, sock):
        # As CPython, checked in debug mode only.
        if self._debug and sock.gettimeout() != 0:
            raise ValueError("the socket must be non-blocking")

    # ---- waiting for one socket operation ----

    def _sock_read_done(self, fd, handle):
        if not handle.cancelled():
            self._remove_reader(fd)

    def _sock_write_done(self, fd, handle):
        if not handle.cancelled():
            self._remove_writer(fd)

    def _wait_readable(self, fut, sock, callback, *args):
        fd = sock.fileno()
        self._ensure_fd_no_transport(fd)
        handle = self._add_reader(fd, callback, fut, sock, *args)
        fut.add_done_callback(lambda f: self._sock_read_done(fd, handle))

    def _wait_writable(self, fut, sock, callback, *args):
        fd = sock.fileno()
        self._ensure_fd_no_transport(fd)
        handle = self._add_writer(fd, callback, fut, sock, *args)
        fut.add_done_callback(lambda f: self._sock_write_done(fd, handle))

    def _sock_try(self, fut, call, *args):
        # One attempt of a watched operation: the future gets its result or
        # its error; a call that would block leaves the watch to retry.
        if fut.done():
            return
        try:
            result = call(*args)
        except (BlockingIOError, InterruptedError):
            return
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            fut.set_exception(exc)
        else:
            fut.set_result(result)

    # ---- the sock_* coroutines ----

    def _read_now_or_later(self, sock, call, *args):
        # (False, call(*args)) when the non-blocking call succeeds at once;
        # else (True, a future of its result), the call retried whenever
        # [sock] becomes readable.
        self._check_nonblocking(sock)
        try:
            return False, call(*args)
        except (BlockingIOError, InterruptedError):
            pass
        fut = self.create_future()
        self._wait_readable(fut, sock, self._sock_retry, call, *args)
        return True, fut

    def _sock_retry(self, fut, sock, call, *args):
        self._sock_try(fut, call, *args)

    async def sock_recv(self, sock, n):
        """Receive up to [n] bytes from the non-blocking socket [sock]."""
        waiting, r = self._read_now_or_later(sock, sock.recv, n)
        return (await r) if waiting else r

    async def sock_recv_into(self, sock, buf):
        """Receive into the writable buffer [buf]."""
        waiting, r = self._read_now_or_later(sock, sock.recv_into, buf)
        return (await r) if waiting else r

    async def sock_recvfrom(self, sock, bufsize):
        """Receive a datagram of up to [bufsize] bytes: (data, address)."""
        waiting, r = self._read_now_or_later(sock, sock.recvfrom, bufsize)
        return (await r) if waiting else r

    async def sock_recvfrom_into(self, sock, buf, nbytes=0):
        raise NotImplementedError(
            'loop.sock_recvfrom_into() is not supported by aiopy (no writable buffers)')

    async def sock_sendall(self, sock, data):
        """Send all of [data] on the non-blocking socket [sock]."""
        self._check_nonblocking(sock)
        try:
            n = sock.send(data)
        except (BlockingIOError, InterruptedError):
            n = 0
        if n == len(data):
            return
        fut = self.create_future()
        # The position is a one-item list the watch callback advances.
        self._wait_writable(fut, sock, self._sock_sendall, data, [n])
        return await fut

    def _sock_sendall(self, fut, sock, data, pos):
        if fut.done():
            # Cancelled in a previous iteration.
            return
        start = pos[0]
        try:
            n = sock.send(data[start:start + _SEND_MAX])
        except (BlockingIOError, InterruptedError):
            return
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            fut.set_exception(exc)
            return
        start += n
        if start == len(data):
            fut.set_result(None)
        else:
            pos[0] = start

    async def sock_sendto(self, sock, data, address):
        """Send the datagram [data] to [address]."""
        self._check_nonblocking(sock)
        try:
            return sock.sendto(data, address)
        except (BlockingIOError, InterruptedError):
            pass
        fut = self.create_future()
        self._wait_writable(fut, sock, self._sock_sendto, data, address)
        return await fut

    def _sock_sendto(self, fut, sock, data, address):
        self._sock_try(fut, sock.sendto, data, 0, address)

    async def sock_connect(self, sock, address):
        """Connect the non-blocking socket [sock] to [address]."""
        self._check_nonblocking(sock)
        if sock.family in (socket.AF_INET, socket.AF_INET6):
            resolved = await self._ensure_resolved(
                address, family=sock.family, type=sock.type, proto=sock.proto,
                loop=self)
            _, _, _, _, address = resolved[0]
        fut = self.create_future()
        self._sock_connect(fut, sock, address)
        return await fut

    def _sock_connect(self, fut, sock, address):
        try:
            sock.connect(address)
        except (BlockingIOError, InterruptedError):
            # The connection goes on in the background (EINPROGRESS, or a
            # connect() interrupted by a signal): writable means it ended.
            self._wait_writable(fut, sock, self._sock_connect_cb, address)
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            fut.set_exception(exc)
        else:
            fut.set_result(None)

    def _sock_connect_cb(self, fut, sock, address):
        if fut.done():
            return
        try:
            err = sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
            if err != 0:
                raise OSError(err, f'Connect call failed {address}')
        except (BlockingIOError, InterruptedError):
            # Still connecting: the watch calls again.
            pass
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            fut.set_exception(exc)
        else:
            fut.set_result(None)

    async def sock_accept(self, sock):
        """Accept a connection on the listening socket [sock]: (conn, address),
        conn being non-blocking."""
        self._check_nonblocking(sock)
        fut = self.create_future()
        self._sock_accept(fut, sock)
        return await fut

    def _sock_accept(self, fut, sock):
        try:
            conn, address = sock.accept()
            conn.setblocking(False)
        except (BlockingIOError, InterruptedError):
            self._wait_readable(fut, sock, self._sock_accept_ready)
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            fut.set_exception(exc)
        else:
            fut.set_result((conn, address))

    def _sock_accept_ready(self, fut, sock):
        if fut.done():
            return
        try:
            conn, address = sock.accept()
            conn.setblocking(False)
        except (BlockingIOError, InterruptedError):
            return
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            fut.set_exception(exc)
        else:
            fut.set_result((conn, address))

    async def sock_sendfile(self, sock, file, offset=0, count=None, *, fallback=True):
        raise NotImplementedError('loop.sock_sendfile() is not supported by aiopy')

    # ---- serving ----

    def _make_socket_transport(self, sock, protocol, waiter=None, *,
                               extra=None, server=None):
        return _SelectorSocketTransport(self, sock, protocol, waiter,
                                        extra, server)

    def _start_serving(self, protocol_factory, sock, server=None, backlog=100):
        self._add_reader(sock.fileno(), self._accept_connection,
                         protocol_factory, sock, server, backlog)

    def _stop_serving(self, sock):
        self._remove_reader(sock.fileno())
        sock.close()

    def _accept_connection(self, protocol_factory, sock, server=None, backlog=100):
        # Called once per readiness of the listening socket: take what is
        # waiting, up to [backlog] connections.
        for _ in range(backlog):
            try:
                conn, addr = sock.accept()
                conn.setblocking(False)
            except (BlockingIOError, InterruptedError, ConnectionAbortedError):
                return None
            except OSError as exc:
                if exc.errno in (errno.EMFILE, errno.ENFILE,
                                 errno.ENOBUFS, errno.ENOMEM):
                    # Out of descriptors or memory: the listening socket
                    # stays readable, so stop watching it for a while.
                    self.call_exception_handler({
                        'message': 'socket.accept() out of system resource',
                        'exception': exc,
                        'socket': trsock.TransportSocket(sock),
                    })
                    self._remove_reader(sock.fileno())
                    self.call_later(_ACCEPT_RETRY_DELAY, self._start_serving,
                                    protocol_factory, sock, server, backlog)
                else:
                    raise  # the loop reports it
            else:
                extra = {'peername': addr}
                self.create_task(self._accept_connection2(
                    protocol_factory, conn, extra, server))

    async def _accept_connection2(self, protocol_factory, conn, extra, server=None):
        protocol = None
        transport = None
        try:
            protocol = protocol_factory()
            waiter = self.create_future()
            transport = self._make_socket_transport(
                conn, protocol, waiter=waiter, extra=extra, server=server)
            try:
                await waiter
            except BaseException:
                transport.close()
                raise
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            if self._debug:
                context = {
                    'message': 'Error on transport creation for incoming connection',
                    'exception': exc,
                }
                if protocol is not None:
                    context['protocol'] = protocol
                if transport is not None:
                    context['transport'] = transport
                self.call_exception_handler(context)


class _SelectorSocketTransport(transports._FlowControlMixin, transports.Transport):
    """A stream transport over a connected non-blocking socket."""

    max_size = 256 * 1024   # what one recv() asks for

    _sock = None

    def __init__(self, loop, sock, protocol, waiter=None, extra=None, server=None):
        super().__init__(extra, loop)
        self._extra['socket'] = trsock.TransportSocket(sock)
        try:
            self._extra['sockname'] = sock.getsockname()
        except OSError:
            self._extra['sockname'] = None
        if 'peername' not in self._extra:
            try:
                self._extra['peername'] = sock.getpeername()
            except OSError:
                self._extra['peername'] = None
        self._sock = sock
        self._sock_fd = sock.fileno()
        self._protocol_connected = False
        self.set_protocol(protocol)
        self._server = server
        # The write buffer: chunks of at most _SEND_MAX bytes.
        self._buffer = collections.deque()
        self._buffer_size = 0
        self._conn_lost = 0      # set when connection_lost is scheduled
        self._closing = False    # set by close()
        self._paused = False     # set by pause_reading()
        self._reading = False    # the loop watches the socket for reading
        self._eof = False        # write_eof() was called
        if self._server is not None:
            self._server._attach()
        _transports_of(loop)[self._sock_fd] = self
        _set_nodelay(self._sock)
        self._loop.call_soon(self._protocol.connection_made, self)
        # Reading starts once connection_made() has run, and so does the
        # waiter's wake-up.
        self._loop.call_soon(self._start_reading)
        if waiter is not None:
            self._loop.call_soon(futures._set_result_unless_cancelled, waiter, None)

    def __repr__(self):
        info = [self.__class__.__name__]
        if self._sock is None:
            info.append('closed')
        elif self._closing:
            info.append('closing')
        info.append(f'fd={self._sock_fd}')
        if self._loop is not None and not self._loop.is_closed():
            info.append('read=polling' if self._reading else 'read=idle')
            state = 'polling' if self._buffer_size else 'idle'
            info.append(f'write=<{state}, bufsize={self._buffer_size}>')
        return '<{}>'.format(' '.join(info))

    # ---- the read watch ----

    def _start_reading(self):
        if not self.is_reading():
            return
        self._loop._add_reader(self._sock_fd, self._read_ready)
        self._reading = True

    def _stop_reading(self):
        self._loop._remove_reader(self._sock_fd)
        self._reading = False

    # ---- BaseTransport / ReadTransport ----

    def set_protocol(self, protocol):
        if isinstance(protocol, protocols.BufferedProtocol):
            raise NotImplementedError(
                'asyncio.BufferedProtocol is not supported by aiopy (no writable buffers)')
        self._protocol = protocol
        self._protocol_connected = True

    def get_protocol(self):
        return self._protocol

    def is_closing(self):
        return self._closing

    def is_reading(self):
        return not self.is_closing() and not self._paused

    def pause_reading(self):
        if not self.is_reading():
            return
        self._paused = True
        self._stop_reading()

    def resume_reading(self):
        if self._closing or not self._paused:
            return
        self._paused = False
        self._start_reading()

    def close(self):
        if self._closing:
            return
        self._closing = True
        self._stop_reading()
        if not self._buffer_size:
            self._conn_lost += 1
            self._loop._remove_writer(self._sock_fd)
            self._loop.call_soon(self._call_connection_lost, None)

    def abort(self):
        self._force_close(None)

    def _fatal_error(self, exc, message='Fatal error on transport'):
        # An OSError is the connection's business (reset, refused...): the
        # protocol hears of it in connection_lost. Anything else is a bug
        # worth reporting.
        if not isinstance(exc, OSError):
            self._loop.call_exception_handler({
                'message': message,
                'exception': exc,
                'transport': self,
                'protocol': self._protocol,
            })
        self._force_close(exc)

    def _force_close(self, exc):
        if self._conn_lost:
            return
        if self._buffer_size:
            self._buffer.clear()
            self._buffer_size = 0
            self._loop._remove_writer(self._sock_fd)
        if not self._closing:
            self._closing = True
            self._stop_reading()
        self._conn_lost += 1
        self._loop.call_soon(self._call_connection_lost, exc)

    def _call_connection_lost(self, exc):
        try:
            if self._protocol_connected:
                self._protocol.connection_lost(exc)
        finally:
            transports = _transports_of(self._loop)
            if transports.get(self._sock_fd) is self:
                del transports[self._sock_fd]
            self._sock.close()
            self._sock = None
            self._protocol = None
            self._loop = None
            server = self._server
            if server is not None:
                server._detach()
                self._server = None

    # ---- reading ----

    def _read_ready(self):
        if self._conn_lost:
            return
        try:
            data = self._sock.recv(self.max_size)
        except (BlockingIOError, InterruptedError):
            return
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            self._fatal_error(exc, 'Fatal read error on socket transport')
            return
        if not data:
            self._read_ready__on_eof()
            return
        try:
            self._protocol.data_received(data)
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            self._fatal_error(
                exc, 'Fatal error: protocol.data_received() call failed.')

    def _read_ready__on_eof(self):
        try:
            keep_open = self._protocol.eof_received()
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            self._fatal_error(
                exc, 'Fatal error: protocol.eof_received() call failed.')
            return
        if keep_open:
            # The protocol may still write, but nothing more will come in.
            self._stop_reading()
        else:
            self.close()

    # ---- writing ----

    def get_write_buffer_size(self):
        return self._buffer_size

    def _buffer_add(self, data):
        for i in range(0, len(data), _SEND_MAX):
            self._buffer.append(data[i:i + _SEND_MAX] if len(data) > _SEND_MAX else data)
        self._buffer_size += len(data)

    def write(self, data):
        if not isinstance(data, bytes):
            raise TypeError(f'data argument must be a bytes-like object, '
                            f'not {type(data).__name__!r}')
        if self._eof:
            raise RuntimeError('Cannot call write() after write_eof()')
        if not data:
            return
        if self._conn_lost:
            if self._conn_lost >= _LOG_THRESHOLD_FOR_CONNLOST_WRITES:
                _log_warning('socket.send() raised exception.')
            self._conn_lost += 1
            return
        if not self._buffer_size:
            # Nothing is queued: try to send at once.
            try:
                n = self._sock.send(data)
            except (BlockingIOError, InterruptedError):
                pass
            except (SystemExit, KeyboardInterrupt):
                raise
            except BaseException as exc:
                self._fatal_error(exc, 'Fatal write error on socket transport')
                return
            else:
                data = data[n:]
                if not data:
                    return
            # The rest goes when the socket is writable.
            self._loop._add_writer(self._sock_fd, self._write_ready)
        self._buffer_add(data)
        self._maybe_pause_protocol()

    def _write_ready(self):
        assert self._buffer_size, 'Data should not be empty'
        if self._conn_lost:
            return
        buf = self._buffer
        if len(buf) > 1 and len(buf[0]) < _SEND_MAX:
            # Gather small chunks into one send.
            chunks = []
            size = 0
            while buf and size + len(buf[0]) <= _SEND_MAX:
                chunk = buf.popleft()
                chunks.append(chunk)
                size += len(chunk)
            buf.appendleft(b''.join(chunks))
        try:
            n = self._sock.send(buf[0])
        except (BlockingIOError, InterruptedError):
            pass
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            self._loop._remove_writer(self._sock_fd)
            buf.clear()
            self._buffer_size = 0
            self._fatal_error(exc, 'Fatal write error on socket transport')
        else:
            if n:
                if n == len(buf[0]):
                    buf.popleft()
                else:
                    buf[0] = buf[0][n:]
                self._buffer_size -= n
            self._maybe_resume_protocol()  # may write more
            if not self._buffer_size:
                self._loop._remove_writer(self._sock_fd)
                if self._closing:
                    self._call_connection_lost(None)
                elif self._eof:
                    self._sock.shutdown(socket.SHUT_WR)

    def write_eof(self):
        if self._closing or self._eof:
            return
        self._eof = True
        if not self._buffer_size:
            self._sock.shutdown(socket.SHUT_WR)

    def can_write_eof(self):
        return True
