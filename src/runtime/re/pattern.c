// re.Pattern: a translated pattern compiled by PCRE2 (JIT-compiled when
// the library has a JIT), and the searches over a subject: match, search,
// fullmatch, findall, finditer and scanner, sub and subn, split.
//
// Three compiled forms are kept, made on first use: unanchored (search and
// the scans), anchored (match) and anchored at both ends (fullmatch). The
// JIT does not honour PCRE2_ANCHORED passed at match time, so anchoring is
// compiled in instead.
//
// Repeated searches (findall, sub, split, finditer) follow CPython 3.7+:
// after an empty match the next match may not be empty at the same place
// (PCRE2_NOTEMPTY_ATSTART), so "a*" over "baaac" matches at 0, 1-4, 4, 5.
#include <stdlib.h>
#include <string.h>

#include "runtime/bytes.h"
#include "runtime/dict.h"
#include "runtime/exc.h"
#include "runtime/gc.h"
#include "runtime/genericalias.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/native.h"
#include "runtime/ops.h"
#include "runtime/re/re.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"
#include "util/utf8.h"

enum { V_SEARCH, V_MATCH, V_FULL };

// PCRE2's contexts, made once: LF is the only newline (as Python's), a
// surrogate may be written \x{d800} (a str may hold one), and matches run
// on a JIT stack that grows to 64 MB rather than the default 32 KB (the
// memory is reserved, and used only as deep backtracking needs it).
static pcre2_compile_context *ccontext;
static pcre2_match_context *mcontext;

static bool contexts(Vm *vm) {
    if (mcontext) return true;
    pcre2_compile_context *cc = pcre2_compile_context_create(NULL);
    pcre2_match_context *mc = pcre2_match_context_create(NULL);
    if (!cc || !mc) {
        pcre2_compile_context_free(cc);
        pcre2_match_context_free(mc);
        return rt_raise_nomem(vm);
    }
    pcre2_set_newline(cc, PCRE2_NEWLINE_LF);
    pcre2_set_compile_extra_options(cc, PCRE2_EXTRA_ALLOW_SURROGATE_ESCAPES);
    pcre2_jit_stack *js = pcre2_jit_stack_create(32 * 1024, 64 * 1024 * 1024, NULL);
    if (js) pcre2_jit_stack_assign(mc, NULL, js);
    // No limits of its own, as CPython's matcher has none: a pattern that
    // backtracks forever runs forever there too. (The limits are counts of
    // backtracking steps and KiB of the interpreter's heap frames.)
    pcre2_set_match_limit(mc, UINT32_MAX);
    pcre2_set_depth_limit(mc, UINT32_MAX);
    pcre2_set_heap_limit(mc, 4u * 1024 * 1024);
    ccontext = cc;
    mcontext = mc;
    return true;
}

// ---- errors ----

bool re_raise_error(Vm *vm, Value cls, const char *msg, size_t len, Value pattern, int64_t pos) {
    size_t mark = gc_roots_mark(vm);
    ObjStr *m = str_new(vm, msg, len);
    TRY(m);
    gc_push_root(vm, OBJ_VAL(m));
    Value args[3] = {OBJ_VAL(m), pattern ? pattern : NONE_VAL, INT_VAL(pos)};
    if (pos < 0) args[2] = NONE_VAL;
    Value exc;
    bool ok = rt_call(vm, cls, args, 3, VAL_NULL, &exc);
    gc_roots_reset(vm, mark);
    TRY(ok);
    return rt_raise_value(vm, exc);
}

// Raises what a failed translation or template parse reported.
static bool raise_source_error(Vm *vm, ReSource *e, Value cls, Value pattern) {
    const char *msg = e->msg.data ? e->msg.data : "";
    switch (e->err) {
    case RE_ERR_VALUE: return rt_raise(vm, &ValueError_type, "%s", msg);
    case RE_ERR_OVERFLOW: return rt_raise(vm, &OverflowError_type, "%s", msg);
    case RE_ERR_INDEX: return rt_raise(vm, &IndexError_type, "%s", msg);
    default: return re_raise_error(vm, cls, msg, e->msg.len, pattern, e->pos);
    }
}

// The code points of a str, or the bytes of a bytes object, as uint32s
// (what the parsers read). NULL: out of memory (raised).
static uint32_t *code_points(Vm *vm, Value v, size_t *n, size_t *size) {
    const char *d;
    size_t len;
    bool text = IS_STR(v);
    if (text) d = AS_STR(v)->data, len = AS_STR(v)->len;
    else bytes_view(v, &d, &len);
    *size = (len + 1) * sizeof(uint32_t);
    uint32_t *cps = rt_alloc(vm, *size);
    if (!cps) return NULL;
    size_t k = 0;
    for (size_t i = 0; i < len;) {
        uint32_t c = (unsigned char)d[i];
        size_t step = 1;
        if (text && c >= 0x80) {
            step = utf8_decode((const unsigned char *)d + i, len - i, &c, true);
            if (!step) step = 1;
        }
        cps[k++] = c;
        i += step;
    }
    *n = k;
    return cps;
}

// ---- compiling ----

static pcre2_code *get_code(Vm *vm, ObjPattern *p, int variant) {
    if (p->code[variant]) return p->code[variant];
    uint32_t opts = p->options;
    if (variant != V_SEARCH) opts |= PCRE2_ANCHORED;
    if (variant == V_FULL) opts |= PCRE2_ENDANCHORED;
    int err;
    PCRE2_SIZE off;
    pcre2_code *code = pcre2_compile((PCRE2_SPTR)p->src, p->srclen, opts, &err, &off, ccontext);
    if (!code) {
        // Python accepted it, PCRE2 does not (a look-behind PCRE2 cannot
        // bound, say): name the engine rather than pretend CPython said so.
        PCRE2_UCHAR msg[256];
        pcre2_get_error_message(err, msg, sizeof msg);
        Buf b;
        buf_init(&b);
        bool ok = buf_printf(&b, "aiopy: PCRE2 cannot compile this pattern: %s", (const char *)msg);
        if (ok) re_raise_error(vm, p->error_cls, b.data, b.len, VAL_NULL, -1);
        else rt_raise_nomem(vm);
        buf_free(&b);
        return NULL;
    }
    pcre2_jit_compile(code, PCRE2_JIT_COMPLETE);   // without a JIT, the interpreter runs it
    p->code[variant] = code;
    return code;
}

static int64_t name_lookup(void *ctx, const uint32_t *name, size_t n);

// _re.compile(pattern, flags, error)
bool re_compile(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "compile", kw));
    TRY(rt_check_nargs(vm, "compile", nargs, 3, 3));
    Value pat = args[0];
    bool is_bytes = IS_BYTES(pat);
    if (!is_bytes && !IS_STR(pat))
        return rt_raise(vm, &TypeError_type, "first argument must be string or compiled pattern");
    int64_t flags;
    TRY(rt_index(vm, args[1], &flags));
    TRY(contexts(vm));
    size_t n;
    size_t size;
    uint32_t *cps = code_points(vm, pat, &n, &size);
    TRY(cps);
    ReSource src;
    bool ok = re_translate(cps, n, is_bytes, flags, &src);
    rt_free(vm, cps, size);
    if (!ok) {
        re_source_free(&src);
        return rt_raise_nomem(vm);
    }
    if (src.err != RE_ERR_NONE) {
        raise_source_error(vm, &src, args[2], pat);
        re_source_free(&src);
        return false;
    }
    size_t mark = gc_roots_mark(vm);
    ObjPattern *p = (ObjPattern *)gc_alloc(vm, &re_pattern_type, sizeof(ObjPattern));
    if (!p) goto fail;
    p->pattern = pat;
    p->error_cls = args[2];
    p->flags = src.flags;
    p->groups = src.groups;
    p->is_bytes = is_bytes;
    p->options = PCRE2_ALT_CIRCUMFLEX;
    if (!is_bytes) p->options |= PCRE2_UTF;
    if (src.ucp) p->options |= PCRE2_UCP;
    if (src.flags & RE_IGNORECASE) p->options |= PCRE2_CASELESS;
    if (src.flags & RE_MULTILINE) p->options |= PCRE2_MULTILINE;
    if (src.flags & RE_DOTALL) p->options |= PCRE2_DOTALL;
    p->src = buf_steal(&src.out, &p->srclen);
    if (!p->src) p->src = strdup(""), p->srclen = 0;
    p->close_rank = src.close_rank;
    src.close_rank = NULL;
    gc_push_root(vm, OBJ_VAL(p));
    ObjDict *gi = dict_new(vm);
    if (!gi) goto fail;
    p->groupindex = OBJ_VAL(gi);
    ObjTuple *ig = tuple_new(vm, p->groups + 1);
    if (!ig) goto fail;
    for (size_t i = 0; i <= p->groups; i++) ig->items[i] = NONE_VAL;
    p->indexgroup = OBJ_VAL(ig);
    const char *name = src.names.data;
    for (size_t k = 0; k < src.nnames; k++) {
        ObjStr *s = str_from_cstr(vm, name);
        if (!s) goto fail;
        ig->items[src.name_gid[k]] = OBJ_VAL(s);
        if (!dict_set(vm, gi, OBJ_VAL(s), INT_VAL(src.name_gid[k]))) goto fail;
        name += strlen(name) + 1;
    }
    if (!p->src || !get_code(vm, p, V_SEARCH)) goto fail;
    p->md = pcre2_match_data_create_from_pattern(p->code[V_SEARCH], NULL);
    if (!p->md) {
        rt_raise_nomem(vm);
        goto fail;
    }
    re_source_free(&src);
    gc_roots_reset(vm, mark);
    *out = OBJ_VAL(p);
    return true;
fail:
    re_source_free(&src);
    gc_roots_reset(vm, mark);
    return false;
}

// ---- subjects and offsets ----

bool re_subject(Vm *vm, ObjPattern *p, Value v, ReSubject *s) {
    s->obj = v;
    if (IS_STR(v)) {
        if (p->is_bytes) return rt_raise(vm, &TypeError_type, "cannot use a bytes pattern on a string-like object");
        ObjStr *str = AS_STR(v);
        s->data = str->data;
        s->len = str->len;
        s->cplen = str->cplen;
        s->ascii = STR_IS_ASCII(str);
        return true;
    }
    if (bytes_view(v, &s->data, &s->len)) {
        if (!p->is_bytes) return rt_raise(vm, &TypeError_type, "cannot use a string pattern on a bytes-like object");
        s->cplen = s->len;
        s->ascii = true;
        return true;
    }
    return rt_raise(vm, &TypeError_type, "expected string or bytes-like object, got '%s'", type_name(rt_type(v)));
}

size_t re_index_of(const char *data, bool ascii, size_t b, size_t ab, size_t ai) {
    if (ascii) return b;
    return b >= ab ? ai + utf8_count(data + ab, b - ab) : ai - utf8_count(data + b, ab - b);
}

size_t re_byte_of(ReSubject *s, size_t i) {
    if (s->ascii) return i;
    return str_byte_offset(AS_STR(s->obj), i);
}

bool re_slice(Vm *vm, bool is_bytes, const char *data, size_t a, size_t b, Value *out) {
    Obj *o = is_bytes ? (Obj *)bytes_new(vm, data + a, b - a) : (Obj *)str_new(vm, data + a, b - a);
    TRY(o);
    *out = OBJ_VAL(o);
    return true;
}

// pos and endpos as CPython clamps them.
static bool get_range(Vm *vm, ReSubject *s, Value vpos, Value vend, size_t *pos, size_t *end) {
    int64_t a = 0, b = INT64_MAX;
    if (vpos) TRY(rt_index(vm, vpos, &a));
    if (vend) TRY(rt_index(vm, vend, &b));
    int64_t n = (int64_t)s->cplen;
    a = a < 0 ? 0 : a > n ? n : a;
    b = b < 0 ? 0 : b > n ? n : b;
    *pos = (size_t)a;
    *end = (size_t)b;
    return true;
}

// ---- running PCRE2 ----

// A search of one compiled form over the subject's bytes [0, bend) from
// [start]. 1: matched (offsets in md), 0: no match, -1: error raised.
static int run(Vm *vm, ObjPattern *p, int variant, ReSubject *s, size_t start, size_t bend, uint32_t opts,
               pcre2_match_data *md) {
    pcre2_code *code = get_code(vm, p, variant);
    if (!code) return -1;
    int rc = pcre2_match(code, (PCRE2_SPTR)s->data, bend, start, opts | PCRE2_NO_UTF_CHECK, md, mcontext);
    // Deeper than the JIT stack allows: PCRE2's interpreter keeps its
    // backtracking frames on the heap and can go on.
    if (rc == PCRE2_ERROR_JIT_STACKLIMIT)
        rc = pcre2_match(code, (PCRE2_SPTR)s->data, bend, start, opts | PCRE2_NO_UTF_CHECK | PCRE2_NO_JIT, md,
                         mcontext);
    if (rc >= 0) return 1;
    if (rc == PCRE2_ERROR_NOMATCH) return 0;
    PCRE2_UCHAR msg[256];
    pcre2_get_error_message(rc, msg, sizeof msg);
    rt_raise(vm, &RuntimeError_type, "aiopy: regular expression matching failed: %s", (const char *)msg);
    return -1;
}

// The pattern's match data, or a fresh one when a search is already using
// it (a sub() callback searching with the same pattern).
static pcre2_match_data *md_acquire(Vm *vm, ObjPattern *p) {
    if (!p->md_busy) {
        p->md_busy = true;
        return p->md;
    }
    pcre2_match_data *md = pcre2_match_data_create_from_pattern(p->code[V_SEARCH], NULL);
    if (!md) rt_raise_nomem(vm);
    return md;
}

static void md_release(ObjPattern *p, pcre2_match_data *md) {
    if (md == p->md) p->md_busy = false;
    else pcre2_match_data_free(md);
}

// match/search/fullmatch: a Match or None.
static bool search_one(Vm *vm, Value *args, size_t nargs, Value kw, const char *name, int variant, Value *out) {
    static const char *const names[] = {"string", "pos", "endpos"};
    Value a[3];
    TRY(rt_parse_args(vm, name, args + 1, nargs - 1, kw, names, 3, 3, 1, a));
    ObjPattern *p = AS_PATTERN(args[0]);
    ReSubject s;
    TRY(re_subject(vm, p, a[0], &s));
    size_t pos, end;
    TRY(get_range(vm, &s, a[1], a[2], &pos, &end));
    *out = NONE_VAL;
    if (pos > end) return true;
    size_t bpos = re_byte_of(&s, pos), bend = re_byte_of(&s, end);
    pcre2_match_data *md = md_acquire(vm, p);
    TRY(md);
    int r = run(vm, p, variant, &s, bpos, bend, 0, md);
    ObjMatch *m = NULL;
    if (r > 0) m = re_match_new(vm, p, &s, (int64_t)pos, (int64_t)end, bpos, pcre2_get_ovector_pointer(md));
    md_release(p, md);
    if (r < 0 || (r > 0 && !m)) return false;
    if (m) *out = OBJ_VAL(m);
    return true;
}

static bool m_match(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    return search_one(vm, args, nargs, kw, "match", V_MATCH, out);
}
static bool m_search(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    return search_one(vm, args, nargs, kw, "search", V_SEARCH, out);
}
static bool m_fullmatch(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    return search_one(vm, args, nargs, kw, "fullmatch", V_FULL, out);
}

// A repeated search over [bstart, bend): next() gives the next match's
// offsets, CPython's rule for empty matches applied.
typedef struct Scan {
    ObjPattern *p;
    ReSubject *s;
    size_t b, bend;
    bool must_advance, done;
    pcre2_match_data *md;
    const size_t *ov;
} Scan;

static int scan_next(Vm *vm, Scan *sc) {
    if (sc->done || sc->b > sc->bend) return 0;
    int r = run(vm, sc->p, V_SEARCH, sc->s, sc->b, sc->bend, sc->must_advance ? PCRE2_NOTEMPTY_ATSTART : 0, sc->md);
    if (r <= 0) {
        sc->done = true;
        return r;
    }
    sc->ov = pcre2_get_ovector_pointer(sc->md);
    sc->must_advance = sc->ov[1] == sc->ov[0];
    sc->b = sc->ov[1];
    return 1;
}

// Group [g] of the match at [ov] as findall and split give it: [dflt] when
// it did not take part.
static bool ov_group(Vm *vm, ObjPattern *p, ReSubject *s, const size_t *ov, uint32_t g, Value dflt, Value *out) {
    if (ov[2 * g] == PCRE2_UNSET) {
        *out = dflt;
        return true;
    }
    return re_slice(vm, p->is_bytes, s->data, ov[2 * g], ov[2 * g + 1], out);
}

static bool empty_of(Vm *vm, ObjPattern *p, Value *out) { return re_slice(vm, p->is_bytes, "", 0, 0, out); }

static bool m_findall(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    static const char *const names[] = {"string", "pos", "endpos"};
    Value a[3];
    TRY(rt_parse_args(vm, "findall", args + 1, nargs - 1, kw, names, 3, 3, 1, a));
    ObjPattern *p = AS_PATTERN(args[0]);
    ReSubject s;
    TRY(re_subject(vm, p, a[0], &s));
    size_t pos, end;
    TRY(get_range(vm, &s, a[1], a[2], &pos, &end));
    size_t mark = gc_roots_mark(vm);
    ObjList *l = list_new(vm, 0);
    TRY(l);
    gc_push_root(vm, OBJ_VAL(l));
    Value empty;
    bool ok = empty_of(vm, p, &empty);
    if (ok) gc_push_root(vm, empty);
    Scan sc = {p, &s, re_byte_of(&s, pos), re_byte_of(&s, end), false, pos > end, NULL, NULL};
    sc.md = ok ? md_acquire(vm, p) : NULL;
    ok = sc.md != NULL;
    int r;
    while (ok && (r = scan_next(vm, &sc)) > 0) {
        Value item;
        if (p->groups == 0) {
            ok = re_slice(vm, p->is_bytes, s.data, sc.ov[0], sc.ov[1], &item);
        } else if (p->groups == 1) {
            ok = ov_group(vm, p, &s, sc.ov, 1, empty, &item);
        } else {
            ObjTuple *t = tuple_new(vm, p->groups);
            ok = t != NULL;
            if (ok) {
                for (uint32_t g = 0; g < p->groups; g++) t->items[g] = empty;
                gc_push_root(vm, OBJ_VAL(t));
                for (uint32_t g = 1; ok && g <= p->groups; g++) ok = ov_group(vm, p, &s, sc.ov, g, empty, &t->items[g - 1]);
                gc_pop_root(vm);
                item = OBJ_VAL(t);
            }
        }
        ok = ok && list_append(vm, l, item);
    }
    if (ok && r < 0) ok = false;
    if (sc.md) md_release(p, sc.md);
    gc_roots_reset(vm, mark);
    TRY(ok);
    *out = OBJ_VAL(l);
    return true;
}

static bool m_split(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    static const char *const names[] = {"string", "maxsplit"};
    Value a[2];
    TRY(rt_parse_args(vm, "split", args + 1, nargs - 1, kw, names, 2, 2, 1, a));
    ObjPattern *p = AS_PATTERN(args[0]);
    ReSubject s;
    TRY(re_subject(vm, p, a[0], &s));
    int64_t maxsplit = 0;
    if (a[1]) TRY(rt_index(vm, a[1], &maxsplit));
    size_t mark = gc_roots_mark(vm);
    ObjList *l = list_new(vm, 0);
    TRY(l);
    gc_push_root(vm, OBJ_VAL(l));
    Scan sc = {p, &s, 0, s.len, false, maxsplit < 0, NULL, NULL};
    sc.md = md_acquire(vm, p);
    bool ok = sc.md != NULL;
    size_t last = 0;
    int64_t n = 0;
    int r = 0;
    while (ok && (!maxsplit || n < maxsplit) && (r = scan_next(vm, &sc)) > 0) {
        Value item;
        ok = re_slice(vm, p->is_bytes, s.data, last, sc.ov[0], &item) && list_append(vm, l, item);
        for (uint32_t g = 1; ok && g <= p->groups; g++)
            ok = ov_group(vm, p, &s, sc.ov, g, NONE_VAL, &item) && list_append(vm, l, item);
        last = sc.ov[1];
        n++;
    }
    if (ok && r < 0) ok = false;
    if (sc.md) md_release(p, sc.md);
    Value rest;
    ok = ok && re_slice(vm, p->is_bytes, s.data, last, s.len, &rest) && list_append(vm, l, rest);
    gc_roots_reset(vm, mark);
    TRY(ok);
    *out = OBJ_VAL(l);
    return true;
}

// ---- sub ----

// "sequence item N: expected str instance, int found", as str.join says it.
static bool join_type_error(Vm *vm, ObjPattern *p, size_t item, Value v) {
    if (p->is_bytes)
        return rt_raise(vm, &TypeError_type, "sequence item %zu: expected a bytes-like object, %s found", item,
                        type_name(rt_type(v)));
    return rt_raise(vm, &TypeError_type, "sequence item %zu: expected str instance, %s found", item,
                    type_name(rt_type(v)));
}

static int64_t name_lookup(void *ctx, const uint32_t *name, size_t n) {
    void **c = ctx;
    Vm *vm = c[0];
    ObjPattern *p = c[1];
    Buf b;
    buf_init(&b);
    for (size_t i = 0; i < n; i++)
        if (!buf_put_utf8(&b, name[i])) {
            buf_free(&b);
            return -2;
        }
    ObjStr *s = str_new(vm, b.data ? b.data : "", b.len);
    buf_free(&b);
    if (!s) return -2;
    Value v;
    if (dict_get_str(vm, AS_DICT(p->groupindex), s, &v) <= 0 || !IS_INT(v)) return -1;
    return AS_INT(v);
}

bool re_template_parse(Vm *vm, ObjPattern *p, Value repl, ReTemplate *t) {
    size_t n;
    size_t size;
    uint32_t *cps = code_points(vm, repl, &n, &size);
    TRY(cps);
    void *ctx[2] = {vm, p};
    ReSource e;
    gc_push_root(vm, repl);
    bool ok = re_parse_template(cps, n, IS_BYTES(repl), p->groups, name_lookup, ctx, t, &e);
    gc_pop_root(vm);
    rt_free(vm, cps, size);
    if (!ok) {
        if (!vm->exc) rt_raise_nomem(vm);
    } else if (e.err != RE_ERR_NONE) {
        ok = false;
        raise_source_error(vm, &e, p->error_cls, repl);
    }
    re_source_free(&e);
    return ok;
}

void re_template_free(ReTemplate *t) {
    buf_free(&t->text);
    free(t->items);
    t->items = NULL;
    t->n = 0;
}

bool re_template_expand(Vm *vm, const ReTemplate *t, const char *data, const size_t *ov, uint32_t ngroups, Buf *b) {
    (void)ngroups;
    for (size_t i = 0; i < t->n; i++) {
        const struct ReTItem *it = &t->items[i];
        bool ok;
        if (it->group < 0) ok = buf_append(b, t->text.data + it->off, it->len);
        else if (ov[2 * it->group] == PCRE2_UNSET) ok = true;
        else ok = buf_append(b, data + ov[2 * it->group], ov[2 * it->group + 1] - ov[2 * it->group]);
        if (!ok) return rt_raise_nomem(vm);
    }
    return true;
}

// The pattern's parsed form of the template [repl], parsed again only when
// another object comes.
static ReTemplate *template_for(Vm *vm, ObjPattern *p, Value repl) {
    if (p->tmpl_repl == repl) return &p->tmpl;
    ReTemplate t = {0};
    buf_init(&t.text);
    if (!re_template_parse(vm, p, repl, &t)) {
        re_template_free(&t);
        return NULL;
    }
    re_template_free(&p->tmpl);
    p->tmpl = t;
    p->tmpl_repl = repl;
    return &p->tmpl;
}

static bool do_sub(Vm *vm, Value *args, size_t nargs, Value kw, const char *name, bool with_count, Value *out) {
    static const char *const names[] = {"repl", "string", "count"};
    Value a[3];
    TRY(rt_parse_args(vm, name, args + 1, nargs - 1, kw, names, 3, 3, 2, a));
    ObjPattern *p = AS_PATTERN(args[0]);
    Value repl = a[0];
    int64_t count = 0;
    bool callable = rt_callable(repl);
    ReTemplate *t = NULL;
    if (!callable) {
        if (!IS_STR(repl) && !IS_BYTES(repl))
            return rt_raise(vm, &TypeError_type, "decoding to str: need a bytes-like object, %s found",
                            type_name(rt_type(repl)));
        t = template_for(vm, p, repl);
        TRY(t);
    }
    ReSubject s;
    TRY(re_subject(vm, p, a[1], &s));
    if (a[2]) TRY(rt_index(vm, a[2], &count));
    // A replacement of the other kind fails as the join of the pieces would.
    bool wrong_kind = !callable && IS_BYTES(repl) != p->is_bytes;
    size_t mark = gc_roots_mark(vm);
    gc_push_root(vm, repl);
    gc_push_root(vm, s.obj);
    Buf b;
    buf_init(&b);
    Scan sc = {p, &s, 0, s.len, false, count < 0, NULL, NULL};
    sc.md = md_acquire(vm, p);
    bool ok = sc.md != NULL;
    size_t last = 0, pieces = 0;
    int64_t n = 0;
    int r = 0;
    while (ok && (!count || n < count) && (r = scan_next(vm, &sc)) > 0) {
        size_t ms = sc.ov[0], me = sc.ov[1];
        if (ms > last) {
            ok = buf_append(&b, s.data + last, ms - last) || rt_raise_nomem(vm);
            pieces++;
        }
        if (!ok) break;
        if (callable) {
            ObjMatch *m = re_match_new(vm, p, &s, 0, (int64_t)s.cplen, 0, sc.ov);
            Value v;
            if (m) gc_push_root(vm, OBJ_VAL(m));
            ok = m && rt_call1(vm, repl, OBJ_VAL(m), &v);
            if (m) gc_pop_root(vm);
            if (ok && !IS_NONE(v)) {
                const char *d;
                size_t len;
                if (!p->is_bytes && IS_STR(v)) ok = buf_append(&b, AS_STR(v)->data, AS_STR(v)->len);
                else if (p->is_bytes && bytes_view(v, &d, &len)) ok = buf_append(&b, d, len);
                else ok = join_type_error(vm, p, pieces, v);
                pieces++;
            }
        } else if (wrong_kind) {
            ok = join_type_error(vm, p, pieces, repl);
        } else {
            ok = re_template_expand(vm, t, s.data, sc.ov, p->groups + 1, &b);
            pieces++;
        }
        last = me;
        n++;
    }
    if (ok && r < 0) ok = false;
    if (sc.md) md_release(p, sc.md);
    if (ok) ok = buf_append(&b, s.data + last, s.len - last) || rt_raise_nomem(vm);
    Value res = VAL_NULL;
    if (ok) {
        if (n == 0 && (IS_TYPE_EXACT(s.obj, str_type) || IS_TYPE_EXACT(s.obj, bytes_type))) res = s.obj;
        else ok = re_slice(vm, p->is_bytes, b.data ? b.data : "", 0, b.len, &res);
    }
    buf_free(&b);
    if (ok && with_count) {
        gc_push_root(vm, res);
        ObjTuple *tp = tuple_pack2(vm, res, INT_VAL(n));
        ok = tp != NULL;
        if (ok) res = OBJ_VAL(tp);
    }
    gc_roots_reset(vm, mark);
    TRY(ok);
    *out = res;
    return true;
}

static bool m_sub(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    return do_sub(vm, args, nargs, kw, "sub", false, out);
}
static bool m_subn(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    return do_sub(vm, args, nargs, kw, "subn", true, out);
}

// ---- the scanner (finditer) ----

typedef struct ObjScanner {
    Obj hdr;
    Value pattern, string;
    size_t pos, end;      // indices
    size_t b, bend;       // bytes: where the next search starts, the end
    bool must_advance, done;
} ObjScanner;

static bool make_scanner(Vm *vm, Value *args, size_t nargs, Value kw, const char *name, Value *out) {
    static const char *const names[] = {"string", "pos", "endpos"};
    Value a[3];
    TRY(rt_parse_args(vm, name, args + 1, nargs - 1, kw, names, 3, 3, 1, a));
    ObjPattern *p = AS_PATTERN(args[0]);
    ReSubject s;
    TRY(re_subject(vm, p, a[0], &s));
    size_t pos, end;
    TRY(get_range(vm, &s, a[1], a[2], &pos, &end));
    ObjScanner *sc = (ObjScanner *)gc_alloc(vm, &re_scanner_type, sizeof(ObjScanner));
    TRY(sc);
    sc->pattern = args[0];
    sc->string = a[0];
    sc->pos = pos;
    sc->end = end;
    sc->b = re_byte_of(&s, pos);
    sc->bend = re_byte_of(&s, end);
    sc->done = pos > end;
    *out = OBJ_VAL(sc);
    return true;
}

static bool m_finditer(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    return make_scanner(vm, args, nargs, kw, "finditer", out);
}
static bool m_scanner(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    return make_scanner(vm, args, nargs, kw, "scanner", out);
}

// The scanner's next match (anchored for match()), or None.
static bool scanner_step(Vm *vm, ObjScanner *sc, int variant, Value *out) {
    *out = NONE_VAL;
    if (sc->done || sc->b > sc->bend) {
        sc->done = true;
        return true;
    }
    ObjPattern *p = AS_PATTERN(sc->pattern);
    ReSubject s;
    TRY(re_subject(vm, p, sc->string, &s));
    pcre2_match_data *md = md_acquire(vm, p);
    TRY(md);
    int r = run(vm, p, variant, &s, sc->b, sc->bend, sc->must_advance ? PCRE2_NOTEMPTY_ATSTART : 0, md);
    ObjMatch *m = NULL;
    if (r > 0) {
        const size_t *ov = pcre2_get_ovector_pointer(md);
        m = re_match_new(vm, p, &s, (int64_t)sc->pos, (int64_t)sc->end, re_byte_of(&s, sc->pos), ov);
        sc->must_advance = ov[1] == ov[0];
        sc->b = ov[1];
    } else {
        sc->done = true;
    }
    md_release(p, md);
    if (r < 0 || (r > 0 && !m)) return false;
    if (m) *out = OBJ_VAL(m);
    return true;
}

static bool sc_match(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "match", kw));
    TRY(rt_check_nargs(vm, "match", nargs - 1, 0, 0));
    return scanner_step(vm, (ObjScanner *)AS_OBJ(args[0]), V_MATCH, out);
}
static bool sc_search(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "search", kw));
    TRY(rt_check_nargs(vm, "search", nargs - 1, 0, 0));
    return scanner_step(vm, (ObjScanner *)AS_OBJ(args[0]), V_SEARCH, out);
}

static bool sc_iter(Vm *vm, Value self, Value *out) {
    (void)vm;
    *out = self;
    return true;
}

static IterResult sc_next(Vm *vm, Value self, Value *out) {
    if (!scanner_step(vm, (ObjScanner *)AS_OBJ(self), V_SEARCH, out)) return ITER_ERROR;
    return IS_NONE(*out) ? ITER_DONE : ITER_NEXT;
}

static bool sc_get_pattern(Vm *vm, Value self, Value *out) {
    (void)vm;
    *out = ((ObjScanner *)AS_OBJ(self))->pattern;
    return true;
}

static void sc_trace(Vm *vm, Obj *o) {
    ObjScanner *sc = (ObjScanner *)o;
    gc_mark_value(vm, sc->pattern);
    gc_mark_value(vm, sc->string);
}

static const MethodDef scanner_methods[] = {
    {"match", sc_match, 0},
    {"search", sc_search, 0},
    {NULL, NULL, 0},
};

static const GetSetDef scanner_getsets[] = {
    {"pattern", sc_get_pattern, NULL},
    {NULL, NULL, NULL},
};

ObjType re_scanner_type = {
    .hdr = OBJ_STATIC_HEADER(&type_type),
    .name = "_sre.SRE_Scanner",
    .basicsize = sizeof(ObjScanner),
    .flags = TYPE_ABSTRACT_NEW,
    .base = &object_type,
    .methods = scanner_methods,
    .getsets = scanner_getsets,
    .trace = sc_trace,
    .iter = sc_iter,
    .iternext = sc_next,
};

// ---- the Pattern type ----

// re.compile('a+', re.IGNORECASE): the source's repr cut at 200
// characters, then the flags by name (UNICODE left out when it is a str
// pattern's default), and any unnamed bits in hex.
static bool pattern_repr(Vm *vm, Value self, Value *out) {
    static const struct { int64_t f; const char *name; } fl[] = {
        {RE_TEMPLATE, "re.TEMPLATE"}, {RE_IGNORECASE, "re.IGNORECASE"}, {RE_LOCALE, "re.LOCALE"},
        {RE_MULTILINE, "re.MULTILINE"}, {RE_DOTALL, "re.DOTALL"}, {RE_UNICODE, "re.UNICODE"},
        {RE_VERBOSE, "re.VERBOSE"}, {RE_DEBUG, "re.DEBUG"}, {RE_ASCII, "re.ASCII"},
    };
    ObjPattern *p = AS_PATTERN(self);
    Value r;
    TRY(rt_repr(vm, p->pattern, &r));
    ObjStr *rs = AS_STR(r);
    size_t cut = rs->cplen > 200 ? str_byte_offset(rs, 200) : rs->len;
    Buf b;
    buf_init(&b);
    bool ok = buf_puts(&b, "re.compile(") && buf_append(&b, rs->data, cut);
    int64_t flags = p->flags;
    if ((flags & RE_UNICODE) && (flags & (RE_LOCALE | RE_UNICODE | RE_ASCII)) == RE_UNICODE) flags &= ~RE_UNICODE;
    if (flags) {
        ok = ok && buf_puts(&b, ", ");
        bool first = true;
        for (size_t i = 0; i < sizeof fl / sizeof *fl; i++)
            if (flags & fl[i].f) {
                ok = ok && (first || buf_putc(&b, '|')) && buf_puts(&b, fl[i].name);
                flags &= ~fl[i].f;
                first = false;
            }
        if (flags) ok = ok && (first || buf_putc(&b, '|')) && buf_printf(&b, "0x%llx", (unsigned long long)flags);
    }
    ok = ok && buf_putc(&b, ')');
    ObjStr *s = ok ? str_new(vm, b.data, b.len) : NULL;
    buf_free(&b);
    if (!ok) return rt_raise_nomem(vm);
    TRY(s);
    *out = OBJ_VAL(s);
    return true;
}

static bool pattern_richcompare(Vm *vm, Value a, Value b, CmpOp op, Value *out) {
    if ((op != CMP_EQ && op != CMP_NE) || !IS_PATTERN(a) || !IS_PATTERN(b)) {
        *out = NOTIMPL_VAL;
        return true;
    }
    ObjPattern *x = AS_PATTERN(a), *y = AS_PATTERN(b);
    int eq = 1;
    if (x != y) {
        eq = x->flags == y->flags && x->is_bytes == y->is_bytes;
        if (eq) eq = rt_eq(vm, x->pattern, y->pattern);
        if (eq < 0) return false;
    }
    *out = (eq != 0) == (op == CMP_EQ) ? TRUE_VAL : FALSE_VAL;
    return true;
}

static bool pattern_hash(Vm *vm, Value self, int64_t *out) {
    ObjPattern *p = AS_PATTERN(self);
    int64_t h;
    TRY(rt_hash(vm, p->pattern, &h));
    h ^= p->flags * 1000003;
    *out = h == -1 ? -2 : h;
    return true;
}

static bool m_copy(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    (void)vm, (void)nargs, (void)kw;
    *out = args[0];
    return true;
}

static bool get_pattern(Vm *vm, Value self, Value *out) {
    (void)vm;
    *out = AS_PATTERN(self)->pattern;
    return true;
}
static bool get_flags(Vm *vm, Value self, Value *out) {
    (void)vm;
    *out = INT_VAL(AS_PATTERN(self)->flags);
    return true;
}
static bool get_groups(Vm *vm, Value self, Value *out) {
    (void)vm;
    *out = INT_VAL(AS_PATTERN(self)->groups);
    return true;
}
// A copy: CPython hands out a read-only view, aiopy has no mappingproxy.
static bool get_groupindex(Vm *vm, Value self, Value *out) {
    ObjDict *d = dict_copy(vm, AS_DICT(AS_PATTERN(self)->groupindex));
    TRY(d);
    *out = OBJ_VAL(d);
    return true;
}

static void pattern_trace(Vm *vm, Obj *o) {
    ObjPattern *p = (ObjPattern *)o;
    gc_mark_value(vm, p->pattern);
    gc_mark_value(vm, p->groupindex);
    gc_mark_value(vm, p->indexgroup);
    gc_mark_value(vm, p->error_cls);
    gc_mark_value(vm, p->tmpl_repl);
}

static void pattern_free(Vm *vm, Obj *o) {
    (void)vm;
    ObjPattern *p = (ObjPattern *)o;
    for (int i = 0; i < 3; i++) pcre2_code_free(p->code[i]);
    pcre2_match_data_free(p->md);
    free(p->close_rank);
    free(p->src);
    re_template_free(&p->tmpl);
}

static const MethodDef pattern_methods[] = {
    {"match", m_match, 0},
    {"fullmatch", m_fullmatch, 0},
    {"search", m_search, 0},
    {"findall", m_findall, 0},
    {"finditer", m_finditer, 0},
    {"scanner", m_scanner, 0},
    {"split", m_split, 0},
    {"sub", m_sub, 0},
    {"subn", m_subn, 0},
    {"__copy__", m_copy, 0},
    {"__deepcopy__", m_copy, 0},
    {"__class_getitem__", ga_class_getitem, METH_CLASS},
    {NULL, NULL, 0},
};

static const GetSetDef pattern_getsets[] = {
    {"pattern", get_pattern, NULL},
    {"flags", get_flags, NULL},
    {"groups", get_groups, NULL},
    {"groupindex", get_groupindex, NULL},
    {NULL, NULL, NULL},
};

ObjType re_pattern_type = {
    .hdr = OBJ_STATIC_HEADER(&type_type),
    .name = "re.Pattern",
    .basicsize = sizeof(ObjPattern),
    .flags = TYPE_ABSTRACT_NEW,
    .base = &object_type,
    .methods = pattern_methods,
    .getsets = pattern_getsets,
    .trace = pattern_trace,
    .free = pattern_free,
    .repr = pattern_repr,
    .hash = pattern_hash,
    .richcompare = pattern_richcompare,
};
