#!/usr/bin/env python3
"""gen.py: a seeded generator of random, valid Python 3.11 programs for
differential testing of aiopy against CPython (tests/difftest/run.py runs them).

    tests/difftest/gen.py SEED          print the program of that seed

The same seed always gives the same program (only random.Random(seed) is
used, never set order or hashing). The programs exercise what aiopy exists
for: generators and `yield from` chains, coroutines and `__await__` iterators
driven by hand (next/send/throw/close at random points, a small round-robin
driver) and by asyncio (tasks, gather, cancellation, wait_for, timeouts,
shield, queues, events), async generators with `async for` / `async with`,
with `try`/`except`/`finally`/`with` around the suspension points and
exceptions crossing levels; plain core code (ints, str, list, dict, deque,
comprehensions, classes) is the glue. Each program prints a trace of what
happens: values sent and received, exceptions as `type(e).__name__, e.args`.

What keeps the programs comparable:
* they terminate quickly: loops are `for` over small ranges, calls only go to
  functions defined earlier (no recursion), awaits only wait on things that
  are sure to finish (sleeps, tasks of the same program, timeouts);
* they are deterministic: nothing prints addresses, hashes, times or sets;
  delays are small and meant for virtual time (aiopy -X virtual_time, and
  tests/difftest/cpython/sitecustomize.py for CPython, which keeps
  deadlines on aiopy's microsecond grid: sums equal on paper, 0.01 + 0.015
  and 0.025, tie and run in creation order);
* they stay clear of aiopy's documented differences: every generator,
  coroutine or async generator driven by hand is closed explicitly before it
  is dropped, async generators are closed by `aclose()` in a `finally`, so
  no output depends on when the garbage collector finalises an object.
Only builtins, asyncio and collections.deque are used.
"""
import random
import sys

EXC_NAMES = ['ValueError', 'KeyError', 'E1', 'E2', 'E3', 'RuntimeError', 'ValueError', 'E1',
             'TypeError', 'IndexError', 'ZeroDivisionError', 'LookupError', 'StopIteration']
CATCH_SETS = ['E1', '(E1, ValueError)', 'ValueError', 'KeyError', 'LookupError',
              'Exception', '(TypeError, ZeroDivisionError)', 'E2', 'ArithmeticError',
              'RuntimeError', 'StopIteration']

PRELUDE = '''\
import asyncio
from collections import deque


class E1(Exception):
    pass


class E2(E1):
    pass


class E3(Exception):
    def __init__(self, a, b=0):
        super().__init__(a, b)
        self.a = a


class CM:
    def __init__(self, tag, sup=False):
        self.tag = tag
        self.sup = sup

    def __enter__(self):
        print('enter', self.tag)
        return self.tag

    def __exit__(self, t, v, tb):
        print('exit', self.tag, t.__name__ if t else None, v.args if v is not None else None)
        return self.sup


class ACM:
    def __init__(self, tag, sup=False, n=1):
        self.tag = tag
        self.sup = sup
        self.n = n

    async def __aenter__(self):
        print('aenter', self.tag)
        for _ in range(self.n):
            await asyncio.sleep(0)
        return self.tag

    async def __aexit__(self, t, v, tb):
        print('aexit', self.tag, t.__name__ if t else None, v.args if v is not None else None)
        await asyncio.sleep(0)
        return self.sup


class AwV:
    # An awaitable for hand-driven coroutines: yields the given values.
    def __init__(self, *vals):
        self.vals = vals

    def __await__(self):
        n = 0
        for v in self.vals:
            got = yield v
            print('AwV got', got)
            n += 1
        return n


class AwN:
    # Yields None k times (a bare yield): fine under asyncio and by hand.
    def __init__(self, k, ret=None):
        self.k = k
        self.ret = ret

    def __await__(self):
        try:
            for i in range(self.k):
                got = yield
                if got is not None:
                    print('AwN got', got)
        finally:
            print('AwN done', self.k)
        return self.ret


class AwC:
    def __init__(self, co):
        self.co = co

    def __await__(self):
        return self.co.__await__()


class Box:
    def __init__(self, n, k=1):
        self.n = n
        self.k = k

    def __iter__(self):
        for i in range(self.n):
            yield i * self.k


class AIter:
    # A class-based async iterator.
    def __init__(self, n):
        self.i = 0
        self.n = n

    def __aiter__(self):
        return self

    async def __anext__(self):
        await asyncio.sleep(0)
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        return self.i * 10


def run_aw(aw, tag='run_aw'):
    # Drives an awaitable by hand to its end; returns its result.
    it = aw.__await__()
    for n in range(60):
        try:
            v = it.send(None)
        except StopIteration as e:
            return e.value
        if v is not None:
            print(tag, 'yielded', v)
    it.close()
    return 'too long'


def rr(*coros):
    # A tiny round-robin scheduler: sends each coroutine the step number.
    q = deque((i, c) for i, c in enumerate(coros))
    step = 0
    while q and step < 80:
        i, c = q.popleft()
        try:
            v = c.send(None if step < len(coros) else step)
        except StopIteration as e:
            print('rr done', i, e.value)
            continue
        except BaseException as e:
            print('rr err', i, type(e).__name__, e.args)
            continue
        print('rr', i, v)
        q.append((i, c))
        step += 1
    for i, c in q:
        c.close()
'''


class Ctx:
    """Where a statement is generated: the kind of function, what it may
    await, which variables are surely bound, the enclosing loops/handlers."""

    def __init__(self, kind, tag, mode='both'):
        self.kind = kind      # 'gen', 'coro', 'agen', 'sync', 'main'
        self.tag = tag        # printed in the trace lines
        self.mode = mode      # coro/agen: 'hand', 'both' or 'loop'
        self.ints = []
        self.strs = []
        self.lists = []
        self.dicts = []
        self.loops = 0
        self.exc = None       # name of the caught exception in an except body
        self.in_finally = False
        self.tasks_ok = kind == 'main' or mode == 'loop'

    def child(self):
        c = Ctx.__new__(Ctx)
        c.__dict__.update(self.__dict__)
        c.ints = list(self.ints)
        c.strs = list(self.strs)
        c.lists = list(self.lists)
        c.dicts = list(self.dicts)
        return c

    @property
    def is_async(self):
        return self.kind in ('coro', 'agen', 'main')

    @property
    def can_yield(self):
        return self.kind in ('gen', 'agen')


class Gen:
    def __init__(self, seed):
        self.r = random.Random(seed)
        self.seed = seed
        self.gens = []     # (name, nparams)
        self.coros = []    # (name, nparams, mode)
        self.agens = []    # (name, nparams, mode)
        self.nvar = 0
        self.ntag = 0

    # ---- helpers ----
    def chance(self, p):
        return self.r.random() < p

    def pick(self, seq):
        return seq[self.r.randrange(len(seq))]

    def var(self, prefix='v'):
        self.nvar += 1
        return '%s%d' % (prefix, self.nvar)

    def newtag(self, base):
        self.ntag += 1
        return '%s.%d' % (base, self.ntag)

    # ---- expressions ----
    def iexpr(self, ctx, depth=0):
        r = self.r.random()
        if depth >= 2 or r < 0.3:
            if ctx.ints and self.chance(0.7):
                return self.pick(ctx.ints)
            return str(self.r.randrange(-3, 10))
        if r < 0.55:
            op = self.pick(['+', '-', '+', '*', '%', '//'])
            a = self.iexpr(ctx, depth + 1)
            if op == '*':
                b = str(self.r.randrange(2, 5))
            elif op in ('%', '//'):
                b = str(self.r.randrange(2, 7)) if self.chance(0.9) else self.iexpr(ctx, depth + 1)
            else:
                b = self.iexpr(ctx, depth + 1)
            return '(%s %s %s)' % (a, op, b)
        if r < 0.62 and ctx.strs:
            return 'len(%s)' % self.pick(ctx.strs)
        if r < 0.68 and ctx.lists:
            return self.pick(['len(%s)', 'sum(%s)']) % self.pick(ctx.lists)
        if r < 0.74:
            return '%s(%s, %s)' % (self.pick(['min', 'max']), self.iexpr(ctx, depth + 1),
                                   self.iexpr(ctx, depth + 1))
        if r < 0.8:
            return '(%s if %s else %s)' % (self.iexpr(ctx, depth + 1), self.cond(ctx),
                                           self.iexpr(ctx, depth + 1))
        if r < 0.85:
            return 'sum(x * %d for x in range(%d))' % (self.r.randrange(1, 4), self.r.randrange(0, 5))
        if r < 0.9 and ctx.dicts:
            return "%s.get(%r, %d)" % (self.pick(ctx.dicts), self.pick('abc'), self.r.randrange(5))
        if r < 0.94:
            return 'abs(%s)' % self.iexpr(ctx, depth + 1)
        return str(self.r.randrange(0, 20))

    def cond(self, ctx):
        a = self.iexpr(ctx, 1)
        r = self.r.random()
        if r < 0.7:
            return '%s %s %d' % (a, self.pick(['<', '>', '==', '!=', '<=', '>=']), self.r.randrange(-1, 6))
        if r < 0.85:
            return '%s %% 2 == %d' % (a, self.r.randrange(2))
        if ctx.lists:
            return '%s in %s' % (a, self.pick(ctx.lists))
        return 'not %s' % a

    def value(self, ctx):
        """Something to yield, send or return: ints mostly, also str/tuple/None."""
        r = self.r.random()
        if r < 0.6:
            return self.iexpr(ctx)
        if r < 0.72:
            return repr(self.pick(['a', 'bc', 'x', '']))
        if r < 0.8 and ctx.strs:
            return self.pick(ctx.strs)
        if r < 0.88:
            return '(%s, %s)' % (self.iexpr(ctx, 1), self.iexpr(ctx, 1))
        if r < 0.94 and ctx.lists:
            return 'list(%s)' % self.pick(ctx.lists)
        return 'None'

    def exc_expr(self, ctx):
        name = self.pick(EXC_NAMES)
        tag = repr(self.newtag(ctx.tag))
        if name == 'E3':
            return 'E3(%s, %s)' % (tag, self.iexpr(ctx, 1))
        if name == 'KeyError':
            return 'KeyError(%s)' % tag
        if self.chance(0.2):
            return '%s()' % name
        return '%s(%s, %s)' % (name, tag, self.iexpr(ctx, 1))

    def args_for(self, ctx, n):
        return ', '.join(self.iexpr(ctx, 1) for _ in range(n))

    def callee_gen(self, ctx):
        if not self.gens:
            return None
        name, n = self.pick(self.gens)
        return '%s(%s)' % (name, self.args_for(ctx, n))

    def callee_coro(self, ctx, modes):
        cands = [(n, k) for n, k, m in self.coros if m in modes]
        if not cands:
            return None
        name, n = self.pick(cands)
        return '%s(%s)' % (name, self.args_for(ctx, n))

    def callee_agen(self, ctx, modes):
        cands = [(n, k) for n, k, m in self.agens if m in modes]
        if not cands:
            return None
        name, n = self.pick(cands)
        return '%s(%s)' % (name, self.args_for(ctx, n))

    def await_modes(self, ctx):
        if ctx.kind == 'main':
            return ('both', 'loop')
        if ctx.mode == 'hand':
            return ('both', 'hand')
        if ctx.mode == 'loop':
            return ('both', 'loop')
        return ('both',)

    def pr(self, ctx, *parts):
        return 'print(%s)' % ', '.join([repr(ctx.tag)] + list(parts))

    # ---- statements ----
    def block(self, ctx, budget, minimum=1):
        """A list of (indent, text) lines: at least `minimum` statements."""
        out = []
        n = self.r.randrange(minimum, max(minimum, 2) + max(0, budget // 2) + 1)
        for _ in range(n):
            out += self.stmt(ctx, budget - 1)
            if budget <= 0:
                break
        if not out:
            out = [(0, 'pass')]
        return out

    def stmt(self, ctx, budget):
        glue = 2 if ctx.kind == 'main' else 6
        choices = [(self.st_glue, glue), (self.st_print, 1)]
        if budget > 0:
            choices += [(self.st_if, 2), (self.st_for, 2), (self.st_try, 4), (self.st_with, 1.5)]
        if ctx.can_yield:
            choices += [(self.st_yield, 7)]
        if ctx.kind == 'gen':
            choices += [(self.st_yield_from, 4)]
        if ctx.is_async:
            choices += [(self.st_await, 7)]
            if budget > 0:
                choices += [(self.st_async_with, 1.5), (self.st_async_for, 2)]
        if ctx.tasks_ok and budget > 0:
            m = 2 if ctx.kind == 'main' else 1
            choices += [(self.st_tasks, 4 * m), (self.st_gather, 2.5 * m), (self.st_timeout, 2.5 * m),
                        (self.st_wait_for, 2 * m), (self.st_misc_loop, 2 * m)]
        if ctx.kind in ('sync',) and budget > 0:
            choices += [(self.st_drive, 6), (self.st_consume, 3)]
        if ctx.kind in ('gen', 'coro', 'sync') and budget > 0:
            choices += [(self.st_consume, 1.5)]
        choices += [(self.st_raise, 1.2)]
        if ctx.loops:
            choices += [(self.st_break, 0.8)]
        if ctx.exc and self.chance(0.5):
            choices += [(self.st_reraise, 1)]
        if ctx.kind in ('gen', 'coro') and self.chance(0.3):
            choices += [(self.st_return, 1)]
        total = sum(w for _, w in choices)
        x = self.r.random() * total
        for fn, w in choices:
            x -= w
            if x < 0:
                return fn(ctx, budget)
        return choices[0][0](ctx, budget)

    def st_print(self, ctx, budget):
        return [(0, self.pr(ctx, self.value(ctx)))]

    def st_glue(self, ctx, budget):
        r = self.r.random()
        if r < 0.3 or not (ctx.ints or ctx.strs or ctx.lists):
            v = self.var()
            line = '%s = %s' % (v, self.iexpr(ctx))
            ctx.ints.append(v)
            return [(0, line)]
        if r < 0.4 and ctx.ints:
            v = self.pick(ctx.ints)
            return [(0, '%s = (%s %s %s) %% 1000' % (v, v, self.pick(['+', '*', '-']), self.iexpr(ctx, 1)))]
        if r < 0.5:
            s = self.var('s')
            src = self.r.random()
            if src < 0.3 and ctx.ints:
                e = 'f"{%s}-{%s}"' % (self.pick(ctx.ints), self.iexpr(ctx, 1))
            elif src < 0.5 and ctx.strs:
                t = self.pick(ctx.strs)
                e = self.pick(['%s.upper()', '%s[::-1]', "%s.replace('a', 'xy')", "(%s + 'q') * 2",
                               "'-'.join(%s)", '%s[1:3]', 'str(len(%s))']) % t
            elif src < 0.65 and ctx.lists:
                e = "','.join(str(x) for x in %s)" % self.pick(ctx.lists)
            else:
                e = repr(self.pick(['ab', 'hello', 'x', 'a b c', '']))
            ctx.strs.append(s)
            return [(0, '%s = %s' % (s, e))]
        if r < 0.62:
            L = self.var('L')
            src = self.r.random()
            if src < 0.3:
                e = '[%s]' % ', '.join(self.iexpr(ctx, 1) for _ in range(self.r.randrange(0, 4)))
            elif src < 0.5:
                e = '[x * %d for x in range(%d) if x %% %d]' % (self.r.randrange(1, 4), self.r.randrange(6), self.r.randrange(2, 4))
            elif src < 0.65 and ctx.strs:
                e = '[len(w) for w in %s.split()]' % self.pick(ctx.strs)
            elif src < 0.8 and ctx.lists:
                e = self.pick(['sorted(%s, reverse=True)', '%s[1:]', '%s + [7]', 'list(deque(%s, maxlen=2))',
                               '[y - 1 for y in %s]']) % self.pick(ctx.lists)
            elif src < 0.9 and self.gens:
                # what a generator yields may be of any type: printed, not kept
                return [(0, self.pr(ctx, 'list(%s)' % self.callee_gen(ctx)))]
            else:
                e = 'list(Box(%d, %d))' % (self.r.randrange(4), self.r.randrange(1, 4))
            ctx.lists.append(L)
            return [(0, '%s = %s' % (L, e))]
        if r < 0.72 and ctx.lists:
            L = self.pick(ctx.lists)
            op = self.pick(['%s.append(%s)' % (L, self.iexpr(ctx, 1)), '%s.sort()' % L,
                            '%s.insert(0, %s)' % (L, self.iexpr(ctx, 1)),
                            'print(%r, %s.pop())' % (ctx.tag, L), '%s.reverse()' % L,
                            'print(%r, %s[%d])' % (ctx.tag, L, self.r.randrange(-2, 3)),
                            '%s.extend(Box(%d))' % (L, self.r.randrange(3))])
            return [(0, op)]
        if r < 0.82:
            if ctx.dicts and self.chance(0.6):
                d = self.pick(ctx.dicts)
                op = self.pick(["%s[%r] = %s" % (d, self.pick('abc'), self.iexpr(ctx, 1)),
                                "print(%r, %s[%r])" % (ctx.tag, d, self.pick('abcd')),
                                "print(%r, sorted(%s.items()))" % (ctx.tag, d),
                                "%s.pop(%r, None)" % (d, self.pick('abc')),
                                "print(%r, list(%s))" % (ctx.tag, d)])
                return [(0, op)]
            d = self.var('d')
            if self.chance(0.5):
                e = '{%s}' % ', '.join('%r: %s' % (k, self.iexpr(ctx, 1)) for k in 'abc'[:self.r.randrange(4)])
            else:
                e = "{k: i * %d for i, k in enumerate('abc')}" % self.r.randrange(1, 4)
            ctx.dicts.append(d)
            return [(0, '%s = %s' % (d, e))]
        if r < 0.9:
            # a class with state, made and used at once
            k = self.var('K')
            v = self.var()
            lines = [(0, 'class %s:' % k),
                     (1, 'def __init__(self, n):'), (2, 'self.n = n'),
                     (1, 'def get(self):'), (2, 'return self.n * %d' % self.r.randrange(1, 4)),
                     (1, 'def __repr__(self):'), (2, "return f'%s({self.n})'" % k),
                     (0, '%s = %s(%s).get()' % (v, k, self.iexpr(ctx, 1))),
                     (0, self.pr(ctx, '%s(%s)' % (k, self.iexpr(ctx, 1)), v))]
            ctx.ints.append(v)
            return lines
        # an operation that may fail, with the message printed
        e = self.var('e')
        return [(0, 'try:'), (1, self.pr(ctx, self.pick(["int('%s')" % self.pick(['12', 'x', ' 3 ', '-4']),
                                              '[1, 2][%d]' % self.r.randrange(-3, 3),
                                              "{'a': 1}[%r]" % self.pick('ab'),
                                              '%d // %s' % (self.r.randrange(1, 9), self.iexpr(ctx, 1)),
                                              'divmod(%s, %d)' % (self.iexpr(ctx, 1), self.r.randrange(1, 5)),
                                              "'%%s-%%d' %% (%s, %s)" % (self.value(ctx), self.iexpr(ctx, 1))]))),
                (0, 'except Exception as %s:' % e),
                (1, self.pr(ctx, 'type(%s).__name__' % e, '%s.args' % e))]

    def st_if(self, ctx, budget):
        lines = [(0, 'if %s:' % self.cond(ctx))] + indent(self.block(ctx.child(), budget - 1))
        if self.chance(0.3):
            lines += [(0, 'elif %s:' % self.cond(ctx))] + indent(self.block(ctx.child(), budget - 1))
        if self.chance(0.5):
            lines += [(0, 'else:')] + indent(self.block(ctx.child(), budget - 1))
        return lines

    def st_for(self, ctx, budget):
        c = ctx.child()
        c.loops += 1
        i = self.var('i')
        c.ints.append(i)
        r = self.r.random()
        if r < 0.5:
            it = 'range(%d)' % self.r.randrange(0, 4)
        elif r < 0.65 and ctx.lists:
            it = 'list(%s)' % self.pick(ctx.lists)
        elif r < 0.8 and self.gens and ctx.kind != 'agen':
            it = self.callee_gen(ctx)
        elif r < 0.9:
            it = 'Box(%d, %d)' % (self.r.randrange(4), self.r.randrange(1, 3))
        else:
            it = '(x %% 5 for x in range(%d))' % self.r.randrange(4)
        if it.startswith('g') and self.chance(0.5):
            # Leaving the loop early drops a generator that is still
            # suspended: bind it and close it, so that no output depends on
            # when it is collected.
            gv = self.var('it')
            body = self.block(c, budget - 1)
            lines = [(0, '%s = %s' % (gv, it)), (0, 'try:'), (1, 'for %s in %s:' % (i, gv))]
            lines += indent(body, 2)
            lines += [(0, 'finally:'), (1, 'try:'), (2, '%s.close()' % gv), (1, 'finally:'), (2, 'del %s' % gv)]
            return lines
        lines = [(0, 'for %s in %s:' % (i, it))] + indent(self.block(c, budget - 1))
        if self.chance(0.2):
            lines += [(0, 'else:'), (1, self.pr(ctx, repr('for-else')))]
        return lines

    def catch_body(self, ctx, budget, evar):
        c = ctx.child()
        c.exc = evar
        lines = [(0, self.pr(ctx, repr('caught'), 'type(%s).__name__' % evar, '%s.args' % evar))]
        if self.chance(0.2):
            lines.append((0, self.pr(ctx, repr('context'), 'type(%s.__context__).__name__' % evar)))
        if self.chance(0.6):
            lines += self.block(c, budget - 1, minimum=0)
        return lines

    def st_try(self, ctx, budget):
        lines = [(0, 'try:')] + indent(self.block(ctx.child(), budget - 1))
        nexc = self.pick([0, 1, 1, 1, 2])
        fin = nexc == 0 or self.chance(0.35)
        for _ in range(nexc):
            evar = self.var('e')
            catch = self.pick(CATCH_SETS)
            if ctx.kind in ('coro', 'main', 'agen') and self.chance(0.12):
                catch = 'asyncio.CancelledError'
            if self.chance(0.1):
                catch = 'BaseException'
            lines += [(0, 'except %s as %s:' % (catch, evar))] + indent(self.catch_body(ctx, budget, evar))
        if nexc and self.chance(0.25):
            lines += [(0, 'else:')] + indent(self.block(ctx.child(), budget - 1))
        if fin:
            c = ctx.child()
            c.in_finally = True
            body = [(0, self.pr(ctx, repr('finally')))]
            if self.chance(0.5):
                body += self.block(c, budget - 1, minimum=0)
            lines += [(0, 'finally:')] + indent(body)
        return lines

    def st_with(self, ctx, budget):
        name = self.var('w')
        c = ctx.child()
        c.strs.append(name)
        sup = 'True' if self.chance(0.3) else 'False'
        return [(0, 'with CM(%r, %s) as %s:' % (self.newtag(ctx.tag), sup, name))] + indent(self.block(c, budget - 1))

    def st_async_with(self, ctx, budget):
        name = self.var('w')
        c = ctx.child()
        c.strs.append(name)
        sup = 'True' if self.chance(0.3) else 'False'
        return [(0, 'async with ACM(%r, %s, %d) as %s:' % (self.newtag(ctx.tag), sup, self.r.randrange(3), name))] + \
            indent(self.block(c, budget - 1))

    def st_async_for(self, ctx, budget):
        c = ctx.child()
        c.loops += 1
        i = self.var('i')
        c.ints.append(i)
        ag = self.callee_agen(ctx, self.await_modes(ctx)) if self.chance(0.75) else None
        if ag is None:
            return [(0, 'async for %s in AIter(%d):' % (i, self.r.randrange(4)))] + indent(self.block(c, budget - 1))
        if self.chance(0.25):
            # an async comprehension: bound, and closed in a finally (the
            # comprehension's frame holds it as a local, see README)
            v = self.var('L')
            av = self.var('ag')
            return [(0, '%s = %s' % (av, ag)), (0, 'try:'),
                    (1, '%s = [x async for x in %s]' % (v, av)), (1, self.pr(ctx, v)),
                    (0, 'finally:'), (1, 'try:'), (2, 'await %s.aclose()' % av), (1, 'finally:'), (2, 'del %s' % av)]
        av = self.var('ag')
        lines = [(0, '%s = %s' % (av, ag)), (0, 'try:'), (1, 'async for %s in %s:' % (i, av))]
        lines += indent(self.block(c, budget - 1), 2)
        lines += [(0, 'finally:'), (1, 'try:'), (2, 'await %s.aclose()' % av), (1, 'finally:'), (2, 'del %s' % av)]
        return lines

    def st_yield(self, ctx, budget):
        if self.chance(0.5):
            v = self.var('x')
            lines = [(0, '%s = yield %s' % (v, self.value(ctx))), (0, self.pr(ctx, repr('got'), v))]
            return lines
        return [(0, 'yield %s' % self.value(ctx))]

    def st_yield_from(self, ctx, budget):
        r = self.r.random()
        g = self.callee_gen(ctx)
        if g and r < 0.7:
            v = self.var('r')
            return [(0, '%s = yield from %s' % (v, g)), (0, self.pr(ctx, repr('yf'), v))]
        src = self.pick(['[%s, %s]' % (self.value(ctx), self.value(ctx)), 'range(%d)' % self.r.randrange(3),
                         'Box(%d)' % self.r.randrange(3), "'ab'"])
        return [(0, 'yield from %s' % src)]

    def st_await(self, ctx, budget):
        modes = self.await_modes(ctx)
        r = self.r.random()
        v = self.var('r')
        if r < 0.35:
            c = self.callee_coro(ctx, modes)
            if c:
                return [(0, '%s = await %s' % (v, c)), (0, self.pr(ctx, repr('await'), v))]
        if r < 0.5 and ctx.mode == 'hand':
            vals = ', '.join(self.value(ctx) for _ in range(self.r.randrange(0, 3)))
            return [(0, '%s = await AwV(%s)' % (v, vals)), (0, self.pr(ctx, repr('awv'), v))]
        if r < 0.65:
            return [(0, '%s = await AwN(%d, %s)' % (v, self.r.randrange(3), self.value(ctx))),
                    (0, self.pr(ctx, repr('awn'), v))]
        if r < 0.8 and (ctx.kind == 'main' or ctx.mode == 'loop'):
            d = self.pick(['0.01', '0.02', '0.005', '0.03', '0.1'])
            if self.chance(0.3):
                return [(0, '%s = await asyncio.sleep(%s, %s)' % (v, d, self.value(ctx))),
                        (0, self.pr(ctx, repr('slept'), v))]
            return [(0, 'await asyncio.sleep(%s)' % d)]
        if r < 0.87:
            return [(0, 'await asyncio.sleep(0)')]
        c = self.callee_coro(ctx, modes)
        if c and self.chance(0.5):
            # a class whose __await__ hands out a coroutine's own iterator
            return [(0, '%s = await AwC(%s)' % (v, c)), (0, self.pr(ctx, repr('awc'), v))]
        return [(0, 'await asyncio.sleep(0)')]

    def st_raise(self, ctx, budget):
        r = self.r.random()
        if r < 0.5:
            return [(0, 'if %s:' % self.cond(ctx)), (1, 'raise %s' % self.exc_expr(ctx))]
        if r < 0.6:
            return [(0, 'raise %s from %s' % (self.exc_expr(ctx), self.pick(['None', self.exc_expr(ctx)])))]
        if r < 0.75:
            return [(0, 'assert %s, %r' % (self.cond(ctx), self.newtag(ctx.tag)))]
        return [(0, 'raise %s' % self.exc_expr(ctx))]

    def st_reraise(self, ctx, budget):
        if self.chance(0.5):
            return [(0, 'raise')]
        return [(0, 'raise %s' % self.exc_expr(ctx))]

    def st_break(self, ctx, budget):
        return [(0, 'if %s:' % self.cond(ctx)), (1, self.pick(['break', 'continue']))]

    def st_return(self, ctx, budget):
        return [(0, 'if %s:' % self.cond(ctx)), (1, 'return %s' % self.value(ctx))]

    # ---- driving by hand ----
    def op_lines(self, ctx, obj, kind, k):
        """One step of driving `obj` by hand, printing what happens."""
        r = self.r.random()
        if self.chance(0.08):
            # its state, as the introspection attributes tell it
            attrs = {'gen': ('gi_running', 'gi_suspended', 'gi_frame is None', 'gi_yieldfrom is None'),
                     'coro': ('cr_running', 'cr_suspended', 'cr_frame is None', 'cr_await is None'),
                     'agen': ('ag_running', 'ag_frame is None', 'ag_await is None')}[kind]
            return [(0, 'try: print(%r, %d, %s)' % (ctx.tag, k, ', '.join('%s.%s' % (obj, a) for a in attrs))),
                    (0, 'except AttributeError as e: print(%r, %d, e.args)' % (ctx.tag, k))]
        if kind == 'gen':
            if r < 0.35:
                call = 'next(%s)' % obj
            elif r < 0.65:
                call = '%s.send(%s)' % (obj, self.value(ctx))
            elif r < 0.9:
                e = self.exc_expr(ctx)
                if self.chance(0.15):
                    e = self.pick(['GeneratorExit', 'StopIteration(7)', 'ValueError', 'E1'])
                call = '%s.throw(%s)' % (obj, e)
            else:
                call = '%s.close()' % obj
        elif kind == 'coro':
            if r < 0.6:
                call = '%s.send(%s)' % (obj, 'None' if self.chance(0.7) else self.value(ctx))
            elif r < 0.9:
                call = '%s.throw(%s)' % (obj, self.exc_expr(ctx))
            else:
                call = '%s.close()' % obj
        else:  # agen, by hand through run_aw
            if r < 0.4:
                call = 'run_aw(%s.__anext__())' % obj
            elif r < 0.65:
                call = 'run_aw(%s.asend(%s))' % (obj, self.value(ctx))
            elif r < 0.9:
                call = 'run_aw(%s.athrow(%s))' % (obj, self.exc_expr(ctx))
            else:
                call = 'run_aw(%s.aclose())' % obj
        return [(0, 'try: print(%r, %d, %s)' % (ctx.tag, k, call)),
                (0, 'except StopIteration as e: print(%r, %d, %r, e.args)' % (ctx.tag, k, 'stop')),
                (0, 'except BaseException as e: print(%r, %d, type(e).__name__, e.args)' % (ctx.tag, k))]

    def st_drive(self, ctx, budget):
        r = self.r.random()
        obj = self.var('o')
        if r < 0.4 and self.gens:
            target, kind = self.callee_gen(ctx), 'gen'
        elif r < 0.7 and self.coros:
            # Not the loop-only ones: asyncio used outside a running loop
            # leaves tasks on the default loop, found only at exit.
            target = self.callee_coro(ctx, ('hand', 'both'))
            if target is None:
                return []
            kind = 'coro'
            if self.chance(0.25):
                # the coroutine's __await__ iterator (a coroutine_wrapper)
                obj_it = self.var('o')
                lines = [(0, '%s = %s' % (obj, target)), (0, '%s = %s.__await__()' % (obj_it, obj))]
                for k in range(self.r.randrange(1, 6)):
                    lines += self.op_lines(ctx, obj_it, 'gen' if self.chance(0.3) else 'coro', k)
                lines += [(0, 'for _ in range(8):'),
                          (1, 'try:'), (2, '%s.close()' % obj_it), (2, 'break'),
                          (1, 'except BaseException as e: print(%r, %r, type(e).__name__, e.args)' % (ctx.tag, 'close')),
                          (0, 'del %s, %s' % (obj_it, obj))]
                return lines
        elif r < 0.85 and self.agens:
            target = self.callee_agen(ctx, ('hand', 'both'))
            kind = 'agen'
        elif self.coros and r < 0.95:
            # several coroutines through the round-robin driver
            cs = [self.callee_coro(ctx, ('hand', 'both')) for _ in range(self.r.randrange(1, 4))]
            cs = [c for c in cs if c]
            if cs:
                return [(0, 'rr(%s)' % ', '.join(cs))]
            return []
        else:
            v = self.var('r')
            c = self.callee_coro(ctx, ('hand', 'both'))
            if not c:
                return []
            return [(0, 'try: print(%r, run_aw(%s))' % (ctx.tag, c)),
                    (0, 'except BaseException as e: print(%r, type(e).__name__, e.args)' % ctx.tag)]
        if target is None:
            return []
        lines = [(0, '%s = %s' % (obj, target))]
        for k in range(self.r.randrange(1, 7)):
            lines += self.op_lines(ctx, obj, kind, k)
        close = '%s.close()' % obj if kind != 'agen' else 'run_aw(%s.aclose())' % obj
        # A close that failed leaves it suspended: `del` drops it at a
        # point both sides agree on (aiopy finalises at `del`, as CPython's
        # refcount does; a local dying at a return is not such a point).
        # Closing again until it succeeds: a finalised object's referents
        # are finalised a collection later in aiopy (see README).
        lines += [(0, 'for _ in range(8):'),
                  (1, 'try:'), (2, close), (2, 'break'),
                  (1, 'except BaseException as e: print(%r, %r, type(e).__name__, e.args)' % (ctx.tag, 'close')),
                  (0, 'del %s' % obj)]
        return lines

    def st_consume(self, ctx, budget):
        g = self.callee_gen(ctx)
        if not g:
            return []
        v = self.var('L')
        e = self.pick(['list(%s)', 'sum(x for x in %s if isinstance(x, int))', '[str(x) for x in %s]',
                       'dict(enumerate(%s))', 'sorted(map(str, %s))', "'+'.join(map(repr, %s))"
                       ]) % g
        return [(0, 'try: print(%r, %s)' % (ctx.tag, e)),
                (0, 'except Exception as e: print(%r, type(e).__name__, e.args)' % ctx.tag)]

    # ---- asyncio statements (main and loop-mode coroutines) ----
    def task_coro(self, ctx):
        c = self.callee_coro(ctx, ('both', 'loop'))
        if c is None:
            c = 'asyncio.sleep(%s, %s)' % (self.pick(['0', '0.01', '0.02']), self.value(ctx))
        return c

    def await_all(self, ctx, tvars):
        t = self.var('t')
        e = self.var('e')
        return [(0, 'for %s in (%s,):' % (t, ', '.join(tvars))),
                (1, 'try:'), (2, self.pr(ctx, repr('result'), '%s.get_name()' % t, 'await %s' % t)),
                (1, 'except BaseException as %s:' % e),
                (2, self.pr(ctx, repr('task failed'), '%s.get_name()' % t, 'type(%s).__name__' % e, '%s.args' % e))]

    def st_tasks(self, ctx, budget):
        tvars = []
        lines = []
        for _ in range(self.r.randrange(1, 4)):
            tv = self.var('t')
            tvars.append(tv)
            if self.chance(0.5):
                lines.append((0, '%s = asyncio.create_task(%s, name=%r)' % (tv, self.task_coro(ctx), self.newtag('task'))))
            else:
                lines.append((0, '%s = asyncio.create_task(%s)' % (tv, self.task_coro(ctx))))
        for _ in range(self.r.randrange(0, 3)):
            r = self.r.random()
            if r < 0.4:
                lines.append((0, 'await asyncio.sleep(%s)' % self.pick(['0', '0', '0.01', '0.02'])))
            elif r < 0.7:
                tv = self.pick(tvars)
                msg = self.pick(['', repr(self.newtag('cancel'))])
                lines.append((0, self.pr(ctx, repr('cancel'), '%s.cancel(%s)' % (tv, msg))))
            elif r < 0.85:
                tv = self.pick(tvars)
                lines.append((0, self.pr(ctx, repr('state'), '%s.done()' % tv, '%s.cancelled()' % tv)))
            else:
                lines += self.stmt(ctx, 0)
        lines += self.await_all(ctx, tvars)
        return lines

    def st_gather(self, ctx, budget):
        n = self.r.randrange(1, 4)
        cs = ', '.join(self.task_coro(ctx) for _ in range(n))
        rexc = self.chance(0.5)
        v = self.var('r')
        e = self.var('e')
        return [(0, 'try:'),
                (1, '%s = await asyncio.gather(%s%s)' % (v, cs, ', return_exceptions=True' if rexc else '')),
                (1, self.pr(ctx, repr('gather'), '[(type(x).__name__, x.args) if isinstance(x, BaseException) else x for x in %s]' % v)),
                (0, 'except %s as %s:' % (self.pick(['Exception', 'BaseException', 'E1']), e)),
                (1, self.pr(ctx, repr('gather failed'), 'type(%s).__name__' % e, '%s.args' % e))]

    def st_timeout(self, ctx, budget):
        e = self.var('e')
        d = self.pick(['0.005', '0.015', '0.025', '0.05', '0'])
        c = ctx.child()
        body = self.block(c, min(budget - 1, 2))
        if self.chance(0.6):
            body.append((0, 'await asyncio.sleep(%s)' % self.pick(['0.01', '0.02', '0.04'])))
        lines = [(0, 'try:'), (1, 'async with asyncio.timeout(%s):' % d)]
        lines += indent(body, 2)
        lines += [(1, self.pr(ctx, repr('in time'))),
                  (0, 'except TimeoutError as %s:' % e),
                  (1, self.pr(ctx, repr('timeout'), '%s.args' % e))]
        return lines

    def st_wait_for(self, ctx, budget):
        e = self.var('e')
        v = self.var('r')
        d = self.pick(['0.005', '0.015', '0.025', '0.05', '0', 'None'])
        inner = self.task_coro(ctx)
        if self.chance(0.3):
            inner = 'asyncio.shield(%s)' % inner
        return [(0, 'try:'),
                (1, '%s = await asyncio.wait_for(%s, %s)' % (v, inner, d)),
                (1, self.pr(ctx, repr('wait_for'), v)),
                (0, 'except %s as %s:' % (self.pick(['Exception', 'TimeoutError', '(TimeoutError, E1)']), e)),
                (1, self.pr(ctx, repr('wait_for failed'), 'type(%s).__name__' % e, '%s.args' % e))]

    def st_misc_loop(self, ctx, budget):
        r = self.r.random()
        if r < 0.3:
            # a queue between a producer and a consumer task
            q = self.var('q')
            n = self.r.randrange(1, 5)
            p = self.var('prod')
            cn = self.var('cons')
            return [(0, '%s = asyncio.Queue(%d)' % (q, self.r.randrange(0, 3))),
                    (0, 'async def %s():' % p),
                    (1, 'for i in range(%d):' % n),
                    (2, 'await %s.put(i * %d)' % (q, self.r.randrange(1, 4))),
                    (2, self.pr(ctx, repr('put'), 'i')),
                    (1, 'await %s.put(None)' % q),
                    (0, 'async def %s():' % cn),
                    (1, 'while True:'),
                    (2, 'x = await %s.get()' % q),
                    (2, 'if x is None:'), (3, 'return %r' % self.newtag('done')),
                    (2, self.pr(ctx, repr('got'), 'x')),
                    (0, self.pr(ctx, 'await asyncio.gather(%s(), %s())' % (p, cn)))]
        if r < 0.5:
            ev = self.var('ev')
            w = self.var('waiter')
            t = self.var('t')
            return [(0, '%s = asyncio.Event()' % ev),
                    (0, 'async def %s(k):' % w),
                    # with a timeout: a waiter left pending when this code is
                    # cancelled before set() stays held by its timer (else it
                    # is cyclic garbage, which aiopy collects sooner)
                    (1, 'await asyncio.wait_for(%s.wait(), 1)' % ev),
                    (1, self.pr(ctx, repr('woke'), 'k')),
                    (1, 'return k * 2'),
                    (0, '%s = [asyncio.create_task(%s(k)) for k in range(%d)]' % (t, w, self.r.randrange(1, 4))),
                    (0, 'await asyncio.sleep(%s)' % self.pick(['0', '0.01'])),
                    (0, '%s.set()' % ev),
                    (0, self.pr(ctx, 'await asyncio.gather(*%s)' % t))]
        if r < 0.65:
            # shield: the outer await is cancelled, the inner task goes on
            t = self.var('t')
            e = self.var('e')
            return [(0, '%s = asyncio.create_task(%s)' % (t, self.task_coro(ctx))),
                    (0, 'try:'),
                    (1, self.pr(ctx, repr('shielded'), 'await asyncio.wait_for(asyncio.shield(%s), %s)' % (t, self.pick(['0.005', '0.05'])))),
                    (0, 'except BaseException as %s:' % e),
                    (1, self.pr(ctx, repr('shield'), 'type(%s).__name__' % e)),
                    (0, 'try:'), (1, self.pr(ctx, repr('inner'), 'await %s' % t)),
                    (0, 'except BaseException as %s:' % e),
                    (1, self.pr(ctx, repr('inner failed'), 'type(%s).__name__' % e, '%s.args' % e))]
        if r < 0.8:
            # asyncio.wait: the sets are reported in list order, never iterated
            ts = [self.var('t') for _ in range(self.r.randrange(1, 4))]
            lines = [(0, '%s = asyncio.create_task(%s)' % (t, self.task_coro(ctx))) for t in ts]
            d = self.var('done')
            p = self.var('pend')
            lines += [(0, '%s, %s = await asyncio.wait([%s], timeout=%s, return_when=asyncio.%s)' % (
                d, p, ', '.join(ts), self.pick(['None', '0.015', '0']),
                self.pick(['ALL_COMPLETED', 'FIRST_COMPLETED', 'FIRST_EXCEPTION'])))]
            lines += [(0, self.pr(ctx, repr('wait'), '[t in %s for t in (%s,)]' % (d, ', '.join(ts))))]
            lines += [(0, 'for t in (%s,):' % ', '.join(ts)), (1, 'if t in %s:' % p), (2, 't.cancel()')]
            lines += self.await_all(ctx, ts)
            return lines
        if r < 0.9:
            # a TaskGroup and except*
            tg = self.var('tg')
            e = self.var('eg')
            lines = [(0, 'try:'), (1, 'async with asyncio.TaskGroup() as %s:' % tg)]
            # One task: a failure cancels the group's other tasks in the
            # order of a set (by address), which no two implementations share.
            for _ in range(1):
                lines.append((2, '%s.create_task(%s)' % (tg, self.task_coro(ctx))))
            if self.chance(0.4):
                lines.append((2, 'await asyncio.sleep(%s)' % self.pick(['0', '0.01'])))
            lines += [(0, 'except* %s as %s:' % (self.pick(['E1', 'ValueError', 'Exception']), e)),
                      (1, self.pr(ctx, repr('group'), '[(type(x).__name__, x.args) for x in %s.exceptions]' % e))]
            if self.chance(0.5):
                lines += [(0, 'except* BaseException as %s:' % e),
                          (1, self.pr(ctx, repr('other'), '[type(x).__name__ for x in %s.exceptions]' % e))]
            return lines
        # the current task: cancelling itself, names
        e = self.var('e')
        return [(0, 'try:'),
                (1, 'asyncio.current_task().cancel(%r)' % self.newtag('self')),
                (1, 'await asyncio.sleep(0)'),
                (1, self.pr(ctx, repr('not cancelled'))),
                (0, 'except asyncio.CancelledError as %s:' % e),
                (1, self.pr(ctx, repr('self-cancelled'), '%s.args' % e, 'asyncio.current_task().uncancel()'))]

    def guarded(self, ctx, n, budget):
        """n statements, most of them in a try of their own, so that one
        exception does not end the whole driver."""
        out = []
        for _ in range(n):
            st = self.stmt(ctx, budget)
            if self.chance(0.75) and st:
                e = self.var('e')
                out += [(0, 'try:')] + indent(st) + [
                    (0, 'except %s as %s:' % (self.pick(['Exception', 'BaseException']), e)),
                    (1, self.pr(ctx, repr('failed'), 'type(%s).__name__' % e, '%s.args' % e))]
            else:
                out += st
        return out or [(0, 'pass')]

    # ---- functions ----
    def params(self, n):
        return ['a', 'b', 'c'][:n]

    def func(self, kind, name, n, mode='both'):
        c = Ctx(kind, name, mode)
        c.ints = self.params(n)
        prefix = {'gen': 'def', 'coro': 'async def', 'agen': 'async def'}[kind]
        head = [(0, '%s %s(%s):' % (prefix, name, ', '.join(c.ints)))]
        body = [(0, self.pr(c, repr('start'), *c.ints))]
        if kind in ('gen', 'agen'):
            body.append((0, 'yield %s' % self.value(c)) if self.chance(0.5) else (0, self.pr(c, repr('body'))))
        body += self.block(c, self.r.randrange(2, 5), minimum=2)
        if kind in ('gen', 'agen') and not any('yield' in t for _, t in body):
            body.append((0, 'yield %s' % self.value(c)))
        if kind in ('gen', 'coro'):
            body.append((0, 'return %s' % self.value(c)))
        if kind == 'coro' and not any('await' in t for _, t in body) and self.chance(0.5):
            body.insert(1, (0, 'await asyncio.sleep(0)'))
        return head + indent(body)

    def program(self):
        out = [(0, l) for l in PRELUDE.rstrip('\n').split('\n')]
        out.append((0, ''))
        ng = self.r.randrange(2, 5)
        nc = self.r.randrange(2, 6)
        na = self.r.randrange(1, 3)
        order = ['g'] * ng + ['c'] * nc + ['a'] * na
        # generators first (coroutines may consume them), then interleaved
        rest = order[ng:]
        self.r.shuffle(rest)
        order = order[:ng] + rest
        for k, what in enumerate(order):
            out.append((0, ''))
            n = self.r.randrange(0, 3)
            if what == 'g':
                name = 'g%d' % k
                out += self.func('gen', name, n)
                self.gens.append((name, n))
            elif what == 'c':
                name = 'c%d' % k
                mode = self.pick(['hand', 'both', 'both', 'loop', 'loop'])
                out += self.func('coro', name, n, mode)
                self.coros.append((name, n, mode))
            else:
                name = 'a%d' % k
                mode = self.pick(['both', 'both', 'loop', 'hand'])
                out += self.func('agen', name, n, mode)
                self.agens.append((name, n, mode))
        # the part driven by hand
        out += [(0, ''), (0, '')]
        nd = self.r.randrange(2, 6)
        for k in range(nd):
            c = Ctx('sync', 'd%d' % k)
            name = 'drive%d' % k
            body = self.guarded(c, self.r.randrange(2, 5), 3)
            out += [(0, 'def %s():' % name)] + indent(body) + [(0, '')]
            out += [(0, 'try:'), (1, '%s()' % name),
                    (0, 'except Exception as e:'),
                    (1, 'print(%r, type(e).__name__, e.args)' % name), (0, '')]
        # the part asyncio drives
        c = Ctx('main', 'main')
        body = [(0, "print('main start')")] + self.guarded(c, self.r.randrange(3, 8), 4) + \
            [(0, "print('main end')")]
        out += [(0, ''), (0, 'async def main():')] + indent(body)
        out += [(0, ''), (0, '')]
        if self.chance(0.9):
            out += [(0, 'try:'), (1, 'asyncio.run(main())'),
                    (0, 'except Exception as e:'), (1, "print('run', type(e).__name__, e.args)")]
        else:
            out += [(0, 'asyncio.run(main())')]
        return render(out)


def indent(lines, n=1):
    return [(i + n, t) for i, t in lines]


def render(lines):
    return ''.join(('    ' * i + t).rstrip() + '\n' for i, t in lines)


def generate(seed):
    return Gen(seed).program()


if __name__ == '__main__':
    if len(sys.argv) != 2:
        sys.exit('usage: gen.py SEED')
    sys.stdout.write(generate(int(sys.argv[1])))
