# except* around asyncio.TaskGroup, whose failures come as one ExceptionGroup.
import asyncio
async def fail(n, exc):
    await asyncio.sleep(n / 100)
    raise exc
async def ok(n):
    await asyncio.sleep(n / 100)
    return n
async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail(1, ValueError("v")))
            tg.create_task(fail(2, TypeError("t")))
            tg.create_task(ok(3))
    except* ValueError as e:
        print("ValueErrors:", repr(e))
    except* TypeError as e:
        print("TypeErrors:", repr(e))
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail(1, KeyError("k")))
    except* KeyError as e:
        print("got", repr(e))
        raise RuntimeError("wrapped") from e
asyncio.run(main())
