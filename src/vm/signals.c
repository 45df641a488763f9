// Signals: see signals.h.
#include "vm/signals.h"

#include <errno.h>
#include <signal.h>
#include <stddef.h>
#include <string.h>
#include <unistd.h>

#include "runtime/exc.h"
#include "runtime/frame.h"
#include "runtime/list.h"
#include "runtime/ops.h"
#include "runtime/state.h"

// Written by the handler, read by the VM: sig_atomic_t is the only type
// C guarantees for that. One VM per process runs the main program, so one
// set of words is enough.
static volatile sig_atomic_t pending[NSIG];
static volatile sig_atomic_t any_pending;
static volatile sig_atomic_t *breaker;
static volatile sig_atomic_t wakeup_fd = -1;

static void on_signal(int sig) {
    int saved = errno;
    pending[sig] = 1;
    any_pending = 1;
    if (breaker) *breaker = 1;
    if (wakeup_fd >= 0) {
        unsigned char b = (unsigned char)sig;
        ssize_t r = write(wakeup_fd, &b, 1);
        (void)r;   // a full pipe wakes the reader just as well
    }
    errno = saved;
}

bool vm_signals_pending(void) { return any_pending; }

int vm_signals_set_wakeup_fd(int fd) {
    int old = wakeup_fd;
    wakeup_fd = fd;
    return old;
}

// Installs on_signal for [sig] (no SA_RESTART: blocked calls return EINTR).
bool vm_signals_catch(int sig) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0;
    return sigaction(sig, &sa, NULL) == 0;
}

void vm_signals_install(Vm *vm) {
    breaker = &VM_TS(vm)->eval_breaker;
    vm->hooks.set_wakeup_fd = vm_signals_set_wakeup_fd;
    // As CPython: a SIGINT ignored at start-up (nohup, a background job of
    // a non-interactive shell) stays ignored.
    struct sigaction old;
    if (sigaction(SIGINT, NULL, &old) == 0 && old.sa_handler == SIG_IGN) return;
    vm_signals_catch(SIGINT);
}

void vm_signals_uninstall(void) {
    breaker = NULL;
    wakeup_fd = -1;
    signal(SIGINT, SIG_DFL);
}

// The handler Python code set for [sig], or VAL_NULL (the default action;
// for SIGINT, KeyboardInterrupt).
static Value handler_of(Vm *vm, int sig) {
    Value l = VM_TS(vm)->signal_handlers;
    if (!l || !IS_LIST(l) || (size_t)sig >= AS_LIST(l)->len) return VAL_NULL;
    Value h = AS_LIST(l)->items[sig];
    return IS_NONE(h) ? VAL_NULL : h;
}

bool vm_is_default_int_handler(Value v);

bool vm_signals_check(Vm *vm) {
    if (!any_pending) return true;
    any_pending = 0;
    for (int sig = 1; sig < NSIG; sig++) {
        if (!pending[sig]) continue;
        pending[sig] = 0;
        Value h = handler_of(vm, sig);
        bool ok;
        if (!h || vm_is_default_int_handler(h)) {
            if (sig != SIGINT) continue;
            ok = rt_raise_empty(vm, &KeyboardInterrupt_type);
        } else {
            Value r;
            ok = rt_call2(vm, h, INT_VAL(sig), NONE_VAL, &r);
        }
        if (!ok) {
            // The rest wait for the next check.
            for (int s = sig + 1; s < NSIG; s++)
                if (pending[s]) any_pending = 1;
            return false;
        }
    }
    return true;
}

void vm_signals_exit_by_sigint(void) {
    vm_signals_uninstall();
    raise(SIGINT);
}
