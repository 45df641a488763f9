// range objects and their iterator (see range.h).
#include "runtime/range.h"

#include "runtime/exc.h"
#include "runtime/gc.h"
#include "runtime/int.h"
#include "runtime/native.h"
#include "runtime/ops.h"
#include "runtime/slice.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"

static int64_t range_len(int64_t start, int64_t stop, int64_t step) {
    __int128 n = 0;
    if (step > 0 && start < stop) n = ((__int128)stop - start - 1) / step + 1;
    else if (step < 0 && start > stop) n = ((__int128)start - stop - 1) / (-(__int128)step) + 1;
    return n > INT64_MAX ? INT64_MAX : (int64_t)n;
}

ObjRange *range_new(Vm *vm, int64_t start, int64_t stop, int64_t step) {
    ObjRange *r = (ObjRange *)gc_alloc(vm, &range_type, sizeof(ObjRange));
    if (!r) return NULL;
    r->start = start;
    r->stop = stop;
    r->step = step;
    r->len = range_len(start, stop, step);
    return r;
}

static int64_t item(ObjRange *r, int64_t i) { return r->start + i * r->step; }

static bool arg(Vm *vm, Value v, int64_t *out) {
    if (!IS_ANYINT(v) && !rt_type(v)->index)
        return rt_raise(vm, &TypeError_type, "'%s' object cannot be interpreted as an integer",
                        type_name(rt_type(v)));
    if (!rt_index(vm, v, out)) {
        if (rt_exc_matches(vm, &OverflowError_type)) {
            rt_exc_clear(vm);
            return rt_raise(vm, &OverflowError_type, "Python int too large to convert to C ssize_t");
        }
        return false;
    }
    return true;
}

static bool range_new_slot(Vm *vm, ObjType *t, Value *args, size_t nargs, Value kwnames, Value *out) {
    (void)t;
    TRY(rt_no_kwargs(vm, "range", kwnames));
    if (nargs == 0) return rt_raise(vm, &TypeError_type, "range expected at least 1 argument, got 0");
    if (nargs > 3) return rt_raise(vm, &TypeError_type, "range expected at most 3 arguments, got %zu", nargs);
    int64_t a = 0, b, s = 1;
    if (nargs == 1) TRY(arg(vm, args[0], &b));
    else {
        TRY(arg(vm, args[0], &a));
        TRY(arg(vm, args[1], &b));
        if (nargs == 3) TRY(arg(vm, args[2], &s));
        if (s == 0) return rt_raise(vm, &ValueError_type, "range() arg 3 must not be zero");
    }
    ObjRange *r = range_new(vm, a, b, s);
    TRY(r);
    *out = OBJ_VAL(r);
    return true;
}

static bool range_repr(Vm *vm, Value self, Value *out) {
    ObjRange *r = AS_RANGE(self);
    ObjStr *s = r->step == 1 ? rt_format_cmsg(vm, "range(%lld, %lld)", (long long)r->start, (long long)r->stop)
                             : rt_format_cmsg(vm, "range(%lld, %lld, %lld)", (long long)r->start,
                                              (long long)r->stop, (long long)r->step);
    TRY(s);
    *out = OBJ_VAL(s);
    return true;
}

static bool range_len_slot(Vm *vm, Value self, int64_t *out) {
    (void)vm;
    *out = AS_RANGE(self)->len;
    return true;
}

static bool range_getitem(Vm *vm, Value self, Value key, Value *out) {
    ObjRange *r = AS_RANGE(self);
    if (IS_SLICE(key)) {
        int64_t a, b, st, n;
        TRY(slice_indices(vm, key, r->len, &a, &b, &st, &n));
        // CPython keeps the slice's own stop: range(10)[0:5:2] is range(0, 5, 2).
        ObjRange *s = range_new(vm, item(r, a), item(r, b), r->step * st);
        TRY(s);
        s->len = n;
        *out = OBJ_VAL(s);
        return true;
    }
    if (!IS_ANYINT(key) && !rt_type(key)->index)
        return rt_raise(vm, &TypeError_type, "range indices must be integers or slices, not %s",
                        type_name(rt_type(key)));
    int64_t i;
    TRY(rt_index(vm, key, &i));
    if (!seq_index(i, r->len, &i)) return rt_raise(vm, &IndexError_type, "range object index out of range");
    return int_from_i64(vm, item(r, i), out);
}

// 1/0 for ints; -1 for anything else (the caller compares by iteration).
static int contains_int(ObjRange *r, Value x) {
    x = int_unbool(x);
    if (!IS_INT(x)) return IS_ANYINT(x) ? 0 : -1;
    int64_t v = AS_INT(x);
    if (r->len == 0) return 0;
    if (r->step > 0 ? (v < r->start || v >= r->stop) : (v > r->start || v <= r->stop)) return 0;
    return ((__int128)v - r->start) % r->step == 0;
}

static int range_contains(Vm *vm, Value self, Value x) {
    ObjRange *r = AS_RANGE(self);
    int c = contains_int(r, x);
    if (c >= 0) return c;
    for (int64_t i = 0; i < r->len; i++) {
        int eq = rt_eq(vm, INT_VAL(item(r, i)), x);
        if (eq) return eq;
    }
    return 0;
}

static bool range_richcompare(Vm *vm, Value a, Value b, CmpOp op, Value *out) {
    (void)vm;
    if (!IS_RANGE(a) || !IS_RANGE(b) || (op != CMP_EQ && op != CMP_NE)) {
        *out = NOTIMPL_VAL;
        return true;
    }
    ObjRange *x = AS_RANGE(a), *y = AS_RANGE(b);
    bool eq = x->len == y->len &&
              (x->len == 0 || (x->start == y->start && (x->len == 1 || x->step == y->step)));
    *out = rt_bool(eq == (op == CMP_EQ));
    return true;
}

static bool range_hash(Vm *vm, Value self, int64_t *out) {
    // CPython: hash((len, start, step)) with start/step None for short ranges.
    ObjRange *r = AS_RANGE(self);
    ObjTuple *t = tuple_new(vm, 3);
    TRY(t);
    t->items[0] = INT_VAL(r->len);
    t->items[1] = r->len ? INT_VAL(r->start) : NONE_VAL;
    t->items[2] = r->len > 1 ? INT_VAL(r->step) : NONE_VAL;
    return rt_hash(vm, OBJ_VAL(t), out);
}

static int range_truth(Vm *vm, Value self) {
    (void)vm;
    return AS_RANGE(self)->len != 0;
}

// ---- iterator ----

static bool iter_self(Vm *vm, Value self, Value *out) {
    (void)vm;
    *out = self;
    return true;
}

static IterResult range_iter_next(Vm *vm, Value self, Value *out) {
    RangeIter *it = (RangeIter *)AS_OBJ(self);
    if (it->left <= 0) return ITER_DONE;
    if (!int_from_i64(vm, it->next, out)) return ITER_ERROR;
    it->left--;
    it->next += it->left ? it->step : 0;
    return ITER_NEXT;
}

ObjType range_iter_type = {
    .hdr = OBJ_STATIC_HEADER(&type_type),
    .name = "range_iterator",
    .module = "builtins",
    .basicsize = sizeof(RangeIter),
    .base = &object_type,   // hash, repr, ... from object
    .flags = TYPE_ABSTRACT_NEW,
    .iter = iter_self,
    .iternext = range_iter_next,
};

static bool make_iter(Vm *vm, int64_t start, int64_t step, int64_t n, Value *out) {
    RangeIter *it = (RangeIter *)gc_alloc(vm, &range_iter_type, sizeof(RangeIter));
    TRY(it);
    it->next = start;
    it->step = step;
    it->left = n;
    *out = OBJ_VAL(it);
    return true;
}

static bool range_iter(Vm *vm, Value self, Value *out) {
    ObjRange *r = AS_RANGE(self);
    return make_iter(vm, r->start, r->step, r->len, out);
}

// ---- methods ----

static bool m_reversed(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "__reversed__", kw));
    TRY(rt_check_nargs(vm, "range.__reversed__", nargs, 1, 1));
    ObjRange *r = AS_RANGE(args[0]);
    return make_iter(vm, r->len ? item(r, r->len - 1) : 0, -r->step, r->len, out);
}

static bool m_index(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "index", kw));
    TRY(rt_check_nargs(vm, "range.index", nargs, 2, 2));
    ObjRange *r = AS_RANGE(args[0]);
    int c = range_contains(vm, args[0], args[1]);
    if (c < 0) return false;
    if (!c) return rt_raise(vm, &ValueError_type, "%R is not in range", args[1]);
    Value x = int_unbool(args[1]);
    if (IS_INT(x)) return int_from_i64(vm, (AS_INT(x) - r->start) / r->step, out);
    for (int64_t i = 0; i < r->len; i++) {
        int eq = rt_eq(vm, INT_VAL(item(r, i)), args[1]);
        if (eq < 0) return false;
        if (eq) return int_from_i64(vm, i, out);
    }
    return rt_raise(vm, &ValueError_type, "%R is not in range", args[1]);
}

static bool m_count(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "count", kw));
    TRY(rt_check_nargs(vm, "range.count", nargs, 2, 2));
    int c = contains_int(AS_RANGE(args[0]), args[1]);
    if (c >= 0) {
        *out = INT_VAL(c);
        return true;
    }
    ObjRange *r = AS_RANGE(args[0]);
    int64_t n = 0;
    for (int64_t i = 0; i < r->len; i++) {
        int eq = rt_eq(vm, INT_VAL(item(r, i)), args[1]);
        if (eq < 0) return false;
        n += eq;
    }
    *out = INT_VAL(n);
    return true;
}

static const MethodDef range_methods[] = {
    {"__reversed__", m_reversed, 0},
    {"index", m_index, 0},
    {"count", m_count, 0},
    {NULL, NULL, 0},
};

static bool get_start(Vm *vm, Value self, Value *out) { return int_from_i64(vm, AS_RANGE(self)->start, out); }
static bool get_stop(Vm *vm, Value self, Value *out) { return int_from_i64(vm, AS_RANGE(self)->stop, out); }
static bool get_step(Vm *vm, Value self, Value *out) { return int_from_i64(vm, AS_RANGE(self)->step, out); }

static const GetSetDef range_getsets[] = {
    {"start", get_start, NULL}, {"stop", get_stop, NULL}, {"step", get_step, NULL}, {NULL, NULL, NULL}};

ObjType range_type = {
    .hdr = OBJ_STATIC_HEADER(&type_type),
    .name = "range",
    .module = "builtins",
    .basicsize = sizeof(ObjRange),
    .base = &object_type,
    .methods = range_methods,
    .getsets = range_getsets,
    .new_ = range_new_slot,
    .repr = range_repr,
    .hash = range_hash,
    .richcompare = range_richcompare,
    .truth = range_truth,
    .len = range_len_slot,
    .getitem = range_getitem,
    .contains = range_contains,
    .iter = range_iter,
};
