def f(a):
    for x in a:
        try:
            pass
        except* ValueError:
            with a:
                continue
