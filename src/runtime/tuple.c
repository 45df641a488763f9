// tuple: immutable arrays, their iterator, and the repr/compare helpers
// shared with list (see tuple.h). The hash is CPython's xxHash-based
// tuplehash, so hash((1, 2)) matches CPython.
#include "runtime/tuple.h"

#include <string.h>

#include "runtime/exc.h"
#include "runtime/gc.h"
#include "runtime/genericalias.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/native.h"
#include "runtime/ops.h"
#include "runtime/slice.h"
#include "runtime/str.h"
#include "runtime/type.h"

ObjTuple *tuple_new(Vm *vm, size_t n) {
    if (n == 0 && vm->empty_tuple) return AS_TUPLE(vm->empty_tuple);
    size_t size;
    if (!rt_size_mul(vm, n, sizeof(Value), &size) || !rt_size_add(vm, size, sizeof(ObjTuple), &size))
        return NULL;
    ObjTuple *t = (ObjTuple *)gc_alloc(vm, &tuple_type, size);
    if (!t) return NULL;
    t->hash = -1;
    t->len = n;
    for (size_t i = 0; i < n; i++) t->items[i] = NONE_VAL;
    return t;
}

ObjTuple *tuple_from(Vm *vm, const Value *items, size_t n) {
    ObjTuple *t = tuple_new(vm, n);   // items must be rooted by the caller
    if (t && n) memcpy(t->items, items, n * sizeof(Value));
    return t;
}

ObjTuple *tuple_pack2(Vm *vm, Value a, Value b) {
    gc_push_root(vm, a);
    gc_push_root(vm, b);
    ObjTuple *t = tuple_new(vm, 2);
    gc_pop_roots(vm, 2);
    if (!t) return NULL;
    t->items[0] = a;
    t->items[1] = b;
    return t;
}

bool tuple_from_iterable(Vm *vm, Value it, Value *out) {
    if (IS_TYPE_EXACT(it, tuple_type)) {
        *out = it;
        return true;
    }
    if (IS_LIST(it)) {
        ObjTuple *t = tuple_from(vm, AS_LIST(it)->items, AS_LIST(it)->len);
        TRY(t);
        *out = OBJ_VAL(t);
        return true;
    }
    ObjList *l = list_new(vm, 0);
    TRY(l);
    gc_push_root(vm, OBJ_VAL(l));
    bool ok = list_extend(vm, l, it);
    ObjTuple *t = ok ? tuple_from(vm, l->items, l->len) : NULL;
    gc_pop_root(vm);
    TRY(t);
    *out = OBJ_VAL(t);
    return true;
}

bool seq_repr(Vm *vm, const Value *items, size_t n, const char *open, const char *close,
              Value *out) {
    // [items] may move if a __repr__ mutates a list: re-read through the caller's
    // object is not possible here, so repr works on the array as it is now; list
    // passes a snapshot-safe pointer by re-checking its length (see list_repr).
    TRY(rt_enter(vm, RT_WHERE_REPR));
    Buf b;
    buf_init(&b);
    bool ok = buf_puts(&b, open);
    for (size_t i = 0; ok && i < n; i++) {
        Value r;
        if (i && !buf_puts(&b, ", ")) { ok = false; break; }
        if (!rt_repr(vm, items[i], &r)) {
            buf_free(&b);
            rt_leave(vm);
            return false;
        }
        ok = buf_append(&b, AS_STR(r)->data, AS_STR(r)->len);
    }
    rt_leave(vm);
    ok = ok && buf_puts(&b, close);
    ObjStr *s = ok ? str_new(vm, b.data, b.len) : NULL;
    if (!ok) rt_raise_nomem(vm);
    buf_free(&b);
    TRY(s);
    *out = OBJ_VAL(s);
    return true;
}

bool seq_richcompare(Vm *vm, const Value *a, size_t na, const Value *b, size_t nb, CmpOp op,
                     Value *out) {
    if ((op == CMP_EQ || op == CMP_NE) && na != nb) {
        *out = rt_bool(op == CMP_NE);
        return true;
    }
    size_t i = 0;
    for (; i < na && i < nb; i++) {
        int eq = rt_eq(vm, a[i], b[i]);
        if (eq < 0) return false;
        if (!eq) break;
    }
    if (i >= na || i >= nb) {
        bool r;
        switch (op) {
        case CMP_LT: r = na < nb; break;
        case CMP_LE: r = na <= nb; break;
        case CMP_EQ: r = na == nb; break;
        case CMP_NE: r = na != nb; break;
        case CMP_GT: r = na > nb; break;
        default: r = na >= nb; break;
        }
        *out = rt_bool(r);
        return true;
    }
    if (op == CMP_EQ || op == CMP_NE) {
        *out = rt_bool(op == CMP_NE);
        return true;
    }
    return rt_richcompare(vm, a[i], b[i], op, out);
}

// ---- slots ----

static void tuple_trace(Vm *vm, Obj *o) {
    ObjTuple *t = (ObjTuple *)o;
    for (size_t i = 0; i < t->len; i++) gc_mark_value(vm, t->items[i]);
}

static size_t tuple_size(const Obj *o) {
    return sizeof(ObjTuple) + ((const ObjTuple *)o)->len * sizeof(Value);
}

static bool tuple_repr(Vm *vm, Value self, Value *out) {
    ObjTuple *t = AS_TUPLE(self);
    if (t->len == 1) return seq_repr(vm, t->items, 1, "(", ",)", out);
    return seq_repr(vm, t->items, t->len, "(", ")", out);
}

// CPython's tuplehash (xxHash64 lanes).
#define XXPRIME_1 11400714785074694791ULL
#define XXPRIME_2 14029467366897019727ULL
#define XXPRIME_5 2870177450012600261ULL
#define XXROTATE(x) (((x) << 31) | ((x) >> 33))

static bool tuple_hash(Vm *vm, Value self, int64_t *out) {
    ObjTuple *t = AS_TUPLE(self);
    if (t->hash != -1) {
        *out = t->hash;
        return true;
    }
    TRY(rt_enter(vm, RT_WHERE_HASH));
    uint64_t acc = XXPRIME_5;
    for (size_t i = 0; i < t->len; i++) {
        int64_t h;
        if (!rt_hash(vm, t->items[i], &h)) {
            rt_leave(vm);
            return false;
        }
        acc += (uint64_t)h * XXPRIME_2;
        acc = XXROTATE(acc);
        acc *= XXPRIME_1;
    }
    rt_leave(vm);
    acc += t->len ^ (XXPRIME_5 ^ 3527539UL);
    if (acc == (uint64_t)-1) acc = 1546275796;
    t->hash = (int64_t)acc;
    *out = t->hash;
    return true;
}

static bool tuple_richcompare(Vm *vm, Value a, Value b, CmpOp op, Value *out) {
    if (!IS_TUPLE(a) || !IS_TUPLE(b)) {
        *out = NOTIMPL_VAL;
        return true;
    }
    return seq_richcompare(vm, AS_TUPLE(a)->items, AS_TUPLE(a)->len, AS_TUPLE(b)->items,
                           AS_TUPLE(b)->len, op, out);
}

static bool tuple_len(Vm *vm, Value self, int64_t *out) {
    (void)vm;
    *out = (int64_t)AS_TUPLE(self)->len;
    return true;
}

static bool tuple_getitem(Vm *vm, Value self, Value key, Value *out) {
    ObjTuple *t = AS_TUPLE(self);
    if (IS_SLICE(key)) {
        int64_t start, stop, step, n;
        TRY(slice_indices(vm, key, (int64_t)t->len, &start, &stop, &step, &n));
        if (step == 1 && n == (int64_t)t->len && IS_TYPE_EXACT(self, tuple_type)) {
            *out = self;
            return true;
        }
        gc_push_root(vm, self);
        ObjTuple *r = tuple_new(vm, (size_t)n);
        gc_pop_root(vm);
        TRY(r);
        for (int64_t i = 0, k = start; i < n; i++, k += step) r->items[i] = t->items[k];
        *out = OBJ_VAL(r);
        return true;
    }
    if (!rt_type(key)->index)
        return rt_raise(vm, &TypeError_type, "tuple indices must be integers or slices, not %s",
                        type_name(rt_type(key)));
    int64_t i;
    TRY(rt_index(vm, key, &i));
    if (!seq_index(i, (int64_t)t->len, &i))
        return rt_raise(vm, &IndexError_type, "tuple index out of range");
    *out = t->items[i];
    return true;
}

static int tuple_contains(Vm *vm, Value self, Value x) {
    ObjTuple *t = AS_TUPLE(self);
    for (size_t i = 0; i < t->len; i++) {
        int eq = rt_eq(vm, t->items[i], x);
        if (eq) return eq;
    }
    return 0;
}

static bool tuple_binop(Vm *vm, int op, Value a, Value b, Value *out) {
    op &= ~BINOP_INPLACE;
    if (op == BINOP_ADD && IS_TUPLE(a) && IS_TUPLE(b)) {
        ObjTuple *x = AS_TUPLE(a), *y = AS_TUPLE(b);
        size_t n;
        TRY(rt_size_add(vm, x->len, y->len, &n));
        gc_push_root(vm, a);
        gc_push_root(vm, b);
        ObjTuple *r = tuple_new(vm, n);
        gc_pop_roots(vm, 2);
        TRY(r);
        if (x->len) memcpy(r->items, x->items, x->len * sizeof(Value));
        if (y->len) memcpy(r->items + x->len, y->items, y->len * sizeof(Value));
        *out = OBJ_VAL(r);
        return true;
    }
    if (op == BINOP_MUL) {
        Value s = IS_TUPLE(a) ? a : b, nv = IS_TUPLE(a) ? b : a;
        if (IS_TUPLE(s) && rt_type(nv)->index) {
            int64_t k;
            TRY(rt_index(vm, nv, &k));
            ObjTuple *t = AS_TUPLE(s);
            if (k <= 0 || t->len == 0) {
                *out = vm->empty_tuple;
                return true;
            }
            size_t n;
            TRY(rt_size_mul(vm, t->len, (size_t)k, &n));
            TRY(rt_size_mul(vm, n, sizeof(Value), &(size_t){0}));
            gc_push_root(vm, s);
            ObjTuple *r = tuple_new(vm, n);
            gc_pop_root(vm);
            TRY(r);
            for (size_t i = 0; i < n; i++) r->items[i] = t->items[i % t->len];
            *out = OBJ_VAL(r);
            return true;
        }
    }
    *out = NOTIMPL_VAL;
    return true;
}

// ---- iterator (shared shape with list's) ----

typedef struct SeqIter {
    Obj hdr;
    Value seq;     // VAL_NULL once exhausted
    size_t i;
} SeqIter;

static void iter_trace(Vm *vm, Obj *o) { gc_mark_value(vm, ((SeqIter *)o)->seq); }

static bool iter_self(Vm *vm, Value self, Value *out) {
    (void)vm;
    *out = self;
    return true;
}

static IterResult tuple_iter_next(Vm *vm, Value self, Value *out) {
    (void)vm;
    SeqIter *it = (SeqIter *)AS_OBJ(self);
    if (!it->seq) return ITER_DONE;
    ObjTuple *t = AS_TUPLE(it->seq);
    if (it->i >= t->len) {
        it->seq = VAL_NULL;
        return ITER_DONE;
    }
    *out = t->items[it->i++];
    return ITER_NEXT;
}

ObjType tuple_iter_type = {
    .hdr = OBJ_STATIC_HEADER(&type_type),
    .name = "tuple_iterator",
    .module = "builtins",
    .basicsize = sizeof(SeqIter),
    .base = &object_type,   // hash, repr, ... from object
    .flags = TYPE_ABSTRACT_NEW,
    .trace = iter_trace,
    .iter = iter_self,
    .iternext = tuple_iter_next,
};

static bool tuple_iter(Vm *vm, Value self, Value *out) {
    gc_push_root(vm, self);
    SeqIter *it = (SeqIter *)gc_alloc(vm, &tuple_iter_type, sizeof(SeqIter));
    gc_pop_root(vm);
    TRY(it);
    it->seq = self;
    *out = OBJ_VAL(it);
    return true;
}

static bool tuple_new_slot(Vm *vm, ObjType *t, Value *args, size_t nargs, Value kwnames,
                           Value *out) {
    TRY(rt_no_kwargs(vm, "tuple", kwnames));
    TRY(rt_check_nargs(vm, "tuple", nargs, 0, 1));
    if (t == &tuple_type) {
        if (nargs == 0) {
            *out = vm->empty_tuple;
            return true;
        }
        return tuple_from_iterable(vm, args[0], out);
    }
    // A subclass: the items of tuple(x), then the instance dict (type.h).
    Value v = vm->empty_tuple;
    if (nargs) TRY(tuple_from_iterable(vm, args[0], &v));
    ObjTuple *src = AS_TUPLE(v);
    size_t size;
    if (!rt_size_mul(vm, src->len + 1, sizeof(Value), &size) || !rt_size_add(vm, size, sizeof(ObjTuple), &size))
        return false;
    gc_push_root(vm, v);
    ObjTuple *r = (ObjTuple *)gc_alloc(vm, t, size);
    gc_pop_root(vm);
    TRY(r);
    r->hash = -1;
    r->len = src->len;
    if (src->len) memcpy(r->items, src->items, src->len * sizeof(Value));
    *out = OBJ_VAL(r);
    return true;
}

// ---- methods ----

static bool m_count(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "count", kw));
    TRY(rt_check_nargs(vm, "tuple.count", nargs, 2, 2));
    ObjTuple *t = AS_TUPLE(args[0]);
    int64_t n = 0;
    for (size_t i = 0; i < t->len; i++) {
        int eq = rt_eq(vm, t->items[i], args[1]);
        if (eq < 0) return false;
        n += eq;
    }
    *out = INT_VAL(n);
    return true;
}

static bool m_index(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "index", kw));
    TRY(rt_check_nargs(vm, "index", nargs, 2, 4));
    ObjTuple *t = AS_TUPLE(args[0]);
    int64_t len = (int64_t)t->len, start = 0, stop = len;
    if (nargs > 2) TRY(rt_index_clamped(vm, args[2], &start));
    if (nargs > 3) TRY(rt_index_clamped(vm, args[3], &stop));
    if (start < 0) start = start + len < 0 ? 0 : start + len;
    if (stop < 0) stop = stop + len < 0 ? 0 : stop + len;
    for (int64_t i = start; i < stop && i < (int64_t)t->len; i++) {
        int eq = rt_eq(vm, t->items[i], args[1]);
        if (eq < 0) return false;
        if (eq) {
            *out = INT_VAL(i);
            return true;
        }
    }
    return rt_raise(vm, &ValueError_type, "tuple.index(x): x not in tuple");
}

static const MethodDef tuple_methods[] = {
    {"count", m_count, 0},
    {"index", m_index, 0},
    {"__class_getitem__", ga_class_getitem, METH_CLASS},
    {NULL, NULL, 0},
};

ObjType tuple_type = {
    .hdr = OBJ_STATIC_HEADER(&type_type),
    .name = "tuple",
    .module = "builtins",
    .basicsize = sizeof(ObjTuple),
    .flags = TYPE_BASETYPE | TYPE_SEQ_CONCAT,
    .base = &object_type,
    .methods = tuple_methods,
    .trace = tuple_trace,
    .size = tuple_size,
    .new_ = tuple_new_slot,
    .repr = tuple_repr,
    .hash = tuple_hash,
    .richcompare = tuple_richcompare,
    .binop = tuple_binop,
    .len = tuple_len,
    .getitem = tuple_getitem,
    .contains = tuple_contains,
    .iter = tuple_iter,
};
