  import asyncio
