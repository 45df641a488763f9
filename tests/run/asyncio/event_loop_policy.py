# get_event_loop / set_event_loop / new_event_loop / get_running_loop rules.
import asyncio

try:
    asyncio.get_running_loop()
except RuntimeError as e:
    print('RuntimeError', e)
loop = asyncio.get_event_loop()
print(loop is asyncio.get_event_loop(), loop.is_running())
new = asyncio.new_event_loop()
print(new is not loop)
asyncio.set_event_loop(new)
print(asyncio.get_event_loop() is new)

async def main():
    print(asyncio.get_running_loop() is new, asyncio.get_event_loop() is new)
new.run_until_complete(main())
asyncio.set_event_loop(None)
try:
    asyncio.get_event_loop()
except RuntimeError as e:
    print('RuntimeError', e)
try:
    asyncio.set_event_loop(42)
except TypeError as e:
    print('TypeError', e)
policy = asyncio.get_event_loop_policy()
print(type(policy).__name__, isinstance(policy, asyncio.AbstractEventLoopPolicy))
print(type(new).__name__, isinstance(new, asyncio.AbstractEventLoop), isinstance(new, asyncio.SelectorEventLoop))
asyncio.run(main2()) if False else None
new.close()
loop.close()

async def main2():
    return asyncio.get_running_loop()
l1 = asyncio.run(main2())
print(l1.is_closed())
try:
    asyncio.get_event_loop()
except RuntimeError as e:
    print('RuntimeError', e)
