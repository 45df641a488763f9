# A first aiopy program: a coroutine driven by hand, no event loop needed.
async def greet(name):
    return f"Hello, {name}!"

coro = greet("aiopy")
try:
    coro.send(None)
except StopIteration as stop:
    print(stop.value)
