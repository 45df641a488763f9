# asyncio.Runner: several runs on one loop, get_loop, closing, errors.
import asyncio

async def value(x):
    await asyncio.sleep(0)
    return x

with asyncio.Runner() as runner:
    print(runner.run(value(1)), runner.run(value(2)))
    loop = runner.get_loop()
    print(loop.is_closed(), type(loop).__name__)
print(loop.is_closed())
c = value(3)
try:
    runner.run(c)
except RuntimeError as e:
    print('RuntimeError', e)
c.close()
try:
    asyncio.Runner().run(42)
except ValueError as e:
    print('ValueError', e)
r = asyncio.Runner(debug=True)
print(r.get_loop().get_debug())
r.close()
r.close()
print(asyncio.run(value('run')), asyncio.run(value('again')))

async def nested():
    inner = asyncio.Runner()
    c = value(0)
    try:
        inner.run(c)
    except RuntimeError as e:
        print('RuntimeError', e)
    c.close()
asyncio.run(nested())
