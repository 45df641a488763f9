"""What counts as a coroutine for asyncio, and how a task shows one."""

__all__ = 'iscoroutinefunction', 'iscoroutine'

import collections.abc
import inspect
import types

# A marker for iscoroutinefunction (functions made by @types.coroutine-like
# helpers set _is_coroutine to it).
_is_coroutine = object()


def iscoroutinefunction(func):
    """Whether [func] makes coroutines (async def, or marked as doing so)."""
    return (inspect.iscoroutinefunction(func) or
            getattr(func, '_is_coroutine', None) is _is_coroutine)


# Python 3.11 also accepts plain generators here.
_COROUTINE_TYPES = (types.CoroutineType, types.GeneratorType,
                    collections.abc.Coroutine)
_iscoroutine_typecache = set()


def iscoroutine(obj):
    """Whether [obj] is a coroutine (3.11: generators count too)."""
    if type(obj) in _iscoroutine_typecache:
        return True
    if isinstance(obj, _COROUTINE_TYPES):
        if len(_iscoroutine_typecache) < 100:
            _iscoroutine_typecache.add(type(obj))
        return True
    return False


def _format_coroutine(coro):
    # "main() running at FILE:LINE" while suspended or running,
    # "main() done, defined at FILE:LINE" once finished.
    qualname = getattr(coro, '__qualname__', None)
    name = qualname or getattr(coro, '__name__', None)
    if not name:
        name = f'<{type(coro).__name__} without __name__>'
    coro_name = f'{name}()'

    code = getattr(coro, 'cr_code', None) or getattr(coro, 'gi_code', None)
    if not code:
        running = getattr(coro, 'cr_running', None)
        if running is None:
            running = getattr(coro, 'gi_running', False)
        return f'{coro_name} running' if running else coro_name

    frame = getattr(coro, 'gi_frame', None) or getattr(coro, 'cr_frame', None)
    filename = code.co_filename or '<empty co_filename>'
    if frame is not None:
        return f'{coro_name} running at {filename}:{frame.f_lineno}'
    return f'{coro_name} done, defined at {filename}:{code.co_firstlineno}'


def _is_debug_mode():
    # PYTHONASYNCIODEBUG, as CPython reads it (aiopy has no -X dev).
    import os
    environ = getattr(os, 'environ', None)
    return bool(environ.get('PYTHONASYNCIODEBUG')) if environ is not None else False
