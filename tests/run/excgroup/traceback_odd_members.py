# Odd members of a group: a SyntaxError (the hook leaves its source line
# without margin), a failing __str__, a context cycle.
import traceback, sys
errs = []
try:
    compile("x = (1 +\n", "bad.py", "exec")
except SyntaxError as e:
    errs.append(e)
try:
    undefined_name_here
except NameError as e:
    errs.append(e)
class BadStr(Exception):
    def __str__(self): raise RuntimeError
errs.append(BadStr())
a = ValueError("a"); b = TypeError("b"); a.__context__ = b; b.__context__ = a
errs.append(a)
eg = ExceptionGroup("mixed", errs)
traceback.print_exception(eg, file=sys.stdout)
sys.stdout.flush()
raise eg
