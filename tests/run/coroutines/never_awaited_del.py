# del of the last reference to a coroutine that never ran warns at once.
import gc
async def f():
    pass
def g():
    c = f()
    print("before del")
    del c
    print("after del")
g()
x = f()
print("module before del")
del x
print("module after del")
class K:
    y = f()
    del y
    print("class body after del")
