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
#include "runtime/code.h"
#include "runtime/module.h"
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

// The fast path for a file-mode program: parse and compile [src] batch by
// batch of top-level statements, in bounded memory (ps_parse_stream,
// cg_stream_*). Returns the module's code object (unrooted), after
// printing the SyntaxWarnings; NULL, with nothing printed and no exception
// set, when anything failed -- then parse and compile the whole tree
// (ps_parse, vm_check, vm_main_run_ast), which report as CPython does.
ObjCode *vm_compile_stream(Vm *vm, const Source *src, unsigned parse_flags);
// --check on that path, with an interpreter of its own: true when [src]
// compiled (warnings printed), false to take the whole-tree path.
bool vm_check_stream(const Source *src, unsigned parse_flags);

// Parses and compiles [src] as the module named [path] (its co_filename):
// the code object, or NULL with the SyntaxError (or other error) raised.
ObjCode *vm_compile_module(Vm *vm, Source *src, const char *path);

// --check: the symbol table pass and code generation, nothing run.
// Returns the exit status (1 after printing the error).
int vm_check(const AstNode *root, Source *src, ReportInput how);
// --dis: prints the bytecode of every code object of the program.
int vm_dis(FILE *out, const AstNode *root, Source *src, ReportInput how);

// ---- the REPL's side (src/repl) ----

// __main__, made on first use with the namespace CPython gives it ([file]:
// the script's path for __file__, or NULL). NULL with the exception set.
ObjModule *vm_main_module(Vm *vm, const char *file);
// Tears the program down as a normal exit does (finalisers run while
// __main__'s globals exist, stdout flushed) and returns the exit status:
// what vm_main_run* do at the end unless vm->inspect is set, in which case
// the REPL calls it when the session ends.
int vm_finish(Vm *vm, int status);

// One input of the REPL: [src] holds every line typed for it so far (its
// name, "<stdin>", is the one tracebacks show).
enum {
    VM_INPUT_BLANK_ENDED = 1 << 0,   // the last line was empty: a compound statement ends
    VM_INPUT_IN_LOOP = 1 << 1,       // run every statement inside the session's event loop
                                     // (`-m asyncio`: asyncio.create_task works at the prompt)
    VM_INPUT_AT_EOF = 1 << 2,        // no more lines will come: complete or an error
    VM_INPUT_BLOCK = 1 << 3,         // a whole block of statements (a paste): parsed as
                                     // a module, each statement run in turn and echoed
};
typedef enum VmInput {
    VM_INPUT_MORE,   // incomplete: read another line (the "... " prompt)
    VM_INPUT_DONE,   // ran, or its error was printed: a fresh prompt
    VM_INPUT_EXIT,   // SystemExit: leave with *exit_status
    VM_INPUT_INTERRUPTED,   // (vm_wait_for_input) a Ctrl-C ended the wait
} VmInput;
// Parses it as one interactive statement (top-level await allowed), runs
// it in __main__ with expression statements echoed, and prints a
// SyntaxError or an uncaught exception as CPython's REPL does. A statement
// that awaits runs as a task on the session's event loop (lib/_repl.py).
VmInput vm_run_input(Vm *vm, Source *src, unsigned flags, int *exit_status);
// While the prompt waits for input: the session's event loop, if a
// statement made one, runs until [fd] is readable (tasks made at the prompt
// go on). DONE when input came (an error of the loop itself is printed),
// INTERRUPTED for a Ctrl-C, EXIT when a task raised SystemExit.
VmInput vm_wait_for_input(Vm *vm, int fd, int *exit_status);
// `import NAME` for a top-level module name: the module, or false with the
// exception set.
bool vm_import_module(Vm *vm, Value name, Value *out);
// Runs the file [path] in __main__ before the first prompt (the startup
// file named by the environment [variable]), printing what goes wrong.
void vm_run_startup(Vm *vm, const char *path, const char *variable);

#endif // VM_VM_H
