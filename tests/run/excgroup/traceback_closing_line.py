# A last sub-exception whose context is a group: the default hook draws the
# outer closing line again, the traceback module does not.
import traceback, sys
def make():
    try:
        raise ExceptionGroup("inner", [KeyError(1), KeyError(2)])
    except ExceptionGroup:
        try:
            raise ValueError("last, with a group as context")
        except ValueError as v:
            return ExceptionGroup("outer", [TypeError("first"), v])
g = make()
traceback.print_exception(g, file=sys.stdout)
sys.stdout.flush()
raise g
