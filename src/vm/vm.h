// The VM's public entry points, used by the command line (and later the
// REPL): create an interpreter with builtins and sys, compile and run a
// program as __main__, report what escapes it as CPython does.
#ifndef VM_VM_H
#define VM_VM_H
#include <stdbool.h>
#include <stdio.h>

#include "lexer/source.h"
#include "parser/ast.h"
#include "parser/report.h"
#include "runtime/state.h"

// A new interpreter; sys.argv is [argv[0..argc)] (the program's own
// arguments, argv[0] being the script path, "-c" or "-"). NULL when out of memory.
Vm *vm_new(int argc, char **argv);
void vm_free(Vm *vm);

// Compiles [root] (parsed from [src]) and runs it as __main__. Returns the
// process exit status: 0, 1 after printing a SyntaxError or an uncaught
// exception's traceback on stderr, or SystemExit's code (cli-and-repl.md §2).
int vm_main_run_ast(Vm *vm, const AstNode *root, Source *src, ReportInput how);
// Parses [src] first (printing a SyntaxError like CPython), then as above.
int vm_main_run(Vm *vm, Source *src, ReportInput how);

// --check: the symbol table pass and code generation, nothing run.
// Returns the exit status (1 after printing the error).
int vm_check(const AstNode *root, Source *src, ReportInput how);
// --dis: prints the bytecode of every code object of the program.
int vm_dis(FILE *out, const AstNode *root, Source *src, ReportInput how);

#endif // VM_VM_H
