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


class _EnumMember:
    # The members of the small enum.Enum classes asyncio's modules keep
    # their states in (aiopy has no enum module yet): .name, .value and
    # enum's repr. _EnumMember._define(cls, NAME=value, ...) makes them.
    def __init__(self, name, value):
        self.name = name
        self.value = value

    def __repr__(self):
        return f'<{type(self).__name__}.{self.name}: {self.value!r}>'

    def __str__(self):
        return f'{type(self).__name__}.{self.name}'

    @classmethod
    def _define(cls, **members):
        for name, value in members.items():
            setattr(cls, name, cls(name, value))
