"""asyncio.run() and Runner: run a coroutine in a new event loop, then
cancel what it left running, finalise async generators and close the loop."""

__all__ = ('Runner', 'run')

from asyncio import coroutines
from asyncio import events
from asyncio import exceptions
from asyncio import mixins
from asyncio import tasks

try:
    import signal
except ImportError:
    signal = None


class _State(mixins._EnumMember):
    pass


_State._define(CREATED='created', INITIALIZED='initialized', CLOSED='closed')


def _copy_context():
    try:
        import contextvars
    except ImportError:
        return None
    return contextvars.copy_context()


class Runner:
    """A context manager that runs coroutines in one event loop, which it
    creates lazily and closes on exit."""

    def __init__(self, *, debug=None, loop_factory=None):
        self._state = _State.CREATED
        self._debug = debug
        self._loop_factory = loop_factory
        self._loop = None
        self._context = None
        self._interrupt_count = 0
        self._set_event_loop = False

    def __enter__(self):
        self._lazy_init()
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.close()

    def close(self):
        """Cancel what is left, shut down, close the loop."""
        if self._state is not _State.INITIALIZED:
            return
        try:
            loop = self._loop
            _cancel_all_tasks(loop)
            loop.run_until_complete(loop.shutdown_asyncgens())
            loop.run_until_complete(loop.shutdown_default_executor())
        finally:
            if self._set_event_loop:
                events.set_event_loop(None)
            loop.close()
            self._loop = None
            self._state = _State.CLOSED

    def get_loop(self):
        """The runner's loop (made on first use)."""
        self._lazy_init()
        return self._loop

    def run(self, coro, *, context=None):
        """Run [coro] as a task of the loop and return its result."""
        if not coroutines.iscoroutine(coro):
            raise ValueError("a coroutine was expected, got {!r}".format(coro))

        if events._get_running_loop() is not None:
            raise RuntimeError(
                "Runner.run() cannot be called from a running event loop")

        self._lazy_init()

        if context is None:
            context = self._context
        task = self._loop.create_task(coro, context=context)

        # Ctrl-C cancels the main task (its finally blocks run) the first
        # time, and interrupts at once the second time.
        sigint_handler = None
        if signal is not None and signal.getsignal(signal.SIGINT) is signal.default_int_handler:
            def sigint_handler(signum, frame):
                self._on_sigint(signum, frame, task)
            try:
                signal.signal(signal.SIGINT, sigint_handler)
            except ValueError:
                sigint_handler = None

        self._interrupt_count = 0
        try:
            return self._loop.run_until_complete(task)
        except exceptions.CancelledError:
            if self._interrupt_count > 0:
                uncancel = getattr(task, "uncancel", None)
                if uncancel is not None and uncancel() == 0:
                    raise KeyboardInterrupt()
            raise  # CancelledError
        finally:
            if (sigint_handler is not None
                and signal.getsignal(signal.SIGINT) is sigint_handler
            ):
                signal.signal(signal.SIGINT, signal.default_int_handler)

    def _lazy_init(self):
        if self._state is _State.CLOSED:
            raise RuntimeError("Runner is closed")
        if self._state is _State.INITIALIZED:
            return
        if self._loop_factory is None:
            self._loop = events.new_event_loop()
            if not self._set_event_loop:
                # Once per runner, however often it is initialised.
                events.set_event_loop(self._loop)
                self._set_event_loop = True
        else:
            self._loop = self._loop_factory()
        if self._debug is not None:
            self._loop.set_debug(self._debug)
        self._context = _copy_context()
        self._state = _State.INITIALIZED

    def _on_sigint(self, signum, frame, main_task):
        self._interrupt_count += 1
        if self._interrupt_count == 1 and not main_task.done():
            main_task.cancel()
            # Wake the loop at once if it is waiting for a far deadline.
            self._loop.call_soon_threadsafe(lambda: None)
            return
        raise KeyboardInterrupt()


def run(main, *, debug=None):
    """Run coroutine [main] in a new event loop and return its result.

    Then cancel the tasks it left, close the async generators and the
    loop. Not callable from a running loop."""
    if events._get_running_loop() is not None:
        raise RuntimeError(
            "asyncio.run() cannot be called from a running event loop")

    with Runner(debug=debug) as runner:
        return runner.run(main)


def _cancel_all_tasks(loop):
    to_cancel = tasks.all_tasks(loop)
    if not to_cancel:
        return

    # In creation order (CPython's set order is arbitrary).
    to_cancel = [t for t in tasks._asyncio._pending_tasks() if t in to_cancel]
    for task in to_cancel:
        task.cancel()

    loop.run_until_complete(tasks.gather(*to_cancel, return_exceptions=True))

    for task in to_cancel:
        if task.cancelled():
            continue
        if task.exception() is not None:
            loop.call_exception_handler({
                'message': 'unhandled exception during asyncio.run() shutdown',
                'exception': task.exception(),
                'task': task,
            })
