# contextlib: contextmanager (enter/exit, exceptions thrown into the
# generator, its RuntimeErrors, use as a decorator), suppress, closing,
# nullcontext, redirect_stdout/redirect_stderr (print follows sys.stdout),
# chdir, ContextDecorator and the abstract base classes.
import os
import sys
import contextlib
from contextlib import (contextmanager, suppress, closing, nullcontext, redirect_stdout,
                        redirect_stderr, chdir, ContextDecorator, AbstractContextManager,
                        AbstractAsyncContextManager)


class Buffer:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)
        return len(s)

    def flush(self):
        pass

    def value(self):
        return ''.join(self.parts)


@contextmanager
def tag(name):
    print(f'<{name}>')
    try:
        yield name.upper()
    finally:
        print(f'</{name}>')


with tag('a') as t:
    print('body', t)
try:
    with tag('b'):
        raise ValueError('boom')
except ValueError as e:
    print('caught', e)
try:
    with tag('c'):
        raise StopIteration('stop')
except StopIteration as e:
    print('StopIteration passes through', e)


@contextmanager
def swallow():
    try:
        yield
    except KeyError as e:
        print('swallowed', e)


with swallow():
    raise KeyError('x')
print('after swallow')


@contextmanager
def no_yield():
    if False:
        yield


@contextmanager
def yields_twice():
    yield 1
    yield 2


@contextmanager
def yields_after_throw():
    try:
        yield
    except ValueError:
        yield


@contextmanager
def converts():
    try:
        yield
    except ValueError as e:
        raise TypeError('converted') from e


for cm, exc in [(no_yield, None), (yields_twice, None), (yields_after_throw, ValueError),
                (converts, ValueError)]:
    try:
        with cm():
            if exc:
                raise exc('in body')
    except (RuntimeError, TypeError) as e:
        print(type(e).__name__, e, type(e.__cause__).__name__)


@tag('deco')
def decorated(x):
    print('in decorated', x)
    return x * 2


print(decorated(3), decorated(4), decorated.__name__)

with suppress(KeyError, IndexError):
    {}['x']
with suppress():
    print('suppress() with nothing')
try:
    with suppress(KeyError):
        [][1]
except IndexError:
    print('IndexError not suppressed')


class Resource:
    def close(self):
        print('closed')


with closing(Resource()) as r:
    print(type(r).__name__)
with nullcontext(5) as v, nullcontext() as w:
    print('null', v, w)

out = Buffer()
with redirect_stdout(out) as target:
    print('hidden', 1)
    sys.stdout.write('written\n')
print('captured', repr(out.value()), target is out)
err = Buffer()
with redirect_stderr(err):
    print('to stderr', file=sys.stderr)
print('captured', repr(err.value()), sys.stderr is sys.__stderr__)
twice = redirect_stdout(Buffer())
with twice:
    with twice:
        print('nested')
print('stdout restored', sys.stdout is sys.__stdout__)

start = os.getcwd()
with chdir('/'):
    print(os.getcwd())
print(os.getcwd() == start)
try:
    with chdir('/no/such/dir'):
        pass
except FileNotFoundError as e:
    print(type(e).__name__, e.errno, os.getcwd() == start)


class Exiting(AbstractContextManager):
    def __exit__(self, *exc):
        print('exit', exc[0])


with Exiting() as x:
    print(type(x).__name__)
print(issubclass(type(tag('x')), AbstractContextManager), isinstance(Resource(), AbstractContextManager),
      issubclass(nullcontext, AbstractAsyncContextManager), isinstance(nullcontext(), AbstractContextManager))
try:
    class Missing(AbstractContextManager):
        pass
    Missing()
except TypeError as e:
    print(type(e).__name__, e)


class Logged(ContextDecorator):
    def __enter__(self):
        print('enter')
        return self

    def __exit__(self, *exc):
        print('exit')
        return False


@Logged()
def work():
    print('working')


work()
print(contextlib.__all__, AbstractContextManager[int])
