// Formatting entry points (format.c): format(value, spec) for builtin
// types (others through __format__), str.format and '%' formatting.
#ifndef RUNTIME_FORMAT_H
#define RUNTIME_FORMAT_H
#include "runtime/object.h"

bool fmt_format_value(Vm *vm, Value v, ObjStr *spec, Value *out);
bool fmt_percent(Vm *vm, Value fmt, Value args, Value *out);
// NativeFns: str.format(self, *args, **kw) and __format__(self, spec).
bool fmt_str_format(Vm *vm, Value *args, size_t nargs, Value kw, Value *out);
bool fmt_dunder_format(Vm *vm, Value *args, size_t nargs, Value kw, Value *out);

#endif // RUNTIME_FORMAT_H
