# except* refuses group classes and non-exception classes at run time.
def attempt(raise_what, clause):
    try:
        try:
            raise raise_what
        except* clause:
            print("caught")
    except TypeError as e:
        print("TypeError:", e)

attempt(OSError("blah"), ExceptionGroup)
attempt(ExceptionGroup("eg", [ValueError(42)]), (TypeError, ExceptionGroup))
attempt(ValueError(), BaseExceptionGroup)
class MyEG(ExceptionGroup):
    pass
attempt(ValueError(), MyEG)
attempt(ValueError(), 42)
attempt(ValueError(), (ValueError, 42))
attempt(ValueError(), [ValueError])
attempt(ValueError(), "ValueError")
