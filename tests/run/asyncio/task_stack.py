# Task.get_stack / print_stack for a pending, a cancelled and a failed task.
import asyncio, sys
async def inner():
    await asyncio.sleep(1)
async def outer():
    await inner()
async def main():
    t = asyncio.create_task(outer(), name='outer')
    await asyncio.sleep(0)
    print(len(t.get_stack()))
    t.print_stack(file=sys.stdout)
    t.cancel()
    print(repr(t))
    try:
        await t
    except asyncio.CancelledError:
        pass
    t.print_stack(file=sys.stdout)
    async def fails():
        raise ValueError('x')
    t3 = asyncio.create_task(fails())
    await asyncio.sleep(0)
    t3.print_stack(file=sys.stdout)
    t3.exception()
asyncio.run(main())
