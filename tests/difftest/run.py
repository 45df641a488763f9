#!/usr/bin/env python3
"""run.py: differential testing of aiopy against CPython 3.11 on random programs.

    tests/difftest/run.py --seeds 0:5000 --aiopy build/aiopy [-j 2] [--out DIR]
    tests/difftest/run.py --reduce PROG.py --aiopy build/aiopy   (reduce one file)

Each seed's program (gen.py) runs twice under python3 and once under aiopy;
a program whose two CPython runs differ (or that CPython cannot finish within
the timeout) is discarded. stdout, the last line of stderr and the exit
status are compared (addresses 0x... and library paths in reprs normalised). On a difference the program
is reduced: statements, clauses and whole blocks are deleted, and compound
statements replaced by one of their bodies, greedily, for as long as the
program still compiles, CPython still finishes and the same kind of
difference persists. DIR/seed_N.py is the reproducer, DIR/seed_N.txt what
each side printed and DIR/seed_N.orig.py the program before reduction.

Both sides run on virtual time: aiopy with `-X virtual_time`, CPython with
cpython/sitecustomize.py on its path (the same clock: it jumps to the next
deadline when nothing is ready; equal deadlines run in creation order), so
that no ordering depends on the load of the machine. --real-time runs both
on the real clock instead (orderings may then depend on the load).

Exit status: 0 if every kept program gave the same result, 1 otherwise.
"""
import argparse
import concurrent.futures
import hashlib
import os
import re
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import gen  # noqa: E402

ADDR = re.compile(r'0x[0-9a-fA-F]+')
# Where a library function is defined, in reprs ("coro=<sleep() done,
# defined at ...>"): CPython's file or aiopy's frozen module.
LIBPATH = re.compile(r'(?:/[^\s:<>]*/lib/python3\.\d+/[\w/]+\.py|<frozen [\w.]+>):\d+')


def normalise(text):
    return LIBPATH.sub('<lib>', ADDR.sub('0x…', text))


class Result:
    def __init__(self, out, err, rc, timed_out):
        self.out = normalise(out)
        lines = [l for l in normalise(err).splitlines() if l.strip()]
        self.err_last = lines[-1] if lines else ''
        self.err = err
        self.rc = rc
        self.timed_out = timed_out

    def key(self):
        return (self.out, self.err_last, self.rc)


class Runner:
    def __init__(self, args):
        self.aiopy = os.path.abspath(args.aiopy)
        self.timeout = args.timeout
        self.real_time = args.real_time
        self.py_env = dict(os.environ)
        if not self.real_time:
            self.py_env['PYTHONPATH'] = os.path.join(HERE, 'cpython')
        self.py_env.pop('PYTHONHASHSEED', None)
        self.ai_env = dict(os.environ)

    def run(self, argv, src, env):
        with tempfile.TemporaryDirectory(prefix='difftest-') as d:
            path = os.path.join(d, 'prog.py')
            with open(path, 'w') as f:
                f.write(src)
            try:
                p = subprocess.run(argv + ['prog.py'], cwd=d, env=env, stdin=subprocess.DEVNULL,
                                   capture_output=True, timeout=self.timeout)
                return Result(p.stdout.decode('utf-8', 'replace'), p.stderr.decode('utf-8', 'replace'),
                              p.returncode, False)
            except subprocess.TimeoutExpired as e:
                return Result((e.stdout or b'').decode('utf-8', 'replace'),
                              (e.stderr or b'').decode('utf-8', 'replace'), 'timeout', True)

    def python(self, src):
        return self.run(['python3'], src, self.py_env)

    def aiopy_run(self, src):
        argv = [self.aiopy] if self.real_time else [self.aiopy, '-X', 'virtual_time']
        return self.run(argv, src, self.ai_env)


def signature(exp, act):
    """Which channels differ, and how aiopy ended if it crashed."""
    crash = act.rc if (act.timed_out or not isinstance(act.rc, int) or act.rc < 0 or act.rc >= 128) else None
    return (exp.out != act.out, exp.err_last != act.err_last, exp.rc != act.rc, crash)


def compiles(src):
    try:
        compile(src, 'prog.py', 'exec')
        return True
    except (SyntaxError, ValueError):
        return False


# ---- reduction ----

CLAUSE = re.compile(r'(except\b|except\*|else\s*:|finally\s*:|elif\b)')


def parse_groups(lines):
    """Statements as spans over the line list: (start, end, indent, clauses)
    where clauses are the (start, end) spans of a compound statement's parts
    (`try:` and its except/else/finally, `if` and its elif/else ...)."""
    def ind(i):
        s = lines[i]
        return len(s) - len(s.lstrip(' '))

    def span_end(i):
        k = ind(i)
        j = i + 1
        while j < len(lines) and (not lines[j].strip() or ind(j) > k):
            j += 1
        return j

    groups = []
    i = 0
    while i < len(lines):
        if not lines[i].strip():
            i += 1
            continue
        k = ind(i)
        clauses = [(i, span_end(i))]
        j = clauses[-1][1]
        while j < len(lines) and lines[j].strip() and ind(j) == k and CLAUSE.match(lines[j].lstrip()):
            clauses.append((j, span_end(j)))
            j = clauses[-1][1]
        groups.append((i, j, k, clauses))
        i += 1   # nested statements are groups too
    return groups


def candidates(lines):
    """Smaller versions of the program, the biggest cuts first, each with
    the lines it leaves out."""
    groups = parse_groups(lines)
    top = [g for g in groups if g[2] == 0]

    def cut(start, end, keep=()):
        return lines[:start] + list(keep) + lines[end:], lines[start:end]

    # chunks of top-level statements
    n = len(top)
    size = n // 2
    while size >= 2:
        for s in range(0, n, size):
            chunk = top[s:s + size]
            yield cut(chunk[0][0], chunk[-1][1])
        size //= 2
    for start, end, k, clauses in sorted(groups, key=lambda g: g[0] - g[1]):
        pad = ' ' * k
        # the whole statement
        yield cut(start, end)
        yield cut(start, end, [pad + 'pass'])
        if len(clauses) > 1:
            for cs, ce in clauses[1:]:
                yield cut(cs, ce)
        # a compound statement replaced by one of its bodies
        if lines[start].rstrip().endswith(':'):
            for cs, ce in clauses:
                body = [l[4:] if l.startswith(pad + '    ') else l for l in lines[cs + 1:ce]]
                if body:
                    yield cut(start, end, body)
        # a one-line `try: X` / `except ...: X` statement: keep X only
        m = re.match(r'(try|except[^:]*|else|finally):\s*(\S.*)$', lines[start].strip())
        if m and not lines[start].rstrip().endswith(':'):
            yield cut(start, end, [pad + m.group(2)])


CLEANUP = re.compile(r'(?:\b(\w+)\.a?close\(\)|^\s*del\s+(\w+))')


def drops_cleanup(removed, kept):
    """Whether a cut leaves out the close() or del of an object it keeps:
    the reduction would drift into when the collector finalises it, one of
    aiopy's documented differences, instead of the bug it is after."""
    for line in removed:
        for m in CLEANUP.finditer(line):
            name = m.group(1) or m.group(2)
            made = re.compile(r'^\s*%s\s*=' % re.escape(name))
            if any(made.match(l) for l in kept) and line not in kept:
                return True
    return False


def reduce(runner, src, sig, log=None):
    cache = {}

    def interesting(s):
        h = hashlib.sha1(s.encode()).hexdigest()
        if h in cache:
            return cache[h]
        ok = False
        if compiles(s):
            exp = runner.python(s)
            if not exp.timed_out:
                act = runner.aiopy_run(s)
                ok = exp.key() != act.key() and signature(exp, act) == sig
        cache[h] = ok
        return ok

    lines = src.rstrip('\n').split('\n')
    changed = True
    while changed:
        changed = False
        for cand, removed in candidates(lines):
            if len(cand) > len(lines) or cand == lines or drops_cleanup(removed, cand):
                continue
            text = '\n'.join(cand) + '\n'
            if interesting(text):
                lines = cand
                changed = True
                if log:
                    log('  reduced to %d lines' % len(lines))
                break
    # blank lines are noise in a reproducer
    out = [l for l in lines if l.strip()]
    text = '\n'.join(out) + '\n'
    if not interesting(text):
        text = '\n'.join(lines) + '\n'
    return text


def describe(exp, act):
    parts = []
    for name, a, b in (('stdout', exp.out, act.out), ('stderr (last line)', exp.err_last, act.err_last),
                       ('exit status', str(exp.rc), str(act.rc))):
        if a != b:
            parts.append('%s differs' % name)
    return ', '.join(parts)


def report(exp, act):
    import difflib
    text = ['--- CPython / +++ aiopy: ' + describe(exp, act)]
    text += difflib.unified_diff(exp.out.splitlines(), act.out.splitlines(), 'cpython.stdout', 'aiopy.stdout',
                                 lineterm='', n=2)
    text += ['', 'CPython stderr:', exp.err.rstrip(), 'CPython exit status: %s' % exp.rc,
             '', 'aiopy stderr:', act.err.rstrip(), 'aiopy exit status: %s' % act.rc]
    return '\n'.join(text) + '\n'


def check_seed(runner, seed, args, log):
    src = gen.generate(seed)
    if not compiles(src):
        return 'invalid', None
    exp = runner.python(src)
    if exp.timed_out:
        return 'discarded', 'CPython timed out'
    exp2 = runner.python(src)
    if exp.key() != exp2.key():
        return 'discarded', 'CPython is not deterministic'
    act = runner.aiopy_run(src)
    if exp.key() == act.key():
        return 'same', None
    # confirm once: a difference must be stable on both sides
    if runner.aiopy_run(src).key() != act.key():
        return 'flaky', 'aiopy is not deterministic'
    sig = signature(exp, act)
    os.makedirs(args.out, exist_ok=True)
    base = os.path.join(args.out, 'seed_%d' % seed)
    with open(base + '.orig.py', 'w') as f:
        f.write(src)
    small = src
    if not args.no_reduce:
        log('seed %d: %s; reducing' % (seed, describe(exp, act)))
        small = reduce(runner, src, sig)
    with open(base + '.py', 'w') as f:
        f.write(small)
    e, a = runner.python(small), runner.aiopy_run(small)
    with open(base + '.txt', 'w') as f:
        f.write(report(e, a))
    return 'different', '%s (%d lines: %s.py)' % (describe(exp, act), small.count('\n'), base)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--seeds', default='0:100', help='A:B, the seeds A..B-1 (default 0:100)')
    ap.add_argument('--aiopy', default='build/aiopy')
    ap.add_argument('-j', '--jobs', type=int, default=2)
    ap.add_argument('--out', default='difftest-out', help='where reproducers go (default ./difftest-out)')
    ap.add_argument('--timeout', type=float, default=20)
    ap.add_argument('--no-reduce', action='store_true', help='keep differing programs whole')
    ap.add_argument('--real-time', action='store_true', help='run on the real clock, not virtual time')
    ap.add_argument('--reduce', metavar='PROG', help='reduce this program instead of running seeds')
    args = ap.parse_args()
    if not os.access(args.aiopy, os.X_OK):
        sys.exit('run.py: no aiopy at %s (--aiopy PATH)' % args.aiopy)
    runner = Runner(args)
    lock = threading.Lock()

    def log(msg):
        with lock:
            print(msg, flush=True)

    if args.reduce:
        src = open(args.reduce).read()
        exp, act = runner.python(src), runner.aiopy_run(src)
        if exp.key() == act.key():
            sys.exit('run.py: %s gives the same result on both sides' % args.reduce)
        small = reduce(runner, src, signature(exp, act), log)
        out = os.path.splitext(args.reduce)[0] + '.min.py'
        with open(out, 'w') as f:
            f.write(small)
        print(report(runner.python(small), runner.aiopy_run(small)), end='')
        print('reduced program:', out)
        return 0

    a, _, b = args.seeds.partition(':')
    seeds = range(int(a), int(b)) if b else [int(a)]
    counts = {}
    t0 = time.time()
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        futs = {pool.submit(check_seed, runner, s, args, log): s for s in seeds}
        done = 0
        for fut in concurrent.futures.as_completed(futs):
            seed = futs[fut]
            try:
                status, info = fut.result()
            except Exception as e:   # a bug of this tool: say so, go on
                status, info = 'error', '%s: %s' % (type(e).__name__, e)
            counts[status] = counts.get(status, 0) + 1
            done += 1
            if status != 'same':
                log('seed %d: %s%s' % (seed, status, ': ' + info if info else ''))
            if done % 100 == 0:
                log('... %d/%d seeds, %.1f s per 100' % (done, len(seeds), (time.time() - t0) * 100 / done))
    total = time.time() - t0
    kept = len(seeds) - counts.get('discarded', 0) - counts.get('invalid', 0)
    print('%d seeds: %d identical, %d different, %d flaky, %d discarded, %d invalid, %d errors '
          '(%.1f s, %.1f s per 100 seeds)' % (
              len(seeds), counts.get('same', 0), counts.get('different', 0), counts.get('flaky', 0),
              counts.get('discarded', 0), counts.get('invalid', 0), counts.get('error', 0),
              total, total * 100 / max(1, len(seeds))))
    return 0 if counts.get('same', 0) == kept else 1


if __name__ == '__main__':
    sys.exit(main())
