-c
def f(a, a):\n    pass
