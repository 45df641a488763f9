# A coroutine is not an iterator: next() refuses it (it must not run it),
# with or without a default, and the coroutine is still unstarted after.
async def work():
    print("ran")
    return 1


co = work()
for call in (lambda: next(co), lambda: next(co, "default")):
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)
print(co.cr_frame is not None, co.cr_suspended, co.cr_running)
try:
    co.send(None)
except StopIteration as e:
    print("send still works:", e.value)
