// The interactive prompt: CPython 3.11's REPL (`>>>`/`...` prompts, echo
// of expression statements into `_`, tracebacks that leave the session
// going, exit()/Ctrl-D/SystemExit), plus top-level `await` on one event
// loop kept for the session. Lines come from lineread.h; each input runs
// through the VM's vm_run_input.
#ifndef REPL_REPL_H
#define REPL_REPL_H
#include <stdbool.h>

#include "vm/vm.h"

typedef struct ReplOptions {
    bool banner;         // the two banner lines (not with -q, nor after a program)
    bool startup;        // run AIOPY_STARTUP, else PYTHONSTARTUP, first
    bool use_env;        // read the environment (not with -E/-I)
    bool asyncio_repl;   // `-m asyncio`: CPython's asyncio REPL banner and exit line
} ReplOptions;

// Runs the session in [vm]'s __main__ until EOF, exit() or SystemExit, then
// tears the program down (vm_finish). Returns the exit status.
int repl_run(Vm *vm, const ReplOptions *o);

#endif // REPL_REPL_H
