# Cancelling the task that runs a TaskGroup cancels its tasks; the
# CancelledError propagates, not a group. (The children are cancelled in
# the order of a set of tasks, which is arbitrary: their exits are sorted.)
import asyncio

exits = []

async def child(tag):
    try:
        await asyncio.sleep(10)
    finally:
        exits.append(tag)

async def parent():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(child(1))
        tg.create_task(child(2))
        await asyncio.sleep(10)

async def main():
    t = asyncio.create_task(parent())
    await asyncio.sleep(0.05)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print('parent cancelled', t.cancelled(), 'children exited:', sorted(exits))

asyncio.run(main())
