# Each except* clause takes the matching part of what is still unhandled;
# a naked exception is wrapped in ExceptionGroup('', (exc,)) for matching.
import sys

def run(exc, *types):
    seen = []
    try:
        try:
            raise exc
        except* types[0] as e:
            seen.append(("1", repr(e), sys.exception() is e))
        except* types[1] if len(types) > 1 else ZeroDivisionError as e:
            seen.append(("2", repr(e), sys.exception() is e))
    except BaseException as rest:
        seen.append(("rest", repr(rest)))
    print(seen)

eg = ExceptionGroup("eg", [ValueError(1), TypeError(2), ExceptionGroup("inner", [ValueError(3), OSError(4)])])
run(eg, ValueError)
run(eg, TypeError)
run(eg, (ValueError, OSError))
run(eg, ValueError, OSError)
run(eg, LookupError)
run(eg, Exception)
run(eg, ValueError, Exception)
run(ExceptionGroup("single", [ValueError(1)]), ValueError)
run(ExceptionGroup("outer", [ExceptionGroup("inner", [ValueError(1)])]), ValueError)
run(ValueError("naked"), ValueError)
run(ValueError("naked"), Exception)
run(ValueError("naked"), TypeError)
run(ValueError("naked"), TypeError, ValueError)
run(BaseExceptionGroup("base", [KeyboardInterrupt(), ValueError(1)]), ValueError)
run(BaseExceptionGroup("base", [KeyboardInterrupt(), ValueError(1)]), BaseException)
run(KeyboardInterrupt(), KeyboardInterrupt)

# A clause whose body completes consumes its part; the first match wins.
def first_match_wins():
    try:
        raise ExceptionGroup("eg", [ValueError(1), ValueError(2), TypeError(3)])
    except* ValueError as e:
        print("ValueError clause", repr(e))
    except* (ValueError, TypeError) as e:
        print("second clause", repr(e))
first_match_wins()

# The name is unbound after its clause, as with except.
def unbinds():
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* ValueError as e:
        pass
    try:
        e
    except NameError as err:
        print("NameError:", err)
unbinds()

# except* nested in except* and in loops.
for i in range(2):
    try:
        try:
            raise ExceptionGroup("outer", [ValueError(i), TypeError(i)])
        except* ValueError as v:
            try:
                raise ExceptionGroup("inner", [KeyError(i), OSError(i)])
            except* KeyError as k:
                print("inner caught", repr(k), "while handling", repr(v))
    except* OSError as o:
        print("outer caught", repr(o))
    except* TypeError as t:
        print("outer caught", repr(t))
