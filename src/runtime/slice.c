// slice objects and CPython's slice index normalisation (see slice.h).
#include "runtime/slice.h"

#include "runtime/exc.h"
#include "runtime/gc.h"
#include "runtime/int.h"
#include "runtime/native.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

ObjSlice *slice_new(Vm *vm, Value start, Value stop, Value step) {
    gc_push_root(vm, start);
    gc_push_root(vm, stop);
    gc_push_root(vm, step);
    ObjSlice *s = (ObjSlice *)gc_alloc(vm, &slice_type, sizeof(ObjSlice));
    gc_pop_roots(vm, 3);
    if (!s) return NULL;
    s->start = start;
    s->stop = stop;
    s->step = step;
    return s;
}

static bool get_bound(Vm *vm, Value v, int64_t *out) {
    if (!IS_ANYINT(v) && !rt_type(v)->index)
        return rt_raise(vm, &TypeError_type,
                        "slice indices must be integers or None or have an __index__ method");
    return rt_index_clamped(vm, v, out);
}

bool slice_indices(Vm *vm, Value slice, int64_t len, int64_t *start, int64_t *stop,
                   int64_t *step, int64_t *count) {
    ObjSlice *s = AS_SLICE(slice);
    int64_t st = 1, a, b;
    if (!IS_NONE(s->step)) {
        TRY(get_bound(vm, s->step, &st));
        if (st == 0) return rt_raise(vm, &ValueError_type, "slice step cannot be zero");
        if (st < -INT64_MAX) st = -INT64_MAX;   // so that -step cannot overflow
    }
    int64_t lo = st < 0 ? -1 : 0, hi = st < 0 ? len - 1 : len;
    if (IS_NONE(s->start)) a = st < 0 ? hi : lo;
    else {
        TRY(get_bound(vm, s->start, &a));
        if (a < 0) {
            a = a < -len ? lo : a + len;
            if (a < lo) a = lo;
        } else if (a > hi) a = hi;
    }
    if (IS_NONE(s->stop)) b = st < 0 ? lo : hi;
    else {
        TRY(get_bound(vm, s->stop, &b));
        if (b < 0) {
            b = b < -len ? lo : b + len;
            if (b < lo) b = lo;
        } else if (b > hi) b = hi;
    }
    int64_t n = 0;
    if (st > 0 && a < b) n = (b - a - 1) / st + 1;
    else if (st < 0 && b < a) n = (a - b - 1) / (-st) + 1;
    *start = a;
    *stop = b;
    *step = st;
    *count = n;
    return true;
}

static void slice_trace(Vm *vm, Obj *o) {
    ObjSlice *s = (ObjSlice *)o;
    gc_mark_value(vm, s->start);
    gc_mark_value(vm, s->stop);
    gc_mark_value(vm, s->step);
}

static bool slice_repr(Vm *vm, Value self, Value *out) {
    ObjSlice *s = AS_SLICE(self);
    ObjStr *r = rt_format_cmsg(vm, "slice(%R, %R, %R)", s->start, s->stop, s->step);
    TRY(r);
    *out = OBJ_VAL(r);
    return true;
}

static bool slice_richcompare(Vm *vm, Value a, Value b, CmpOp op, Value *out) {
    if (!IS_SLICE(a) || !IS_SLICE(b)) {
        *out = NOTIMPL_VAL;
        return true;
    }
    ObjSlice *x = AS_SLICE(a), *y = AS_SLICE(b);
    Value xa[3] = {x->start, x->stop, x->step}, ya[3] = {y->start, y->stop, y->step};
    return seq_richcompare(vm, xa, 3, ya, 3, op, out);
}

static bool slice_new_slot(Vm *vm, ObjType *t, Value *args, size_t nargs, Value kwnames, Value *out) {
    (void)t;
    TRY(rt_no_kwargs(vm, "slice", kwnames));
    if (nargs < 1) return rt_raise(vm, &TypeError_type, "slice expected at least 1 argument, got 0");
    if (nargs > 3) return rt_raise(vm, &TypeError_type, "slice expected at most 3 arguments, got %zu", nargs);
    ObjSlice *s = nargs == 1 ? slice_new(vm, NONE_VAL, args[0], NONE_VAL)
                             : slice_new(vm, args[0], args[1], nargs > 2 ? args[2] : NONE_VAL);
    TRY(s);
    *out = OBJ_VAL(s);
    return true;
}

static bool m_indices(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "indices", kw));
    TRY(rt_check_nargs(vm, "slice.indices", nargs, 2, 2));
    int64_t len, a, b, st, n;
    TRY(rt_index(vm, args[1], &len));
    if (len < 0) return rt_raise(vm, &ValueError_type, "length should not be negative");
    TRY(slice_indices(vm, args[0], len, &a, &b, &st, &n));
    ObjTuple *t = tuple_new(vm, 3);
    TRY(t);
    t->items[0] = INT_VAL(a);
    t->items[1] = INT_VAL(b);
    t->items[2] = INT_VAL(st);
    *out = OBJ_VAL(t);
    return true;
}

static const MethodDef slice_methods[] = {{"indices", m_indices, 0}, {NULL, NULL, 0}};

static bool get_start(Vm *vm, Value self, Value *out) { (void)vm; *out = AS_SLICE(self)->start; return true; }
static bool get_stop(Vm *vm, Value self, Value *out) { (void)vm; *out = AS_SLICE(self)->stop; return true; }
static bool get_step(Vm *vm, Value self, Value *out) { (void)vm; *out = AS_SLICE(self)->step; return true; }

static const GetSetDef slice_getsets[] = {
    {"start", get_start, NULL}, {"stop", get_stop, NULL}, {"step", get_step, NULL}, {NULL, NULL, NULL}};

extern bool rt_unhashable(Vm *vm, Value self, int64_t *out);

ObjType slice_type = {
    .hdr = OBJ_STATIC_HEADER(&type_type),
    .name = "slice",
    .module = "builtins",
    .basicsize = sizeof(ObjSlice),
    .base = &object_type,
    .methods = slice_methods,
    .getsets = slice_getsets,
    .trace = slice_trace,
    .new_ = slice_new_slot,
    .repr = slice_repr,
    .hash = rt_unhashable,
    .richcompare = slice_richcompare,
};
