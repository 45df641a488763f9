# Nested groups are indented one level more, each with its own traceback.
def inner():
    raise ExceptionGroup("inner", [KeyError("k"), OSError("o")])

def outer():
    try:
        inner()
    except ExceptionGroup as e:
        raise ExceptionGroup("outer", [e, ZeroDivisionError("z")])

try:
    outer()
except ExceptionGroup as e:
    saved = e
raise BaseExceptionGroup("top", [saved, KeyboardInterrupt()])
