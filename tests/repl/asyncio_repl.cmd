# aiopy-specific: the asyncio REPL banner names aiopy
-m
asyncio
