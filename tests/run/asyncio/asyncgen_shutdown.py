# shutdown_asyncgens() closes the async generators still open when
# asyncio.run ends, and reports one whose cleanup fails. (One of each: the
# order among several is CPython's WeakSet order, which is arbitrary.)
import asyncio

async def ticker(tag):
    try:
        for i in range(10):
            yield i
    finally:
        print('closing', tag)

async def broken():
    try:
        yield 1
    finally:
        raise ValueError('cleanup failed')

keep = []

async def main():
    for tag in ('x',):
        g = ticker(tag)
        print(tag, await g.__anext__())
        keep.append(g)
    b = broken()
    await b.__anext__()
    keep.append(b)
    print('main done')

asyncio.run(main())
print('after run')
