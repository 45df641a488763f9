// asyncio.Future (`_asyncio.Future`) and the iterator its __await__ returns
// (`_asyncio.FutureIter`), with CPython 3.11's C implementation's behaviour:
// its messages ("Result is not set.", "invalid state"), its attributes
// (_state, _result, _exception, _callbacks, _log_traceback, ...) and one
// detail of tracebacks: the first retrieval of a stored exception (result(),
// await) raises it with the traceback it had when it was set, and later
// ones with none, so tracebacks do not grow with every retrieval.
//
// Done callbacks are kept in an array in order; completion moves them all
// to the loop's ready queue (aio_call_soon), never calling them inline. The
// repr is Python (asyncio.base_futures._future_repr), as in CPython.
#include <string.h>

#include "runtime/asyncio/aio.h"
#include "runtime/dict.h"
#include "runtime/exc.h"
#include "runtime/gc.h"
#include "runtime/list.h"
#include "runtime/native.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"

static const char *const state_names[] = {"PENDING", "CANCELLED", "FINISHED"};

static bool check_init(Vm *vm, ObjFuture *f, ObjType *err) {
    if (f->loop) return true;
    if (err) return rt_raise(vm, err, "Future object is not initialized.");
    return aio_raise_invalid_state(vm, "Future object is not initialized.");
}

bool aio_callback_context(Vm *vm, Value given, Value *out);

// ---- callbacks ----

static bool push_callback(Vm *vm, ObjFuture *f, Value fn, Value ctx, bool wakeup) {
    if (f->ncbs == f->cbcap) {
        uint32_t cap = f->cbcap ? f->cbcap * 2 : 2;
        // Growing may collect: [ctx] can be a Context made just now for
        // this callback, held nowhere else yet.
        gc_push_root(vm, fn);
        gc_push_root(vm, ctx);
        FutCallback *n = rt_realloc(vm, f->cbs, f->cbcap * sizeof *n, cap * sizeof *n);
        gc_pop_roots(vm, 2);
        if (!n) return false;
        f->cbs = n;
        f->cbcap = cap;
    }
    f->cbs[f->ncbs++] = (FutCallback){fn, ctx, wakeup};
    return true;
}

// Moves every done callback to the loop's ready queue, in order.
static bool schedule_callbacks(Vm *vm, ObjFuture *f) {
    uint32_t n = f->ncbs;
    if (!n) return true;
    FutCallback *cbs = f->cbs;
    uint32_t cap = f->cbcap;
    f->cbs = NULL;
    f->ncbs = f->cbcap = 0;
    // The array is detached from the future: root what it holds.
    size_t mark = gc_roots_mark(vm);
    for (uint32_t i = 0; i < n; i++) {
        gc_push_root(vm, cbs[i].fn);
        gc_push_root(vm, cbs[i].ctx);
    }
    bool ok = true;
    for (uint32_t i = 0; i < n && ok; i++) {
        // add_done_callback(fn, context=None): the callback runs in a copy
        // of the context current when it is scheduled, as a Handle would.
        if (!cbs[i].wakeup && (!cbs[i].ctx || IS_NONE(cbs[i].ctx))) {
            ok = aio_callback_context(vm, VAL_NULL, &cbs[i].ctx);
            if (!ok) break;
            gc_push_root(vm, cbs[i].ctx);
        }
        if (cbs[i].wakeup)
            ok = aio_call_soon(vm, f->loop, READY_WAKEUP, cbs[i].fn, OBJ_VAL(f), cbs[i].ctx);
        else
            ok = aio_call_soon(vm, f->loop, READY_CALLBACK, cbs[i].fn, OBJ_VAL(f), cbs[i].ctx);
    }
    gc_roots_reset(vm, mark);
    rt_free(vm, cbs, cap * sizeof *cbs);
    return ok;
}

bool aio_future_add_callback(Vm *vm, ObjFuture *f, Value fn, Value ctx, bool wakeup) {
    if (f->state != FUT_PENDING)
        return aio_call_soon(vm, f->loop, wakeup ? READY_WAKEUP : READY_CALLBACK, fn, OBJ_VAL(f), ctx);
    return push_callback(vm, f, fn, ctx, wakeup);
}

// ---- completion ----

// Finalisation costs a collected future one more collection cycle (it is
// kept, and what it holds, until its finaliser ran), so a future only
// keeps its finaliser while it has something to report: an exception
// nobody retrieved, or (a task) that it was destroyed while pending.
static void update_finalizer(Vm *vm, ObjFuture *f) {
    bool needed = f->log_tb || (f->is_task && f->state == FUT_PENDING);
    if (needed) gc_finalizer_rearm(vm, &f->hdr);
    else gc_finalizer_done(vm, &f->hdr);
}

void aio_future_clear_log_tb(Vm *vm, ObjFuture *f) {
    if (!f->log_tb) return;
    f->log_tb = false;
    if (vm->aio && vm->aio->unretrieved) vm->aio->unretrieved--;
    update_finalizer(vm, f);
}

// The future became done: a finished task may drop the last reference to a
// failed future (see aio_gc_after_iteration).
static void note_done(Vm *vm, ObjFuture *f) {
    if (f->is_task && vm->aio) vm->aio->task_done_this_iter = true;
    update_finalizer(vm, f);
}

bool aio_future_set_result(Vm *vm, ObjFuture *f, Value result) {
    TRY(check_init(vm, f, NULL));
    if (f->state != FUT_PENDING) return aio_raise_invalid_state(vm, "invalid state");
    f->result = result;
    f->state = FUT_FINISHED;
    note_done(vm, f);
    return schedule_callbacks(vm, f);
}

bool aio_future_set_exception(Vm *vm, ObjFuture *f, Value exc) {
    TRY(check_init(vm, f, NULL));
    if (f->state != FUT_PENDING) return aio_raise_invalid_state(vm, "invalid state");
    Value e = exc;
    if (IS_TYPE(exc) && (AS_TYPE(exc)->flags & TYPE_EXC)) {
        TRY(rt_call0(vm, exc, &e));
        if (!IS_EXC(e))
            return rt_raise(vm, &TypeError_type, "invalid exception object");
    } else if (!IS_EXC(exc)) {
        return rt_raise(vm, &TypeError_type, "invalid exception object");
    }
    if (rt_type(e) == &StopIteration_type)
        return rt_raise(vm, &TypeError_type,
                        "StopIteration interacts badly with generators and cannot be raised into a Future");
    f->result = e;
    f->has_exc = true;
    f->exc_tb = AS_EXC(e)->traceback;
    f->state = FUT_FINISHED;
    f->log_tb = true;
    AioState *st = aio_state(vm);
    if (st) {
        st->unretrieved++;
        st->failed_this_iter = true;
    } else {
        rt_exc_clear(vm);
    }
    note_done(vm, f);
    return schedule_callbacks(vm, f);
}

bool aio_future_cancel(Vm *vm, ObjFuture *f, Value msg, bool *cancelled) {
    aio_future_clear_log_tb(vm, f);
    *cancelled = false;
    if (f->state != FUT_PENDING) return true;
    f->state = FUT_CANCELLED;
    f->cancel_msg = msg;
    *cancelled = true;
    note_done(vm, f);
    return schedule_callbacks(vm, f);
}

bool aio_future_cancelled_error(Vm *vm, ObjFuture *f, Value *out) {
    if (f->cancelled_exc) {
        *out = f->cancelled_exc;
        f->cancelled_exc = VAL_NULL;
        return true;
    }
    return aio_new_cancelled_error(vm, f->cancel_msg, out);
}

int aio_future_get_result(Vm *vm, ObjFuture *f, Value *out) {
    if (f->state == FUT_CANCELLED) {
        Value e;
        if (aio_future_cancelled_error(vm, f, &e)) rt_raise_value(vm, e);
        return -1;
    }
    if (f->state != FUT_FINISHED) {
        aio_raise_invalid_state(vm, "Result is not set.");
        return -1;
    }
    aio_future_clear_log_tb(vm, f);
    if (f->has_exc) {
        AS_EXC(f->result)->traceback = f->exc_tb;
        f->exc_tb = VAL_NULL;
        *out = f->result;
        return 1;
    }
    *out = f->result;
    return 0;
}

bool aio_future_loop_of(Vm *vm, Value fut, Value *out) {
    if (IS_FUTURE(fut)) {
        ObjFuture *f = AS_FUTURE(fut);
        TRY(check_init(vm, f, &RuntimeError_type));
        *out = f->loop;
        return true;
    }
    Value m;
    int r = rt_getattr_opt(vm, fut, str_intern_cstr(vm, "get_loop"), &m);
    if (r < 0) return false;
    if (r) return rt_call0(vm, m, out);
    return rt_getattr_cstr(vm, fut, "_loop", out);
}

// ---- the type ----

void aio_future_finalize(Vm *vm, Obj *o);

static bool fut_new(Vm *vm, ObjType *t, Value *args, size_t nargs, Value kw, Value *out) {
    (void)args, (void)nargs, (void)kw;
    Obj *o = gc_alloc(vm, t, t->basicsize);
    TRY(o);
    if (t == &aio_task_type || type_is_subtype(t, &aio_task_type)) ((ObjFuture *)o)->is_task = true;
    // A subclass with __del__ keeps its finaliser; otherwise see update_finalizer.
    if (t->finalize == aio_future_finalize || t->finalize == aio_task_type.finalize)
        update_finalizer(vm, (ObjFuture *)o);
    *out = OBJ_VAL(o);
    return true;
}

// Future.__init__(*, loop=None): the loop defaults to get_event_loop().
bool aio_future_init_loop(Vm *vm, ObjFuture *f, Value loop) {
    if (!loop || IS_NONE(loop)) TRY(aio_call_helper(vm, "get_event_loop", NULL, 0, &loop));
    f->loop = loop;
    f->state = FUT_PENDING;
    f->ncbs = 0;
    f->result = f->exc_tb = f->cancel_msg = f->cancelled_exc = VAL_NULL;
    f->has_exc = f->log_tb = f->blocking = false;
    return true;
}

static bool fut_init(Vm *vm, Value self, Value *args, size_t nargs, Value kw) {
    static const char *const names[] = {"loop"};
    Value loop[1];
    TRY(rt_parse_args(vm, "Future", args, nargs, kw, names, 1, 0, 0, loop));
    return aio_future_init_loop(vm, AS_FUTURE(self), loop[0]);
}

static void fut_trace(Vm *vm, Obj *o) {
    ObjFuture *f = (ObjFuture *)o;
    gc_mark_value(vm, f->dict);
    gc_mark_value(vm, f->loop);
    gc_mark_value(vm, f->result);
    gc_mark_value(vm, f->exc_tb);
    gc_mark_value(vm, f->cancel_msg);
    gc_mark_value(vm, f->cancelled_exc);
    for (uint32_t i = 0; i < f->ncbs; i++) {
        gc_mark_value(vm, f->cbs[i].fn);
        gc_mark_value(vm, f->cbs[i].ctx);
    }
}

static void fut_free(Vm *vm, Obj *o) {
    ObjFuture *f = (ObjFuture *)o;
    rt_free(vm, f->cbs, f->cbcap * sizeof *f->cbs);
    f->cbs = NULL;
}

// "Future exception was never retrieved", when a future dies holding an
// exception nobody looked at (CPython reports it from the destructor).
void aio_future_finalize(Vm *vm, Obj *o) {
    ObjFuture *f = (ObjFuture *)o;
    if (!f->log_tb || !f->loop) return;
    aio_future_clear_log_tb(vm, f);
    ObjStr *msg = rt_format_cmsg(vm, "%s exception was never retrieved", type_name(o->type));
    if (!msg) return;
    gc_push_root(vm, OBJ_VAL(msg));
    aio_report(vm, f->loop, msg->data, "exception", f->result, "future", OBJ_VAL(f));
    gc_pop_root(vm);
}

static bool fut_repr(Vm *vm, Value self, Value *out) {
    return aio_call_helper(vm, "future_repr", &self, 1, out);
}

// ---- methods ----

#define SELF AS_FUTURE(args[0])

static bool m_result(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "result", kw));
    TRY(rt_check_nargs(vm, "result", nargs, 1, 1));
    TRY(check_init(vm, SELF, NULL));
    int r = aio_future_get_result(vm, SELF, out);
    if (r < 0) return false;
    if (r == 1) return rt_raise_value(vm, *out);
    return true;
}

static bool m_exception(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "exception", kw));
    TRY(rt_check_nargs(vm, "exception", nargs, 1, 1));
    ObjFuture *f = SELF;
    TRY(check_init(vm, f, NULL));
    if (f->state == FUT_CANCELLED) {
        Value e;
        TRY(aio_future_cancelled_error(vm, f, &e));
        return rt_raise_value(vm, e);
    }
    if (f->state != FUT_FINISHED) return aio_raise_invalid_state(vm, "Exception is not set.");
    aio_future_clear_log_tb(vm, f);
    *out = f->has_exc ? f->result : NONE_VAL;
    return true;
}

static bool m_set_result(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "set_result", kw));
    TRY(rt_check_nargs(vm, "set_result", nargs, 2, 2));
    TRY(aio_future_set_result(vm, SELF, args[1]));
    *out = NONE_VAL;
    return true;
}

static bool m_set_exception(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "set_exception", kw));
    TRY(rt_check_nargs(vm, "set_exception", nargs, 2, 2));
    TRY(aio_future_set_exception(vm, SELF, args[1]));
    *out = NONE_VAL;
    return true;
}

// The context a callback runs in: the caller's copy unless one was given.
bool aio_callback_context(Vm *vm, Value given, Value *out);

static bool m_add_done_callback(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    static const char *const names[] = {"fn", "context"};
    Value a[2];
    TRY(rt_parse_args(vm, "add_done_callback", args + 1, nargs - 1, kw, names, 2, 1, 1, a));
    ObjFuture *f = SELF;
    TRY(check_init(vm, f, NULL));
    Value ctx = a[1];
    if (!ctx) TRY(aio_callback_context(vm, VAL_NULL, &ctx));
    TRY(aio_future_add_callback(vm, f, a[0], ctx, false));
    *out = NONE_VAL;
    return true;
}

static bool m_remove_done_callback(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "remove_done_callback", kw));
    TRY(rt_check_nargs(vm, "remove_done_callback", nargs, 2, 2));
    ObjFuture *f = SELF;
    TRY(check_init(vm, f, NULL));
    uint32_t kept = 0, removed = 0;
    for (uint32_t i = 0; i < f->ncbs; i++) {
        FutCallback cb = f->cbs[i];
        int eq = cb.wakeup ? 0 : rt_eq(vm, cb.fn, args[1]);
        if (eq < 0) return false;
        // The comparison may have run Python code that changed the list.
        if (i >= f->ncbs) break;
        if (eq) removed++;
        else f->cbs[kept++] = cb;
    }
    f->ncbs = kept;
    *out = INT_VAL(removed);
    return true;
}

static bool m_cancel(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    static const char *const names[] = {"msg"};
    Value msg[1];
    TRY(rt_parse_args(vm, "cancel", args + 1, nargs - 1, kw, names, 1, 1, 0, msg));
    ObjFuture *f = SELF;
    TRY(check_init(vm, f, NULL));
    bool done;
    TRY(aio_future_cancel(vm, f, msg[0] ? msg[0] : NONE_VAL, &done));
    *out = rt_bool(done);
    return true;
}

static bool m_cancelled(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "cancelled", kw));
    TRY(rt_check_nargs(vm, "cancelled", nargs, 1, 1));
    *out = rt_bool(SELF->state == FUT_CANCELLED);
    return true;
}

static bool m_done(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "done", kw));
    TRY(rt_check_nargs(vm, "done", nargs, 1, 1));
    *out = rt_bool(SELF->loop && SELF->state != FUT_PENDING);
    return true;
}

static bool m_get_loop(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "get_loop", kw));
    TRY(rt_check_nargs(vm, "get_loop", nargs, 1, 1));
    TRY(check_init(vm, SELF, &RuntimeError_type));
    *out = SELF->loop;
    return true;
}

static bool m_make_cancelled_error(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "_make_cancelled_error", kw));
    TRY(rt_check_nargs(vm, "_make_cancelled_error", nargs, 1, 1));
    return aio_future_cancelled_error(vm, SELF, out);
}

typedef struct FutureIter {
    Obj hdr;
    Value future;   // VAL_NULL once it returned
} FutureIter;

static bool m_await(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "__await__", kw));
    TRY(rt_check_nargs(vm, "__await__", nargs, 1, 1));
    FutureIter *it = (FutureIter *)gc_alloc(vm, &aio_future_iter_type, sizeof(FutureIter));
    TRY(it);
    it->future = args[0];
    *out = OBJ_VAL(it);
    return true;
}

static bool s0_await(Vm *vm, Value self, Value *out);

static bool fut_iter(Vm *vm, Value self, Value *out) {
    Value a[1] = {self};
    return m_await(vm, a, 1, VAL_NULL, out);
}

static bool m_class_getitem(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    (void)vm, (void)nargs, (void)kw;
    *out = args[0];   // the class itself: aiopy has no types.GenericAlias yet
    return true;
}

static const MethodDef fut_methods[] = {
    {"result", m_result, 0},
    {"exception", m_exception, 0},
    {"set_result", m_set_result, 0},
    {"set_exception", m_set_exception, 0},
    {"add_done_callback", m_add_done_callback, 0},
    {"remove_done_callback", m_remove_done_callback, 0},
    {"cancel", m_cancel, 0},
    {"cancelled", m_cancelled, 0},
    {"done", m_done, 0},
    {"get_loop", m_get_loop, 0},
    {"_make_cancelled_error", m_make_cancelled_error, 0},
    {"__await__", m_await, 0},
    {"__iter__", m_await, 0},
    {"__class_getitem__", m_class_getitem, METH_CLASS},
    {NULL, NULL, 0},
};

// ---- attributes ----

static Value or_none(Value v) { return v ? v : NONE_VAL; }

static bool g_state(Vm *vm, Value self, Value *out) {
    ObjStr *s = str_intern_cstr(vm, state_names[AS_FUTURE(self)->state]);
    TRY(s);
    *out = OBJ_VAL(s);
    return true;
}
static bool g_result(Vm *vm, Value self, Value *out) {
    (void)vm;
    ObjFuture *f = AS_FUTURE(self);
    *out = f->has_exc ? NONE_VAL : or_none(f->result);
    return true;
}
static bool g_exception(Vm *vm, Value self, Value *out) {
    (void)vm;
    ObjFuture *f = AS_FUTURE(self);
    *out = f->has_exc ? f->result : NONE_VAL;
    return true;
}
static bool g_loop(Vm *vm, Value self, Value *out) { (void)vm; *out = or_none(AS_FUTURE(self)->loop); return true; }
static bool g_callbacks(Vm *vm, Value self, Value *out) {
    ObjFuture *f = AS_FUTURE(self);
    if (!f->ncbs) {
        *out = NONE_VAL;
        return true;
    }
    ObjList *l = list_new(vm, f->ncbs);
    TRY(l);
    gc_push_root(vm, OBJ_VAL(l));
    for (uint32_t i = 0; i < f->ncbs; i++) {
        Value fn = f->cbs[i].fn;
        if (f->cbs[i].wakeup) {
            // A task's wake-up shows as the bound method CPython stores.
            Value m;
            if (!rt_getattr_cstr(vm, fn, "task_wakeup", &m)) return gc_pop_root(vm), false;
            fn = m;
        }
        gc_push_root(vm, fn);
        ObjTuple *t = tuple_pack2(vm, fn, or_none(f->cbs[i].ctx));
        gc_pop_root(vm);
        if (!t || !list_append(vm, l, OBJ_VAL(t))) return gc_pop_root(vm), false;
    }
    gc_pop_root(vm);
    *out = OBJ_VAL(l);
    return true;
}
static bool g_log_tb(Vm *vm, Value self, Value *out) { (void)vm; *out = rt_bool(AS_FUTURE(self)->log_tb); return true; }
static bool s_log_tb(Vm *vm, Value self, Value v) {
    if (!v) return rt_raise(vm, &AttributeError_type, "cannot delete attribute");
    int t = rt_is_true(vm, v);
    if (t < 0) return false;
    if (t) return rt_raise(vm, &ValueError_type, "_log_traceback can only be set to False");
    aio_future_clear_log_tb(vm, AS_FUTURE(self));
    return true;
}
static bool g_source_tb(Vm *vm, Value self, Value *out) { (void)vm, (void)self; *out = NONE_VAL; return true; }
static bool g_cancel_msg(Vm *vm, Value self, Value *out) { (void)vm; *out = or_none(AS_FUTURE(self)->cancel_msg); return true; }
static bool s_cancel_msg(Vm *vm, Value self, Value v) {
    if (!v) return rt_raise(vm, &AttributeError_type, "cannot delete attribute");
    AS_FUTURE(self)->cancel_msg = v;
    return true;
}
static bool g_blocking(Vm *vm, Value self, Value *out) { (void)vm; *out = rt_bool(AS_FUTURE(self)->blocking); return true; }
static bool s_blocking(Vm *vm, Value self, Value v) {
    if (!v) return rt_raise(vm, &AttributeError_type, "cannot delete attribute");
    int t = rt_is_true(vm, v);
    if (t < 0) return false;
    AS_FUTURE(self)->blocking = t;
    return true;
}

static const GetSetDef fut_getsets[] = {
    {"_state", g_state, NULL},
    {"_result", g_result, NULL},
    {"_exception", g_exception, NULL},
    {"_loop", g_loop, NULL},
    {"_callbacks", g_callbacks, NULL},
    {"_log_traceback", g_log_tb, s_log_tb},
    {"_source_traceback", g_source_tb, NULL},
    {"_cancel_message", g_cancel_msg, s_cancel_msg},
    {"_asyncio_future_blocking", g_blocking, s_blocking},
    {NULL, NULL, NULL},
};

ObjType aio_future_type = {
    .hdr = OBJ_STATIC_HEADER(&type_type),
    .name = "Future",
    .module = "_asyncio",
    .basicsize = sizeof(ObjFuture),
    .dictoffset = offsetof(ObjFuture, dict),
    .flags = TYPE_BASETYPE | TYPE_HAS_FINALIZER,
    .base = &object_type,
    .methods = fut_methods,
    .getsets = fut_getsets,
    .trace = fut_trace,
    .free = fut_free,
    .finalize = aio_future_finalize,
    .new_ = fut_new,
    .init = fut_init,
    .repr = fut_repr,
    .iter = fut_iter,
    .await_ = fut_iter,
};

// __await__ of awaitables that are their own iterator.
static bool vm_m_self_alias(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "__await__", kw));
    TRY(rt_check_nargs(vm, "__await__", nargs, 1, 1));
    *out = args[0];
    return true;
}

// ---- FutureIter: what `await fut` drives ----

static void it_trace(Vm *vm, Obj *o) { gc_mark_value(vm, ((FutureIter *)o)->future); }

static SendResult it_send(Vm *vm, Value self, Value in, Value *out) {
    (void)in;   // CPython ignores the value sent, too
    FutureIter *it = (FutureIter *)AS_OBJ(self);
    if (!it->future) {
        rt_raise_empty(vm, &StopIteration_type);
        return SEND_ERROR;
    }
    ObjFuture *f = AS_FUTURE(it->future);
    if (f->state == FUT_PENDING) {
        if (!f->blocking) {
            f->blocking = true;
            *out = it->future;
            return SEND_NEXT;
        }
        rt_raise(vm, &RuntimeError_type, "await wasn't used with future");
        return SEND_ERROR;
    }
    it->future = VAL_NULL;
    int r = aio_future_get_result(vm, f, out);
    if (r < 0) return SEND_ERROR;
    if (r == 1) {
        rt_raise_value(vm, *out);
        return SEND_ERROR;
    }
    return SEND_RETURN;
}

static SendResult it_throw(Vm *vm, Value self, Value exc, Value *out) {
    (void)out;
    ((FutureIter *)AS_OBJ(self))->future = VAL_NULL;
    rt_raise_value(vm, exc);
    return SEND_ERROR;
}

static IterResult it_next(Vm *vm, Value self, Value *out) {
    SendResult r = it_send(vm, self, NONE_VAL, out);
    if (r == SEND_NEXT) return ITER_NEXT;
    if (r == SEND_ERROR) return ITER_ERROR;
    // Finishing with a value: StopIteration(value), as a generator would.
    Value e, a = *out;
    ObjTuple *t = tuple_from(vm, &a, 1);
    if (t && exc_new(vm, &StopIteration_type, OBJ_VAL(t), &e)) {
        AS_EXC(e)->value = a;
        rt_raise_value(vm, e);
    }
    return ITER_ERROR;
}

static bool it_iter(Vm *vm, Value self, Value *out) {
    (void)vm;
    *out = self;
    return true;
}

static bool it_m_send(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "send", kw));
    TRY(rt_check_nargs(vm, "send", nargs, 2, 2));
    if (it_next(vm, args[0], out) == ITER_NEXT) return true;
    return false;
}

static bool it_m_throw(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "throw", kw));
    TRY(rt_check_nargs(vm, "throw", nargs, 2, 4));
    Value exc = args[1];
    if (nargs >= 3 && !IS_NONE(args[2])) {
        if (IS_EXC(args[2])) exc = args[2];
        else if (!IS_TYPE(exc)) return rt_raise(vm, &TypeError_type, "instance exception may not have a separate value");
        else TRY(rt_call1(vm, exc, args[2], &exc));
    }
    if (!IS_EXC(exc) && !(IS_TYPE(exc) && (AS_TYPE(exc)->flags & TYPE_EXC)))
        return rt_raise(vm, &TypeError_type,
                        "exceptions must be classes or instances deriving from BaseException, not %s",
                        type_name(rt_type(exc)));
    it_throw(vm, args[0], exc, out);
    return false;
}

static bool it_m_close(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "close", kw));
    TRY(rt_check_nargs(vm, "close", nargs, 1, 1));
    ((FutureIter *)AS_OBJ(args[0]))->future = VAL_NULL;
    *out = NONE_VAL;
    return true;
}

static const MethodDef it_methods[] = {
    {"send", it_m_send, 0},
    {"throw", it_m_throw, 0},
    {"close", it_m_close, 0},
    {NULL, NULL, 0},
};

ObjType aio_future_iter_type = {
    .hdr = OBJ_STATIC_HEADER(&type_type),
    .name = "FutureIter",
    .module = "_asyncio",
    .basicsize = sizeof(FutureIter),
    .base = &object_type,
    .methods = it_methods,
    .trace = it_trace,
    .iter = it_iter,
    .iternext = it_next,
    .send = it_send,
    .throw_ = it_throw,
};

// ---- the awaitable of sleep(0) ----
//
// `await _asyncio._sleep0()` yields None to the task once (it steps again in
// the next loop iteration) and returns None: what CPython's
// @types.coroutine __sleep0 generator does, in 24 bytes instead of a
// generator and its frame, since every sleep(0) makes one.

typedef struct Sleep0 {
    Obj hdr;
    bool yielded;
} Sleep0;

static SendResult s0_send(Vm *vm, Value self, Value in, Value *out) {
    (void)vm, (void)in;
    Sleep0 *s = (Sleep0 *)AS_OBJ(self);
    *out = NONE_VAL;
    if (s->yielded) return SEND_RETURN;
    s->yielded = true;
    return SEND_NEXT;
}

static SendResult s0_throw(Vm *vm, Value self, Value exc, Value *out) {
    (void)out;
    ((Sleep0 *)AS_OBJ(self))->yielded = true;
    if (IS_EXC(exc) && IS_INSTANCE(exc, StopIteration_type)) {
        // PEP 479, as in CPython's generator: a StopIteration thrown in
        // escapes as RuntimeError, caused by it.
        gc_push_root(vm, exc);
        rt_raise(vm, &RuntimeError_type, "generator raised StopIteration");
        gc_pop_root(vm);
        if (vm->exc && IS_EXC(vm->exc)) {
            AS_EXC(vm->exc)->cause = exc;
            AS_EXC(vm->exc)->context = exc;
            AS_EXC(vm->exc)->suppress_context = true;
        }
        return SEND_ERROR;
    }
    rt_raise_value(vm, exc);
    return SEND_ERROR;
}

static bool s0_await(Vm *vm, Value self, Value *out) {
    (void)vm;
    *out = self;
    return true;
}

static IterResult s0_next(Vm *vm, Value self, Value *out) {
    return s0_send(vm, self, NONE_VAL, out) == SEND_NEXT ? ITER_NEXT : ITER_DONE;
}

// throw() as a generator's: what CPython's __sleep0 generator is thrown
// into from an await chain (a StopIteration becomes RuntimeError).
static bool s0_m_throw(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "throw", kw));
    TRY(rt_check_nargs(vm, "throw", nargs, 2, 4));
    Value exc = args[1];
    if (nargs >= 3 && !IS_NONE(args[2])) {
        if (IS_EXC(args[2])) exc = args[2];
        else if (!IS_TYPE(exc)) return rt_raise(vm, &TypeError_type, "instance exception may not have a separate value");
        else TRY(rt_call1(vm, exc, args[2], &exc));
    }
    if (IS_TYPE(exc) && (AS_TYPE(exc)->flags & TYPE_EXC)) TRY(rt_call0(vm, exc, &exc));
    if (!IS_EXC(exc))
        return rt_raise(vm, &TypeError_type,
                        "exceptions must be classes or instances deriving from BaseException, not %s",
                        type_name(rt_type(exc)));
    s0_throw(vm, args[0], exc, out);
    return false;
}

static const MethodDef s0_methods[] = {
    {"__await__", vm_m_self_alias, 0},
    {"throw", s0_m_throw, 0},
    {NULL, NULL, 0},
};

ObjType aio_sleep0_type = {
    .hdr = OBJ_STATIC_HEADER(&type_type),
    .name = "_Sleep0",
    .module = "_asyncio",
    .basicsize = sizeof(Sleep0),
    .base = &object_type,
    .methods = s0_methods,
    .iter = it_iter,
    .iternext = s0_next,
    .send = s0_send,
    .throw_ = s0_throw,
    .await_ = s0_await,
};

bool aio_f_sleep0(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    (void)args;
    TRY(rt_no_kwargs(vm, "_sleep0", kw));
    TRY(rt_check_nargs(vm, "_sleep0", nargs, 0, 0));
    Obj *o = gc_alloc(vm, &aio_sleep0_type, sizeof(Sleep0));
    TRY(o);
    *out = OBJ_VAL(o);
    return true;
}
