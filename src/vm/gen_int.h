// Internal interface between gen.c (generators and coroutines, the one
// resume routine) and asyncgen.c (async generators and their awaitables):
// the generator object layout and the send/throw/close entry points, which
// async generators drive through their asend/athrow awaitables.
#ifndef VM_GEN_INT_H
#define VM_GEN_INT_H
#include "vm/vm_int.h"

// One allocation: the ObjGen, then its Frame (with the locals and the value
// stack), as CPython embeds the frame in the generator. `frame` points to it
// while the body can run (created, running, suspended or parked) and is NULL
// once it finished; the memory stays until the generator is freed.
typedef struct ObjGen {
    Obj hdr;
    Frame *frame;        // NULL once finished
    Value name, qualname;
    // A coroutine that has not started records where it was created (the
    // never-awaited warning); from its first resume on, the same words hold
    // the exception state. `started` says which.
    union {
        struct {
            Value origin_code;     // VAL_NULL for non-coroutines and once warned
            Value origin_globals;
        };
        struct {
            Value exc_state;       // the exception this generator was handling
                                   // when it yielded or parked in an await
            // Entered by a SEND: its awaiter's handled exception (unless
            // outer_inherits: then the resumer's). The root of a suspended
            // await chain has no awaiter and keeps there the exception
            // handled where the chain yielded (gen.c).
            union {
                Value outer_exc;
                Value leaf_exc;
            };
        };
    };
    // The root of a suspended await chain caches where the chain yielded:
    // the leaf generator, its depth below this one and the chain epoch the
    // cache belongs to (gen.c).
    Value leaf;
    Value frame_obj;     // gi_frame's object, made on first use (frameobj.c)
    // Async generators: the finalizer hook (sys.set_asyncgen_hooks) in force
    // when it was first iterated; it is called instead of closing the
    // generator when it is collected unfinished (asyncio then schedules
    // aclose() on its loop).
    Value ag_finalizer;
    union {
        uint32_t origin_lasti;   // while unstarted (with origin_code)
        uint32_t leaf_epoch;
    };
    // Flags packed with the leaf's depth: every suspended generator carries
    // them (a chain deeper than 16M levels cannot be built in memory).
    unsigned leaf_depth : 24;
    unsigned running : 1;        // executing, or the entry of a resume (levels
                                 // parked in a running chain are running too:
                                 // gen.c derives it)
    unsigned started : 1;
    unsigned outer_inherits : 1;
    unsigned running_async : 1;  // async generators: an asend/athrow is in progress
    unsigned ag_closed : 1;      // async generators: aclose() ran or the body ended
    unsigned adopted : 1;        // an unstarted coroutine a task took over: dropping
                                 // other references to it does not lose it
    unsigned ag_hooks_inited : 1; // async generators: the hooks ran (first iteration)
} ObjGen;

_Static_assert(sizeof(ObjGen) % _Alignof(Frame) == 0, "the frame follows the ObjGen");

// The frame stored after [g], whatever its state.
#define GEN_FRAME_MEM(g) ((Frame *)((ObjGen *)(g) + 1))
// The generator owning [f] (owner FRAME_OWNED_BY_GEN).
#define FRAME_GEN(f) ((ObjGen *)(f) - 1)
// Its code (also after the body finished).
#define GEN_CODE(g) (GEN_FRAME_MEM(g)->code)

// A generator/coroutine/async generator object (by [co]'s flags) with
// [frame_bytes] of room for its frame, which the caller fills and links
// (call.c); gen_init then records the names and the coroutine's origin (the
// frame is still linked above its caller) and makes it the generator's frame.
ObjGen *gen_alloc(Vm *vm, ObjCode *co, size_t frame_bytes);
void gen_init(Vm *vm, ObjGen *g);

#define AS_GEN(v) ((ObjGen *)AS_OBJ(v))

extern ObjType async_generator_type, coroutine_wrapper_type;

// The resume entry (gen.c): send [v] / throw [exc] (an instance) into [g].
SendResult vm_gen_send(Vm *vm, ObjGen *g, Value v, Value *out);
SendResult vm_gen_throw(Vm *vm, ObjGen *g, Value exc, Value *out);
// close(): GeneratorExit at the suspension point; false with an exception.
bool vm_gen_close(Vm *vm, ObjGen *g);
// throw(exc) / throw(type[, value[, tb]]) arguments -> the exception instance.
bool vm_gen_normalize_throw(Vm *vm, Value *args, size_t n, Value *exc);
// The finaliser every generator-like type uses (closes a suspended frame).
void vm_gen_finalize(Vm *vm, Obj *o);
void vm_gen_trace(Vm *vm, Obj *o);
void vm_gen_free(Vm *vm, Obj *o);
// The size slot: the object and its frame.
size_t vm_gen_size(const Obj *o);
bool vm_gen_repr(Vm *vm, Value self, Value *out);
// gi_frame / cr_frame / ag_frame: the frame object, None once finished.
bool vm_gen_frame_object(Vm *vm, Value gen, Value *out);
// [g]'s body finishes and it has a frame object: that keeps the locals.
void vm_frame_object_detach(Vm *vm, ObjGen *g);
// The delegate a suspended frame is awaiting (or VAL_NULL).
Value vm_gen_yf(Vm *vm, ObjGen *g);

// POP_TOP dropped a coroutine that never ran: CPython warns right away (its
// refcount hits zero), so a collection runs now, which warns if nothing else
// holds it. Never-awaited coroutines are bugs, so this is rare.
static inline bool vm_gen_unstarted(Value v) {
    ObjGen *g = AS_GEN(v);
    return g->frame && !g->started && g->origin_code && !g->adopted;
}
// A scheduler (an asyncio Task) owns the coroutine [v] from now on: it stops
// counting as one that dropping a reference could leave never awaited (it
// still warns if it is collected without ever running).
void vm_gen_adopt(Vm *vm, Value v);
void vm_gen_dropped(Vm *vm);
// ThreadState.throw_here_stop is set when throw() raises its exception at a
// yield from / await whose delegate has no throw(): CPython 3.11 raises it
// there as it is, so the CLEANUP_THROW that meets it first (and clears it)
// must not take a StopIteration for the delegate's return value.
// ThreadState.throw_nochain is set while throw() resumes a generator that
// has no handled exception of its own: CPython chains a thrown exception
// with the generator's own handled exception only (a close()'s
// GeneratorExit also with the caller's), so the resumed frame must not
// chain it with its caller's.
// Whether the suspended generator [v] would run code when closed: it, or a
// generator or coroutine it delegates to (yield from, await), is suspended
// where a handler (finally, with, except) covers it.
bool vm_gen_cleanup_pending(Value v);
// send/__next__/throw as Python methods, for every type with send/throw_
// slots (generators, coroutines, coroutine_wrapper, the async awaitables).
bool vm_slot_m_send(Vm *vm, Value *args, size_t nargs, Value kw, Value *out);
bool vm_slot_m_next(Vm *vm, Value *args, size_t nargs, Value kw, Value *out);
bool vm_slot_m_throw(Vm *vm, Value *args, size_t nargs, Value kw, Value *out);
// Methods returning their receiver (__iter__, __await__, __aiter__ of the
// awaitables; the class for __class_getitem__), and __del__ (the finaliser).
bool vm_m_self(Vm *vm, Value *args, size_t nargs, Value kw, Value *out);
bool vm_gen_m_del(Vm *vm, Value *args, size_t nargs, Value kw, Value *out);
// Whether [v] is such a coroutine (any value: stores check what they overwrite).
static inline bool vm_gen_is_unstarted(Value v) {
    return v && IS_OBJ(v) && AS_OBJ(v)->type == &coroutine_type && vm_gen_unstarted(v);
}
// Whether [from, to) holds such a coroutine (values an exception drops).
static inline bool vm_gen_any_unstarted(const Value *from, const Value *to) {
    for (; from < to; from++)
        if (*from && IS_OBJ(*from) && AS_OBJ(*from)->type == &coroutine_type && vm_gen_unstarted(*from))
            return true;
    return false;
}
// Whether [from, to), the value-stack temporaries an exception pops, holds
// an object whose drop shows: a never-awaited coroutine, or the iterator of
// a (async) for loop the exception leaves, suspended with cleanup pending
// (CPython pops the stack before the handler runs, so the generator's
// finally runs first, as POP_TOP does for break).
static inline bool vm_gen_any_drop_shows(const Value *from, const Value *to) {
    for (; from < to; from++) {
        if (!*from || !IS_OBJ(*from)) continue;
        const ObjType *t = AS_OBJ(*from)->type;
        if ((t == &coroutine_type && vm_gen_unstarted(*from)) ||
            ((t == &generator_type || t == &async_generator_type) && vm_gen_cleanup_pending(*from)))
            return true;
    }
    return false;
}

// `del NAME` dropped [v]. CPython finalises an object the moment its last
// reference goes, and for some objects that shows: a suspended generator or
// coroutine with a finally or with block pending, an unstarted coroutine,
// an instance with __del__, an asyncio future whose exception nobody
// retrieved (its finaliser is armed only then). For those the caller runs
// vm_gen_dropped's collection, which finalises [v] now if nothing else
// holds it.
static inline bool vm_drop_shows(Value v) {
    if (!v || !IS_OBJ(v)) return false;
    const Obj *o = AS_OBJ(v);
    if (!(o->type->flags & TYPE_HAS_FINALIZER) || (o->gcword & GC_FINALIZED)) return false;
    if (o->type == &generator_type || o->type == &async_generator_type || o->type == &coroutine_type)
        return vm_gen_cleanup_pending(v) || (o->type == &coroutine_type && vm_gen_unstarted(v));
    return true;
}

// __name__ and __qualname__ of generators, coroutines and async generators
// (getset functions): writable, strs only, as CPython's.
bool vm_gen_get_name(Vm *vm, Value self, Value *out);
bool vm_gen_get_qualname(Vm *vm, Value self, Value *out);
bool vm_gen_set_name(Vm *vm, Value self, Value v);
bool vm_gen_set_qualname(Vm *vm, Value self, Value v);

// Issues CPython's "coroutine 'NAME' was never awaited" RuntimeWarning for
// [coro], located at (co, lasti) in module [globals] (warn.c).
void vm_warn_never_awaited(Vm *vm, Value coro, ObjCode *co, uint32_t lasti, Value globals, ObjStr *qualname);

// Async generator `yield`: the value is wrapped so asend can tell it from
// what an inner await passes through (asyncgen.c).
bool vm_async_gen_wrap(Vm *vm, Value v, Value *out);

// The async protocols behind GET_AITER, GET_ANEXT, BEFORE_ASYNC_WITH and
// GET_AWAITABLE's async-with forms (asyncgen.c / gen.c), with CPython's errors.
bool vm_get_aiter(Vm *vm, Value v, Value *out);
bool vm_get_anext(Vm *vm, Value aiter, Value *out);
bool vm_before_async_with(Vm *vm, Value mgr, Value *exit_, Value *res);
// GET_AWAITABLE n: 0 await, 1 the __aenter__ result, 2 the __aexit__ result.
bool vm_get_awaitable_op(Vm *vm, Value v, uint32_t where, Value *out);

#endif // VM_GEN_INT_H
