# traceback: print and format exceptions as CPython 3.11's module does.
import sys

_sentinel = object()

def _parse_value_tb(exc, value, tb):
    if (value is _sentinel) != (tb is _sentinel):
        raise ValueError("Both or neither of value and tb must be given")
    if value is tb is _sentinel:
        if exc is not None:
            if isinstance(exc, BaseException):
                return exc, exc.__traceback__
            raise TypeError(f'Exception expected for value, {type(exc).__name__} found')
        return None, None
    return value, tb

def _no_limit(limit):
    if limit is not None:
        raise NotImplementedError("traceback: the limit argument is not supported by aiopy")

def _format(value, tb, chain):
    if value is None:
        return ['NoneType: None\n']
    if not isinstance(value, BaseException):
        raise TypeError(f'Exception expected for value, {type(value).__name__} found')
    return _format_exception(value, tb, chain)

def format_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, chain=True):
    _no_limit(limit)
    value, tb = _parse_value_tb(exc, value, tb)
    return _format(value, tb, chain)

def format_exception_only(exc, /, value=_sentinel):
    if value is _sentinel:
        value = exc
    if value is None or not isinstance(value, BaseException):
        return _format(value, None, False)
    return _format_exception_only(value)

def print_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, file=None, chain=True):
    _no_limit(limit)
    value, tb = _parse_value_tb(exc, value, tb)
    if file is None:
        file = sys.stderr
    for line in _format(value, tb, chain):
        print(line, file=file, end='')

def format_exc(limit=None, chain=True):
    return ''.join(format_exception(*sys.exc_info(), limit=limit, chain=chain))

def print_exc(limit=None, file=None, chain=True):
    print_exception(*sys.exc_info(), limit=limit, file=file, chain=chain)

def format_tb(tb, limit=None):
    _no_limit(limit)
    return _format_tb(tb)

def print_tb(tb, limit=None, file=None):
    if file is None:
        file = sys.stderr
    for line in format_tb(tb, limit):
        print(line, file=file, end='')

def _unsupported(name):
    def f(*args, **kwargs):
        raise NotImplementedError(f'traceback.{name} is not supported by aiopy')
    f.__name__ = f.__qualname__ = name
    return f

for _name in ('extract_tb', 'extract_stack', 'format_list', 'print_list', 'format_stack',
              'print_stack', 'walk_tb', 'walk_stack', 'print_last', 'clear_frames',
              'TracebackException', 'StackSummary', 'FrameSummary'):
    globals()[_name] = _unsupported(_name)
del _name
