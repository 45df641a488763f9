// types.SimpleNamespace (namespace.c): attributes from keyword arguments.
#ifndef RUNTIME_NAMESPACE_H
#define RUNTIME_NAMESPACE_H
#include "runtime/object.h"

extern ObjType namespace_type;

// An empty namespace (sys.implementation is made this way).
bool namespace_new(Vm *vm, Value *out);
// ns.name = v.
bool namespace_set(Vm *vm, Value ns, const char *name, Value v);

#endif // RUNTIME_NAMESPACE_H
