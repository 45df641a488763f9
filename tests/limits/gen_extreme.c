/* gen_extreme: writes the extreme inputs of the limits tests.
 *
 *   gen_extreme CASE OUT     write case CASE to the file OUT
 *   gen_extreme --list       print every case name, one per line
 *
 * The inputs (deep nesting, huge lines, tens of thousands of names, 10 MB of
 * code) are too big to commit, and the suite must not need CPython, so they
 * are generated at test time by this program; tests/limits/mkexpected runs
 * the same program and feeds its output to python3 once to record the
 * expected results. Invariant: output depends only on CASE (no clock, no
 * random seed), so the committed expectations stay valid. Long bracket runs
 * are split over lines of about 100 characters so that the source line
 * CPython prints in a SyntaxError stays short in the expected files. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef void (*GenFn)(FILE *out);

typedef struct {
    const char *name;
    GenFn gen;
    const char *what;
} Case;

/* Repeat `unit` n times, starting a new line after every `per_line` units
 * (0: never), so the whole run is one logical line inside brackets. */
static void repeat(FILE *out, const char *unit, long n, long per_line)
{
    for (long i = 0; i < n; i++) {
        fputs(unit, out);
        if (per_line && (i + 1) % per_line == 0 && i + 1 < n)
            fputc('\n', out);
    }
}

static void nested_parens(FILE *out, long n)
{
    fputs("x = ", out);
    repeat(out, "(", n, 100);
    fputs("\n1\n", out);
    repeat(out, ")", n, 100);
    fputc('\n', out);
}

static void gen_parens_100k(FILE *out) { nested_parens(out, 100000); }
static void gen_parens_200(FILE *out) { nested_parens(out, 200); }

static void gen_brackets_30k(FILE *out)
{
    fputs("x = ", out);
    repeat(out, "[{(", 30000, 33);
    fputs("\n1\n", out);
    repeat(out, ")}]", 30000, 33);
    fputc('\n', out);
}

/* n nested `if True:` blocks, one space deeper each, with `pass` innermost. */
static void nested_ifs(FILE *out, long n)
{
    for (long i = 0; i <= n; i++) {
        for (long j = 0; j < i; j++)
            fputc(' ', out);
        fputs(i < n ? "if True:\n" : "pass\n", out);
    }
}

static void gen_if_1000(FILE *out) { nested_ifs(out, 1000); }
static void gen_if_99(FILE *out) { nested_ifs(out, 99); }
static void gen_if_100(FILE *out) { nested_ifs(out, 100); }

/* A left-associative `1+1+...` chain of n terms on one line. */
static void plus_chain(FILE *out, long n)
{
    fputs("x = 1", out);
    repeat(out, "+1", n - 1, 0);
    fputc('\n', out);
}

static void gen_plus_3000(FILE *out) { plus_chain(out, 3000); }
static void gen_plus_100k(FILE *out) { plus_chain(out, 100000); }

static void unary_chain(FILE *out, long n)
{
    fputs("x = ", out);
    repeat(out, "-", n, 0);
    fputs("1\n", out);
}

static void gen_neg_3000(FILE *out) { unary_chain(out, 3000); }
static void gen_neg_100k(FILE *out) { unary_chain(out, 100000); }

/* One line of about 4 MB: a list display of 600,000 integers. */
static void gen_line_4mb_list(FILE *out)
{
    long n = 600000;
    fputs("x = [", out);
    for (long i = 0; i < n; i++)
        fprintf(out, "%ld, ", i);
    fputs("]\nassert len(x) == 600000 and x[-1] == 599999\n", out);
}

/* One line of 4 MB: a string literal with escapes spread through it. */
static void gen_line_4mb_str(FILE *out)
{
    long n = 4L * 1000 * 1000 / 16;
    fputs("s = \"", out);
    repeat(out, "abcdefghijklmn\\t", n, 0);
    fputs("\"\nassert len(s) == 15 * 250000\n", out);
}

/* 70,000 distinct global names bound to 70,000 distinct constants, and a
 * function with 70,000 distinct locals reading them. */
static void gen_names_70k(FILE *out)
{
    long n = 70000;
    for (long i = 0; i < n; i++)
        fprintf(out, "n%ld = %ld\n", i, i);
    fputs("def f():\n", out);
    for (long i = 0; i < n; i++)
        fprintf(out, "    v%ld = n%ld\n", i, i);
    fputs("    return v0 + v69999\n", out);
    fputs("assert f() == 69999\n", out);
}

/* An `if` body of 40,000 statements, so the jump over it is long. */
static void gen_if_body_40k(FILE *out)
{
    fputs("x = 0\nif len(__name__) > 0:\n", out);
    for (long i = 0; i < 40000; i++)
        fputs("    x += 1\n", out);
    fputs("else:\n    x = -1\nassert x == 40000\n", out);
}

/* Calls with 1,000 positional and 1,000 keyword arguments. */
static void gen_call_1000_args(FILE *out)
{
    fputs("def f(*args, **kwargs):\n    return len(args) + len(kwargs)\n", out);
    fputs("n = f(", out);
    for (long i = 0; i < 1000; i++)
        fprintf(out, "%ld, ", i);
    fputs(")\nassert n == 1000\n", out);
    fputs("m = f(", out);
    for (long i = 0; i < 1000; i++)
        fprintf(out, "k%ld=%ld, ", i, i);
    fputs(")\nassert m == 1000\n", out);
}

/* 70,000 good lines, then a syntax error on line 70,001. */
static void gen_error_line_70001(FILE *out)
{
    for (long i = 0; i < 70000; i++)
        fprintf(out, "x%ld = %ld\n", i % 100, i);
    fputs("x = = 1\n", out);
}

/* Ordinary code: each template is one top-level unit, and every `$` in it
 * becomes the unit number so names never collide. The units only define
 * things (and run cheap statements), so the file also runs quickly. */
static const char *const units[] = {
    "def compute_$(items, factor=3, *, scale=1.5):\n"
    "    \"\"\"Weighted total of items.\"\"\"\n"
    "    total = 0\n"
    "    for index, value in enumerate(items):\n"
    "        if value % 2 == 0 and index > 7:\n"
    "            total += value * factor\n"
    "        elif value < 0:\n"
    "            total -= abs(value) // 3\n"
    "        else:\n"
    "            total += (value ** 2) >> 1\n"
    "    return total * scale\n\n",

    "async def fetch_$(session, url, retries=3):\n"
    "    for attempt in range(retries):\n"
    "        try:\n"
    "            response = await session.get(url, timeout=attempt + 1)\n"
    "            return {\"url\": url, \"status\": response.status, \"n\": $}\n"
    "        except (ConnectionError, TimeoutError) as exc:\n"
    "            note = f\"attempt {attempt} for {url!r} failed: {exc}\"\n"
    "            await session.sleep(0.1 * attempt)\n"
    "        finally:\n"
    "            session.release()\n"
    "    raise RuntimeError('gave up on ' + url)\n\n",

    "class Record$:\n"
    "    kind = 'record'\n"
    "    limits = {'low': 1, 'high': $, 'step': 0x1f}\n\n"
    "    def __init__(self, name, *values, **options):\n"
    "        self.name = name\n"
    "        self.values = [v for v in values if v is not None]\n"
    "        self.options = dict(options, enabled=options.get('enabled', True))\n\n"
    "    @property\n"
    "    def size(self):\n"
    "        return len(self.values)\n\n"
    "    def __repr__(self):\n"
    "        return f'Record$({self.name!r}, size={self.size:>4d})'\n\n",

    "@staticmethod\n"
    "def lookup_$(table, key, default=None):\n"
    "    parts = key.split('.')\n"
    "    node = table\n"
    "    while parts and isinstance(node, dict):\n"
    "        node = node.get(parts.pop(0), default)\n"
    "    return node if node is not None else default\n\n",

    "squares_$ = [x * x for x in range(20) if x % 3 != 1]\n"
    "index_$ = {name: pos for pos, name in enumerate(('a', 'b', 'c'))}\n"
    "pairs_$ = {(x, y) for x in range(4) for y in range(x) if (x + y) & 1}\n"
    "total_$ = sum(len(s) for s in ['spam', 'eggs'] if s) + $\n\n",

    "async def worker_$(queue, results, name='w'):\n"
    "    async with queue.lock() as guard:\n"
    "        async for job in queue.jobs(limit=$):\n"
    "            value = await job.run(guard, *job.args, **job.kwargs)\n"
    "            results.append((name, job.id, value))\n"
    "    return [r async for r in queue.drain() if r is not None]\n\n",

    "def parse_$(line, sep=',', /, strip=True):\n"
    "    fields = [f.strip() for f in line.split(sep)] if strip else line.split(sep)\n"
    "    try:\n"
    "        key, value = fields[0], int(fields[1], 16)\n"
    "    except (IndexError, ValueError):\n"
    "        return None\n"
    "    else:\n"
    "        extra = fields[2:] or ['-']\n"
    "    return key.lower(), value, tuple(extra[:3]), fields[::-1], lambda n: n + $\n\n",

    "def gen_$(limit=10):\n"
    "    n = 0\n"
    "    while n < limit:\n"
    "        if (step := n % 4) == 0:\n"
    "            yield n\n"
    "        else:\n"
    "            yield from range(step)\n"
    "        n += 1\n"
    "    return n\n\n",
};

static void emit_unit(FILE *out, const char *tmpl, long n, long *size)
{
    char num[24];
    int numlen = snprintf(num, sizeof num, "%ld", n);
    for (const char *p = tmpl; *p; p++) {
        if (*p == '$') {
            fputs(num, out);
            *size += numlen;
        } else {
            fputc(*p, out);
            *size += 1;
        }
    }
}

static void gen_ordinary(FILE *out, long bytes)
{
    long size = 0, n = 0, nunits = (long)(sizeof units / sizeof units[0]);
    unsigned long state = 12345;
    while (size < bytes) {
        /* A fixed LCG picks the next unit, so the mix is varied but repeatable. */
        state = state * 6364136223846793005UL + 1442695040888963407UL;
        emit_unit(out, units[(state >> 33) % (unsigned long)nunits], n++, &size);
    }
}

static void gen_ordinary_10mb(FILE *out) { gen_ordinary(out, 10L * 1000 * 1000); }

static void gen_ordinary_200k(FILE *out) { gen_ordinary(out, 200L * 1000); }

static const Case cases[] = {
    {"parens_100k", gen_parens_100k, "100,000 nested parentheses"},
    {"parens_200", gen_parens_200, "200 nested parentheses (CPython's limit, valid)"},
    {"brackets_30k", gen_brackets_30k, "[{( repeated 30,000 times"},
    {"if_1000", gen_if_1000, "1,000 nested if blocks"},
    {"if_99", gen_if_99, "99 nested if blocks (valid)"},
    {"if_100", gen_if_100, "100 nested if blocks: pass at level 100"},
    {"plus_3000", gen_plus_3000, "a 3,000-term 1+1+... chain"},
    {"plus_100k", gen_plus_100k, "a 100,000-term 1+1+... chain"},
    {"neg_3000", gen_neg_3000, "3,000 unary minus signs"},
    {"neg_100k", gen_neg_100k, "100,000 unary minus signs"},
    {"line_4mb_list", gen_line_4mb_list, "a 4 MB line: list of 600,000 ints"},
    {"line_4mb_str", gen_line_4mb_str, "a 4 MB line: one string literal"},
    {"names_70k", gen_names_70k, "70,000 globals, constants and locals"},
    {"if_body_40k", gen_if_body_40k, "a 40,000-statement if body"},
    {"call_1000_args", gen_call_1000_args, "calls with 1,000 arguments"},
    {"error_line_70001", gen_error_line_70001, "a SyntaxError on line 70,001"},
    {"ordinary_10mb", gen_ordinary_10mb, "10 MB of ordinary code"},
    {"ordinary_200k", gen_ordinary_200k, "200 KB of ordinary code (light enough for gc-stress)"},
};

int main(int argc, char **argv)
{
    size_t ncases = sizeof cases / sizeof cases[0];
    if (argc == 2 && strcmp(argv[1], "--list") == 0) {
        for (size_t i = 0; i < ncases; i++)
            printf("%s\t%s\n", cases[i].name, cases[i].what);
        return 0;
    }
    if (argc != 3) {
        fprintf(stderr, "usage: gen_extreme CASE OUT | gen_extreme --list\n");
        return 2;
    }
    for (size_t i = 0; i < ncases; i++) {
        if (strcmp(argv[1], cases[i].name) != 0)
            continue;
        FILE *out = fopen(argv[2], "w");
        if (!out) {
            perror(argv[2]);
            return 1;
        }
        cases[i].gen(out);
        if (ferror(out) | fclose(out)) {
            perror(argv[2]);
            return 1;
        }
        return 0;
    }
    fprintf(stderr, "gen_extreme: unknown case '%s' (see --list)\n", argv[1]);
    return 2;
}
