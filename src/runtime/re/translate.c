// Python's regular-expression syntax -> PCRE2's. The parser follows the
// structure of CPython 3.11's re._parser (a one-token-lookahead tokenizer,
// an alternation/sequence recursive descent), so that every syntax error
// comes with CPython's message and position; while parsing it writes the
// equivalent PCRE2 pattern and computes what CPython computes on the way
// (group count and names, widths for the look-behind check, the inline
// global flags).
//
// The output is written so that PCRE2 can read nothing into it that Python
// did not mean: literals other than ASCII letters and digits are escaped,
// groups are numbered (names stay here: Python allows any identifier, PCRE2
// only ASCII ones), \Z becomes \z, {,n} becomes {0,n}, and the verbose
// flag's whitespace and comments are dropped here. \d \w \s \b follow the
// compile-time PCRE2_UCP choice natively; where a scoped (?a:...) or
// (?u:...) asks for the other semantics, or where PCRE2's set differs from
// Python's (\s: Python's includes \x1c-\x1f), they are spelled out.
#include <stdlib.h>
#include <string.h>

#include "lexer/uniprops.h"
#include "runtime/exc.h"
#include "runtime/re/re.h"
#include "runtime/str.h"
#include "util/utf8.h"

#define MAXWIDTH UINT64_MAX
#define MAXCODE 0xffffffffu
#define PCRE2_MAXREPEAT 65535u
#define PCRE2_MAXGROUPS 65535u

typedef struct Width { uint64_t lo, hi; } Width;

static uint64_t sat_add(uint64_t a, uint64_t b) { return a > MAXWIDTH - b ? MAXWIDTH : a + b; }
static uint64_t sat_mul(uint64_t a, uint64_t b) { return b && a > MAXWIDTH / b ? MAXWIDTH : a * b; }

// A token: one character, or a backslash and the character after it.
typedef struct Tok {
    uint32_t c[2];
    int len;              // 0: end of pattern
} Tok;

// The semantics in force inside a group: verbose (whitespace and comments
// ignored) and Unicode (\d \w \s \b over Unicode rather than ASCII).
typedef struct Scope {
    bool verbose, uni;
} Scope;

// What the last item of a sequence is, for "nothing to repeat" and
// "multiple repeat".
enum { K_NONE, K_AT, K_REPEAT, K_OTHER };

typedef struct Parser {
    const uint32_t *s;
    size_t n, index;
    Tok next;
    bool istext;
    int64_t flags;
    uint32_t ngroups;         // groups opened so far, counting group 0
    Width *gw;                // widths of closed groups
    bool *gdone;
    size_t gcap;
    int64_t lookbehindgroups; // -1: not inside a look-behind
    struct { uint32_t gid; int64_t pos; } *refs;   // conditional references
    size_t nrefs, refcap;
    uint32_t closes;
    bool bad_lookbehind, far_lookbehind;
    bool nomem;
    ReSource *src;
    Buf *out;
} Parser;

// ---- errors ----

// Records the first error only: the tokenizer may report one and let the
// parse go on (CPython raises it from inside the lookahead), and whatever
// the parse reports afterwards came later.
static bool fail_at(Parser *p, ReErrKind kind, int64_t pos, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static bool fail_at(Parser *p, ReErrKind kind, int64_t pos, const char *fmt, ...) {
    if (p->src->err != RE_ERR_NONE) return false;
    p->src->err = kind;
    p->src->pos = pos;
    va_list ap;
    va_start(ap, fmt);
    if (!buf_vprintf(&p->src->msg, fmt, ap)) p->nomem = true;
    va_end(ap);
    return false;
}

static size_t tell(Parser *p) { return p->index - (size_t)p->next.len; }

// Tokenizer.error: the position is tell() - offset.
#define FAIL(p, offset, ...) fail_at((p), RE_ERR_SYNTAX, (int64_t)tell(p) - (int64_t)(offset), __VA_ARGS__)

// Appends code points as UTF-8 (message text).
static void put_cps(Parser *p, Buf *b, const uint32_t *s, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (!buf_put_utf8(b, s[i])) p->nomem = true;
}

// A message naming raw pattern text: fmt has one %s for it.
static bool fail_text(Parser *p, int64_t offset, const char *fmt, const uint32_t *s, size_t n) {
    Buf t;
    buf_init(&t);
    put_cps(p, &t, s, n);
    fail_at(p, RE_ERR_SYNTAX, (int64_t)tell(p) - offset, fmt, t.data ? t.data : "");
    buf_free(&t);
    return false;
}

// The same with the text's repr() (group names).
static bool fail_repr(Parser *p, int64_t offset, const char *fmt, const uint32_t *s, size_t n) {
    Buf t;
    buf_init(&t);
    if (!re_repr_cps(&t, s, n, !p->istext)) p->nomem = true;
    fail_at(p, RE_ERR_SYNTAX, (int64_t)tell(p) - offset, fmt, t.data ? t.data : "''");
    buf_free(&t);
    return false;
}

// ---- tokenizer ----

static void advance(Parser *p) {
    size_t i = p->index;
    if (i >= p->n) {
        p->next.len = 0;
        return;
    }
    p->next.c[0] = p->s[i];
    p->next.len = 1;
    if (p->s[i] == '\\') {
        if (++i >= p->n) {
            fail_at(p, RE_ERR_SYNTAX, (int64_t)p->n - 1, "bad escape (end of pattern)");
            p->next.len = 0;
            p->index = p->n;
            return;
        }
        p->next.c[1] = p->s[i];
        p->next.len = 2;
    }
    p->index = i + 1;
}

static Tok get(Parser *p) {
    Tok t = p->next;
    advance(p);
    return t;
}

static bool next_is(Parser *p, uint32_t c) { return p->next.len == 1 && p->next.c[0] == c; }

static bool match(Parser *p, uint32_t c) {
    if (!next_is(p, c)) return false;
    advance(p);
    return true;
}

static void seek(Parser *p, size_t index) {
    p->index = index;
    advance(p);
}

static bool is_digit(uint32_t c) { return c >= '0' && c <= '9'; }
static bool is_oct(uint32_t c) { return c >= '0' && c <= '7'; }
static bool is_hex(uint32_t c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
static bool is_letter(uint32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
static bool next_in(Parser *p, bool (*cls)(uint32_t)) { return p->next.len == 1 && cls(p->next.c[0]); }

// Tokenizer.getwhile: up to [n] single characters of [cls]; returns how many.
static size_t getwhile(Parser *p, size_t n, bool (*cls)(uint32_t)) {
    size_t k = 0;
    while (k < n && next_in(p, cls)) {
        advance(p);
        k++;
    }
    return k;
}

// Tokenizer.getuntil: the raw text up to [term], as [*start, *start+*len).
static bool getuntil(Parser *p, uint32_t term, const char *name, size_t *start, size_t *len) {
    *start = tell(p);
    size_t n = 0;
    for (;;) {
        Tok c = get(p);
        if (c.len == 0) {
            if (n == 0) return FAIL(p, 0, "missing %s", name);
            return FAIL(p, n, "missing %c, unterminated name", (char)term);
        }
        if (c.len == 1 && c.c[0] == term) {
            if (n == 0) return FAIL(p, 1, "missing %s", name);
            break;
        }
        n += (size_t)c.len;
    }
    *len = n;
    return true;
}

static bool is_identifier(const uint32_t *s, size_t n) {
    if (n == 0 || !lx_uni_is_xid_start(s[0])) return false;
    for (size_t i = 1; i < n; i++)
        if (!lx_uni_is_xid_continue(s[i])) return false;
    return true;
}

static bool checkgroupname(Parser *p, size_t start, size_t len, int offset) {
    if (!is_identifier(p->s + start, len))
        return fail_repr(p, (int64_t)len + offset, "bad character in group name %s", p->s + start, len);
    return true;
}

// ---- output ----

static void put(Parser *p, const char *s) {
    if (!buf_puts(p->out, s)) p->nomem = true;
}

static void putf(Parser *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void putf(Parser *p, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    if (!buf_vprintf(p->out, fmt, ap)) p->nomem = true;
    va_end(ap);
}

// One literal character, inside or outside a class: letters and digits as
// they are, other ASCII escaped (a backslash before a non-alphanumeric is
// always a literal in PCRE2), the rest as UTF-8 (str) or \x{..} (bytes,
// and the surrogates a str may hold).
static void emit_char(Parser *p, uint32_t c) {
    if (c < 0x80) {
        if (is_letter(c) || is_digit(c)) {
            if (!buf_putc(p->out, (char)c)) p->nomem = true;
        } else if (c >= 0x20 && c < 0x7f) {
            char e[3] = {'\\', (char)c, 0};
            put(p, e);
        } else {
            putf(p, "\\x{%x}", c);
        }
    } else if (!p->istext || (c >= 0xd800 && c <= 0xdfff)) {
        putf(p, "\\x{%x}", c);
    } else if (!buf_put_utf8(p->out, c)) {
        p->nomem = true;
    }
}

// Character sets as ranges, for the categories written out.
typedef struct Range { uint32_t lo, hi; } Range;
static const Range r_digit[] = {{'0', '9'}};
static const Range r_word[] = {{'0', '9'}, {'A', 'Z'}, {'_', '_'}, {'a', 'z'}};
static const Range r_space[] = {{'\t', '\r'}, {' ', ' '}};
// str.isspace(), which is what \s means for a str pattern.
static const Range r_uspace[] = {{'\t', '\r'}, {0x1c, 0x20}, {0x85, 0x85}, {0xa0, 0xa0}, {0x1680, 0x1680},
                                 {0x2000, 0x200a}, {0x2028, 0x2029}, {0x202f, 0x202f}, {0x205f, 0x205f},
                                 {0x3000, 0x3000}};
#define NR(a) (sizeof a / sizeof *a)

static void emit_ranges(Parser *p, const Range *r, size_t n, bool negate) {
    if (!negate) {
        for (size_t i = 0; i < n; i++) {
            emit_char(p, r[i].lo);
            if (r[i].hi != r[i].lo) {
                put(p, "-");
                emit_char(p, r[i].hi);
            }
        }
        return;
    }
    // The complement, for a negated category inside a class.
    uint32_t from = 0, top = p->istext ? 0x10ffff : 0xff;
    for (size_t i = 0; i <= n; i++) {
        uint32_t to = i < n ? r[i].lo : top + 1;
        if (to > from) {
            emit_char(p, from);
            if (to - 1 != from) {
                put(p, "-");
                emit_char(p, to - 1);
            }
        }
        if (i < n) from = r[i].hi + 1;
    }
}

// \d \D \s \S \w \W ([c]) inside a class or standing alone.
static bool emit_category(Parser *p, uint32_t c, Scope sc, bool in_class) {
    bool neg = c == 'D' || c == 'S' || c == 'W';
    uint32_t lc = neg ? c + 32 : c;
    bool native = sc.uni == p->src->ucp && !(lc == 's' && sc.uni);
    if (native) {
        putf(p, "\\%c", (char)c);
        return true;
    }
    if (sc.uni && lc != 's') {
        // Unicode semantics in a pattern compiled without PCRE2_UCP.
        if (lc == 'd') {
            put(p, neg ? "\\P{Nd}" : "\\p{Nd}");
        } else if (!in_class) {
            put(p, neg ? "[^\\p{L}\\p{N}_]" : "[\\p{L}\\p{N}_]");
        } else if (!neg) {
            put(p, "\\p{L}\\p{N}_");
        } else {
            return fail_at(p, RE_ERR_SYNTAX, (int64_t)tell(p) - 2,
                           "aiopy: \\W inside a set under (?u:...) in an ASCII pattern is not supported");
        }
        return true;
    }
    const Range *r = lc == 'd' ? r_digit : lc == 'w' ? r_word : sc.uni ? r_uspace : r_space;
    size_t n = lc == 'd' ? NR(r_digit) : lc == 'w' ? NR(r_word) : sc.uni ? NR(r_uspace) : NR(r_space);
    if (in_class) {
        emit_ranges(p, r, n, neg);
    } else {
        put(p, neg ? "[^" : "[");
        emit_ranges(p, r, n, false);
        put(p, "]");
    }
    return true;
}

// \b or \B under semantics PCRE2 was not compiled for: look-arounds on the
// word set.
static void emit_boundary(Parser *p, bool word, Scope sc) {
    if (sc.uni == p->src->ucp) {
        put(p, word ? "\\b" : "\\B");
        return;
    }
    const char *w = sc.uni ? "[\\p{L}\\p{N}_]" : "[0-9A-Z_a-z]";
    if (word) putf(p, "(?:(?<=%s)(?!%s)|(?<!%s)(?=%s))", w, w, w, w);
    else putf(p, "(?:(?<=%s)(?=%s)|(?<!%s)(?!%s))", w, w, w, w);
}

static void emit_repeat(Parser *p, uint64_t min, uint64_t max, int kind) {
    if (min == 0 && max == RE_MAXREPEAT) put(p, "*");
    else if (min == 1 && max == RE_MAXREPEAT) put(p, "+");
    else if (min == 0 && max == 1) put(p, "?");
    else if (max == RE_MAXREPEAT) putf(p, "{%llu,}", (unsigned long long)min);
    else if (min == max) putf(p, "{%llu}", (unsigned long long)min);
    else putf(p, "{%llu,%llu}", (unsigned long long)min, (unsigned long long)max);
    if (kind == 1) put(p, "?");
    else if (kind == 2) put(p, "+");
}

// ---- groups ----

static bool checkgroup(Parser *p, uint32_t gid) { return gid < p->ngroups && p->gdone[gid]; }

static bool checklookbehindgroup(Parser *p, uint32_t gid) {
    if (p->lookbehindgroups >= 0) {
        if (!checkgroup(p, gid)) return FAIL(p, 0, "cannot refer to an open group");
        if (gid >= p->lookbehindgroups)
            return FAIL(p, 0, "cannot refer to group defined in the same lookbehind subpattern");
    }
    return true;
}

// The group named by the raw text [start, +len), or 0.
static uint32_t lookup_name(Parser *p, size_t start, size_t len) {
    Buf name;
    buf_init(&name);
    put_cps(p, &name, p->s + start, len);
    const char *q = p->src->names.data;
    uint32_t gid = 0;
    for (size_t k = 0; q && k < p->src->nnames; k++) {
        size_t l = strlen(q);
        if (l == name.len && memcmp(q, name.data, l) == 0) gid = p->src->name_gid[k];
        q += l + 1;
    }
    buf_free(&name);
    return gid;
}

static bool opengroup(Parser *p, bool named, size_t nstart, size_t nlen, uint32_t *gid) {
    *gid = p->ngroups;
    if (p->ngroups >= p->gcap) {
        size_t cap = p->gcap ? p->gcap * 2 : 16;
        Width *gw = realloc(p->gw, cap * sizeof *gw);
        if (gw) p->gw = gw;
        bool *gd = realloc(p->gdone, cap * sizeof *gd);
        if (gd) p->gdone = gd;
        uint32_t *cr = realloc(p->src->close_rank, cap * sizeof *cr);
        if (cr) p->src->close_rank = cr;
        if (!gw || !gd || !cr) {
            p->nomem = true;
            return false;
        }
        p->gcap = cap;
    }
    p->gdone[*gid] = false;
    p->src->close_rank[*gid] = 0;
    p->ngroups++;
    if (p->ngroups > RE_MAXGROUPS) return FAIL(p, nlen + 1, "too many groups");
    if (p->ngroups > PCRE2_MAXGROUPS + 1)
        return FAIL(p, 0, "aiopy: more than %u groups are not supported", PCRE2_MAXGROUPS);
    if (named) {
        uint32_t old = lookup_name(p, nstart, nlen);
        if (old) {
            Buf t;
            buf_init(&t);
            if (!re_repr_cps(&t, p->s + nstart, nlen, !p->istext)) p->nomem = true;
            FAIL(p, nlen + 1, "redefinition of group name %s as group %u; was group %u", t.data ? t.data : "",
                 *gid, old);
            buf_free(&t);
            return false;
        }
        uint32_t *ng = realloc(p->src->name_gid, (p->src->nnames + 1) * sizeof *ng);
        if (!ng) {
            p->nomem = true;
            return false;
        }
        p->src->name_gid = ng;
        ng[p->src->nnames++] = *gid;
        put_cps(p, &p->src->names, p->s + nstart, nlen);
        if (!buf_putc(&p->src->names, 0)) p->nomem = true;
    }
    return true;
}

// ---- escapes ----

static uint32_t parse_num(const uint32_t *s, size_t n, int base) {
    uint32_t v = 0;
    for (size_t i = 0; i < n; i++) {
        uint32_t c = s[i], d = c <= '9' ? c - '0' : (c | 32) - 'a' + 10;
        v = v * (uint32_t)base + d;
    }
    return v;
}

// \x \u \U \N and octal escapes shared by both contexts; [*lit] gets the
// character. Returns 1 handled, 0 not one of these, -1 error.
static int number_escape(Parser *p, uint32_t c, size_t start, bool in_class, uint32_t *lit) {
    size_t want = c == 'x' ? 2 : c == 'u' ? 4 : 8;
    if (c == 'x' || ((c == 'u' || c == 'U') && p->istext)) {
        size_t k = getwhile(p, want, is_hex);
        if (k != want) return fail_text(p, (int64_t)(2 + k), "incomplete escape %s", p->s + start, 2 + k), -1;
        *lit = parse_num(p->s + start + 2, k, 16);
        if (*lit > 0x10ffff) return fail_text(p, (int64_t)(2 + k), "bad escape %s", p->s + start, 2 + k), -1;
        return 1;
    }
    if (c == 'N' && p->istext) {
        if (!match(p, '{')) return FAIL(p, 0, "missing {"), -1;
        size_t ns, nl;
        if (!getuntil(p, '}', "character name", &ns, &nl)) return -1;
        return FAIL(p, nl + 3, "aiopy: named Unicode escapes (\\N{...}) are not supported"), -1;
    }
    if (in_class ? is_oct(c) : c == '0') {
        size_t k = getwhile(p, 2, is_oct);
        *lit = parse_num(p->s + start + 1, k + 1, 8);
        if (*lit > 0377)
            return fail_text(p, (int64_t)(k + 2), "octal escape value %s outside of range 0-0o377", p->s + start,
                             k + 2), -1;
        return 1;
    }
    return 0;
}

static int simple_escape(uint32_t c) {
    switch (c) {
    case 'a': return '\a';
    case 'b': return '\b';
    case 'f': return '\f';
    case 'n': return '\n';
    case 'r': return '\r';
    case 't': return '\t';
    case 'v': return '\v';
    case '\\': return '\\';
    default: return -1;
    }
}

static bool is_category(uint32_t c) { return c < 0x80 && c && strchr("dDsSwW", (int)c); }

// _class_escape: [*cat] gets the category letter, or 0 and [*lit] the character.
static bool class_escape(Parser *p, Tok t, uint32_t *cat, uint32_t *lit) {
    size_t start = tell(p) - 2;
    uint32_t c = t.c[1];
    *cat = 0;
    int e = simple_escape(c);
    if (e >= 0) {
        *lit = (uint32_t)e;
        return true;
    }
    if (is_category(c)) {
        *cat = c;
        return true;
    }
    int r = number_escape(p, c, start, true, lit);
    if (r) return r > 0;
    if (is_digit(c) || is_letter(c)) return fail_text(p, 2, "bad escape %s", p->s + start, 2);
    *lit = c;
    return true;
}

// ---- the parser ----

static bool parse_sub(Parser *p, Scope sc, int nested, Width *w);
static bool parse_seq(Parser *p, Scope *sc, int nested, bool first, Width *w);

// A sequence being built: the width so far and the last item.
typedef struct Seq {
    Width w, last;
    int kind;
} Seq;

static void seq_push(Seq *q, int kind, uint64_t lo, uint64_t hi) {
    if (q->kind != K_NONE) {
        q->w.lo = sat_add(q->w.lo, q->last.lo);
        q->w.hi = sat_add(q->w.hi, q->last.hi);
    }
    q->last = (Width){lo, hi};
    q->kind = kind;
}

// _escape: an escape outside a class.
static bool escape(Parser *p, Tok t, Scope sc, Seq *q) {
    size_t start = tell(p) - 2;
    uint32_t c = t.c[1];
    if (c == 'A' || c == 'Z') {
        put(p, c == 'A' ? "\\A" : "\\z");
        seq_push(q, K_AT, 0, 0);
        return true;
    }
    if (c == 'b' || c == 'B') {
        emit_boundary(p, c == 'b', sc);
        seq_push(q, K_AT, 0, 0);
        return true;
    }
    if (is_category(c)) {
        TRY(emit_category(p, c, sc, false));
        seq_push(q, K_OTHER, 1, 1);
        return true;
    }
    int e = simple_escape(c);
    uint32_t lit;
    if (e >= 0) {
        emit_char(p, (uint32_t)e);
        seq_push(q, K_OTHER, 1, 1);
        return true;
    }
    int r = number_escape(p, c, start, false, &lit);
    if (r < 0) return false;
    if (r == 0 && is_digit(c)) {
        // An octal escape or a group reference.
        size_t len = 2;
        if (next_in(p, is_digit)) {
            get(p);
            len = 3;
            if (is_oct(c) && is_oct(p->s[start + 2]) && next_in(p, is_oct)) {
                get(p);
                lit = parse_num(p->s + start + 1, 3, 8);
                if (lit > 0377)
                    return fail_text(p, 4, "octal escape value %s outside of range 0-0o377", p->s + start, 4);
                emit_char(p, lit);
                seq_push(q, K_OTHER, 1, 1);
                return true;
            }
        }
        uint32_t group = parse_num(p->s + start + 1, len - 1, 10);
        if (group < p->ngroups) {
            if (!checkgroup(p, group)) return FAIL(p, len, "cannot refer to an open group");
            TRY(checklookbehindgroup(p, group));
            putf(p, "\\g{%u}", group);
            seq_push(q, K_OTHER, p->gw[group].lo, p->gw[group].hi);
            return true;
        }
        return FAIL(p, len - 1, "invalid group reference %u", group);
    }
    if (r == 0) {
        if (is_letter(c)) return fail_text(p, 2, "bad escape %s", p->s + start, 2);
        lit = c;
    }
    emit_char(p, lit);
    seq_push(q, K_OTHER, 1, 1);
    return true;
}

// A set: "[" already read.
static bool parse_class(Parser *p, Scope sc) {
    size_t here = tell(p) - 1;
    bool negate = match(p, '^');
    put(p, negate ? "[^" : "[");
    bool any = false;
    for (;;) {
        size_t this_pos = tell(p);
        Tok t = get(p);
        if (t.len == 0) return FAIL(p, tell(p) - here, "unterminated character set");
        if (t.len == 1 && t.c[0] == ']' && any) break;
        any = true;
        uint32_t cat1 = 0, lo = t.c[0];
        if (t.len == 2) TRY(class_escape(p, t, &cat1, &lo));
        size_t this_len = (size_t)t.len;
        if (match(p, '-')) {
            size_t that_pos = tell(p);
            Tok u = get(p);
            if (u.len == 0) return FAIL(p, tell(p) - here, "unterminated character set");
            if (u.len == 1 && u.c[0] == ']') {
                if (cat1) TRY(emit_category(p, cat1, sc, true));
                else emit_char(p, lo);
                emit_char(p, '-');
                break;
            }
            uint32_t cat2 = 0, hi = u.c[0];
            if (u.len == 2) TRY(class_escape(p, u, &cat2, &hi));
            size_t that_len = (size_t)u.len;
            if (cat1 || cat2 || hi < lo) {
                Buf m;
                buf_init(&m);
                put_cps(p, &m, p->s + this_pos, this_len);
                if (!buf_putc(&m, '-')) p->nomem = true;
                put_cps(p, &m, p->s + that_pos, that_len);
                FAIL(p, this_len + 1 + that_len, "bad character range %s", m.data ? m.data : "");
                buf_free(&m);
                return false;
            }
            emit_char(p, lo);
            put(p, "-");
            emit_char(p, hi);
        } else if (cat1) {
            TRY(emit_category(p, cat1, sc, true));
        } else {
            emit_char(p, lo);
        }
    }
    put(p, "]");
    return true;
}

// {m,n} and the others after an item; [t] is the quantifier's first token.
static bool parse_repeat(Parser *p, Tok t, Seq *q) {
    size_t here = tell(p);
    uint64_t min, max;
    uint32_t c = t.c[0];
    if (c == '?') min = 0, max = 1;
    else if (c == '*') min = 0, max = RE_MAXREPEAT;
    else if (c == '+') min = 1, max = RE_MAXREPEAT;
    else {
        if (next_is(p, '}')) {
            emit_char(p, '{');
            seq_push(q, K_OTHER, 1, 1);
            return true;
        }
        min = 0, max = RE_MAXREPEAT;
        size_t lo_at = tell(p), lo_n = getwhile(p, SIZE_MAX, is_digit), hi_at = lo_at, hi_n = lo_n;
        if (match(p, ',')) {
            hi_at = tell(p);
            hi_n = getwhile(p, SIZE_MAX, is_digit);
        }
        if (!match(p, '}')) {
            emit_char(p, '{');
            seq_push(q, K_OTHER, 1, 1);
            seek(p, here);
            return true;
        }
        if (lo_n) {
            min = lo_n > 10 ? RE_MAXREPEAT : 0;
            for (size_t i = 0; i < lo_n && min < RE_MAXREPEAT; i++) min = min * 10 + (p->s[lo_at + i] - '0');
            if (min >= RE_MAXREPEAT)
                return fail_at(p, RE_ERR_OVERFLOW, -1, "the repetition number is too large");
        }
        if (hi_n) {
            max = hi_n > 10 ? RE_MAXREPEAT : 0;
            for (size_t i = 0; i < hi_n && max < RE_MAXREPEAT; i++) max = max * 10 + (p->s[hi_at + i] - '0');
            if (max >= RE_MAXREPEAT)
                return fail_at(p, RE_ERR_OVERFLOW, -1, "the repetition number is too large");
            if (max < min) return FAIL(p, tell(p) - here, "min repeat greater than max repeat");
        }
    }
    if (q->kind == K_NONE || q->kind == K_AT) return FAIL(p, tell(p) - here + 1, "nothing to repeat");
    if (q->kind == K_REPEAT) return FAIL(p, tell(p) - here + 1, "multiple repeat");
    if ((min > PCRE2_MAXREPEAT && min != RE_MAXREPEAT) || (max > PCRE2_MAXREPEAT && max != RE_MAXREPEAT))
        return fail_at(p, RE_ERR_SYNTAX, (int64_t)here - 1,
                       "aiopy: repeat counts above %u are not supported", PCRE2_MAXREPEAT);
    int kind = match(p, '?') ? 1 : match(p, '+') ? 2 : 0;
    emit_repeat(p, min, max, kind);
    Width i = q->last;
    q->last.lo = sat_mul(i.lo, min);
    q->last.hi = max == RE_MAXREPEAT && i.hi ? MAXWIDTH : sat_mul(i.hi, max);
    q->kind = K_REPEAT;
    return true;
}

static int64_t flag_of(uint32_t c) {
    switch (c) {
    case 'i': return RE_IGNORECASE;
    case 'L': return RE_LOCALE;
    case 'm': return RE_MULTILINE;
    case 's': return RE_DOTALL;
    case 'x': return RE_VERBOSE;
    case 'a': return RE_ASCII;
    case 't': return RE_TEMPLATE;
    case 'u': return RE_UNICODE;
    default: return 0;
    }
}
#define TYPE_FLAGS (RE_ASCII | RE_LOCALE | RE_UNICODE)
#define GLOBAL_FLAGS (RE_DEBUG | RE_TEMPLATE)

static bool tok_isalpha(Tok t) { return t.len == 1 && uc_isalpha(t.c[0]); }
static int64_t tok_flag(Tok t) { return t.len == 1 ? flag_of(t.c[0]) : 0; }

// _parse_flags after "(?" and the flag [t]. *global: "(?flags)".
static bool parse_flags(Parser *p, Tok t, int64_t *add, int64_t *del, bool *global) {
    *add = *del = 0;
    *global = false;
    if (!(t.len == 1 && t.c[0] == '-')) {
        for (;;) {
            int64_t flag = tok_flag(t);
            if (p->istext && flag == RE_LOCALE)
                return FAIL(p, 0, "bad inline flags: cannot use 'L' flag with a str pattern");
            if (!p->istext && flag == RE_UNICODE)
                return FAIL(p, 0, "bad inline flags: cannot use 'u' flag with a bytes pattern");
            *add |= flag;
            if ((flag & TYPE_FLAGS) && (*add & TYPE_FLAGS) != flag)
                return FAIL(p, 0, "bad inline flags: flags 'a', 'u' and 'L' are incompatible");
            t = get(p);
            if (t.len == 0) return FAIL(p, 0, "missing -, : or )");
            if (t.len == 1 && (t.c[0] == ')' || t.c[0] == '-' || t.c[0] == ':')) break;
            if (!tok_flag(t)) return FAIL(p, t.len, tok_isalpha(t) ? "unknown flag" : "missing -, : or )");
        }
    }
    if (t.c[0] == ')') {
        p->flags |= *add;
        *global = true;
        return true;
    }
    if (*add & GLOBAL_FLAGS) return FAIL(p, 1, "bad inline flags: cannot turn on global flag");
    if (t.c[0] == '-') {
        t = get(p);
        if (t.len == 0) return FAIL(p, 0, "missing flag");
        if (!tok_flag(t)) return FAIL(p, t.len, tok_isalpha(t) ? "unknown flag" : "missing flag");
        for (;;) {
            int64_t flag = tok_flag(t);
            if (flag & TYPE_FLAGS) return FAIL(p, 0, "bad inline flags: cannot turn off flags 'a', 'u' and 'L'");
            *del |= flag;
            t = get(p);
            if (t.len == 0) return FAIL(p, 0, "missing :");
            if (t.len == 1 && t.c[0] == ':') break;
            if (!tok_flag(t)) return FAIL(p, t.len, tok_isalpha(t) ? "unknown flag" : "missing :");
        }
    }
    if (*del & GLOBAL_FLAGS) return FAIL(p, 1, "bad inline flags: cannot turn off global flag");
    if (*add & *del) return FAIL(p, 1, "bad inline flags: flag turned on and off");
    return true;
}

static void emit_scoped_flags(Parser *p, int64_t add, int64_t del) {
    static const struct { int64_t f; char c; } fl[] = {{RE_IGNORECASE, 'i'}, {RE_MULTILINE, 'm'}, {RE_DOTALL, 's'}};
    put(p, "(?");
    for (int i = 0; i < 3; i++)
        if (add & fl[i].f) putf(p, "%c", fl[i].c);
    if (del & (RE_IGNORECASE | RE_MULTILINE | RE_DOTALL)) {
        put(p, "-");
        for (int i = 0; i < 3; i++)
            if (del & fl[i].f) putf(p, "%c", fl[i].c);
    }
    put(p, ":");
}

// "invalid group reference N" for a number too big to hold: its digits
// (leading zeros dropped, as int() would).
static bool big_group_ref(Parser *p, size_t ns, size_t nl) {
    size_t z = 0;
    while (z + 1 < nl && p->s[ns + z] == '0') z++;
    return fail_text(p, (int64_t)nl + 1, "invalid group reference %s", p->s + ns + z, nl - z);
}

// A conditional group "(?(" already read; [start] is where "(" was.
static bool parse_conditional(Parser *p, Scope sc, int nested, size_t start, Seq *q) {
    size_t ns, nl;
    TRY(getuntil(p, ')', "group name", &ns, &nl));
    uint32_t gid;
    if (is_identifier(p->s + ns, nl)) {
        TRY(checkgroupname(p, ns, nl, 1));
        gid = lookup_name(p, ns, nl);
        if (!gid) return fail_repr(p, (int64_t)nl + 1, "unknown group name %s", p->s + ns, nl);
    } else {
        bool ok = nl > 0;
        uint64_t v = 0;
        for (size_t i = 0; ok && i < nl; i++) {
            ok = is_digit(p->s[ns + i]);
            v = v > RE_MAXGROUPS ? v : v * 10 + (p->s[ns + i] - '0');
        }
        if (!ok) return fail_repr(p, (int64_t)nl + 1, "bad character in group name %s", p->s + ns, nl);
        if (!v) return FAIL(p, nl + 1, "bad group number");
        if (v >= RE_MAXGROUPS) return big_group_ref(p, ns, nl);
        gid = (uint32_t)v;
        bool seen = false;
        for (size_t i = 0; i < p->nrefs; i++) seen |= p->refs[i].gid == gid;
        if (!seen) {
            if (p->nrefs == p->refcap) {
                size_t cap = p->refcap ? p->refcap * 2 : 8;
                void *r = realloc(p->refs, cap * sizeof *p->refs);
                if (!r) {
                    p->nomem = true;
                    return false;
                }
                p->refs = r;
                p->refcap = cap;
            }
            p->refs[p->nrefs].gid = gid;
            p->refs[p->nrefs++].pos = (int64_t)(tell(p) - nl - 1);
        }
    }
    TRY(checklookbehindgroup(p, gid));
    putf(p, "(?(%u)", gid);
    Width yes, no = {0, 0};
    Scope s2 = sc;
    TRY(parse_seq(p, &s2, nested + 1, false, &yes));
    bool has_no = match(p, '|');
    if (has_no) {
        put(p, "|");
        s2 = sc;
        TRY(parse_seq(p, &s2, nested + 1, false, &no));
        if (next_is(p, '|')) return FAIL(p, 0, "conditional backref with more than two branches");
    }
    if (!match(p, ')')) return FAIL(p, tell(p) - start, "missing ), unterminated subpattern");
    put(p, ")");
    uint64_t lo = has_no ? (yes.lo < no.lo ? yes.lo : no.lo) : 0;
    uint64_t hi = has_no && no.hi > yes.hi ? no.hi : yes.hi;
    seq_push(q, K_OTHER, lo, hi);
    return true;
}

// "(" already read: a group, an assertion, flags, a comment, a reference.
static bool parse_group(Parser *p, Scope *sc, int nested, bool first, Seq *q) {
    size_t start = tell(p) - 1;
    bool capture = true, atomic = false, named = false;
    size_t ns = 0, nl = 0;
    int64_t add = 0, del = 0;
    if (match(p, '?')) {
        Tok c = get(p);
        if (c.len == 0) return FAIL(p, 0, "unexpected end of pattern");
        uint32_t ch = c.len == 1 ? c.c[0] : 0;
        if (ch == 'P') {
            if (match(p, '<')) {
                TRY(getuntil(p, '>', "group name", &ns, &nl));
                TRY(checkgroupname(p, ns, nl, 1));
                named = true;
            } else if (match(p, '=')) {
                TRY(getuntil(p, ')', "group name", &ns, &nl));
                TRY(checkgroupname(p, ns, nl, 1));
                uint32_t gid = lookup_name(p, ns, nl);
                if (!gid) return fail_repr(p, (int64_t)nl + 1, "unknown group name %s", p->s + ns, nl);
                if (!checkgroup(p, gid)) return FAIL(p, nl + 1, "cannot refer to an open group");
                TRY(checklookbehindgroup(p, gid));
                putf(p, "\\g{%u}", gid);
                seq_push(q, K_OTHER, p->gw[gid].lo, p->gw[gid].hi);
                return true;
            } else {
                size_t at = tell(p);
                Tok c2 = get(p);
                if (c2.len == 0) return FAIL(p, 0, "unexpected end of pattern");
                Buf m;
                buf_init(&m);
                put_cps(p, &m, p->s + at, (size_t)c2.len);
                FAIL(p, c2.len + 2, "unknown extension ?P%s", m.data ? m.data : "");
                buf_free(&m);
                return false;
            }
        } else if (ch == ':') {
            capture = false;
        } else if (ch == '#') {
            for (;;) {
                if (p->next.len == 0) return FAIL(p, tell(p) - start, "missing ), unterminated comment");
                Tok x = get(p);
                if (x.len == 1 && x.c[0] == ')') break;
            }
            return true;
        } else if (ch == '=' || ch == '!' || ch == '<') {
            bool behind = false;
            int64_t saved = p->lookbehindgroups;
            if (ch == '<') {
                size_t at = tell(p);
                Tok c2 = get(p);
                if (c2.len == 0) return FAIL(p, 0, "unexpected end of pattern");
                if (!(c2.len == 1 && (c2.c[0] == '=' || c2.c[0] == '!'))) {
                    Buf m;
                    buf_init(&m);
                    put_cps(p, &m, p->s + at, (size_t)c2.len);
                    FAIL(p, c2.len + 2, "unknown extension ?<%s", m.data ? m.data : "");
                    buf_free(&m);
                    return false;
                }
                ch = c2.c[0];
                behind = true;
                if (saved < 0) p->lookbehindgroups = p->ngroups;
            }
            put(p, behind ? (ch == '=' ? "(?<=" : "(?<!") : (ch == '=' ? "(?=" : "(?!"));
            Width w;
            TRY(parse_sub(p, *sc, nested + 1, &w));
            if (behind && saved < 0) p->lookbehindgroups = -1;
            if (!match(p, ')')) return FAIL(p, tell(p) - start, "missing ), unterminated subpattern");
            put(p, ")");
            if (behind) {
                if (w.lo > MAXCODE) p->far_lookbehind = true;
                else if (w.lo != w.hi) p->bad_lookbehind = true;
            }
            seq_push(q, K_OTHER, 0, 0);
            return true;
        } else if (ch == '(') {
            return parse_conditional(p, *sc, nested, start, q);
        } else if (ch == '>') {
            capture = false;
            atomic = true;
        } else if (flag_of(ch) || ch == '-') {
            bool global;
            TRY(parse_flags(p, c, &add, &del, &global));
            if (global) {
                if (!first || q->kind != K_NONE)
                    return FAIL(p, tell(p) - start, "global flags not at the start of the expression");
                sc->verbose = p->flags & RE_VERBOSE;
                sc->uni = p->istext && !(p->flags & (RE_ASCII | RE_LOCALE));
                p->src->ucp = sc->uni;   // nothing that depends on it is written yet
                return true;
            }
            capture = false;
        } else {
            Buf m;
            buf_init(&m);
            put_cps(p, &m, c.c, (size_t)c.len);
            FAIL(p, c.len + 1, "unknown extension ?%s", m.data ? m.data : "");
            buf_free(&m);
            return false;
        }
    }
    uint32_t gid = 0;
    if (capture) TRY(opengroup(p, named, ns, nl, &gid));
    Scope sub = *sc;
    sub.verbose = (sc->verbose || (add & RE_VERBOSE)) && !(del & RE_VERBOSE);
    if (add & RE_UNICODE) sub.uni = true;
    if (add & (RE_ASCII | RE_LOCALE)) sub.uni = false;
    if (capture) put(p, "(");
    else if (atomic) put(p, "(?>");
    else emit_scoped_flags(p, add, del);
    Width w;
    TRY(parse_sub(p, sub, nested + 1, &w));
    if (!match(p, ')')) return FAIL(p, tell(p) - start, "missing ), unterminated subpattern");
    put(p, ")");
    if (capture) {
        p->gw[gid] = w;
        p->gdone[gid] = true;
        p->src->close_rank[gid] = ++p->closes;
    }
    seq_push(q, K_OTHER, w.lo, w.hi);
    return true;
}

static bool is_space(uint32_t c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

// _parse: a sequence, up to "|", ")" or the end.
static bool parse_seq(Parser *p, Scope *sc, int nested, bool first, Width *w) {
    Seq q = {{0, 0}, {0, 0}, K_NONE};
    for (;;) {
        if (p->nomem) return false;
        if (p->next.len == 0) break;
        if (next_is(p, '|') || next_is(p, ')')) break;
        Tok t = get(p);
        if (sc->verbose && t.len == 1) {
            if (is_space(t.c[0])) continue;
            if (t.c[0] == '#') {
                for (;;) {
                    Tok x = get(p);
                    if (x.len == 0 || (x.len == 1 && x.c[0] == '\n')) break;
                }
                continue;
            }
        }
        if (t.len == 2) {
            TRY(escape(p, t, *sc, &q));
            continue;
        }
        uint32_t c = t.c[0];
        switch (c) {
        case '[':
            TRY(parse_class(p, *sc));
            seq_push(&q, K_OTHER, 1, 1);
            break;
        case '*': case '+': case '?': case '{':
            TRY(parse_repeat(p, t, &q));
            break;
        case '.':
            put(p, ".");
            seq_push(&q, K_OTHER, 1, 1);
            break;
        case '(':
            TRY(parse_group(p, sc, nested, first, &q));
            break;
        case '^':
        case '$':
            put(p, c == '^' ? "^" : "$");
            seq_push(&q, K_AT, 0, 0);
            break;
        default:
            emit_char(p, c);
            seq_push(&q, K_OTHER, 1, 1);
        }
    }
    seq_push(&q, K_NONE, 0, 0);
    *w = q.w;
    return true;
}

// _parse_sub: alternatives separated by "|".
static bool parse_sub(Parser *p, Scope sc, int nested, Width *w) {
    Width all = {MAXWIDTH, 0};
    bool firstbranch = true;
    for (;;) {
        Width bw;
        TRY(parse_seq(p, &sc, nested + 1, !nested && firstbranch, &bw));
        if (bw.lo < all.lo) all.lo = bw.lo;
        if (bw.hi > all.hi) all.hi = bw.hi;
        firstbranch = false;
        if (!match(p, '|')) break;
        put(p, "|");
        if (!nested) {
            sc.verbose = p->flags & RE_VERBOSE;
            sc.uni = p->istext && !(p->flags & (RE_ASCII | RE_LOCALE));
        }
    }
    *w = all;
    return true;
}

// A bytes pattern's messages are ASCII (CPython encodes them with
// backslashreplace).
static bool ascii_message(Buf *m) {
    Buf o;
    buf_init(&o);
    for (size_t i = 0; i < m->len;) {
        uint32_t c;
        size_t k = utf8_decode((const unsigned char *)m->data + i, m->len - i, &c, true);
        if (k == 0) c = (unsigned char)m->data[i], k = 1;
        bool ok = c < 0x80 ? buf_putc(&o, (char)c) : buf_printf(&o, "\\x%02x", c);
        if (!ok) {
            buf_free(&o);
            return false;
        }
        i += k;
    }
    buf_free(m);
    *m = o;
    return true;
}

bool re_translate(const uint32_t *s, size_t n, bool is_bytes, int64_t flags, ReSource *src) {
    memset(src, 0, sizeof *src);
    buf_init(&src->out);
    buf_init(&src->names);
    buf_init(&src->msg);
    src->pos = -1;
    Parser p = {.s = s, .n = n, .istext = !is_bytes, .flags = flags, .ngroups = 0, .lookbehindgroups = -1,
                .src = src, .out = &src->out};
    uint32_t g0;
    if (!opengroup(&p, false, 0, 0, &g0)) goto done;   // group 0
    p.gdone[0] = false;
    // Inline global flags come first, before anything they would change is
    // written, so the compile-time choice can be made from them up front.
    src->ucp = !is_bytes && !(flags & (RE_ASCII | RE_LOCALE));
    advance(&p);
    Scope sc = {flags & RE_VERBOSE, src->ucp};
    Width w;
    bool ok = parse_sub(&p, sc, 0, &w);
    (void)ok;
    if (p.nomem || src->err != RE_ERR_NONE) goto done;
    src->ucp = !is_bytes && !(p.flags & (RE_ASCII | RE_LOCALE));
    // fix_flags
    if (!is_bytes) {
        if (p.flags & RE_LOCALE) {
            fail_at(&p, RE_ERR_VALUE, -1, "cannot use LOCALE flag with a str pattern");
            goto done;
        }
        if (!(p.flags & RE_ASCII)) p.flags |= RE_UNICODE;
        else if (p.flags & RE_UNICODE) {
            fail_at(&p, RE_ERR_VALUE, -1, "ASCII and UNICODE flags are incompatible");
            goto done;
        }
    } else {
        if (p.flags & RE_UNICODE) {
            fail_at(&p, RE_ERR_VALUE, -1, "cannot use UNICODE flag with a bytes pattern");
            goto done;
        }
        if ((p.flags & RE_LOCALE) && (p.flags & RE_ASCII)) {
            fail_at(&p, RE_ERR_VALUE, -1, "ASCII and LOCALE flags are incompatible");
            goto done;
        }
    }
    if (p.next.len != 0) {
        FAIL(&p, 0, "unbalanced parenthesis");
        goto done;
    }
    for (size_t i = 0; i < p.nrefs; i++)
        if (p.refs[i].gid >= p.ngroups) {
            fail_at(&p, RE_ERR_SYNTAX, p.refs[i].pos, "invalid group reference %u", p.refs[i].gid);
            goto done;
        }
    if (p.far_lookbehind) fail_at(&p, RE_ERR_SYNTAX, -1, "looks too much behind");
    else if (p.bad_lookbehind) fail_at(&p, RE_ERR_SYNTAX, -1, "look-behind requires fixed-width pattern");
done:
    if (src->err != RE_ERR_NONE && is_bytes && !ascii_message(&src->msg)) p.nomem = true;
    src->flags = p.flags;
    src->groups = p.ngroups ? p.ngroups - 1 : 0;
    free(p.gw);
    free(p.gdone);
    free(p.refs);
    return !p.nomem;
}

void re_source_free(ReSource *src) {
    buf_free(&src->out);
    buf_free(&src->names);
    buf_free(&src->msg);
    free(src->name_gid);
    free(src->close_rank);
    src->name_gid = NULL;
    src->close_rank = NULL;
}

// ---- repr ----

bool re_repr_cps(Buf *b, const uint32_t *s, size_t n, bool is_bytes) {
    (void)is_bytes;
    bool sq = false, dq = false;
    for (size_t i = 0; i < n; i++) {
        sq |= s[i] == '\'';
        dq |= s[i] == '"';
    }
    char q = sq && !dq ? '"' : '\'';
    if (!buf_putc(b, q)) return false;
    for (size_t i = 0; i < n; i++) {
        uint32_t c = s[i];
        bool ok;
        if (c == (uint32_t)q || c == '\\') ok = buf_putc(b, '\\') && buf_putc(b, (char)c);
        else if (c == '\t') ok = buf_puts(b, "\\t");
        else if (c == '\n') ok = buf_puts(b, "\\n");
        else if (c == '\r') ok = buf_puts(b, "\\r");
        else if (lx_uni_is_printable(c)) ok = buf_put_utf8(b, c);
        else if (c < 0x100) ok = buf_printf(b, "\\x%02x", c);
        else if (c < 0x10000) ok = buf_printf(b, "\\u%04x", c);
        else ok = buf_printf(b, "\\U%08x", c);
        if (!ok) return false;
    }
    return buf_putc(b, q);
}

// ---- replacement templates ----

// re._parser.parse_template over [s]: literal pieces and group references
// into [t]; [lookup] resolves \g<name>. Errors go to [e] (err, msg, pos).
static bool tmpl_add(Parser *p, ReTemplate *t, int64_t group, size_t off, size_t len) {
    if (t->n % 8 == 0) {
        void *items = realloc(t->items, (t->n + 8) * sizeof *t->items);
        if (!items) {
            p->nomem = true;
            return false;
        }
        t->items = items;
    }
    t->items[t->n++] = (struct ReTItem){off, len, group};
    return true;
}

// Appends the literal character [c] to the template's text, merging it
// into the previous literal piece.
static bool tmpl_lit(Parser *p, ReTemplate *t, uint32_t c) {
    size_t at = t->text.len;
    bool ok = p->istext ? buf_put_utf8(&t->text, c) : buf_putc(&t->text, (char)(c & 0xff));
    if (!ok) {
        p->nomem = true;
        return false;
    }
    if (t->n && t->items[t->n - 1].group < 0) {
        t->items[t->n - 1].len += t->text.len - at;
        return true;
    }
    return tmpl_add(p, t, -1, at, t->text.len - at);
}

static bool tmpl_group(Parser *p, ReTemplate *t, uint64_t index, int64_t offset, uint32_t groups) {
    if (index > groups) return FAIL(p, offset, "invalid group reference %llu", (unsigned long long)index);
    return tmpl_add(p, t, (int64_t)index, 0, 0);
}

static bool tmpl_body(Parser *p, ReTemplate *t, uint32_t groups, ReNameLookup lookup, void *ctx) {
    for (;;) {
        if (p->nomem) return false;
        size_t at = tell(p);
        Tok x = get(p);
        if (x.len == 0) return true;
        if (x.len == 1) {
            TRY(tmpl_lit(p, t, x.c[0]));
            continue;
        }
        uint32_t c = x.c[1];
        if (c == 'g') {
            if (!match(p, '<')) return FAIL(p, 0, "missing <");
            size_t ns, nl;
            TRY(getuntil(p, '>', "group name", &ns, &nl));
            uint64_t index = 0;
            if (is_identifier(p->s + ns, nl)) {
                int64_t g = lookup(ctx, p->s + ns, nl);
                if (g == -2) {
                    p->nomem = true;
                    return false;
                }
                if (g < 0) {
                    if (p->src->err != RE_ERR_NONE) return false;
                    Buf m;
                    buf_init(&m);
                    if (!re_repr_cps(&m, p->s + ns, nl, !p->istext)) p->nomem = true;
                    fail_at(p, RE_ERR_INDEX, -1, "unknown group name %s", m.data ? m.data : "");
                    buf_free(&m);
                    return false;
                }
                index = (uint64_t)g;
            } else {
                bool ok = nl > 0;
                for (size_t i = 0; ok && i < nl; i++) {
                    ok = is_digit(p->s[ns + i]);
                    index = index > RE_MAXGROUPS ? index : index * 10 + (p->s[ns + i] - '0');
                }
                if (!ok) return fail_repr(p, (int64_t)nl + 1, "bad character in group name %s", p->s + ns, nl);
                if (index >= RE_MAXGROUPS) return big_group_ref(p, ns, nl);
            }
            TRY(tmpl_group(p, t, index, (int64_t)nl + 1, groups));
        } else if (c == '0') {
            size_t k = getwhile(p, 2, is_oct);
            TRY(tmpl_lit(p, t, parse_num(p->s + at + 1, k + 1, 8) & 0xff));
        } else if (is_digit(c)) {
            size_t len = 2;
            if (next_in(p, is_digit)) {
                get(p);
                len = 3;
                if (is_oct(c) && is_oct(p->s[at + 2]) && next_in(p, is_oct)) {
                    get(p);
                    uint32_t v = parse_num(p->s + at + 1, 3, 8);
                    if (v > 0377)
                        return fail_text(p, 4, "octal escape value %s outside of range 0-0o377", p->s + at, 4);
                    TRY(tmpl_lit(p, t, v));
                    continue;
                }
            }
            TRY(tmpl_group(p, t, parse_num(p->s + at + 1, len - 1, 10), (int64_t)len - 1, groups));
        } else {
            int e = simple_escape(c);
            if (e >= 0) {
                TRY(tmpl_lit(p, t, (uint32_t)e));
            } else {
                if (is_letter(c)) return fail_text(p, 2, "bad escape %s", p->s + at, 2);
                TRY(tmpl_lit(p, t, '\\'));
                TRY(tmpl_lit(p, t, c));
            }
        }
    }
}

bool re_parse_template(const uint32_t *s, size_t n, bool is_bytes, uint32_t groups, ReNameLookup lookup, void *ctx,
                       ReTemplate *t, ReSource *e) {
    memset(e, 0, sizeof *e);
    buf_init(&e->msg);
    e->pos = -1;
    Parser p = {.s = s, .n = n, .istext = !is_bytes, .lookbehindgroups = -1, .src = e};
    advance(&p);
    tmpl_body(&p, t, groups, lookup, ctx);
    if (e->err != RE_ERR_NONE && is_bytes && !ascii_message(&e->msg)) p.nomem = true;
    return !p.nomem;
}
