"""asyncio's exception classes."""

__all__ = ('BrokenBarrierError',
           'CancelledError', 'InvalidStateError', 'TimeoutError',
           'IncompleteReadError', 'LimitOverrunError',
           'SendfileNotAvailableError')


class CancelledError(BaseException):
    """Raised in a task that is cancelled, and by a cancelled future."""


TimeoutError = TimeoutError  # the builtin, as in Python 3.11


class InvalidStateError(Exception):
    """The future is not in a state that allows the operation."""


class SendfileNotAvailableError(RuntimeError):
    """loop.sendfile() cannot use the sendfile system call here."""


class IncompleteReadError(EOFError):
    """The stream ended before enough bytes were read.

    partial: the bytes read; expected: how many were wanted (or None)."""
    def __init__(self, partial, expected):
        r_expected = 'undefined' if expected is None else repr(expected)
        super().__init__(f'{len(partial)} bytes read on a total of '
                         f'{r_expected} expected bytes')
        self.partial = partial
        self.expected = expected

    def __reduce__(self):
        return type(self), (self.partial, self.expected)


class LimitOverrunError(Exception):
    """The separator was not found within the buffer limit.

    consumed: how many bytes to consume."""
    def __init__(self, message, consumed):
        super().__init__(message)
        self.consumed = consumed

    def __reduce__(self):
        return type(self), (self.args[0], self.consumed)


class BrokenBarrierError(RuntimeError):
    """The barrier was aborted or reset while tasks waited."""
