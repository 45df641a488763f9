# At most 15 sub-exceptions are drawn; the rest are counted.
import traceback, sys
for n in (15, 16, 20):
    eg = ExceptionGroup(f"{n} errors", [ValueError(i) for i in range(n)])
    traceback.print_exception(eg, file=sys.stdout)
raise ExceptionGroup("twenty", [TypeError(i) for i in range(20)])
