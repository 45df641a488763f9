# An uncaught group: the default hook draws it with its sub-exceptions'
# own tracebacks, and the exit status is 1.
def fail(n):
    raise ValueError(f"bad value {n}")

def collect():
    errors = []
    for n in range(3):
        try:
            fail(n)
        except ValueError as e:
            errors.append(e)
    errors.append(TypeError("never raised"))
    raise ExceptionGroup("several failures", errors)

print("before")
collect()
