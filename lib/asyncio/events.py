"""Event loops and the policy that says which loop is current."""

__all__ = (
    'AbstractEventLoopPolicy',
    'AbstractEventLoop', 'AbstractServer',
    'Handle', 'TimerHandle',
    'get_event_loop_policy', 'set_event_loop_policy',
    'get_event_loop', 'set_event_loop', 'new_event_loop',
    'get_child_watcher', 'set_child_watcher',
    '_set_running_loop', 'get_running_loop',
    '_get_running_loop',
)

import _asyncio
from asyncio import format_helpers

# Handle and TimerHandle are C types (their __module__ is this module).
Handle = _asyncio.Handle
TimerHandle = _asyncio.TimerHandle


def _handle_repr(handle):
    # CPython's Handle._repr_info.
    info = [handle.__class__.__name__]
    if handle._cancelled:
        info.append('cancelled')
    if isinstance(handle, TimerHandle):
        info.insert(2 if handle._cancelled else 1, f'when={handle._when}')
    if handle._callback is not None:
        info.append(format_helpers._format_callback_source(handle._callback, handle._args))
    return '<{}>'.format(' '.join(info))


def _handle_error(handle, exc):
    # An exception escaped the callback of [handle].
    cb = format_helpers._format_callback_source(handle._callback, handle._args)
    context = {
        'message': f'Exception in callback {cb}',
        'exception': exc,
        'handle': handle,
    }
    handle._loop.call_exception_handler(context)


def _unsupported(what):
    raise NotImplementedError(f'{what} is not supported by aiopy')


class AbstractServer:
    """What loop.create_server() returns."""

    def close(self):
        raise NotImplementedError

    def get_loop(self):
        raise NotImplementedError

    def is_serving(self):
        raise NotImplementedError

    async def start_serving(self):
        raise NotImplementedError

    async def serve_forever(self):
        raise NotImplementedError

    async def wait_closed(self):
        raise NotImplementedError

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        self.close()
        await self.wait_closed()


class AbstractEventLoop:
    """The interface of an event loop."""

    def run_forever(self):
        raise NotImplementedError

    def run_until_complete(self, future):
        raise NotImplementedError

    def stop(self):
        raise NotImplementedError

    def is_running(self):
        raise NotImplementedError

    def is_closed(self):
        raise NotImplementedError

    def close(self):
        raise NotImplementedError

    async def shutdown_asyncgens(self):
        raise NotImplementedError

    async def shutdown_default_executor(self):
        raise NotImplementedError

    def _timer_handle_cancelled(self, handle):
        raise NotImplementedError

    def call_soon(self, callback, *args, context=None):
        return self.call_later(0, callback, *args, context=context)

    def call_later(self, delay, callback, *args, context=None):
        raise NotImplementedError

    def call_at(self, when, callback, *args, context=None):
        raise NotImplementedError

    def time(self):
        raise NotImplementedError

    def create_future(self):
        raise NotImplementedError

    def create_task(self, coro, *, name=None, context=None):
        raise NotImplementedError

    def call_soon_threadsafe(self, callback, *args, context=None):
        raise NotImplementedError

    def run_in_executor(self, executor, func, *args):
        raise NotImplementedError

    def set_default_executor(self, executor):
        raise NotImplementedError

    async def getaddrinfo(self, host, port, *, family=0, type=0, proto=0, flags=0):
        raise NotImplementedError

    async def getnameinfo(self, sockaddr, flags=0):
        raise NotImplementedError

    async def create_connection(self, protocol_factory, host=None, port=None, **kwargs):
        raise NotImplementedError

    async def create_server(self, protocol_factory, host=None, port=None, **kwargs):
        raise NotImplementedError

    async def create_unix_connection(self, protocol_factory, path=None, **kwargs):
        raise NotImplementedError

    async def create_unix_server(self, protocol_factory, path=None, **kwargs):
        raise NotImplementedError

    def add_reader(self, fd, callback, *args):
        raise NotImplementedError

    def remove_reader(self, fd):
        raise NotImplementedError

    def add_writer(self, fd, callback, *args):
        raise NotImplementedError

    def remove_writer(self, fd):
        raise NotImplementedError

    async def sock_recv(self, sock, nbytes):
        raise NotImplementedError

    async def sock_sendall(self, sock, data):
        raise NotImplementedError

    async def sock_connect(self, sock, address):
        raise NotImplementedError

    async def sock_accept(self, sock):
        raise NotImplementedError

    def add_signal_handler(self, sig, callback, *args):
        raise NotImplementedError

    def remove_signal_handler(self, sig):
        raise NotImplementedError

    def set_task_factory(self, factory):
        raise NotImplementedError

    def get_task_factory(self):
        raise NotImplementedError

    def get_exception_handler(self):
        raise NotImplementedError

    def set_exception_handler(self, handler):
        raise NotImplementedError

    def default_exception_handler(self, context):
        raise NotImplementedError

    def call_exception_handler(self, context):
        raise NotImplementedError

    def get_debug(self):
        raise NotImplementedError

    def set_debug(self, enabled):
        raise NotImplementedError


class AbstractEventLoopPolicy:
    """The interface of an event loop policy."""

    def get_event_loop(self):
        raise NotImplementedError

    def set_event_loop(self, loop):
        raise NotImplementedError

    def new_event_loop(self):
        raise NotImplementedError

    def get_child_watcher(self):
        raise NotImplementedError

    def set_child_watcher(self, watcher):
        raise NotImplementedError


class BaseDefaultEventLoopPolicy(AbstractEventLoopPolicy):
    """Default policy implementation for accessing the event loop.

    aiopy has one thread, so the policy keeps one current loop; the first
    get_event_loop() makes it when none was ever set.
    """

    _loop_factory = None

    class _Local:
        _loop = None
        _set_called = False

    def __init__(self):
        self._local = self._Local()

    def get_event_loop(self):
        """Get the event loop for the current context."""
        if self._local._loop is None and not self._local._set_called:
            self.set_event_loop(self.new_event_loop())
        if self._local._loop is None:
            raise RuntimeError("There is no current event loop in thread 'MainThread'.")
        return self._local._loop

    def set_event_loop(self, loop):
        """Set the event loop."""
        self._local._set_called = True
        if loop is not None and not isinstance(loop, AbstractEventLoop):
            raise TypeError(f"loop must be an instance of AbstractEventLoop or None, not '{type(loop).__name__}'")
        self._local._loop = loop

    def new_event_loop(self):
        """Create a new event loop."""
        return self._loop_factory()


_event_loop_policy = None


def _init_event_loop_policy():
    global _event_loop_policy
    if _event_loop_policy is None:
        from asyncio import DefaultEventLoopPolicy
        _event_loop_policy = DefaultEventLoopPolicy()


def get_event_loop_policy():
    """The current policy (made on first use)."""
    if _event_loop_policy is None:
        _init_event_loop_policy()
    return _event_loop_policy


def set_event_loop_policy(policy):
    """Install [policy] (None: back to the default one)."""
    global _event_loop_policy
    if policy is not None and not isinstance(policy, AbstractEventLoopPolicy):
        raise TypeError(f"policy must be an instance of AbstractEventLoopPolicy or None, not '{type(policy).__name__}'")
    _event_loop_policy = policy


def _policy_get_event_loop():
    return get_event_loop_policy().get_event_loop()


def set_event_loop(loop):
    """Equivalent to calling get_event_loop_policy().set_event_loop(loop)."""
    get_event_loop_policy().set_event_loop(loop)


def new_event_loop():
    """Equivalent to calling get_event_loop_policy().new_event_loop()."""
    return get_event_loop_policy().new_event_loop()


def get_child_watcher():
    _unsupported('asyncio.get_child_watcher() (subprocesses)')


def set_child_watcher(watcher):
    _unsupported('asyncio.set_child_watcher() (subprocesses)')


# Implemented in C, as CPython's are.
from _asyncio import (_get_running_loop, _set_running_loop,
                      get_running_loop, get_event_loop, _get_event_loop)


def _setup_c_half():
    # Hand the C half (_asyncio) what it calls back into. Every way to a loop,
    # a future or a task goes through this module, so this runs first.
    import _asyncio
    from asyncio import base_futures, base_tasks, coroutines, exceptions
    _asyncio._setup(
        CancelledError=exceptions.CancelledError,
        InvalidStateError=exceptions.InvalidStateError,
        future_repr=base_futures._future_repr,
        task_repr=base_tasks._task_repr,
        task_get_stack=base_tasks._task_get_stack,
        task_print_stack=base_tasks._task_print_stack,
        handle_repr=_handle_repr,
        handle_error=_handle_error,
        iscoroutine=coroutines.iscoroutine,
        get_event_loop=get_event_loop,
        policy_get_event_loop=_policy_get_event_loop,
    )


_setup_c_half()
