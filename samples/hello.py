# A first aiopy program: two tasks on asyncio's event loop.
import asyncio


async def greet(name, delay):
    await asyncio.sleep(delay)
    print(f"Hello, {name}!")
    return name


async def main():
    names = await asyncio.gather(greet("world", 0.2), greet("aiopy", 0.1))
    print("greeted", ", ".join(names))


asyncio.run(main())
