def f(a):
    for x in a:
        try:
            pass
        except* ValueError:
            try:
                break
            finally:
                x = 1
