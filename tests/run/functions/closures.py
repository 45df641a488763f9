# Closures, nonlocal, global, late binding, lambdas.
def counter():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    return inc
c = counter()
c()
print(c(), c())
fs = [lambda: i for i in [1, 2, 3]]
print([f() for f in fs])
fs = [lambda i=i: i for i in [1, 2, 3]]
print([f() for f in fs])
g = 1
def setg():
    global g
    g = 2
setg()
print(g)
def outer(x):
    def middle():
        def inner():
            return x
        return inner
    return middle()()
print(outer(7))
def unbound():
    print(v)
    v = 1
try:
    unbound()
except UnboundLocalError as e:
    print(e)
def free():
    def inner():
        return w
    inner_result = None
    try:
        inner_result = inner()
    except NameError as e:
        print(e)
    w = 1
    return inner()
print(free())
try:
    undefined_name
except NameError as e:
    print(e)
