import asyncio
asyncio.run(simple_print('Hello'))
