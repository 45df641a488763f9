import types, inspect
from collections.abc import AsyncGenerator, AsyncIterator, AsyncIterable, Awaitable
async def agen():
    yield 1
a = agen()
print(types.AsyncGeneratorType, type(a) is types.AsyncGeneratorType)
print(inspect.isasyncgen(a), inspect.isasyncgenfunction(agen), inspect.iscoroutinefunction(agen), inspect.isgeneratorfunction(agen))
print(isinstance(a, AsyncGenerator), isinstance(a, AsyncIterator), isinstance(a, AsyncIterable), isinstance(a, Awaitable))
print(issubclass(types.AsyncGeneratorType, AsyncGenerator))
nx = a.__anext__()
print(isinstance(nx, Awaitable), inspect.isawaitable(nx))
async def main():
    async for x in agen():
        print('got', x)
m = main()
try:
    m.send(None)
except StopIteration:
    print('finished')
