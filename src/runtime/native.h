// Builtin functions and methods as Python objects ("builtin_function_or_method"
// and "method_descriptor"): a MethodDef plus, for a bound method, its self.
// Calling one prepends self to the arguments and calls the NativeFn; an
// unbound descriptor (str.upper) checks that args[0] is an instance of owner.
#ifndef RUNTIME_NATIVE_H
#define RUNTIME_NATIVE_H
#include "runtime/object.h"

typedef struct ObjNative {
    Obj hdr;
    const MethodDef *def;
    Value self;          // bound: the receiver; VAL_NULL: plain function or descriptor
    ObjType *owner;      // descriptor: the defining type; NULL for functions
    Value module;        // name of the module for functions (str) or VAL_NULL
} ObjNative;

#define IS_NATIVE(v) IS_TYPE_EXACT(v, native_type)
#define AS_NATIVE(v) ((ObjNative *)AS_OBJ(v))

// A module-level builtin function (for the builtins table).
ObjNative *native_new_function(Vm *vm, const MethodDef *def, Value module);
ObjNative *native_new_bound(Vm *vm, const MethodDef *def, Value self, ObjType *owner);
ObjNative *native_new_descriptor(Vm *vm, const MethodDef *def, ObjType *owner);

// Argument checking with CPython's messages. Every native call checks, so
// the passing case is inline and only a failure calls out to raise.
bool rt_kwargs_error(Vm *vm, const char *fname, Value kwnames);
static inline bool rt_no_kwargs(Vm *vm, const char *fname, Value kwnames) {
    return !kwnames || rt_kwargs_error(vm, fname, kwnames);
}
// "f() takes exactly one argument (2 given)" / "f() takes no arguments (1 given)"
// / "f expected at least 2 arguments, got 1" / "f expected at most 2 arguments, got 3".
bool rt_nargs_error(Vm *vm, const char *fname, size_t nargs, size_t min, size_t max);
static inline bool rt_check_nargs(Vm *vm, const char *fname, size_t nargs, size_t min, size_t max) {
    return (nargs >= min && nargs <= max) || rt_nargs_error(vm, fname, nargs, min, max);
}
// Fills out[0..nnames) from positionals then keywords; missing optionals
// are VAL_NULL. [npos] names may be positional; the rest are keyword-only.
bool rt_parse_args(Vm *vm, const char *fname, Value *args, size_t nargs, Value kwnames,
                   const char *const *names, size_t nnames, size_t npos, size_t nrequired,
                   Value *out);

#endif // RUNTIME_NATIVE_H
