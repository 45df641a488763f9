# traceback.format_exception() of a group: one string per line or entry,
# as traceback.py yields them; chain=False drops causes and contexts.
import traceback
def f():
    raise ValueError("v")
try:
    try:
        f()
    except ValueError as e:
        raise ExceptionGroup("eg", [e, TypeError("t\nsecond line")])
except ExceptionGroup as e:
    g = e
for line in traceback.format_exception(g):
    print(repr(line))
print("----")
for line in traceback.format_exception(g, chain=False):
    print(repr(line))
print("----")
print(traceback.format_exception_only(g))
print(traceback.format_exception(ExceptionGroup("no traceback", [KeyError()])))
