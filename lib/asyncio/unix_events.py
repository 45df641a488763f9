"""The Unix event loop: the selector loop plus signal handling."""

__all__ = (
    'SelectorEventLoop',
    'AbstractChildWatcher', 'SafeChildWatcher',
    'FastChildWatcher', 'PidfdChildWatcher',
    'MultiLoopChildWatcher', 'ThreadedChildWatcher',
    'DefaultEventLoopPolicy',
)

import signal

from asyncio import coroutines
from asyncio import events
from asyncio import selector_events


class _UnixSelectorEventLoop(selector_events.BaseSelectorEventLoop):
    """Unix event loop: add_signal_handler() and remove_signal_handler().

    A signal's handler runs as a callback of the loop (never inside the
    signal): the signal module's handler, which the VM runs at its next safe
    point (at once when the loop is waiting), only schedules it.
    """

    def __init__(self):
        super().__init__()
        self._signal_handlers = {}

    def close(self):
        super().close()
        for sig in list(self._signal_handlers):
            self.remove_signal_handler(sig)

    def add_signal_handler(self, sig, callback, *args):
        """Call callback(*args) from the loop whenever signal [sig] arrives."""
        if (coroutines.iscoroutine(callback) or
                coroutines.iscoroutinefunction(callback)):
            raise TypeError("coroutines cannot be used with add_signal_handler()")
        self._check_signal(sig)
        self._check_closed()
        handle = events.Handle(callback, args, self, None)
        self._signal_handlers[sig] = handle
        try:
            signal.signal(sig, self._signal_received)
        except OSError as exc:
            del self._signal_handlers[sig]
            if exc.errno == 22:   # EINVAL: SIGKILL, SIGSTOP
                raise RuntimeError(f'sig {sig:d} cannot be caught')
            raise

    def _signal_received(self, sig, frame):
        self._handle_signal(sig)

    def _handle_signal(self, sig):
        handle = self._signal_handlers.get(sig)
        if handle is None:
            return
        if handle._cancelled:
            self.remove_signal_handler(sig)
        else:
            self._add_callback(handle)
            self._write_to_self()

    def remove_signal_handler(self, sig):
        """Remove the handler of signal [sig]; True if there was one."""
        self._check_signal(sig)
        try:
            del self._signal_handlers[sig]
        except KeyError:
            return False
        handler = signal.default_int_handler if sig == signal.SIGINT else signal.SIG_DFL
        try:
            signal.signal(sig, handler)
        except OSError as exc:
            if exc.errno == 22:
                raise RuntimeError(f'sig {sig:d} cannot be caught')
            raise
        return True

    def _check_signal(self, sig):
        if not isinstance(sig, int):
            raise TypeError(f'sig must be an int, not {sig!r}')
        if sig not in signal.valid_signals():
            raise ValueError(f'invalid signal number {sig}')


class AbstractChildWatcher:
    """Child watchers report the exit of subprocesses, which aiopy does not
    start: making one raises an error naming what is missing."""

    def __init__(self, *args, **kwargs):
        raise NotImplementedError(
            f'asyncio.{type(self).__name__} is not supported by aiopy (no subprocesses)')


class SafeChildWatcher(AbstractChildWatcher):
    pass


class FastChildWatcher(AbstractChildWatcher):
    pass


class PidfdChildWatcher(AbstractChildWatcher):
    pass


class MultiLoopChildWatcher(AbstractChildWatcher):
    pass


class ThreadedChildWatcher(AbstractChildWatcher):
    pass


class _UnixDefaultEventLoopPolicy(events.BaseDefaultEventLoopPolicy):
    """UNIX event loop policy"""
    _loop_factory = _UnixSelectorEventLoop


SelectorEventLoop = _UnixSelectorEventLoop
DefaultEventLoopPolicy = _UnixDefaultEventLoopPolicy
