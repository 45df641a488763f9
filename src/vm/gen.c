// Generators and coroutines: objects that own a suspended heap frame, the
// one resume routine (send a value or throw an exception into the frame),
// and the delegation used by SEND for `yield from` and `await`. Also the
// coroutine_wrapper that coro.__await__() returns, and the detection of
// coroutines dropped without being awaited (RuntimeWarning, warn.c).
// Async generators share the object layout (gen_int.h) and this resume
// path; their awaitables are in asyncgen.c.
//
// A generator's frame is created when the generator function is called
// (call.c) and starts just after RETURN_GENERATOR: every resume pushes the
// sent value, so the first POP_TOP discards the initial None and every
// YIELD_VALUE resumes with the sent value on the stack.
//
// A resume from C (next(), send(), a for loop) runs the frame in a nested
// vm_run; SEND in bytecode enters the receiver inline (gen_inline_enter), so
// `yield from`/await chains use no C stack, and a chain that yields is
// resumed at its leaf directly (see "await chains" below). throw()/close()
// walk the chain recursively in C, guarded by c_depth.
#include <stdio.h>
#include <string.h>

#include "runtime/dict.h"
#include "runtime/exc.h"
#include "runtime/gc.h"
#include "runtime/native.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"
#include "vm/opcodes.h"
#include "vm/vm_int.h"
#include "vm/vm_ops.h"
#include "vm/gen_int.h"

static bool is_gen(Value v) {
    return IS_OBJ(v) && (AS_OBJ(v)->type == &generator_type || AS_OBJ(v)->type == &coroutine_type);
}
static bool is_coro(const ObjGen *g) { return g->hdr.type == &coroutine_type; }

// [g] stops counting as a never-started coroutine (it starts, is closed
// or freed, or has warned).
static void leave_unstarted(Vm *vm, ObjGen *g) {
    ThreadState *ts = VM_TS(vm);
    if (ts && g->frame && !g->started && g->origin_code && !g->adopted && ts->unstarted_coros)
        ts->unstarted_coros--;
}

void vm_gen_adopt(Vm *vm, Value v) {
    if (!IS_TYPE_EXACT(v, coroutine_type)) return;
    ObjGen *g = AS_GEN(v);
    leave_unstarted(vm, g);
    g->adopted = true;
}

// [g] runs for the first time: the words that held its origin hold its
// exception state from now on.
static void mark_started(Vm *vm, ObjGen *g) {
    if (g->started) return;
    leave_unstarted(vm, g);
    g->origin_code = g->origin_globals = VAL_NULL;
    g->started = true;
}

// The body finished or will never run: the frame's values are dropped (the
// memory goes with the generator), and there is nothing left to finalise.
static void clear_frame(Vm *vm, ObjGen *g) {
    if (!g->frame) return;
    if (g->frame_obj) {
        // Keep a pending exception out of the snapshot's way.
        Value exc = rt_exc_take(vm);
        gc_push_root(vm, exc);
        vm_frame_object_detach(vm, g);
        gc_pop_root(vm);
        vm->exc = exc;
    }
    g->frame->state = FRAME_CLEARED;
    g->frame = NULL;
    gc_finalizer_done(vm, &g->hdr);
}

ObjGen *gen_alloc(Vm *vm, ObjCode *co, size_t frame_bytes) {
    ObjType *t = (co->flags & CODE_COROUTINE) ? &coroutine_type
                 : (co->flags & CODE_ASYNC_GENERATOR) ? &async_generator_type
                                                       : &generator_type;
    return (ObjGen *)gc_alloc(vm, t, sizeof(ObjGen) + frame_bytes);
}

void gen_init(Vm *vm, ObjGen *g) {
    Frame *f = GEN_FRAME_MEM(g);
    g->name = AS_FUNCTION(f->func)->name;
    g->qualname = AS_FUNCTION(f->func)->qualname;
    if (g->hdr.type == &coroutine_type && f->previous) {
        g->origin_code = OBJ_VAL(f->previous->code);
        g->origin_lasti = frame_lasti(f->previous);
        g->origin_globals = f->previous->globals;
        VM_TS(vm)->unstarted_coros++;
    }
    f->state = FRAME_CREATED;
    g->frame = f;
}

// The size slot: the object and its frame (its length is kept in the frame,
// which outlives the body, while the code object may already be freed).
size_t vm_gen_size(const Obj *o) {
    const Frame *f = GEN_FRAME_MEM(o);
    return sizeof(ObjGen) + sizeof(Frame) + (size_t)f->nvalues * sizeof(Value);
}

static const char *kind(ObjGen *g) {
    return g->hdr.type == &coroutine_type         ? "coroutine"
           : g->hdr.type == &async_generator_type ? "async generator"
                                                  : "generator";
}

// ---- await chains ----
//
// SEND into a generator or coroutine links the receiver's frame above the
// sender's (receiver.previous = sender) and continues in it without C
// recursion; the sender parks in FRAME_DELEGATING, ip just past its SEND.
// A YIELD_VALUE anywhere in the chain goes straight back to whoever resumed
// the chain's root (the run's entry frame), and the parked levels stay as
// they are: the root caches the yielding leaf (leaf, leaf_depth, leaf_exc),
// so the next send() to the root continues at the leaf at once. Resuming
// costs the same at any await depth (architecture §8). Returns and
// exceptions flow outward level by level, as the links say.
//
// The cache belongs to ts->chain_epoch. Anything that resumes a level of a
// chain on its own (a hand-driven send/throw/close to an inner level, a
// finaliser) unlinks that level from its awaiter and bumps the epoch, so
// every cached leaf is dropped and the roots take the slow path once: each
// parked level is unparked (ip moved past the YIELD_VALUE that follows its
// SEND, as if it had yielded the delegate's value) and re-sends.
//
// Parked levels are not flagged running: whether they are is derived from
// the running frames (gen_running), which only error paths and
// introspection ask.

static bool on_running_chain(Vm *vm, const Frame *f) {
    for (const Frame *c = VM_TS(vm)->current; c; c = c->previous)
        if (c == f) return true;
    return false;
}

static bool gen_running(Vm *vm, const ObjGen *g) {
    if (g->running) return true;
    const Frame *f = g->frame;
    // A parked root with no awaiter and no resumer is suspended.
    return f && f->state == FRAME_DELEGATING && f->previous && on_running_chain(vm, f);
}

// A parked frame turns into an ordinary suspended one: its receiver no
// longer links back to it.
static void unpark(Frame *f) {
    Value recv = f->sp[-1];
    if (is_gen(recv)) {
        Frame *rf = AS_GEN(recv)->frame;
        if (rf && rf->previous == f) rf->previous = NULL;
    }
    f->ip++;   // past the YIELD_VALUE after the SEND
    f->state = FRAME_SUSPENDED;
}

// The exception the frame [f] of a running chain inherits from outside.
static Value outer_of(ThreadState *ts, const Frame *f) {
    const ObjGen *g = FRAME_GEN(f);
    return f->entry || g->outer_inherits ? ts->resume_outer : g->outer_exc;
}

// Finds the receiver a suspended frame delegates to: the frame is parked
// in its SEND, or suspended right after the YIELD_VALUE of a SEND loop,
// i.e. at a JUMP_BACKWARD whose target is a SEND. *exit receives the SEND's
// exit target.
static uint32_t decode(const uint32_t *w, uint32_t *op) {
    uint32_t arg = 0, i = 0;
    while (INSTR_OP(w[i]) == OP_EXTENDED_ARG) arg = (arg | INSTR_ARG(w[i++])) << INSTR_ARG_BITS;
    *op = INSTR_OP(w[i]);
    return arg | INSTR_ARG(w[i]);
}

static Value gen_yf_at(ObjGen *g, uint32_t *exit) {
    Frame *f = g->frame;
    if (f && f->state == FRAME_DELEGATING) {
        uint32_t arg = INSTR_ARG(f->ip[-1]);
        if (f->ip - 2 >= f->code->words && INSTR_OP(f->ip[-2]) == OP_EXTENDED_ARG)
            arg |= INSTR_ARG(f->ip[-2]) << INSTR_ARG_BITS;
        if (exit) *exit = arg;
        return f->sp[-1];
    }
    if (!f || f->state != FRAME_SUSPENDED) return VAL_NULL;
    uint32_t op, target = decode(f->ip, &op);
    if (op != OP_JUMP_BACKWARD) return VAL_NULL;
    uint32_t sop, ex = decode(f->code->words + target, &sop);
    if (sop != OP_SEND) return VAL_NULL;
    if (exit) *exit = ex;
    return f->sp[-1];
}

// The delegate of a suspended generator; none while it runs (CPython).
static Value gen_yf(Vm *vm, ObjGen *g, uint32_t *exit) {
    if (g->frame && g->frame->state == FRAME_DELEGATING && gen_running(vm, g)) return VAL_NULL;
    return gen_yf_at(g, exit);
}

// PEP 479: a StopIteration escaping the body becomes RuntimeError.
static void pep479(Vm *vm, ObjGen *g) {
    const char *what = "StopIteration";
    if (!rt_exc_matches(vm, &StopIteration_type)) {
        if (g->hdr.type != &async_generator_type || !rt_exc_matches(vm, &StopAsyncIteration_type))
            return;
        what = "StopAsyncIteration";
    }
    Value si = rt_exc_take(vm);
    gc_push_root(vm, si);
    rt_raise(vm, &RuntimeError_type, "%s raised %s", kind(g), what);
    gc_pop_root(vm);
    if (IS_EXC(vm->exc)) {
        AS_EXC(vm->exc)->cause = si;
        AS_EXC(vm->exc)->context = si;
        AS_EXC(vm->exc)->suppress_context = true;
    }
}

// ---- inline resumption (SEND from bytecode, no C recursion) ----

// Links [g]'s frame above [caller] with [v] pushed, as the running frame,
// and installs the exception state it runs with.
static Frame *link_inline(Vm *vm, ObjGen *g, Frame *caller, Value v, uint8_t iterated) {
    ThreadState *ts = VM_TS(vm);
    Frame *f = g->frame;
    *f->sp++ = v;
    f->previous = caller;
    f->entry = false;
    f->iterated = iterated;
    f->state = FRAME_RUNNING;
    ts->current = f;
    ts->py_depth++;
    if (iterated) ts->iterated_frames++;
    mark_started(vm, g);
    g->leaf = VAL_NULL;   // its leaf_exc word becomes outer_exc
    g->outer_inherits = ts->exc_info == ts->resume_outer;
    g->outer_exc = g->outer_inherits ? VAL_NULL : ts->exc_info;
    if (g->exc_state) ts->exc_info = g->exc_state;
    g->running = true;
    return f;
}

Frame *gen_inline_enter(Vm *vm, Value gen, Value v, Frame *caller) {
    ThreadState *ts = VM_TS(vm);
    ObjGen *g = AS_GEN(gen);
    Frame *f = g->frame;
    // Anything unusual (running, finished, awaited elsewhere, bad first
    // value, too deep) takes the slow path, which raises CPython's errors.
    if (g->running || !f || f->previous || (f->state == FRAME_CREATED && !IS_NONE(v)) ||
        ts->py_depth >= ts->recursion_limit)
        return NULL;
    if (f->state == FRAME_DELEGATING) unpark(f);   // the chain below is re-sent to
    // The caller parks: it keeps the exception it handles for when it is
    // unparked, and stops counting as running unless it is the entry.
    ObjGen *cg = FRAME_GEN(caller);
    Value outer = outer_of(ts, caller);
    cg->exc_state = ts->exc_info != outer ? ts->exc_info : VAL_NULL;
    if (!caller->entry) cg->running = false;
    caller->state = FRAME_DELEGATING;
    return link_inline(vm, g, caller, v, ITER_NONE);
}

void gen_inline_leave(Vm *vm, Frame *f) {
    ThreadState *ts = VM_TS(vm);
    ObjGen *g = FRAME_GEN(f);
    Frame *caller = f->previous;
    ts->current = caller;
    ts->py_depth--;
    f->previous = NULL;
    g->running = false;
    ts->exc_info = g->outer_inherits ? ts->resume_outer : g->outer_exc;
    g->outer_exc = VAL_NULL;
    if (f->iterated) {
        // The iterating frame was running all along.
        f->iterated = ITER_NONE;
        ts->iterated_frames--;
    } else {
        caller->state = FRAME_RUNNING;
        FRAME_GEN(caller)->running = true;
    }
    if (vm->exc) pep479(vm, g);
    clear_frame(vm, g);
}

// ---- generators run by a for loop (FOR_ITER from bytecode) ----
//
// A plain generator iterated by FOR_ITER runs inline too: its frame is
// linked above the loop's and marked `iterated`, and its yields go straight
// back to the loop (no C recursion, no nested run). A generator parked in an
// await/yield-from chain takes the slow path (rt_next), which resumes it.

Frame *gen_for_enter(Vm *vm, Value gen, Frame *caller) {
    ThreadState *ts = VM_TS(vm);
    ObjGen *g = AS_GEN(gen);
    Frame *f = g->frame;
    if (g->running || !f || f->previous || f->state == FRAME_DELEGATING ||
        ts->py_depth >= ts->recursion_limit)
        return NULL;
    return link_inline(vm, g, caller, NONE_VAL, ITER_FOR);
}

Frame *gen_call_enter(Vm *vm, Value gen, Value v, Frame *caller) {
    ThreadState *ts = VM_TS(vm);
    ObjGen *g = AS_GEN(gen);
    Frame *f = g->frame;
    // Anything unusual takes the slow path (the method itself), which
    // raises CPython's errors; a parked chain root resumes at its leaf there.
    if (g->running || !f || f->previous || f->state == FRAME_DELEGATING ||
        (f->state == FRAME_CREATED && !IS_NONE(v)) || ts->py_depth >= ts->recursion_limit)
        return NULL;
    return link_inline(vm, g, caller, v, ITER_CALL);
}

Frame *gen_for_yield(Vm *vm, Frame *leaf) {
    ThreadState *ts = VM_TS(vm);
    // The chain's root: the iterated frame itself, or the one a chain of
    // SENDs above it delegates from (only walked when such frames exist).
    Frame *root = leaf;
    int levels = 1;
    while (!root->iterated) {
        if (root->entry || !root->previous || root->previous->owner != FRAME_OWNED_BY_GEN) return NULL;
        root = root->previous;
        levels++;
    }
    ObjGen *lg = FRAME_GEN(leaf), *rg = FRAME_GEN(root);
    if (leaf != root) {
        // Levels in between stay parked; the next FOR_ITER takes the slow
        // path through the root, which re-sends down the chain.
        Value outer = outer_of(ts, leaf);
        lg->exc_state = ts->exc_info != outer ? ts->exc_info : VAL_NULL;
        lg->running = false;
        leaf->state = FRAME_SUSPENDED;
        ts->exc_info = rg->outer_inherits ? ts->resume_outer : rg->outer_exc;
    } else {
        Value outer = outer_of(ts, root);
        rg->exc_state = ts->exc_info != outer ? ts->exc_info : VAL_NULL;
        ts->exc_info = outer;
        root->state = FRAME_SUSPENDED;
    }
    Frame *caller = root->previous;
    rg->running = false;
    ts->current = caller;
    ts->py_depth -= levels;
    ts->iterated_frames--;
    root->previous = NULL;
    root->iterated = ITER_NONE;
    return caller;
}

void gen_flat_yield(Vm *vm, Frame *leaf, Frame *entry) {
    ThreadState *ts = VM_TS(vm);
    ObjGen *lg = FRAME_GEN(leaf);
    Value outer = outer_of(ts, leaf);
    lg->exc_state = ts->exc_info != outer ? ts->exc_info : VAL_NULL;
    lg->running = false;
    FRAME_GEN(entry)->leaf = OBJ_VAL(lg);
}

// Runs [g]'s frame once. [mode]: 0 push [v] and continue; 1 throw vm->exc
// in; 2 continue without pushing (the stack was adjusted already).
static SendResult resume(Vm *vm, ObjGen *g, Value v, int mode, Value *out) {
    ThreadState *ts = VM_TS(vm);
    Frame *f = g->frame;
    if (ts->py_depth >= ts->recursion_limit) {
        rt_raise(vm, &RecursionError_type, "maximum recursion depth exceeded");
        return SEND_ERROR;
    }
    if (f->previous) {
        // A level of an await chain resumed on its own.
        f->previous = NULL;
        ts->chain_epoch++;
    }
    mark_started(vm, g);
    Frame *start = f;
    int depth = 1;
    Value outer = ts->exc_info, resumer_outer = ts->resume_outer, leaf_exc = VAL_NULL;
    if (f->state == FRAME_DELEGATING) {
        ObjGen *lg = g->leaf ? AS_GEN(g->leaf) : NULL;
        if (mode == 0 && lg && g->leaf_epoch == ts->chain_epoch && lg->frame &&
            lg->frame->state == FRAME_SUSPENDED && !lg->running) {
            start = lg->frame;
            depth += (int)g->leaf_depth;
            leaf_exc = g->leaf_exc;
        } else {
            unpark(f);
        }
    }
    g->leaf = VAL_NULL;
    int base = ts->py_depth;
    f->previous = ts->current;
    ts->current = start;
    ts->py_depth += depth;
    ts->resume_outer = outer;
    if (start != f) {
        // Straight to the leaf: the levels between stay parked.
        *start->sp++ = v;
        start->state = FRAME_RUNNING;
        FRAME_GEN(start)->running = true;
        if (leaf_exc) ts->exc_info = leaf_exc;
    } else {
        if (mode == 0) *f->sp++ = v;
        if (g->exc_state) ts->exc_info = g->exc_state;
    }
    g->leaf_exc = VAL_NULL;
    g->running = true;
    gc_push_root(vm, OBJ_VAL(g));
    SendResult r;
    bool ran = rt_enter(vm, RT_WHERE_CALL);
    if (ran) {
        r = vm_run_gen(vm, f, start, out, mode == 1);
        rt_leave(vm);
    } else {
        // Fail at the suspension point without running: only a plain
        // resume gets here (a leaf start needs c_depth like any other).
        if (start != f) {
            start->sp--;
            start->state = FRAME_SUSPENDED;
            FRAME_GEN(start)->running = false;
            g->leaf = OBJ_VAL(FRAME_GEN(start));
            g->leaf_exc = leaf_exc;
        } else if (mode == 0) {
            f->sp--;
        }
        r = SEND_ERROR;
    }
    g->running = false;
    if (r == SEND_NEXT) {
        if (g->leaf) {
            // A level below yielded: this frame stays parked in its SEND.
            g->leaf_depth = (uint32_t)(ts->py_depth - base);
            g->leaf_epoch = ts->chain_epoch;
            g->leaf_exc = ts->exc_info != outer ? ts->exc_info : VAL_NULL;
        } else {
            g->exc_state = ts->exc_info != outer ? ts->exc_info : VAL_NULL;
        }
    }
    ts->py_depth = base;
    ts->current = f->previous;
    ts->exc_info = outer;
    ts->resume_outer = resumer_outer;
    f->previous = NULL;
    f->entry = false;
    if (ran && r != SEND_NEXT) {
        if (r == SEND_RETURN) gc_push_root(vm, *out);   // clearing may allocate
        clear_frame(vm, g);
        if (r == SEND_RETURN) gc_pop_root(vm);
        if (r == SEND_ERROR) pep479(vm, g);
    }
    gc_pop_root(vm);   // g
    return r;
}

static bool check_runnable(Vm *vm, ObjGen *g) {
    if (gen_running(vm, g)) return rt_raise(vm, &ValueError_type, "%s already executing", kind(g));
    return true;
}

static SendResult gen_send_impl(Vm *vm, ObjGen *g, Value v, Value *out) {
    if (!check_runnable(vm, g)) return SEND_ERROR;
    if (!g->frame) {
        if (g->hdr.type == &coroutine_type) {
            rt_raise(vm, &RuntimeError_type, "cannot reuse already awaited coroutine");
            return SEND_ERROR;
        }
        *out = NONE_VAL;
        return SEND_RETURN;
    }
    if (g->frame->state == FRAME_CREATED && !IS_NONE(v)) {
        rt_raise(vm, &TypeError_type, "can't send non-None value to a just-started %s", kind(g));
        return SEND_ERROR;
    }
    return resume(vm, g, v, 0, out);
}

static SendResult throw_into(Vm *vm, ObjGen *g, Value exc, Value *out);

// Delivers [exc] (an instance) at the suspension point, delegating first.
static SendResult gen_throw_deleg(Vm *vm, ObjGen *g, Value exc, Value *out, bool closing);

// throw() walks a delegation chain recursively in C: guarded by c_depth so
// a very deep chain raises RecursionError instead of exhausting the C stack.
// [closing]: close() is the caller (a finished coroutine stays silent then).
static SendResult gen_throw_impl(Vm *vm, ObjGen *g, Value exc, Value *out, bool closing) {
    if (!rt_enter(vm, RT_WHERE_CALL)) return SEND_ERROR;
    SendResult r = gen_throw_deleg(vm, g, exc, out, closing);
    rt_leave(vm);
    return r;
}

static bool gen_close_impl(Vm *vm, ObjGen *g);

// The arguments of the throw() call in progress, as given: CPython hands
// them unchanged (a type alone stays a type, a value stays a value) to the
// throw() method of a delegate that is not a generator, at any depth of
// yield from. [exc] is the exception made of them, which identifies the
// call (a throw() made meanwhile by Python code has its own).
typedef struct RawThrow {
    Value exc;
    const Value *args;
    size_t n;
} RawThrow;
static RawThrow raw_throw;

// throw_into for gen_throw_deleg: [made_by_close] is the GeneratorExit
// close() made, which CPython chains with the caller's handled exception
// before the generator's own; anything else thrown is chained only with
// the generator's own (_PyErr_ChainStackItem).
static SendResult throw_in(Vm *vm, ObjGen *g, Value exc, Value *out, bool made_by_close) {
    ThreadState *ts = VM_TS(vm);
    ts->throw_nochain = !made_by_close && !g->exc_state;
    SendResult r = throw_into(vm, g, exc, out);
    ts->throw_nochain = false;
    return r;
}

static SendResult gen_throw_deleg(Vm *vm, ObjGen *g, Value exc, Value *out, bool closing) {
    if (!check_runnable(vm, g)) return SEND_ERROR;
    // A throw resumes level by level, never at the cached leaf: drop the
    // cache now, or it keeps a level that the throw finishes off alive past
    // the point CPython finalises it.
    g->leaf = VAL_NULL;
    uint32_t exit;
    Value yf = gen_yf(vm, g, &exit);
    if (yf) {
        SendResult r;
        Value v;
        gc_push_root(vm, exc);
        if (IS_INSTANCE(exc, GeneratorExit_type)) {
            // Close the delegate, then raise GeneratorExit here.
            bool ok = true;
            if (is_gen(yf)) {
                // Its own close(): one that yields again raises RuntimeError
                // ("generator ignored GeneratorExit"), thrown in here instead.
                g->running = true;
                ok = gen_close_impl(vm, AS_GEN(yf));
                g->running = false;
            } else {
                Value close;
                int found = rt_getattr_opt(vm, yf, NAME(vm, close), &close);
                if (found < 0) ok = false;
                else if (found) ok = rt_call0(vm, close, &v);
            }
            gc_pop_root(vm);
            if (!ok) return throw_in(vm, g, vm->exc ? rt_exc_take(vm) : exc, out, false);
            return throw_in(vm, g, exc, out, closing);
        }
        if (is_gen(yf)) {
            g->running = true;
            r = gen_throw_impl(vm, AS_GEN(yf), exc, &v, false);
            g->running = false;
        } else {
            Value meth;
            int found = rt_getattr_opt(vm, yf, NAME(vm, throw), &meth);
            if (found < 0) {
                gc_pop_root(vm);
                return throw_in(vm, g, rt_exc_take(vm), out, false);
            }
            if (!found) {
                gc_pop_root(vm);
                VM_TS(vm)->throw_here_stop = IS_INSTANCE(exc, StopIteration_type);
                SendResult r2 = throw_in(vm, g, exc, out, closing);
                VM_TS(vm)->throw_here_stop = false;
                return r2;
            }
            g->running = true;
            bool ok;
            if (raw_throw.exc == exc && raw_throw.args) {
                ok = rt_call(vm, meth, (Value *)raw_throw.args, raw_throw.n, VAL_NULL, &v);
            } else {
                ok = rt_call1(vm, meth, exc, &v);
            }
            g->running = false;
            r = ok ? SEND_NEXT : SEND_ERROR;
        }
        gc_pop_root(vm);
        if (r == SEND_NEXT) {
            *out = v;
            return SEND_NEXT;
        }
        if (r == SEND_RETURN) {
            // The delegate finished: continue after the SEND with its value.
            Frame *f = g->frame;
            if (f->state == FRAME_DELEGATING) unpark(f);
            f->sp[-1] = v;
            f->ip = f->code->words + exit;
            return resume(vm, g, VAL_NULL, 2, out);
        }
        return throw_in(vm, g, rt_exc_take(vm), out, false);
    }
    if (!g->frame && is_coro(g) && !closing) {
        rt_raise(vm, &RuntimeError_type, "cannot reuse already awaited coroutine");
        return SEND_ERROR;
    }
    return throw_in(vm, g, exc, out, closing);
}

static SendResult throw_into(Vm *vm, ObjGen *g, Value exc, Value *out) {
    if (!g->frame) {
        vm->exc = exc;
        return SEND_ERROR;
    }
    // A frame that never started raises the exception at its def line.
    vm->exc = exc;
    return resume(vm, g, VAL_NULL, 1, out);
}

// ---- slots and methods ----

static SendResult gen_send_slot(Vm *vm, Value self, Value in, Value *out) {
    return gen_send_impl(vm, AS_GEN(self), in, out);
}

static SendResult gen_throw_slot(Vm *vm, Value self, Value exc, Value *out) {
    return gen_throw_impl(vm, AS_GEN(self), exc, out, false);
}

static IterResult gen_iternext(Vm *vm, Value self, Value *out) {
    SendResult r = gen_send_impl(vm, AS_GEN(self), NONE_VAL, out);
    return r == SEND_NEXT ? ITER_NEXT : r == SEND_RETURN ? ITER_DONE : ITER_ERROR;
}

static bool gen_iter(Vm *vm, Value self, Value *out) {
    (void)vm;
    *out = self;
    return true;
}

// A Python-level send/next that finished: StopIteration(value).
static bool stop_iteration(Vm *vm, Value v) {
    if (IS_NONE(v)) return rt_raise_empty(vm, &StopIteration_type);
    return rt_raise_arg(vm, &StopIteration_type, v);
}

bool vm_gen_raise_stop(Vm *vm, Value v) { return stop_iteration(vm, v); }

static bool to_value(Vm *vm, SendResult r, Value v, Value *out) {
    if (r == SEND_NEXT) {
        *out = v;
        return true;
    }
    if (r == SEND_RETURN) return stop_iteration(vm, v);
    return false;
}

// The Python-level send/__next__/throw of every object with send/throw
// slots (generators, coroutines and the awaitables wrapping them): one
// implementation over the type's slots, so each kind only writes its slots.
bool vm_slot_m_send(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "send", kw));
    TRY(rt_check_nargs(vm, "send", nargs - 1, 1, 1));
    Value v = VAL_NULL;
    SendResult r = rt_type(args[0])->send(vm, args[0], args[1], &v);
    return to_value(vm, r, v, out);
}

bool vm_slot_m_next(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "__next__", kw));
    TRY(rt_check_nargs(vm, "__next__", nargs - 1, 0, 0));
    Value v = VAL_NULL;
    SendResult r = rt_type(args[0])->send(vm, args[0], NONE_VAL, &v);
    return to_value(vm, r, v, out);
}

bool vm_m_self(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    (void)vm;
    (void)nargs;
    (void)kw;
    *out = args[0];
    return true;
}

// throw(exc) / throw(type[, value[, tb]]) -> the exception instance.
bool vm_gen_normalize_throw(Vm *vm, Value *args, size_t n, Value *exc) {
    Value typ = args[0], val = n > 1 ? args[1] : NONE_VAL;
    if (IS_TYPE(typ) && (AS_TYPE(typ)->flags & TYPE_EXC)) {
        if (IS_EXC(val) && type_is_subtype(rt_type(val), AS_TYPE(typ))) {
            *exc = val;
            return true;
        }
        if (IS_NONE(val)) return rt_call0(vm, typ, exc);
        if (IS_TUPLE(val)) return rt_call(vm, typ, AS_TUPLE(val)->items, AS_TUPLE(val)->len, VAL_NULL, exc);
        return rt_call1(vm, typ, val, exc);
    }
    if (IS_EXC(typ)) {
        if (!IS_NONE(val))
            return rt_raise(vm, &TypeError_type, "instance exception may not have a separate value");
        *exc = typ;
        return true;
    }
    return rt_raise(vm, &TypeError_type,
                    "exceptions must be classes or instances deriving from BaseException, not %s",
                    type_name(rt_type(typ)));
}

bool vm_slot_m_throw(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "throw", kw));
    TRY(rt_check_nargs(vm, "throw", nargs - 1, 1, 3));
    Value exc, v = VAL_NULL;
    TRY(vm_gen_normalize_throw(vm, args + 1, nargs - 1, &exc));
    if (nargs > 3 && !IS_NONE(args[3])) AS_EXC(exc)->traceback = args[3];
    gc_push_root(vm, exc);
    RawThrow saved = raw_throw;
    raw_throw = (RawThrow){exc, args + 1, nargs - 1};
    SendResult r = rt_type(args[0])->throw_(vm, args[0], exc, &v);
    raw_throw = saved;
    gc_pop_root(vm);
    return to_value(vm, r, v, out);
}

static bool gen_close_impl(Vm *vm, ObjGen *g) {
    if (!g->frame) return true;
    if (g->frame->state == FRAME_CREATED) {
        leave_unstarted(vm, g);
        clear_frame(vm, g);
        return true;
    }
    if (!check_runnable(vm, g)) return false;
    Value exc, v;
    TRY(exc_new(vm, &GeneratorExit_type, vm->empty_tuple, &exc));
    gc_push_root(vm, exc);
    SendResult r = gen_throw_impl(vm, g, exc, &v, true);
    gc_pop_root(vm);
    if (r == SEND_NEXT)
        return rt_raise(vm, &RuntimeError_type, "%s ignored GeneratorExit", kind(g));
    if (r == SEND_RETURN) return true;
    if (rt_exc_matches(vm, &GeneratorExit_type) || rt_exc_matches(vm, &StopIteration_type)) {
        rt_exc_clear(vm);
        return true;
    }
    return false;
}

static bool m_close(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "close", kw));
    TRY(rt_check_nargs(vm, "close", nargs - 1, 0, 0));
    TRY(gen_close_impl(vm, AS_GEN(args[0])));
    *out = NONE_VAL;
    return true;
}

// A suspended generator that becomes garbage is closed, so its finally
// blocks and with-exits run (CPython does this when the last reference goes;
// aiopy at the next collection). Errors are reported, never raised.
void vm_gen_finalize(Vm *vm, Obj *o) {
    ObjGen *g = (ObjGen *)o;
    if (g->ag_finalizer && g->frame && !g->ag_closed && g->hdr.type == &async_generator_type) {
        // The event loop closes it (asyncio schedules aclose()): call its
        // hook instead of closing here.
        Value fin = g->ag_finalizer, r;
        g->ag_finalizer = VAL_NULL;
        Value saved = rt_exc_take(vm);
        gc_push_root(vm, saved);
        gc_push_root(vm, fin);
        if (!rt_call1(vm, fin, OBJ_VAL(o), &r) && vm->hooks.finalize) vm->hooks.finalize(vm, OBJ_VAL(o));
        rt_exc_clear(vm);
        gc_pop_roots(vm, 2);
        vm->exc = saved;
        return;
    }
    if (g->frame && g->frame->state == FRAME_CREATED && is_coro(g) && g->origin_code) {
        leave_unstarted(vm, g);
        // CPython's location is the code running when the coroutine dies
        // (the statement that dropped it); at exit there is none: sys:1.
        Frame *cur = VM_TS(vm)->current;
        if (cur && cur->code)
            vm_warn_never_awaited(vm, OBJ_VAL(o), cur->code, frame_lasti(cur), cur->globals, AS_STR(g->qualname));
        else
            vm_warn_never_awaited(vm, OBJ_VAL(o), AS_CODE(g->origin_code), g->origin_lasti, g->origin_globals,
                                  AS_STR(g->qualname));
        g->origin_code = VAL_NULL;   // once, even if __del__ runs again
        return;
    }
    if (!g->frame || (g->frame->state != FRAME_SUSPENDED && g->frame->state != FRAME_DELEGATING) ||
        gen_running(vm, g))
        return;
    Value saved = rt_exc_take(vm);
    gc_push_root(vm, saved);
    if (!gen_close_impl(vm, g) && vm->hooks.finalize) vm->hooks.finalize(vm, OBJ_VAL(o));
    rt_exc_clear(vm);
    gc_pop_root(vm);
    vm->exc = saved;
}

void vm_gen_trace(Vm *vm, Obj *o) {
    ObjGen *g = (ObjGen *)o;
    if (GEN_CODE(g)) gc_mark_obj(vm, &GEN_CODE(g)->hdr);
    gc_mark_value(vm, g->name);
    gc_mark_value(vm, g->qualname);
    // origin_code and origin_globals share these words.
    gc_mark_value(vm, g->exc_state);
    gc_mark_value(vm, g->outer_exc);
    gc_mark_value(vm, g->leaf);
    gc_mark_value(vm, g->frame_obj);
    gc_mark_value(vm, g->ag_finalizer);
    // A running frame is on the thread's chain (marked there); a suspended
    // or parked one only through its generator. A generator whose delegate
    // is being thrown into or closed is flagged running, but its frame stays
    // suspended and off the chain: it is marked here (it holds the delegate).
    if (g->frame && g->frame->state != FRAME_RUNNING) vm_frame_mark(vm, g->frame);
}

void vm_gen_free(Vm *vm, Obj *o) {
    ObjGen *g = (ObjGen *)o;
    leave_unstarted(vm, g);
    g->frame = NULL;   // its memory goes with the object
}

bool vm_gen_repr(Vm *vm, Value self, Value *out) {
    ObjGen *g = AS_GEN(self);
    char addr[32];
    snprintf(addr, sizeof addr, "%p", (void *)g);
    ObjStr *s = rt_format_cmsg(vm, "<%s object %U at %s>", g->hdr.type->name, AS_STR(g->qualname), addr);
    TRY(s);
    *out = OBJ_VAL(s);
    return true;
}

bool vm_gen_get_name(Vm *vm, Value self, Value *out) { (void)vm; *out = AS_GEN(self)->name; return true; }
bool vm_gen_get_qualname(Vm *vm, Value self, Value *out) { (void)vm; *out = AS_GEN(self)->qualname; return true; }
bool vm_gen_set_name(Vm *vm, Value self, Value v) {
    if (!v || !IS_STR(v)) return rt_raise(vm, &TypeError_type, "__name__ must be set to a string object");
    AS_GEN(self)->name = v;
    return true;
}
bool vm_gen_set_qualname(Vm *vm, Value self, Value v) {
    if (!v || !IS_STR(v)) return rt_raise(vm, &TypeError_type, "__qualname__ must be set to a string object");
    AS_GEN(self)->qualname = v;
    return true;
}
static bool get_running(Vm *vm, Value self, Value *out) { *out = rt_bool(gen_running(vm, AS_GEN(self))); return true; }
static bool get_suspended(Vm *vm, Value self, Value *out) {
    ObjGen *g = AS_GEN(self);
    *out = rt_bool(g->frame && (g->frame->state == FRAME_SUSPENDED ||
                                (g->frame->state == FRAME_DELEGATING && !gen_running(vm, g))));
    return true;
}
static bool get_code(Vm *vm, Value self, Value *out) { (void)vm; *out = OBJ_VAL(GEN_CODE(AS_GEN(self))); return true; }
static bool get_yieldfrom(Vm *vm, Value self, Value *out) {
    (void)vm;
    Value y = gen_yf(vm, AS_GEN(self), NULL);
    *out = y ? y : NONE_VAL;
    return true;
}
static bool get_origin(Vm *vm, Value self, Value *out) {
    (void)vm;
    (void)self;
    *out = NONE_VAL;   // sys.set_coroutine_origin_tracking_depth is 0
    return true;
}
static bool get_frame(Vm *vm, Value self, Value *out) { return vm_gen_frame_object(vm, self, out); }

// __del__ as CPython lists it: runs the finaliser (closes a suspended frame).
bool vm_gen_m_del(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "__del__", kw));
    TRY(rt_check_nargs(vm, "__del__", nargs - 1, 0, 0));
    vm_gen_finalize(vm, AS_OBJ(args[0]));
    *out = NONE_VAL;
    return true;
}

// ---- coroutine_wrapper: what coro.__await__() returns ----

typedef struct ObjCoroWrapper {
    Obj hdr;
    Value coro;
} ObjCoroWrapper;

#define WRAPPED(v) AS_GEN(((ObjCoroWrapper *)AS_OBJ(v))->coro)

static bool m_await(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "__await__", kw));
    TRY(rt_check_nargs(vm, "__await__", nargs - 1, 0, 0));
    ObjCoroWrapper *w = (ObjCoroWrapper *)gc_alloc(vm, &coroutine_wrapper_type, sizeof *w);
    TRY(w);
    w->coro = args[0];
    *out = OBJ_VAL(w);
    return true;
}

static bool w_close(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "close", kw));
    TRY(rt_check_nargs(vm, "close", nargs - 1, 0, 0));
    TRY(gen_close_impl(vm, WRAPPED(args[0])));
    *out = NONE_VAL;
    return true;
}

static IterResult w_iternext(Vm *vm, Value self, Value *out) {
    SendResult r = gen_send_impl(vm, WRAPPED(self), NONE_VAL, out);
    return r == SEND_NEXT ? ITER_NEXT : r == SEND_RETURN ? ITER_DONE : ITER_ERROR;
}

static SendResult w_send_slot(Vm *vm, Value self, Value in, Value *out) {
    return gen_send_impl(vm, WRAPPED(self), in, out);
}

static SendResult w_throw_slot(Vm *vm, Value self, Value exc, Value *out) {
    return gen_throw_impl(vm, WRAPPED(self), exc, out, false);
}

static void w_trace(Vm *vm, Obj *o) { gc_mark_value(vm, ((ObjCoroWrapper *)o)->coro); }

static bool w_repr(Vm *vm, Value self, Value *out) {
    char addr[32];
    snprintf(addr, sizeof addr, "%p", (void *)AS_OBJ(self));
    ObjStr *s = rt_format_cmsg(vm, "<coroutine_wrapper object at %s>", addr);
    TRY(s);
    *out = OBJ_VAL(s);
    return true;
}

static const MethodDef wrapper_methods[] = {
    {"send", vm_slot_m_send, 0},
    {"throw", vm_slot_m_throw, 0},
    {"close", w_close, 0},
    {"__next__", vm_slot_m_next, 0},
    {"__iter__", vm_m_self, 0},
    {NULL, NULL, 0},
};

ObjType coroutine_wrapper_type = {
    .hdr = OBJ_STATIC_HEADER(&type_type),
    .name = "coroutine_wrapper",
    .module = "builtins",
    .basicsize = sizeof(ObjCoroWrapper),
    .base = &object_type,
    .methods = wrapper_methods,
    .trace = w_trace,
    .repr = w_repr,
    .iter = gen_iter,
    .iternext = w_iternext,
    .send = w_send_slot,
    .throw_ = w_throw_slot,
};

static const GetSetDef gen_getsets[] = {
    {"__name__", vm_gen_get_name, vm_gen_set_name},
    {"__qualname__", vm_gen_get_qualname, vm_gen_set_qualname},
    {"gi_running", get_running, NULL},
    {"gi_suspended", get_suspended, NULL},
    {"gi_code", get_code, NULL},
    {"gi_yieldfrom", get_yieldfrom, NULL},
    {"gi_frame", get_frame, NULL},
    {NULL, NULL, NULL},
};

static const GetSetDef coro_getsets[] = {
    {"__name__", vm_gen_get_name, vm_gen_set_name},
    {"__qualname__", vm_gen_get_qualname, vm_gen_set_qualname},
    {"cr_running", get_running, NULL},
    {"cr_suspended", get_suspended, NULL},
    {"cr_code", get_code, NULL},
    {"cr_await", get_yieldfrom, NULL},
    {"cr_frame", get_frame, NULL},
    {"cr_origin", get_origin, NULL},
    {NULL, NULL, NULL},
};

static const MethodDef gen_methods[] = {
    {"send", vm_slot_m_send, 0},
    {"throw", vm_slot_m_throw, 0},
    {"close", m_close, 0},
    {"__next__", vm_slot_m_next, 0},
    {"__iter__", vm_m_self, 0},
    {"__del__", vm_gen_m_del, 0},
    {NULL, NULL, 0},
};

static const MethodDef coro_methods[] = {
    {"send", vm_slot_m_send, 0},
    {"throw", vm_slot_m_throw, 0},
    {"close", m_close, 0},
    {"__await__", m_await, 0},
    {"__del__", vm_gen_m_del, 0},
    {NULL, NULL, 0},
};

ObjType generator_type = {
    .hdr = OBJ_STATIC_HEADER(&type_type),
    .flags = TYPE_HAS_FINALIZER,
    .finalize = vm_gen_finalize,
    .name = "generator",
    .module = "builtins",
    .basicsize = sizeof(ObjGen),
    .base = &object_type,
    .methods = gen_methods,
    .getsets = gen_getsets,
    .trace = vm_gen_trace,
    .free = vm_gen_free,
    .size = vm_gen_size,
    .repr = vm_gen_repr,
    .iter = gen_iter,
    .iternext = gen_iternext,
    .send = gen_send_slot,
    .throw_ = gen_throw_slot,
};

ObjType coroutine_type = {
    .hdr = OBJ_STATIC_HEADER(&type_type),
    .flags = TYPE_HAS_FINALIZER,
    .finalize = vm_gen_finalize,
    .name = "coroutine",
    .module = "builtins",
    .basicsize = sizeof(ObjGen),
    .base = &object_type,
    .methods = coro_methods,
    .getsets = coro_getsets,
    .trace = vm_gen_trace,
    .free = vm_gen_free,
    .size = vm_gen_size,
    .repr = vm_gen_repr,
    .send = gen_send_slot,
    .throw_ = gen_throw_slot,
};

bool vm_gen_cleanup_pending(Value v) {
    for (int depth = 0; depth < 10000; depth++) {
        const Frame *f = AS_GEN(v)->frame;
        if (!f || !(f->state == FRAME_SUSPENDED || f->state == FRAME_DELEGATING)) return false;
        if (code_handler_at(f->code, frame_lasti(f)) != NULL) return true;
        // Closing it closes what it delegates to (yield from, await), which
        // may have cleanup of its own.
        Value d = gen_yf_at(AS_GEN(v), NULL);
        if (!d || !IS_OBJ(d) || (AS_OBJ(d)->type != &generator_type && AS_OBJ(d)->type != &coroutine_type))
            return false;
        v = d;
    }
    return false;
}

void vm_gen_dropped(Vm *vm) {
    // CPython finalises (or warns about) an object the moment its last
    // reference goes; a full collection finds out here. Such collections are
    // paid from vm->drop_gc_budget, so a program that drops many such
    // objects stays linear: past the budget their finalisers run at the next
    // ordinary collection instead.
    size_t traced = vm->bytes_allocated > vm->permanent_bytes ? vm->bytes_allocated - vm->permanent_bytes : 0;
    if (traced > vm->drop_gc_budget) return;
    vm->drop_gc_budget -= traced;
    Value saved = rt_exc_take(vm);
    gc_push_root(vm, saved);
    gc_collect(vm);
    gc_pop_root(vm);
    vm->exc = saved;
}

// ---- the interface async generators use (gen_int.h) ----

SendResult vm_gen_send(Vm *vm, ObjGen *g, Value v, Value *out) { return gen_send_impl(vm, g, v, out); }
SendResult vm_gen_throw(Vm *vm, ObjGen *g, Value exc, Value *out) {
    return gen_throw_impl(vm, g, exc, out, false);
}
bool vm_gen_close(Vm *vm, ObjGen *g) { return gen_close_impl(vm, g); }
Value vm_gen_yf(Vm *vm, ObjGen *g) { return gen_yf(vm, g, NULL); }

// ---- delegation for SEND ----

bool vm_yield_from_iter(Vm *vm, Frame *f, Value v, Value *out) {
    if (IS_TYPE_EXACT(v, coroutine_type)) {
        if (!(f->code->flags & (CODE_COROUTINE | CODE_ITERABLE_COROUTINE)))
            return rt_raise(vm, &TypeError_type,
                            "cannot 'yield from' a coroutine object in a non-coroutine generator");
        *out = v;
        return true;
    }
    if (IS_TYPE_EXACT(v, generator_type)) {
        *out = v;
        return true;
    }
    return rt_iter(vm, v, out);
}

bool vm_get_awaitable(Vm *vm, Value v, Value *out) {
    if (IS_TYPE_EXACT(v, coroutine_type)) {
        ObjGen *g = AS_GEN(v);
        if (gen_yf(vm, g, NULL))
            return rt_raise(vm, &RuntimeError_type, "coroutine is being awaited already");
        *out = v;
        return true;
    }
    // A generator made by types.coroutine is awaitable as it is.
    if (IS_TYPE_EXACT(v, generator_type) && (GEN_CODE(AS_GEN(v))->flags & CODE_ITERABLE_COROUTINE)) {
        *out = v;
        return true;
    }
    Value fn, it;
    ObjType *vt = rt_type(v);
    if (vt->await_) {
        // A builtin awaitable (asyncio's Future): its slot, no method call.
        // Classes made by Python code never have it: they go by __await__.
        TRY(vt->await_(vm, v, &it));
    } else {
        int r = type_lookup(vm, vt, NAME(vm, await), &fn, NULL);
        if (r < 0) return false;
        if (!r)
            return rt_raise(vm, &TypeError_type, "object %s can't be used in 'await' expression",
                            type_name(vt));
        TRY(rt_call_method(vm, v, NAME(vm, await), NULL, 0, &it));
    }
    if (IS_TYPE_EXACT(it, coroutine_type) ||
        (IS_TYPE_EXACT(it, generator_type) && (GEN_CODE(AS_GEN(it))->flags & CODE_ITERABLE_COROUTINE)))
        return rt_raise(vm, &TypeError_type, "__await__() returned a coroutine");
    if (!TYPE_SLOT(rt_type(it), iternext))
        return rt_raise(vm, &TypeError_type, "__await__() returned non-iterator of type '%s'",
                        type_name(rt_type(it)));
    *out = it;
    return true;
}

bool vm_get_awaitable_op(Vm *vm, Value v, uint32_t where, Value *out) {
    if (vm_get_awaitable(vm, v, out)) return true;
    if (!where || !rt_exc_matches(vm, &TypeError_type)) return false;
    // CPython words the error after the async with method when the object
    // has no __await__ at all.
    Value fn;
    int r = type_lookup(vm, rt_type(v), NAME(vm, await), &fn, NULL);
    if (r != 0 || IS_TYPE_EXACT(v, coroutine_type)) return false;
    rt_exc_clear(vm);
    return rt_raise(vm, &TypeError_type,
                    "'async with' received an object from %s that does not implement __await__: %s",
                    where == 1 ? "__aenter__" : "__aexit__", type_name(rt_type(v)));
}

SendResult vm_send(Vm *vm, Value receiver, Value v, Value *out) {
    if (is_gen(receiver)) return gen_send_impl(vm, AS_GEN(receiver), v, out);
    // Builtin awaitables (coroutine_wrapper, asend, athrow, anext's) finish
    // with a value, which the iterator protocol cannot carry.
    ObjType *t = rt_type(receiver);
    if (t->send) return t->send(vm, receiver, v, out);
    // A class's __next__ may finish with StopIteration(value): call it
    // directly so the value is not lost in the iternext slot.
    if (IS_NONE(v) && TYPE_IS_HEAP(t)) {
        if (rt_call_method(vm, receiver, NAME(vm, next), NULL, 0, out)) return SEND_NEXT;
        if (rt_exc_matches(vm, &StopIteration_type)) {
            Value e = rt_exc_take(vm);
            *out = AS_EXC(e)->value ? AS_EXC(e)->value : NONE_VAL;
            return SEND_RETURN;
        }
        return SEND_ERROR;
    }
    if (IS_NONE(v)) {
        IterResult r = rt_next(vm, receiver, out);
        if (r == ITER_NEXT) return SEND_NEXT;
        if (r == ITER_DONE) {
            *out = NONE_VAL;
            return SEND_RETURN;
        }
        if (rt_exc_matches(vm, &StopIteration_type)) {
            Value e = rt_exc_take(vm);
            *out = AS_EXC(e)->value ? AS_EXC(e)->value : NONE_VAL;
            return SEND_RETURN;
        }
        return SEND_ERROR;
    }
    if (rt_call_method(vm, receiver, NAME(vm, send), &v, 1, out)) return SEND_NEXT;
    if (rt_exc_matches(vm, &StopIteration_type)) {
        Value e = rt_exc_take(vm);
        *out = AS_EXC(e)->value ? AS_EXC(e)->value : NONE_VAL;
        return SEND_RETURN;
    }
    return SEND_ERROR;
}
