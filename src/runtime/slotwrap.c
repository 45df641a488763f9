// Slot wrappers: the dunders a builtin type implements through its C slots
// (list.__getitem__, dict.__init__, int.__add__, ...) as method descriptors,
// so super().__init__(...) in `class L(list)` and list.__len__(x) reach the
// builtin behaviour. type.c's static index adds these names for a type that
// fills the slot itself, after its method table (an explicit method wins).
//
// A NativeFn does not know which descriptor called it, so each wrapper runs
// the slot of the first builtin class of type(self) (its layout donor). That
// is the owner's slot except when a builtin subclass overrides the same slot
// again (int.__repr__(True) gives 'True' here, '1' in CPython).
#include "runtime/slotwrap.h"

#include <string.h>

#include "runtime/exc.h"
#include "runtime/int.h"
#include "runtime/native.h"
#include "runtime/ops.h"
#include "runtime/type.h"
#include "runtime/union.h"

static ObjType *static_root(ObjType *t) {
    while (TYPE_IS_HEAP(t)) t = t->base;
    return t;
}

#define SELF_SLOT(s) TYPE_SLOT(static_root(rt_type(args[0])), s)

static bool check(Vm *vm, const char *name, size_t nargs, size_t n, Value kw) {
    TRY(rt_no_kwargs(vm, name, kw));
    return rt_check_nargs(vm, name, nargs, n, n);
}

// Marker: the name is None on the type (list.__hash__).
bool slotwrap_none(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    (void)args, (void)nargs, (void)kw, (void)out;
    return rt_raise(vm, &TypeError_type, "'NoneType' object is not callable");
}

static bool w_init(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_check_nargs(vm, "__init__", nargs, 1, SIZE_MAX));
    bool (*s)(Vm *, Value, Value *, size_t, Value) = SELF_SLOT(init);
    if (s) TRY(s(vm, args[0], args + 1, nargs - 1, kw));
    *out = NONE_VAL;
    return true;
}

static bool w_new(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    if (nargs < 1) return rt_raise(vm, &TypeError_type, "__new__(): not enough arguments");
    if (!IS_TYPE(args[0]))
        return rt_raise(vm, &TypeError_type, "__new__(X): X is not a type object (%s)",
                        type_name(rt_type(args[0])));
    ObjType *t = AS_TYPE(args[0]);
    bool (*s)(Vm *, ObjType *, Value *, size_t, Value, Value *) = TYPE_SLOT(static_root(t), new_);
    if (!s || (t->flags & TYPE_ABSTRACT_NEW))
        return rt_raise(vm, &TypeError_type, "cannot create '%s' instances", t->name);
    return s(vm, t, args + 1, nargs - 1, kw, out);
}

static bool w_repr(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(check(vm, "__repr__", nargs, 1, kw));
    return SELF_SLOT(repr)(vm, args[0], out);
}

static bool w_str(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(check(vm, "__str__", nargs, 1, kw));
    bool (*s)(Vm *, Value, Value *) = SELF_SLOT(str);
    return s ? s(vm, args[0], out) : SELF_SLOT(repr)(vm, args[0], out);
}

static bool w_hash(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(check(vm, "__hash__", nargs, 1, kw));
    int64_t h;
    TRY(SELF_SLOT(hash)(vm, args[0], &h));
    return int_from_i64(vm, h, out);
}

static bool w_call(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_check_nargs(vm, "__call__", nargs, 1, SIZE_MAX));
    return SELF_SLOT(call)(vm, args[0], args + 1, nargs - 1, kw, out);
}

static bool w_len(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(check(vm, "__len__", nargs, 1, kw));
    int64_t n;
    TRY(SELF_SLOT(len)(vm, args[0], &n));
    return int_from_i64(vm, n, out);
}

static bool w_bool(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(check(vm, "__bool__", nargs, 1, kw));
    int r = SELF_SLOT(truth)(vm, args[0]);
    if (r < 0) return false;
    *out = rt_bool(r);
    return true;
}

static bool w_getitem(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(check(vm, "__getitem__", nargs, 2, kw));
    return SELF_SLOT(getitem)(vm, args[0], args[1], out);
}

static bool w_setitem(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(check(vm, "__setitem__", nargs, 3, kw));
    TRY(SELF_SLOT(setitem)(vm, args[0], args[1], args[2]));
    *out = NONE_VAL;
    return true;
}

static bool w_delitem(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(check(vm, "__delitem__", nargs, 2, kw));
    TRY(SELF_SLOT(setitem)(vm, args[0], args[1], VAL_NULL));
    *out = NONE_VAL;
    return true;
}

static bool w_contains(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(check(vm, "__contains__", nargs, 2, kw));
    int r = SELF_SLOT(contains)(vm, args[0], args[1]);
    if (r < 0) return false;
    *out = rt_bool(r);
    return true;
}

static bool w_iter(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(check(vm, "__iter__", nargs, 1, kw));
    return SELF_SLOT(iter)(vm, args[0], out);
}

static bool w_next(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(check(vm, "__next__", nargs, 1, kw));
    IterResult r = SELF_SLOT(iternext)(vm, args[0], out);
    if (r == ITER_DONE) return rt_raise_empty(vm, &StopIteration_type);
    return r == ITER_NEXT;
}

static bool w_index(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(check(vm, "__index__", nargs, 1, kw));
    return SELF_SLOT(index)(vm, args[0], out);
}

#define CMP_WRAPPER(fn, name, op)                                                \
    static bool fn(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {    \
        TRY(check(vm, name, nargs, 2, kw));                                      \
        return SELF_SLOT(richcompare)(vm, args[0], args[1], op, out);            \
    }
CMP_WRAPPER(w_lt, "__lt__", CMP_LT)
CMP_WRAPPER(w_le, "__le__", CMP_LE)
CMP_WRAPPER(w_eq, "__eq__", CMP_EQ)
CMP_WRAPPER(w_ne, "__ne__", CMP_NE)
CMP_WRAPPER(w_gt, "__gt__", CMP_GT)
CMP_WRAPPER(w_ge, "__ge__", CMP_GE)

#define UNOP_WRAPPER(fn, name, op)                                               \
    static bool fn(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {    \
        TRY(check(vm, name, nargs, 1, kw));                                      \
        return SELF_SLOT(unop)(vm, op, args[0], out);                            \
    }
UNOP_WRAPPER(w_neg, "__neg__", UNOP_NEG)
UNOP_WRAPPER(w_pos, "__pos__", UNOP_POS)
UNOP_WRAPPER(w_invert, "__invert__", UNOP_INVERT)
UNOP_WRAPPER(w_abs, "__abs__", UNOP_ABS)

// The descriptor protocol: __get__(instance, owner=None), __set__(instance,
// value), __delete__(instance). A None instance means access through the
// class, as in CPython, where None for both is an error.
static bool w_get(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "__get__", kw));
    TRY(rt_check_nargs(vm, "__get__", nargs, 2, 3));
    Value obj = IS_NONE(args[1]) ? VAL_NULL : args[1];
    Value owner = nargs > 2 && !IS_NONE(args[2]) ? args[2] : VAL_NULL;
    ObjType *t = owner && IS_TYPE(owner) ? AS_TYPE(owner) : obj ? rt_type(obj) : NULL;
    if (!t) return rt_raise(vm, &TypeError_type, "__get__(None, None) is invalid");
    return SELF_SLOT(descr_get)(vm, args[0], obj, t, out);
}

static bool w_set(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(check(vm, "__set__", nargs, 3, kw));
    *out = NONE_VAL;
    return SELF_SLOT(descr_set)(vm, args[0], args[1], args[2]);
}

static bool w_delete(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(check(vm, "__delete__", nargs, 2, kw));
    *out = NONE_VAL;
    return SELF_SLOT(descr_set)(vm, args[0], args[1], VAL_NULL);
}

// Forward: slot(op, self, other); reflected: slot(op, other, self).
#define BINOP_WRAPPERS(f, r, fname, rname, op)                                   \
    static bool f(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {     \
        TRY(check(vm, fname, nargs, 2, kw));                                     \
        return SELF_SLOT(binop)(vm, op, args[0], args[1], out);                  \
    }                                                                            \
    static bool r(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {     \
        TRY(check(vm, rname, nargs, 2, kw));                                     \
        return SELF_SLOT(binop)(vm, op, args[1], args[0], out);                  \
    }
BINOP_WRAPPERS(w_add, w_radd, "__add__", "__radd__", BINOP_ADD)
BINOP_WRAPPERS(w_sub, w_rsub, "__sub__", "__rsub__", BINOP_SUB)
BINOP_WRAPPERS(w_mul, w_rmul, "__mul__", "__rmul__", BINOP_MUL)
BINOP_WRAPPERS(w_truediv, w_rtruediv, "__truediv__", "__rtruediv__", BINOP_TRUEDIV)
BINOP_WRAPPERS(w_floordiv, w_rfloordiv, "__floordiv__", "__rfloordiv__", BINOP_FLOORDIV)
BINOP_WRAPPERS(w_mod, w_rmod, "__mod__", "__rmod__", BINOP_MOD)
BINOP_WRAPPERS(w_pow, w_rpow, "__pow__", "__rpow__", BINOP_POW)
BINOP_WRAPPERS(w_lshift, w_rlshift, "__lshift__", "__rlshift__", BINOP_LSHIFT)
BINOP_WRAPPERS(w_rshift, w_rrshift, "__rshift__", "__rrshift__", BINOP_RSHIFT)
BINOP_WRAPPERS(w_and, w_rand, "__and__", "__rand__", BINOP_AND)
BINOP_WRAPPERS(w_or, w_ror, "__or__", "__ror__", BINOP_OR)
BINOP_WRAPPERS(w_xor, w_rxor, "__xor__", "__rxor__", BINOP_XOR)
BINOP_WRAPPERS(w_divmod, w_rdivmod, "__divmod__", "__rdivmod__", BINOP_DIVMOD)

// Which binary dunders a type shows (the slot handles every operator, the
// type only some): sequences concatenate and repeat, numbers do arithmetic,
// the rest (sets, dict) the bitwise set operators; type and the typing
// aliases only `|` (int | str).
enum { B_SEQ = 1, B_NUM = 2, B_SET = 4, B_OR = 8 };

typedef struct SlotWrap {
    MethodDef def;
    size_t offset;
    unsigned binops;   // binop wrappers: the kinds of type that show it
} SlotWrap;

#define OFF(s) offsetof(ObjType, s)
static const SlotWrap wraps[] = {
    {{"__new__", w_new, METH_STATIC}, OFF(new_), 0},
    {{"__init__", w_init, 0}, OFF(init), 0},
    {{"__call__", w_call, 0}, OFF(call), 0},
    {{"__repr__", w_repr, 0}, OFF(repr), 0},
    {{"__str__", w_str, 0}, OFF(str), 0},
    {{"__hash__", w_hash, 0}, OFF(hash), 0},
    {{"__bool__", w_bool, 0}, OFF(truth), 0},
    {{"__lt__", w_lt, 0}, OFF(richcompare), 0},
    {{"__le__", w_le, 0}, OFF(richcompare), 0},
    {{"__eq__", w_eq, 0}, OFF(richcompare), 0},
    {{"__ne__", w_ne, 0}, OFF(richcompare), 0},
    {{"__gt__", w_gt, 0}, OFF(richcompare), 0},
    {{"__ge__", w_ge, 0}, OFF(richcompare), 0},
    {{"__len__", w_len, 0}, OFF(len), 0},
    {{"__getitem__", w_getitem, 0}, OFF(getitem), 0},
    {{"__setitem__", w_setitem, 0}, OFF(setitem), 0},
    {{"__delitem__", w_delitem, 0}, OFF(setitem), 0},
    {{"__contains__", w_contains, 0}, OFF(contains), 0},
    {{"__iter__", w_iter, 0}, OFF(iter), 0},
    {{"__next__", w_next, 0}, OFF(iternext), 0},
    {{"__index__", w_index, 0}, OFF(index), 0},
    {{"__get__", w_get, 0}, OFF(descr_get), 0},
    {{"__set__", w_set, 0}, OFF(descr_set), 0},
    {{"__delete__", w_delete, 0}, OFF(descr_set), 0},
    {{"__neg__", w_neg, 0}, OFF(unop), 0},
    {{"__pos__", w_pos, 0}, OFF(unop), 0},
    {{"__invert__", w_invert, 0}, OFF(unop), 0},
    {{"__abs__", w_abs, 0}, OFF(unop), 0},
    {{"__add__", w_add, 0}, OFF(binop), B_SEQ | B_NUM},
    {{"__radd__", w_radd, 0}, OFF(binop), B_NUM},
    {{"__mul__", w_mul, 0}, OFF(binop), B_SEQ | B_NUM},
    {{"__rmul__", w_rmul, 0}, OFF(binop), B_SEQ | B_NUM},
    {{"__mod__", w_mod, 0}, OFF(binop), B_NUM},
    {{"__rmod__", w_rmod, 0}, OFF(binop), B_NUM},
    {{"__sub__", w_sub, 0}, OFF(binop), B_NUM | B_SET},
    {{"__rsub__", w_rsub, 0}, OFF(binop), B_NUM | B_SET},
    {{"__truediv__", w_truediv, 0}, OFF(binop), B_NUM},
    {{"__rtruediv__", w_rtruediv, 0}, OFF(binop), B_NUM},
    {{"__floordiv__", w_floordiv, 0}, OFF(binop), B_NUM},
    {{"__rfloordiv__", w_rfloordiv, 0}, OFF(binop), B_NUM},
    {{"__pow__", w_pow, 0}, OFF(binop), B_NUM},
    {{"__rpow__", w_rpow, 0}, OFF(binop), B_NUM},
    {{"__divmod__", w_divmod, 0}, OFF(binop), B_NUM},
    {{"__rdivmod__", w_rdivmod, 0}, OFF(binop), B_NUM},
    {{"__lshift__", w_lshift, 0}, OFF(binop), B_NUM},
    {{"__rlshift__", w_rlshift, 0}, OFF(binop), B_NUM},
    {{"__rshift__", w_rshift, 0}, OFF(binop), B_NUM},
    {{"__rrshift__", w_rrshift, 0}, OFF(binop), B_NUM},
    {{"__and__", w_and, 0}, OFF(binop), B_NUM | B_SET},
    {{"__rand__", w_rand, 0}, OFF(binop), B_NUM | B_SET},
    {{"__or__", w_or, 0}, OFF(binop), B_NUM | B_SET | B_OR},
    {{"__ror__", w_ror, 0}, OFF(binop), B_NUM | B_SET | B_OR},
    {{"__xor__", w_xor, 0}, OFF(binop), B_NUM | B_SET},
    {{"__rxor__", w_rxor, 0}, OFF(binop), B_NUM | B_SET},
};

static void *slot_own(const ObjType *t, size_t offset) {
    void *p;
    memcpy(&p, (const char *)t + offset, sizeof p);
    return p;
}

size_t slotwrap_collect(const ObjType *t, MethodDef *out) {
    _Static_assert(sizeof wraps / sizeof *wraps <= SLOTWRAP_MAX, "SLOTWRAP_MAX too small");
    size_t n = 0;
    unsigned kind = (t->flags & TYPE_SEQ_CONCAT) ? B_SEQ
                  : t == &int_type || t == &float_type || t == &bool_type ? B_NUM
                  : TYPE_SLOT(t, binop) == union_type_or ? B_OR : B_SET;
    for (size_t i = 0; i < sizeof wraps / sizeof *wraps; i++) {
        const SlotWrap *w = &wraps[i];
        void *p = slot_own(t, w->offset);
        // Only slots the type fills itself: inherited ones belong to the base.
        if (!p) continue;
        if (t->base && type_slot_at(t->base, w->offset) == p) continue;
        if (w->binops && !(w->binops & kind)) continue;
        // Builtin functions bind only as method descriptors, and CPython's
        // builtin_function_or_method shows no __get__.
        if (w->offset == OFF(descr_get) && t == &native_type) continue;
        out[n] = w->def;
        if (w->offset == OFF(hash) && p == (void *)rt_unhashable) out[n].fn = slotwrap_none;
        n++;
    }
    return n;
}
