# Deeply nested groups split fine until the recursion limit, then raise
# RecursionError.
def deep(n):
    e = TypeError(1)
    for i in range(n):
        e = ExceptionGroup("eg", [e])
    return e
m, r = deep(200).split(TypeError)
print(r, m.message)
depth = 0
while isinstance(m, ExceptionGroup):
    m = m.exceptions[0]
    depth += 1
print(depth, repr(m))
for method in ("split", "subgroup"):
    try:
        getattr(deep(3000), method)(TypeError)
    except RecursionError as e:
        print(method, "RecursionError:", e)
