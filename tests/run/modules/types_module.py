import types
def f(): pass
def g():
    yield 1
async def c():
    return 1
class K:
    def m(self): pass
print(types.FunctionType, types.GeneratorType, types.CoroutineType, types.MethodType)
print(types.BuiltinFunctionType, types.ModuleType, types.LambdaType is types.FunctionType)
print(isinstance(f, types.FunctionType), isinstance(g(), types.GeneratorType), isinstance(K().m, types.MethodType))
co = c()
print(isinstance(co, types.CoroutineType), type(co) is types.CoroutineType)
co.close()
print(isinstance(len, types.BuiltinFunctionType), isinstance(types, types.ModuleType))
ns = types.SimpleNamespace(a=1, b='x')
ns.c = [2]
print(ns, ns.a, ns.c, ns == types.SimpleNamespace(a=1, b='x', c=[2]))

@types.coroutine
def sleep0():
    yield
print(sleep0.__code__.co_flags & 0x100 != 0, types.coroutine(c) is c)

async def main():
    await sleep0()
    return 'done'
m = main()
try:
    m.send(None)
    m.send(None)
except StopIteration as e:
    print('result', e.value)
try:
    types.coroutine(5)
except TypeError as e:
    print(e)
def plain():
    return 42
w = types.coroutine(plain)
print(w(), w.__name__, w.__wrapped__ is plain)
