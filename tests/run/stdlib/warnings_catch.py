# warnings.catch_warnings: record=True gives WarningMessage objects, the
# filters and showwarning are restored on exit, action= applies a filter,
# and nesting, re-entry errors and repr.
import sys
import warnings

sys.stderr = sys.stdout

with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    warnings.warn("first")
    warnings.warn("second", RuntimeWarning)
    warnings.warn(DeprecationWarning("third"))
print(len(w))
for m in w:
    print(type(m).__name__, m.category.__name__, str(m.message), type(m.message).__name__,
          m.filename.endswith('warnings_catch.py'), m.lineno, m.line, m.file, m.source)
print(str(w[0]).replace(w[0].filename, 'FILE'))
print(len(warnings.filters))
with warnings.catch_warnings():
    warnings.simplefilter("error")
    try:
        warnings.warn("error inside")
    except UserWarning as e:
        print("caught", e)
warnings.warn("outside: shown with the default filters")
with warnings.catch_warnings(action="ignore"):
    warnings.warn("ignored by action=")
with warnings.catch_warnings(record=True, action="always", category=RuntimeWarning) as w:
    warnings.warn("rt", RuntimeWarning)
    warnings.warn("rt", RuntimeWarning)
    warnings.warn("user")
    warnings.warn("user")
print([(str(m.message), m.category.__name__) for m in w])
with warnings.catch_warnings(record=True) as outer:
    warnings.simplefilter("always")
    warnings.warn("outer")
    with warnings.catch_warnings(record=True) as inner:
        warnings.simplefilter("always")
        warnings.warn("inner")
    warnings.warn("outer again")
print([str(m.message) for m in outer], [str(m.message) for m in inner])
cw = warnings.catch_warnings(record=True)
print(repr(cw), repr(warnings.catch_warnings()))
with cw:
    try:
        cw.__enter__()
    except RuntimeError as e:
        print("RuntimeError", e)
try:
    warnings.catch_warnings().__exit__(None, None, None)
except RuntimeError as e:
    print("RuntimeError", e)
saved = warnings.showwarning
with warnings.catch_warnings(record=True):
    print(warnings.showwarning is warnings._showwarning_orig)
print(warnings.showwarning is saved)

def noisy():
    warnings.warn("from noisy", UserWarning, stacklevel=2)
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    noisy()
print(w[0].lineno, w[0].message)
