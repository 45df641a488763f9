import inspect
def f(): pass
def g():
    yield 1
async def c(): pass
class K:
    def m(self): pass
    async def am(self): pass
print(inspect.isfunction(f), inspect.isfunction(len), inspect.isclass(K), inspect.isclass(K()))
print(inspect.ismethod(K().m), inspect.ismethod(K.m), inspect.isgeneratorfunction(g), inspect.isgeneratorfunction(f))
print(inspect.iscoroutinefunction(c), inspect.iscoroutinefunction(K().am), inspect.iscoroutinefunction(g))
gen = g()
print(inspect.isgenerator(gen), inspect.isgenerator(g), inspect.getgeneratorstate(gen))
next(gen)
print(inspect.getgeneratorstate(gen))
def watcher():
    yield inspect.getgeneratorstate(w)
w = watcher()
print(next(w))
for _ in gen: pass
print(inspect.getgeneratorstate(gen))
co = c()
print(inspect.iscoroutine(co), inspect.isawaitable(co), inspect.isawaitable(gen), inspect.getcoroutinestate(co))
co.close()
print(inspect.getcoroutinestate(co))
class Aw:
    def __await__(self):
        return iter([])
print(inspect.isawaitable(Aw()), inspect.isawaitable(3))
print(inspect.CORO_CREATED, inspect.CORO_RUNNING, inspect.CORO_SUSPENDED, inspect.CORO_CLOSED)
print(inspect.GEN_CREATED, inspect.GEN_RUNNING, inspect.GEN_SUSPENDED, inspect.GEN_CLOSED)
async def outer():
    print(inspect.getcoroutinestate(o))
    return 1
o = outer()
try:
    o.send(None)
except StopIteration:
    pass
print(inspect.getcoroutinestate(o))
