// _runpy: what lib/runpy.py needs from C to run a module of the embedded
// library as __main__ (`aiopy -m unittest`): its code object, which an
// import would run under the module's own name instead.
#include <stdio.h>
#include <string.h>

#include "lexer/source.h"
#include "runtime/exc.h"
#include "runtime/gc.h"
#include "runtime/modules.h"
#include "runtime/native.h"
#include "runtime/str.h"
#include "runtime/ops.h"
#include "runtime/tuple.h"
#include "runtime/type.h"
#include "util/diag.h"
#include "vm/marshal.h"
#include "vm/vm.h"

// lib_code(name): (code, is_package) for the library module [name] written
// in Python, or None when there is no such module (or it is C only).
static bool r_lib_code(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "lib_code", kw));
    TRY(rt_check_nargs(vm, "lib_code", nargs, 1, 1));
    if (!IS_STR(args[0]))
        return rt_raise(vm, &TypeError_type, "lib_code() argument must be str, not %s", type_name(rt_type(args[0])));
    ObjStr *n = AS_STR(args[0]);
    BuiltinModule def;
    if (!rt_module_find(n->data, n->len, &def) || (!def.code && !def.source)) {
        *out = NONE_VAL;
        return true;
    }
    char path[160];
    snprintf(path, sizeof path, "<frozen %s>", def.name);
    ObjCode *co;
    if (def.code) {
        co = marshal_load_code(vm, def.code, def.code_len);
    } else {
        Source s;
        Diag d;
        diag_init(&d);
        if (!lx_source_from_string(&s, path, def.source, def.source_len, &d)) {
            diag_clear(&d);
            return rt_raise(vm, &ImportError_type, "cannot read the library module %s", def.name);
        }
        co = vm_compile_module(vm, &s, path);
        lx_source_free(&s);
    }
    TRY(co);
    gc_push_root(vm, OBJ_VAL(co));
    ObjTuple *t = tuple_pack2(vm, OBJ_VAL(co), def.package ? TRUE_VAL : FALSE_VAL);
    gc_pop_root(vm);
    TRY(t);
    *out = OBJ_VAL(t);
    return true;
}

static const MethodDef runpy_defs[] = {
    {"lib_code", r_lib_code, 0},
    {NULL, NULL, 0},
};

bool vm_runpy_init(Vm *vm, ObjModule *m) { return module_add_functions(vm, m, runpy_defs); }
