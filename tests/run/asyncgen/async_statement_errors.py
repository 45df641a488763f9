# Errors from async with / async for machinery, with CPython's traceback.
class CM:
    async def __aenter__(self):
        raise ValueError("enter")
    async def __aexit__(self, *a):
        pass
async def f():
    async with CM() as c:
        pass
def run(c):
    try:
        while True: c.send(None)
    except StopIteration: pass
try:
    run(f())
except ValueError:
    import sys
    print("ok")
async def g():
    async with 1:
        pass
async def h():
    async for x in 5:
        pass
try:
    run(h())
except TypeError as e:
    print(e)
run(g())
