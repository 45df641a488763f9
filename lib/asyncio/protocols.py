"""Abstract protocol classes: what a transport calls back when a connection
is made or lost, when data arrives and when its write buffer fills or
drains. Subclasses override the methods they need; the defaults do nothing.
"""

__all__ = (
    'BaseProtocol', 'Protocol', 'DatagramProtocol',
    'SubprocessProtocol', 'BufferedProtocol',
)


class BaseProtocol:
    """The callbacks every protocol has."""

    __slots__ = ()

    def connection_made(self, transport):
        """Called when a connection is made; [transport] is its transport."""

    def connection_lost(self, exc):
        """Called when the connection is lost or closed; [exc] is None for a
        regular close or EOF, else the exception that ended it."""

    def pause_writing(self):
        """Called when the transport's write buffer goes over its high-water
        mark."""

    def resume_writing(self):
        """Called when the transport's write buffer drains to its low-water
        mark."""


class Protocol(BaseProtocol):
    """A stream protocol: data_received() gets the bytes as they come."""

    __slots__ = ()

    def data_received(self, data):
        """Called with each chunk of bytes received."""

    def eof_received(self):
        """Called when the other end will send no more. A false result
        closes the transport; a true one leaves closing to the protocol."""


class BufferedProtocol(BaseProtocol):
    """A stream protocol that receives into buffers it provides.

    aiopy has no writable buffer type, so transports do not drive this
    one; the class exists for isinstance checks and subclassing.
    """

    __slots__ = ()

    def get_buffer(self, sizehint):
        """Called to get a buffer to receive into."""

    def buffer_updated(self, nbytes):
        """Called when [nbytes] were written into the buffer."""

    def eof_received(self):
        """Called when the other end will send no more."""


class DatagramProtocol(BaseProtocol):
    """A datagram protocol."""

    __slots__ = ()

    def datagram_received(self, data, addr):
        """Called when a datagram is received."""

    def error_received(self, exc):
        """Called when a send or receive operation fails."""


class SubprocessProtocol(BaseProtocol):
    """A protocol for a subprocess's pipes."""

    __slots__ = ()

    def pipe_data_received(self, fd, data):
        """Called when the subprocess writes to its stdout or stderr."""

    def pipe_connection_lost(self, fd, exc):
        """Called when one of the subprocess's pipes is closed."""

    def process_exited(self):
        """Called when the subprocess has exited."""


def _feed_data_to_buffered_proto(proto, data):
    raise NotImplementedError(
        'asyncio.BufferedProtocol needs writable buffers, which aiopy does not have')
