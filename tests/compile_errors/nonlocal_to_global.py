def f():
    global a
    def g():
        nonlocal a
