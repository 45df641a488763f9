// The code generator: AST + symbol table -> code objects (CPython 3.11's
// compile.c, simplified to aiopy's opcodes). sym_analyze runs first and
// raises every compile-time error CPython's codegen raises, so codegen
// itself only fails on resource exhaustion.
#ifndef VM_COMPILE_H
#define VM_COMPILE_H
#include <stdbool.h>

#include "parser/ast.h"
#include "runtime/code.h"
#include "util/diag.h"

enum {
    CG_INTERACTIVE = 1 << 0,   // REPL: expression statements print their value
    CG_TOPLEVEL_AWAIT = 1 << 1,
};

// Compiles the tree [root] (AST_MODULE, AST_INTERACTIVE or AST_EXPRESSION)
// read from [filename]. Returns the module's code object; NULL with [d] set
// for a compile-time error (SyntaxError and relatives), or NULL with the
// exception on vm->exc (MemoryError).
ObjCode *cg_compile(Vm *vm, const AstNode *root, const char *filename, unsigned flags, Diag *d);

#endif // VM_COMPILE_H
