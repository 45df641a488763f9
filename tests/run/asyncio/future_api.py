# Future methods and their errors (3.11's C implementation's messages).
import asyncio

def show(fn):
    try:
        print('->', repr(fn()))
    except BaseException as e:
        print(type(e).__name__, e)

loop = asyncio.new_event_loop()
f = loop.create_future()
show(f.result)
show(f.exception)
show(lambda: f.set_exception(StopIteration))
show(lambda: f.set_exception(1))
f.set_result(1)
show(lambda: f.set_result(2))
show(lambda: f.set_exception(ValueError()))
show(f.result)
show(f.exception)
show(lambda: f.cancel())
show(lambda: f.get_loop() is loop)
g = loop.create_future()
g.add_done_callback(print)
show(lambda: g.remove_done_callback(print))
show(lambda: g.remove_done_callback(print))
g.cancel('why')
show(g.result)
show(g.exception)
show(g.cancelled)
h = loop.create_future()
h.set_exception(ValueError)
show(h.exception)
show(lambda: h._state)
try:
    h._log_traceback = True
except ValueError as e:
    print('ValueError', e)
show(lambda: asyncio.Future(loop=loop).get_loop() is loop)
u = asyncio.Future.__new__(asyncio.Future)
show(u.get_loop)
show(u.result)
it = f.__await__()
show(lambda: next(it))
show(lambda: next(it))
p = loop.create_future()
it = iter(p)
show(lambda: next(it) is p)
show(lambda: next(it))
loop.close()
