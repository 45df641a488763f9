# `del` of the last reference to a task that failed, its exception never
# retrieved, reports it at once (CPython: when the refcount hits zero), so
# the report comes before what the program prints next (on stderr too, so
# that the expected output pins the order).
import asyncio
import sys


async def fail():
    await asyncio.sleep(0)
    raise KeyError("x")


async def main():
    t = asyncio.create_task(fail())
    await asyncio.sleep(0.01)
    del t
    print("after del", file=sys.stderr)
    f = asyncio.get_running_loop().create_future()
    f.set_exception(ValueError("never looked at"))
    del f
    print("after future del", file=sys.stderr)
    kept = asyncio.create_task(fail())
    await asyncio.sleep(0.01)
    print("kept", kept.exception())


asyncio.run(main())
print("end")
