// eval(), exec() and compile(): the builtins that need the compiler, so
// they live beside it rather than in runtime/builtins.c's table (the
// runtime does not depend on the compiler); vm_new adds them to builtins.
#ifndef VM_EVALEXEC_H
#define VM_EVALEXEC_H
#include <stdbool.h>

#include "runtime/state.h"

// Adds eval, exec and compile to vm->builtins; false on MemoryError.
bool vm_evalexec_init(Vm *vm);

#endif // VM_EVALEXEC_H
