# A task woken by a future of a Python subclass (gather) keeps its context.
import asyncio, contextvars
var = contextvars.ContextVar('var', default='default')
async def child(tag):
    var.set(tag)
    await asyncio.sleep(0)
async def main():
    var.set('main')
    t1 = asyncio.create_task(child('t1'))
    await asyncio.gather(t1)
    print('A', var.get())
    var.set('changed')
    print('B', var.get())
    await asyncio.sleep(0)
    print('C', var.get())
asyncio.run(main())
