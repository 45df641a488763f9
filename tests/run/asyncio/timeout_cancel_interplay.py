# timeout() against outside cancellation, a body that swallows the
# cancellation, shield inside a timeout, cancel messages, cancel counts.
import asyncio
async def main():
    # timeout + outside cancellation: CancelledError, not TimeoutError
    async def victim():
        async with asyncio.timeout(10):
            await asyncio.sleep(10)
    t = asyncio.create_task(victim())
    await asyncio.sleep(0.01)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print('victim cancelled, cancelling() =', t.cancelling())
    # timeout expiring while the body catches CancelledError and continues
    async def swallow():
        async with asyncio.timeout(0.01) as cm:
            try:
                await asyncio.sleep(10)
            except asyncio.CancelledError:
                print('body saw the cancellation')
        print('after block, expired =', cm.expired())
    await swallow()
    # shield inside timeout
    async def shielded():
        inner = asyncio.create_task(asyncio.sleep(0.05, 'inner done'))
        try:
            async with asyncio.timeout(0.01):
                await asyncio.shield(inner)
        except TimeoutError:
            print('timed out, inner still running', not inner.done())
        print(await inner)
    await shielded()
    # cancel with message through a chain of awaits
    async def deep():
        await asyncio.sleep(10)
    async def mid():
        await deep()
    t = asyncio.create_task(mid())
    await asyncio.sleep(0)
    t.cancel('stop now')
    try:
        await t
    except asyncio.CancelledError as e:
        print('message:', e.args)
    # uncancel and cancelling counts
    t = asyncio.create_task(asyncio.sleep(10))
    await asyncio.sleep(0)
    t.cancel(); t.cancel()
    print(t.cancelling(), t.uncancel(), t.uncancel(), t.uncancel())
    await asyncio.sleep(0)
    print(t.cancelled())
    # wait_for on an already done future
    f = asyncio.get_running_loop().create_future()
    f.set_result(3)
    print(await asyncio.wait_for(f, 0))
    # timeout_at in the past
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout_at(loop.time()):
            await asyncio.sleep(0)
            print('not reached?')
    except TimeoutError:
        print('past deadline')
    # nested timeouts where outer expires first
    try:
        async with asyncio.timeout(0.01):
            try:
                async with asyncio.timeout(1):
                    await asyncio.sleep(1)
            except TimeoutError:
                print('inner timeout?!')
    except TimeoutError:
        print('outer expired')
asyncio.run(main())
