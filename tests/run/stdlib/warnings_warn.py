# warnings.warn: the stderr format (file:line: Category: message and the
# source line), categories, Warning instances, stacklevel, the default
# filters (DeprecationWarning shown in __main__ only), the once-per-location
# registry, and formatwarning/showwarning replaced.
import sys
import warnings

sys.stderr = sys.stdout   # the warnings show among the prints, in order

def f(n):
    warnings.warn("from f", stacklevel=n)

warnings.warn("plain")
warnings.warn("a user warning", UserWarning)
warnings.warn("runtime!", RuntimeWarning)
warnings.warn(FutureWarning("an instance"))
warnings.warn("deprecated here", DeprecationWarning)
warnings.warn("pending", PendingDeprecationWarning)
warnings.warn("import", ImportWarning)
warnings.warn("resource", ResourceWarning)
f(1)
f(2)
f(50)
for i in range(3):
    warnings.warn("in a loop")   # once: the location's registry
for i in range(2):
    f(2)
print(sorted(k for k in __warningregistry__ if k != 'version'))
try:
    warnings.warn("bad", int)
except TypeError as e:
    print('TypeError', e)
try:
    warnings.warn("bad", "notaclass")
except TypeError as e:
    print('TypeError', e)

def fmt(message, category, filename, lineno, line=None):
    return f"[{category.__name__}] {message} (line {lineno})\n"
warnings.formatwarning = fmt
warnings.warn("custom format")

def show(message, category, filename, lineno, file=None, line=None):
    print("SHOW:", category.__name__, message, lineno, file, line)
warnings.showwarning = show
warnings.warn("custom show")
warnings.warn_explicit("explicit", UserWarning, "somefile.py", 42)
warnings.warn_explicit("explicit mod", UserWarning, "other.py", 7, module="mymod", registry={})
warnings.showwarning = warnings._showwarning_orig
warnings.formatwarning = warnings._formatwarning_orig
print(warnings.formatwarning("msg", UserWarning, "f.py", 3, "  the line  "), end='')
print(warnings.formatwarning("msg", UserWarning, "f.py", 3), end='|\n')
m = warnings.WarningMessage("m", UserWarning, "f.py", 3)
print(m, m.message, m.category.__name__, m.file, m.line, m.source)
warnings.showwarning("shown", RuntimeWarning, "g.py", 9, sys.stdout, "code()")
