"""Event loop using a selector: here, the C core's poll() of descriptors."""

__all__ = 'BaseSelectorEventLoop',

from asyncio import base_events


class BaseSelectorEventLoop(base_events.BaseEventLoop):
    """Selector event loop."""

    def add_reader(self, fd, callback, *args):
        """Add a reader callback."""
        self._add_reader(fd, callback, *args)

    def remove_reader(self, fd):
        """Remove a reader callback."""
        return self._remove_reader(fd)

    def add_writer(self, fd, callback, *args):
        """Add a writer callback.."""
        self._add_writer(fd, callback, *args)

    def remove_writer(self, fd):
        """Remove a writer callback."""
        return self._remove_writer(fd)
