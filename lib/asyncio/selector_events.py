"""Event loop using a selector: here, the C core's poll() of descriptors."""

__all__ = 'BaseSelectorEventLoop',

from asyncio import base_events
from asyncio import lazy_net


class BaseSelectorEventLoop(lazy_net._NetMethods, base_events.BaseEventLoop):
    """An event loop that watches file descriptors."""

    def add_reader(self, fd, callback, *args):
        """Call callback(*args) whenever [fd] is readable."""
        self._add_reader(fd, callback, *args)

    def remove_reader(self, fd):
        """Stop watching [fd] for reading; True if it was watched."""
        return self._remove_reader(fd)

    def add_writer(self, fd, callback, *args):
        """Call callback(*args) whenever [fd] is writable."""
        self._add_writer(fd, callback, *args)

    def remove_writer(self, fd):
        """Stop watching [fd] for writing; True if it was watched."""
        return self._remove_writer(fd)
