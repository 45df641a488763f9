# The traceback module: print_exc / format_exc / print_exception /
# format_exception / format_exception_only / print_tb / format_tb, with
# chains, carets, explicit (type, value, tb), no exception, and what aiopy
# leaves out raising NotImplementedError.
import sys
import traceback

foo_baz = 1

def lookup():
    return foo_bar      # NameError: the module gives no "Did you mean"

def divide(a, b):
    return a / b

def outer():
    return divide(1, 0)

try:
    lookup()
except NameError:
    traceback.print_exc()
    traceback.print_exc(file=sys.stdout)
    print(traceback.format_exc().splitlines())

try:
    outer()
except ZeroDivisionError as e:
    parts = traceback.format_exception(e)
    print(len(parts))
    for p in parts:
        print(repr(p))
    print(traceback.format_exception(type(e), e, e.__traceback__) == parts)
    print(traceback.format_exception(type(e), e, None))
    print(traceback.format_exception_only(e))
    print(traceback.format_exception_only(type(e), e))
    print(traceback.format_tb(e.__traceback__))
    traceback.print_tb(e.__traceback__, file=sys.stdout)

# Chains: cause, context, suppressed context, chain=False.
def chained(how):
    try:
        {}["k"]
    except KeyError as k:
        if how == "cause":
            raise ValueError("with cause") from k
        if how == "none":
            raise ValueError("suppressed") from None
        raise ValueError("with context")

for how in ("cause", "context", "none"):
    try:
        chained(how)
    except ValueError as e:
        traceback.print_exception(e, file=sys.stdout)
        print("--")
        print("".join(traceback.format_exception(e, chain=False)), end="")
        print("==")

# A class of this module, an exception with no message, a multi-line message.
class AppError(Exception):
    pass

try:
    raise AppError
except AppError as e:
    print(traceback.format_exception_only(e))
try:
    raise AppError("line one\nline two")
except AppError:
    print(traceback.format_exc(), end="")

# No exception being handled.
print(repr(traceback.format_exc()))
traceback.print_exc(file=sys.stdout)
print(traceback.format_exception(None))
print(traceback.format_exception_only(None))
print(traceback.format_tb(None))

# Recursion: repeated entries are folded.
def down(n):
    if n == 0:
        raise RuntimeError("bottom")
    down(n - 1)

try:
    down(10)
except RuntimeError:
    out = traceback.format_exc()
    print(out)

# Argument errors.
for args in [(ValueError("v"), ValueError("v")), (42,)]:
    try:
        traceback.format_exception(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

# Inside an except block, the exception being handled is the one printed,
# and it keeps being handled afterwards.
try:
    raise KeyError("inner")
except KeyError:
    s = traceback.format_exc()
    print(s.splitlines()[-1], sys.exc_info()[0].__name__)
