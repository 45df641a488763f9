"""Abstract transport classes: the interface a protocol uses to write to,
pause and close its connection, and _FlowControlMixin, the write-buffer
high/low water marks that pause and resume the protocol's writing.
"""

__all__ = (
    'BaseTransport', 'ReadTransport', 'WriteTransport',
    'Transport', 'DatagramTransport', 'SubprocessTransport',
)


class BaseTransport:
    """What every transport offers."""

    __slots__ = ('_extra',)

    def __init__(self, extra=None):
        if extra is None:
            extra = {}
        self._extra = extra

    def get_extra_info(self, name, default=None):
        """Optional information about the transport ('peername', 'sockname',
        'socket', ...), or [default]."""
        return self._extra.get(name, default)

    def is_closing(self):
        """True once the transport is closing or closed."""
        raise NotImplementedError

    def close(self):
        """Closes the transport once its buffered data is sent; the
        protocol's connection_lost(None) follows."""
        raise NotImplementedError

    def set_protocol(self, protocol):
        """Sets a new protocol."""
        raise NotImplementedError

    def get_protocol(self):
        """The current protocol."""
        raise NotImplementedError


class ReadTransport(BaseTransport):
    """The reading half of a transport."""

    __slots__ = ()

    def is_reading(self):
        """True while the transport delivers received data."""
        raise NotImplementedError

    def pause_reading(self):
        """Stops data_received() calls until resume_reading()."""
        raise NotImplementedError

    def resume_reading(self):
        """Delivers received data again."""
        raise NotImplementedError


class WriteTransport(BaseTransport):
    """The writing half of a transport."""

    __slots__ = ()

    def set_write_buffer_limits(self, high=None, low=None):
        """Sets the high and low water marks of write flow control."""
        raise NotImplementedError

    def get_write_buffer_size(self):
        """The number of bytes waiting to be sent."""
        raise NotImplementedError

    def get_write_buffer_limits(self):
        """(low, high): the water marks of write flow control."""
        raise NotImplementedError

    def write(self, data):
        """Sends [data] without blocking, buffering what cannot go yet."""
        raise NotImplementedError

    def writelines(self, list_of_data):
        """Writes each bytes object of [list_of_data]."""
        data = b''.join(list_of_data)
        self.write(data)

    def write_eof(self):
        """Closes the write end once the buffered data is sent."""
        raise NotImplementedError

    def can_write_eof(self):
        """True if write_eof() is supported."""
        raise NotImplementedError

    def abort(self):
        """Closes the transport at once, dropping buffered data; the
        protocol's connection_lost(None) follows."""
        raise NotImplementedError


class Transport(ReadTransport, WriteTransport):
    """A bidirectional stream transport (a TCP or Unix connection)."""

    __slots__ = ()


class DatagramTransport(BaseTransport):
    """A datagram transport."""

    __slots__ = ()

    def sendto(self, data, addr=None):
        """Sends [data] to [addr] (the connected address when None)."""
        raise NotImplementedError

    def abort(self):
        """Closes the transport at once."""
        raise NotImplementedError


class SubprocessTransport(BaseTransport):
    """The transport of a subprocess."""

    __slots__ = ()

    def get_pid(self):
        raise NotImplementedError

    def get_returncode(self):
        raise NotImplementedError

    def get_pipe_transport(self, fd):
        raise NotImplementedError

    def send_signal(self, signal):
        raise NotImplementedError

    def terminate(self):
        raise NotImplementedError

    def kill(self):
        raise NotImplementedError


class _FlowControlMixin(Transport):
    """Write flow control: the protocol's pause_writing() is called when the
    write buffer grows past the high-water mark, resume_writing() when it
    drains to the low-water mark. Subclasses provide
    get_write_buffer_size() and call _maybe_pause_protocol() after adding
    to the buffer and _maybe_resume_protocol() after sending from it.
    """

    __slots__ = ('_loop', '_protocol_paused', '_high_water', '_low_water')

    def __init__(self, extra=None, loop=None):
        super().__init__(extra)
        assert loop is not None
        self._loop = loop
        self._protocol_paused = False
        self._set_write_buffer_limits()

    def _protocol_callback_failed(self, what, exc):
        self._loop.call_exception_handler({
            'message': f'protocol.{what}() failed',
            'exception': exc,
            'transport': self,
            'protocol': self._protocol,
        })

    def _maybe_pause_protocol(self):
        if self.get_write_buffer_size() <= self._high_water:
            return
        if not self._protocol_paused:
            self._protocol_paused = True
            try:
                self._protocol.pause_writing()
            except (SystemExit, KeyboardInterrupt):
                raise
            except BaseException as exc:
                self._protocol_callback_failed('pause_writing', exc)

    def _maybe_resume_protocol(self):
        if (self._protocol_paused and
                self.get_write_buffer_size() <= self._low_water):
            self._protocol_paused = False
            try:
                self._protocol.resume_writing()
            except (SystemExit, KeyboardInterrupt):
                raise
            except BaseException as exc:
                self._protocol_callback_failed('resume_writing', exc)

    def get_write_buffer_limits(self):
        return (self._low_water, self._high_water)

    def _set_write_buffer_limits(self, high=None, low=None):
        # Only high given: low is a quarter of it; only low: high is four
        # times it; neither: 64 KiB and 16 KiB.
        if high is None:
            high = 64 * 1024 if low is None else 4 * low
        if low is None:
            low = high // 4
        if not high >= low >= 0:
            raise ValueError(
                f'high ({high!r}) must be >= low ({low!r}) must be >= 0')
        self._high_water = high
        self._low_water = low

    def set_write_buffer_limits(self, high=None, low=None):
        self._set_write_buffer_limits(high=high, low=low)
        self._maybe_pause_protocol()

    def get_write_buffer_size(self):
        raise NotImplementedError
