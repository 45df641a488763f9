"""The asyncio package, as Python 3.11's: an event loop, futures and tasks,
synchronization primitives, queues, TaskGroup and timeouts.

aiopy's asyncio is built like CPython's: Future, Task, Handle and the core
of the event loop are C (the _asyncio module); the rest is Python, here.
"""

import sys

import _asyncio
from asyncio.exceptions import *
from asyncio.coroutines import *
from asyncio.events import *
from asyncio.futures import *
from asyncio.base_events import *
from asyncio.locks import *
from asyncio.runners import *
from asyncio.queues import *
from asyncio.tasks import *
from asyncio.taskgroups import *
from asyncio.timeouts import *
from asyncio.unix_events import *

from asyncio import (base_events, base_futures, base_tasks, coroutines, events,
                     exceptions, futures, locks, queues, runners, tasks,
                     taskgroups, timeouts, unix_events)

__all__ = (base_events.__all__ +
           coroutines.__all__ +
           events.__all__ +
           exceptions.__all__ +
           futures.__all__ +
           locks.__all__ +
           runners.__all__ +
           queues.__all__ +
           tasks.__all__ +
           timeouts.__all__ +
           unix_events.__all__)

# What the C half calls back into.
_asyncio._setup(
    CancelledError=exceptions.CancelledError,
    InvalidStateError=exceptions.InvalidStateError,
    future_repr=base_futures._future_repr,
    task_repr=base_tasks._task_repr,
    task_get_stack=base_tasks._task_get_stack,
    task_print_stack=base_tasks._task_print_stack,
    handle_repr=events._handle_repr,
    handle_error=events._handle_error,
    iscoroutine=coroutines.iscoroutine,
    get_event_loop=events.get_event_loop,
    policy_get_event_loop=events._policy_get_event_loop,
)
