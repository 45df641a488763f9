"""The selector loop's network methods, loaded on first use.

BaseSelectorEventLoop inherits _NetMethods, whose attributes stand for
the methods of base_net._NetMixin (connections, servers, name resolution)
and selector_socket._SelectorSocketMixin (sock_* calls, the transport).
The first access to any of them imports those modules, and the socket
module under them, and puts the real functions in place of every
stand-in: a program that never touches the network does not pay for
compiling them (about 3 ms of `import asyncio`, measured with
`python3 -c` loops of `aiopy -c "import asyncio"`).
"""

# Every method of the two mixins: _load() checks that none is missing.
_NAMES = (
    # base_net._NetMixin
    'getaddrinfo', 'getnameinfo', '_ensure_resolved', '_connect_sock',
    'create_connection', '_create_connection_transport',
    'connect_accepted_socket', 'create_unix_connection',
    '_create_server_getaddrinfo', 'create_server', '_serve',
    'create_unix_server', 'create_datagram_endpoint', 'start_tls', 'sendfile',
    # selector_socket._SelectorSocketMixin
    '_ensure_fd_no_transport', '_check_nonblocking', '_sock_read_done',
    '_sock_write_done', '_wait_readable', '_wait_writable', '_sock_try',
    '_read_now_or_later', '_sock_retry', 'sock_recv', 'sock_recv_into',
    'sock_recvfrom', 'sock_recvfrom_into',
    'sock_sendall', '_sock_sendall', 'sock_sendto', '_sock_sendto',
    'sock_connect', '_sock_connect', '_sock_connect_cb',
    'sock_accept', '_sock_accept', '_sock_accept_ready', 'sock_sendfile',
    '_make_socket_transport', '_start_serving', '_stop_serving',
    '_accept_connection', '_accept_connection2',
)


class _Pending:
    """A method not loaded yet: loads them all, then behaves as the real one."""

    def __init__(self, name):
        self._name = name

    def __get__(self, obj, objtype=None):
        _load()
        func = _NetMethods.__dict__[self._name]
        if obj is None:
            return func
        if getattr(type(obj), self._name, None) is func:
            # The usual case: the class now finds the real function.
            return getattr(obj, self._name)
        # Reached through super() from a subclass's override of the method
        # (a lookup on [obj] would find the override again): bind by hand.
        return lambda *args, **kwargs: func(obj, *args, **kwargs)


class _NetMethods:
    """The network methods of the selector loop (see the module comment)."""


for _name in _NAMES:
    setattr(_NetMethods, _name, _Pending(_name))
del _name


def _load():
    from asyncio import base_net
    from asyncio import selector_socket
    for mixin in (selector_socket._SelectorSocketMixin, base_net._NetMixin):
        for name, value in mixin.__dict__.items():
            if name.startswith('__'):
                continue
            assert name in _NAMES, f'asyncio.lazy_net._NAMES lacks {name!r}'
            if isinstance(_NetMethods.__dict__.get(name), _Pending):
                setattr(_NetMethods, name, value)
