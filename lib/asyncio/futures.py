"""asyncio.Future (C: _asyncio.Future) and helpers for futures."""

__all__ = (
    'Future', 'wrap_future', 'isfuture',
)

import _asyncio
from asyncio import base_futures
from asyncio import events  # sets up the C half

isfuture = base_futures.isfuture

_PENDING = base_futures._PENDING
_CANCELLED = base_futures._CANCELLED
_FINISHED = base_futures._FINISHED

# The C implementation, as in CPython.
Future = _CFuture = _asyncio.Future


def _get_loop(fut):
    # get_loop() where the future has it, else its _loop attribute.
    try:
        get_loop = fut.get_loop
    except AttributeError:
        pass
    else:
        return get_loop()
    return fut._loop


def _set_result_unless_cancelled(fut, result):
    """fut.set_result(result), unless fut was cancelled."""
    if fut.cancelled():
        return
    fut.set_result(result)


def _copy_future_state(source, dest):
    """Give [dest] the outcome of the done future [source]."""
    assert source.done()
    if dest.cancelled():
        return
    assert not dest.done()
    if source.cancelled():
        dest.cancel()
    else:
        exception = source.exception()
        if exception is not None:
            dest.set_exception(exception)
        else:
            dest.set_result(source.result())


def wrap_future(future, *, loop=None):
    """A future is returned as it is; concurrent futures need threads."""
    if isfuture(future):
        return future
    raise NotImplementedError(
        'asyncio.wrap_future() of a concurrent.futures.Future is not supported by aiopy (no threads)')
