# Causes and contexts of sub-exceptions are drawn inside the group's box.
def with_cause():
    try:
        {}["missing"]
    except KeyError as e:
        raise RuntimeError("lookup failed") from e

def with_context():
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("while dividing")

errors = []
for f in (with_cause, with_context):
    try:
        f()
    except Exception as e:
        errors.append(e)
try:
    raise OSError("the group's own cause")
except OSError as cause:
    group = ExceptionGroup("chained", errors)
    group.__cause__ = cause
raise group
