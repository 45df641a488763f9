// Slot wrappers: method descriptors for the dunders builtin types implement
// through C slots (see slotwrap.c).
#ifndef RUNTIME_SLOTWRAP_H
#define RUNTIME_SLOTWRAP_H
#include "runtime/object.h"

// The most wrappers one type can have.
#define SLOTWRAP_MAX 64

// Fills out[0..n) with the wrappers of the slots [t] fills itself (not
// inherited from its base) and returns n. A "__hash__" whose fn is
// slotwrap_none stands for None (unhashable types).
size_t slotwrap_collect(const ObjType *t, MethodDef *out);
bool slotwrap_none(Vm *vm, Value *args, size_t nargs, Value kw, Value *out);

#endif // RUNTIME_SLOTWRAP_H
