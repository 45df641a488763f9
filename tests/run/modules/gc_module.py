import gc
print(gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled())
class Node:
    pass
for i in range(100):
    a = Node()
    b = Node()
    a.other = b
    b.other = a
del a, b
n = gc.collect()
print(type(n).__name__, n >= 0, gc.collect() >= 0)
