def f():
    return [(await z) for x in await y]
