// Module objects: a namespace dict with a name. Attribute access reads and
// writes the dict; builtin modules (sys, builtins) are filled from tables.
#ifndef RUNTIME_MODULE_H
#define RUNTIME_MODULE_H
#include "runtime/object.h"

typedef struct ObjModule {
    Obj hdr;
    Value dict;          // the module's globals
} ObjModule;

extern ObjType module_type;
#define IS_MODULE(v) IS_INSTANCE(v, module_type)
#define AS_MODULE(v) ((ObjModule *)AS_OBJ(v))

// A module named [name] with a fresh dict holding __name__ (and __doc__ None,
// __package__, __loader__, __spec__ None as CPython's script modules).
ObjModule *module_new(Vm *vm, const char *name);
// A module around an existing dict.
ObjModule *module_from_dict(Vm *vm, Value dict);
// Adds the NULL-terminated table [defs] as builtin functions of [m].
bool module_add_functions(Vm *vm, ObjModule *m, const MethodDef *defs);

#endif // RUNTIME_MODULE_H
