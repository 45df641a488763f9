// types.GenericAlias (PEP 585): what `C[int]` gives for a builtin class C
// whose __class_getitem__ is ga_class_getitem (ContextVar[int]). It records
// the class and the arguments, prints as `_contextvars.ContextVar[int]`,
// calls and forwards attribute reads to the class, and compares by both.
//
// Left out, each with a clear error: substituting type parameters
// (alias[...] on an alias that has some; aiopy has no TypeVar, so
// __parameters__ is only non-empty for objects that imitate one) and
// subclassing GenericAlias itself.
#ifndef RUNTIME_GENERICALIAS_H
#define RUNTIME_GENERICALIAS_H
#include "runtime/object.h"

typedef struct ObjGenericAlias {
    Obj hdr;
    Value origin;
    Value args;          // tuple
    Value params;        // tuple, computed on first use; VAL_NULL until then
} ObjGenericAlias;

extern ObjType genericalias_type;
#define IS_GENERICALIAS(v) IS_TYPE_EXACT(v, genericalias_type)

// origin[args]: [args] a tuple is the arguments, anything else the one argument.
bool ga_new(Vm *vm, Value origin, Value args, Value *out);
// A builtin class's __class_getitem__ (a METH_CLASS MethodDef entry).
bool ga_class_getitem(Vm *vm, Value *args, size_t nargs, Value kw, Value *out);

#endif // RUNTIME_GENERICALIAS_H
