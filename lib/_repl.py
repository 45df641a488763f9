"""The REPL's event loop: a statement typed at the prompt that awaits runs
as a task on one loop kept for the whole session (src/vm/interactive.c
calls run()). The loop runs while such a statement runs and while the
prompt waits for input (wait_for_input(), called by src/repl), never while
an ordinary statement runs, so asyncio.run() and loop.run_until_complete()
typed at the prompt work as at CPython's prompt.
"""
import asyncio

_loop = None


def run(coro):
    global _loop
    if _loop is None or _loop.is_closed():
        _loop = asyncio.new_event_loop()
    return _loop.run_until_complete(coro)


def run_in_loop(func):
    """Calls func() inside the loop (`aiopy -m asyncio` runs every statement
    so, as CPython's asyncio REPL does: get_running_loop() answers)."""
    async def body():
        return func()
    return run(body())


def wait_for_input(fd):
    """While the prompt waits for a line, the session loop runs: tasks made
    at earlier prompts go on, timers fire and servers answer. Returns once
    fd is readable (a key, a line, or the end of the input); a Ctrl-C comes
    out as KeyboardInterrupt. Without a session loop nothing runs."""
    loop = _loop
    if loop is None or loop.is_closed() or loop.is_running():
        return
    ready = loop.create_future()

    def readable():
        if not ready.done():
            ready.set_result(None)

    loop.add_reader(fd, readable)
    try:
        loop.run_until_complete(ready)
    finally:
        loop.remove_reader(fd)


def close():
    """At the end of the session the loop ends as asyncio.run() ends its
    own: tasks still pending are cancelled (their finally blocks run), then
    async generators are closed, then the loop."""
    global _loop
    loop, _loop = _loop, None
    if loop is None or loop.is_closed():
        return
    try:
        pending = [t for t in asyncio.all_tasks(loop) if not t.done()]
        for t in pending:
            t.cancel()
        if pending:
            loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
        loop.run_until_complete(loop.shutdown_asyncgens())
    finally:
        loop.close()


# Tab completion at the terminal prompt (src/repl/lineread.c asks).
_KEYWORDS = ('False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await',
             'break', 'class', 'continue', 'def', 'del', 'elif', 'else',
             'except', 'finally', 'for', 'from', 'global', 'if', 'import',
             'in', 'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise',
             'return', 'try', 'while', 'with', 'yield')


def _is_dotted_name(text):
    return all(part.isidentifier() for part in text.split('.'))


def complete(word):
    """The completions of word: a keyword, a name of __main__ or of the
    builtins, or `obj.attr` where obj is a dotted name. Attribute names come
    from dir() alone, so no property or __getattr__ runs; names starting
    with "_" are offered only once "_" is typed."""
    import sys
    import builtins
    namespace = sys.modules['__main__'].__dict__
    if '.' in word:
        expr, _, attr = word.rpartition('.')
        if not _is_dotted_name(expr):
            return []
        try:
            obj = eval(expr, namespace)
        except BaseException:
            return []
        try:
            names = dir(obj)
        except BaseException:
            return []
        return sorted(expr + '.' + n for n in set(names)
                      if n.startswith(attr) and (attr.startswith('_') or not n.startswith('_')))
    found = set(k for k in _KEYWORDS if k.startswith(word))
    for names in (namespace, dir(builtins)):
        for n in names:
            if isinstance(n, str) and n.startswith(word) and (word.startswith('_') or not n.startswith('_')):
                found.add(n)
    return sorted(found)
