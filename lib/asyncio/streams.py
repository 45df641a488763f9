"""Streams: reading and writing a connection with coroutines instead of
protocol callbacks. open_connection/open_unix_connection give a
(StreamReader, StreamWriter) pair; start_server/start_unix_server call a
callback with one pair per accepted connection.

StreamReaderProtocol is the protocol between the transport and the pair:
it feeds received data to the reader and lets the writer's drain() wait
while the transport's write buffer is above its high-water mark. The
reader pauses the transport while it holds more than twice its limit.

Unlike CPython, the protocol holds its reader strongly (aiopy has no
weakref); a reader nobody reads from lives as long as its connection.
"""

__all__ = (
    'StreamReader', 'StreamWriter', 'StreamReaderProtocol',
    'open_connection', 'start_server',
    'open_unix_connection', 'start_unix_server',
)

import collections

from asyncio import coroutines
from asyncio import events
from asyncio import exceptions
from asyncio import protocols
from asyncio.tasks import sleep

_DEFAULT_LIMIT = 2 ** 16  # 64 KiB


async def open_connection(host=None, port=None, *, limit=_DEFAULT_LIMIT, **kwds):
    """Connects to host and port (any loop.create_connection() arguments
    apply) and returns (reader, writer)."""
    loop = events.get_running_loop()
    reader = StreamReader(limit=limit, loop=loop)
    protocol = StreamReaderProtocol(reader, loop=loop)
    transport, _ = await loop.create_connection(lambda: protocol, host, port, **kwds)
    writer = StreamWriter(transport, protocol, reader, loop)
    return reader, writer


async def start_server(client_connected_cb, host=None, port=None, *,
                       limit=_DEFAULT_LIMIT, **kwds):
    """Starts a server (any loop.create_server() arguments apply) that calls
    client_connected_cb(reader, writer) for each connection; a coroutine
    callback runs as a task. Returns the Server."""
    loop = events.get_running_loop()

    def factory():
        reader = StreamReader(limit=limit, loop=loop)
        return StreamReaderProtocol(reader, client_connected_cb, loop=loop)

    return await loop.create_server(factory, host, port, **kwds)


async def open_unix_connection(path=None, *, limit=_DEFAULT_LIMIT, **kwds):
    """open_connection() for the Unix socket at [path]."""
    loop = events.get_running_loop()
    reader = StreamReader(limit=limit, loop=loop)
    protocol = StreamReaderProtocol(reader, loop=loop)
    transport, _ = await loop.create_unix_connection(lambda: protocol, path, **kwds)
    writer = StreamWriter(transport, protocol, reader, loop)
    return reader, writer


async def start_unix_server(client_connected_cb, path=None, *,
                            limit=_DEFAULT_LIMIT, **kwds):
    """start_server() on the Unix socket at [path]."""
    loop = events.get_running_loop()

    def factory():
        reader = StreamReader(limit=limit, loop=loop)
        return StreamReaderProtocol(reader, client_connected_cb, loop=loop)

    return await loop.create_unix_server(factory, path, **kwds)


class FlowControlMixin(protocols.Protocol):
    """What StreamWriter.drain() waits on: pause_writing() makes drain()
    wait, resume_writing() and connection_lost() wake it. Subclasses that
    override these must call them."""

    def __init__(self, loop=None):
        if loop is None:
            self._loop = events._get_event_loop()
        else:
            self._loop = loop
        self._paused = False
        self._drain_waiters = collections.deque()
        self._connection_lost = False

    def pause_writing(self):
        assert not self._paused
        self._paused = True

    def resume_writing(self):
        assert self._paused
        self._paused = False
        for waiter in self._drain_waiters:
            if not waiter.done():
                waiter.set_result(None)

    def connection_lost(self, exc):
        self._connection_lost = True
        # Writers waiting in drain() learn how it ended.
        if not self._paused:
            return
        for waiter in self._drain_waiters:
            if not waiter.done():
                if exc is None:
                    waiter.set_result(None)
                else:
                    waiter.set_exception(exc)

    async def _drain_helper(self):
        if self._connection_lost:
            raise ConnectionResetError('Connection lost')
        if not self._paused:
            return
        waiter = self._loop.create_future()
        self._drain_waiters.append(waiter)
        try:
            await waiter
        finally:
            self._drain_waiters.remove(waiter)

    def _get_close_waiter(self, stream):
        raise NotImplementedError


class StreamReaderProtocol(FlowControlMixin, protocols.Protocol):
    """The protocol between a transport and a StreamReader (and, for a
    server, the callback that gets each connection's streams)."""

    _source_traceback = None

    def __init__(self, stream_reader, client_connected_cb=None, loop=None):
        super().__init__(loop=loop)
        self._stream_reader = stream_reader
        if stream_reader is not None:
            self._source_traceback = stream_reader._source_traceback
        self._reject_connection = False
        self._stream_writer = None
        self._task = None
        self._transport = None
        self._client_connected_cb = client_connected_cb
        self._over_ssl = False
        self._closed = self._loop.create_future()

    def _replace_writer(self, writer):
        transport = writer.transport
        self._stream_writer = writer
        self._transport = transport
        self._over_ssl = transport.get_extra_info('sslcontext') is not None

    def connection_made(self, transport):
        if self._reject_connection:
            context = {
                'message': ('An open stream was garbage collected prior to '
                            'establishing network connection; '
                            'call "stream.close()" explicitly.')
            }
            if self._source_traceback:
                context['source_traceback'] = self._source_traceback
            self._loop.call_exception_handler(context)
            transport.abort()
            return
        self._transport = transport
        reader = self._stream_reader
        if reader is not None:
            reader.set_transport(transport)
        self._over_ssl = transport.get_extra_info('sslcontext') is not None
        if self._client_connected_cb is not None:
            self._stream_writer = StreamWriter(transport, self, reader, self._loop)
            res = self._client_connected_cb(reader, self._stream_writer)
            if coroutines.iscoroutine(res):
                def callback(task):
                    exc = task.exception()
                    if exc is not None:
                        self._loop.call_exception_handler({
                            'message': 'Unhandled exception in client_connected_cb',
                            'exception': exc,
                            'transport': transport,
                        })
                        transport.close()

                self._task = self._loop.create_task(res)
                self._task.add_done_callback(callback)

    def connection_lost(self, exc):
        reader = self._stream_reader
        if reader is not None:
            if exc is None:
                reader.feed_eof()
            else:
                reader.set_exception(exc)
        if not self._closed.done():
            if exc is None:
                self._closed.set_result(None)
            else:
                self._closed.set_exception(exc)
                # wait_closed() raises it; nobody calling it is no error
                # (CPython retrieves it when the protocol is collected).
                self._closed._log_traceback = False
        super().connection_lost(exc)
        self._stream_reader = None
        self._stream_writer = None
        self._task = None
        self._transport = None

    def data_received(self, data):
        reader = self._stream_reader
        if reader is not None:
            reader.feed_data(data)

    def eof_received(self):
        reader = self._stream_reader
        if reader is not None:
            reader.feed_eof()
        # Keep the transport open: the writer may still send.
        return not self._over_ssl

    def _get_close_waiter(self, stream):
        return self._closed


class StreamWriter:
    """The writing half of a connection: write() buffers in the transport,
    drain() waits until the buffer is low enough."""

    def __init__(self, transport, protocol, reader, loop):
        self._transport = transport
        self._protocol = protocol
        # drain() needs the reader's exception() method.
        assert reader is None or isinstance(reader, StreamReader)
        self._reader = reader
        self._loop = loop
        self._complete_fut = self._loop.create_future()
        self._complete_fut.set_result(None)

    def __repr__(self):
        info = [self.__class__.__name__, f'transport={self._transport!r}']
        if self._reader is not None:
            info.append(f'reader={self._reader!r}')
        return '<{}>'.format(' '.join(info))

    @property
    def transport(self):
        return self._transport

    def write(self, data):
        self._transport.write(data)

    def writelines(self, data):
        self._transport.writelines(data)

    def write_eof(self):
        return self._transport.write_eof()

    def can_write_eof(self):
        return self._transport.can_write_eof()

    def close(self):
        return self._transport.close()

    def is_closing(self):
        return self._transport.is_closing()

    async def wait_closed(self):
        await self._protocol._get_close_waiter(self)

    def get_extra_info(self, name, default=None):
        return self._transport.get_extra_info(name, default)

    async def drain(self):
        """Waits until the transport's write buffer is below its high-water
        mark; raises the connection's error if it was lost."""
        if self._reader is not None:
            exc = self._reader.exception()
            if exc is not None:
                raise exc
        if self._transport.is_closing():
            # Let connection_lost() run first, so that a write()/drain()
            # loop on a closed connection sees the error.
            await sleep(0)
        await self._protocol._drain_helper()

    async def start_tls(self, sslcontext, *, server_hostname=None,
                        ssl_handshake_timeout=None):
        raise NotImplementedError(
            'StreamWriter.start_tls() is not supported by aiopy (no ssl module)')

    def __del__(self):
        # As CPython: a writer dropped while its transport is open closes
        # it (with a ResourceWarning CPython shows only when asked).
        transport = getattr(self, '_transport', None)
        if transport is not None and not transport.is_closing():
            if not self._loop.is_closed():
                self.close()


class StreamReader:
    """The reading half of a connection: bytes fed by the protocol, read
    with read(), readline(), readexactly(), readuntil() or async for."""

    _source_traceback = None

    def __init__(self, limit=_DEFAULT_LIMIT, loop=None):
        # The limit bounds a line (readline/readuntil) and, doubled, how
        # much is buffered before the transport is paused.
        if limit <= 0:
            raise ValueError('Limit cannot be <= 0')
        self._limit = limit
        if loop is None:
            self._loop = events._get_event_loop()
        else:
            self._loop = loop
        # The unread bytes are _buf[_pos:] followed by the chunks of
        # _pending: feeding appends a chunk, reading moves _pos, and the
        # two are joined only when a read needs contiguous bytes (aiopy has
        # no bytearray to grow and shrink in place).
        self._buf = b''
        self._pos = 0
        self._pending = []
        self._size = 0
        self._eof = False        # feed_eof() was called
        self._waiter = None      # the future a read waits on
        self._exception = None
        self._transport = None
        self._paused = False

    @property
    def _buffer(self):
        # The unread bytes (CPython's bytearray, read-only here).
        self._join()
        return self._buf[self._pos:]

    def _join(self):
        if self._pending:
            head = self._buf[self._pos:] if self._pos else self._buf
            self._buf = b''.join([head] + self._pending)
            self._pos = 0
            self._pending = []

    def _take(self, n):
        # Removes and returns the first [n] unread bytes (n <= _size).
        self._join()
        start = self._pos
        if start == 0 and n == len(self._buf):
            data = self._buf
        else:
            data = self._buf[start:start + n]
        self._pos = start + n
        self._size -= n
        if self._pos == len(self._buf):
            self._buf = b''
            self._pos = 0
        return data

    def _clear(self):
        self._buf = b''
        self._pos = 0
        self._pending = []
        self._size = 0

    def __repr__(self):
        info = ['StreamReader']
        if self._size:
            info.append(f'{self._size} bytes')
        if self._eof:
            info.append('eof')
        if self._limit != _DEFAULT_LIMIT:
            info.append(f'limit={self._limit}')
        if self._waiter:
            info.append(f'waiter={self._waiter!r}')
        if self._exception:
            info.append(f'exception={self._exception!r}')
        if self._transport:
            info.append(f'transport={self._transport!r}')
        if self._paused:
            info.append('paused')
        return '<{}>'.format(' '.join(info))

    def exception(self):
        return self._exception

    def set_exception(self, exc):
        self._exception = exc
        waiter = self._waiter
        if waiter is not None:
            self._waiter = None
            if not waiter.cancelled():
                waiter.set_exception(exc)

    def _wakeup_waiter(self):
        # Wakes the read waiting for data or EOF.
        waiter = self._waiter
        if waiter is not None:
            self._waiter = None
            if not waiter.cancelled():
                waiter.set_result(None)

    def set_transport(self, transport):
        assert self._transport is None, 'Transport already set'
        self._transport = transport

    def _maybe_resume_transport(self):
        if self._paused and self._size <= self._limit:
            self._paused = False
            self._transport.resume_reading()

    def feed_eof(self):
        self._eof = True
        self._wakeup_waiter()

    def at_eof(self):
        """True when the buffer is empty and feed_eof() was called."""
        return self._eof and not self._size

    def feed_data(self, data):
        assert not self._eof, 'feed_data after feed_eof'
        if not data:
            return
        self._pending.append(data if type(data) is bytes else bytes(data))
        self._size += len(data)
        self._wakeup_waiter()
        if (self._transport is not None and not self._paused and
                self._size > 2 * self._limit):
            try:
                self._transport.pause_reading()
            except NotImplementedError:
                # A transport that cannot pause: buffer everything, and
                # stop asking.
                self._transport = None
            else:
                self._paused = True

    async def _wait_for_data(self, func_name):
        # Waits until feed_data() or feed_eof() is called, resuming a paused
        # transport first (else readexactly(n > limit) would wait forever).
        # One reader at a time: two would race for the same data.
        if self._waiter is not None:
            raise RuntimeError(
                f'{func_name}() called while another coroutine is '
                f'already waiting for incoming data')
        assert not self._eof, '_wait_for_data after EOF'
        if self._paused:
            self._paused = False
            self._transport.resume_reading()
        self._waiter = self._loop.create_future()
        try:
            await self._waiter
        finally:
            self._waiter = None

    async def readline(self):
        """Reads one line, up to and including b'\\n'. At EOF, the partial
        last line (b'' when nothing is left). A line longer than the limit
        raises ValueError, dropping it (or the whole buffer if its end has
        not come yet)."""
        sep = b'\n'
        seplen = len(sep)
        try:
            line = await self.readuntil(sep)
        except exceptions.IncompleteReadError as e:
            return e.partial
        except exceptions.LimitOverrunError as e:
            self._join()
            at = self._pos + e.consumed
            if self._buf[at:at + seplen] == sep:
                self._take(e.consumed + seplen)
            else:
                self._clear()
            self._maybe_resume_transport()
            raise ValueError(e.args[0])
        return line

    async def readuntil(self, separator=b'\n'):
        """Reads up to and including [separator]. At EOF without it,
        IncompleteReadError with the partial data (the buffer is then
        empty); when the limit is reached first, LimitOverrunError (the
        data stays buffered)."""
        seplen = len(separator)
        if seplen == 0:
            raise ValueError('Separator should be at least one-byte string')
        if self._exception is not None:
            raise self._exception

        # [offset]: how much of the unread data is known not to start the
        # separator; the search resumes there, seplen - 1 bytes back so
        # that a separator split across two feeds is found.
        offset = 0
        while True:
            buflen = self._size
            if buflen - offset >= seplen:
                self._join()
                isep = self._buf.find(separator, self._pos + offset)
                if isep != -1:
                    isep -= self._pos
                    break
                offset = buflen + 1 - seplen
                if offset > self._limit:
                    raise exceptions.LimitOverrunError(
                        'Separator is not found, and chunk exceed the limit',
                        offset)
            # The last feed may have completed the separator along with the
            # EOF, hence the buffer is searched before the EOF is looked at.
            if self._eof:
                chunk = self._take(self._size)
                raise exceptions.IncompleteReadError(chunk, None)
            await self._wait_for_data('readuntil')

        if isep > self._limit:
            raise exceptions.LimitOverrunError(
                'Separator is found, but chunk is longer than limit', isep)
        chunk = self._take(isep + seplen)
        self._maybe_resume_transport()
        return chunk

    async def read(self, n=-1):
        """Reads up to [n] bytes: at least one unless at EOF (then b'').
        n < 0 reads until EOF."""
        if self._exception is not None:
            raise self._exception
        if n == 0:
            return b''
        if n < 0:
            # Read in limit-sized blocks, so a paused transport resumes as
            # they are taken.
            blocks = []
            while True:
                block = await self.read(self._limit)
                if not block:
                    break
                blocks.append(block)
            return b''.join(blocks)
        if not self._size and not self._eof:
            await self._wait_for_data('read')
        data = self._take(min(n, self._size))
        self._maybe_resume_transport()
        return data

    async def readexactly(self, n):
        """Reads exactly [n] bytes; EOF first raises IncompleteReadError with
        what was read."""
        if n < 0:
            raise ValueError('readexactly size can not be less than zero')
        if self._exception is not None:
            raise self._exception
        if n == 0:
            return b''
        while self._size < n:
            if self._eof:
                incomplete = self._take(self._size)
                raise exceptions.IncompleteReadError(incomplete, n)
            await self._wait_for_data('readexactly')
        data = self._take(n)
        self._maybe_resume_transport()
        return data

    def __aiter__(self):
        return self

    async def __anext__(self):
        val = await self.readline()
        if val == b'':
            raise StopAsyncIteration
        return val
