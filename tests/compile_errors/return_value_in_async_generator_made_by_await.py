def f():
    return 2
    await x
    yield 1
