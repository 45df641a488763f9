# inspect: the predicates on functions, generators and coroutines, and the
# generator/coroutine states (the subset aiopy's async programs use).
import types
from collections.abc import Awaitable

CO_OPTIMIZED = 1
CO_NEWLOCALS = 2
CO_VARARGS = 4
CO_VARKEYWORDS = 8
CO_NESTED = 16
CO_GENERATOR = 32
CO_NOFREE = 64
CO_COROUTINE = 128
CO_ITERABLE_COROUTINE = 256
CO_ASYNC_GENERATOR = 512

GEN_CREATED = 'GEN_CREATED'
GEN_RUNNING = 'GEN_RUNNING'
GEN_SUSPENDED = 'GEN_SUSPENDED'
GEN_CLOSED = 'GEN_CLOSED'
CORO_CREATED = 'CORO_CREATED'
CORO_RUNNING = 'CORO_RUNNING'
CORO_SUSPENDED = 'CORO_SUSPENDED'
CORO_CLOSED = 'CORO_CLOSED'

def ismodule(object):
    return isinstance(object, types.ModuleType)

def isclass(object):
    return isinstance(object, type)

def ismethod(object):
    return isinstance(object, types.MethodType)

def isfunction(object):
    return isinstance(object, types.FunctionType)

def isbuiltin(object):
    return isinstance(object, types.BuiltinFunctionType)

def isroutine(object):
    return isbuiltin(object) or isfunction(object) or ismethod(object)

def _has_code_flag(f, flag):
    while ismethod(f):
        f = f.__func__
    if not isfunction(f):
        return False
    return bool(f.__code__.co_flags & flag)

def isgeneratorfunction(obj):
    return _has_code_flag(obj, CO_GENERATOR)

def iscoroutinefunction(obj):
    return _has_code_flag(obj, CO_COROUTINE)

def isasyncgenfunction(obj):
    return _has_code_flag(obj, CO_ASYNC_GENERATOR)

def isgenerator(object):
    return isinstance(object, types.GeneratorType)

def iscoroutine(object):
    return isinstance(object, types.CoroutineType)

def isasyncgen(object):
    return isinstance(object, types.AsyncGeneratorType)

def isawaitable(object):
    return (isinstance(object, types.CoroutineType) or
            isinstance(object, types.GeneratorType) and
                bool(object.gi_code.co_flags & CO_ITERABLE_COROUTINE) or
            isinstance(object, Awaitable))

def getgeneratorstate(generator):
    if generator.gi_running:
        return GEN_RUNNING
    if generator.gi_suspended:
        return GEN_SUSPENDED
    if generator.gi_frame is None:
        return GEN_CLOSED
    return GEN_CREATED

def getcoroutinestate(coroutine):
    if coroutine.cr_running:
        return CORO_RUNNING
    if coroutine.cr_suspended:
        return CORO_SUSPENDED
    if coroutine.cr_frame is None:
        return CORO_CLOSED
    return CORO_CREATED
