coro = simple_print('Hello')
dir(coro)
aw = coro.__await__()
aw
dir(aw)
