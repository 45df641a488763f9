# aiopy-specific: top-level await at the plain prompt (CPython 3.11 has it only in python -m asyncio)
-q
-i
