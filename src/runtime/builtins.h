// The builtins module (the one table of builtin functions and types, in
// builtins.c) and the sys module (mod_sys.c).
#ifndef RUNTIME_BUILTINS_H
#define RUNTIME_BUILTINS_H
#include "runtime/state.h"

// Fills vm->builtins (and sys.modules['builtins']).
bool rt_builtins_init(Vm *vm);
// next(): the VM recognises it to run a generator inline (vm/eval.c).
bool rt_builtin_next(Vm *vm, Value *args, size_t nargs, Value kw, Value *out);
// Creates the sys module with sys.argv = argv[0..argc) and registers it.
bool rt_sys_init(Vm *vm, int argc, char **argv, Value *out);
// PYTHONPATH's directories (':'-separated; an empty one is the working
// directory) go into sys.path after its first entry, as CPython puts them.
bool rt_sys_add_pythonpath(Vm *vm, const char *pythonpath);

// format(v, spec): __format__ on the type, object.__format__ otherwise.
bool rt_format(Vm *vm, Value v, Value spec, Value *out);
// Writes [s] to the file object [file] (sys.stdout when VAL_NULL): the C
// stream for the standard streams, else file.write(s).
bool rt_write_str(Vm *vm, Value file, Value s);

extern ObjType super_type, enumerate_type, zip_type, map_type, filter_type, reversed_type,
    callable_iter_type;

#endif // RUNTIME_BUILTINS_H
