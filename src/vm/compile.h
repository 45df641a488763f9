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

// Streaming: a module compiled batch by batch of top-level statements as
// ps_parse_stream delivers them, so the tree never exists whole. The code
// object is the one cg_compile makes. cg_stream_add compiles one batch,
// whose tree and analysis live in [a] (the caller resets it afterwards).
// Any failure -- a compile-time error, a batch that would change code
// made for an earlier one, MemoryError -- makes the stream fail without
// a report: the caller then compiles the whole tree with cg_compile, which
// reports what CPython does. cg_stream_end gives the code object (NULL if
// the stream failed) after printing the SyntaxWarnings, and frees [s];
// cg_stream_free abandons a stream. The VM's temporary roots must not be
// touched between cg_stream_begin and the end (the stream keeps some).
typedef struct CgStream CgStream;
CgStream *cg_stream_begin(Vm *vm, const char *filename);
bool cg_stream_add(CgStream *s, AstNode *const *stmts, uint32_t n, Arena *a);
ObjCode *cg_stream_end(CgStream *s);
void cg_stream_free(CgStream *s);

#endif // VM_COMPILE_H
