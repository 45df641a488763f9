# Tracebacks: a re-raised group keeps its own; a new group made from raised
# parts starts at the caller of the frame (CPython's RERAISE adds none).
import traceback, sys
def inner():
    raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
def reraising():
    try:
        inner()
    except* ValueError:
        raise
def raising():
    try:
        inner()
    except* ValueError:
        raise KeyError("k")
for f in (reraising, raising):
    try:
        f()
    except ExceptionGroup as e:
        traceback.print_exception(e, file=sys.stdout)
sys.stdout.flush()
raising()
