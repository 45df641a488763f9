// types.GenericAlias (PEP 585): what `C[int]` gives for a builtin class C
// whose __class_getitem__ is ga_class_getitem (ContextVar[int]). It records
// the class and the arguments, prints as `_contextvars.ContextVar[int]`,
// calls and forwards attribute reads to the class, and compares by both.
//
// Type parameters (typing.TypeVar: objects with __typing_subst__) are
// substituted by alias[...]; TypeVarTuple and ParamSpec unpacking are left
// out. Python code may subclass it (collections.abc's Callable alias).
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
#define IS_GENERICALIAS(v) (IS_OBJ(v) && IS_INSTANCE(v, genericalias_type))

// origin[args]: [args] a tuple is the arguments, anything else the one argument.
bool ga_new(Vm *vm, Value origin, Value args, Value *out);
// A builtin class's __class_getitem__ (a METH_CLASS MethodDef entry).
bool ga_class_getitem(Vm *vm, Value *args, size_t nargs, Value kw, Value *out);
// One item of an alias's repr, as CPython writes it: `...`, a class as
// module.qualname (no module for builtins), anything else by repr().
struct Buf;
bool ga_repr_item(Vm *vm, Value v, struct Buf *b);
// __parameters__ of an alias whose arguments are the tuple [args]: its
// type variables and theirs, each once (CPython's _Py_make_parameters).
bool ga_make_params(Vm *vm, Value args, Value *out);
// The arguments [args] of [self] (whose __parameters__ are [params]) with
// the parameters replaced by [item] (self[item]); *out a tuple.
bool ga_subs_parameters(Vm *vm, Value self, Value args, Value params, Value item, Value *out);

#endif // RUNTIME_GENERICALIAS_H
