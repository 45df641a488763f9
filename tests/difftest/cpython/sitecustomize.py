"""Virtual time for CPython's asyncio, as aiopy's `-X virtual_time` has it.

run.py puts this folder on CPython's PYTHONPATH, so that the generated
programs run on both sides with the same clock: the loop's time() moves only
when nothing is ready, jumping to the first deadline; deadlines lie on a
microsecond grid, so that 0.01 + 0.015 and 0.025 are the same deadline; and
timers with equal deadlines run in creation order (aiopy's documented choice;
CPython's heap leaves ties in an arbitrary order); and the tasks asyncio.run
cancels at its end are cancelled in creation order (as aiopy; CPython: set
order). With it, an ordering never depends on
how busy the machine is, and a run takes no real waiting.
"""
import asyncio.base_events as _be
import asyncio.events as _ev
import asyncio.runners as _runners
import asyncio.selector_events as _se
import asyncio.tasks as _tasks
import itertools as _it
import math as _math
import time as _time
import weakref as _weakref

_seq = _it.count()


class _TimerHandle(_ev.TimerHandle):
    __slots__ = ('_seq',)

    def __init__(self, when, *args, **kw):
        # aiopy's virtual deadlines lie on a microsecond grid (rounded half
        # away from zero, as C's round()), so that sums equal on paper tie.
        if abs(when) < 1e12:
            when = _math.floor(when * 1e6 + 0.5) / 1e6
        super().__init__(when, *args, **kw)
        self._seq = next(_seq)

    def __lt__(self, other):
        if self._when != other._when:
            return self._when < other._when
        return self._seq < other._seq


_ev.TimerHandle = _TimerHandle


class _VirtualSelector:
    """Wraps the loop's selector: a wait with nothing to watch but the
    loop's own self-pipe moves the virtual clock instead of sleeping."""

    def __init__(self, loop, sel):
        self._loop = loop
        self._sel = sel

    def __getattr__(self, name):
        return getattr(self._sel, name)

    def select(self, timeout=None):
        loop = self._loop
        own = {loop._ssock.fileno()} if getattr(loop, '_ssock', None) else set()
        user = [k for k in self._sel.get_map().values() if k.fd not in own]
        if timeout is None or timeout <= 0 or user:
            t0 = _time.monotonic()
            events = self._sel.select(timeout)
            if user and timeout:
                loop._vclock += _time.monotonic() - t0
            return events
        events = self._sel.select(0)
        if not events and loop._scheduled:
            when = loop._scheduled[0]._when
            if when > loop._vclock:
                loop._vclock = when
        return events


_orig_init = _se.BaseSelectorEventLoop.__init__


def _init(self, selector=None):
    # Whole seconds, so that sums of round delays stay exact (as aiopy).
    self._vclock = float(_math.floor(_time.monotonic()))
    _orig_init(self, selector)
    self._selector = _VirtualSelector(self, self._selector)


def _time_fn(self):
    return self._vclock


_se.BaseSelectorEventLoop.__init__ = _init
_be.BaseEventLoop.time = _time_fn


# asyncio.run cancels the tasks left at the end in the order of a set
# (arbitrary: by address); aiopy cancels them in creation order. Record the
# order tasks are made in, and hand _cancel_all_tasks a list in that order.
_created = _weakref.WeakKeyDictionary()
_orig_create_task = _be.BaseEventLoop.create_task


def _create_task(self, *args, **kw):
    task = _orig_create_task(self, *args, **kw)
    _created[task] = next(_seq)
    return task


_be.BaseEventLoop.create_task = _create_task
_orig_all_tasks = _tasks.all_tasks
_orig_cancel_all = _runners._cancel_all_tasks


def _cancel_all_tasks(loop):
    _tasks.all_tasks = lambda loop=None: sorted(_orig_all_tasks(loop), key=lambda t: _created.get(t, -1))
    try:
        return _orig_cancel_all(loop)
    finally:
        _tasks.all_tasks = _orig_all_tasks


_runners._cancel_all_tasks = _cancel_all_tasks
