def f(a, a=[(yield) for x in z]):
    pass
