// Signals: Ctrl-C becomes KeyboardInterrupt at the next safe point of the VM.
//
// The handler only sets flags (the pending-SIGINT word and the thread's eval
// breaker); the eval loop notices the breaker on backward jumps, calls and
// resumes, and vm_signals_check raises KeyboardInterrupt there. Blocking
// builtins (sleep, input) call vm_signals_check when a system call returns
// EINTR. A program that ends on an uncaught KeyboardInterrupt leaves through
// vm_signals_exit_by_sigint, so its parent sees death by SIGINT (a shell
// prints status 130), as with CPython.
#ifndef VM_SIGNALS_H
#define VM_SIGNALS_H
#include <stdbool.h>

typedef struct Vm Vm;

// What vm_main_run_ast returns when the program ended on an uncaught
// KeyboardInterrupt (its traceback printed): the caller tears down, then
// calls vm_signals_exit_by_sigint.
enum { VM_EXIT_SIGINT = -2 };

// Routes SIGINT to [vm]'s eval breaker (without SA_RESTART, so blocking
// reads and sleeps return EINTR).
void vm_signals_install(Vm *vm);
// Gives SIGINT its default action back; call before freeing the VM.
void vm_signals_uninstall(void);
// Raises KeyboardInterrupt and returns false when a SIGINT is pending.
bool vm_signals_check(Vm *vm);
// Restores SIGINT's default action and sends it to this process.
void vm_signals_exit_by_sigint(void);

#endif // VM_SIGNALS_H
