# Task methods: names, get_coro, cancelling/uncancel, current_task, all_tasks, errors.
import asyncio

async def idle():
    await asyncio.sleep(1)

async def main():
    me = asyncio.current_task()
    print(me.get_name(), me.cancelling(), me.done())
    t = asyncio.create_task(idle())
    print(t.get_name(), t.get_coro().__qualname__)
    t.set_name(42)
    print(repr(t.get_name()))
    named = asyncio.create_task(idle(), name='named')
    print(named.get_name(), asyncio.create_task(idle()).get_name())
    print(sorted(x.get_name() for x in asyncio.all_tasks()))
    print(t.cancel('m1'), t.cancel('m2'), t.cancelling())
    print(t.uncancel(), t.cancelling())
    await asyncio.sleep(0)
    print(t.cancelled(), t.done())
    for meth, arg in (('set_result', 1), ('set_exception', ValueError())):
        try:
            getattr(t, meth)(arg)
        except RuntimeError as e:
            print('RuntimeError', e)
    try:
        asyncio.Task(42)
    except TypeError as e:
        print('TypeError', e)
    try:
        t.result()
    except asyncio.CancelledError as e:
        print('CancelledError', e.args)
    print(t.cancel(), len(asyncio.all_tasks()))
    for x in asyncio.all_tasks():
        if x is not me:
            x.cancel()
    await asyncio.sleep(0)
    print(len(asyncio.all_tasks()))
    print(asyncio.iscoroutine(idle()), asyncio.iscoroutinefunction(idle), asyncio.isfuture(t), asyncio.isfuture(1))

asyncio.run(main())
