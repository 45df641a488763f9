#!/usr/bin/env python3
"""gen_source.py: write a large, deterministic source file of ordinary Python.

Usage: bench/gen_source.py SIZE OUT      (SIZE in bytes; suffixes k, M: 10M = 10,000,000)

The parse benchmark needs input that looks like real code, not one construct
repeated: the mix below has functions, async defs, classes, decorators,
comprehensions, f-strings, dicts, calls, try/except, lambdas and slices, in
proportions close to application code. Every unit gets fresh names, so no
two top-level definitions collide and the file also runs under python3.

Invariants: the output depends only on SIZE (a private LCG drives every
choice; random.Random is avoided because its algorithms may change between
Python versions), it is valid Python 3.11 inside aiopy's subset (no match,
no except*, no imaginary literals, no \\N{...}), it ends at a unit boundary,
and its size is SIZE rounded up to the end of the last unit.
"""
import sys

# Each template is one top-level unit; {i} is the unit number, {a}..{c} are
# small pseudo-random integers, {w} a word. Written with doubled braces
# where Python code itself needs braces.
TEMPLATES = [
    '''\
def compute_{i}(items, factor={a}, *, scale=1.5):
    """Return a weighted total of items."""
    total = 0
    for index, value in enumerate(items):
        if value % 2 == 0 and index > {b}:
            total += value * factor
        elif value < 0:
            total -= abs(value) // 3
        else:
            total += (value ** 2) >> 1
    return total * scale

''',
    '''\
async def fetch_{i}(session, url, retries={a}):
    for attempt in range(retries):
        try:
            response = await session.get(url, timeout=attempt + {c})
            data = await response.json()
            return {{"url": url, "status": response.status, "items": data["items"]}}
        except (ConnectionError, TimeoutError) as exc:
            log_{i} = f"attempt {{attempt}} for {{url!r}} failed: {{exc}}"
            await session.sleep(0.1 * attempt)
        finally:
            session.release()
    raise RuntimeError("gave up on " + url)

''',
    '''\
class Record{i}(Base):
    kind = "{w}"
    limits = {{"low": {a}, "high": {b}, "step": {c}}}

    def __init__(self, name, *values, **options):
        super().__init__(name)
        self.name = name
        self.values = [v for v in values if v is not None]
        self.options = dict(options, enabled=options.get("enabled", True))

    @property
    def size(self):
        return len(self.values)

    def __repr__(self):
        return f"Record{i}({{self.name!r}}, size={{self.size:>{c}d}})"

''',
    '''\
@cached(maxsize={a})
@trace(level="{w}")
def lookup_{i}(table, key, default=None):
    if key in table:
        return table[key]
    parts = key.split(".")
    node = table
    while parts and isinstance(node, dict):
        node = node.get(parts.pop(0), default)
    return node if node is not None else default

''',
    '''\
squares_{i} = [x * x for x in range({a}) if x % {c} != 1]
index_{i} = {{name: pos for pos, name in enumerate(("{w}", "alpha", "beta", "gamma"))}}
pairs_{i} = {{(x, y) for x in range({c}) for y in range(x) if (x + y) & 1}}
lengths_{i} = sum(len(s) for s in ["{w}", "delta", "epsilon"] if s)
nested_{i} = [[row[j] for row in ((1, 2, 3), (4, 5, 6))] for j in range(3)]

''',
    '''\
async def worker_{i}(queue, results, name="{w}"):
    async with queue.lock() as guard:
        async for job in queue.jobs(limit={a}):
            value = await job.run(guard, *job.args, **job.kwargs)
            results.append((name, job.id, value))
    return [r async for r in queue.drain() if r is not None]

''',
    '''\
def parse_line_{i}(line, sep=",", strip=True):
    fields = line.split(sep)
    if strip:
        fields = [f.strip() for f in fields]
    try:
        key, value = fields[0], int(fields[1], {base})
    except (IndexError, ValueError):
        return None
    else:
        extra = fields[2:] or ["-"]
    return key.lower(), value, tuple(extra[:{c}]), fields[::-1]

''',
    '''\
class Handler{i}:
    def __init__(self, registry):
        self.registry = registry
        self.count = 0

    async def __call__(self, request, /, *args, verbose=False, **kw):
        self.count += 1
        handler = self.registry.get(request.path, self.fallback)
        result = await handler(request, *args, **kw)
        if verbose:
            print(f"{{request.method:<6}} {{request.path}} -> {{result!s}} ({{self.count}})")
        return result

    async def fallback(self, request, *args, **kw):
        return {{"error": "not found", "path": request.path, "code": {b}}}

''',
    '''\
CONFIG_{i} = {{
    "name": "{w}",
    "version": ({a}, {b}, {c}),
    "flags": ["fast", "safe", "{w}"],
    "ratio": {a}.{c}5e-3,
    "mask": 0x{hexv:x},
    "path": r"C:\\data\\{w}\\n",
    "raw": b"\\x00\\x01{w}",
    "limits": {{"min": -{a}, "max": {b}_000}},
}}

''',
    '''\
def transform_{i}(rows, key=lambda r: r[0], reverse=False):
    ordered = sorted(rows, key=key, reverse=reverse)
    grouped = {{}}
    for row in ordered:
        grouped.setdefault(key(row), []).append(row)
    best = max(grouped.items(), key=lambda kv: (len(kv[1]), kv[0]), default=None)
    assert best is None or len(best[1]) >= 1, "empty group"
    return [(k, len(v)) for k, v in grouped.items()], best

''',
    '''\
def gen_values_{i}(limit={a}):
    n = 0
    while n < limit:
        if (step := n % {c}) == 0:
            yield n
        else:
            yield from range(step)
        n += 1
    return n

''',
    '''\
async def gather_{i}(loop, tasks, timeout={b}.0):
    pending = [loop.create_task(t) for t in tasks]
    done = []
    try:
        while pending:
            finished = await loop.wait(pending, timeout=timeout)
            done.extend(task.result() for task in finished if not task.cancelled())
            pending = [t for t in pending if t not in finished]
    except Exception as error:
        for task in pending:
            task.cancel()
        raise ValueError(f"gather_{i} failed after {{len(done)}} results") from error
    return done

''',
]

WORDS = ["spam", "eggs", "ham", "toast", "queue", "event", "socket", "buffer",
         "stream", "token", "parser", "scheduler", "widget", "record", "cache"]

HEADER = '''\
# Generated by bench/gen_source.py: ordinary code for the parse benchmark.
import asyncio
import functools


def cached(maxsize=None):
    return functools.lru_cache(maxsize=maxsize)


def trace(level="info"):
    def wrap(fn):
        return fn
    return wrap


class Base:
    def __init__(self, name):
        self.base_name = name


'''


class Lcg:
    """A 64-bit linear congruential generator (Knuth's MMIX constants)."""

    def __init__(self, seed):
        self.state = seed

    def next(self, bound):
        self.state = (self.state * 6364136223846793005 + 1442695040888963407) % 2**64
        return (self.state >> 33) % bound


def parse_size(text):
    mult = {"k": 10**3, "K": 10**3, "M": 10**6, "G": 10**9}.get(text[-1:], 1)
    return int(float(text[:-1] if mult != 1 else text) * mult)


def generate(size):
    rng = Lcg(20240611)
    parts = [HEADER]
    total = len(HEADER.encode())
    i = 0
    while total < size:
        tmpl = TEMPLATES[rng.next(len(TEMPLATES))]
        unit = tmpl.format(i=i, a=rng.next(50) + 2, b=rng.next(900) + 10,
                           c=rng.next(7) + 2, w=WORDS[rng.next(len(WORDS))],
                           base=(10, 16, 8)[rng.next(3)], hexv=rng.next(1 << 24))
        parts.append(unit)
        total += len(unit.encode())
        i += 1
    return "".join(parts)


def main(argv):
    if len(argv) != 3:
        sys.stderr.write("usage: gen_source.py SIZE OUT   (e.g. 10M)\n")
        return 2
    text = generate(parse_size(argv[1]))
    with open(argv[2], "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
