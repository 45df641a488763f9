# asyncio.timeout / timeout_at (3.11): expiry, reschedule, nesting, repr, errors.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(0.01) as cm:
            print(repr(cm).startswith('<Timeout [active] when='))
            await asyncio.sleep(1)
    except TimeoutError as e:
        print('TimeoutError', type(e.__cause__).__name__, cm.expired(), repr(cm))
    async with asyncio.timeout(None) as cm:
        await asyncio.sleep(0.01)
        print('no deadline', cm.when(), cm.expired())
    print(repr(cm))
    try:
        async with asyncio.timeout(1) as cm:
            cm.reschedule(loop.time() + 0.01)
            await asyncio.sleep(1)
    except TimeoutError:
        print('rescheduled expiry')
    try:
        async with asyncio.timeout_at(loop.time() - 1):
            await asyncio.sleep(1)
    except TimeoutError:
        print('already expired')
    try:
        async with asyncio.timeout(0.3):
            try:
                async with asyncio.timeout(0.05):
                    await asyncio.sleep(1)
            except TimeoutError:
                print('inner expired')
            await asyncio.sleep(1)
    except TimeoutError:
        print('outer expired')
    t = asyncio.timeout(1)
    try:
        t.reschedule(1)
    except RuntimeError as e:
        print('RuntimeError', e)
    async with t:
        pass
    try:
        async with t:
            pass
    except RuntimeError as e:
        print('RuntimeError', e)
    try:
        t.reschedule(2)
    except RuntimeError as e:
        print('RuntimeError', e)

asyncio.run(main())
