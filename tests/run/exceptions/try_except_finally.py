# try/except/else/finally flow, re-raise, exception attributes.
def f(x):
    try:
        if x == 0:
            raise ValueError("zero")
        r = 10 // x
    except ValueError as e:
        print("value error:", e, e.args)
        return "handled"
    except (ZeroDivisionError, TypeError):
        print("arith")
    else:
        print("else", r)
        return r
    finally:
        print("finally", x)
print(f(0))
print(f(5))
try:
    f("a")
except TypeError as e:
    print("type error:", e)
def loop():
    for i in [1, 2, 3]:
        try:
            if i == 2:
                continue
            if i == 3:
                break
        finally:
            print("cleanup", i)
    return "done"
print(loop())
def ret_in_finally():
    try:
        return 1
    finally:
        print("runs before return")
print(ret_in_finally())
try:
    try:
        raise KeyError("k")
    except KeyError:
        raise
except KeyError as e:
    print("re-raised", repr(e))
try:
    raise RuntimeError
except RuntimeError as e:
    print(type(e).__name__, e.args)
class MyError(Exception):
    pass
try:
    raise MyError("custom", 1)
except Exception as e:
    print(type(e).__name__, e, e.args, isinstance(e, MyError))
e = None
try:
    raise ValueError
except ValueError as e:
    pass
try:
    print(e)
except NameError as err:
    print(err)
