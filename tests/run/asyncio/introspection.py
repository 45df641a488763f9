# What programs introspect: private attributes of futures, tasks and
# handles, comparisons of TimerHandles, class modules, asyncio.__all__.
import asyncio, gc
async def main():
    loop = asyncio.get_running_loop()
    print(repr(loop.call_soon(print)).split(' at ')[0])
    print(loop.call_later(1, print, 1, 2) < loop.call_later(2, print), loop.call_at(5, print) == loop.call_at(5, print))
    h = loop.call_at(5, print); h2 = loop.call_at(5, print)
    print(h == h2, h != h2, h <= h2, h >= h2, hash(h) == hash(5.0))
    h.cancel()
    print(h == h2)
    fut = loop.create_future()
    print(fut._state, fut._result, fut._exception, fut._callbacks, fut._loop is loop, fut.get_loop() is loop)
    fut.add_done_callback(lambda f: None)
    print(len(fut._callbacks), type(fut._callbacks[0]).__name__)
    t = asyncio.create_task(asyncio.sleep(0))
    print(t._coro.__name__, t._fut_waiter, t._must_cancel, t._log_destroy_pending)
    await t
    print(asyncio.Task.__name__, asyncio.Future.__module__, asyncio.Task.__module__, asyncio.Handle.__module__, asyncio.TimerHandle.__module__)
    print(type(loop).__name__, type(loop).__module__, [c.__name__ for c in type(loop).__mro__ if not c.__name__.startswith('_') or c.__name__ == '_UnixSelectorEventLoop'][:3])
    print(issubclass(asyncio.Task, asyncio.Future), isinstance(t, asyncio.Future))
    print(asyncio.Queue.__module__, asyncio.Lock.__module__, asyncio.TaskGroup.__module__, asyncio.Runner.__module__, asyncio.Timeout.__module__)
    print(asyncio.CancelledError.__mro__[1].__name__, asyncio.TimeoutError is TimeoutError, asyncio.InvalidStateError.__module__)
    print(sorted(asyncio.__all__)[:10])
    print(len(asyncio.__all__))
asyncio.run(main())
