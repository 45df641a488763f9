// bool: a subclass of int with exactly two static instances. Arithmetic goes
// through int (bools are mapped to 0/1 by int_unbool); &, | and ^ between two
// bools stay bools, as CPython.
#include "runtime/exc.h"
#include "runtime/int.h"
#include "runtime/native.h"
#include "runtime/ops.h"
#include "runtime/str.h"

Obj rt_true_obj = OBJ_STATIC_HEADER(&bool_type);
Obj rt_false_obj = OBJ_STATIC_HEADER(&bool_type);

static bool bool_repr(Vm *vm, Value self, Value *out) {
    ObjStr *s = str_intern_cstr(vm, self == TRUE_VAL ? "True" : "False");
    TRY(s);
    *out = OBJ_VAL(s);
    return true;
}

static bool bool_binop(Vm *vm, int op, Value a, Value b, Value *out) {
    int base = op & ~BINOP_INPLACE;
    if (IS_BOOL(a) && IS_BOOL(b) && (base == BINOP_AND || base == BINOP_OR || base == BINOP_XOR)) {
        bool x = a == TRUE_VAL, y = b == TRUE_VAL;
        *out = rt_bool(base == BINOP_AND ? x && y : base == BINOP_OR ? x || y : x != y);
        return true;
    }
    if (!IS_ANYINT(a) || !IS_ANYINT(b)) {
        *out = NOTIMPL_VAL;
        return true;
    }
    return int_binop(vm, op, a, b, out);
}

static bool bool_new(Vm *vm, ObjType *t, Value *args, size_t nargs, Value kwnames, Value *out) {
    (void)t;
    TRY(rt_no_kwargs(vm, "bool", kwnames));
    if (nargs > 1) return rt_raise(vm, &TypeError_type, "bool expected at most 1 argument, got %zu", nargs);
    int r = nargs ? rt_is_true(vm, args[0]) : 0;
    if (r < 0) return false;
    *out = rt_bool(r);
    return true;
}

ObjType bool_type = {
    .hdr = OBJ_STATIC_HEADER(&type_type),
    .name = "bool",
    .module = "builtins",
    .basicsize = sizeof(Obj),
    .base = &int_type,
    .new_ = bool_new,
    .repr = bool_repr,
    .binop = bool_binop,
};
