// The gc module: collect (returns how many objects the collection freed),
// enable/disable/isenabled of the automatic collections (runtime/gc.c
// skips threshold-triggered collections while vm->gc_disabled is set).
#include "runtime/exc.h"
#include "runtime/gc.h"
#include "runtime/modules.h"
#include "runtime/native.h"
#include "runtime/ops.h"

static size_t count_objects(Vm *vm) {
    size_t n = 0;
    for (Obj *o = vm->objects; o; o = (Obj *)(o->gcword & ~GC_BITS)) n++;
    return n;
}

static bool g_collect(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    static const char *const names[] = {"generation"};
    Value gen;
    TRY(rt_parse_args(vm, "collect", args, nargs, kw, names, 1, 1, 0, &gen));
    if (gen && (!IS_INT(gen) || AS_INT(gen) < 0 || AS_INT(gen) > 2))
        return rt_raise(vm, &ValueError_type, "invalid generation");
    size_t before = count_objects(vm);
    gc_collect(vm);
    size_t after = count_objects(vm);
    *out = INT_VAL(before > after ? (int64_t)(before - after) : 0);
    return true;
}

static bool g_enable(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    (void)args;
    TRY(rt_no_kwargs(vm, "enable", kw));
    TRY(rt_check_nargs(vm, "enable", nargs, 0, 0));
    vm->gc_disabled = false;
    *out = NONE_VAL;
    return true;
}

static bool g_disable(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    (void)args;
    TRY(rt_no_kwargs(vm, "disable", kw));
    TRY(rt_check_nargs(vm, "disable", nargs, 0, 0));
    vm->gc_disabled = true;
    *out = NONE_VAL;
    return true;
}

static bool g_isenabled(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    (void)args;
    TRY(rt_no_kwargs(vm, "isenabled", kw));
    TRY(rt_check_nargs(vm, "isenabled", nargs, 0, 0));
    *out = rt_bool(!vm->gc_disabled);
    return true;
}

static const MethodDef gc_defs[] = {
    {"collect", g_collect, 0},
    {"enable", g_enable, 0},
    {"disable", g_disable, 0},
    {"isenabled", g_isenabled, 0},
    {NULL, NULL, 0},
};

bool rt_gc_module_init(Vm *vm, ObjModule *m) { return module_add_functions(vm, m, gc_defs); }
