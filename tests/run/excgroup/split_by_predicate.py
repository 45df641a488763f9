# A predicate (a Python function) sees groups as well as leaves; anything
# else that is not a class or a tuple of classes is refused.
nested = ExceptionGroup("o", [ValueError(1), ExceptionGroup("i", [TypeError(2), ValueError(3)]), KeyError(4)])
seen = []
def pred(e):
    seen.append(repr(e))
    return isinstance(e, ValueError)
print(nested.split(pred))
print(seen)
print(nested.split(lambda e: isinstance(e, ExceptionGroup) and e.message == "i"))
print(nested.split(lambda e: True)[0] is nested)
print(nested.subgroup(lambda e: False))
def boom(e):
    if isinstance(e, KeyError):
        raise RuntimeError("predicate failed")
    return False
try:
    nested.split(boom)
except RuntimeError as e:
    print("RuntimeError:", e)
class Callable:
    def __call__(self, e):
        return True
for bad in (1, int, (ValueError, int), [ValueError], len, print, Callable(), "ValueError"):
    try:
        nested.split(bad)
    except TypeError as e:
        print(type(bad).__name__, "->", e)
for call in (lambda: nested.split(), lambda: nested.subgroup(), lambda: nested.split(ValueError, TypeError),
             lambda: nested.derive(), lambda: nested.split(cond=ValueError)):
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)
