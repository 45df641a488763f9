// Compiled code as bytes: see marshal.h.
#include "vm/marshal.h"

#include <stdlib.h>
#include <string.h>

#include "runtime/bytes.h"
#include "runtime/exc.h"
#include "runtime/float.h"
#include "runtime/gc.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/ops.h"
#include "runtime/set.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

enum {
    T_NONE = 'N', T_TRUE = 'T', T_FALSE = 'F', T_ELLIPSIS = 'E', T_SMALL = 'i', T_BIG = 'I',
    T_FLOAT = 'f', T_STR = 's', T_ISTR = 'S', T_STRREF = 'r', T_BYTES = 'b', T_TUPLE = 't',
    T_FROZENSET = 'z', T_CODE = 'C',
};

// ---- writing ----

typedef struct Dumper {
    Vm *vm;
    Buf *out;
    ObjStr **strs;   // strs written so far (their index is the back-reference)
    size_t nstrs, cap;
    bool ok;
} Dumper;

static void put_byte(Dumper *d, uint8_t b) {
    if (!buf_putc(d->out, (char)b)) d->ok = false;
}

static void put_bytes(Dumper *d, const void *p, size_t n) {
    if (n && !buf_append(d->out, p, n)) d->ok = false;
}

static void put_varint(Dumper *d, uint64_t v) {
    while (v >= 0x80) {
        put_byte(d, (uint8_t)(v | 0x80));
        v >>= 7;
    }
    put_byte(d, (uint8_t)v);
}

static uint64_t zigzag(int64_t v) { return v < 0 ? ((uint64_t)-(v + 1) << 1) | 1 : (uint64_t)v << 1; }

static void dump_value(Dumper *d, Value v);

static void dump_str(Dumper *d, ObjStr *s) {
    for (size_t i = 0; i < d->nstrs; i++)
        if (d->strs[i] == s) {
            put_byte(d, T_STRREF);
            put_varint(d, i);
            return;
        }
    if (d->nstrs == d->cap) {
        size_t cap = d->cap ? d->cap * 2 : 256;
        ObjStr **n = realloc(d->strs, cap * sizeof *n);
        if (!n) {
            d->ok = false;
            return;
        }
        d->strs = n;
        d->cap = cap;
    }
    d->strs[d->nstrs++] = s;
    put_byte(d, s->interned ? T_ISTR : T_STR);
    put_varint(d, s->len);
    put_varint(d, s->cplen);
    put_bytes(d, s->data, s->len);
}

static void dump_code(Dumper *d, ObjCode *c) {
    put_byte(d, T_CODE);
    uint32_t counts[] = {c->nconsts, c->nnames, c->nlocalsplus, c->nwords, c->nexcs, c->ncaches,
                         c->ncells, c->nlinetable, c->nlocals, c->nfrees, c->argcount,
                         c->posonlyargcount, c->kwonlyargcount, c->flags, c->stacksize};
    for (size_t i = 0; i < sizeof counts / sizeof *counts; i++) put_varint(d, counts[i]);
    put_varint(d, zigzag(c->firstlineno));
    dump_value(d, c->name);
    dump_value(d, c->qualname);
    dump_value(d, c->filename);
    for (uint32_t i = 0; i < c->nconsts; i++) dump_value(d, c->consts[i]);
    for (uint32_t i = 0; i < c->nnames; i++) dump_value(d, c->names[i]);
    for (uint32_t i = 0; i < c->nlocalsplus; i++) dump_value(d, c->localnames[i]);
    // The arrays after the Values are one block (code_new): words, cache
    // names, exception table, cell map, positions.
    size_t tail = ((size_t)c->nwords + c->ncaches) * sizeof(uint32_t) + (size_t)c->nexcs * sizeof(CodeExc) +
                  (size_t)c->ncells * sizeof(int32_t) + c->nlinetable;
    put_bytes(d, c->words, tail);
}

static void dump_value(Dumper *d, Value v) {
    if (!d->ok) return;
    if (IS_INT(v)) {
        put_byte(d, T_SMALL);
        put_varint(d, zigzag(AS_INT(v)));
        return;
    }
    if (v == NONE_VAL) return put_byte(d, T_NONE);
    if (v == TRUE_VAL) return put_byte(d, T_TRUE);
    if (v == FALSE_VAL) return put_byte(d, T_FALSE);
    if (v == ELLIPSIS_VAL) return put_byte(d, T_ELLIPSIS);
    ObjType *t = rt_type(v);
    if (t == &str_type) return dump_str(d, AS_STR(v));
    if (t == &code_type) return dump_code(d, AS_CODE(v));
    if (t == &float_type) {
        put_byte(d, T_FLOAT);
        double x = ((ObjFloat *)AS_OBJ(v))->d;
        put_bytes(d, &x, sizeof x);
        return;
    }
    if (t == &bytes_type) {
        put_byte(d, T_BYTES);
        put_varint(d, AS_BYTES(v)->len);
        put_bytes(d, AS_BYTES(v)->data, AS_BYTES(v)->len);
        return;
    }
    if (t == &tuple_type) {
        ObjTuple *tu = AS_TUPLE(v);
        put_byte(d, T_TUPLE);
        put_varint(d, tu->len);
        for (size_t i = 0; i < tu->len; i++) dump_value(d, tu->items[i]);
        return;
    }
    if (t == &frozenset_type) {
        ObjSet *s = (ObjSet *)AS_OBJ(v);
        put_byte(d, T_FROZENSET);
        put_varint(d, s->used);
        size_t pos = 0;
        Value k;
        while (set_next(s, &pos, &k)) dump_value(d, k);
        return;
    }
    if (t == &int_type) {
        Value hex;
        if (!int_to_str(d->vm, v, 16, &hex)) {
            d->ok = false;
            return;
        }
        put_byte(d, T_BIG);
        put_varint(d, AS_STR(hex)->len);
        put_bytes(d, AS_STR(hex)->data, AS_STR(hex)->len);
        return;
    }
    d->ok = false;   // a constant of another kind: not for this format
}

bool marshal_dump_code(Vm *vm, ObjCode *co, Buf *out) {
    Dumper d = {vm, out, NULL, 0, 0, true};
    dump_value(&d, OBJ_VAL(co));
    free(d.strs);
    return d.ok;
}

// ---- reading ----

typedef struct Loader {
    Vm *vm;
    const uint8_t *p, *end;
    ObjList *strs;   // strs read so far, for back-references (rooted)
} Loader;

static bool corrupt(Vm *vm) { return rt_raise(vm, &SystemError_type, "frozen module data is corrupt"); }

static bool get_varint(Loader *l, uint64_t *out) {
    uint64_t v = 0;
    for (unsigned shift = 0; shift < 64; shift += 7) {
        if (l->p >= l->end) return corrupt(l->vm);
        uint8_t b = *l->p++;
        v |= (uint64_t)(b & 0x7f) << shift;
        if (!(b & 0x80)) {
            *out = v;
            return true;
        }
    }
    return corrupt(l->vm);
}

static bool get_count(Loader *l, uint32_t *out) {
    uint64_t v;
    TRY(get_varint(l, &v));
    if (v > UINT32_MAX) return corrupt(l->vm);
    *out = (uint32_t)v;
    return true;
}

static bool get_raw(Loader *l, size_t n, const uint8_t **out) {
    if ((size_t)(l->end - l->p) < n) return corrupt(l->vm);
    *out = l->p;
    l->p += n;
    return true;
}

static bool load_value(Loader *l, Value *out);

static bool load_code(Loader *l, Value *out) {
    uint32_t k[15];
    for (size_t i = 0; i < 15; i++) TRY(get_count(l, &k[i]));
    uint64_t first;
    TRY(get_varint(l, &first));
    CodeShape shape = {k[0], k[1], k[2], k[3], k[4], k[5], k[6], k[7]};
    // Every Value takes a byte at least and the arrays are copied whole:
    // counts the remaining bytes cannot hold are corrupt, not allocated.
    size_t left = (size_t)(l->end - l->p);
    uint64_t nvalues = (uint64_t)shape.nconsts + shape.nnames + shape.nlocalsplus + 3;
    uint64_t tail_bytes = ((uint64_t)shape.nwords + shape.ncaches) * sizeof(uint32_t) +
                          (uint64_t)shape.nexcs * sizeof(CodeExc) + (uint64_t)shape.ncells * sizeof(int32_t) +
                          shape.nlinetable;
    if (nvalues + tail_bytes > left) return corrupt(l->vm);
    ObjCode *c = code_new(l->vm, &shape);
    TRY(c);
    gc_push_root(l->vm, OBJ_VAL(c));
    c->nlocals = k[8];
    c->nfrees = k[9];
    c->argcount = k[10];
    c->posonlyargcount = k[11];
    c->kwonlyargcount = k[12];
    c->flags = k[13];
    c->stacksize = k[14];
    c->firstlineno = (int32_t)(first & 1 ? -(int64_t)(first >> 1) - 1 : (int64_t)(first >> 1));
    bool ok = load_value(l, &c->name) && load_value(l, &c->qualname) && load_value(l, &c->filename);
    for (uint32_t i = 0; ok && i < c->nconsts; i++) ok = load_value(l, &c->consts[i]);
    for (uint32_t i = 0; ok && i < c->nnames; i++) ok = load_value(l, &c->names[i]);
    for (uint32_t i = 0; ok && i < c->nlocalsplus; i++) ok = load_value(l, &c->localnames[i]);
    size_t tail = ((size_t)c->nwords + c->ncaches) * sizeof(uint32_t) + (size_t)c->nexcs * sizeof(CodeExc) +
                  (size_t)c->ncells * sizeof(int32_t) + c->nlinetable;
    const uint8_t *raw = NULL;
    ok = ok && get_raw(l, tail, &raw);
    if (ok) memcpy(c->words, raw, tail);
    gc_pop_root(l->vm);
    TRY(ok);
    *out = OBJ_VAL(c);
    return true;
}

static bool load_value(Loader *l, Value *out) {
    Vm *vm = l->vm;
    if (l->p >= l->end) return corrupt(vm);
    uint8_t tag = *l->p++;
    uint64_t n, m;
    const uint8_t *raw = NULL;
    switch (tag) {
    case T_NONE: *out = NONE_VAL; return true;
    case T_TRUE: *out = TRUE_VAL; return true;
    case T_FALSE: *out = FALSE_VAL; return true;
    case T_ELLIPSIS: *out = ELLIPSIS_VAL; return true;
    case T_SMALL:
        TRY(get_varint(l, &n));
        *out = INT_VAL(n & 1 ? -(int64_t)(n >> 1) - 1 : (int64_t)(n >> 1));
        return true;
    case T_BIG:
        TRY(get_varint(l, &n));
        TRY(get_raw(l, n, &raw));
        return int_parse(vm, (const char *)raw, n, 16, out);
    case T_FLOAT: {
        double d;
        TRY(get_raw(l, sizeof d, &raw));
        memcpy(&d, raw, sizeof d);
        return float_new(vm, d, out);
    }
    case T_STR:
    case T_ISTR: {
        TRY(get_varint(l, &n));
        TRY(get_varint(l, &m));
        TRY(get_raw(l, n, &raw));
        ObjStr *s = tag == T_ISTR ? str_intern(vm, (const char *)raw, n)
                                  : str_new_counted(vm, (const char *)raw, n, m);
        TRY(s);
        gc_push_root(vm, OBJ_VAL(s));
        bool ok = list_append(vm, l->strs, OBJ_VAL(s));
        gc_pop_root(vm);
        TRY(ok);
        *out = OBJ_VAL(s);
        return true;
    }
    case T_STRREF:
        TRY(get_varint(l, &n));
        if (n >= l->strs->len) return corrupt(vm);
        *out = l->strs->items[n];
        return true;
    case T_BYTES: {
        TRY(get_varint(l, &n));
        TRY(get_raw(l, n, &raw));
        ObjBytes *b = bytes_new(vm, (const char *)raw, n);
        TRY(b);
        *out = OBJ_VAL(b);
        return true;
    }
    case T_TUPLE: {
        TRY(get_varint(l, &n));
        if (n > (size_t)(l->end - l->p)) return corrupt(vm);
        ObjTuple *t = tuple_new(vm, n);
        TRY(t);
        gc_push_root(vm, OBJ_VAL(t));
        // Its items start zeroed (tracing skips them) and are filled in turn.
        bool ok = true;
        for (size_t i = 0; ok && i < n; i++) ok = load_value(l, &t->items[i]);
        gc_pop_root(vm);
        TRY(ok);
        *out = OBJ_VAL(t);
        return true;
    }
    case T_FROZENSET: {
        TRY(get_varint(l, &n));
        ObjSet *s = set_new(vm, &frozenset_type);
        TRY(s);
        gc_push_root(vm, OBJ_VAL(s));
        bool ok = true;
        for (size_t i = 0; ok && i < n; i++) {
            Value k;
            ok = load_value(l, &k);
            if (ok) {
                gc_push_root(vm, k);
                ok = set_add(vm, s, k);
                gc_pop_root(vm);
            }
        }
        gc_pop_root(vm);
        TRY(ok);
        *out = OBJ_VAL(s);
        return true;
    }
    case T_CODE: return load_code(l, out);
    default: return corrupt(vm);
    }
}

ObjCode *marshal_load_code(Vm *vm, const uint8_t *data, size_t len) {
    ObjList *strs = list_new(vm, 0);
    if (!strs) return NULL;
    gc_push_root(vm, OBJ_VAL(strs));
    Loader l = {vm, data, data + len, strs};
    Value v;
    bool ok = load_value(&l, &v);
    gc_pop_root(vm);
    if (!ok) return NULL;
    if (!IS_CODE(v) || l.p != l.end) {
        corrupt(vm);
        return NULL;
    }
    return AS_CODE(v);
}
