async def foo():
    pass

print(type(foo))
coro = foo()
print(type(coro))
print(dir(coro))
