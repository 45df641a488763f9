# A def's annotations: evaluated in the enclosing scope after the defaults,
# recorded in __annotations__ in CPython 3.11's order, names mangled.
order = []
def note(x):
    order.append(x)
    return x

def f(a: note('a'), /, b: note('b') = note('default b'), *c: note('c'),
      d: note('d') = note('default d'), **e: note('e')) -> note('return'):
    pass
print(f.__annotations__)
print(order)

class C:
    def m(self, __x: int) -> str: pass
    def n(self) -> 'C': pass
print(C.m.__annotations__, C.n.__annotations__)

def outer():
    T = list
    def inner(a: T, b: 'T') -> T:
        return a
    return inner
print(outer().__annotations__)

async def coro(x: int) -> None: pass
print(coro.__annotations__)

def plain(a, b=1): pass
print(plain.__annotations__)
plain.__annotations__['a'] = int
print(plain.__annotations__)
f.__annotations__ = {'z': 1}
print(f.__annotations__)
print((lambda x: x).__annotations__)
