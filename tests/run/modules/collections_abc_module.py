import collections.abc
from collections.abc import (Iterable, Iterator, Generator, Awaitable, Coroutine, AsyncIterable,
                             AsyncIterator, AsyncGenerator, Hashable, Sized, Container, Callable)
import collections
print(collections.abc.Iterable is Iterable)
for t in [list, dict, str, tuple, set, int, object, type(len)]:
    print(t.__name__, [a.__name__ for a in (Hashable, Iterable, Iterator, Sized, Container, Callable, Awaitable)
                       if issubclass(t, a)])
def gen():
    yield 1
async def coro(): pass
g = gen()
co = coro()
print(isinstance(g, Iterator), isinstance(g, Generator), isinstance(g, Awaitable), isinstance(g, Coroutine))
print(isinstance(co, Awaitable), isinstance(co, Coroutine), isinstance(co, Iterable), isinstance(co, Generator))
co.close()
class It:
    def __iter__(self): return self
    def __next__(self): raise StopIteration
class NoNext(It):
    __next__ = None
class OnlyIter:
    def __iter__(self): return iter([])
print(isinstance(It(), Iterator), isinstance(NoNext(), Iterator), isinstance(NoNext(), Iterable))
print(isinstance(OnlyIter(), Iterator), isinstance(OnlyIter(), Iterable), issubclass(It, (Sized, Iterator)))
class Aw:
    def __await__(self): return iter([])
class Cor(Aw):
    def send(self, v): pass
    def throw(self, *a): pass
    def close(self): pass
class CorNoClose(Cor):
    close = None
print(isinstance(Aw(), Awaitable), isinstance(Aw(), Coroutine), isinstance(Cor(), Coroutine), isinstance(CorNoClose(), Coroutine))
class AI:
    def __aiter__(self): return self
    async def __anext__(self): raise StopAsyncIteration
print(isinstance(AI(), AsyncIterable), isinstance(AI(), AsyncIterator), isinstance(AI(), AsyncGenerator))
class Unhashable:
    __hash__ = None
print(isinstance(Unhashable(), Hashable), isinstance(It(), Hashable), isinstance(len, Callable), isinstance(It, Callable))
class Count(Iterator):
    def __init__(self, n):
        self.n = n
    def __next__(self):
        if self.n == 0:
            raise StopIteration
        self.n -= 1
        return self.n
print(list(Count(3)), isinstance(Count(1), Iterable), isinstance(It(), Count), issubclass(Count, Iterator))
class Half(Awaitable):
    pass
class Two(AsyncIterator):
    pass
class Gen3(Generator):
    pass
for cls in (Half, Two, Gen3, Iterable):
    try:
        cls()
    except TypeError as e:
        print(e)
class Full(Awaitable):
    def __await__(self):
        return iter([])
print(type(Full()).__name__, isinstance(Full(), Awaitable))
print(isinstance(3, (Iterable, int)), isinstance([], (Sized, Iterator)))
try:
    issubclass(3, Iterable)
except TypeError as e:
    print(e)
class Later:
    pass
print(isinstance(Later(), Sized))
Sized.register(Later)
print(isinstance(Later(), Sized), issubclass(Later, Sized), isinstance(Later(), Container))
class Sub(Later):
    pass
print(issubclass(Sub, Sized))
try:
    Sized.register(3)
except TypeError as e:
    print(e)
