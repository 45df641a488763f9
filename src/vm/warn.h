// Warnings printed by the VM itself (warn.c): the compiler's SyntaxWarnings.
// (The never-awaited RuntimeWarning is declared with the coroutines, in
// gen_int.h.)
#ifndef VM_WARN_H
#define VM_WARN_H
#include <stdint.h>

#include "vm/symtable.h"

// Prints [n] SyntaxWarnings found compiling [path] as CPython's default
// filter does: `PATH:LINE: SyntaxWarning: MSG` and the source line.
void vm_warn_syntax(const char *path, const SymWarning *w, uint32_t n);

#endif // VM_WARN_H
