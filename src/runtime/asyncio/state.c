// The `_asyncio` module: per-interpreter asyncio state (the running loop,
// the task counter behind Task-N names, the weak registry behind
// all_tasks()), the module functions of CPython's _asyncio accelerator
// (get_running_loop, _enter_task, ...), the link to the Python half
// (_setup: lib/asyncio registers its exception classes and the helpers the C
// types call for reprs and error reports) and the GC hooks.
//
// When a future that failed is collected with its exception unretrieved,
// CPython reports it at once (reference counting frees it there). aiopy's
// collector is tracing, so the loop collects at the end of an iteration in
// which a task finished while such a future may be garbage: the report then
// comes at the same point of the program as in CPython (aio_gc_after_iteration).
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/asyncio/aio.h"
#include "runtime/context.h"
#include "runtime/dict.h"
#include "runtime/exc.h"
#include "runtime/gc.h"
#include "runtime/list.h"
#include "runtime/native.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"

AioState *aio_state(Vm *vm) {
    if (vm->aio) return vm->aio;
    AioState *st = calloc(1, sizeof *st);
    if (!st) {
        rt_raise_nomem(vm);
        return NULL;
    }
    vm->aio = st;
    return st;
}

void aio_mark_roots(Vm *vm) {
    AioState *st = vm->aio;
    if (!st) return;
    gc_mark_value(vm, st->running_loop);
    gc_mark_value(vm, st->exc_cancelled);
    gc_mark_value(vm, st->exc_invalid_state);
    gc_mark_value(vm, st->helpers);
    gc_mark_value(vm, st->current_tasks);
}

// Called after marking: tasks nothing else reaches leave the registry (they
// are about to be finalised, which reports a pending one).
void aio_sweep_weak(Vm *vm) {
    AioState *st = vm->aio;
    if (!st) return;
    size_t k = 0;
    for (size_t i = 0; i < st->ntasks; i++)
        if (gc_is_marked(st->tasks[i])) st->tasks[k++] = st->tasks[i];
    st->ntasks = k;
    aio_sweep_weaksets(vm);
}

void aio_state_free(Vm *vm) {
    AioState *st = vm->aio;
    if (!st) return;
    free(st->tasks);
    free(st->weaksets);
    free(st);
    vm->aio = NULL;
}

bool aio_register_task(Vm *vm, ObjTask *t) {
    AioState *st = aio_state(vm);
    TRY(st);
    if (st->ntasks == st->tcap) {
        // Registered tasks that finished are dropped when the array is full,
        // so it holds the live tasks plus at most as many finished ones.
        size_t k = 0;
        for (size_t i = 0; i < st->ntasks; i++)
            if (((ObjFuture *)st->tasks[i])->state == FUT_PENDING) st->tasks[k++] = st->tasks[i];
        st->ntasks = k;
        if (st->ntasks * 2 >= st->tcap) {
            size_t cap = st->tcap ? st->tcap * 2 : 64;
            Obj **n = realloc(st->tasks, cap * sizeof *n);
            if (!n) return rt_raise_nomem(vm);
            st->tasks = n;
            st->tcap = cap;
        }
    }
    st->tasks[st->ntasks++] = &t->fut.hdr;
    return true;
}

// ---- errors and helpers ----

bool aio_call_helper(Vm *vm, const char *name, Value *args, size_t nargs, Value *out) {
    AioState *st = aio_state(vm);
    TRY(st);
    Value fn;
    ObjStr *key = str_intern_cstr(vm, name);
    TRY(key);
    if (!st->helpers || dict_get_str(vm, AS_DICT(st->helpers), key, &fn) != 1)
        return rt_raise(vm, &RuntimeError_type, "asyncio is not initialised (import asyncio first)");
    return rt_call(vm, fn, args, nargs, VAL_NULL, out);
}

static bool raise_class(Vm *vm, Value cls, ObjType *fallback, ObjStr *msg) {
    Value e;
    if (!cls) return rt_raise(vm, fallback, "%U", msg);
    gc_push_root(vm, OBJ_VAL(msg));
    bool ok = rt_call1(vm, cls, OBJ_VAL(msg), &e);
    gc_pop_root(vm);
    TRY(ok);
    return rt_raise_value(vm, e);
}

bool aio_raise_invalid_state(Vm *vm, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    ObjStr *msg = rt_vformat_cmsg(vm, fmt, ap);
    va_end(ap);
    TRY(msg);
    AioState *st = aio_state(vm);
    TRY(st);
    return raise_class(vm, st->exc_invalid_state, &RuntimeError_type, msg);
}

bool aio_is_cancelled_error(Vm *vm, Value exc) {
    AioState *st = vm->aio;
    return st && st->exc_cancelled && IS_TYPE(st->exc_cancelled) &&
           type_is_subtype(rt_type(exc), AS_TYPE(st->exc_cancelled));
}

bool aio_new_cancelled_error(Vm *vm, Value msg, Value *out) {
    AioState *st = aio_state(vm);
    TRY(st);
    if (!st->exc_cancelled) return rt_raise(vm, &RuntimeError_type, "asyncio is not initialised (import asyncio first)");
    if (!msg || IS_NONE(msg)) return rt_call0(vm, st->exc_cancelled, out);
    return rt_call1(vm, st->exc_cancelled, msg, out);
}

bool aio_report(Vm *vm, Value loop, const char *message, const char *k1, Value v1, const char *k2, Value v2) {
    Value saved = rt_exc_take(vm);
    size_t mark = gc_roots_mark(vm);
    gc_push_root(vm, saved);
    ObjDict *d = dict_new(vm);
    bool ok = d != NULL;
    if (ok) gc_push_root(vm, OBJ_VAL(d));
    ObjStr *m = ok ? str_from_cstr(vm, message) : NULL;
    ok = m && dict_set_cstr(vm, d, "message", OBJ_VAL(m));
    if (ok && k1) ok = dict_set_cstr(vm, d, k1, v1);
    if (ok && k2) ok = dict_set_cstr(vm, d, k2, v2);
    Value fn, r;
    if (ok) ok = rt_getattr_cstr(vm, loop, "call_exception_handler", &fn) && rt_call1(vm, fn, OBJ_VAL(d), &r);
    if (!ok) {
        // Reported from a finaliser: nothing can catch it. Print it the way
        // an exception ignored in __del__ is.
        if (vm->hooks.finalize) vm->hooks.finalize(vm, loop);
        rt_exc_clear(vm);
    }
    gc_roots_reset(vm, mark);
    vm->exc = saved;
    return true;
}

// ---- running loop and current task ----

bool aio_enter_task(Vm *vm, Value loop, Value task) {
    Value cur = VAL_NULL;
    AioState *st = NULL;
    if (IS_LOOP(loop)) {
        cur = AS_LOOP(loop)->current_task;
    } else {
        st = aio_state(vm);
        TRY(st);
        if (!st->current_tasks) {
            ObjDict *d = dict_new(vm);
            TRY(d);
            st->current_tasks = OBJ_VAL(d);
        }
        int r = dict_get(vm, AS_DICT(st->current_tasks), loop, &cur);
        if (r < 0) return false;
        if (!r) cur = VAL_NULL;
    }
    if (cur)
        return rt_raise(vm, &RuntimeError_type,
                        "Cannot enter into task %R while another task %R is being executed.", task, cur);
    if (IS_LOOP(loop)) {
        AS_LOOP(loop)->current_task = task;
        return true;
    }
    return dict_set(vm, AS_DICT(st->current_tasks), loop, task);
}

bool aio_leave_task(Vm *vm, Value loop, Value task) {
    Value cur = VAL_NULL;
    AioState *st = vm->aio;
    if (IS_LOOP(loop)) {
        cur = AS_LOOP(loop)->current_task;
    } else if (st && st->current_tasks) {
        int r = dict_get(vm, AS_DICT(st->current_tasks), loop, &cur);
        if (r < 0) return false;
        if (!r) cur = VAL_NULL;
    }
    if (cur != task)
        return rt_raise(vm, &RuntimeError_type, "Leaving task %R does not match the current task %R.", task,
                        cur ? cur : NONE_VAL);
    if (IS_LOOP(loop)) {
        AS_LOOP(loop)->current_task = VAL_NULL;
        return true;
    }
    return dict_del(vm, AS_DICT(st->current_tasks), loop, NULL) >= 0;
}

// ---- contexts (contextvars) ----

// What a callback or task scheduled without an explicit context runs in: a
// copy of the current context (O(1), runtime/context.h).
bool aio_callback_context(Vm *vm, Value given, Value *out) {
    if (given && !IS_NONE(given)) {
        *out = given;
        return true;
    }
    return ctx_copy_current(vm, out);
}

// Runs what follows inside [ctx] (VAL_NULL or None: the current context).
bool aio_context_enter(Vm *vm, Value ctx, Value *saved) {
    *saved = VAL_NULL;
    if (!ctx || IS_NONE(ctx)) return true;
    if (!IS_CONTEXT(ctx))
        return rt_raise(vm, &TypeError_type, "an instance of Context was expected, got %s",
                        type_name(rt_type(ctx)));
    return ctx_enter(vm, AS_CONTEXT(ctx));
}

void aio_context_exit(Vm *vm, Value ctx, Value saved) {
    (void)saved;
    if (!ctx || IS_NONE(ctx) || !IS_CONTEXT(ctx)) return;
    Value pending = rt_exc_take(vm);
    ctx_exit(vm, AS_CONTEXT(ctx));
    if (pending) vm->exc = pending;
}

// ---- the report timing of unretrieved exceptions (see the file comment) ----

// Called at the end of every loop iteration. A collection runs when a
// future failed during the iteration, or a task finished while failed
// futures are alive, so that one that became garbage is reported now, as
// CPython does. After 8 collections in a row that report nothing, the next
// ones wait for an allocation budget that grows with the heap, so a program
// whose failures are all retrieved does not collect at every iteration.
void aio_gc_after_iteration(Vm *vm) {
    AioState *st = vm->aio;
    if (!st) return;
    // Finalisers that a collection during the iteration queued (a task
    // destroyed while pending, a failed future) report now, not at some
    // later explicit collection.
    if (vm->finq_len) gc_run_finalizers(vm);
    bool wanted = st->failed_this_iter || (st->task_done_this_iter && st->unretrieved);
    st->failed_this_iter = st->task_done_this_iter = false;
    if (!wanted || vm->gc_disabled) return;
    size_t since = vm->bytes_allocated > vm->gc_live ? vm->bytes_allocated - vm->gc_live : 0;
    if (since < st->gc_budget) return;
    size_t before = st->unretrieved;
    gc_collect(vm);
    if (st->unretrieved < before) {
        st->gc_misses = 0;
        st->gc_budget = 0;
    } else if (++st->gc_misses >= 8) {
        size_t floor = vm->gc_live / 8 > ((size_t)1 << 15) ? vm->gc_live / 8 : (size_t)1 << 15;
        st->gc_budget = st->gc_budget ? st->gc_budget * 2 : floor;
        if (st->gc_budget > vm->gc_live && st->gc_budget > floor) st->gc_budget = vm->gc_live > floor ? vm->gc_live : floor;
    }
}

// ---- module functions ----

static bool f_get_running_loop(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    (void)args;
    TRY(rt_no_kwargs(vm, "get_running_loop", kw));
    TRY(rt_check_nargs(vm, "get_running_loop", nargs, 0, 0));
    AioState *st = vm->aio;
    if (!st || !st->running_loop) return rt_raise(vm, &RuntimeError_type, "no running event loop");
    *out = st->running_loop;
    return true;
}

static bool f__get_running_loop(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    (void)args;
    TRY(rt_no_kwargs(vm, "_get_running_loop", kw));
    TRY(rt_check_nargs(vm, "_get_running_loop", nargs, 0, 0));
    AioState *st = vm->aio;
    *out = st && st->running_loop ? st->running_loop : NONE_VAL;
    return true;
}

static bool f__set_running_loop(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "_set_running_loop", kw));
    TRY(rt_check_nargs(vm, "_set_running_loop", nargs, 1, 1));
    AioState *st = aio_state(vm);
    TRY(st);
    st->running_loop = IS_NONE(args[0]) ? VAL_NULL : args[0];
    *out = NONE_VAL;
    return true;
}

static bool f_get_event_loop(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    (void)args, (void)nargs;
    TRY(rt_no_kwargs(vm, "get_event_loop", kw));
    AioState *st = vm->aio;
    if (st && st->running_loop) {
        *out = st->running_loop;
        return true;
    }
    return aio_call_helper(vm, "policy_get_event_loop", NULL, 0, out);
}

static bool f_current_task(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    static const char *const names[] = {"loop"};
    Value loop[1];
    TRY(rt_parse_args(vm, "current_task", args, nargs, kw, names, 1, 1, 0, loop));
    Value l = loop[0];
    if (!l || IS_NONE(l)) TRY(f_get_running_loop(vm, NULL, 0, VAL_NULL, &l));
    if (IS_LOOP(l)) {
        *out = AS_LOOP(l)->current_task ? AS_LOOP(l)->current_task : NONE_VAL;
        return true;
    }
    AioState *st = vm->aio;
    if (st && st->current_tasks) {
        int r = dict_get(vm, AS_DICT(st->current_tasks), l, out);
        if (r < 0) return false;
        if (r) return true;
    }
    *out = NONE_VAL;
    return true;
}

static bool f_enter_task(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "_enter_task", kw));
    TRY(rt_check_nargs(vm, "_enter_task", nargs, 2, 2));
    TRY(aio_enter_task(vm, args[0], args[1]));
    *out = NONE_VAL;
    return true;
}

static bool f_leave_task(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "_leave_task", kw));
    TRY(rt_check_nargs(vm, "_leave_task", nargs, 2, 2));
    TRY(aio_leave_task(vm, args[0], args[1]));
    *out = NONE_VAL;
    return true;
}

static bool f_register_task(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "_register_task", kw));
    TRY(rt_check_nargs(vm, "_register_task", nargs, 1, 1));
    if (!IS_TASK(args[0])) return rt_raise(vm, &TypeError_type, "_register_task() needs a Task");
    AioState *st = aio_state(vm);
    TRY(st);
    for (size_t i = 0; i < st->ntasks; i++)
        if (st->tasks[i] == AS_OBJ(args[0])) {
            *out = NONE_VAL;
            return true;
        }
    TRY(aio_register_task(vm, AS_TASK(args[0])));
    *out = NONE_VAL;
    return true;
}

static bool f_unregister_task(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "_unregister_task", kw));
    TRY(rt_check_nargs(vm, "_unregister_task", nargs, 1, 1));
    AioState *st = vm->aio;
    if (st) {
        size_t k = 0;
        for (size_t i = 0; i < st->ntasks; i++)
            if (st->tasks[i] != AS_OBJ(args[0])) st->tasks[k++] = st->tasks[i];
        st->ntasks = k;
    }
    *out = NONE_VAL;
    return true;
}

// The registered tasks that are not done, in creation order (all_tasks()
// filters them by loop).
static bool f_pending_tasks(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    (void)args;
    TRY(rt_no_kwargs(vm, "_pending_tasks", kw));
    TRY(rt_check_nargs(vm, "_pending_tasks", nargs, 0, 0));
    AioState *st = aio_state(vm);
    TRY(st);
    ObjList *l = list_new(vm, 0);
    TRY(l);
    gc_push_root(vm, OBJ_VAL(l));
    for (size_t i = 0; i < st->ntasks; i++) {
        if (((ObjFuture *)st->tasks[i])->state != FUT_PENDING) continue;
        if (!list_append(vm, l, OBJ_VAL(st->tasks[i]))) return gc_pop_root(vm), false;
    }
    gc_pop_root(vm);
    *out = OBJ_VAL(l);
    return true;
}

// _setup(**helpers): lib/asyncio/__init__.py hands over CancelledError,
// InvalidStateError and the Python functions the C types call.
static bool f_setup(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_check_nargs(vm, "_setup", nargs, 0, 0));
    AioState *st = aio_state(vm);
    TRY(st);
    if (!st->helpers) {
        ObjDict *d = dict_new(vm);
        TRY(d);
        st->helpers = OBJ_VAL(d);
    }
    ObjTuple *k = kw ? AS_TUPLE(kw) : NULL;
    for (size_t i = 0; k && i < k->len; i++) {
        ObjStr *name = AS_STR(k->items[i]);
        Value v = args[nargs + i];
        if (str_eq_cstr(name, "CancelledError")) st->exc_cancelled = v;
        else if (str_eq_cstr(name, "InvalidStateError")) st->exc_invalid_state = v;
        else TRY(dict_set(vm, AS_DICT(st->helpers), k->items[i], v));
    }
    *out = NONE_VAL;
    return true;
}

bool aio_f_sleep0(Vm *vm, Value *args, size_t nargs, Value kw, Value *out);

static const MethodDef asyncio_defs[] = {
    {"_sleep0", aio_f_sleep0, 0},
    {"get_running_loop", f_get_running_loop, 0},
    {"_get_running_loop", f__get_running_loop, 0},
    {"_set_running_loop", f__set_running_loop, 0},
    {"get_event_loop", f_get_event_loop, 0},
    {"_get_event_loop", f_get_event_loop, 0},
    {"current_task", f_current_task, 0},
    {"_enter_task", f_enter_task, 0},
    {"_leave_task", f_leave_task, 0},
    {"_register_task", f_register_task, 0},
    {"_unregister_task", f_unregister_task, 0},
    {"_pending_tasks", f_pending_tasks, 0},
    {"_setup", f_setup, 0},
    {NULL, NULL, 0},
};

bool rt_asyncio_init(Vm *vm, ObjModule *m) {
    TRY(module_add_functions(vm, m, asyncio_defs));
    ObjDict *d = AS_DICT(m->dict);
    return dict_set_cstr(vm, d, "Future", OBJ_VAL(&aio_future_type)) &&
           dict_set_cstr(vm, d, "FutureIter", OBJ_VAL(&aio_future_iter_type)) &&
           dict_set_cstr(vm, d, "Task", OBJ_VAL(&aio_task_type)) &&
           dict_set_cstr(vm, d, "Handle", OBJ_VAL(&aio_handle_type)) &&
           dict_set_cstr(vm, d, "TimerHandle", OBJ_VAL(&aio_timer_handle_type)) &&
           dict_set_cstr(vm, d, "EventLoopCore", OBJ_VAL(&aio_loop_type)) &&
           dict_set_cstr(vm, d, "_WeakSet", OBJ_VAL(&aio_weakset_type));
}
