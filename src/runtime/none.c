// The singletons None, NotImplemented and Ellipsis and their types. They are
// static objects shared by all Vms (immutable, never collected).
#include "runtime/exc.h"
#include "runtime/native.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

static bool const_repr(Vm *vm, Value self, Value *out) {
    const char *s = self == NONE_VAL ? "None" : self == NOTIMPL_VAL ? "NotImplemented" : "Ellipsis";
    ObjStr *r = str_intern_cstr(vm, s);
    TRY(r);
    *out = OBJ_VAL(r);
    return true;
}

static int none_truth(Vm *vm, Value self) {
    (void)vm;
    (void)self;
    return 0;
}

static bool const_hash(Vm *vm, Value self, int64_t *out) {
    (void)vm;
    uint64_t p = (uint64_t)(uintptr_t)AS_OBJ(self);
    *out = (int64_t)((p >> 4) | (p << 60));
    if (*out == -1) *out = -2;
    return true;
}

// NoneType() returns None; the others likewise return their singleton.
static bool const_new(Vm *vm, ObjType *t, Value *args, size_t nargs, Value kwnames, Value *out) {
    (void)args;
    if (nargs || (kwnames && ((ObjTuple *)AS_OBJ(kwnames))->len))
        return rt_raise(vm, &TypeError_type, "%s takes no arguments", t->name);
    *out = t == &none_type ? NONE_VAL : t == &notimpl_type ? NOTIMPL_VAL : ELLIPSIS_VAL;
    return true;
}

#define CONST_TYPE(var, nm, truthfn)                                               \
    ObjType var = {                                                              \
        .hdr = OBJ_STATIC_HEADER(&type_type),                                    \
        .name = nm,                                                              \
        .module = "builtins",                                                    \
        .basicsize = sizeof(Obj),                                                \
        .base = &object_type,                                                    \
        .new_ = const_new,                                                       \
        .repr = const_repr,                                                      \
        .hash = const_hash,                                                      \
        .truth = truthfn,                                                        \
    };
CONST_TYPE(none_type, "NoneType", none_truth)
CONST_TYPE(notimpl_type, "NotImplementedType", NULL)
CONST_TYPE(ellipsis_type, "ellipsis", NULL)

Obj rt_none_obj = OBJ_STATIC_HEADER(&none_type);
Obj rt_notimpl_obj = OBJ_STATIC_HEADER(&notimpl_type);
Obj rt_ellipsis_obj = OBJ_STATIC_HEADER(&ellipsis_type);
