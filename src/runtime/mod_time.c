// The time module: wall clock, monotonic and performance counters (float
// seconds and integer nanoseconds) and sleep. Clocks are read with
// clock_gettime; sleep restarts nanosleep after signals for the remainder.
#include <errno.h>
#include <math.h>
#include <time.h>

#include "runtime/exc.h"
#include "runtime/float.h"
#include "runtime/int.h"
#include "runtime/modules.h"
#include "runtime/native.h"
#include "runtime/ops.h"
#include "runtime/type.h"

static bool clock_ns(Vm *vm, clockid_t id, int64_t *ns) {
    struct timespec ts;
    if (clock_gettime(id, &ts) != 0) return rt_raise(vm, &OSError_type, "clock_gettime failed");
    *ns = (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
    return true;
}

static bool as_seconds(Vm *vm, const char *fname, clockid_t id, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, fname, kw));
    TRY(rt_check_nargs(vm, fname, nargs, 0, 0));
    int64_t ns = 0;
    TRY(clock_ns(vm, id, &ns));
    return float_new(vm, (double)ns / 1e9, out);
}

static bool as_ns(Vm *vm, const char *fname, clockid_t id, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, fname, kw));
    TRY(rt_check_nargs(vm, fname, nargs, 0, 0));
    int64_t ns = 0;
    TRY(clock_ns(vm, id, &ns));
    return int_from_i64(vm, ns, out);
}

#define CLOCK_FNS(pyname, id)                                                               \
    static bool t_##pyname(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {       \
        (void)args;                                                                         \
        return as_seconds(vm, #pyname, id, nargs, kw, out);                                 \
    }                                                                                       \
    static bool t_##pyname##_ns(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {  \
        (void)args;                                                                         \
        return as_ns(vm, #pyname "_ns", id, nargs, kw, out);                                \
    }
CLOCK_FNS(time, CLOCK_REALTIME)
CLOCK_FNS(monotonic, CLOCK_MONOTONIC)
CLOCK_FNS(perf_counter, CLOCK_MONOTONIC)
CLOCK_FNS(process_time, CLOCK_PROCESS_CPUTIME_ID)

static bool t_sleep(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "sleep", kw));
    TRY(rt_check_nargs(vm, "sleep", nargs, 1, 1));
    double secs;
    if (IS_INSTANCE(args[0], float_type) || IS_ANYINT(args[0])) {
        TRY(rt_as_double(vm, args[0], &secs));
    } else {
        return rt_raise(vm, &TypeError_type, "'%s' object cannot be interpreted as an integer",
                        type_name(rt_type(args[0])));
    }
    if (isnan(secs)) return rt_raise(vm, &ValueError_type, "Invalid value NaN (not a number)");
    if (secs < 0) return rt_raise(vm, &ValueError_type, "sleep length must be non-negative");
    if (secs > 9.2e9) return rt_raise(vm, &OverflowError_type, "timestamp too large to convert to C _PyTime_t");
    struct timespec req = {(time_t)secs, (long)((secs - floor(secs)) * 1e9)}, rem;
    // Ctrl-C ends the sleep with KeyboardInterrupt; other signals resume it.
    while (nanosleep(&req, &rem) != 0 && errno == EINTR) {
        if (vm->hooks.check_signals && !vm->hooks.check_signals(vm)) return false;
        req = rem;
    }
    *out = NONE_VAL;
    return true;
}

static const MethodDef time_defs[] = {
    {"time", t_time, 0},
    {"time_ns", t_time_ns, 0},
    {"monotonic", t_monotonic, 0},
    {"monotonic_ns", t_monotonic_ns, 0},
    {"perf_counter", t_perf_counter, 0},
    {"perf_counter_ns", t_perf_counter_ns, 0},
    {"process_time", t_process_time, 0},
    {"process_time_ns", t_process_time_ns, 0},
    {"sleep", t_sleep, 0},
    {NULL, NULL, 0},
};

bool rt_time_init(Vm *vm, ObjModule *m) { return module_add_functions(vm, m, time_defs); }
