// The C half of the traceback module: formatting through the same printer
// as the default excepthook (traceback.c). The public functions (print_exc,
// format_exception, ...) are Python, in mod_pysrc.c.
#include "runtime/exc.h"
#include "runtime/modules.h"
#include "runtime/native.h"
#include "runtime/ops.h"
#include "vm/vm_int.h"

// _format_exception(exc, tb, chain): tb None for no traceback.
static bool t_format_exception(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "_format_exception", kw));
    TRY(rt_check_nargs(vm, "_format_exception", nargs, 3, 3));
    int chain = rt_is_true(vm, args[2]);
    if (chain < 0) return false;
    return vm_format_exception(vm, args[0], IS_NONE(args[1]) ? VAL_NULL : args[1], chain, out);
}

static bool t_format_exception_only(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "_format_exception_only", kw));
    TRY(rt_check_nargs(vm, "_format_exception_only", nargs, 1, 1));
    return vm_format_exception_only(vm, args[0], out);
}

static bool t_format_tb(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "_format_tb", kw));
    TRY(rt_check_nargs(vm, "_format_tb", nargs, 1, 1));
    return vm_format_tb(vm, args[0], out);
}

static const MethodDef traceback_defs[] = {
    {"_format_exception", t_format_exception, 0},
    {"_format_exception_only", t_format_exception_only, 0},
    {"_format_tb", t_format_tb, 0},
    {NULL, NULL, 0},
};

bool vm_traceback_init(Vm *vm, ObjModule *m) { return module_add_functions(vm, m, traceback_defs); }
