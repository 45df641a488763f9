# The TypeError for a group class in except* points at the clause, with
# the caught exception as its context.
def f():
    try:
        raise ValueError(1)
    except* (TypeError,
             ExceptionGroup) as e:
        pass
f()
