"""Future reprs (called by _asyncio.Future.__repr__)."""

__all__ = ()

import reprlib

from asyncio import format_helpers

_PENDING = 'PENDING'
_CANCELLED = 'CANCELLED'
_FINISHED = 'FINISHED'


def isfuture(obj):
    """Whether [obj] is a future: its class has _asyncio_future_blocking
    (duck typing) and it is not None."""
    return (hasattr(obj.__class__, '_asyncio_future_blocking') and
            obj._asyncio_future_blocking is not None)


def _format_callbacks(cb):
    """The 'cb=[...]' part of a future's repr."""
    def format_cb(callback):
        return format_helpers._format_callback_source(callback, ())

    size = len(cb)
    if size == 0:
        text = ''
    elif size == 1:
        text = format_cb(cb[0][0])
    elif size == 2:
        text = f'{format_cb(cb[0][0])}, {format_cb(cb[1][0])}'
    else:
        text = f'{format_cb(cb[0][0])}, <{size - 2} more>, {format_cb(cb[-1][0])}'
    return f'cb=[{text}]'


def _future_repr_info(future):
    """The parts of a future's repr after its class name."""
    info = [future._state.lower()]
    if future._state == _FINISHED:
        if future._exception is not None:
            info.append(f'exception={future._exception!r}')
        else:
            info.append(f'result={reprlib.repr(future._result)}')
    if future._callbacks:
        info.append(_format_callbacks(future._callbacks))
    return info


@reprlib.recursive_repr()
def _future_repr(future):
    info = ' '.join(_future_repr_info(future))
    return f'<{future.__class__.__name__} {info}>'
