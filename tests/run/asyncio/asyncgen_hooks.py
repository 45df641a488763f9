# sys.set_asyncgen_hooks / get_asyncgen_hooks, as the VM calls them.
import sys

calls = []
def firstiter(agen):
    calls.append(('firstiter', agen.__qualname__))
def finalizer(agen):
    calls.append(('finalizer', agen.__qualname__))

async def agen():
    try:
        yield 1
        yield 2
    finally:
        calls.append('finally')

print(sys.get_asyncgen_hooks())
sys.set_asyncgen_hooks(firstiter=firstiter, finalizer=finalizer)
hooks = sys.get_asyncgen_hooks()
print(hooks.firstiter is firstiter, hooks[1] is finalizer, len(hooks))
g = agen()
print(calls)
nxt = g.__anext__()
print(calls)
try:
    nxt.send(None)
except StopIteration as e:
    print('yielded', e.value)
del g, nxt
import gc
gc.collect()
print(calls)
sys.set_asyncgen_hooks(firstiter=None)
print(sys.get_asyncgen_hooks().firstiter, sys.get_asyncgen_hooks().finalizer is finalizer)
for bad in ({'firstiter': 1}, {'finalizer': 'x'}):
    try:
        sys.set_asyncgen_hooks(**bad)
    except TypeError as e:
        print('TypeError', e)
sys.set_asyncgen_hooks(None, None)
print(sys.get_asyncgen_hooks())
