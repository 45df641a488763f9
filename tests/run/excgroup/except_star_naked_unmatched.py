# A naked exception no clause matches propagates as itself, unwrapped.
def f():
    try:
        raise KeyError("naked")
    except* ValueError:
        print("not here")
try:
    f()
except KeyError as e:
    print("caught", repr(e), type(e).__name__)
f()
