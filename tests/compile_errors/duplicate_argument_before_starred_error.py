x = *a
def f(a, a):
    pass
