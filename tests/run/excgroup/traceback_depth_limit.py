# Groups nested deeper than 10 levels are elided.
import traceback, sys
def nest(depth):
    e = ValueError("leaf")
    for i in range(depth):
        e = ExceptionGroup(f"level {depth - i}", [e, KeyError(i)])
    return e
traceback.print_exception(nest(12), file=sys.stdout)
raise nest(11)
