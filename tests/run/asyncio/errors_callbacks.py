# An exception in a callback goes to the loop's exception handler; the
# default handler's message layout; a custom handler and its errors.
import asyncio

def bad_callback(x):
    raise RuntimeError(f'callback {x} failed')

def handler(loop, context):
    print('handler got', sorted(context), context['message'])

def bad_handler(loop, context):
    raise KeyError('handler broke')

async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(bad_callback, 1)
    await asyncio.sleep(0)
    loop.set_exception_handler(handler)
    print(loop.get_exception_handler() is handler)
    loop.call_soon(bad_callback, 2)
    loop.call_later(0.001, bad_callback, 3)
    await asyncio.sleep(0.01)
    loop.call_exception_handler({'message': 'custom', 'extra': 42})
    loop.set_exception_handler(bad_handler)
    loop.call_soon(bad_callback, 4)
    await asyncio.sleep(0)
    loop.set_exception_handler(None)
    loop.call_exception_handler({'message': 'default again', 'future': loop.create_future()})
    loop.call_exception_handler({})
    loop.default_exception_handler({'message': 'direct', 'exception': ValueError('v')})
    try:
        loop.set_exception_handler(42)
    except TypeError as e:
        print('TypeError', e)
    f = loop.create_future()
    f.add_done_callback(bad_callback)
    f.set_result(None)
    await asyncio.sleep(0)
    print('end')

asyncio.run(main())
