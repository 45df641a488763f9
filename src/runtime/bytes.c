// bytes (see bytes.h): construction, repr, comparison, indexing, slicing,
// concatenation and the common methods, plus strict UTF-8 decoding with
// CPython's UnicodeDecodeError positions and reasons.
#include "runtime/bytes.h"

#include <string.h>

#include "runtime/exc.h"
#include "runtime/gc.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/native.h"
#include "runtime/ops.h"
#include "runtime/slice.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"

ObjBytes *bytes_new(Vm *vm, const char *data, size_t len) {
    if (len == 0 && vm->empty_bytes) return AS_BYTES(vm->empty_bytes);
    size_t size;
    if (!rt_size_add(vm, sizeof(ObjBytes) + 1, len, &size)) return NULL;
    ObjBytes *b = (ObjBytes *)gc_alloc(vm, &bytes_type, size);
    if (!b) return NULL;
    b->hash = -1;
    b->len = len;
    if (data && len) memcpy(b->data, data, len);
    b->data[len] = 0;
    if (len == 0) vm->empty_bytes = OBJ_VAL(b);
    return b;
}

bool bytes_view(Value v, const char **data, size_t *len) {
    if (!IS_OBJ(v) || !IS_BYTES(v)) return false;
    *data = AS_BYTES(v)->data;
    *len = AS_BYTES(v)->len;
    return true;
}

bool bytes_byte_at(Value b, int64_t i, unsigned *out) {
    if (!IS_OBJ(b) || !IS_BYTES(b) || i < 0 || (size_t)i >= AS_BYTES(b)->len) return false;
    *out = (unsigned char)AS_BYTES(b)->data[i];
    return true;
}

// ---- UTF-8 decoding ----

// Length of the maximal invalid subpart at [p] and its reason.
static size_t invalid_at(const unsigned char *p, size_t n, const char **reason) {
    unsigned b = p[0];
    if (b < 0xC2 || b > 0xF4) {
        *reason = "invalid start byte";
        return 1;
    }
    size_t need = b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
    unsigned lo = 0x80, hi = 0xBF;
    if (b == 0xE0) lo = 0xA0;
    else if (b == 0xED) hi = 0x9F;
    else if (b == 0xF0) lo = 0x90;
    else if (b == 0xF4) hi = 0x8F;
    for (size_t k = 1; k < need; k++) {
        if (k >= n) {
            *reason = "unexpected end of data";
            return k;
        }
        unsigned c = p[k];
        if (c < (k == 1 ? lo : 0x80) || c > (k == 1 ? hi : 0xBF)) {
            *reason = "invalid continuation byte";
            return k;
        }
    }
    *reason = NULL;   // valid
    return need;
}

bool bytes_decode_utf8(Vm *vm, const char *data, size_t len, const char *errors, Value obj,
                       Value *out) {
    const unsigned char *p = (const unsigned char *)data;
    bool strict = !errors || strcmp(errors, "strict") == 0;
    bool replace = errors && strcmp(errors, "replace") == 0;
    if (!strict && !replace && strcmp(errors, "ignore") != 0)
        return rt_raise(vm, &LookupError_type, "unknown error handler name '%s'", errors);
    Buf b;
    buf_init(&b);
    size_t i = 0;
    bool ok = true;
    while (ok && i < len) {
        if (p[i] < 0x80) {
            size_t j = i;
            while (j < len && p[j] < 0x80) j++;
            ok = buf_append(&b, p + i, j - i);
            i = j;
            continue;
        }
        const char *reason;
        size_t n = invalid_at(p + i, len - i, &reason);
        if (!reason) {
            ok = buf_append(&b, p + i, n);
            i += n;
            continue;
        }
        if (strict) {
            buf_free(&b);
            Value args[5];
            size_t mark = gc_roots_mark(vm);
            ObjStr *enc = str_from_cstr(vm, "utf-8");
            if (!enc) return false;
            gc_push_root(vm, OBJ_VAL(enc));
            ObjStr *rs = str_from_cstr(vm, reason);
            if (!rs) return gc_roots_reset(vm, mark), false;
            gc_push_root(vm, OBJ_VAL(rs));
            args[0] = OBJ_VAL(enc);
            args[1] = obj;
            args[2] = INT_VAL((int64_t)i);
            args[3] = INT_VAL((int64_t)(i + n));
            args[4] = OBJ_VAL(rs);
            ObjTuple *t = tuple_from(vm, args, 5);
            gc_roots_reset(vm, mark);
            TRY(t);
            Value e;
            gc_push_root(vm, OBJ_VAL(t));
            bool made = exc_new(vm, &UnicodeDecodeError_type, OBJ_VAL(t), &e);
            gc_pop_root(vm);
            if (made) vm->exc = e;
            return false;
        }
        if (replace) ok = buf_puts(&b, "\xEF\xBF\xBD");
        i += n;
    }
    ObjStr *s = ok ? str_new(vm, b.data ? b.data : "", b.len) : NULL;
    if (!ok) rt_raise_nomem(vm);
    buf_free(&b);
    TRY(s);
    *out = OBJ_VAL(s);
    return true;
}

static bool norm_encoding(Vm *vm, Value enc) {
    if (!enc) return true;
    if (!IS_STR(enc))
        return rt_raise(vm, &TypeError_type, "decode() argument 'encoding' must be str, not %s",
                        type_name(rt_type(enc)));
    char lower[32];
    size_t n = 0;
    for (const char *c = AS_STR(enc)->data; *c && n < 31; c++)
        if (*c != '-' && *c != '_') lower[n++] = (char)(*c >= 'A' && *c <= 'Z' ? *c + 32 : *c);
    lower[n] = 0;
    if (strcmp(lower, "utf8") && strcmp(lower, "ascii") && strcmp(lower, "u8"))
        return rt_raise(vm, &LookupError_type, "unknown encoding: %U", AS_STR(enc));
    return true;
}

bool bytes_decode_value(Vm *vm, Value b, Value encoding, Value errors, Value *out) {
    const char *data;
    size_t len;
    if (!bytes_view(b, &data, &len))
        return rt_raise(vm, &TypeError_type, "decoding to str: need a bytes-like object, %s found",
                        type_name(rt_type(b)));
    TRY(norm_encoding(vm, encoding));
    if (errors && !IS_STR(errors))
        return rt_raise(vm, &TypeError_type, "decode() argument 'errors' must be str, not %s",
                        type_name(rt_type(errors)));
    return bytes_decode_utf8(vm, data, len, errors ? AS_STR(errors)->data : NULL, b, out);
}

// ---- slots ----

static size_t bytes_size(const Obj *o) { return sizeof(ObjBytes) + ((const ObjBytes *)o)->len + 1; }

static bool bytes_repr(Vm *vm, Value self, Value *out) {
    ObjBytes *b = AS_BYTES(self);
    bool sq = memchr(b->data, '\'', b->len) != NULL, dq = memchr(b->data, '"', b->len) != NULL;
    char q = sq && !dq ? '"' : '\'';
    Buf r;
    buf_init(&r);
    bool ok = buf_putc(&r, 'b') && buf_putc(&r, q);
    for (size_t i = 0; ok && i < b->len; i++) {
        unsigned char c = (unsigned char)b->data[i];
        if (c == (unsigned char)q || c == '\\') ok = buf_putc(&r, '\\') && buf_putc(&r, (char)c);
        else if (c == '\t') ok = buf_puts(&r, "\\t");
        else if (c == '\n') ok = buf_puts(&r, "\\n");
        else if (c == '\r') ok = buf_puts(&r, "\\r");
        else if (c < 0x20 || c >= 0x7F) ok = buf_printf(&r, "\\x%02x", c);
        else ok = buf_putc(&r, (char)c);
    }
    ok = ok && buf_putc(&r, q);
    ObjStr *s = ok ? str_new(vm, r.data, r.len) : NULL;
    if (!ok) rt_raise_nomem(vm);
    buf_free(&r);
    TRY(s);
    *out = OBJ_VAL(s);
    return true;
}

static bool bytes_hash(Vm *vm, Value self, int64_t *out) {
    (void)vm;
    ObjBytes *b = AS_BYTES(self);
    if (b->hash == -1) {
        uint64_t h = 14695981039346656037ull;
        for (size_t i = 0; i < b->len; i++) h = (h ^ (unsigned char)b->data[i]) * 1099511628211ull;
        h ^= h >> 29;
        b->hash = b->len ? (int64_t)(h >> 1) : 0;
        if (b->hash == -1) b->hash = -2;
    }
    *out = b->hash;
    return true;
}

static bool bytes_richcompare(Vm *vm, Value a, Value b, CmpOp op, Value *out) {
    (void)vm;
    if (!IS_BYTES(a) || !IS_BYTES(b)) {
        *out = NOTIMPL_VAL;
        return true;
    }
    ObjBytes *x = AS_BYTES(a), *y = AS_BYTES(b);
    size_t n = x->len < y->len ? x->len : y->len;
    int c = memcmp(x->data, y->data, n);
    if (c == 0) c = x->len < y->len ? -1 : x->len > y->len;
    bool r = op == CMP_LT ? c < 0 : op == CMP_LE ? c <= 0 : op == CMP_EQ ? c == 0
           : op == CMP_NE ? c != 0 : op == CMP_GT ? c > 0 : c >= 0;
    *out = rt_bool(r);
    return true;
}

static bool bytes_binop(Vm *vm, int op, Value a, Value b, Value *out) {
    int base = op & ~BINOP_INPLACE;
    if (base == BINOP_ADD && IS_BYTES(a)) {
        if (!IS_BYTES(b))
            return rt_raise(vm, &TypeError_type, "can't concat %s to bytes", type_name(rt_type(b)));
        ObjBytes *x = AS_BYTES(a), *y = AS_BYTES(b);
        size_t n;
        TRY(rt_size_add(vm, x->len, y->len, &n));
        ObjBytes *r = bytes_new(vm, NULL, n);
        TRY(r);
        memcpy(r->data, x->data, x->len);
        memcpy(r->data + x->len, y->data, y->len);
        *out = OBJ_VAL(r);
        return true;
    }
    if (base == BINOP_MUL) {
        Value s = IS_BYTES(a) ? a : b, nv = IS_BYTES(a) ? b : a;
        if (IS_BYTES(s) && rt_type(nv)->index) {
            int64_t k;
            TRY(rt_index(vm, nv, &k));
            ObjBytes *x = AS_BYTES(s);
            size_t n = 0;
            if (k > 0 && (__builtin_mul_overflow(x->len, (size_t)k, &n) || n > (size_t)INT64_MAX))
                return rt_raise(vm, &OverflowError_type, "repeated bytes are too long");
            ObjBytes *r = bytes_new(vm, NULL, n);
            TRY(r);
            for (size_t i = 0; i < n; i += x->len) memcpy(r->data + i, x->data, x->len);
            *out = OBJ_VAL(r);
            return true;
        }
    }
    *out = NOTIMPL_VAL;
    return true;
}

static bool bytes_len(Vm *vm, Value self, int64_t *out) {
    (void)vm;
    *out = (int64_t)AS_BYTES(self)->len;
    return true;
}

static bool bytes_getitem(Vm *vm, Value self, Value key, Value *out) {
    ObjBytes *b = AS_BYTES(self);
    if (IS_SLICE(key)) {
        int64_t start, stop, step, n;
        TRY(slice_indices(vm, key, (int64_t)b->len, &start, &stop, &step, &n));
        ObjBytes *r = bytes_new(vm, NULL, (size_t)n);
        TRY(r);
        for (int64_t i = 0, k = start; i < n; i++, k += step) r->data[i] = b->data[k];
        *out = OBJ_VAL(r);
        return true;
    }
    if (!rt_type(key)->index)
        return rt_raise(vm, &TypeError_type, "byte indices must be integers or slices, not %s",
                        type_name(rt_type(key)));
    int64_t i;
    TRY(rt_index(vm, key, &i));
    if (!seq_index(i, (int64_t)b->len, &i)) return rt_raise(vm, &IndexError_type, "index out of range");
    *out = INT_VAL((unsigned char)b->data[i]);
    return true;
}

static int bytes_contains(Vm *vm, Value self, Value x) {
    ObjBytes *b = AS_BYTES(self);
    if (IS_BYTES(x)) return rt_memfind(b->data, b->len, AS_BYTES(x)->data, AS_BYTES(x)->len) != NULL;
    if (!IS_ANYINT(x)) {
        rt_raise(vm, &TypeError_type, "a bytes-like object is required, not '%s'", type_name(rt_type(x)));
        return -1;
    }
    int64_t v;
    if (!rt_index(vm, x, &v)) return -1;
    if (v < 0 || v > 255) {
        rt_raise(vm, &ValueError_type, "byte must be in range(0, 256)");
        return -1;
    }
    return memchr(b->data, (int)v, b->len) != NULL;
}

// ---- iterator ----

typedef struct BytesIter {
    Obj hdr;
    Value bytes;
    size_t i;
} BytesIter;

static void iter_trace(Vm *vm, Obj *o) { gc_mark_value(vm, ((BytesIter *)o)->bytes); }

static bool iter_self(Vm *vm, Value self, Value *out) {
    (void)vm;
    *out = self;
    return true;
}

static IterResult bytes_iter_next(Vm *vm, Value self, Value *out) {
    (void)vm;
    BytesIter *it = (BytesIter *)AS_OBJ(self);
    if (!it->bytes || it->i >= AS_BYTES(it->bytes)->len) {
        it->bytes = VAL_NULL;
        return ITER_DONE;
    }
    *out = INT_VAL((unsigned char)AS_BYTES(it->bytes)->data[it->i++]);
    return ITER_NEXT;
}

ObjType bytes_iter_type = {
    .hdr = OBJ_STATIC_HEADER(&type_type),
    .name = "bytes_iterator",
    .module = "builtins",
    .basicsize = sizeof(BytesIter),
    .base = &object_type,   // hash, repr, ... from object
    .flags = TYPE_ABSTRACT_NEW,
    .trace = iter_trace,
    .iter = iter_self,
    .iternext = bytes_iter_next,
};

static bool bytes_iter(Vm *vm, Value self, Value *out) {
    gc_push_root(vm, self);
    BytesIter *it = (BytesIter *)gc_alloc(vm, &bytes_iter_type, sizeof(BytesIter));
    gc_pop_root(vm);
    TRY(it);
    it->bytes = self;
    *out = OBJ_VAL(it);
    return true;
}

// ---- construction ----

static bool from_iterable(Vm *vm, Value src, Value *out) {
    Value it, v;
    TRY(rt_iter(vm, src, &it));
    gc_push_root(vm, it);
    Buf b;
    buf_init(&b);
    IterResult r;
    bool ok = true;
    while (ok && (r = rt_next(vm, it, &v)) == ITER_NEXT) {
        int64_t x;
        if (!IS_ANYINT(v) && !rt_type(v)->index)
            ok = rt_raise(vm, &TypeError_type, "'%s' object cannot be interpreted as an integer",
                          type_name(rt_type(v)));
        else if (!rt_index(vm, v, &x)) ok = false;
        else if (x < 0 || x > 255) ok = rt_raise(vm, &ValueError_type, "bytes must be in range(0, 256)");
        else if (!buf_putc(&b, (char)x)) ok = rt_raise_nomem(vm);
    }
    gc_pop_root(vm);
    if (!ok || r == ITER_ERROR) {
        buf_free(&b);
        return false;
    }
    ObjBytes *o = bytes_new(vm, b.data, b.len);
    buf_free(&b);
    TRY(o);
    *out = OBJ_VAL(o);
    return true;
}

static bool bytes_make(Vm *vm, Value *a, Value *out);

// A subclass instance: the bytes, then (aligned) its __dict__ (type.h).
static bool bytes_subclass_copy(Vm *vm, ObjType *t, Value v, Value *out) {
    ObjBytes *src = AS_BYTES(v);
    size_t size = type_dict_at_end_size(sizeof(ObjBytes) + src->len + 1);
    gc_push_root(vm, v);
    ObjBytes *b = (ObjBytes *)gc_alloc(vm, t, size);
    gc_pop_root(vm);
    TRY(b);
    b->hash = -1;
    b->len = src->len;
    memcpy(b->data, src->data, src->len + 1);
    *out = OBJ_VAL(b);
    return true;
}

static bool bytes_new_slot(Vm *vm, ObjType *t, Value *args, size_t nargs, Value kwnames, Value *out) {
    static const char *const names[] = {"source", "encoding", "errors"};
    Value a[3];
    TRY(rt_parse_args(vm, "bytes", args, nargs, kwnames, names, 3, 3, 0, a));
    if (t == &bytes_type) return bytes_make(vm, a, out);
    Value v;
    TRY(bytes_make(vm, a, &v));
    return bytes_subclass_copy(vm, t, v, out);
}

// bytes(source, encoding, errors) from the parsed arguments [a].
static bool bytes_make(Vm *vm, Value *a, Value *out) {
    if (!a[0]) {
        ObjBytes *b = bytes_new(vm, NULL, 0);
        TRY(b);
        *out = OBJ_VAL(b);
        return true;
    }
    if (IS_STR(a[0])) {
        if (!a[1]) return rt_raise(vm, &TypeError_type, "string argument without an encoding");
        TRY(norm_encoding(vm, a[1]));
        ObjBytes *b = bytes_new(vm, AS_STR(a[0])->data, AS_STR(a[0])->len);
        TRY(b);
        *out = OBJ_VAL(b);
        return true;
    }
    if (a[1]) return rt_raise(vm, &TypeError_type, "encoding without a string argument");
    if (IS_BYTES(a[0])) {
        if (IS_TYPE_EXACT(a[0], bytes_type)) {
            *out = a[0];
            return true;
        }
        // A subclass instance gives a plain bytes copy, as in CPython.
        ObjBytes *b = bytes_new(vm, AS_BYTES(a[0])->data, AS_BYTES(a[0])->len);
        TRY(b);
        *out = OBJ_VAL(b);
        return true;
    }
    if (IS_ANYINT(a[0])) {
        int64_t n;
        TRY(rt_index(vm, a[0], &n));
        if (n < 0) return rt_raise(vm, &ValueError_type, "negative count");
        ObjBytes *b = bytes_new(vm, NULL, (size_t)n);
        TRY(b);
        memset(b->data, 0, (size_t)n);
        *out = OBJ_VAL(b);
        return true;
    }
    if (!TYPE_SLOT(rt_type(a[0]), iter))
        return rt_raise(vm, &TypeError_type, "cannot convert '%s' object to bytes", type_name(rt_type(a[0])));
    return from_iterable(vm, a[0], out);
}

// ---- methods ----

#define SELF AS_BYTES(args[0])

static bool need_bytes(Vm *vm, Value v) {
    if (IS_BYTES(v)) return true;
    return rt_raise(vm, &TypeError_type, "a bytes-like object is required, not '%s'", type_name(rt_type(v)));
}

static bool m_decode(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    static const char *const names[] = {"", "encoding", "errors"};
    Value a[3];
    TRY(rt_parse_args(vm, "decode", args, nargs, kw, names, 3, 3, 1, a));
    return bytes_decode_value(vm, args[0], a[1], a[2], out);
}

static bool m_hex(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "hex", kw));
    TRY(rt_check_nargs(vm, "bytes.hex", nargs, 1, 1));
    ObjBytes *b = SELF;
    size_t n;
    TRY(rt_size_mul(vm, b->len, 2, &n));
    ObjStr *s = str_alloc(vm, n);
    TRY(s);
    for (size_t i = 0; i < b->len; i++) {
        static const char hexd[] = "0123456789abcdef";
        s->data[2 * i] = hexd[(unsigned char)b->data[i] >> 4];
        s->data[2 * i + 1] = hexd[(unsigned char)b->data[i] & 15];
    }
    str_finish(s);
    *out = OBJ_VAL(s);
    return true;
}

static bool m_fromhex(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "fromhex", kw));
    TRY(rt_check_nargs(vm, "fromhex", nargs, 2, 2));
    if (!IS_STR(args[1]))
        return rt_raise(vm, &TypeError_type, "fromhex() argument must be str, not %s", type_name(rt_type(args[1])));
    ObjStr *s = AS_STR(args[1]);
    Buf b;
    buf_init(&b);
    for (size_t i = 0; i < s->len;) {
        if (s->data[i] == ' ') { i++; continue; }
        int hi = -1, lo = -1;
        char c = s->data[i], d = i + 1 < s->len ? s->data[i + 1] : 0;
        hi = c >= '0' && c <= '9' ? c - '0' : (c | 32) >= 'a' && (c | 32) <= 'f' ? (c | 32) - 'a' + 10 : -1;
        lo = d >= '0' && d <= '9' ? d - '0' : (d | 32) >= 'a' && (d | 32) <= 'f' ? (d | 32) - 'a' + 10 : -1;
        if (hi < 0 || lo < 0) {
            buf_free(&b);
            return rt_raise(vm, &ValueError_type,
                            "non-hexadecimal number found in fromhex() arg at position %zu", hi < 0 ? i : i + 1);
        }
        if (!buf_putc(&b, (char)(hi * 16 + lo))) {
            buf_free(&b);
            return rt_raise_nomem(vm);
        }
        i += 2;
    }
    ObjBytes *r = bytes_new(vm, b.data, b.len);
    buf_free(&b);
    TRY(r);
    *out = OBJ_VAL(r);
    return true;
}

static bool affix(Vm *vm, Value *args, size_t nargs, Value kw, bool end, Value *out) {
    TRY(rt_no_kwargs(vm, end ? "endswith" : "startswith", kw));
    TRY(rt_check_nargs(vm, end ? "endswith" : "startswith", nargs, 2, 2));
    ObjBytes *b = SELF;
    Value pats = args[1];
    size_t n = IS_TUPLE(pats) ? AS_TUPLE(pats)->len : 1;
    for (size_t i = 0; i < n; i++) {
        Value p = IS_TUPLE(pats) ? AS_TUPLE(pats)->items[i] : pats;
        TRY(need_bytes(vm, p));
        ObjBytes *x = AS_BYTES(p);
        if (x->len <= b->len &&
            memcmp(end ? b->data + b->len - x->len : b->data, x->data, x->len) == 0) {
            *out = TRUE_VAL;
            return true;
        }
    }
    *out = FALSE_VAL;
    return true;
}

static bool m_startswith(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    return affix(vm, args, nargs, kw, false, out);
}
static bool m_endswith(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    return affix(vm, args, nargs, kw, true, out);
}

// find(sub[, start[, end]]): start and end are read as slice bounds.
static bool m_find(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "find", kw));
    TRY(rt_check_nargs(vm, "find", nargs, 2, 4));
    TRY(need_bytes(vm, args[1]));
    int64_t len = (int64_t)SELF->len, start = 0, end = len;
    if (nargs > 2 && !IS_NONE(args[2])) TRY(rt_index_clamped(vm, args[2], &start));
    if (nargs > 3 && !IS_NONE(args[3])) TRY(rt_index_clamped(vm, args[3], &end));
    if (start < 0 && (start += len) < 0) start = 0;
    if (end < 0 && (end += len) < 0) end = 0;
    if (end > len) end = len;
    *out = INT_VAL(-1);
    if (start > end) return true;
    const char *p = rt_memfind(SELF->data + start, (size_t)(end - start), AS_BYTES(args[1])->data,
                               AS_BYTES(args[1])->len);
    if (p) *out = INT_VAL(p - SELF->data);
    return true;
}

static bool m_count(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "count", kw));
    TRY(rt_check_nargs(vm, "count", nargs, 2, 2));
    TRY(need_bytes(vm, args[1]));
    ObjBytes *b = SELF, *x = AS_BYTES(args[1]);
    int64_t n = 0;
    if (x->len == 0) n = (int64_t)b->len + 1;
    else
        for (const char *p = b->data, *e = b->data + b->len;
             (p = rt_memfind(p, (size_t)(e - p), x->data, x->len)); p += x->len)
            n++;
    *out = INT_VAL(n);
    return true;
}

static bool m_join(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "join", kw));
    TRY(rt_check_nargs(vm, "bytes.join", nargs, 2, 2));
    Value seq;
    TRY(tuple_from_iterable(vm, args[1], &seq));
    gc_push_root(vm, seq);
    ObjTuple *t = AS_TUPLE(seq);
    Buf b;
    buf_init(&b);
    bool ok = true;
    for (size_t i = 0; ok && i < t->len; i++) {
        if (!IS_BYTES(t->items[i])) {
            ok = rt_raise(vm, &TypeError_type, "sequence item %zu: expected a bytes-like object, %s found",
                          i, type_name(rt_type(t->items[i])));
            break;
        }
        if ((i && !buf_append(&b, SELF->data, SELF->len)) ||
            !buf_append(&b, AS_BYTES(t->items[i])->data, AS_BYTES(t->items[i])->len))
            ok = rt_raise_nomem(vm);
    }
    ObjBytes *r = ok ? bytes_new(vm, b.data, b.len) : NULL;
    buf_free(&b);
    gc_pop_root(vm);
    TRY(r);
    *out = OBJ_VAL(r);
    return true;
}

static bool map_case(Vm *vm, Value *args, size_t nargs, Value kw, bool upper, Value *out) {
    TRY(rt_no_kwargs(vm, upper ? "upper" : "lower", kw));
    TRY(rt_check_nargs(vm, upper ? "bytes.upper" : "bytes.lower", nargs, 1, 1));
    ObjBytes *r = bytes_new(vm, SELF->data, SELF->len);
    TRY(r);
    for (size_t i = 0; i < r->len; i++) {
        char c = r->data[i];
        if (upper && c >= 'a' && c <= 'z') r->data[i] = (char)(c - 32);
        if (!upper && c >= 'A' && c <= 'Z') r->data[i] = (char)(c + 32);
    }
    *out = OBJ_VAL(r);
    return true;
}

static bool m_upper(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) { return map_case(vm, args, nargs, kw, true, out); }
static bool m_lower(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) { return map_case(vm, args, nargs, kw, false, out); }

static bool m_strip(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "strip", kw));
    TRY(rt_check_nargs(vm, "strip", nargs, 1, 2));
    const char *chars = " \t\n\r\x0b\x0c";
    size_t nc = 6;
    if (nargs > 1 && !IS_NONE(args[1])) {
        TRY(need_bytes(vm, args[1]));
        chars = AS_BYTES(args[1])->data;
        nc = AS_BYTES(args[1])->len;
    }
    ObjBytes *b = SELF;
    size_t i = 0, j = b->len;
    while (i < j && memchr(chars, b->data[i], nc)) i++;
    while (j > i && memchr(chars, b->data[j - 1], nc)) j--;
    ObjBytes *r = bytes_new(vm, b->data + i, j - i);
    TRY(r);
    *out = OBJ_VAL(r);
    return true;
}

static bool m_split(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "split", kw));
    TRY(rt_check_nargs(vm, "split", nargs, 1, 2));
    ObjBytes *b = SELF;
    ObjList *l = list_new(vm, 0);
    TRY(l);
    gc_push_root(vm, OBJ_VAL(l));
    bool ok = true;
    if (nargs < 2 || IS_NONE(args[1])) {
        size_t i = 0;
        while (ok && i < b->len) {
            while (i < b->len && strchr(" \t\n\r\x0b\x0c", b->data[i]) && b->data[i]) i++;
            size_t j = i;
            while (j < b->len && !(strchr(" \t\n\r\x0b\x0c", b->data[j]) && b->data[j])) j++;
            if (j > i) {
                ObjBytes *p = bytes_new(vm, b->data + i, j - i);
                ok = p && list_append(vm, l, OBJ_VAL(p));
            }
            i = j;
        }
    } else if (!need_bytes(vm, args[1])) {
        ok = false;
    } else if (AS_BYTES(args[1])->len == 0) {
        ok = rt_raise(vm, &ValueError_type, "empty separator");
    } else {
        ObjBytes *sep = AS_BYTES(args[1]);
        const char *p = b->data, *e = b->data + b->len;
        for (;;) {
            const char *q = rt_memfind(p, (size_t)(e - p), sep->data, sep->len);
            ObjBytes *part = bytes_new(vm, p, (size_t)((q ? q : e) - p));
            if (!part || !list_append(vm, l, OBJ_VAL(part))) { ok = false; break; }
            if (!q) break;
            p = q + sep->len;
        }
    }
    gc_pop_root(vm);
    TRY(ok);
    *out = OBJ_VAL(l);
    return true;
}

static bool m_replace(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "replace", kw));
    TRY(rt_check_nargs(vm, "replace", nargs, 3, 3));
    TRY(need_bytes(vm, args[1]));
    TRY(need_bytes(vm, args[2]));
    ObjBytes *b = SELF, *old = AS_BYTES(args[1]), *rep = AS_BYTES(args[2]);
    Buf r;
    buf_init(&r);
    bool ok = true;
    if (old->len == 0) {
        for (size_t i = 0; ok && i <= b->len; i++) {
            ok = buf_append(&r, rep->data, rep->len);
            if (ok && i < b->len) ok = buf_putc(&r, b->data[i]);
        }
    } else {
        const char *p = b->data, *e = b->data + b->len, *q;
        while (ok && (q = rt_memfind(p, (size_t)(e - p), old->data, old->len))) {
            ok = buf_append(&r, p, (size_t)(q - p)) && buf_append(&r, rep->data, rep->len);
            p = q + old->len;
        }
        ok = ok && buf_append(&r, p, (size_t)(e - p));
    }
    ObjBytes *o = ok ? bytes_new(vm, r.data, r.len) : NULL;
    if (!ok) rt_raise_nomem(vm);
    buf_free(&r);
    TRY(o);
    *out = OBJ_VAL(o);
    return true;
}

static const MethodDef bytes_methods[] = {
    {"decode", m_decode, 0},     {"hex", m_hex, 0},       {"fromhex", m_fromhex, METH_CLASS},
    {"startswith", m_startswith, 0}, {"endswith", m_endswith, 0}, {"find", m_find, 0},
    {"count", m_count, 0},       {"join", m_join, 0},     {"upper", m_upper, 0},
    {"lower", m_lower, 0},       {"strip", m_strip, 0},   {"split", m_split, 0},
    {"replace", m_replace, 0},   {NULL, NULL, 0},
};

ObjType bytes_type = {
    .hdr = OBJ_STATIC_HEADER(&type_type),
    .name = "bytes",
    .module = "builtins",
    .basicsize = sizeof(ObjBytes),
    .flags = TYPE_BASETYPE,
    .base = &object_type,
    .methods = bytes_methods,
    .size = bytes_size,
    .new_ = bytes_new_slot,
    .repr = bytes_repr,
    .hash = bytes_hash,
    .richcompare = bytes_richcompare,
    .binop = bytes_binop,
    .len = bytes_len,
    .getitem = bytes_getitem,
    .contains = bytes_contains,
    .iter = bytes_iter,
};
