it = complex_work().__await__()
next(it)
next(it)
