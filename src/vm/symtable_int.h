// Internal interface between symtable.c (scopes and bindings) and
// symcheck.c (the walk in code-generation order). Not for codegen: it uses
// symtable.h only.
#ifndef VM_SYMTABLE_INT_H
#define VM_SYMTABLE_INT_H
#include "vm/symtable.h"

// CPython's compile-time nesting limits (Include/cpython/code.h CO_MAXBLOCKS,
// and the recursion limit 1000 scaled by COMPILER_STACK_FRAME_SCALE 3).
#define SYM_MAX_BLOCKS 20
#define SYM_MAX_DEPTH 3000

// The entry for [name] written in [s] (mangled with s->private_name); the
// mutable twin of sym_find.
SymName *sym_entry(const SymScope *s, const char *name, size_t len);
// The same for an identifier of the AST, using the hash it carries.
SymName *sym_entry_ident(const SymScope *s, AstIdent id);

// Appends LOCAL function name [e] of [s] to s->varnames and sets its index.
bool sym_add_varname(Arena *a, SymScope *s, SymName *e);

// Step 4 of sym_analyze (symcheck.c): walks [root] in CPython's codegen
// order, raising codegen's compile-time errors into [d] and appending the
// fast locals to each function's varnames in order of first use.
bool sym_check_codegen(SymTable *st, Arena *a, const AstNode *root, Diag *d);
// The same for statements [stmts] of module [root] (a batch when streaming).
bool sym_check_stmts(SymTable *st, Arena *a, const AstNode *root, AstNode *const *stmts,
                     uint32_t n, Diag *d);

#endif // VM_SYMTABLE_INT_H
