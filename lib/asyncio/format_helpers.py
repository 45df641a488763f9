"""How asyncio shows callbacks in reprs and error messages."""

import inspect
import reprlib


def _partial_type():
    import sys
    functools = sys.modules.get('functools')
    return getattr(functools, 'partial', None) if functools else None


def _get_function_source(func):
    while hasattr(func, '__wrapped__'):
        func = func.__wrapped__
    if inspect.isfunction(func):
        code = func.__code__
        if code.co_filename.startswith('<frozen '):
            # aiopy's own library: shown without a location, as tracebacks
            # leave its frames out (and tests drop CPython's library paths).
            return None
        return (code.co_filename, code.co_firstlineno)
    partial = _partial_type()
    if partial is not None and isinstance(func, partial):
        return _get_function_source(func.func)
    return None


def _format_callback_source(func, args):
    func_repr = _format_callback(func, args, None)
    source = _get_function_source(func)
    if source:
        func_repr += f' at {source[0]}:{source[1]}'
    return func_repr


def _format_args_and_kwargs(args, kwargs):
    """'(arg, key=value)' with reprlib's limits."""
    items = []
    if args:
        items.extend(reprlib.repr(arg) for arg in args)
    if kwargs:
        items.extend(f'{k}={reprlib.repr(v)}' for k, v in kwargs.items())
    return '({})'.format(', '.join(items))


def _format_callback(func, args, kwargs, suffix=''):
    partial = _partial_type()
    if partial is not None and isinstance(func, partial):
        suffix = _format_args_and_kwargs(args, kwargs) + suffix
        return _format_callback(func.func, func.args, func.keywords, suffix)

    qualname = getattr(func, '__qualname__', None)
    if qualname:
        func_repr = qualname
    else:
        name = getattr(func, '__name__', None)
        func_repr = name if name else repr(func)
    func_repr += _format_args_and_kwargs(args, kwargs)
    if suffix:
        func_repr += suffix
    return func_repr
