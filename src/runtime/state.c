// Vm creation and teardown. Creation order matters: the preallocated
// MemoryError and the interned names exist before anything else can fail,
// and the GC stays disabled until the Vm's own roots are in place.
#include "runtime/asyncio/aio.h"
#include "runtime/state.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/dict.h"
#include "runtime/exc.h"
#include "runtime/gc.h"
#include "runtime/int.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

static bool default_call(Vm *vm, Value callable, Value *args, size_t nargs, Value kwnames,
                         Value *out) {
    (void)args; (void)nargs; (void)kwnames; (void)out;
    return rt_raise_not_callable(vm, callable);
}

static const char *const name_strings[NAME_COUNT_] = {
#define RT_NAME_STR(id, s) s,
    RT_NAMES(RT_NAME_STR)
#undef RT_NAME_STR
};

static bool build(Vm *vm) {
    // The empty tuple first: exceptions need it for args.
    ObjTuple *et = (ObjTuple *)gc_alloc(vm, &tuple_type, sizeof(ObjTuple));
    if (!et) return false;
    et->hash = -1;
    vm->empty_tuple = OBJ_VAL(et);
    ObjException *me = (ObjException *)gc_alloc(vm, &MemoryError_type, sizeof(ObjException));
    if (!me) return false;
    me->args = vm->empty_tuple;
    vm->memory_error = OBJ_VAL(me);
    ObjStr *es = str_alloc(vm, 0);
    if (!es) return false;
    str_finish(es);
    vm->empty_str = OBJ_VAL(es);
    for (int i = 0; i < NAME_COUNT_; i++) {
        vm->names[i] = str_intern_cstr(vm, name_strings[i]);
        if (!vm->names[i]) return false;
    }
    ObjDict *mods = dict_new(vm);
    if (!mods) return false;
    vm->modules = OBJ_VAL(mods);
    ObjDict *b = dict_new(vm);
    if (!b) return false;
    vm->builtins = OBJ_VAL(b);
    return true;
}

Vm *rt_vm_new(void) {
    Vm *vm = malloc(sizeof *vm);
    if (!vm) return NULL;
    memset(vm, 0, offsetof(Vm, temp_roots));
    vm->c_limit = RT_C_DEPTH_LIMIT;
    vm->max_str_digits = INT_MAX_STR_DIGITS;
    vm->next_gc = (size_t)1 << 20;
    vm->drop_gc_budget = (size_t)64 << 20;
    vm->hooks.call = default_call;
    vm->gc_disabled = true;
    const char *fm = getenv("AIOPY_FAILMALLOC");
    if (!build(vm)) {
        rt_vm_free(vm);
        return NULL;
    }
    vm->gc_disabled = false;
    if (fm && *fm) {   // "N" fails the Nth allocation, "N+" every one from N on
        vm->fail_at = strtoul(fm, NULL, 10);
        vm->fail_persistent = fm[strlen(fm) - 1] == '+';
    }
    return vm;
}

void rt_vm_free(Vm *vm) {
    if (!vm) return;
    gc_free_all(vm);
    aio_state_free(vm);
    str_intern_free(vm);
    free(vm->repr_stack);
    free(vm->descr_cache.keys);
    free(vm->descr_cache.descrs);
    pool_destroy(&vm->pool);
    free(vm);
}
