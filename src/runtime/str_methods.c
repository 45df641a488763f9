// str methods (split, join, strip, replace, find, case mapping, predicates,
// padding, partition, splitlines, encode): the str_methods table, with
// CPython's argument rules and messages. Positions given to and returned by
// methods are code-point indices; the work is done on UTF-8 bytes.
#include <string.h>

#include "runtime/bytes.h"
#include "runtime/exc.h"
#include "runtime/gc.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/native.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"
#include "runtime/unidata.h"
#include "lexer/uniprops.h"
#include "util/utf8.h"

#define SELF AS_STR(args[0])
#define NOKW(n) TRY(rt_no_kwargs(vm, n, kw))

extern bool fmt_str_format(Vm *vm, Value *args, size_t nargs, Value kw, Value *out);
extern bool fmt_dunder_format(Vm *vm, Value *args, size_t nargs, Value kw, Value *out);

static uint32_t cp_at(const char *p, size_t n, size_t *len) {
    uint32_t cp;
    size_t k = utf8_decode((const unsigned char *)p, n, &cp, true);
    if (!k) {
        *len = 1;
        return (unsigned char)*p;
    }
    *len = k;
    return cp;
}

static bool ret_buf(Vm *vm, Buf *b, bool ok, Value *out) {
    ObjStr *s = ok ? str_new(vm, b->data ? b->data : "", b->len) : NULL;
    if (!ok) rt_raise_nomem(vm);
    buf_free(b);
    TRY(s);
    *out = OBJ_VAL(s);
    return true;
}

static bool ret_sub(Vm *vm, ObjStr *s, size_t bs, size_t be, Value *out) {
    ObjStr *r = bs == 0 && be == s->len         ? s
                : STR_IS_ASCII(s) ? str_new_counted(vm, s->data + bs, be - bs, be - bs)
                                  : str_new(vm, s->data + bs, be - bs);
    TRY(r);
    *out = OBJ_VAL(r);
    return true;
}

static bool need_str(Vm *vm, Value v, const char *what) {
    if (IS_STR(v)) return true;
    return rt_raise(vm, &TypeError_type, "%s must be str, not %s", what, type_name(rt_type(v)));
}

// Code-point range [start, end) of optional slice arguments, clamped.
static bool cp_range(Vm *vm, ObjStr *s, Value *args, size_t nargs, size_t first, size_t *bs,
                     size_t *be, bool *empty) {
    int64_t len = (int64_t)s->cplen, a = 0, b = len;
    if (nargs > first && !IS_NONE(args[first])) TRY(rt_index_clamped(vm, args[first], &a));
    if (nargs > first + 1 && !IS_NONE(args[first + 1])) TRY(rt_index_clamped(vm, args[first + 1], &b));
    if (a < 0) a = a + len < 0 ? 0 : a + len;
    if (b < 0) b = b + len < 0 ? 0 : b + len;
    if (b > len) b = len;
    *empty = a > len || a > b;
    if (*empty) a = b = a > len ? len : a;
    *bs = str_byte_offset(s, (size_t)a);
    *be = str_byte_offset(s, (size_t)(b < a ? a : b));
    return true;
}

static size_t cp_index_of(ObjStr *s, size_t byte) {
    return STR_IS_ASCII(s) ? byte : utf8_count(s->data, byte);
}

// ---- searching ----

static bool search_args(Vm *vm, const char *name, Value *args, size_t nargs, Value kw) {
    NOKW(name);
    if (nargs < 2)
        return rt_raise(vm, &TypeError_type, "%s() takes at least 1 argument (0 given)", name);
    if (nargs > 4)
        return rt_raise(vm, &TypeError_type, "%s() takes at most 3 arguments (%zu given)", name, nargs - 1);
    return need_str(vm, args[1], "must be str, not") || true;
}

static bool find_impl(Vm *vm, Value *args, size_t nargs, Value kw, const char *name, bool rev,
                      bool raise, Value *out) {
    TRY(search_args(vm, name, args, nargs, kw));
    if (!IS_STR(args[1]))
        return rt_raise(vm, &TypeError_type, "must be str, not %s", type_name(rt_type(args[1])));
    ObjStr *s = SELF, *sub = AS_STR(args[1]);
    size_t bs, be;
    bool empty;
    TRY(cp_range(vm, s, args, nargs, 2, &bs, &be, &empty));
    const char *p = NULL;
    if (!empty && sub->len <= be - bs)
        p = rev ? rt_memrfind(s->data + bs, be - bs, sub->data, sub->len)
                : rt_memfind(s->data + bs, be - bs, sub->data, sub->len);
    if (!p && raise) return rt_raise(vm, &ValueError_type, "substring not found");
    *out = INT_VAL(p ? (int64_t)cp_index_of(s, (size_t)(p - s->data)) : -1);
    return true;
}

static bool m_find(Vm *vm, Value *a, size_t n, Value kw, Value *o) { return find_impl(vm, a, n, kw, "find", false, false, o); }
static bool m_rfind(Vm *vm, Value *a, size_t n, Value kw, Value *o) { return find_impl(vm, a, n, kw, "rfind", true, false, o); }
static bool m_index(Vm *vm, Value *a, size_t n, Value kw, Value *o) { return find_impl(vm, a, n, kw, "index", false, true, o); }
static bool m_rindex(Vm *vm, Value *a, size_t n, Value kw, Value *o) { return find_impl(vm, a, n, kw, "rindex", true, true, o); }

static bool m_count(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(search_args(vm, "count", args, nargs, kw));
    if (!IS_STR(args[1]))
        return rt_raise(vm, &TypeError_type, "must be str, not %s", type_name(rt_type(args[1])));
    ObjStr *s = SELF, *sub = AS_STR(args[1]);
    size_t bs, be;
    bool empty;
    TRY(cp_range(vm, s, args, nargs, 2, &bs, &be, &empty));
    int64_t n = 0;
    if (empty) n = 0;
    else if (sub->len == 0) n = (int64_t)utf8_count(s->data + bs, be - bs) + 1;
    else
        for (const char *p = s->data + bs, *e = s->data + be;
             (p = rt_memfind(p, (size_t)(e - p), sub->data, sub->len)); p += sub->len)
            n++;
    *out = INT_VAL(n);
    return true;
}

static bool affix(Vm *vm, Value *args, size_t nargs, Value kw, bool end, Value *out) {
    const char *name = end ? "endswith" : "startswith";
    NOKW(name);
    TRY(rt_check_nargs(vm, name, nargs, 2, 4));
    ObjStr *s = SELF;
    size_t bs, be;
    bool empty;
    TRY(cp_range(vm, s, args, nargs, 2, &bs, &be, &empty));
    Value pats = args[1];
    size_t n = IS_TUPLE(pats) ? AS_TUPLE(pats)->len : 1;
    if (!IS_TUPLE(pats) && !IS_STR(pats))
        return rt_raise(vm, &TypeError_type, "%s first arg must be str or a tuple of str, not %s", name,
                        type_name(rt_type(pats)));
    for (size_t i = 0; i < n; i++) {
        Value p = IS_TUPLE(pats) ? AS_TUPLE(pats)->items[i] : pats;
        if (!IS_STR(p))
            return rt_raise(vm, &TypeError_type, "tuple for %s must only contain str, not %s", name,
                            type_name(rt_type(p)));
        ObjStr *x = AS_STR(p);
        if (!empty && x->len <= be - bs &&
            memcmp(end ? s->data + be - x->len : s->data + bs, x->data, x->len) == 0) {
            *out = TRUE_VAL;
            return true;
        }
    }
    *out = FALSE_VAL;
    return true;
}

static bool m_startswith(Vm *vm, Value *a, size_t n, Value kw, Value *o) { return affix(vm, a, n, kw, false, o); }
static bool m_endswith(Vm *vm, Value *a, size_t n, Value kw, Value *o) { return affix(vm, a, n, kw, true, o); }

// ---- splitting and joining ----

static bool is_space_at(const char *p, size_t n, size_t *len) { return uc_isspace(cp_at(p, n, len)); }

static bool push_part(Vm *vm, ObjList *l, ObjStr *s, size_t bs, size_t be) {
    Value v;
    TRY(ret_sub(vm, s, bs, be, &v));
    return list_append(vm, l, v);
}

static bool split_impl(Vm *vm, Value *args, size_t nargs, Value kw, bool rev, Value *out) {
    static const char *const names[] = {"", "sep", "maxsplit"};
    Value a[3];
    TRY(rt_parse_args(vm, rev ? "rsplit" : "split", args, nargs, kw, names, 3, 3, 1, a));
    ObjStr *s = SELF;
    int64_t maxsplit = -1;
    if (a[2]) TRY(rt_index(vm, a[2], &maxsplit));
    if (maxsplit < 0) maxsplit = INT64_MAX;
    if (a[1] && !IS_NONE(a[1]) && !IS_STR(a[1]))
        return rt_raise(vm, &TypeError_type, "must be str or None, not %s", type_name(rt_type(a[1])));
    ObjList *l = list_new(vm, 0);
    TRY(l);
    gc_push_root(vm, OBJ_VAL(l));
    bool ok = true;
    size_t k;
    if (!a[1] || IS_NONE(a[1])) {
        if (!rev) {
            size_t i = 0;
            while (ok) {
                while (i < s->len && is_space_at(s->data + i, s->len - i, &k)) i += k;
                if (i >= s->len) break;
                if (maxsplit-- == 0) {
                    size_t e = s->len;   // the rest, minus trailing whitespace
                    ok = push_part(vm, l, s, i, e);
                    // CPython keeps trailing whitespace in the last part only when
                    // maxsplit stops early: 'b '.
                    break;
                }
                size_t j = i;
                while (j < s->len && !is_space_at(s->data + j, s->len - j, &k)) j += k;
                ok = push_part(vm, l, s, i, j);
                i = j;
            }
        } else {
            size_t j = s->len;
            while (ok) {
                // Step back over whitespace (code points end where the next begins).
                while (j > 0) {
                    size_t p = j - 1;
                    while (p > 0 && ((unsigned char)s->data[p] & 0xC0) == 0x80) p--;
                    if (!is_space_at(s->data + p, s->len - p, &k)) break;
                    j = p;
                }
                if (j == 0) break;
                if (maxsplit-- == 0) {
                    ok = push_part(vm, l, s, 0, j);
                    break;
                }
                size_t i = j;
                while (i > 0) {
                    size_t p = i - 1;
                    while (p > 0 && ((unsigned char)s->data[p] & 0xC0) == 0x80) p--;
                    if (is_space_at(s->data + p, s->len - p, &k)) break;
                    i = p;
                }
                ok = push_part(vm, l, s, i, j);
                j = i;
            }
        }
    } else {
        ObjStr *sep = AS_STR(a[1]);
        if (sep->len == 0) {
            gc_pop_root(vm);
            return rt_raise(vm, &ValueError_type, "empty separator");
        }
        if (!rev) {
            size_t i = 0;
            for (;;) {
                const char *q = maxsplit-- > 0 ? rt_memfind(s->data + i, s->len - i, sep->data, sep->len) : NULL;
                size_t e = q ? (size_t)(q - s->data) : s->len;
                if (!(ok = push_part(vm, l, s, i, e)) || !q) break;
                i = e + sep->len;
            }
        } else {
            size_t j = s->len;
            for (;;) {
                const char *q = maxsplit-- > 0 ? rt_memrfind(s->data, j, sep->data, sep->len) : NULL;
                size_t b = q ? (size_t)(q - s->data) + sep->len : 0;
                if (!(ok = push_part(vm, l, s, b, j)) || !q) break;
                j = (size_t)(q - s->data);
            }
        }
    }
    if (ok && rev)   // parts were collected right to left
        for (size_t i = 0, j = l->len; i + 1 < j; i++, j--) {
            Value t = l->items[i];
            l->items[i] = l->items[j - 1];
            l->items[j - 1] = t;
        }
    gc_pop_root(vm);
    TRY(ok);
    *out = OBJ_VAL(l);
    return true;
}

static bool m_split(Vm *vm, Value *a, size_t n, Value kw, Value *o) { return split_impl(vm, a, n, kw, false, o); }
static bool m_rsplit(Vm *vm, Value *a, size_t n, Value kw, Value *o) { return split_impl(vm, a, n, kw, true, o); }

// Joins [n] items known to be strs of exact or sub type, in one allocation
// sized up front: no growing buffer, and the code-point count is summed
// rather than recounted.
static bool join_items(Vm *vm, ObjStr *sep, const Value *items, size_t n, Value *out) {
    if (n == 1 && IS_TYPE_EXACT(items[0], str_type)) {
        *out = items[0];
        return true;
    }
    size_t len = n ? sep->len * (n - 1) : 0, cplen = n ? sep->cplen * (n - 1) : 0;
    bool overflow = false;
    for (size_t i = 0; i < n; i++) {
        ObjStr *x = AS_STR(items[i]);
        overflow |= __builtin_add_overflow(len, x->len, &len);
        cplen += x->cplen;
    }
    if (overflow || len > (size_t)INT64_MAX) return rt_raise_nomem(vm);
    if (len == 0) {
        *out = vm->empty_str;
        return true;
    }
    // Callers keep [items] and [sep] reachable across this allocation.
    ObjStr *r = str_alloc(vm, len);
    TRY(r);
    char *p = r->data;
    for (size_t i = 0; i < n; i++) {
        if (i && sep->len) {
            memcpy(p, sep->data, sep->len);
            p += sep->len;
        }
        ObjStr *x = AS_STR(items[i]);
        memcpy(p, x->data, x->len);
        p += x->len;
    }
    *p = '\0';
    r->cplen = cplen;
    *out = OBJ_VAL(r);
    return true;
}

bool str_join(Vm *vm, ObjStr *sep, Value iterable, Value *out) {
    // A list or tuple is read in place (joining runs no Python code, so it
    // cannot change meanwhile); any other iterable is collected first.
    Value seq = iterable;
    if (!IS_TYPE_EXACT(iterable, list_type) && !IS_TYPE_EXACT(iterable, tuple_type)) {
        if (!TYPE_SLOT(rt_type(iterable), iter) && !TYPE_SLOT(rt_type(iterable), getitem))
            return rt_raise(vm, &TypeError_type, "can only join an iterable");
        TRY(tuple_from_iterable(vm, iterable, &seq));
    }
    const Value *items = IS_LIST(seq) ? AS_LIST(seq)->items : AS_TUPLE(seq)->items;
    size_t n = IS_LIST(seq) ? AS_LIST(seq)->len : AS_TUPLE(seq)->len;
    for (size_t i = 0; i < n; i++)
        if (!IS_STR(items[i]))
            return rt_raise(vm, &TypeError_type, "sequence item %zu: expected str instance, %s found", i,
                            type_name(rt_type(items[i])));
    gc_push_root(vm, seq);
    gc_push_root(vm, OBJ_VAL(sep));
    bool ok = join_items(vm, sep, items, n, out);
    gc_pop_roots(vm, 2);
    return ok;
}

static bool m_join(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    NOKW("join");
    TRY(rt_check_nargs(vm, "str.join", nargs, 2, 2));
    return str_join(vm, SELF, args[1], out);
}

static bool m_splitlines(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    static const char *const names[] = {"", "keepends"};
    Value a[2];
    TRY(rt_parse_args(vm, "splitlines", args, nargs, kw, names, 2, 2, 1, a));
    int keep = a[1] ? rt_is_true(vm, a[1]) : 0;
    if (keep < 0) return false;
    ObjStr *s = SELF;
    ObjList *l = list_new(vm, 0);
    TRY(l);
    gc_push_root(vm, OBJ_VAL(l));
    bool ok = true;
    size_t i = 0, start = 0, k;
    while (ok && i < s->len) {
        uint32_t c = cp_at(s->data + i, s->len - i, &k);
        bool nl = c == '\n' || c == '\r' || c == 0x0b || c == 0x0c || c == 0x1c || c == 0x1d ||
                  c == 0x1e || c == 0x85 || c == 0x2028 || c == 0x2029;
        if (!nl) {
            i += k;
            continue;
        }
        size_t eol = i;
        i += k;
        if (c == '\r' && i < s->len && s->data[i] == '\n') i++;
        ok = push_part(vm, l, s, start, keep ? i : eol);
        start = i;
    }
    if (ok && start < s->len) ok = push_part(vm, l, s, start, s->len);
    gc_pop_root(vm);
    TRY(ok);
    *out = OBJ_VAL(l);
    return true;
}

static bool partition_impl(Vm *vm, Value *args, size_t nargs, Value kw, bool rev, Value *out) {
    NOKW(rev ? "rpartition" : "partition");
    TRY(rt_check_nargs(vm, rev ? "str.rpartition" : "str.partition", nargs, 2, 2));
    if (!IS_STR(args[1]))
        return rt_raise(vm, &TypeError_type, "must be str, not %s", type_name(rt_type(args[1])));
    ObjStr *s = SELF, *sep = AS_STR(args[1]);
    if (sep->len == 0) return rt_raise(vm, &ValueError_type, "empty separator");
    const char *q = rev ? rt_memrfind(s->data, s->len, sep->data, sep->len)
                        : rt_memfind(s->data, s->len, sep->data, sep->len);
    ObjTuple *t = tuple_new(vm, 3);
    TRY(t);
    gc_push_root(vm, OBJ_VAL(t));
    bool ok = true;
    if (!q) {
        t->items[rev ? 2 : 0] = args[0];
        t->items[1] = t->items[rev ? 0 : 2] = vm->empty_str;
    } else {
        size_t at = (size_t)(q - s->data);
        t->items[1] = args[1];
        ok = ret_sub(vm, s, 0, at, &t->items[0]) && ret_sub(vm, s, at + sep->len, s->len, &t->items[2]);
    }
    gc_pop_root(vm);
    TRY(ok);
    *out = OBJ_VAL(t);
    return true;
}

static bool m_partition(Vm *vm, Value *a, size_t n, Value kw, Value *o) { return partition_impl(vm, a, n, kw, false, o); }
static bool m_rpartition(Vm *vm, Value *a, size_t n, Value kw, Value *o) { return partition_impl(vm, a, n, kw, true, o); }

// ---- stripping and replacing ----

static bool in_chars(ObjStr *chars, uint32_t c) {
    if (!chars) return uc_isspace(c);
    size_t i = 0, k;
    while (i < chars->len) {
        if (cp_at(chars->data + i, chars->len - i, &k) == c) return true;
        i += k;
    }
    return false;
}

static bool strip_impl(Vm *vm, Value *args, size_t nargs, Value kw, int which, Value *out) {
    static const char *const fn[] = {"strip", "lstrip", "rstrip"};
    NOKW(fn[which]);
    TRY(rt_check_nargs(vm, fn[which], nargs, 1, 2));
    ObjStr *chars = NULL;
    if (nargs > 1 && !IS_NONE(args[1])) {
        if (!IS_STR(args[1])) return rt_raise(vm, &TypeError_type, "%s arg must be None or str", fn[which]);
        chars = AS_STR(args[1]);
    }
    ObjStr *s = SELF;
    size_t i = 0, j = s->len, k;
    if (which != 2)
        while (i < j && in_chars(chars, cp_at(s->data + i, j - i, &k))) i += k;
    if (which != 1)
        while (j > i) {
            size_t p = j - 1;
            while (p > i && ((unsigned char)s->data[p] & 0xC0) == 0x80) p--;
            if (!in_chars(chars, cp_at(s->data + p, j - p, &k))) break;
            j = p;
        }
    return ret_sub(vm, s, i, j, out);
}

static bool m_strip(Vm *vm, Value *a, size_t n, Value kw, Value *o) { return strip_impl(vm, a, n, kw, 0, o); }
static bool m_lstrip(Vm *vm, Value *a, size_t n, Value kw, Value *o) { return strip_impl(vm, a, n, kw, 1, o); }
static bool m_rstrip(Vm *vm, Value *a, size_t n, Value kw, Value *o) { return strip_impl(vm, a, n, kw, 2, o); }

// replace('', rep): [rep] before every code point and at the end.
static bool replace_empty(Vm *vm, ObjStr *s, ObjStr *rep, int64_t count, Value *out) {
    Buf b;
    buf_init(&b);
    bool ok = true;
    size_t i = 0, k;
    while (ok && count > 0) {
        ok = buf_append(&b, rep->data, rep->len);
        count--;
        if (i >= s->len) break;
        cp_at(s->data + i, s->len - i, &k);
        ok = ok && buf_append(&b, s->data + i, k);
        i += k;
    }
    ok = ok && buf_append(&b, s->data + i, s->len - i);
    return ret_buf(vm, &b, ok, out);
}

static bool m_replace(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    NOKW("replace");
    TRY(rt_check_nargs(vm, "replace", nargs, 3, 4));
    for (int i = 1; i <= 2; i++)
        if (!IS_STR(args[i]))
            return rt_raise(vm, &TypeError_type, "replace() argument %d must be str, not %s", i,
                            type_name(rt_type(args[i])));
    int64_t count = -1;
    if (nargs > 3) TRY(rt_index(vm, args[3], &count));
    if (count < 0) count = INT64_MAX;
    ObjStr *s = SELF, *old = AS_STR(args[1]), *rep = AS_STR(args[2]);
    if (old->len == 0) return replace_empty(vm, s, rep, count, out);
    // Count the matches, then build the result in one allocation of the
    // exact size (a growing buffer plus a copy cost 6% of str work).
    size_t n = 0;
    const char *e = s->data + s->len;
    for (const char *p = s->data, *q; (int64_t)n < count && (q = rt_memfind(p, (size_t)(e - p), old->data, old->len));
         p = q + old->len)
        n++;
    if (n == 0) {   // CPython returns the str itself too (str has no subclasses here)
        *out = args[0];
        return true;
    }
    size_t len;
    if (rep->len >= old->len) {
        size_t grow;
        TRY(rt_size_mul(vm, n, rep->len - old->len, &grow));
        TRY(rt_size_add(vm, s->len, grow, &len));
    } else {
        len = s->len - n * (old->len - rep->len);
    }
    ObjStr *r = len ? str_alloc(vm, len) : AS_STR(vm->empty_str);   // args[] stays rooted
    TRY(r);
    if (!len) {
        *out = OBJ_VAL(r);
        return true;
    }
    char *d = r->data;
    const char *p = s->data;
    for (size_t i = 0; i < n; i++) {
        const char *q = rt_memfind(p, (size_t)(e - p), old->data, old->len);
        memcpy(d, p, (size_t)(q - p));
        d += q - p;
        memcpy(d, rep->data, rep->len);
        d += rep->len;
        p = q + old->len;
    }
    memcpy(d, p, (size_t)(e - p));
    r->data[len] = '\0';
    r->cplen = s->cplen - n * old->cplen + n * rep->cplen;
    *out = OBJ_VAL(r);
    return true;
}

static bool m_removeprefix(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    NOKW("removeprefix");
    TRY(rt_check_nargs(vm, "str.removeprefix", nargs, 2, 2));
    if (!IS_STR(args[1]))
        return rt_raise(vm, &TypeError_type, "removeprefix() argument must be str, not %s", type_name(rt_type(args[1])));
    ObjStr *s = SELF, *p = AS_STR(args[1]);
    if (p->len <= s->len && memcmp(s->data, p->data, p->len) == 0) return ret_sub(vm, s, p->len, s->len, out);
    *out = args[0];
    return true;
}

static bool m_removesuffix(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    NOKW("removesuffix");
    TRY(rt_check_nargs(vm, "str.removesuffix", nargs, 2, 2));
    if (!IS_STR(args[1]))
        return rt_raise(vm, &TypeError_type, "removesuffix() argument must be str, not %s", type_name(rt_type(args[1])));
    ObjStr *s = SELF, *p = AS_STR(args[1]);
    if (p->len && p->len <= s->len && memcmp(s->data + s->len - p->len, p->data, p->len) == 0)
        return ret_sub(vm, s, 0, s->len - p->len, out);
    *out = args[0];
    return true;
}

// ---- case mapping ----

enum { CASE_UPPER, CASE_LOWER, CASE_FOLD, CASE_SWAP, CASE_TITLE, CASE_CAPITALIZE };


// ASCII in, ASCII out, byte for byte: no decoding, no buffer, no recount.
// (Strings of 0 or 1 bytes take the general path, which returns the shared
// empty and one-character strings.)
static bool case_ascii(Vm *vm, ObjStr *s, int mode, Value *out) {
    if (mode == CASE_FOLD) mode = CASE_LOWER;   // the same in ASCII
    ObjStr *r = str_alloc(vm, s->len);
    TRY(r);
    // upper() and lower() get loops of their own, which the compiler
    // vectorises; the general loop below pays a switch per byte.
    if (mode == CASE_UPPER || mode == CASE_LOWER) {
        char from = mode == CASE_UPPER ? 'a' : 'A';
        // Eight bytes at a time: all are below 0x80, so adding (0x80 - b) to
        // each sets its top bit iff the byte is >= b, with no carry between
        // bytes; bytes in [from, from + 26) get their 0x20 bit flipped.
        uint64_t lo = 0x0101010101010101ull * (uint64_t)(0x80 - from),
                 hi = 0x0101010101010101ull * (uint64_t)(0x80 - (from + 26));
        size_t i = 0;
        for (; i + 8 <= s->len; i += 8) {
            uint64_t w;
            memcpy(&w, s->data + i, 8);
            w ^= ((w + lo) & ~(w + hi) & 0x8080808080808080ull) >> 2;
            memcpy(r->data + i, &w, 8);
        }
        for (; i < s->len; i++) {
            char c = s->data[i];
            r->data[i] = (char)((unsigned char)(c - from) < 26 ? c ^ 0x20 : c);
        }
        r->data[s->len] = '\0';
        r->cplen = s->len;
        *out = OBJ_VAL(r);
        return true;
    }
    bool prev_cased = false;
    for (size_t i = 0; i < s->len; i++) {
        char c = s->data[i];
        bool up = c >= 'A' && c <= 'Z', low = c >= 'a' && c <= 'z', to_up;
        switch (mode) {
        case CASE_UPPER: to_up = true; break;
        case CASE_LOWER: to_up = false; break;
        case CASE_SWAP: to_up = low; break;
        case CASE_TITLE:
            to_up = !prev_cased;
            prev_cased = up || low;
            break;
        default: to_up = i == 0; break;
        }
        r->data[i] = (char)(to_up && low ? c - 'a' + 'A' : !to_up && up ? c - 'A' + 'a' : c);
    }
    r->data[s->len] = '\0';
    r->cplen = s->len;
    *out = OBJ_VAL(r);
    return true;
}

static bool case_ignorable(uint32_t c) {
    if (c < 0x80) return c == '\'' || c == '.' || c == ':' || c == '^' || c == '`';
    return uni_is_case_ignorable(c);
}
static bool cased(uint32_t c) { return c < 0x80 ? uc_isupper(c) || uc_islower(c) : uni_is_cased(c); }

// Unicode's Final_Sigma: a capital sigma that ends a word (a cased letter
// before it, none after, case-ignorable characters skipped) lowers to ς.
static uint32_t lower_sigma(const ObjStr *s, size_t at, size_t next) {
    size_t i = at;
    uint32_t c = 0;
    bool before = false;
    while (i > 0) {
        do i--; while (i > 0 && ((unsigned char)s->data[i] & 0xC0) == 0x80);
        size_t k;
        c = cp_at(s->data + i, s->len - i, &k);
        if (!case_ignorable(c)) {
            before = cased(c);
            break;
        }
    }
    if (!before) return 0x3C3;
    for (size_t j = next, k; j < s->len; j += k) {
        c = cp_at(s->data + j, s->len - j, &k);
        if (!case_ignorable(c)) return cased(c) ? 0x3C3 : 0x3C2;
    }
    return 0x3C2;
}

// Appends the full [which] mapping of the character [c] of [s] (at byte
// [at], the next one at [next]): one code point, or several (ß -> SS).
static bool put_case(Buf *b, const ObjStr *s, size_t at, size_t next, uint32_t c, UniCase which) {
    if (c < 0x80) {
        char ch = (char)c;
        if (which == UNI_LOWER || which == UNI_FOLD) ch = (char)(ch >= 'A' && ch <= 'Z' ? ch + 32 : ch);
        else ch = (char)(ch >= 'a' && ch <= 'z' ? ch - 32 : ch);
        return buf_putc(b, ch);
    }
    if (c == 0x3A3 && which == UNI_LOWER) return buf_put_utf8(b, lower_sigma(s, at, next));
    const uint32_t *full = uni_full_case(c, which);
    if (!full) return buf_put_utf8(b, uni_simple_case(c, which));
    bool ok = true;
    for (int i = 0; i < 3 && full[i] && ok; i++) ok = buf_put_utf8(b, full[i]);
    return ok;
}

static bool case_impl(Vm *vm, Value *args, size_t nargs, Value kw, int mode, const char *name, Value *out) {
    NOKW(name);
    TRY(rt_check_nargs(vm, name, nargs, 1, 1));
    ObjStr *s = SELF;
    if (STR_IS_ASCII(s) && s->len > 1) return case_ascii(vm, s, mode, out);
    Buf b;
    buf_init(&b);
    bool ok = buf_reserve(&b, s->len), prev_cased = false;
    size_t i = 0, k, n = 0;
    while (ok && i < s->len) {
        uint32_t c = cp_at(s->data + i, s->len - i, &k);
        UniCase which = UNI_UPPER;
        bool keep = false;   // swapcase() of an uncased character (or ǅ)
        switch (mode) {
        case CASE_UPPER: which = UNI_UPPER; break;
        case CASE_LOWER: which = UNI_LOWER; break;
        case CASE_FOLD: which = UNI_FOLD; break;
        case CASE_SWAP:
            if (uc_isupper(c)) which = UNI_LOWER;
            else if (uc_islower(c)) which = UNI_UPPER;
            else keep = true;
            break;
        case CASE_TITLE:
            which = prev_cased ? UNI_LOWER : UNI_TITLE;
            prev_cased = cased(c);
            break;
        default: which = n == 0 ? UNI_TITLE : UNI_LOWER; break;
        }
        ok = keep ? buf_put_utf8(&b, c) : put_case(&b, s, i, i + k, c, which);
        i += k;
        n++;
    }
    return ret_buf(vm, &b, ok, out);
}

static bool m_upper(Vm *vm, Value *a, size_t n, Value kw, Value *o) { return case_impl(vm, a, n, kw, CASE_UPPER, "str.upper", o); }
static bool m_lower(Vm *vm, Value *a, size_t n, Value kw, Value *o) { return case_impl(vm, a, n, kw, CASE_LOWER, "str.lower", o); }
static bool m_casefold(Vm *vm, Value *a, size_t n, Value kw, Value *o) { return case_impl(vm, a, n, kw, CASE_FOLD, "str.casefold", o); }
static bool m_swapcase(Vm *vm, Value *a, size_t n, Value kw, Value *o) { return case_impl(vm, a, n, kw, CASE_SWAP, "str.swapcase", o); }
static bool m_title(Vm *vm, Value *a, size_t n, Value kw, Value *o) { return case_impl(vm, a, n, kw, CASE_TITLE, "str.title", o); }
static bool m_capitalize(Vm *vm, Value *a, size_t n, Value kw, Value *o) { return case_impl(vm, a, n, kw, CASE_CAPITALIZE, "str.capitalize", o); }

// ---- predicates ----

enum { P_DIGIT, P_ALPHA, P_ALNUM, P_SPACE, P_DECIMAL, P_NUMERIC, P_ASCII, P_PRINTABLE };

static bool pred_impl(Vm *vm, Value *args, size_t nargs, Value kw, int p, const char *name, Value *out) {
    NOKW(name);
    TRY(rt_check_nargs(vm, name, nargs, 1, 1));
    ObjStr *s = SELF;
    bool r = s->len > 0 || p == P_ASCII || p == P_PRINTABLE;
    size_t i = 0, k;
    while (r && i < s->len) {
        uint32_t c = cp_at(s->data + i, s->len - i, &k);
        switch (p) {
        case P_DIGIT: r = uc_isdigit(c); break;
        case P_ALPHA: r = uc_isalpha(c); break;
        case P_ALNUM: r = uc_isalpha(c) || uc_isnumeric(c); break;
        case P_SPACE: r = uc_isspace(c); break;
        case P_DECIMAL: r = uc_isdecimal(c); break;
        case P_NUMERIC: r = uc_isnumeric(c); break;
        case P_ASCII: r = c < 0x80; break;
        default: r = uc_isprintable(c); break;
        }
        i += k;
    }
    *out = rt_bool(r);
    return true;
}

#define PRED(fname, p, qual) \
    static bool fname(Vm *vm, Value *a, size_t n, Value kw, Value *o) { return pred_impl(vm, a, n, kw, p, qual, o); }
PRED(m_isdigit, P_DIGIT, "str.isdigit")
PRED(m_isalpha, P_ALPHA, "str.isalpha")
PRED(m_isalnum, P_ALNUM, "str.isalnum")
PRED(m_isspace, P_SPACE, "str.isspace")
PRED(m_isdecimal, P_DECIMAL, "str.isdecimal")
PRED(m_isnumeric, P_NUMERIC, "str.isnumeric")
PRED(m_isascii, P_ASCII, "str.isascii")
PRED(m_isprintable, P_PRINTABLE, "str.isprintable")

static bool istitlecase(uint32_t c) { return c >= 0x80 && uni_is_title(c); }

// isupper(): some cased character, and none lower or titlecase (ǅ);
// islower() the reverse.
static bool cased_pred(Vm *vm, Value *args, size_t nargs, Value kw, bool upper, Value *out) {
    NOKW(upper ? "isupper" : "islower");
    TRY(rt_check_nargs(vm, upper ? "str.isupper" : "str.islower", nargs, 1, 1));
    ObjStr *s = SELF;
    bool any = false, ok = true;
    size_t i = 0, k;
    while (ok && i < s->len) {
        uint32_t c = cp_at(s->data + i, s->len - i, &k);
        if ((upper ? uc_islower(c) : uc_isupper(c)) || istitlecase(c)) ok = false;
        if (upper ? uc_isupper(c) : uc_islower(c)) any = true;
        i += k;
    }
    *out = rt_bool(ok && any);
    return true;
}

static bool m_isupper(Vm *vm, Value *a, size_t n, Value kw, Value *o) { return cased_pred(vm, a, n, kw, true, o); }
static bool m_islower(Vm *vm, Value *a, size_t n, Value kw, Value *o) { return cased_pred(vm, a, n, kw, false, o); }

static bool m_istitle(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    NOKW("istitle");
    TRY(rt_check_nargs(vm, "str.istitle", nargs, 1, 1));
    ObjStr *s = SELF;
    bool prev = false, any = false, ok = true;
    size_t i = 0, k;
    while (ok && i < s->len) {
        uint32_t c = cp_at(s->data + i, s->len - i, &k);
        if (uc_isupper(c) || istitlecase(c)) {
            if (prev) ok = false;
            prev = any = true;
        } else if (uc_islower(c)) {
            if (!prev) ok = false;
            prev = true;
        } else {
            prev = false;
        }
        i += k;
    }
    *out = rt_bool(ok && any);
    return true;
}

// The lexer's identifier rules (XID_Start, XID_Continue), so that
// isidentifier() agrees with what the parser accepts.
static bool m_isidentifier(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    NOKW("isidentifier");
    TRY(rt_check_nargs(vm, "str.isidentifier", nargs, 1, 1));
    ObjStr *s = SELF;
    bool ok = s->len > 0;
    size_t i = 0, k;
    while (ok && i < s->len) {
        uint32_t c = cp_at(s->data + i, s->len - i, &k);
        if (c < 0x80) ok = c == '_' || uc_isalpha(c) || (i > 0 && c >= '0' && c <= '9');
        else ok = i == 0 ? lx_uni_is_xid_start(c) : lx_uni_is_xid_continue(c);
        i += k;
    }
    *out = rt_bool(ok);
    return true;
}

// ---- padding ----

static bool pad_impl(Vm *vm, Value *args, size_t nargs, Value kw, int where, Value *out) {
    static const char *const fn[] = {"ljust", "rjust", "center"};
    NOKW(fn[where]);
    TRY(rt_check_nargs(vm, fn[where], nargs, 2, 3));
    int64_t width;
    TRY(rt_index(vm, args[1], &width));
    uint32_t fill = ' ';
    if (nargs > 2) {
        if (!IS_STR(args[2]))
            return rt_raise(vm, &TypeError_type, "%s() argument 2 must be str, not %s", fn[where],
                            type_name(rt_type(args[2])));
        if (AS_STR(args[2])->cplen != 1)
            return rt_raise(vm, &TypeError_type, "The fill character must be exactly one character long");
        fill = str_char_at(AS_STR(args[2]), 0);
    }
    ObjStr *s = SELF;
    if (width <= (int64_t)s->cplen) {
        *out = args[0];
        return true;
    }
    size_t total = (size_t)width - s->cplen, left;
    if (where == 0) left = 0;
    else if (where == 1) left = total;
    else left = total / 2 + (total & (size_t)width & 1);   // CPython's centering
    Buf b;
    buf_init(&b);
    bool ok = true;
    for (size_t i = 0; ok && i < left; i++) ok = buf_put_utf8(&b, fill);
    ok = ok && buf_append(&b, s->data, s->len);
    for (size_t i = left; ok && i < total; i++) ok = buf_put_utf8(&b, fill);
    return ret_buf(vm, &b, ok, out);
}

static bool m_ljust(Vm *vm, Value *a, size_t n, Value kw, Value *o) { return pad_impl(vm, a, n, kw, 0, o); }
static bool m_rjust(Vm *vm, Value *a, size_t n, Value kw, Value *o) { return pad_impl(vm, a, n, kw, 1, o); }
static bool m_center(Vm *vm, Value *a, size_t n, Value kw, Value *o) { return pad_impl(vm, a, n, kw, 2, o); }

static bool m_zfill(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    NOKW("zfill");
    TRY(rt_check_nargs(vm, "str.zfill", nargs, 2, 2));
    int64_t width;
    TRY(rt_index(vm, args[1], &width));
    ObjStr *s = SELF;
    if (width <= (int64_t)s->cplen) {
        *out = args[0];
        return true;
    }
    size_t fill = (size_t)width - s->cplen;
    Buf b;
    buf_init(&b);
    bool sign = s->len && (s->data[0] == '+' || s->data[0] == '-');
    bool ok = !sign || buf_putc(&b, s->data[0]);
    for (size_t i = 0; ok && i < fill; i++) ok = buf_putc(&b, '0');
    ok = ok && buf_append(&b, s->data + sign, s->len - sign);
    return ret_buf(vm, &b, ok, out);
}

static bool m_expandtabs(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    static const char *const names[] = {"", "tabsize"};
    Value a[2];
    TRY(rt_parse_args(vm, "expandtabs", args, nargs, kw, names, 2, 2, 1, a));
    int64_t tab = 8;
    if (a[1]) TRY(rt_index(vm, a[1], &tab));
    ObjStr *s = SELF;
    Buf b;
    buf_init(&b);
    bool ok = true;
    size_t col = 0, i = 0, k;
    while (ok && i < s->len) {
        uint32_t c = cp_at(s->data + i, s->len - i, &k);
        if (c == '\t') {
            if (tab > 0) {
                size_t n = (size_t)tab - col % (size_t)tab;
                for (size_t j = 0; ok && j < n; j++) ok = buf_putc(&b, ' ');
                col += n;
            }
        } else {
            ok = buf_append(&b, s->data + i, k);
            col = c == '\n' || c == '\r' ? 0 : col + 1;
        }
        i += k;
    }
    return ret_buf(vm, &b, ok, out);
}

// ---- encoding ----

static bool m_encode(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    static const char *const names[] = {"", "encoding", "errors"};
    Value a[3];
    TRY(rt_parse_args(vm, "encode", args, nargs, kw, names, 3, 3, 1, a));
    ObjStr *s = SELF;
    bool ascii = false;
    if (a[1]) {
        if (!IS_STR(a[1]))
            return rt_raise(vm, &TypeError_type, "encode() argument 'encoding' must be str, not %s",
                            type_name(rt_type(a[1])));
        char low[32];
        size_t n = 0;
        for (const char *c = AS_STR(a[1])->data; *c && n < 31; c++)
            if (*c != '-' && *c != '_') low[n++] = (char)(*c >= 'A' && *c <= 'Z' ? *c + 32 : *c);
        low[n] = 0;
        ascii = strcmp(low, "ascii") == 0;
        if (!ascii && strcmp(low, "utf8") && strcmp(low, "u8"))
            return rt_raise(vm, &LookupError_type, "unknown encoding: %U", AS_STR(a[1]));
    }
    const char *errors = a[2] && IS_STR(a[2]) ? AS_STR(a[2])->data : "strict";
    Buf b;
    buf_init(&b);
    bool ok = true;
    size_t i = 0, k, pos = 0;
    while (ok && i < s->len) {
        uint32_t c = cp_at(s->data + i, s->len - i, &k);
        bool bad = (c >= 0xD800 && c <= 0xDFFF) || (ascii && c >= 0x80);
        if (bad) {
            if (strcmp(errors, "strict") == 0) {
                buf_free(&b);
                ObjStr *ch = str_new(vm, s->data + i, k);
                TRY(ch);
                gc_push_root(vm, OBJ_VAL(ch));
                ObjStr *m = rt_format_cmsg(vm, "'%s' codec can't encode character %R in position %zu: %s",
                                           ascii ? "ascii" : "utf-8", OBJ_VAL(ch), pos,
                                           ascii ? "ordinal not in range(128)" : "surrogates not allowed");
                gc_pop_root(vm);
                TRY(m);
                return rt_raise_arg(vm, &UnicodeEncodeError_type, OBJ_VAL(m));
            }
            if (strcmp(errors, "replace") == 0) ok = buf_putc(&b, '?');
        } else {
            ok = buf_append(&b, s->data + i, k);
        }
        i += k;
        pos++;
    }
    ObjBytes *r = ok ? bytes_new(vm, b.data, b.len) : NULL;
    if (!ok) rt_raise_nomem(vm);
    buf_free(&b);
    TRY(r);
    *out = OBJ_VAL(r);
    return true;
}

static bool m_getnewargs(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    NOKW("__getnewargs__");
    TRY(rt_check_nargs(vm, "str.__getnewargs__", nargs, 1, 1));
    // An exact str: a subclass instance gives its plain value (copy and
    // pickle call the class's __new__ with it).
    Value v = args[0];
    if (!IS_TYPE_EXACT(v, str_type)) {
        ObjStr *s = str_new(vm, AS_STR(v)->data, AS_STR(v)->len);
        TRY(s);
        v = OBJ_VAL(s);
    }
    gc_push_root(vm, v);
    ObjTuple *t = tuple_from(vm, &v, 1);
    gc_pop_root(vm);
    TRY(t);
    *out = OBJ_VAL(t);
    return true;
}

const MethodDef str_methods[] = {
    {"find", m_find, 0},           {"rfind", m_rfind, 0},         {"index", m_index, 0},
    {"rindex", m_rindex, 0},       {"count", m_count, 0},         {"startswith", m_startswith, 0},
    {"endswith", m_endswith, 0},   {"split", m_split, 0},         {"rsplit", m_rsplit, 0},
    {"join", m_join, 0},           {"splitlines", m_splitlines, 0}, {"partition", m_partition, 0},
    {"rpartition", m_rpartition, 0}, {"strip", m_strip, 0},       {"lstrip", m_lstrip, 0},
    {"rstrip", m_rstrip, 0},       {"replace", m_replace, 0},     {"removeprefix", m_removeprefix, 0},
    {"removesuffix", m_removesuffix, 0}, {"upper", m_upper, 0},   {"lower", m_lower, 0},
    {"casefold", m_casefold, 0},   {"swapcase", m_swapcase, 0},   {"title", m_title, 0},
    {"capitalize", m_capitalize, 0}, {"isdigit", m_isdigit, 0},   {"isalpha", m_isalpha, 0},
    {"isalnum", m_isalnum, 0},     {"isspace", m_isspace, 0},     {"isdecimal", m_isdecimal, 0},
    {"isnumeric", m_isnumeric, 0}, {"isascii", m_isascii, 0},     {"isprintable", m_isprintable, 0},
    {"isupper", m_isupper, 0},     {"islower", m_islower, 0},     {"istitle", m_istitle, 0},
    {"isidentifier", m_isidentifier, 0}, {"ljust", m_ljust, 0},   {"rjust", m_rjust, 0},
    {"center", m_center, 0},       {"zfill", m_zfill, 0},         {"expandtabs", m_expandtabs, 0},
    {"encode", m_encode, 0},       {"format", fmt_str_format, 0}, {"__format__", fmt_dunder_format, 0},
    {"__getnewargs__", m_getnewargs, 0},
    {NULL, NULL, 0},
};
