# aiopy-specific: top-level await; at the end of the session pending tasks are cancelled, as asyncio.run does
-q
-i
