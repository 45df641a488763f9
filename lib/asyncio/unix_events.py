"""Selector event loop for Unix with signal handling."""

__all__ = (
    'SelectorEventLoop',
    'DefaultEventLoopPolicy',
)

from asyncio import events
from asyncio import selector_events


class _UnixSelectorEventLoop(selector_events.BaseSelectorEventLoop):
    """Unix event loop.

    Adds signal handling to SelectorEventLoop.
    """


class _UnixDefaultEventLoopPolicy(events.BaseDefaultEventLoopPolicy):
    """UNIX event loop policy"""
    _loop_factory = _UnixSelectorEventLoop


SelectorEventLoop = _UnixSelectorEventLoop
DefaultEventLoopPolicy = _UnixDefaultEventLoopPolicy
