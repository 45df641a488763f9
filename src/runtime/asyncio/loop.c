// The event loop core (`_asyncio.EventLoopCore`), the C base of
// asyncio.base_events.BaseEventLoop: the ready queue, the timer heap, one
// iteration (_run_once) and the run-until-stopped loop, call_soon /
// call_later / call_at, time(), stop(), close() and file-descriptor watches.
// The Python subclass adds what runs once per program or per error
// (run_until_complete, create_task, the exception handler, shutdown).
//
// One iteration is CPython's BaseEventLoop._run_once:
//   1. drop cancelled timers (from the head, or all of them when more than
//      half of a heap of over 100 are cancelled);
//   2. poll the file descriptors: without waiting when something is ready or
//      the loop is stopping, else until the first deadline (or forever);
//      under virtual time the clock jumps to that deadline instead;
//   3. move the due timers (deadline < now + clock resolution) to the
//      ready queue, in (deadline, creation) order;
//   4. run exactly the entries that were ready at this point: what they
//      schedule runs in the next iteration.
#include <math.h>
#include <string.h>

#include "runtime/asyncio/aio.h"
#include "runtime/exc.h"
#include "runtime/float.h"
#include "runtime/gc.h"
#include "runtime/list.h"
#include "runtime/native.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"

bool aio_call_in_context(Vm *vm, Value ctx, Value fn, Value *args, size_t nargs, Value *out);
bool aio_callback_failed(Vm *vm, Value handle);
bool aio_context_enter(Vm *vm, Value ctx, Value *saved);
void aio_context_exit(Vm *vm, Value ctx, Value saved);
void aio_gc_after_iteration(Vm *vm);

#define CLOCK_RESOLUTION 1e-9
#define MAXIMUM_SELECT_TIMEOUT (24 * 3600.0)

double aio_loop_time(ObjLoop *l) { return l->virtual_time ? l->vclock : aio_monotonic(); }

static bool check_closed(Vm *vm, ObjLoop *l) {
    if (l->closed) return rt_raise(vm, &RuntimeError_type, "Event loop is closed");
    return true;
}

// ---- the ready queue ----

bool aio_loop_push(Vm *vm, ObjLoop *l, int kind, Value a, Value b, Value ctx) {
    TRY(check_closed(vm, l));
    if (l->rlen == l->rcap) {
        size_t cap = l->rcap ? l->rcap * 2 : 64;
        ReadyItem *n = rt_alloc(vm, cap * sizeof *n);
        if (!n) return false;
        for (size_t i = 0; i < l->rlen; i++) n[i] = l->ready[(l->rhead + i) % l->rcap];
        rt_free(vm, l->ready, l->rcap * sizeof *l->ready);
        l->ready = n;
        l->rcap = cap;
        l->rhead = 0;
    }
    size_t at = l->rhead + l->rlen;
    if (at >= l->rcap) at -= l->rcap;
    l->ready[at] = (ReadyItem){a, b, ctx, (uintptr_t)kind};
    l->rlen++;
    return true;
}

static ReadyItem pop_ready(ObjLoop *l) {
    ReadyItem it = l->ready[l->rhead];
    l->ready[l->rhead] = (ReadyItem){0};
    if (++l->rhead == l->rcap) l->rhead = 0;
    l->rlen--;
    return it;
}

// A Handle standing for a ready entry that is not one (for error reports
// and for call_soon on a loop that is not a core).
static ObjHandle *handle_for(Vm *vm, Value loop, ReadyItem *it) {
    Value fn = it->a, arg = it->b;
    const char *method = it->kind == READY_STEP ? "_Task__step" : it->kind == READY_WAKEUP ? "task_wakeup" : NULL;
    if (method && !rt_getattr_cstr(vm, it->a, method, &fn)) return NULL;
    gc_push_root(vm, fn);
    ObjTuple *args = arg ? tuple_from(vm, &arg, 1) : AS_TUPLE(vm->empty_tuple);
    ObjHandle *h = NULL;
    if (args) {
        gc_push_root(vm, OBJ_VAL(args));
        h = aio_handle_new(vm, &aio_handle_type, fn, OBJ_VAL(args), loop, it->ctx);
        gc_pop_root(vm);
    }
    gc_pop_root(vm);
    return h;
}

bool aio_call_soon(Vm *vm, Value loop, int kind, Value a, Value b, Value ctx) {
    if (IS_LOOP(loop)) return aio_loop_push(vm, AS_LOOP(loop), kind, a, b, ctx);
    // Another kind of loop: loop.call_soon(callback, arg, context=ctx).
    ReadyItem it = {a, b, ctx, (uintptr_t)kind};
    Value fn = a, m, r;
    const char *method = kind == READY_STEP ? "_Task__step" : kind == READY_WAKEUP ? "task_wakeup" : NULL;
    if (method) TRY(rt_getattr_cstr(vm, a, method, &fn));
    (void)it;
    size_t mark = gc_roots_mark(vm);
    gc_push_root(vm, fn);
    bool ok = rt_getattr_cstr(vm, loop, "call_soon", &m);
    if (ok) {
        gc_push_root(vm, m);
        ObjStr *kwn = str_intern_cstr(vm, "context");
        ObjTuple *kwt = kwn ? tuple_from(vm, &(Value){OBJ_VAL(kwn)}, 1) : NULL;
        ok = kwt != NULL;
        if (ok) {
            Value args[3] = {fn, b, ctx ? ctx : NONE_VAL};
            ok = b ? rt_call(vm, m, args, 3, OBJ_VAL(kwt), &r)
                   : rt_call(vm, m, (Value[]){fn, ctx ? ctx : NONE_VAL}, 2, OBJ_VAL(kwt), &r);
        }
    }
    gc_roots_reset(vm, mark);
    return ok;
}

// Runs one ready entry. False only for what must leave the loop.
static bool run_item(Vm *vm, ObjLoop *l, ReadyItem *it) {
    Value r;
    if (it->kind == READY_HANDLE) {
        ObjHandle *h = AS_HANDLE(it->a);
        if (h->cancelled) return true;
        return aio_handle_run(vm, h);
    }
    Value saved;
    bool ok = aio_context_enter(vm, it->ctx, &saved);
    if (ok) {
        switch (it->kind) {
        case READY_STEP: ok = aio_task_step(vm, AS_TASK(it->a), it->b); break;
        case READY_WAKEUP: ok = aio_task_wakeup(vm, AS_TASK(it->a), it->b); break;
        default: ok = rt_call(vm, it->a, &it->b, 1, VAL_NULL, &r); break;
        }
        aio_context_exit(vm, it->ctx, saved);
    }
    if (ok) return true;
    if (rt_exc_matches(vm, &KeyboardInterrupt_type) || rt_exc_matches(vm, &SystemExit_type)) return false;
    // Report it as CPython reports a failing Handle.
    Value exc = rt_exc_take(vm);
    gc_push_root(vm, exc);
    ObjHandle *h = handle_for(vm, OBJ_VAL(l), it);
    if (!h) {
        gc_pop_root(vm);
        return false;
    }
    vm->exc = exc;
    gc_pop_root(vm);
    gc_push_root(vm, OBJ_VAL(h));
    ok = aio_callback_failed(vm, OBJ_VAL(h));
    gc_pop_root(vm);
    return ok;
}

// ---- timers: a binary heap on (when, seq) ----

// Deadlines that compare neither way (equal, or NaN as call_later(nan)
// makes) keep creation order.
static bool timer_before(const ObjHandle *a, const ObjHandle *b) {
    return a->when < b->when || (!(a->when > b->when) && a->seq < b->seq);
}

static void heap_set(ObjLoop *l, size_t i, ObjHandle *h) {
    l->timers[i] = h;
    h->heap_index = i;
}

static void sift_up(ObjLoop *l, size_t i) {
    ObjHandle *h = l->timers[i];
    while (i > 0) {
        size_t p = (i - 1) / 2;
        if (!timer_before(h, l->timers[p])) break;
        heap_set(l, i, l->timers[p]);
        i = p;
    }
    heap_set(l, i, h);
}

static void sift_down(ObjLoop *l, size_t i) {
    ObjHandle *h = l->timers[i];
    size_t n = l->ntimers;
    for (;;) {
        size_t c = 2 * i + 1;
        if (c >= n) break;
        if (c + 1 < n && timer_before(l->timers[c + 1], l->timers[c])) c++;
        if (!timer_before(l->timers[c], h)) break;
        heap_set(l, i, l->timers[c]);
        i = c;
    }
    heap_set(l, i, h);
}

static ObjHandle *heap_pop(ObjLoop *l) {
    ObjHandle *top = l->timers[0];
    l->ntimers--;
    if (l->ntimers) {
        heap_set(l, 0, l->timers[l->ntimers]);
        sift_down(l, 0);
    }
    l->timers[l->ntimers] = NULL;
    top->scheduled = false;
    return top;
}

bool aio_loop_add_timer(Vm *vm, ObjLoop *l, ObjHandle *h) {
    if (l->ntimers == l->tcap) {
        size_t cap = l->tcap ? l->tcap * 2 : 16;
        ObjHandle **n = rt_realloc(vm, l->timers, l->tcap * sizeof *n, cap * sizeof *n);
        if (!n) return false;
        l->timers = n;
        l->tcap = cap;
    }
    h->seq = l->timer_seq++;
    l->timers[l->ntimers] = h;
    sift_up(l, l->ntimers++);
    h->scheduled = true;
    return true;
}

void aio_loop_timer_cancelled(ObjLoop *l, ObjHandle *h) {
    if (h->scheduled) l->timer_cancelled_count++;
}

// Step 1 of an iteration.
static void drop_cancelled_timers(ObjLoop *l) {
    if (l->ntimers > 100 && l->timer_cancelled_count * 2 > l->ntimers) {
        size_t k = 0;
        for (size_t i = 0; i < l->ntimers; i++) {
            ObjHandle *h = l->timers[i];
            if (h->cancelled) h->scheduled = false;
            else l->timers[k++] = h;
        }
        for (size_t i = k; i < l->ntimers; i++) l->timers[i] = NULL;
        l->ntimers = k;
        for (size_t i = 0; i < k; i++) l->timers[i]->heap_index = i;
        for (size_t i = k / 2; i-- > 0;) sift_down(l, i);
        l->timer_cancelled_count = 0;
        return;
    }
    while (l->ntimers && l->timers[0]->cancelled) {
        l->timer_cancelled_count--;
        heap_pop(l);
    }
}

// ---- one iteration ----

bool aio_loop_has_user_fds(ObjLoop *l);

static bool run_once(Vm *vm, ObjLoop *l) {
    drop_cancelled_timers(l);
    double timeout = -1;
    if (l->rlen || l->stopping) {
        timeout = 0;
    } else if (l->ntimers) {
        // As CPython's min(max(0, when - now), MAX): a NaN deadline gives 0.
        timeout = l->timers[0]->when - aio_loop_time(l);
        if (!(timeout > 0)) timeout = 0;
        if (timeout > MAXIMUM_SELECT_TIMEOUT) timeout = MAXIMUM_SELECT_TIMEOUT;
    }
    if (l->virtual_time && timeout > 0 && !aio_loop_has_user_fds(l)) {
        // Nothing can happen before the next deadline: go there at once.
        if (l->timers[0]->when > l->vclock) l->vclock = l->timers[0]->when;
        timeout = 0;
    }
    TRY(aio_poll(vm, l, timeout));
    double end = aio_loop_time(l) + CLOCK_RESOLUTION;
    while (l->ntimers && !(l->timers[0]->when >= end)) {   // NaN is due, as in CPython
        ObjHandle *h = heap_pop(l);
        if (!aio_loop_push(vm, l, READY_HANDLE, OBJ_VAL(h), VAL_NULL, VAL_NULL)) {
            // Out of memory: put it back so that nothing is lost.
            aio_loop_add_timer(vm, l, h);
            return false;
        }
    }
    size_t ntodo = l->rlen;
    for (size_t i = 0; i < ntodo && l->rlen; i++) {
        ReadyItem it = pop_ready(l);
        size_t mark = gc_roots_mark(vm);
        gc_push_root(vm, it.a);
        gc_push_root(vm, it.b);
        gc_push_root(vm, it.ctx);
        bool ok = run_item(vm, l, &it);
        gc_roots_reset(vm, mark);
        if (!ok) return false;
    }
    aio_gc_after_iteration(vm);
    return true;
}

// ---- construction ----

static bool loop_new(Vm *vm, ObjType *t, Value *args, size_t nargs, Value kw, Value *out) {
    (void)args, (void)nargs, (void)kw;
    ObjLoop *l = (ObjLoop *)gc_alloc(vm, t, t->basicsize);
    TRY(l);
    l->wake_fds[0] = l->wake_fds[1] = -1;
    l->virtual_time = vm->aio_virtual_time;
    // Virtual time starts where real time is, so absolute deadlines
    // (call_at with a time taken elsewhere) mean what they would.
    // Whole seconds, so that sums of round delays stay exact.
    l->vclock = floor(aio_monotonic());
    *out = OBJ_VAL(l);
    return true;
}

static bool loop_init(Vm *vm, Value self, Value *args, size_t nargs, Value kw) {
    (void)self, (void)args;
    TRY(rt_no_kwargs(vm, "EventLoopCore", kw));
    return rt_check_nargs(vm, "EventLoopCore", nargs, 0, 0);
}

static void loop_trace(Vm *vm, Obj *o) {
    ObjLoop *l = (ObjLoop *)o;
    gc_mark_value(vm, l->dict);
    for (size_t i = 0; i < l->rlen; i++) {
        ReadyItem *it = &l->ready[(l->rhead + i) % l->rcap];
        gc_mark_value(vm, it->a);
        gc_mark_value(vm, it->b);
        gc_mark_value(vm, it->ctx);
    }
    for (size_t i = 0; i < l->ntimers; i++) gc_mark_obj(vm, &l->timers[i]->hdr);
    for (size_t i = 0; i < l->nfds; i++) {
        gc_mark_value(vm, l->fds[i].reader);
        gc_mark_value(vm, l->fds[i].writer);
    }
    gc_mark_value(vm, l->current_task);
}

// Drops what is scheduled. [live]: the handles are still alive (close());
// when the loop itself is being freed they may be freed in the same sweep.
static void clear_queues(Vm *vm, ObjLoop *l, bool live) {
    rt_free(vm, l->ready, l->rcap * sizeof *l->ready);
    l->ready = NULL;
    l->rcap = l->rlen = l->rhead = 0;
    if (live)
        for (size_t i = 0; i < l->ntimers; i++) l->timers[i]->scheduled = false;
    rt_free(vm, l->timers, l->tcap * sizeof *l->timers);
    l->timers = NULL;
    l->ntimers = l->tcap = 0;
    l->timer_cancelled_count = 0;
}

static void loop_free(Vm *vm, Obj *o) {
    ObjLoop *l = (ObjLoop *)o;
    clear_queues(vm, l, false);
    rt_free(vm, l->fds, l->fcap * sizeof *l->fds);
    l->fds = NULL;
    l->nfds = l->fcap = 0;
    aio_poll_close(l);
}

// ---- methods ----

#define SELF AS_LOOP(args[0])

// Splits (callback, *args, context=None) of call_soon and friends, after
// [skip] leading arguments (self, and the delay or deadline).
static bool callback_args(Vm *vm, const char *fname, Value *args, size_t nargs, Value kw, size_t skip,
                          Value *cb, Value *cbargs, Value *ctx) {
    *ctx = VAL_NULL;
    if (kw) {
        ObjTuple *k = AS_TUPLE(kw);
        for (size_t i = 0; i < k->len; i++) {
            if (!str_eq_cstr(AS_STR(k->items[i]), "context"))
                return rt_raise(vm, &TypeError_type, "%s() got an unexpected keyword argument '%U'", fname,
                                AS_STR(k->items[i]));
            *ctx = args[nargs + i];
        }
    }
    if (nargs < skip + 1)
        return rt_raise(vm, &TypeError_type, "%s() missing 1 required positional argument: '%s'",
                        fname, skip == 1 ? "callback" : skip == 2 && !strcmp(fname, "call_at") ? "when" : "delay");
    *cb = args[skip];
    ObjTuple *t = tuple_from(vm, args + skip + 1, nargs - skip - 1);
    TRY(t);
    *cbargs = OBJ_VAL(t);
    return true;
}

static bool m_call_soon(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    Value cb, cbargs, ctx;
    TRY(check_closed(vm, SELF));
    TRY(callback_args(vm, "call_soon", args, nargs, kw, 1, &cb, &cbargs, &ctx));
    gc_push_root(vm, cbargs);
    ObjHandle *h = aio_handle_new(vm, &aio_handle_type, cb, cbargs, args[0], ctx);
    gc_pop_root(vm);
    TRY(h);
    gc_push_root(vm, OBJ_VAL(h));
    bool ok = aio_loop_push(vm, SELF, READY_HANDLE, OBJ_VAL(h), VAL_NULL, VAL_NULL);
    gc_pop_root(vm);
    TRY(ok);
    *out = OBJ_VAL(h);
    return true;
}

bool aio_loop_write_to_self(ObjLoop *l);

static bool m_call_soon_threadsafe(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(m_call_soon(vm, args, nargs, kw, out));
    aio_loop_write_to_self(SELF);
    return true;
}

// In virtual time nothing runs between two deadlines computed from the same
// clock reading, so sums that are equal on paper (0.35 + 0.3 and
// 0.35 + 0.1 + 0.1 + 0.1) must compare equal, and their order fall to
// creation order, as the time that passes between them gives it in real
// time. Deadlines are kept on a microsecond grid for that.
static double virtual_deadline(double when) {
    return fabs(when) < 1e12 ? round(when * 1e6) / 1e6 : when;
}

static bool schedule_at(Vm *vm, Value *args, size_t nargs, Value kw, const char *fname, double when,
                        Value *out) {
    Value cb, cbargs, ctx;
    TRY(check_closed(vm, SELF));
    TRY(callback_args(vm, fname, args, nargs, kw, 2, &cb, &cbargs, &ctx));
    gc_push_root(vm, cbargs);
    ObjHandle *h = aio_handle_new(vm, &aio_timer_handle_type, cb, cbargs, args[0], ctx);
    gc_pop_root(vm);
    TRY(h);
    h->when = AS_LOOP(SELF)->virtual_time ? virtual_deadline(when) : when;
    gc_push_root(vm, OBJ_VAL(h));
    bool ok = aio_loop_add_timer(vm, SELF, h);
    gc_pop_root(vm);
    TRY(ok);
    *out = OBJ_VAL(h);
    return true;
}

static bool as_time(Vm *vm, Value v, const char *none_msg, double *out) {
    if (IS_NONE(v)) return rt_raise(vm, &TypeError_type, "%s", none_msg);
    return rt_as_double(vm, v, out);
}

static bool m_call_later(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    if (nargs < 2) return rt_raise(vm, &TypeError_type, "call_later() missing 2 required positional arguments: 'delay' and 'callback'");
    double delay;
    TRY(as_time(vm, args[1], "delay must not be None", &delay));
    return schedule_at(vm, args, nargs, kw, "call_later", aio_loop_time(SELF) + delay, out);
}

static bool m_call_at(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    if (nargs < 2) return rt_raise(vm, &TypeError_type, "call_at() missing 2 required positional arguments: 'when' and 'callback'");
    double when;
    TRY(as_time(vm, args[1], "when cannot be None", &when));
    return schedule_at(vm, args, nargs, kw, "call_at", when, out);
}

static bool m_time(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "time", kw));
    TRY(rt_check_nargs(vm, "time", nargs, 1, 1));
    return float_new(vm, aio_loop_time(SELF), out);
}

static bool m_create_future(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "create_future", kw));
    TRY(rt_check_nargs(vm, "create_future", nargs, 1, 1));
    ObjFuture *f = (ObjFuture *)gc_alloc(vm, &aio_future_type, sizeof(ObjFuture));
    TRY(f);
    f->loop = args[0];
    gc_finalizer_done(vm, &f->hdr);   // nothing to report until it fails
    *out = OBJ_VAL(f);
    return true;
}

static bool m_stop(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "stop", kw));
    TRY(rt_check_nargs(vm, "stop", nargs, 1, 1));
    SELF->stopping = true;
    *out = NONE_VAL;
    return true;
}

static bool m_is_running(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "is_running", kw));
    TRY(rt_check_nargs(vm, "is_running", nargs, 1, 1));
    *out = rt_bool(SELF->running);
    return true;
}

static bool m_is_closed(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "is_closed", kw));
    TRY(rt_check_nargs(vm, "is_closed", nargs, 1, 1));
    *out = rt_bool(SELF->closed);
    return true;
}

// The core of close(): the Python method checks and logs around it.
static bool m_close_core(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "_close", kw));
    TRY(rt_check_nargs(vm, "_close", nargs, 1, 1));
    ObjLoop *l = SELF;
    if (l->running) return rt_raise(vm, &RuntimeError_type, "Cannot close a running event loop");
    l->closed = true;
    clear_queues(vm, l, true);
    aio_poll_close(l);
    *out = NONE_VAL;
    return true;
}

static bool m_run_once(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "_run_once", kw));
    TRY(rt_check_nargs(vm, "_run_once", nargs, 1, 1));
    TRY(run_once(vm, SELF));
    *out = NONE_VAL;
    return true;
}

// run_forever's loop: iterations until stop(); the Python run_forever sets
// the running loop and the async generator hooks around it.
static bool m_run_until_stopped(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "_run_until_stopped", kw));
    TRY(rt_check_nargs(vm, "_run_until_stopped", nargs, 1, 1));
    ObjLoop *l = SELF;
    l->running = true;
    bool ok = true;
    while (ok) {
        ok = run_once(vm, l);
        if (l->stopping) break;
    }
    l->stopping = false;
    l->running = false;
    *out = NONE_VAL;
    return ok;
}

static bool m_timer_handle_cancelled(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "_timer_handle_cancelled", kw));
    TRY(rt_check_nargs(vm, "_timer_handle_cancelled", nargs, 2, 2));
    if (IS_INSTANCE(args[1], aio_timer_handle_type)) aio_loop_timer_cancelled(SELF, AS_HANDLE(args[1]));
    *out = NONE_VAL;
    return true;
}

static bool m_add_callback(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "_add_callback", kw));
    TRY(rt_check_nargs(vm, "_add_callback", nargs, 2, 2));
    if (!IS_HANDLE(args[1])) return rt_raise(vm, &TypeError_type, "a Handle is required");
    if (!AS_HANDLE(args[1])->cancelled)
        TRY(aio_loop_push(vm, SELF, READY_HANDLE, args[1], VAL_NULL, VAL_NULL));
    *out = NONE_VAL;
    return true;
}

static bool m_write_to_self(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "_write_to_self", kw));
    TRY(rt_check_nargs(vm, "_write_to_self", nargs, 1, 1));
    aio_loop_write_to_self(SELF);
    *out = NONE_VAL;
    return true;
}

bool aio_m_add_reader(Vm *vm, Value *args, size_t nargs, Value kw, Value *out);
bool aio_m_add_writer(Vm *vm, Value *args, size_t nargs, Value kw, Value *out);
bool aio_m_remove_reader(Vm *vm, Value *args, size_t nargs, Value kw, Value *out);
bool aio_m_remove_writer(Vm *vm, Value *args, size_t nargs, Value kw, Value *out);

static const MethodDef loop_methods[] = {
    {"call_soon", m_call_soon, 0},
    {"call_soon_threadsafe", m_call_soon_threadsafe, 0},
    {"call_later", m_call_later, 0},
    {"call_at", m_call_at, 0},
    {"time", m_time, 0},
    {"create_future", m_create_future, 0},
    {"stop", m_stop, 0},
    {"is_running", m_is_running, 0},
    {"is_closed", m_is_closed, 0},
    {"_close", m_close_core, 0},
    {"_run_once", m_run_once, 0},
    {"_run_until_stopped", m_run_until_stopped, 0},
    {"_timer_handle_cancelled", m_timer_handle_cancelled, 0},
    {"_add_callback", m_add_callback, 0},
    {"_write_to_self", m_write_to_self, 0},
    {"_add_reader", aio_m_add_reader, 0},
    {"_add_writer", aio_m_add_writer, 0},
    {"_remove_reader", aio_m_remove_reader, 0},
    {"_remove_writer", aio_m_remove_writer, 0},
    {NULL, NULL, 0},
};

static bool g_stopping(Vm *vm, Value self, Value *out) { (void)vm; *out = rt_bool(AS_LOOP(self)->stopping); return true; }
static bool s_stopping(Vm *vm, Value self, Value v) {
    if (!v) return rt_raise(vm, &AttributeError_type, "cannot delete attribute");
    int t = rt_is_true(vm, v);
    if (t < 0) return false;
    AS_LOOP(self)->stopping = t;
    return true;
}
static bool g_closed(Vm *vm, Value self, Value *out) { (void)vm; *out = rt_bool(AS_LOOP(self)->closed); return true; }
static bool g_debug(Vm *vm, Value self, Value *out) { (void)vm; *out = rt_bool(AS_LOOP(self)->debug); return true; }
static bool s_debug(Vm *vm, Value self, Value v) {
    if (!v) return rt_raise(vm, &AttributeError_type, "cannot delete attribute");
    int t = rt_is_true(vm, v);
    if (t < 0) return false;
    AS_LOOP(self)->debug = t;
    return true;
}
static bool g_resolution(Vm *vm, Value self, Value *out) { (void)self; return float_new(vm, CLOCK_RESOLUTION, out); }
static bool g_ready(Vm *vm, Value self, Value *out) {
    // A snapshot as Handles, for introspection (CPython's deque).
    ObjLoop *l = AS_LOOP(self);
    ObjList *list = list_new(vm, l->rlen);
    TRY(list);
    gc_push_root(vm, OBJ_VAL(list));
    for (size_t i = 0; i < l->rlen; i++) {
        ReadyItem *it = &l->ready[(l->rhead + i) % l->rcap];
        Value h = it->a;
        if (it->kind != READY_HANDLE) {
            ObjHandle *hh = handle_for(vm, self, it);
            if (!hh) return gc_pop_root(vm), false;
            h = OBJ_VAL(hh);
        }
        if (!list_append(vm, list, h)) return gc_pop_root(vm), false;
    }
    gc_pop_root(vm);
    *out = OBJ_VAL(list);
    return true;
}
static bool g_scheduled(Vm *vm, Value self, Value *out) {
    ObjLoop *l = AS_LOOP(self);
    ObjList *list = list_new(vm, l->ntimers);
    TRY(list);
    for (size_t i = 0; i < l->ntimers; i++) list->items[i] = OBJ_VAL(l->timers[i]);
    list->len = l->ntimers;
    *out = OBJ_VAL(list);
    return true;
}
static bool g_virtual(Vm *vm, Value self, Value *out) { (void)vm; *out = rt_bool(AS_LOOP(self)->virtual_time); return true; }

static const GetSetDef loop_getsets[] = {
    {"_stopping", g_stopping, s_stopping},
    {"_closed", g_closed, NULL},
    {"_debug", g_debug, s_debug},
    {"_clock_resolution", g_resolution, NULL},
    {"_ready", g_ready, NULL},
    {"_scheduled", g_scheduled, NULL},
    {"_virtual_time", g_virtual, NULL},
    {NULL, NULL, NULL},
};

ObjType aio_loop_type = {
    .hdr = OBJ_STATIC_HEADER(&type_type),
    .name = "EventLoopCore",
    .module = "_asyncio",
    .basicsize = sizeof(ObjLoop),
    .dictoffset = offsetof(ObjLoop, dict),
    .flags = TYPE_BASETYPE | TYPE_LOOP_CORE,
    .base = &object_type,
    .methods = loop_methods,
    .getsets = loop_getsets,
    .trace = loop_trace,
    .free = loop_free,
    .new_ = loop_new,
    .init = loop_init,
};
