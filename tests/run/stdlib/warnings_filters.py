# warnings filters: simplefilter / filterwarnings with each action (error,
# ignore, always, default, once, module), message and module patterns,
# category and lineno matching, append, resetwarnings, and the filter list.
import sys
import warnings

sys.stderr = sys.stdout

def warn(msg, cat=UserWarning):
    warnings.warn(msg, cat)

print(warnings.filters[:2], len(warnings.filters), warnings.defaultaction)
warnings.simplefilter("error")
try:
    warnings.warn("now an error")
except UserWarning as e:
    print("caught", type(e).__name__, e)
try:
    warnings.warn(RuntimeWarning("instance error"))
except RuntimeWarning as e:
    print("caught", type(e).__name__, e)
warnings.simplefilter("ignore", UserWarning)
warnings.warn("ignored")
try:
    warnings.warn("still error", RuntimeWarning)
except RuntimeWarning as e:
    print("caught", e)
warnings.resetwarnings()
print(warnings.filters)
warnings.simplefilter("always")
for i in range(2):
    warn("always shown")
warnings.resetwarnings()
warnings.simplefilter("once")
for i in range(2):
    warn("once only")
    warnings.warn("once only")
warn("once other")
warnings.resetwarnings()
warnings.simplefilter("module")
for i in range(2):
    warn("per module")
    warnings.warn("per module")
warnings.resetwarnings()
warnings.simplefilter("default")
for i in range(2):
    warn("default")
    warnings.warn("default")
warnings.resetwarnings()
warnings.filterwarnings("error", message="bad")
warnings.filterwarnings("ignore", message="skip")
warnings.filterwarnings("always")
warnings.warn("good message")
warnings.warn("SKIP me (case-insensitive)")
try:
    warnings.warn("bad thing")
except UserWarning as e:
    print("caught", e)
warnings.warn("not bad: the pattern matches at the start")
warnings.resetwarnings()
warnings.filterwarnings("error", module="__main__")
try:
    warnings.warn("module matched")
except UserWarning as e:
    print("caught", e)
warnings.resetwarnings()
warnings.filterwarnings("error", module="other")
warnings.warn("module not matched")
warnings.resetwarnings()
warnings.simplefilter("ignore")
warnings.simplefilter("error", lineno=74)
warnings.warn("line 72: no match, ignored")
try:
    warnings.warn("line 74: an error")
except UserWarning as e:
    print("caught", e)
warnings.resetwarnings()
warnings.simplefilter("ignore", DeprecationWarning)
warnings.simplefilter("error", Warning, append=True)
warnings.simplefilter("ignore", DeprecationWarning)
print([(a, c.__name__, l) for a, m, c, mod, l in warnings.filters])
warnings.warn("deprecated, ignored", DeprecationWarning)
try:
    warnings.warn("appended error", SyntaxWarning)
except SyntaxWarning as e:
    print("caught", e)
for bad in [("nonsense",), ("error", "msg", int), ("error", 5)]:
    try:
        warnings.filterwarnings(*bad)
    except AssertionError as e:
        print("AssertionError", e)
try:
    warnings.simplefilter("ignore", lineno=-1)
except AssertionError as e:
    print("AssertionError", e)
warnings.resetwarnings()
warnings.filters.append(("weird", None, Warning, None, 0))
try:
    warnings.warn("weird action")
except RuntimeError as e:
    print("RuntimeError", e)
