for _ in simple_print('Hello').__await__():
    pass

