# throw() at the suspension point, close() semantics, delegation of throw/close.
def g():
    try:
        yield 1
        yield 2
    except ValueError as e:
        print("caught in gen:", e)
        yield "recovered"
    finally:
        print("gen finally")
it = g()
print(next(it))
print(it.throw(ValueError("boom")))
try:
    next(it)
except StopIteration:
    print("exhausted")
def ignore_exit():
    try:
        yield 1
    except GeneratorExit:
        yield 2
x = ignore_exit()
next(x)
try:
    x.close()
except RuntimeError as e:
    print(e)
def inner():
    try:
        yield "a"
        yield "b"
    except KeyError:
        print("inner caught")
        yield "c"
    return "inner-ret"
def outer():
    r = yield from inner()
    print("outer got", r)
    yield "d"
o = outer()
print(next(o), o.throw(KeyError("k")), next(o))
o2 = outer()
next(o2)
o2.close()
print("closed", o2.gi_suspended if hasattr(o2, "gi_suspended") else None)
def bad():
    yield 1
    raise StopIteration("oops")
try:
    list(bad())
except RuntimeError as e:
    print(e, type(e.__cause__).__name__)
def running():
    yield me.send(None)
me = running()
try:
    next(me)
except ValueError as e:
    print(e)
def fresh():
    yield 1
f = fresh()
try:
    f.throw(TypeError("t"))
except TypeError as e:
    print("thrown into fresh:", e)
print(next(f, "finished"))
