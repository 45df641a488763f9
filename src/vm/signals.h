// Signals: a signal becomes Python-level work at the next safe point of the
// VM: Ctrl-C raises KeyboardInterrupt, or calls the handler the `signal`
// module installed for it (asyncio.run's cancels the main task).
//
// The C handler only sets flags (the signal's pending word and the thread's
// eval breaker) and writes the signal number to the wakeup fd, if one is set
// (an event loop waiting in poll() wakes at once); the eval loop notices the
// breaker on backward jumps, calls and resumes, and vm_signals_check runs the
// handlers there. Blocking builtins (sleep, input, the loop's poll) call
// vm_signals_check when a system call returns EINTR. A program that ends on
// an uncaught KeyboardInterrupt leaves through vm_signals_exit_by_sigint, so
// its parent sees death by SIGINT (a shell prints status 130), as with CPython.
#ifndef VM_SIGNALS_H
#define VM_SIGNALS_H
#include <stdbool.h>

#include "runtime/module.h"

typedef struct Vm Vm;

// What vm_main_run_ast returns when the program ended on an uncaught
// KeyboardInterrupt (its traceback printed): the caller tears down, then
// calls vm_signals_exit_by_sigint.
enum { VM_EXIT_SIGINT = -2 };

// Routes SIGINT to [vm]'s eval breaker (without SA_RESTART, so blocking
// reads and sleeps return EINTR).
void vm_signals_install(Vm *vm);
// Gives the signals handled here their default action back; call before
// freeing the VM.
void vm_signals_uninstall(void);
// Runs what pending signals ask for: false with the exception set when a
// handler raised (KeyboardInterrupt for a plain Ctrl-C).
bool vm_signals_check(Vm *vm);
// Restores SIGINT's default action and sends it to this process.
void vm_signals_exit_by_sigint(void);
// Installs the VM's C handler for [sig] (again: a library that replaced
// it, like libedit, gives it back).
bool vm_signals_catch(int sig);
// Whether a signal arrived that vm_signals_check has not handled yet (a
// reader about to block checks it first: the REPL's line editor).
bool vm_signals_pending(void);
// The fd the C handler writes to (-1: none); returns the previous one.
int vm_signals_set_wakeup_fd(int fd);
// The `signal` module (mod_signal.c).
bool vm_signal_module_init(Vm *vm, ObjModule *m);

#endif // VM_SIGNALS_H
