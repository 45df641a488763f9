// Frames: the activation record of one code object, a plain C struct (not a
// GC object) holding the locals and the value stack in one flexible array:
//   localsplus[0 .. code->nlocalsplus)   fast locals, then cells (cellvars, freevars)
//   localsplus[nlocalsplus .. + stacksize)  the value stack; sp points past the top
// Frames of plain calls come from the thread's chunked LIFO stack (cheap push
// and pop); a generator or coroutine owns its frame (owner FRAME_OWNED_BY_GEN),
// stored right after the generator object in the same allocation
// (vm/gen_int.h), and keeps it across suspensions with ip and sp saved.
//
// The header is small because every suspended generator carries one: no
// builtins (they are vm->builtins for every frame: aiopy has no per-module
// __builtins__), no pointer to the owning generator (it sits just before).
//
// GC: every frame on the current chain is a root (code, function, globals,
// locals dict, localsplus up to the saved sp, and the owning generator); the
// VM's mark_roots hook walks it. A suspended generator frame is traced by its
// generator.
//
// The runtime defines the data; the VM (src/vm) executes it. ThreadState is
// the VM's execution state that the runtime also needs to read (the
// recursion limit for sys, the current frame for globals()/locals()/super()):
// it hangs off vm->hooks.ctx.
#ifndef RUNTIME_FRAME_H
#define RUNTIME_FRAME_H
#include <signal.h>
#include <stdint.h>

#include "runtime/code.h"
#include "runtime/state.h"

typedef struct Frame Frame;

enum { FRAME_OWNED_BY_THREAD = 0, FRAME_OWNED_BY_GEN = 1 };
enum { ITER_NONE = 0, ITER_FOR, ITER_CALL };
// FRAME_DELEGATING: a generator frame parked in its SEND while the
// generator it awaits (its receiver, on top of its stack) runs or is
// suspended further down an await chain; ip is just past the SEND and
// `previous` links the receiver's frame back to it (vm/gen.c).
enum { FRAME_CREATED = 0, FRAME_RUNNING, FRAME_SUSPENDED, FRAME_DELEGATING, FRAME_CLEARED };

struct Frame {
    ObjCode *code;
    Value func;          // the function being run; VAL_NULL for module code
    Value globals;       // dict
    Value locals;        // dict for module and class bodies (the *_NAME opcodes); else VAL_NULL
    uint32_t *ip;        // next instruction word (saved when the frame is not running)
    Value *sp;           // one past the top of the value stack (saved likewise)
    Frame *previous;     // the caller, the resumer, or (suspended in an await
                         // chain) the awaiter parked on this frame's generator
    uint32_t nvalues;    // length of localsplus (locals + stack)
    uint8_t owner;
    uint8_t state;
    bool entry;          // the outermost frame of a vm_run: returning leaves the C loop
    uint8_t iterated;    // a generator run inline by `previous`, whose FOR_ITER
                         // (ITER_FOR) or send()/next() call (ITER_CALL) takes
                         // its yields; ITER_NONE otherwise
    Value localsplus[];
};

static inline Value *frame_stack_base(Frame *f) { return f->localsplus + f->code->nlocalsplus; }
// Offset of the instruction being executed (ip has moved past it).
static inline uint32_t frame_lasti(const Frame *f) {
    return f->ip > f->code->words ? (uint32_t)(f->ip - f->code->words) - 1 : 0;
}

typedef struct FrameChunk {
    struct FrameChunk *prev;
    size_t cap, top;     // in bytes
    _Alignas(16) char data[];
} FrameChunk;

typedef struct ThreadState {
    Frame *current;      // innermost executing frame, or NULL
    int py_depth;        // Python frames on the chain (RecursionError at recursion_limit)
    int recursion_limit; // sys.getrecursionlimit()
    Value exc_info;      // the exception being handled (sys.exc_info()), VAL_NULL when none
    FrameChunk *chunk;   // LIFO frame storage
    FrameChunk *spare;   // one empty chunk kept to avoid malloc churn at a boundary
    volatile sig_atomic_t eval_breaker;   // nonzero: check signals / pending work
    // Live coroutines never started (never-awaited warning): while nonzero,
    // stores and returns check whether they drop one (see vm/gen_int.h).
    size_t unstarted_coros;
    // Await chains (vm/gen.c): bumped whenever a level inside a chain is
    // resumed on its own, which invalidates every cached chain leaf; and the
    // handled exception of the innermost resume's resumer (what chain levels
    // that handle none of their own inherit).
    uint32_t chain_epoch;
    uint32_t iterated_frames;   // frames running with `iterated` set
    // How a throw() resumes a generator (vm/gen.c sets, the resumed frame
    // reads and clears): chain the thrown exception with the caller's
    // handled one or not, and whether a StopIteration raised at a delegate
    // without throw() stays an exception (see vm/gen_int.h).
    bool throw_nochain;
    bool throw_here_stop;
    Value resume_outer;
    Value main_module;   // the __main__ module
    Value sys_module;
    Value search_path;   // list: sys.path
    Value build_class;   // the __build_class__ builtin
    Value agen_firstiter, agen_finalizer;   // sys.set_asyncgen_hooks (VAL_NULL: None)
    Value signal_handlers;   // list indexed by signal number: the Python handler
                             // the signal module installed, or None (vm/signals.c)
} ThreadState;

#define VM_TS(vm) ((ThreadState *)(vm)->hooks.ctx)

// The frame's locals as a new dict (module and class frames: their
// namespace) — locals(), frame.f_locals (builtins.c).
bool frame_locals(Vm *vm, Frame *f, Value *out);

#endif // RUNTIME_FRAME_H
