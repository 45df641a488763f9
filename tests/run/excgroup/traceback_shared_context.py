# Two sub-exceptions with the same context: it is drawn once, under the
# first in the default hook and under the last in the traceback module.
import traceback, sys
errors = []
try:
    raise OSError("shared")
except OSError:
    for i in range(2):
        try:
            raise ValueError(i)
        except ValueError as e:
            errors.append(e)
eg = ExceptionGroup("siblings", errors)
traceback.print_exception(eg, file=sys.stdout)
sys.stdout.flush()
try:
    raise ZeroDivisionError("also the group's context")
except ZeroDivisionError:
    raise eg
