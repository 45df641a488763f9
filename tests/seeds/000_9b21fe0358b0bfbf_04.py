loop = asyncio.new_event_loop()
loop.run_until_complete(simple_print('Hello'))
