// Warnings issued by the VM itself (warn.c): the compiler's SyntaxWarnings.
// (The never-awaited RuntimeWarning is declared with the coroutines, in
// gen_int.h.)
#ifndef VM_WARN_H
#define VM_WARN_H
#include <stdint.h>

#include "vm/symtable.h"

// Issues [n] SyntaxWarnings found compiling [path]: through the warnings
// module's filters once it is imported, else as CPython's default filter
// does: `PATH:LINE: SyntaxWarning: MSG` and the source line. False when a
// filter made one an error: as CPython's compiler, the SyntaxWarning then
// becomes a SyntaxError, described in [d] (any other exception the warnings
// code raised stays pending). [d] NULL: such errors are dropped.
bool vm_warn_syntax(Vm *vm, const char *path, const SymWarning *w, uint32_t n, Diag *d);

#endif // VM_WARN_H
