def f(a):
    if a:
        for i in a:
            if i:
                return i
    return None


class A:
    pass
