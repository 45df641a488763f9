# __name__ and __qualname__ of generators, coroutines and async generators
# can be set (to strs only) and show in the repr; deleting them is refused.
def gen():
    yield


async def coro():
    pass


async def agen():
    yield


for obj in (gen(), coro(), agen()):
    print(obj.__name__, obj.__qualname__)
    obj.__name__ = "renamed"
    obj.__qualname__ = "Outer.renamed"
    print(obj.__name__, obj.__qualname__, repr(obj).split(" at ")[0])
    for attr in ("__name__", "__qualname__"):
        for action in (lambda: setattr(obj, attr, 3), lambda: delattr(obj, attr)):
            try:
                action()
            except TypeError as e:
                print("TypeError:", e)
    if hasattr(obj, "close"):
        obj.close()
