# else runs when nothing was raised; finally always runs, and a return in
# finally (outside the clauses) is allowed.
def f(exc):
    log = []
    try:
        try:
            if exc:
                raise exc
            log.append("body")
        except* ValueError:
            log.append("ValueError clause")
        else:
            log.append("else")
        finally:
            log.append("finally")
    except BaseException as e:
        log.append("propagated " + repr(e))
    return log

print(f(None))
print(f(ValueError(1)))
print(f(ExceptionGroup("eg", [ValueError(1), TypeError(2)])))
print(f(TypeError(3)))

def returns_from_finally():
    try:
        raise ExceptionGroup("eg", [TypeError(1)])
    except* ValueError:
        pass
    finally:
        return "finally swallowed it"
print(returns_from_finally())

def raise_in_else():
    try:
        pass
    except* ValueError:
        pass
    else:
        raise KeyError("from else")
try:
    raise_in_else()
except KeyError as e:
    print("KeyError:", e)

def loops_and_defs_in_clauses():
    out = []
    for i in range(3):
        try:
            raise ExceptionGroup("eg", [ValueError(i)])
        except* ValueError:
            for j in range(5):
                if j == 2:
                    break
                out.append((i, j))
            def inner():
                return "a nested function may return"
            out.append(inner())
        else:
            continue
        finally:
            if i == 2:
                break
    return out
print(loops_and_defs_in_clauses())
