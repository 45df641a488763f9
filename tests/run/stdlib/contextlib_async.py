# contextlib's async side: asynccontextmanager (also as a decorator),
# AsyncExitStack with sync and async managers and callbacks, aclosing,
# nullcontext in async with.
import asyncio
from contextlib import (AsyncExitStack, asynccontextmanager, aclosing, nullcontext,
                        AbstractAsyncContextManager)


class ACM:
    def __init__(self, n):
        self.n = n

    async def __aenter__(self):
        print('aenter', self.n)
        return self.n

    async def __aexit__(self, t, v, tb):
        print('aexit', self.n, t.__name__ if t else None)
        return False


class CM:
    def __enter__(self):
        print('enter sync')
        return 'sync'

    def __exit__(self, *exc):
        print('exit sync', exc[0])


@asynccontextmanager
async def agen(x):
    print('agen start', x)
    try:
        yield x * 10
    finally:
        print('agen end', x)


@asynccontextmanager
async def absorbing():
    try:
        yield
    except KeyError as e:
        print('absorbed', e)


@asynccontextmanager
async def never_yields():
    if False:
        yield


async def main():
    async with AsyncExitStack() as st:
        print(await st.enter_async_context(ACM(1)))
        print(st.enter_context(CM()))
        print(await st.enter_async_context(agen(3)))

        async def acb(m):
            print('async cb', m)
        st.push_async_callback(acb, 'hi')
        st.callback(print, 'sync cb')

        async def aexit(*exc):
            print('push_async_exit', exc[0])
        st.push_async_exit(aexit)
        st.push_async_exit(ACM(7))
    try:
        async with AsyncExitStack() as st:
            await st.enter_async_context(agen(4))
            raise ValueError('in async body')
    except ValueError as e:
        print('caught', e)
    async with agen(5) as v:
        print('v', v)
    async with absorbing():
        raise KeyError('k')
    try:
        async with never_yields():
            pass
    except RuntimeError as e:
        print(type(e).__name__, e)
    try:
        await AsyncExitStack().enter_async_context(CM())
    except TypeError as e:
        print(type(e).__name__, e)

    async def numbers():
        try:
            yield 1
            yield 2
        finally:
            print('numbers closed')
    async with aclosing(numbers()) as it:
        async for n in it:
            print('n', n)
            break

    @agen(7)
    async def wrapped(a):
        print('inside wrapped', a)
        return a
    print(await wrapped('arg'), await wrapped('again'))
    async with nullcontext('n') as n:
        print('nullcontext', n)
    st = AsyncExitStack()
    st.callback(print, 'aclose runs it')
    await st.aclose()
    print(isinstance(ACM(0), AbstractAsyncContextManager), isinstance(CM(), AbstractAsyncContextManager))


asyncio.run(main())
