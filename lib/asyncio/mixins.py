"""The loop binding shared by locks and queues."""

from asyncio import events


class _LoopBoundMixin:
    # Bound to the loop that first waits on it; any other loop is an error.
    _loop = None

    def _get_loop(self):
        loop = events._get_running_loop()
        if self._loop is None:
            self._loop = loop
        if loop is not self._loop:
            raise RuntimeError(f'{self!r} is bound to a different event loop')
        return loop
