# Inside a clause the match is the handled exception; the previous one is
# restored afterwards, also when the try-except* re-raises.
import sys

def clause_sees_match():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError as e:
        print("in ValueError clause:", repr(sys.exception()), sys.exc_info()[1] is e)
    except* TypeError:
        print("in TypeError clause:", repr(sys.exception()))
    print("after:", sys.exception())

clause_sees_match()
try:
    raise KeyError("outer")
except KeyError:
    clause_sees_match()
    print("outer restored:", repr(sys.exception()))
    try:
        try:
            raise ExceptionGroup("eg", [ValueError(1), OSError(2)])
        except* ValueError:
            pass
    except* OSError as e:
        print("rest caught:", repr(e), repr(sys.exception()))
    print("outer restored again:", repr(sys.exception()))
print("at the end:", sys.exception())
