"""The asyncio package, as Python 3.11's: an event loop, futures and tasks,
synchronization primitives, queues, TaskGroup, timeouts, and streams over
TCP and Unix sockets.

aiopy's asyncio is built like CPython's: Future, Task, Handle and the core
of the event loop are C (the _asyncio module); the rest is Python, in the
submodules of this package. They load when a name from them is first used
(PEP 562 __getattr__), so `import asyncio` itself costs next to nothing.
"""

import sys

# Where each public name lives.
_SUBMODULE_NAMES = {
    'base_events': ('BaseEventLoop', 'Server'),
    'coroutines': ('iscoroutinefunction', 'iscoroutine'),
    'events': ('AbstractEventLoopPolicy', 'AbstractEventLoop', 'AbstractServer',
               'Handle', 'TimerHandle', 'get_event_loop_policy', 'set_event_loop_policy',
               'get_event_loop', 'set_event_loop', 'new_event_loop', 'get_child_watcher',
               'set_child_watcher', '_set_running_loop', 'get_running_loop',
               '_get_running_loop'),
    'exceptions': ('BrokenBarrierError', 'CancelledError', 'InvalidStateError', 'TimeoutError',
                   'IncompleteReadError', 'LimitOverrunError', 'SendfileNotAvailableError'),
    'futures': ('Future', 'wrap_future', 'isfuture'),
    'locks': ('Lock', 'Event', 'Condition', 'Semaphore', 'BoundedSemaphore', 'Barrier'),
    'protocols': ('BaseProtocol', 'Protocol', 'DatagramProtocol', 'SubprocessProtocol',
                  'BufferedProtocol'),
    'runners': ('Runner', 'run'),
    'queues': ('Queue', 'PriorityQueue', 'LifoQueue', 'QueueFull', 'QueueEmpty'),
    'streams': ('StreamReader', 'StreamWriter', 'StreamReaderProtocol', 'open_connection',
                'start_server', 'open_unix_connection', 'start_unix_server'),
    'tasks': ('Task', 'create_task', 'FIRST_COMPLETED', 'FIRST_EXCEPTION', 'ALL_COMPLETED',
              'wait', 'wait_for', 'as_completed', 'sleep', 'gather', 'shield', 'ensure_future',
              'run_coroutine_threadsafe', 'current_task', 'all_tasks', '_register_task',
              '_unregister_task', '_enter_task', '_leave_task'),
    'taskgroups': ('TaskGroup',),
    'threads': ('to_thread',),
    'timeouts': ('Timeout', 'timeout', 'timeout_at'),
    'transports': ('BaseTransport', 'ReadTransport', 'WriteTransport', 'Transport',
                   'DatagramTransport', 'SubprocessTransport'),
    'unix_events': ('SelectorEventLoop', 'AbstractChildWatcher', 'SafeChildWatcher',
                    'FastChildWatcher', 'PidfdChildWatcher', 'MultiLoopChildWatcher',
                    'ThreadedChildWatcher', 'DefaultEventLoopPolicy'),
    'subprocess': ('create_subprocess_exec', 'create_subprocess_shell'),
}
_SUBMODULES = ('base_events', 'base_futures', 'base_tasks', 'coroutines', 'events',
               'exceptions', 'format_helpers', 'futures', 'locks', 'mixins', 'queues',
               'runners', 'selector_events', 'taskgroups', 'tasks', 'threads', 'timeouts',
               'unix_events',
               'base_net', 'lazy_net', 'protocols', 'selector_socket', 'server', 'streams',
               'subprocess', 'transports', 'trsock')

_WHERE = {}
for _module, _names in _SUBMODULE_NAMES.items():
    for _name in _names:
        _WHERE[_name] = _module
del _module, _names, _name

# As CPython 3.11's (which leaves TaskGroup out).
__all__ = tuple(name for module in ('base_events', 'coroutines', 'events', 'exceptions',
                                    'futures', 'locks', 'protocols', 'runners', 'queues',
                                    'streams', 'subprocess', 'tasks', 'threads', 'timeouts',
                                    'transports', 'unix_events')
                for name in _SUBMODULE_NAMES[module])


def _load(module):
    __import__('asyncio.' + module)
    return sys.modules['asyncio.' + module]


def __getattr__(name):
    module = _WHERE.get(name)
    if module is not None:
        value = getattr(_load(module), name)
    elif name in _SUBMODULES:
        value = _load(name)
    else:
        raise AttributeError(f"module 'asyncio' has no attribute '{name}'")
    globals()[name] = value
    return value


def __dir__():
    return sorted(set(globals()) | set(_WHERE) | set(_SUBMODULES))
