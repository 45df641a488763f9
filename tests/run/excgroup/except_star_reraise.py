# A bare raise (or `raise e` of the match) in a clause re-raises that part:
# re-raised parts keep their place in the original group's nesting.
def show(f):
    try:
        f()
    except BaseException as e:
        print(repr(e))
        return e

orig = None
def reraise_all():
    global orig
    try:
        orig = ExceptionGroup("eg", [ValueError(1), TypeError(2)])
        raise orig
    except* ValueError:
        raise
    except* TypeError:
        raise
e = show(reraise_all)
print(e is orig, e.__traceback__ is orig.__traceback__)

def reraise_some():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2), ExceptionGroup("in", [ValueError(3), KeyError(4)])])
    except* ValueError as e:
        raise e
    except* TypeError:
        pass
show(reraise_some)

def reraise_named_and_unnamed():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2), KeyError(3)])
    except* ValueError as e:
        raise e
    except* TypeError:
        raise
show(reraise_named_and_unnamed)

def reraise_naked():
    try:
        raise ValueError("naked")
    except* ValueError:
        raise
e = show(reraise_naked)
print(type(e.exceptions).__name__, e.__traceback__ is None)

def reraise_naked_named():
    try:
        raise ValueError("naked")
    except* ValueError as e:
        raise e
show(reraise_naked_named)

def partial_unhandled():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        pass
e = show(partial_unhandled)

def all_handled():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        pass
    except* TypeError:
        pass
    print("all handled")
show(all_handled)

def with_notes():
    try:
        g = ExceptionGroup("eg", [ValueError(1), TypeError(2)])
        g.add_note("note")
        raise g
    except* ValueError:
        raise
e = show(with_notes)
print(e.__notes__)
