"""Base implementation of event loop.

The loop's core -- the ready queue, the timer heap, one iteration, call_soon,
call_later, call_at, time, stop, close and file-descriptor watches -- is C
(_asyncio.EventLoopCore); this class adds what CPython's BaseEventLoop does
once per run or per error, in Python.
"""

__all__ = ('BaseEventLoop', 'Server')

import sys
import traceback

import _asyncio
from asyncio import coroutines
from asyncio import events
from asyncio import exceptions
from asyncio import futures
from asyncio import tasks


def _format_handle(handle):
    cb = handle._callback
    if isinstance(getattr(cb, '__self__', None), tasks.Task):
        # format the task
        return repr(cb.__self__)
    else:
        return str(handle)


def _run_until_complete_cb(fut):
    if not fut.cancelled():
        exc = fut.exception()
        if isinstance(exc, (SystemExit, KeyboardInterrupt)):
            # run_forever() already finished, no need to stop it.
            return
    futures._get_loop(fut).stop()


def _unsupported(what):
    raise NotImplementedError(f'{what} is not supported by aiopy')


class BaseEventLoop(_asyncio.EventLoopCore, events.AbstractEventLoop):

    def __init__(self):
        super().__init__()
        self._default_executor = None
        self._internal_fds = 0
        self._exception_handler = None
        self._current_handle = None
        self._task_factory = None
        self.slow_callback_duration = 0.1
        # The async generators being iterated by the loop, for
        # shutdown_asyncgens(); weak, so that one nobody holds is collected
        # (and its finalizer hook schedules its aclose()).
        self._asyncgens = _asyncio._WeakSet()
        self._asyncgens_shutdown_called = False
        self._executor_shutdown_called = False
        self.set_debug(coroutines._is_debug_mode())

    def __repr__(self):
        return (
            f'<{self.__class__.__name__} running={self.is_running()} '
            f'closed={self.is_closed()} debug={self.get_debug()}>'
        )

    def create_task(self, coro, *, name=None, context=None):
        """A Task running [coro] on this loop (made by the task factory when
        one is set)."""
        self._check_closed()
        if self._task_factory is None:
            task = tasks.Task(coro, loop=self, name=name, context=context)
        else:
            if context is None:
                # The factory's two-argument form, when no context is given.
                task = self._task_factory(self, coro)
            else:
                task = self._task_factory(self, coro, context=context)
            tasks._set_task_name(task, name)
        return task

    def set_task_factory(self, factory):
        """Make loop.create_task() call factory(loop, coro) (None: Task)."""
        if factory is not None and not callable(factory):
            raise TypeError('task factory must be a callable or None')
        self._task_factory = factory

    def get_task_factory(self):
        """The task factory, or None."""
        return self._task_factory

    def _check_closed(self):
        if self._closed:
            raise RuntimeError('Event loop is closed')

    def _check_default_executor(self):
        if self._executor_shutdown_called:
            raise RuntimeError('Executor shutdown has been called')

    def _asyncgen_finalizer_hook(self, agen):
        self._asyncgens.discard(agen)
        if not self.is_closed():
            self.call_soon_threadsafe(self.create_task, agen.aclose())

    def _asyncgen_firstiter_hook(self, agen):
        self._asyncgens.add(agen)

    async def shutdown_asyncgens(self):
        """Close every async generator this loop has seen that is still open."""
        self._asyncgens_shutdown_called = True
        if not len(self._asyncgens):
            return
        closing_agens = list(self._asyncgens)
        self._asyncgens.clear()
        results = await tasks.gather(
            *[ag.aclose() for ag in closing_agens],
            return_exceptions=True)
        for result, agen in zip(results, closing_agens):
            if isinstance(result, Exception):
                self.call_exception_handler({
                    'message': f'an error occurred during closing of '
                               f'asynchronous generator {agen!r}',
                    'exception': result,
                    'asyncgen': agen
                })

    async def shutdown_default_executor(self):
        """Nothing to shut down: aiopy has no executor (no threads)."""
        self._executor_shutdown_called = True

    def _check_running(self):
        if self.is_running():
            raise RuntimeError('This event loop is already running')
        if events._get_running_loop() is not None:
            raise RuntimeError(
                'Cannot run the event loop while another loop is running')

    def run_forever(self):
        """Run iterations until stop() is called."""
        self._check_closed()
        self._check_running()
        hooks = getattr(sys, 'get_asyncgen_hooks', None)
        old_agen_hooks = hooks() if hooks else None
        try:
            if hooks:
                sys.set_asyncgen_hooks(firstiter=self._asyncgen_firstiter_hook,
                                       finalizer=self._asyncgen_finalizer_hook)
            events._set_running_loop(self)
            self._run_until_stopped()
        finally:
            self._stopping = False
            events._set_running_loop(None)
            if hooks:
                sys.set_asyncgen_hooks(*old_agen_hooks)

    def run_until_complete(self, future):
        """Run until [future] is done (a coroutine is made a task first) and
        return its result or raise its exception."""
        self._check_closed()
        self._check_running()

        new_task = not futures.isfuture(future)
        future = tasks.ensure_future(future, loop=self)
        if new_task:
            # Our own task: if it is left pending, the RuntimeError below
            # says so; no 'destroyed but pending' report on top.
            future._log_destroy_pending = False

        future.add_done_callback(_run_until_complete_cb)
        try:
            self.run_forever()
        except:
            if new_task and future.done() and not future.cancelled():
                # The task failed with a BaseException that is leaving now:
                # mark it retrieved (nobody else can see the task).
                future.exception()
            raise
        finally:
            future.remove_done_callback(_run_until_complete_cb)
        if not future.done():
            raise RuntimeError('Event loop stopped before Future completed.')

        return future.result()

    def close(self):
        """Close the loop: drop what is scheduled (the loop must not be running)."""
        if self.is_running():
            raise RuntimeError("Cannot close a running event loop")
        if self._closed:
            return
        self._close()
        self._executor_shutdown_called = True

    def run_in_executor(self, executor, func, *args):
        self._check_closed()
        _unsupported('loop.run_in_executor() (aiopy has no threads)')

    async def subprocess_exec(self, protocol_factory, program, *args, **kwargs):
        _unsupported('loop.subprocess_exec() (no subprocesses)')

    async def subprocess_shell(self, protocol_factory, cmd, **kwargs):
        _unsupported('loop.subprocess_shell() (no subprocesses)')

    async def connect_read_pipe(self, protocol_factory, pipe):
        _unsupported('loop.connect_read_pipe()')

    async def connect_write_pipe(self, protocol_factory, pipe):
        _unsupported('loop.connect_write_pipe()')

    def set_default_executor(self, executor):
        _unsupported('loop.set_default_executor() (aiopy has no threads)')

    def get_exception_handler(self):
        """The exception handler, or None for the default one."""
        return self._exception_handler

    def set_exception_handler(self, handler):
        """Make errors the loop catches go to handler(loop, context) (None:
        the default handler)."""
        if handler is not None and not callable(handler):
            raise TypeError(f'A callable object or None is expected, '
                            f'got {handler!r}')
        self._exception_handler = handler

    def default_exception_handler(self, context):
        """Print what an error report holds.

        The output is what CPython's handler logs through the 'asyncio'
        logger when logging is not configured: the message, the other keys
        of the context, then the exception's traceback, on stderr."""
        message = context.get('message')
        if not message:
            message = 'Unhandled exception in event loop'

        exception = context.get('exception')

        log_lines = [message]
        for key in sorted(context):
            if key in {'message', 'exception'}:
                continue
            value = context[key]
            if key == 'source_traceback':
                tb = ''.join(traceback.format_list(value))
                value = 'Object created at (most recent call last):\n'
                value += tb.rstrip()
            elif key == 'handle_traceback':
                tb = ''.join(traceback.format_list(value))
                value = 'Handle created at (most recent call last):\n'
                value += tb.rstrip()
            else:
                value = repr(value)
            log_lines.append(f'{key}: {value}')

        _log_error('\n'.join(log_lines), exception)

    def call_exception_handler(self, context):
        """Report an error caught by the loop to the exception handler.

        [context] holds 'message' and, as they apply, 'exception', 'future',
        'task', 'handle', 'protocol', 'transport', 'socket', 'asyncgen'. An
        error in a custom handler is reported by the default one."""
        if self._exception_handler is None:
            try:
                self.default_exception_handler(context)
            except (SystemExit, KeyboardInterrupt):
                raise
            except BaseException as exc:
                # The default handler itself failed (or a subclass's).
                _log_error('Exception in default exception handler', exc)
        else:
            try:
                self._exception_handler(self, context)
            except (SystemExit, KeyboardInterrupt):
                raise
            except BaseException as exc:
                # The custom handler failed: report that with the default one.
                try:
                    self.default_exception_handler({
                        'message': 'Unhandled error in exception handler',
                        'exception': exc,
                        'context': context,
                    })
                except (SystemExit, KeyboardInterrupt):
                    raise
                except BaseException as exc2:
                    # ... and the default handler failed as well.
                    _log_error('Exception in default exception handler '
                               'while handling an unexpected error '
                               'in custom exception handler', exc2)

    def get_debug(self):
        return self._debug

    def set_debug(self, enabled):
        self._debug = enabled


def _log_error(message, exception):
    # What logging.getLogger('asyncio').error(message, exc_info=...) prints
    # when logging is not configured: the message, then the traceback.
    text = message + '\n'
    if exception is not None:
        text += ''.join(traceback.format_exception(exception))
    sys.stderr.write(text)


# Server has a module of its own.
from asyncio.server import Server
