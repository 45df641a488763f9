def f():
    """Docstring that never ends.

    x = 1
    return x
