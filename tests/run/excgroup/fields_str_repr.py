# message, exceptions (a tuple, read-only), args as passed, str and repr.
eg = ExceptionGroup("many", [ValueError(1), TypeError(2)])
print(eg.message, eg.exceptions, eg.args)
print(str(eg), "|", repr(eg))
one = BaseExceptionGroup("one", (KeyboardInterrupt(),))
print(str(one), "|", repr(one), type(one.exceptions).__name__)
print(str(ExceptionGroup("", [ValueError()])))
print(repr(ExceptionGroup("nested", [ExceptionGroup("in", [OSError("x")]), ValueError()])))
for action in ("set message", "set exceptions", "del message", "del exceptions"):
    try:
        if action == "set message":
            eg.message = "other"
        elif action == "set exceptions":
            eg.exceptions = ()
        elif action == "del message":
            del eg.message
        else:
            del eg.exceptions
    except AttributeError as e:
        print(action, "->", e)
eg.args = (1, 2)
print(repr(eg), str(eg), eg.message)
print(f"{eg!s} / {eg!r}")
