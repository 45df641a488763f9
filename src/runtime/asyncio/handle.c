// asyncio.Handle and asyncio.TimerHandle: a callback with its arguments and
// contextvars Context, as call_soon/call_later/call_at return them. Running
// one calls the callback in its context; an exception other than
// KeyboardInterrupt/SystemExit goes to the loop's exception handler as
// "Exception in callback ...". TimerHandles order by deadline; the loop's
// heap breaks ties by creation order (aio.h). Reprs are Python
// (asyncio.events._handle_repr), as CPython's are.
#include <math.h>
#include <string.h>

#include "runtime/asyncio/aio.h"
#include "runtime/exc.h"
#include "runtime/float.h"
#include "runtime/frame.h"
#include "runtime/gc.h"
#include "runtime/native.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"

bool aio_callback_context(Vm *vm, Value given, Value *out);
bool aio_context_enter(Vm *vm, Value ctx, Value *saved);
void aio_context_exit(Vm *vm, Value ctx, Value saved);

ObjHandle *aio_handle_new(Vm *vm, ObjType *t, Value callback, Value args, Value loop, Value ctx) {
    size_t mark = gc_roots_mark(vm);
    gc_push_root(vm, callback);
    gc_push_root(vm, args);
    gc_push_root(vm, loop);
    if (!ctx || IS_NONE(ctx)) {
        if (!aio_callback_context(vm, VAL_NULL, &ctx)) return gc_roots_reset(vm, mark), NULL;
    }
    gc_push_root(vm, ctx);
    ObjHandle *h = (ObjHandle *)gc_alloc(vm, t, t->basicsize);
    gc_roots_reset(vm, mark);
    if (!h) return NULL;
    h->callback = callback;
    h->args = args;
    h->loop = loop;
    h->context = ctx;
    return h;
}

// Calls fn(*args) inside [ctx] (VAL_NULL: the current context).
bool aio_call_in_context(Vm *vm, Value ctx, Value fn, Value *args, size_t nargs, Value *out) {
    Value saved;
    TRY(aio_context_enter(vm, ctx, &saved));
    bool ok = rt_call(vm, fn, args, nargs, VAL_NULL, out);
    aio_context_exit(vm, ctx, saved);
    return ok;
}

// An exception escaped a callback: KeyboardInterrupt and SystemExit leave
// the loop (false, still raised); anything else goes to the loop's exception
// handler through asyncio.events._handle_error(handle, exc).
bool aio_callback_failed(Vm *vm, Value handle) {
    if (rt_exc_matches(vm, &KeyboardInterrupt_type) || rt_exc_matches(vm, &SystemExit_type)) return false;
    Value exc = rt_exc_take(vm), r;
    gc_push_root(vm, exc);
    Value a[2] = {handle, exc};
    // The handler runs as if in CPython's `except BaseException` block:
    // with [exc] being handled, so that what it raises chains to it.
    ThreadState *ts = VM_TS(vm);
    Value handled = ts ? ts->exc_info : VAL_NULL;
    if (ts) ts->exc_info = exc;
    bool ok = aio_call_helper(vm, "handle_error", a, 2, &r);
    if (ts) ts->exc_info = handled;
    gc_pop_root(vm);
    if (ok) return true;
    if (rt_exc_matches(vm, &KeyboardInterrupt_type) || rt_exc_matches(vm, &SystemExit_type)) return false;
    rt_exc_clear(vm);   // the handler protects itself; nothing sensible is left to do
    return true;
}

bool aio_handle_run(Vm *vm, ObjHandle *h) {
    Value r;
    Value cb = h->callback;
    if (!cb) return true;
    ObjTuple *args = AS_TUPLE(h->args);
    if (aio_call_in_context(vm, h->context, cb, args->items, args->len, &r)) return true;
    return aio_callback_failed(vm, OBJ_VAL(h));
}

// ---- construction ----

static bool handle_new(Vm *vm, ObjType *t, Value *args, size_t nargs, Value kw, Value *out) {
    bool timer = t == &aio_timer_handle_type || type_is_subtype(t, &aio_timer_handle_type);
    static const char *const names[] = {"when", "callback", "args", "loop", "context"};
    Value a[5] = {0};
    const char *const *n = timer ? names : names + 1;
    size_t nn = timer ? 5 : 4;
    TRY(rt_parse_args(vm, timer ? "TimerHandle" : "Handle", args, nargs, kw, n, nn, nn, nn - 1,
                      timer ? a : a + 1));
    double when = 0;
    if (timer) TRY(rt_as_double(vm, a[0], &when));
    Value targs = a[2];
    if (IS_NONE(targs)) targs = vm->empty_tuple;
    else if (!IS_TUPLE(targs)) TRY(tuple_from_iterable(vm, targs, &targs));
    gc_push_root(vm, targs);
    ObjHandle *h = aio_handle_new(vm, t, a[1], targs, a[3], a[4]);
    gc_pop_root(vm);
    TRY(h);
    h->when = when;
    *out = OBJ_VAL(h);
    return true;
}

static void handle_trace(Vm *vm, Obj *o) {
    ObjHandle *h = (ObjHandle *)o;
    gc_mark_value(vm, h->callback);
    gc_mark_value(vm, h->args);
    gc_mark_value(vm, h->loop);
    gc_mark_value(vm, h->context);
    gc_mark_value(vm, h->repr);
}

static bool handle_repr(Vm *vm, Value self, Value *out) {
    if (AS_HANDLE(self)->repr) {
        *out = AS_HANDLE(self)->repr;
        return true;
    }
    return aio_call_helper(vm, "handle_repr", &self, 1, out);
}

// ---- methods ----

#define SELF AS_HANDLE(args[0])

static bool m_cancel(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "cancel", kw));
    TRY(rt_check_nargs(vm, "cancel", nargs, 1, 1));
    ObjHandle *h = SELF;
    if (!h->cancelled) {
        if (h->hdr.type == &aio_timer_handle_type || type_is_subtype(h->hdr.type, &aio_timer_handle_type)) {
            if (IS_LOOP(h->loop)) {
                aio_loop_timer_cancelled(AS_LOOP(h->loop), h);
            } else {
                Value m, r;
                TRY(rt_getattr_cstr(vm, h->loop, "_timer_handle_cancelled", &m));
                TRY(rt_call1(vm, m, args[0], &r));
            }
        }
        h->cancelled = true;
        h->callback = VAL_NULL;
        h->args = VAL_NULL;
    }
    *out = NONE_VAL;
    return true;
}

static bool m_cancelled(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "cancelled", kw));
    TRY(rt_check_nargs(vm, "cancelled", nargs, 1, 1));
    *out = rt_bool(SELF->cancelled);
    return true;
}

static bool m_run(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "_run", kw));
    TRY(rt_check_nargs(vm, "_run", nargs, 1, 1));
    TRY(aio_handle_run(vm, SELF));
    *out = NONE_VAL;
    return true;
}

static bool m_when(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "when", kw));
    TRY(rt_check_nargs(vm, "when", nargs, 1, 1));
    return float_new(vm, SELF->when, out);
}

static bool m_get_context(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "get_context", kw));
    TRY(rt_check_nargs(vm, "get_context", nargs, 1, 1));
    *out = SELF->context ? SELF->context : NONE_VAL;
    return true;
}

static const MethodDef handle_methods[] = {
    {"cancel", m_cancel, 0},
    {"cancelled", m_cancelled, 0},
    {"_run", m_run, 0},
    {"get_context", m_get_context, 0},
    {NULL, NULL, 0},
};

static const MethodDef timer_methods[] = {
    {"when", m_when, 0},
    {NULL, NULL, 0},
};

static Value or_none(Value v) { return v ? v : NONE_VAL; }
static bool g_callback(Vm *vm, Value self, Value *out) { (void)vm; *out = or_none(AS_HANDLE(self)->callback); return true; }
static bool g_args(Vm *vm, Value self, Value *out) { (void)vm; *out = or_none(AS_HANDLE(self)->args); return true; }
static bool g_cancelled(Vm *vm, Value self, Value *out) { (void)vm; *out = rt_bool(AS_HANDLE(self)->cancelled); return true; }
static bool g_loop(Vm *vm, Value self, Value *out) { (void)vm; *out = or_none(AS_HANDLE(self)->loop); return true; }
static bool g_context(Vm *vm, Value self, Value *out) { (void)vm; *out = or_none(AS_HANDLE(self)->context); return true; }
static bool g_none(Vm *vm, Value self, Value *out) { (void)vm, (void)self; *out = NONE_VAL; return true; }
static bool g_repr(Vm *vm, Value self, Value *out) { (void)vm; *out = or_none(AS_HANDLE(self)->repr); return true; }
static bool g_when(Vm *vm, Value self, Value *out) { return float_new(vm, AS_HANDLE(self)->when, out); }
static bool g_scheduled(Vm *vm, Value self, Value *out) { (void)vm; *out = rt_bool(AS_HANDLE(self)->scheduled); return true; }

static const GetSetDef handle_getsets[] = {
    {"_callback", g_callback, NULL},
    {"_args", g_args, NULL},
    {"_cancelled", g_cancelled, NULL},
    {"_loop", g_loop, NULL},
    {"_context", g_context, NULL},
    {"_source_traceback", g_none, NULL},
    {"_repr", g_repr, NULL},
    {NULL, NULL, NULL},
};

static const GetSetDef timer_getsets[] = {
    {"_when", g_when, NULL},
    {"_scheduled", g_scheduled, NULL},
    {NULL, NULL, NULL},
};

// TimerHandles compare by deadline (__eq__ also by callback, args and state).
static bool timer_richcompare(Vm *vm, Value a, Value b, CmpOp op, Value *out) {
    if (!IS_INSTANCE(b, aio_timer_handle_type) || !IS_INSTANCE(a, aio_timer_handle_type)) {
        *out = NOTIMPL_VAL;
        return true;
    }
    ObjHandle *x = AS_HANDLE(a), *y = AS_HANDLE(b);
    bool eq = false;
    if (op == CMP_EQ || op == CMP_NE || op == CMP_LE || op == CMP_GE) {
        eq = x->when == y->when && x->cancelled == y->cancelled;
        if (eq) {
            int e = rt_eq(vm, or_none(x->callback), or_none(y->callback));
            if (e < 0) return false;
            if (e) e = rt_eq(vm, or_none(x->args), or_none(y->args));
            if (e < 0) return false;
            eq = e;
        }
    }
    bool r;
    switch (op) {
    case CMP_LT: r = x->when < y->when; break;
    case CMP_GT: r = x->when > y->when; break;
    case CMP_LE: r = x->when < y->when || eq; break;
    case CMP_GE: r = x->when > y->when || eq; break;
    case CMP_EQ: r = eq; break;
    default: r = !eq; break;
    }
    *out = rt_bool(r);
    return true;
}

static bool timer_hash(Vm *vm, Value self, int64_t *out) {
    Value f;
    TRY(float_new(vm, AS_HANDLE(self)->when, &f));
    return rt_hash(vm, f, out);
}

ObjType aio_handle_type = {
    .hdr = OBJ_STATIC_HEADER(&type_type),
    .name = "Handle",
    .module = "asyncio.events",
    .basicsize = sizeof(ObjHandle),
    .flags = TYPE_BASETYPE,
    .base = &object_type,
    .methods = handle_methods,
    .getsets = handle_getsets,
    .trace = handle_trace,
    .new_ = handle_new,
    .repr = handle_repr,
};

ObjType aio_timer_handle_type = {
    .hdr = OBJ_STATIC_HEADER(&type_type),
    .name = "TimerHandle",
    .module = "asyncio.events",
    .basicsize = sizeof(ObjHandle),
    .flags = TYPE_BASETYPE,
    .base = &aio_handle_type,
    .methods = timer_methods,
    .getsets = timer_getsets,
    .trace = handle_trace,
    .new_ = handle_new,
    .repr = handle_repr,
    .richcompare = timer_richcompare,
    .hash = timer_hash,
};
