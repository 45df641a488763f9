// The registry of builtin modules: the one table of {name, init, source}
// the import code consults before searching sys.path. A module is made
// lazily on its first import (and then cached in sys.modules by the
// importer); [init] fills it from C tables, [source] is Python text
// compiled and run in the module's namespace after init (either may be NULL).
#ifndef RUNTIME_MODULES_H
#define RUNTIME_MODULES_H
#include "runtime/module.h"

typedef bool (*ModuleInitFn)(Vm *vm, ObjModule *m);

typedef struct BuiltinModuleDef {
    const char *name;        // dotted for submodules ("collections.abc")
    ModuleInitFn init;
    const char *const *source;  // Python body, or NULL
    bool package;            // has submodules (gets __path__ = [])
} BuiltinModuleDef;

// The entry named [name] (len bytes), or NULL.
const BuiltinModuleDef *rt_module_find(const char *name, size_t len);

// Module initialisers (mod_*.c).
bool rt_time_init(Vm *vm, ObjModule *m);
bool rt_math_init(Vm *vm, ObjModule *m);
bool rt_gc_module_init(Vm *vm, ObjModule *m);
bool rt_aiopy_init(Vm *vm, ObjModule *m);
bool rt_os_init(Vm *vm, ObjModule *m);
bool rt_contextvars_init(Vm *vm, ObjModule *m);   // also _contextvars
bool vm_traceback_init(Vm *vm, ObjModule *m);   // src/vm/mod_traceback.c

// Python bodies (mod_pysrc.c).
extern const char *const rt_src_types, *const rt_src_inspect, *const rt_src_abc,
    *const rt_src_collections, *const rt_src_collections_abc, *const rt_src_traceback;

#endif // RUNTIME_MODULES_H
