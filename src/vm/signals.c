// Signals: see signals.h.
#include "vm/signals.h"

#include <signal.h>
#include <stddef.h>
#include <string.h>

#include "runtime/exc.h"
#include "runtime/frame.h"
#include "runtime/state.h"

// Written by the handler, read by the VM: sig_atomic_t is the only type
// C guarantees for that. One VM per process runs the main program, so one
// breaker word is enough.
static volatile sig_atomic_t sigint_pending;
static volatile sig_atomic_t *breaker;

static void on_sigint(int sig) {
    (void)sig;
    sigint_pending = 1;
    if (breaker) *breaker = 1;
}

void vm_signals_install(Vm *vm) {
    // As CPython: a SIGINT ignored at start-up (nohup, a background job of
    // a non-interactive shell) stays ignored.
    struct sigaction old;
    if (sigaction(SIGINT, NULL, &old) == 0 && old.sa_handler == SIG_IGN) return;
    breaker = &VM_TS(vm)->eval_breaker;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_sigint;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0;   // no SA_RESTART: a blocked read or sleep returns EINTR
    sigaction(SIGINT, &sa, NULL);
}

void vm_signals_uninstall(void) {
    breaker = NULL;
    signal(SIGINT, SIG_DFL);
}

bool vm_signals_check(Vm *vm) {
    if (!sigint_pending) return true;
    sigint_pending = 0;
    return rt_raise_empty(vm, &KeyboardInterrupt_type);
}

void vm_signals_exit_by_sigint(void) {
    vm_signals_uninstall();
    raise(SIGINT);
}
