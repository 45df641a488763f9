for _ in complex_work().__await__():
    pass

