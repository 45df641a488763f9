# Loop methods: call_soon/later/at, handles, stop, run_forever, closing, errors.
import asyncio

loop = asyncio.new_event_loop()
print(loop.is_running(), loop.is_closed(), loop.get_debug())
h = loop.call_soon(print, 'soon', 1)
print(h, h.cancelled())
loop.call_soon(loop.stop)
loop.call_soon(print, 'after stop is still run')
loop.run_forever()
print('stopped')
t = loop.call_later(0.01, print, 'later')
print(isinstance(t, asyncio.TimerHandle), t.when() > loop.time())
loop.call_later(0.02, loop.stop)
loop.run_forever()
x = loop.call_soon(print, 'cancelled one')
x.cancel()
print(x)
loop.call_soon(loop.stop)
loop.run_forever()

async def coro():
    return 'result'
print(loop.run_until_complete(coro()))
f = loop.create_future()
loop.call_soon(f.set_result, 7)
print(loop.run_until_complete(f))
for bad in (lambda: loop.call_later(None, print), lambda: loop.call_at(None, print)):
    try:
        bad()
    except TypeError as e:
        print('TypeError', e)
try:
    loop.run_until_complete(42)
except TypeError as e:
    print('TypeError', e)

async def stops():
    loop.stop()
    await asyncio.sleep(1)
try:
    loop.run_until_complete(stops())
except RuntimeError as e:
    print('RuntimeError', e)

async def nested():
    loop.run_forever()
try:
    loop.run_until_complete(nested())
except RuntimeError as e:
    print('RuntimeError', e)

async def closes():
    loop.close()
try:
    loop.run_until_complete(closes())
except RuntimeError as e:
    print('RuntimeError', e)
loop.close()
loop.close()
print(loop.is_closed())
c = coro()
for call in (lambda: loop.call_soon(print), lambda: loop.run_forever(), lambda: loop.create_task(c)):
    try:
        call()
    except RuntimeError as e:
        print('RuntimeError', e)
c.close()
print(repr(loop))
