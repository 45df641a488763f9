"""asyncio.to_thread(): aiopy has no threads, so it raises an error naming
what is missing."""

__all__ = "to_thread",


async def to_thread(func, /, *args, **kwargs):
    """Run func in a separate thread: not available in aiopy."""
    raise NotImplementedError('asyncio.to_thread() is not supported by aiopy (no threads)')
