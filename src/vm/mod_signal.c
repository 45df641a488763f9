// The `signal` module: Python-level handlers for Unix signals, run by the VM
// at its next safe point (signals.c), not inside the C handler. What asyncio
// needs (asyncio.run's Ctrl-C handling, loop.add_signal_handler) and what
// scripts use: signal(), getsignal(), default_int_handler, SIG_DFL/SIG_IGN,
// the common signal numbers, set_wakeup_fd(), raise_signal(), strsignal(),
// valid_signals(), alarm(), pause(). Signal numbers are plain ints (CPython's
// are members of the signal.Signals IntEnum: repr differs).
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include "runtime/dict.h"
#include "runtime/exc.h"
#include "runtime/frame.h"
#include "runtime/gc.h"
#include "runtime/type.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/native.h"
#include "runtime/ops.h"
#include "runtime/set.h"
#include "runtime/str.h"
#include "vm/signals.h"


#define SIG_DFL_VAL INT_VAL(0)
#define SIG_IGN_VAL INT_VAL(1)

static bool f_default_int_handler(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    (void)args, (void)nargs, (void)kw, (void)out;
    return rt_raise_empty(vm, &KeyboardInterrupt_type);
}

static const MethodDef default_int_handler_def = {"default_int_handler", f_default_int_handler, 0};

bool vm_is_default_int_handler(Value v) {
    return IS_OBJ(v) && IS_NATIVE(v) && AS_NATIVE(v)->def == &default_int_handler_def;
}

static bool signum_arg(Vm *vm, Value v, int *sig) {
    int64_t n;
    if (!IS_ANYINT(v))
        return rt_raise(vm, &TypeError_type, "'%s' object cannot be interpreted as an integer",
                        type_name(rt_type(v)));
    TRY(int_as_i64(vm, v, &n));
    if (n < 1 || n >= NSIG) return rt_raise(vm, &ValueError_type, "signal number out of range");
    *sig = (int)n;
    return true;
}

// The handler table: a list of NSIG entries, None where Python set nothing.
static bool handlers(Vm *vm, ObjList **out) {
    ThreadState *ts = VM_TS(vm);
    if (!ts->signal_handlers) {
        ObjList *l = list_new(vm, NSIG);
        TRY(l);
        for (int i = 0; i < NSIG; i++) l->items[i] = NONE_VAL;
        l->len = NSIG;
        ts->signal_handlers = OBJ_VAL(l);
    }
    *out = AS_LIST(ts->signal_handlers);
    return true;
}

// What getsignal() reports for a signal nobody set from Python.
static bool initial_handler(Vm *vm, Value module, int sig, Value *out) {
    struct sigaction sa;
    if (sigaction(sig, NULL, &sa) != 0) return rt_raise_errno(vm, errno, VAL_NULL);
    if (sig == SIGINT && sa.sa_handler != SIG_DFL && sa.sa_handler != SIG_IGN)
        return rt_getattr_cstr(vm, module, "default_int_handler", out);
    *out = sa.sa_handler == SIG_IGN ? SIG_IGN_VAL : sa.sa_handler == SIG_DFL ? SIG_DFL_VAL : NONE_VAL;
    return true;
}

static bool get_handler(Vm *vm, Value module, int sig, Value *out) {
    ObjList *l;
    TRY(handlers(vm, &l));
    if (!IS_NONE(l->items[sig])) {
        *out = l->items[sig];
        return true;
    }
    // The module is the native function's module name; find the module.
    Value mod;
    TRY(dict_get_str(vm, AS_DICT(vm->modules), str_intern_cstr(vm, "signal"), &mod) >= 0);
    (void)module;
    return initial_handler(vm, mod, sig, out);
}

static bool f_getsignal(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "getsignal", kw));
    TRY(rt_check_nargs(vm, "getsignal", nargs, 1, 1));
    int sig;
    TRY(signum_arg(vm, args[0], &sig));
    return get_handler(vm, VAL_NULL, sig, out);
}

static bool f_signal(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "signal", kw));
    TRY(rt_check_nargs(vm, "signal", nargs, 2, 2));
    int sig;
    TRY(signum_arg(vm, args[0], &sig));
    Value h = args[1];
    bool dfl = h == SIG_DFL_VAL, ign = h == SIG_IGN_VAL;
    if (!dfl && !ign && !rt_callable(h))
        return rt_raise(vm, &TypeError_type,
                        "signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object");
    if (sig == SIGKILL || sig == SIGSTOP) return rt_raise_errno(vm, EINVAL, VAL_NULL);
    Value old;
    TRY(get_handler(vm, VAL_NULL, sig, &old));
    gc_push_root(vm, old);
    ObjList *l;
    bool ok = handlers(vm, &l);
    gc_pop_root(vm);
    TRY(ok);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sigemptyset(&sa.sa_mask);
    if (dfl || ign) {
        sa.sa_handler = dfl ? SIG_DFL : SIG_IGN;
        if (sigaction(sig, &sa, NULL) != 0) return rt_raise_errno(vm, errno, VAL_NULL);
        l->items[sig] = NONE_VAL;
    } else {
        if (!vm_signals_catch(sig)) return rt_raise_errno(vm, errno, VAL_NULL);
        l->items[sig] = h;
    }
    *out = old;
    return true;
}

static bool f_set_wakeup_fd(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    static const char *const names[] = {"fd", "warn_on_full_buffer"};
    Value a[2];
    TRY(rt_parse_args(vm, "set_wakeup_fd", args, nargs, kw, names, 2, 1, 1, a));
    int64_t fd;
    TRY(int_as_i64(vm, a[0], &fd));
    if (fd < -1 || fd > 1 << 30) return rt_raise(vm, &ValueError_type, "invalid fd");
    *out = INT_VAL(vm_signals_set_wakeup_fd((int)fd));
    return true;
}

static bool f_raise_signal(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "raise_signal", kw));
    TRY(rt_check_nargs(vm, "raise_signal", nargs, 1, 1));
    int sig;
    TRY(signum_arg(vm, args[0], &sig));
    if (raise(sig) != 0) return rt_raise_errno(vm, errno, VAL_NULL);
    TRY(vm_signals_check(vm));
    *out = NONE_VAL;
    return true;
}

static bool f_strsignal(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "strsignal", kw));
    TRY(rt_check_nargs(vm, "strsignal", nargs, 1, 1));
    int sig;
    TRY(signum_arg(vm, args[0], &sig));
    const char *s = strsignal(sig);
    if (!s) {
        *out = NONE_VAL;
        return true;
    }
    ObjStr *r = str_from_cstr(vm, s);
    TRY(r);
    *out = OBJ_VAL(r);
    return true;
}

static bool f_valid_signals(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    (void)args;
    TRY(rt_no_kwargs(vm, "valid_signals", kw));
    TRY(rt_check_nargs(vm, "valid_signals", nargs, 0, 0));
    ObjSet *s = set_new(vm, &set_type);
    TRY(s);
    gc_push_root(vm, OBJ_VAL(s));
    sigset_t all;
    sigfillset(&all);
    for (int i = 1; i < NSIG; i++)
        if (sigismember(&all, i) == 1 && !set_add(vm, s, INT_VAL(i))) return gc_pop_root(vm), false;
    gc_pop_root(vm);
    *out = OBJ_VAL(s);
    return true;
}

static bool f_alarm(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "alarm", kw));
    TRY(rt_check_nargs(vm, "alarm", nargs, 1, 1));
    int64_t n;
    TRY(int_as_i64(vm, args[0], &n));
    *out = INT_VAL(alarm((unsigned)n));
    return true;
}

static bool f_pause(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    (void)args;
    TRY(rt_no_kwargs(vm, "pause", kw));
    TRY(rt_check_nargs(vm, "pause", nargs, 0, 0));
    pause();
    TRY(vm_signals_check(vm));
    *out = NONE_VAL;
    return true;
}

static const MethodDef signal_defs[] = {
    {"signal", f_signal, 0},
    {"getsignal", f_getsignal, 0},
    {"set_wakeup_fd", f_set_wakeup_fd, 0},
    {"raise_signal", f_raise_signal, 0},
    {"strsignal", f_strsignal, 0},
    {"valid_signals", f_valid_signals, 0},
    {"alarm", f_alarm, 0},
    {"pause", f_pause, 0},
    {NULL, NULL, 0},
};

static const struct { const char *name; int value; } constants[] = {
    {"SIG_DFL", 0}, {"SIG_IGN", 1}, {"NSIG", NSIG},
    {"SIGHUP", SIGHUP}, {"SIGINT", SIGINT}, {"SIGQUIT", SIGQUIT}, {"SIGILL", SIGILL},
    {"SIGTRAP", SIGTRAP}, {"SIGABRT", SIGABRT}, {"SIGBUS", SIGBUS}, {"SIGFPE", SIGFPE},
    {"SIGKILL", SIGKILL}, {"SIGUSR1", SIGUSR1}, {"SIGSEGV", SIGSEGV}, {"SIGUSR2", SIGUSR2},
    {"SIGPIPE", SIGPIPE}, {"SIGALRM", SIGALRM}, {"SIGTERM", SIGTERM}, {"SIGCHLD", SIGCHLD},
    {"SIGCONT", SIGCONT}, {"SIGSTOP", SIGSTOP}, {"SIGTSTP", SIGTSTP}, {"SIGTTIN", SIGTTIN},
    {"SIGTTOU", SIGTTOU}, {"SIGURG", SIGURG}, {"SIGXCPU", SIGXCPU}, {"SIGXFSZ", SIGXFSZ},
    {"SIGVTALRM", SIGVTALRM}, {"SIGPROF", SIGPROF}, {"SIGWINCH", SIGWINCH}, {"SIGIO", SIGIO},
    {"SIGSYS", SIGSYS},
};

bool vm_signal_module_init(Vm *vm, ObjModule *m) {
    TRY(module_add_functions(vm, m, signal_defs));
    ObjDict *d = AS_DICT(m->dict);
    for (size_t i = 0; i < sizeof constants / sizeof *constants; i++)
        TRY(dict_set_cstr(vm, d, constants[i].name, INT_VAL(constants[i].value)));
    ObjNative *n = native_new_function(vm, &default_int_handler_def, OBJ_VAL(str_intern_cstr(vm, "_signal")));
    TRY(n);
    return dict_set_cstr(vm, d, "default_int_handler", OBJ_VAL(n));
}
