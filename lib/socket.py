"""The socket module, as Python 3.11's: socket.socket over the C _socket
module, the constants as AddressFamily/SocketKind/MsgFlag/AddressInfo
members, and the helpers built on them (socketpair, getaddrinfo,
create_connection, create_server, fromfd).

aiopy has no enum module, so the four groups are small int subclasses
that print as CPython's enums do (<AddressFamily.AF_INET: 2>, str() and
format() give the number). A bitwise or of two flags is a plain int here.
Left out, each raising NotImplementedError naming it: socket.makefile()
and socket.sendfile() (aiopy has no io module); recv_into() exists but no
aiopy type is a writable buffer.
"""

import _socket
from _socket import *

# ---- the constant groups ----


class _EnumType(type):
    # What enum.EnumType gives these classes: Cls(value) finds the member,
    # Cls['NAME'] looks one up by name, iteration lists them in order.

    def __call__(cls, value):
        try:
            return cls._value2member_map_[value]
        except (KeyError, TypeError):
            raise ValueError(f"{value!r} is not a valid {cls.__qualname__}") from None

    def __getitem__(cls, name):
        return cls._member_map_[name]

    def __iter__(cls):
        return iter(list(cls._member_map_.values()))

    def __len__(cls):
        return len(cls._member_map_)

    def __contains__(cls, member):
        return isinstance(member, cls) and member._name_ in cls._member_map_

    def __repr__(cls):
        return f"<enum '{cls.__name__}'>"


class _IntConstant(int, metaclass=_EnumType):
    # A member is an int: equal and hashing as its value everywhere.
    _member_map_ = {}
    _value2member_map_ = {}

    def __repr__(self):
        return f'<{type(self).__name__}.{self._name_}: {int.__repr__(self)}>'

    __str__ = int.__repr__
    __format__ = int.__format__

    @property
    def name(self):
        return self._name_

    @property
    def value(self):
        return int(self)

    def __reduce_ex__(self, proto):
        return type(self), (int(self),)


def _convert(cls, prefix):
    # Turns the module's PREFIX* constants into members of [cls], and the
    # module names into those members, as IntEnum._convert_ does. The first
    # name of a value is its canonical member.
    cls._member_map_ = {}
    cls._value2member_map_ = {}
    names = sorted((v, n) for n, v in globals().items()
                   if n.startswith(prefix) and n.isupper() and type(v) is int)
    for value, name in names:
        member = cls._value2member_map_.get(value)
        if member is None:
            member = int.__new__(cls, value)
            member._name_ = name
            cls._value2member_map_[value] = member
        cls._member_map_[name] = member
        setattr(cls, name, member)
        globals()[name] = member


class AddressFamily(_IntConstant):
    """Address family constants (AF_*)."""


class SocketKind(_IntConstant):
    """Socket type constants (SOCK_*)."""


class MsgFlag(_IntConstant):
    """Message flags (MSG_*)."""


class AddressInfo(_IntConstant):
    """getaddrinfo() flags (AI_*)."""


_convert(AddressFamily, 'AF_')
_convert(SocketKind, 'SOCK_')
_convert(MsgFlag, 'MSG_')
_convert(AddressInfo, 'AI_')


def _intenum_converter(value, enum_klass):
    """The member of [enum_klass] for [value], or [value] itself."""
    try:
        return enum_klass(value)
    except ValueError:
        return value


# ---- the socket class ----

_GLOBAL_DEFAULT_TIMEOUT = object()
_defaulttimeout = None


def getdefaulttimeout():
    """The timeout new sockets get (None: blocking)."""
    return _defaulttimeout


def setdefaulttimeout(timeout):
    """Sets the timeout new sockets get (None: blocking)."""
    global _defaulttimeout
    if timeout is not None:
        if not isinstance(timeout, (int, float)):
            raise TypeError(f"'{type(timeout).__name__}' object cannot be "
                            f"interpreted as an integer")
        if timeout < 0:
            raise ValueError('Timeout value out of range')
        timeout = float(timeout)
    _defaulttimeout = timeout


class socket(_socket.socket):
    """A subclass of _socket.socket adding the context manager, accept(),
    dup() and the enum-valued family and type."""

    def __init__(self, family=-1, type=-1, proto=-1, fileno=None):
        if fileno is None:
            if family == -1:
                family = AF_INET
            if type == -1:
                type = SOCK_STREAM
            if proto == -1:
                proto = 0
        _socket.socket.__init__(self, family, type, proto, fileno)
        if _defaulttimeout is not None:
            self.settimeout(_defaulttimeout)

    def __enter__(self):
        return self

    def __exit__(self, *args):
        if self.fileno() != -1:
            self.close()

    def __repr__(self):
        fd = self.fileno()
        closed = fd == -1
        s = (f'<{self.__class__.__module__}.{self.__class__.__qualname__}'
             f'{" [closed]" if closed else ""} fd={fd}, '
             f'family={self.family}, type={self.type}, proto={self.proto}')
        if not closed:
            try:
                laddr = self.getsockname()
                if laddr:
                    s += f', laddr={laddr}'
            except error:
                pass
            try:
                raddr = self.getpeername()
                if raddr:
                    s += f', raddr={raddr}'
            except error:
                pass
        return s + '>'

    def __getstate__(self):
        raise TypeError(f"cannot pickle {self.__class__.__name__!r} object")

    def dup(self):
        """A new socket object for a duplicate of this socket's descriptor."""
        fd = dup(self.fileno())
        sock = self.__class__(self.family, self.type, self.proto, fileno=fd)
        sock.settimeout(self.gettimeout())
        return sock

    def accept(self):
        """Waits for a connection: returns (socket, address)."""
        fd, addr = self._accept()
        sock = socket(self.family, self.type, self.proto, fileno=fd)
        # A listening socket with a timeout gives blocking sockets, as
        # CPython's accept() does when no default timeout is set.
        if getdefaulttimeout() is None and self.gettimeout():
            sock.setblocking(True)
        return sock, addr

    def makefile(self, *args, **kwargs):
        raise NotImplementedError('socket.makefile() is not supported by aiopy')

    def sendfile(self, *args, **kwargs):
        raise NotImplementedError('socket.sendfile() is not supported by aiopy')

    @property
    def family(self):
        """The socket's address family."""
        return _intenum_converter(super().family, AddressFamily)

    @property
    def type(self):
        """The socket's type."""
        return _intenum_converter(super().type, SocketKind)


SocketType = _socket.socket


def fromfd(fd, family, type, proto=0):
    """A socket object for a duplicate of the descriptor [fd]."""
    return socket(family, type, proto, dup(fd))


def socketpair(family=None, type=SOCK_STREAM, proto=0):
    """A pair of connected sockets (AF_UNIX by default)."""
    if family is None:
        family = AF_UNIX
    a, b = _socket.socketpair(family, type, proto)
    a = socket(family, type, proto, a.detach())
    b = socket(family, type, proto, b.detach())
    return a, b


def getaddrinfo(host, port, family=0, type=0, proto=0, flags=0):
    """Resolves host and port into a list of 5-tuples (family, type, proto,
    canonname, sockaddr) for creating sockets that connect to them."""
    addrlist = []
    for res in _socket.getaddrinfo(host, port, family, type, proto, flags):
        af, socktype, proto, canonname, sa = res
        addrlist.append((_intenum_converter(af, AddressFamily),
                         _intenum_converter(socktype, SocketKind),
                         proto, canonname, sa))
    return addrlist


def create_connection(address, timeout=_GLOBAL_DEFAULT_TIMEOUT,
                      source_address=None, *, all_errors=False):
    """Connects to (host, port), trying each address getaddrinfo() gives,
    and returns the connected socket."""
    host, port = address
    errors = []
    for af, socktype, proto, canonname, sa in getaddrinfo(host, port, 0, SOCK_STREAM):
        sock = None
        try:
            sock = socket(af, socktype, proto)
            if timeout is not _GLOBAL_DEFAULT_TIMEOUT:
                sock.settimeout(timeout)
            if source_address:
                sock.bind(source_address)
            sock.connect(sa)
            return sock
        except error as exc:
            if not all_errors:
                errors.clear()
            errors.append(exc)
            if sock is not None:
                sock.close()
    if not errors:
        raise error("getaddrinfo returns an empty list")
    if not all_errors:
        raise errors[0]
    raise ExceptionGroup("create_connection failed", errors)


def has_dualstack_ipv6():
    """True when one AF_INET6 socket can accept IPv4 and IPv6 connections."""
    try:
        with socket(AF_INET6, SOCK_STREAM) as sock:
            sock.setsockopt(IPPROTO_IPV6, IPV6_V6ONLY, 0)
            return True
    except error:
        return False


def create_server(address, *, family=AF_INET, backlog=None, reuse_port=False,
                  dualstack_ipv6=False):
    """A TCP socket bound to [address] and listening."""
    if dualstack_ipv6:
        if not has_dualstack_ipv6():
            raise ValueError("dualstack_ipv6 not supported on this platform")
        if family != AF_INET6:
            raise ValueError("dualstack_ipv6 requires AF_INET6 family")
    sock = socket(family, SOCK_STREAM)
    try:
        try:
            sock.setsockopt(SOL_SOCKET, SO_REUSEADDR, 1)
        except error:
            pass
        if reuse_port:
            sock.setsockopt(SOL_SOCKET, SO_REUSEPORT, 1)
        if family == AF_INET6:
            sock.setsockopt(IPPROTO_IPV6, IPV6_V6ONLY, 0 if dualstack_ipv6 else 1)
        try:
            sock.bind(address)
        except error as err:
            msg = f'{err.strerror} (while attempting to bind on address {address!r})'
            raise error(err.errno, msg) from None
        if backlog is None:
            sock.listen()
        else:
            sock.listen(backlog)
        return sock
    except error:
        sock.close()
        raise


__all__ = ['AddressFamily', 'SocketKind', 'MsgFlag', 'AddressInfo',
           'create_connection', 'create_server', 'has_dualstack_ipv6',
           'fromfd', 'getdefaulttimeout', 'setdefaulttimeout']
__all__.extend(n for n in dir(_socket) if not n.startswith('_'))
