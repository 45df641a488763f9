# An async generator left by `break` is closed at once when nothing else
# holds it (its finally runs before the next statement), as with CPython's
# reference counting; one still referenced stays suspended.
import gc


async def agen(tag):
    try:
        yield 1
        yield 2
    finally:
        print("agen finally", tag)


async def main():
    async for x in agen("dropped"):
        print("got", x)
        break
    print("after break")
    kept = agen("kept")
    async for x in kept:
        print("got", x)
        break
    print("after second break", kept.ag_frame is not None)
    await kept.aclose()
    print("after aclose")


c = main()
try:
    c.send(None)
except StopIteration:
    pass
gc.collect()
print("end")
