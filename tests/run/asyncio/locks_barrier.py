# Barrier: arrival indexes, reuse, abort, reset.
import asyncio

async def party(b, tag):
    i = await b.wait()
    print(tag, 'passed', i)

async def main():
    b = asyncio.Barrier(3)
    print(b.parties, b.n_waiting, b.broken, repr(b).split(' [')[1])
    await asyncio.gather(*(party(b, t) for t in 'abc'))
    await asyncio.gather(*(party(b, t) for t in 'def'))
    t = asyncio.create_task(party(b, 'x'))
    await asyncio.sleep(0)
    print(b.n_waiting, repr(b).split(' [')[1])
    await b.abort()
    try:
        await t
    except asyncio.BrokenBarrierError as e:
        print('BrokenBarrierError', e)
    print(b.broken, repr(b).split(' [')[1])
    await b.reset()
    print(b.broken)
    try:
        asyncio.Barrier(0)
    except ValueError as e:
        print('ValueError', e)

asyncio.run(main())
