# Exceptions raised in clauses join what is re-raised in a new
# ExceptionGroup('', ...); each has the clause's match as its context.
def show(f):
    try:
        f()
    except BaseException as e:
        print(repr(e))
        for sub in getattr(e, "exceptions", ()):
            print("  ", repr(sub), "context:", repr(sub.__context__), "cause:", repr(sub.__cause__))
        return e

def raise_one():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise KeyError("from ValueError clause")
e = show(raise_one)
print(repr(e.__context__), e.__cause__, e.__traceback__ is not None)

def raise_two():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise KeyError("k")
    except* TypeError:
        raise OSError("o")
show(raise_two)

def raise_all_handled_one():
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* ValueError as e:
        raise KeyError("only one, not wrapped") from e
e = show(raise_all_handled_one)
print(repr(e.__cause__), repr(e.__context__), e.__suppress_context__)

def raise_from_none():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise KeyError("k") from None
e = show(raise_from_none)
print(e.exceptions[0].__suppress_context__)

def raise_naked_caught():
    try:
        raise ValueError("naked")
    except* ValueError as e:
        raise TypeError("replaces it") from e
e = show(raise_naked_caught)
print(repr(e.__cause__))

def raise_group_in_clause():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise ExceptionGroup("new", [KeyError(3)])
show(raise_group_in_clause)

def raised_not_matched_by_later_clauses():
    try:
        try:
            raise ExceptionGroup("eg", [ValueError(1)])
        except* ValueError:
            raise TypeError("raised in a clause")
        except* TypeError:
            print("never: raised exceptions are not matched again")
    except TypeError as e:
        print("plain TypeError propagated:", repr(e))
raised_not_matched_by_later_clauses()
