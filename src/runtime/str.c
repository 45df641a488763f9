// str core: construction, interning, hashing, comparison, indexing, slicing,
// repr, concatenation/repetition and iteration. The methods (split, join,
// strip, ...) are in str_methods.c; %-formatting and format specs in format.c.
//
// Invariants: data is valid UTF-8 (surrogates allowed) and NUL-terminated;
// cplen is the code-point count; a str is never mutated once another object
// can see it (str_alloc + fill + str_finish is the only building pattern).
#include "runtime/str.h"

#include <stdlib.h>
#include <string.h>

#include "lexer/uniprops.h"
#include "runtime/exc.h"
#include "runtime/gc.h"
#include "runtime/int.h"
#include "runtime/native.h"
#include "runtime/ops.h"
#include "runtime/slice.h"
#include "runtime/state.h"
#include "runtime/tuple.h"
#include "runtime/type.h"
#include "runtime/unidata.h"
#include "util/utf8.h"

// ---- construction ----

ObjStr *str_alloc(Vm *vm, size_t len) {
    size_t size;
    if (len > (size_t)INT64_MAX - sizeof(ObjStr) - 1) return rt_raise_nomem(vm), NULL;
    size = sizeof(ObjStr) + 1 + len;
    // The text is the caller's to write (str_alloc's contract): only the
    // header is cleared.
    ObjStr *s = (ObjStr *)gc_alloc_partial(vm, &str_type, size, offsetof(ObjStr, data));
    if (!s) return NULL;
    s->hash = -1;
    s->len = len;
    return s;
}

void str_finish(ObjStr *s) {
    s->data[s->len] = '\0';
    s->cplen = utf8_count(s->data, s->len);
}

// The shared empty and one-ASCII-character strs, or NULL.
static ObjStr *shared_str(Vm *vm, const char *data, size_t len) {
    if (len == 0 && vm->empty_str) return AS_STR(vm->empty_str);
    if (len == 1 && (unsigned char)data[0] < 128 && vm->small_strs[(unsigned char)data[0]])
        return AS_STR(vm->small_strs[(unsigned char)data[0]]);
    return NULL;
}

ObjStr *str_new_counted(Vm *vm, const char *data, size_t len, size_t cplen) {
    ObjStr *s = shared_str(vm, data, len);
    if (s) return s;
    s = str_alloc(vm, len);
    if (!s) return NULL;
    memcpy(s->data, data, len);
    s->data[len] = '\0';
    s->cplen = cplen;
    if (len == 1 && (unsigned char)data[0] < 128) vm->small_strs[(unsigned char)data[0]] = OBJ_VAL(s);
    return s;
}

ObjStr *str_new(Vm *vm, const char *data, size_t len) {
    ObjStr *s = shared_str(vm, data, len);
    return s ? s : str_new_counted(vm, data, len, utf8_count(data, len));
}

ObjStr *str_from_cstr(Vm *vm, const char *s) { return str_new(vm, s, strlen(s)); }

static size_t encode_cp(char *out, uint32_t cp) {
    if (cp < 0x80) { out[0] = (char)cp; return 1; }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

ObjStr *str_from_cp(Vm *vm, uint32_t cp) {
    char b[4];
    size_t n = encode_cp(b, cp);
    return str_new(vm, b, n);
}

ObjStr *str_concat(Vm *vm, ObjStr *a, ObjStr *b) {
    if (a->len == 0) return b;
    if (b->len == 0) return a;
    size_t len;
    if (!rt_size_add(vm, a->len, b->len, &len)) return NULL;
    gc_push_root(vm, OBJ_VAL(a));
    gc_push_root(vm, OBJ_VAL(b));
    ObjStr *s = str_alloc(vm, len);
    gc_pop_roots(vm, 2);
    if (!s) return NULL;
    memcpy(s->data, a->data, a->len);
    memcpy(s->data + a->len, b->data, b->len);
    s->data[len] = '\0';
    s->cplen = a->cplen + b->cplen;
    return s;
}

ObjStr *str_substr(Vm *vm, ObjStr *s, size_t start, size_t end) {
    if (start == 0 && end == s->cplen) return s;
    size_t bs = str_byte_offset(s, start), be = str_byte_offset(s, end);
    gc_push_root(vm, OBJ_VAL(s));
    ObjStr *r = str_new_counted(vm, s->data + bs, be - bs, end - start);
    gc_pop_root(vm);
    return r;
}

// ---- interning (weak table) ----

#define TOMB ((ObjStr *)1)

static bool intern_grow(InternTable *t) {
    // 512 from the start: the runtime's own names and the builtins'
    // already fill 280 slots, and growing from 256 cost a rehash at start-up.
    size_t cap = t->cap ? t->cap * 2 : 512;
    ObjStr **slots = calloc(cap, sizeof *slots);
    if (!slots) return false;
    for (size_t i = 0; i < t->cap; i++) {
        ObjStr *s = t->slots[i];
        if (!s || s == TOMB) continue;
        size_t j = (size_t)s->hash & (cap - 1);
        while (slots[j]) j = (j + 1) & (cap - 1);
        slots[j] = s;
    }
    free(t->slots);
    t->slots = slots;
    t->cap = cap;
    t->filled = t->used;
    return true;
}

static uint64_t hash_bytes(const char *p, size_t n) {
    // FNV-1a with a final avalanche; CPython randomises str hashes, so no
    // program can depend on the exact values.
    uint64_t h = 14695981039346656037ull;
    for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)p[i]) * 1099511628211ull;
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdull;
    h ^= h >> 33;
    return h;
}

int64_t str_hash_bytes(const char *data, size_t len) {
    // hash('') is 0 in CPython whatever the seed; keep that one.
    return len ? (int64_t)(hash_bytes(data, len) >> 1) : 0;
}

int64_t str_hash(ObjStr *s) {
    if (s->hash != -1) return s->hash;
    s->hash = str_hash_bytes(s->data, s->len);
    return s->hash;
}

static ObjStr *intern_find(InternTable *t, const char *data, size_t len, int64_t h) {
    if (!t->cap) return NULL;
    size_t j = (size_t)h & (t->cap - 1);
    for (ObjStr *s; (s = t->slots[j]); j = (j + 1) & (t->cap - 1))
        if (s != TOMB && s->hash == h && s->len == len && memcmp(s->data, data, len) == 0) return s;
    return NULL;
}

static bool intern_add(InternTable *t, ObjStr *s) {
    if ((t->filled + 1) * 4 >= t->cap * 3 && !intern_grow(t)) return false;
    size_t j = (size_t)s->hash & (t->cap - 1);
    while (t->slots[j] && t->slots[j] != TOMB) j = (j + 1) & (t->cap - 1);
    if (!t->slots[j]) t->filled++;
    t->slots[j] = s;
    t->used++;
    s->interned = true;
    return true;
}

ObjStr *str_intern_obj(Vm *vm, ObjStr *s) {
    if (s->interned) return s;
    // An instance of a str subclass is never the interned one: names stay str.
    if (s->hdr.type != &str_type) return str_intern(vm, s->data, s->len);
    int64_t h = str_hash(s);
    ObjStr *f = intern_find(&vm->interned, s->data, s->len, h);
    if (f) return f;
    if (!intern_add(&vm->interned, s)) {
        rt_raise_nomem(vm);
        return NULL;
    }
    return s;
}

ObjStr *str_intern(Vm *vm, const char *data, size_t len) {
    int64_t h = len ? (int64_t)(hash_bytes(data, len) >> 1) : 0;
    ObjStr *f = intern_find(&vm->interned, data, len, h);
    if (f) return f;
    ObjStr *s = str_new(vm, data, len);
    if (!s) return NULL;
    // The table was just searched: add the new str without hashing its
    // bytes or probing a second time (half of start-up is interning names).
    s->hash = h;
    if (!intern_add(&vm->interned, s)) {
        rt_raise_nomem(vm);
        return NULL;
    }
    return s;
}

ObjStr *str_intern_cstr(Vm *vm, const char *s) { return str_intern(vm, s, strlen(s)); }

void str_sweep_interned(Vm *vm) {
    InternTable *t = &vm->interned;
    bool swept = false;
    for (size_t i = 0; i < t->cap; i++) {
        ObjStr *s = t->slots[i];
        if (s && s != TOMB && !gc_is_marked(&s->hdr) && !(s->hdr.gcword & GC_STATIC)) {
            t->slots[i] = TOMB;
            t->used--;
            swept = true;
        }
    }
    if (swept) type_cache_invalidate();   // type.c's cache keys on their addresses
}

void str_intern_free(Vm *vm) {
    type_cache_invalidate();   // the cache is keyed by interned strings' addresses
    free(vm->interned.slots);
    memset(&vm->interned, 0, sizeof vm->interned);
}

// ---- queries ----

bool str_eq(const ObjStr *a, const ObjStr *b) {
    if (a == b) return true;
    if (a->len != b->len) return false;
    if (a->hash != -1 && b->hash != -1 && a->hash != b->hash) return false;
    return memcmp(a->data, b->data, a->len) == 0;
}

bool str_eq_cstr(const ObjStr *a, const char *s) {
    size_t n = strlen(s);
    return a->len == n && memcmp(a->data, s, n) == 0;
}

int str_cmp(const ObjStr *a, const ObjStr *b) {
    // UTF-8 byte order is code-point order.
    size_t n = a->len < b->len ? a->len : b->len;
    int c = memcmp(a->data, b->data, n);
    if (c) return c < 0 ? -1 : 1;
    return a->len < b->len ? -1 : a->len > b->len;
}

const char *rt_memfind(const char *hay, size_t n, const char *needle, size_t m) {
    if (m == 0) return hay;
    if (m > n) return NULL;
    if (m == 1) return memchr(hay, needle[0], n);   // split(' '), replace('o', ...)
    const char *end = hay + (n - m);
    for (const char *p = hay; p <= end; p++) {
        p = memchr(p, needle[0], (size_t)(end - p) + 1);
        if (!p) return NULL;
        if (memcmp(p, needle, m) == 0) return p;
    }
    return NULL;
}

const char *rt_memrfind(const char *hay, size_t n, const char *needle, size_t m) {
    if (m > n) return NULL;
    for (size_t i = n - m + 1; i-- > 0;)
        if (hay[i] == needle[0] && memcmp(hay + i, needle, m) == 0) return hay + i;
    return NULL;
}

static size_t next_cp(const char *p) {
    unsigned char c = (unsigned char)*p;
    return c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

static void build_index(ObjStr *s) {
    size_t n = s->cplen / STR_INDEX_STEP + 1;
    size_t *idx = malloc(n * sizeof *idx);
    if (!idx) return;   // indexing falls back to a linear scan
    size_t off = 0;
    for (size_t k = 0, cp = 0; k < n; k++) {
        idx[k] = off;
        for (size_t j = 0; j < STR_INDEX_STEP && cp < s->cplen; j++, cp++) off += next_cp(s->data + off);
    }
    s->index = idx;
}

size_t str_byte_offset(ObjStr *s, size_t i) {
    if (STR_IS_ASCII(s)) return i;
    if (i >= s->cplen) return s->len;
    if (!s->index) build_index(s);
    size_t off = 0, k = 0;
    if (s->index) {
        off = s->index[i / STR_INDEX_STEP];
        k = i / STR_INDEX_STEP * STR_INDEX_STEP;
    }
    for (; k < i; k++) off += next_cp(s->data + off);
    return off;
}

uint32_t str_char_at(ObjStr *s, size_t i) {
    size_t off = str_byte_offset(s, i);
    uint32_t cp = 0;
    if (!utf8_decode((const unsigned char *)s->data + off, s->len - off, &cp, true)) cp = 0xFFFD;
    return cp;
}

// ---- Unicode classification: ASCII here, the rest from unidata.c ----

bool uc_isspace(uint32_t c) {
    if (c < 0x80) return c == ' ' || (c >= 9 && c <= 13) || (c >= 0x1C && c <= 0x1F);
    return uni_is_space(c);
}
bool uc_isupper(uint32_t c) { return c < 0x80 ? c >= 'A' && c <= 'Z' : uni_is_upper(c); }
bool uc_islower(uint32_t c) { return c < 0x80 ? c >= 'a' && c <= 'z' : uni_is_lower(c); }
uint32_t uc_toupper(uint32_t c) {
    if (c < 0x80) return c >= 'a' && c <= 'z' ? c - 32 : c;
    return uni_simple_case(c, UNI_UPPER);
}
uint32_t uc_tolower(uint32_t c) {
    if (c < 0x80) return c >= 'A' && c <= 'Z' ? c + 32 : c;
    return uni_simple_case(c, UNI_LOWER);
}
bool uc_isdecimal(uint32_t c) { return c < 0x80 ? c >= '0' && c <= '9' : uni_is_decimal(c); }
bool uc_isdigit(uint32_t c) { return c < 0x80 ? c >= '0' && c <= '9' : uni_is_digit(c); }
bool uc_isnumeric(uint32_t c) { return c < 0x80 ? c >= '0' && c <= '9' : uni_is_numeric(c); }
bool uc_isalpha(uint32_t c) {
    if (c < 0x80) return (c | 32) >= 'a' && (c | 32) <= 'z';
    return uni_is_alpha(c);
}
bool str_ascii_digits(const char *s, size_t len, Buf *out) {
    for (size_t i = 0, k; i < len; i += k) {
        uint32_t c;
        k = utf8_decode((const unsigned char *)s + i, len - i, &c, true);
        if (!k) {
            c = (unsigned char)s[i];
            k = 1;
        }
        int d = c < 0x80 ? -1 : uni_decimal_value(c);
        bool ok = d >= 0 ? buf_putc(out, (char)('0' + d))
                : c >= 0x80 && uni_is_space(c) ? buf_putc(out, ' ')
                : buf_append(out, s + i, k);
        if (!ok) return false;
    }
    return true;
}

bool uc_isprintable(uint32_t c) {
    if (c < 0x80) return c >= 0x20 && c < 0x7F;
    return lx_uni_is_printable(c);   // the lexer's table, for --tokens and repr() alike
}

// ---- repr ----

bool str_repr_buf(Buf *b, const ObjStr *s) {
    bool has_sq = memchr(s->data, '\'', s->len) != NULL;
    bool has_dq = memchr(s->data, '"', s->len) != NULL;
    char q = has_sq && !has_dq ? '"' : '\'';
    if (!buf_reserve(b, s->len + 2) || !buf_putc(b, q)) return false;
    const unsigned char *p = (const unsigned char *)s->data, *end = p + s->len;
    while (p < end) {
        uint32_t c;
        size_t n = utf8_decode(p, (size_t)(end - p), &c, true);
        if (!n) { c = *p; n = 1; }
        bool ok;
        if (c == (uint32_t)q || c == '\\') ok = buf_putc(b, '\\') && buf_putc(b, (char)c);
        else if (c == '\t') ok = buf_puts(b, "\\t");
        else if (c == '\n') ok = buf_puts(b, "\\n");
        else if (c == '\r') ok = buf_puts(b, "\\r");
        else if (uc_isprintable(c)) ok = buf_append(b, p, n);
        else if (c < 0x100) ok = buf_printf(b, "\\x%02x", c);
        else if (c < 0x10000) ok = buf_printf(b, "\\u%04x", c);
        else ok = buf_printf(b, "\\U%08x", c);
        if (!ok) return false;
        p += n;
    }
    return buf_putc(b, q);
}

bool str_repr(Vm *vm, Value self, Value *out) {
    Buf b;
    buf_init(&b);
    ObjStr *r = NULL;
    if (str_repr_buf(&b, AS_STR(self))) r = str_new(vm, b.data, b.len);
    else rt_raise_nomem(vm);
    buf_free(&b);
    TRY(r);
    *out = OBJ_VAL(r);
    return true;
}

// ---- slots ----

static bool str_str(Vm *vm, Value self, Value *out) {
    if (IS_TYPE_EXACT(self, str_type)) {
        *out = self;
        return true;
    }
    ObjStr *s = AS_STR(self);
    ObjStr *r = str_new(vm, s->data, s->len);
    TRY(r);
    *out = OBJ_VAL(r);
    return true;
}

static bool str_hash_slot(Vm *vm, Value self, int64_t *out) {
    (void)vm;
    *out = str_hash(AS_STR(self));
    return true;
}

static bool str_richcompare(Vm *vm, Value a, Value b, CmpOp op, Value *out) {
    (void)vm;
    if (!IS_STR(a) || !IS_STR(b)) {
        *out = NOTIMPL_VAL;
        return true;
    }
    ObjStr *x = AS_STR(a), *y = AS_STR(b);
    bool r;
    if (op == CMP_EQ || op == CMP_NE) r = str_eq(x, y) == (op == CMP_EQ);
    else {
        int c = str_cmp(x, y);
        r = op == CMP_LT ? c < 0 : op == CMP_LE ? c <= 0 : op == CMP_GT ? c > 0 : c >= 0;
    }
    *out = rt_bool(r);
    return true;
}

bool str_repeat(Vm *vm, ObjStr *s, int64_t n, Value *out) {
    if (n <= 0 || s->len == 0) {
        *out = vm->empty_str;
        return true;
    }
    if (n == 1 && IS_TYPE_EXACT(OBJ_VAL(s), str_type)) {
        *out = OBJ_VAL(s);
        return true;
    }
    size_t len;
    if (__builtin_mul_overflow(s->len, (size_t)n, &len) || len > (size_t)INT64_MAX)
        return rt_raise(vm, &OverflowError_type, "repeated string is too long");
    gc_push_root(vm, OBJ_VAL(s));
    ObjStr *r = str_alloc(vm, len);
    gc_pop_root(vm);
    TRY(r);
    if (s->len == 1) memset(r->data, s->data[0], len);
    else {
        // Doubling copies: O(log n) memcpy calls.
        memcpy(r->data, s->data, s->len);
        size_t done = s->len;
        while (done < len) {
            size_t k = done < len - done ? done : len - done;
            memcpy(r->data + done, r->data, k);
            done += k;
        }
    }
    r->data[len] = '\0';
    r->cplen = s->cplen * (size_t)n;
    *out = OBJ_VAL(r);
    return true;
}

extern bool fmt_percent(Vm *vm, Value fmt, Value args, Value *out);

static bool str_binop(Vm *vm, int op, Value a, Value b, Value *out) {
    op &= ~BINOP_INPLACE;
    if (op == BINOP_ADD && IS_STR(a) && IS_STR(b)) {
        ObjStr *r = str_concat(vm, AS_STR(a), AS_STR(b));
        TRY(r);
        *out = OBJ_VAL(r);
        return true;
    }
    if (op == BINOP_MUL) {
        Value s = IS_STR(a) ? a : b, n = IS_STR(a) ? b : a;
        if (IS_STR(s) && rt_type(n)->index) {
            int64_t k;
            TRY(rt_index(vm, n, &k));
            return str_repeat(vm, AS_STR(s), k, out);
        }
    }
    if (op == BINOP_MOD && IS_STR(a)) return fmt_percent(vm, a, b, out);
    *out = NOTIMPL_VAL;
    return true;
}

static bool str_len(Vm *vm, Value self, int64_t *out) {
    (void)vm;
    *out = (int64_t)AS_STR(self)->cplen;
    return true;
}

static bool str_getitem(Vm *vm, Value self, Value key, Value *out) {
    ObjStr *s = AS_STR(self);
    if (IS_SLICE(key)) {
        int64_t start, stop, step, n;
        TRY(slice_indices(vm, key, (int64_t)s->cplen, &start, &stop, &step, &n));
        if (step == 1) {
            ObjStr *r = str_substr(vm, s, (size_t)start, (size_t)(start + n));
            TRY(r);
            *out = OBJ_VAL(r);
            return true;
        }
        Buf b;
        buf_init(&b);
        for (int64_t i = 0, k = start; i < n; i++, k += step)
            if (!buf_put_utf8(&b, str_char_at(s, (size_t)k))) {
                buf_free(&b);
                return rt_raise_nomem(vm);
            }
        ObjStr *r = str_new(vm, b.data ? b.data : "", b.len);
        buf_free(&b);
        TRY(r);
        *out = OBJ_VAL(r);
        return true;
    }
    if (!rt_type(key)->index)
        return rt_raise(vm, &TypeError_type, "string indices must be integers, not '%s'",
                        type_name(rt_type(key)));
    int64_t i;
    TRY(rt_index(vm, key, &i));
    if (!seq_index(i, (int64_t)s->cplen, &i))
        return rt_raise(vm, &IndexError_type, "string index out of range");
    if (STR_IS_ASCII(s)) {
        ObjStr *r = str_new(vm, s->data + i, 1);
        TRY(r);
        *out = OBJ_VAL(r);
        return true;
    }
    ObjStr *r = str_from_cp(vm, str_char_at(s, (size_t)i));
    TRY(r);
    *out = OBJ_VAL(r);
    return true;
}

static int str_contains(Vm *vm, Value self, Value x) {
    if (!IS_STR(x)) {
        rt_raise(vm, &TypeError_type, "'in <string>' requires string as left operand, not %s",
                 type_name(rt_type(x)));
        return -1;
    }
    ObjStr *s = AS_STR(self), *n = AS_STR(x);
    if (n->len == 0) return 1;
    return rt_memfind(s->data, s->len, n->data, n->len) != NULL;
}

static void str_free(Vm *vm, Obj *o) {
    (void)vm;
    ObjStr *s = (ObjStr *)o;
    if (s->index) free(s->index);   // most strs never had one: skip the call into libc
}

static size_t str_size(const Obj *o) { return sizeof(ObjStr) + ((const ObjStr *)o)->len + 1; }

// ---- iteration ----

typedef struct StrIter {
    Obj hdr;
    Value str;
    size_t pos;   // byte offset
} StrIter;

static void str_iter_trace(Vm *vm, Obj *o) { gc_mark_value(vm, ((StrIter *)o)->str); }

static IterResult str_iter_next(Vm *vm, Value self, Value *out) {
    StrIter *it = (StrIter *)AS_OBJ(self);
    if (!it->str) return ITER_DONE;
    ObjStr *s = AS_STR(it->str);
    if (it->pos >= s->len) {
        it->str = VAL_NULL;
        return ITER_DONE;
    }
    size_t n = next_cp(s->data + it->pos);
    ObjStr *r = str_new(vm, s->data + it->pos, n);
    if (!r) return ITER_ERROR;
    it->pos += n;
    *out = OBJ_VAL(r);
    return ITER_NEXT;
}

static bool iter_self(Vm *vm, Value self, Value *out) {
    (void)vm;
    *out = self;
    return true;
}

ObjType str_iter_type = {
    .hdr = OBJ_STATIC_HEADER(&type_type),
    .name = "str_ascii_iterator",
    .module = "builtins",
    .basicsize = sizeof(StrIter),
    .base = &object_type,   // hash, repr, ... from object
    .flags = TYPE_ABSTRACT_NEW,
    .trace = str_iter_trace,
    .iter = iter_self,
    .iternext = str_iter_next,
};

static bool str_iter(Vm *vm, Value self, Value *out) {
    gc_push_root(vm, self);
    StrIter *it = (StrIter *)gc_alloc(vm, &str_iter_type, sizeof(StrIter));
    gc_pop_root(vm);
    TRY(it);
    it->str = self;
    *out = OBJ_VAL(it);
    return true;
}

// str(object='') / str(bytes, encoding, errors)
extern bool bytes_decode_value(Vm *vm, Value b, Value encoding, Value errors, Value *out);

static bool str_new_slot(Vm *vm, ObjType *t, Value *args, size_t nargs, Value kwnames,
                         Value *out) {
    static const char *const names[] = {"object", "encoding", "errors"};
    Value a[3];
    TRY(rt_parse_args(vm, "str", args, nargs, kwnames, names, 3, 3, 0, a));
    Value v;
    if (!a[0]) v = vm->empty_str;
    else if (a[1] || a[2]) TRY(bytes_decode_value(vm, a[0], a[1], a[2], &v));
    else TRY(rt_str(vm, a[0], &v));
    if (t == &str_type) {
        *out = v;
        return true;
    }
    // A subclass instance: the text, then (aligned) its __dict__ (type.h).
    ObjStr *src = AS_STR(v);
    size_t size = type_dict_at_end_size(sizeof(ObjStr) + src->len + 1);
    gc_push_root(vm, v);
    ObjStr *s = (ObjStr *)gc_alloc(vm, t, size);
    gc_pop_root(vm);
    TRY(s);
    s->hash = -1;
    s->len = src->len;
    s->cplen = src->cplen;
    memcpy(s->data, src->data, src->len + 1);
    *out = OBJ_VAL(s);
    return true;
}

ObjType str_type = {
    .hdr = OBJ_STATIC_HEADER(&type_type),
    .name = "str",
    .module = "builtins",
    .basicsize = sizeof(ObjStr),
    .flags = TYPE_BASETYPE | TYPE_SEQ_CONCAT,
    .base = &object_type,
    .methods = str_methods,
    .free = str_free,
    .size = str_size,
    .new_ = str_new_slot,
    .repr = str_repr,
    .str = str_str,
    .hash = str_hash_slot,
    .richcompare = str_richcompare,
    .binop = str_binop,
    .len = str_len,
    .getitem = str_getitem,
    .contains = str_contains,
    .iter = str_iter,
};
