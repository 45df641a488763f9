// asyncio.Task (`_asyncio.Task`): a Future that drives a coroutine. Each
// step sends None into the coroutine, or throws an exception into it,
// through the coroutine type's send/throw slots: the one resume entry the VM
// uses for `await` and coro.send(), so a step resumes the innermost frame of
// the task's await chain directly, at the same cost at any depth. What the
// coroutine yields decides what comes next, as in CPython 3.11's C Task:
//   a Future of this loop, yielded by its __await__  -> wait for it (a wake-up
//                                                      done callback)
//   None (a bare yield, sleep(0))                  -> step again next iteration
//   anything else                                   -> step again, throwing a
//                                                      RuntimeError that names it
// Reprs and get_stack/print_stack are Python (asyncio.base_tasks).
#include <string.h>

#include "runtime/asyncio/aio.h"
#include "runtime/dict.h"
#include "runtime/exc.h"
#include "runtime/gc.h"
#include "runtime/native.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"

bool aio_future_init_loop(Vm *vm, ObjFuture *f, Value loop);
void aio_future_finalize(Vm *vm, Obj *o);
bool aio_callback_context(Vm *vm, Value given, Value *out);
bool aio_context_enter(Vm *vm, Value ctx, Value *saved);
void aio_context_exit(Vm *vm, Value ctx, Value saved);

extern ObjType coroutine_type, generator_type;

// ---- the step ----

// Schedules a step that throws a RuntimeError(message) into the task.
static bool step_soon_with_error(Vm *vm, ObjTask *t, const char *fmt, Value a, Value b) {
    ObjStr *msg = b ? rt_format_cmsg(vm, fmt, a, b) : rt_format_cmsg(vm, fmt, a);
    TRY(msg);
    gc_push_root(vm, OBJ_VAL(msg));
    Value e, args;
    ObjTuple *tup = tuple_from(vm, &(Value){OBJ_VAL(msg)}, 1);
    bool ok = tup && (args = OBJ_VAL(tup), exc_new(vm, &RuntimeError_type, args, &e));
    gc_pop_root(vm);
    TRY(ok);
    return aio_call_soon(vm, t->fut.loop, READY_STEP, OBJ_VAL(t), e, t->context);
}

// Sends None ([exc] VAL_NULL) or throws [exc] into the coroutine.
static SendResult resume_coro(Vm *vm, Value coro, Value exc, Value *out) {
    ObjType *ct = rt_type(coro);
    if (!exc) {
        if (ct->send) return ct->send(vm, coro, NONE_VAL, out);
        if (ct->iternext) {
            IterResult r = ct->iternext(vm, coro, out);
            if (r == ITER_NEXT) return SEND_NEXT;
            if (r == ITER_DONE) {
                *out = NONE_VAL;
                return SEND_RETURN;
            }
        } else if (rt_call_method(vm, coro, NAME(vm, send), &(Value){NONE_VAL}, 1, out)) {
            return SEND_NEXT;
        }
    } else {
        if (ct->throw_) return ct->throw_(vm, coro, exc, out);
        Value m;
        if (rt_getattr(vm, coro, NAME(vm, throw), &m) && rt_call1(vm, m, exc, out)) return SEND_NEXT;
    }
    if (rt_exc_matches(vm, &StopIteration_type)) {
        Value e = rt_exc_take(vm);
        *out = AS_EXC(e)->value ? AS_EXC(e)->value : NONE_VAL;
        return SEND_RETURN;
    }
    return SEND_ERROR;
}

// The coroutine yielded [r]: wait for it, or schedule the next step.
static bool handle_yield(Vm *vm, ObjTask *t, Value r) {
    Value loop = t->fut.loop;
    if (IS_NONE(r)) return aio_call_soon(vm, loop, READY_STEP, OBJ_VAL(t), VAL_NULL, t->context);
    ObjType *rt = rt_type(r);
    if (rt == &aio_future_type || rt == &aio_task_type) {
        ObjFuture *f = AS_FUTURE(r);
        if (f->loop != loop)
            return step_soon_with_error(vm, t, "Task %R got Future %R attached to a different loop",
                                        OBJ_VAL(t), r);
        if (r == OBJ_VAL(t))
            return step_soon_with_error(vm, t, "Task cannot await on itself: %R", OBJ_VAL(t), VAL_NULL);
        if (!f->blocking)
            return step_soon_with_error(vm, t, "yield was used instead of yield from in task %R with %R",
                                        OBJ_VAL(t), r);
        f->blocking = false;
        TRY(aio_future_add_callback(vm, f, OBJ_VAL(t), t->context, true));
        t->fut_waiter = r;
        if (t->must_cancel) {
            bool done;
            TRY(aio_future_cancel(vm, f, t->fut.cancel_msg ? t->fut.cancel_msg : NONE_VAL, &done));
            if (done) t->must_cancel = false;
        }
        return true;
    }
    // A Future-compatible object of another kind.
    Value blocking;
    int found = rt_getattr_opt(vm, r, str_intern_cstr(vm, "_asyncio_future_blocking"), &blocking);
    if (found < 0) return false;
    if (found && !IS_NONE(blocking)) {
        int b = rt_is_true(vm, blocking);
        if (b < 0) return false;
        Value oloop;
        TRY(aio_future_loop_of(vm, r, &oloop));
        if (oloop != loop)
            return step_soon_with_error(vm, t, "Task %R got Future %R attached to a different loop",
                                        OBJ_VAL(t), r);
        if (!b)
            return step_soon_with_error(vm, t, "yield was used instead of yield from in task %R with %R",
                                        OBJ_VAL(t), r);
        TRY(rt_setattr(vm, r, str_intern_cstr(vm, "_asyncio_future_blocking"), FALSE_VAL));
        // result.add_done_callback(task.task_wakeup, context=task's context)
        Value wake, add, res;
        TRY(rt_getattr_cstr(vm, OBJ_VAL(t), "task_wakeup", &wake));
        size_t mark = gc_roots_mark(vm);
        gc_push_root(vm, wake);
        ObjStr *kn = str_intern_cstr(vm, "context");
        ObjTuple *kw = kn ? tuple_from(vm, &(Value){OBJ_VAL(kn)}, 1) : NULL;
        bool ok = kw != NULL;
        if (ok) {
            gc_push_root(vm, OBJ_VAL(kw));
            Value cargs[2] = {wake, t->context ? t->context : NONE_VAL};
            ok = rt_getattr_cstr(vm, r, "add_done_callback", &add) && rt_call(vm, add, cargs, 1, OBJ_VAL(kw), &res);
        }
        gc_roots_reset(vm, mark);
        TRY(ok);
        t->fut_waiter = r;
        if (t->must_cancel) {
            Value cancel, cr;
            TRY(rt_getattr_cstr(vm, r, "cancel", &cancel));
            TRY(rt_call1(vm, cancel, t->fut.cancel_msg ? t->fut.cancel_msg : NONE_VAL, &cr));
            int c = rt_is_true(vm, cr);
            if (c < 0) return false;
            if (c) t->must_cancel = false;
        }
        return true;
    }
    if (IS_TYPE_EXACT(r, generator_type))
        return step_soon_with_error(vm, t,
                                    "yield was used instead of yield from for generator in task %R with %R",
                                    OBJ_VAL(t), r);
    return step_soon_with_error(vm, t, "Task got bad yield: %R", r, VAL_NULL);
}

static bool step_impl(Vm *vm, ObjTask *t, Value exc) {
    if (t->fut.state != FUT_PENDING)
        return aio_raise_invalid_state(vm, "_step(): already done: %R %R", OBJ_VAL(t), exc ? exc : NONE_VAL);
    if (t->must_cancel) {
        if (!exc || !aio_is_cancelled_error(vm, exc)) TRY(aio_future_cancelled_error(vm, &t->fut, &exc));
        t->must_cancel = false;
    }
    gc_push_root(vm, exc);
    t->fut_waiter = VAL_NULL;
    Value r;
    SendResult sr = resume_coro(vm, t->coro, exc, &r);
    gc_pop_root(vm);
    if (sr == SEND_NEXT) {
        gc_push_root(vm, r);
        bool ok = handle_yield(vm, t, r);
        gc_pop_root(vm);
        return ok;
    }
    if (sr == SEND_RETURN) {
        if (t->must_cancel) {
            // Cancelled right before the coroutine returned.
            t->must_cancel = false;
            bool done;
            return aio_future_cancel(vm, &t->fut, t->fut.cancel_msg ? t->fut.cancel_msg : NONE_VAL, &done);
        }
        return aio_future_set_result(vm, &t->fut, r);
    }
    Value e = rt_exc_take(vm);
    gc_push_root(vm, e);
    bool ok;
    if (aio_is_cancelled_error(vm, e)) {
        t->fut.cancelled_exc = e;
        bool done;
        ok = aio_future_cancel(vm, &t->fut, NONE_VAL, &done);
    } else {
        ok = aio_future_set_exception(vm, &t->fut, e);
        if (ok && (IS_INSTANCE(e, KeyboardInterrupt_type) || IS_INSTANCE(e, SystemExit_type)))
            ok = rt_raise_value(vm, e);
    }
    gc_pop_root(vm);
    return ok;
}

bool aio_task_step(Vm *vm, ObjTask *t, Value exc) {
    Value loop = t->fut.loop;
    TRY(aio_enter_task(vm, loop, OBJ_VAL(t)));
    bool ok = step_impl(vm, t, exc);
    Value pending = ok ? VAL_NULL : rt_exc_take(vm);
    gc_push_root(vm, pending);
    bool left = aio_leave_task(vm, loop, OBJ_VAL(t));
    gc_pop_root(vm);
    if (!left) return false;
    if (pending) return rt_raise_value(vm, pending);
    return true;
}

bool aio_task_wakeup(Vm *vm, ObjTask *t, Value fut) {
    Value res;
    if (IS_TYPE_EXACT(fut, aio_future_type) || IS_TYPE_EXACT(fut, aio_task_type)) {
        int r = aio_future_get_result(vm, AS_FUTURE(fut), &res);
        if (r == 0) return aio_task_step(vm, t, VAL_NULL);
        if (r == 1) return aio_task_step(vm, t, res);
    } else {
        Value m;
        if (rt_getattr_cstr(vm, fut, "result", &m) && rt_call0(vm, m, &res)) return aio_task_step(vm, t, VAL_NULL);
    }
    Value e = rt_exc_take(vm);
    gc_push_root(vm, e);
    bool ok = aio_task_step(vm, t, e);
    gc_pop_root(vm);
    return ok;
}

// ---- the type ----

static bool is_coroutine(Vm *vm, Value coro, bool *out) {
    if (IS_TYPE_EXACT(coro, coroutine_type)) {
        *out = true;
        return true;
    }
    Value r;
    TRY(aio_call_helper(vm, "iscoroutine", &coro, 1, &r));
    int t = rt_is_true(vm, r);
    if (t < 0) return false;
    *out = t;
    return true;
}

// Task(coro, *, loop=None, name=None, context=None)
static bool task_init(Vm *vm, Value self, Value *args, size_t nargs, Value kw) {
    static const char *const names[] = {"coro", "loop", "name", "context"};
    Value a[4];
    TRY(rt_parse_args(vm, "Task", args, nargs, kw, names, 4, 1, 1, a));
    ObjTask *t = AS_TASK(self);
    TRY(aio_future_init_loop(vm, &t->fut, a[1]));
    bool coro_ok;
    TRY(is_coroutine(vm, a[0], &coro_ok));
    if (!coro_ok) {
        t->log_destroy_pending = false;
        return rt_raise(vm, &TypeError_type, "a coroutine was expected, got %R", a[0]);
    }
    Value ctx = a[3];
    if (!ctx || IS_NONE(ctx)) TRY(aio_callback_context(vm, VAL_NULL, &ctx));
    t->context = ctx;
    t->must_cancel = false;
    t->log_destroy_pending = true;
    t->num_cancels = 0;
    t->fut_waiter = VAL_NULL;
    t->coro = a[0];
    if (vm->hooks.adopt_coroutine) vm->hooks.adopt_coroutine(vm, a[0]);
    if (!a[2] || IS_NONE(a[2])) {
        AioState *st = aio_state(vm);
        TRY(st);
        t->name = INT_VAL(++st->task_counter);   // formatted when first read
    } else if (IS_STR(a[2])) {
        t->name = a[2];
    } else {
        TRY(rt_str(vm, a[2], &t->name));
    }
    TRY(aio_call_soon(vm, t->fut.loop, READY_STEP, self, VAL_NULL, t->context));
    return aio_register_task(vm, t);
}

static void task_trace(Vm *vm, Obj *o) {
    extern ObjType aio_future_type;
    aio_future_type.trace(vm, o);
    ObjTask *t = (ObjTask *)o;
    gc_mark_value(vm, t->coro);
    gc_mark_value(vm, t->name);
    gc_mark_value(vm, t->context);
    gc_mark_value(vm, t->fut_waiter);
}

// "Task was destroyed but it is pending!", then the Future's own report.
static void task_finalize(Vm *vm, Obj *o) {
    ObjTask *t = (ObjTask *)o;
    if (t->fut.loop && t->fut.state == FUT_PENDING && t->log_destroy_pending) {
        t->log_destroy_pending = false;
        aio_report(vm, t->fut.loop, "Task was destroyed but it is pending!", "task", OBJ_VAL(t), NULL, VAL_NULL);
    }
    aio_future_finalize(vm, o);
}

static bool task_repr(Vm *vm, Value self, Value *out) {
    return aio_call_helper(vm, "task_repr", &self, 1, out);
}

static bool task_name(Vm *vm, ObjTask *t, Value *out) {
    if (IS_INT(t->name)) {
        ObjStr *s = rt_format_cmsg(vm, "Task-%lld", (long long)AS_INT(t->name));
        TRY(s);
        t->name = OBJ_VAL(s);
    }
    *out = t->name;
    return true;
}

// ---- methods ----

#define SELF AS_TASK(args[0])

static bool m_cancel(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    static const char *const names[] = {"msg"};
    Value msg[1];
    TRY(rt_parse_args(vm, "cancel", args + 1, nargs - 1, kw, names, 1, 1, 0, msg));
    ObjTask *t = SELF;
    Value m = msg[0] ? msg[0] : NONE_VAL;
    aio_future_clear_log_tb(vm, &t->fut);
    if (t->fut.state != FUT_PENDING) {
        *out = FALSE_VAL;
        return true;
    }
    t->num_cancels++;
    if (t->fut_waiter) {
        Value r;
        if (IS_FUTURE(t->fut_waiter) && (rt_type(t->fut_waiter) == &aio_future_type ||
                                         rt_type(t->fut_waiter) == &aio_task_type)) {
            if (rt_type(t->fut_waiter) == &aio_task_type) {
                Value a[2] = {t->fut_waiter, m};
                TRY(m_cancel(vm, a, 2, VAL_NULL, &r));
            } else {
                bool done;
                TRY(aio_future_cancel(vm, AS_FUTURE(t->fut_waiter), m, &done));
                r = rt_bool(done);
            }
        } else {
            Value c;
            TRY(rt_getattr_cstr(vm, t->fut_waiter, "cancel", &c));
            TRY(rt_call1(vm, c, m, &r));
        }
        int is = rt_is_true(vm, r);
        if (is < 0) return false;
        if (is) {
            // Keep fut_waiter: it may be a task that ignores the cancellation.
            *out = TRUE_VAL;
            return true;
        }
    }
    t->must_cancel = true;
    t->fut.cancel_msg = m;
    *out = TRUE_VAL;
    return true;
}

static bool m_cancelling(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "cancelling", kw));
    TRY(rt_check_nargs(vm, "cancelling", nargs, 1, 1));
    *out = INT_VAL(SELF->num_cancels);
    return true;
}

static bool m_uncancel(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "uncancel", kw));
    TRY(rt_check_nargs(vm, "uncancel", nargs, 1, 1));
    if (SELF->num_cancels > 0) SELF->num_cancels--;
    *out = INT_VAL(SELF->num_cancels);
    return true;
}

static bool m_get_coro(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "get_coro", kw));
    TRY(rt_check_nargs(vm, "get_coro", nargs, 1, 1));
    *out = SELF->coro ? SELF->coro : NONE_VAL;
    return true;
}

static bool m_get_name(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "get_name", kw));
    TRY(rt_check_nargs(vm, "get_name", nargs, 1, 1));
    if (!SELF->name) {
        *out = NONE_VAL;
        return true;
    }
    return task_name(vm, SELF, out);
}

static bool m_set_name(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "set_name", kw));
    TRY(rt_check_nargs(vm, "set_name", nargs, 2, 2));
    Value s = args[1];
    if (!IS_TYPE_EXACT(s, str_type)) TRY(rt_str(vm, s, &s));
    SELF->name = s;
    *out = NONE_VAL;
    return true;
}

static bool m_set_result(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    (void)args, (void)nargs, (void)kw, (void)out;
    return rt_raise(vm, &RuntimeError_type, "Task does not support set_result operation");
}

static bool m_set_exception(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    (void)args, (void)nargs, (void)kw, (void)out;
    return rt_raise(vm, &RuntimeError_type, "Task does not support set_exception operation");
}

// The wake-up callback as CPython exposes it (cb=[Task.task_wakeup()]).
static bool m_task_wakeup(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "task_wakeup", kw));
    TRY(rt_check_nargs(vm, "task_wakeup", nargs, 2, 2));
    TRY(aio_task_wakeup(vm, SELF, args[1]));
    *out = NONE_VAL;
    return true;
}

static bool m_step(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "__step", kw));
    TRY(rt_check_nargs(vm, "__step", nargs, 1, 2));
    TRY(aio_task_step(vm, SELF, nargs > 1 && !IS_NONE(args[1]) ? args[1] : VAL_NULL));
    *out = NONE_VAL;
    return true;
}

static bool stack_helper(Vm *vm, const char *helper, const char *fname, Value *args, size_t nargs, Value kw,
                         const char *const *names, size_t nnames, Value *out) {
    Value a[3] = {args[0], VAL_NULL, VAL_NULL};
    TRY(rt_parse_args(vm, fname, args + 1, nargs - 1, kw, names, nnames, 0, 0, a + 1));
    for (size_t i = 1; i <= nnames; i++)
        if (!a[i]) a[i] = NONE_VAL;
    return aio_call_helper(vm, helper, a, nnames + 1, out);
}

static bool m_get_stack(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    static const char *const names[] = {"limit"};
    return stack_helper(vm, "task_get_stack", "get_stack", args, nargs, kw, names, 1, out);
}

static bool m_print_stack(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    static const char *const names[] = {"limit", "file"};
    return stack_helper(vm, "task_print_stack", "print_stack", args, nargs, kw, names, 2, out);
}

static const MethodDef task_methods[] = {
    {"cancel", m_cancel, 0},
    {"cancelling", m_cancelling, 0},
    {"uncancel", m_uncancel, 0},
    {"get_coro", m_get_coro, 0},
    {"get_name", m_get_name, 0},
    {"set_name", m_set_name, 0},
    {"set_result", m_set_result, 0},
    {"set_exception", m_set_exception, 0},
    {"get_stack", m_get_stack, 0},
    {"print_stack", m_print_stack, 0},
    {"task_wakeup", m_task_wakeup, 0},
    {"_Task__step", m_step, 0},
    {NULL, NULL, 0},
};

static Value or_none(Value v) { return v ? v : NONE_VAL; }
static bool g_coro(Vm *vm, Value self, Value *out) { (void)vm; *out = or_none(AS_TASK(self)->coro); return true; }
static bool g_fut_waiter(Vm *vm, Value self, Value *out) { (void)vm; *out = or_none(AS_TASK(self)->fut_waiter); return true; }
static bool g_must_cancel(Vm *vm, Value self, Value *out) { (void)vm; *out = rt_bool(AS_TASK(self)->must_cancel); return true; }
static bool g_context(Vm *vm, Value self, Value *out) { (void)vm; *out = or_none(AS_TASK(self)->context); return true; }
static bool g_num_cancels(Vm *vm, Value self, Value *out) { (void)vm; *out = INT_VAL(AS_TASK(self)->num_cancels); return true; }
static bool g_log_destroy(Vm *vm, Value self, Value *out) { (void)vm; *out = rt_bool(AS_TASK(self)->log_destroy_pending); return true; }
static bool s_log_destroy(Vm *vm, Value self, Value v) {
    if (!v) return rt_raise(vm, &AttributeError_type, "cannot delete attribute");
    int t = rt_is_true(vm, v);
    if (t < 0) return false;
    AS_TASK(self)->log_destroy_pending = t;
    return true;
}

static const GetSetDef task_getsets[] = {
    {"_coro", g_coro, NULL},
    {"_fut_waiter", g_fut_waiter, NULL},
    {"_must_cancel", g_must_cancel, NULL},
    {"_context", g_context, NULL},
    {"_num_cancels_requested", g_num_cancels, NULL},
    {"_log_destroy_pending", g_log_destroy, s_log_destroy},
    {NULL, NULL, NULL},
};

ObjType aio_task_type = {
    .hdr = OBJ_STATIC_HEADER(&type_type),
    .name = "Task",
    .module = "_asyncio",
    .basicsize = sizeof(ObjTask),
    .dictoffset = offsetof(ObjFuture, dict),
    .flags = TYPE_BASETYPE | TYPE_HAS_FINALIZER,
    .base = &aio_future_type,
    .methods = task_methods,
    .getsets = task_getsets,
    .trace = task_trace,
    .finalize = task_finalize,
    .init = task_init,
    .repr = task_repr,
};
