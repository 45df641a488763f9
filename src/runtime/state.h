// Vm: all interpreter state, passed explicitly to every function. There are
// no mutable globals: two Vms in one process never share anything but the
// static (immutable) builtin types and singletons.
//
// Hooks are how the runtime reaches code that lives above it (the VM): the
// call of a Python callable, extra GC roots (frames), finalisers and frame
// resumption. rt_vm_new installs defaults that work without a VM.
#ifndef RUNTIME_STATE_H
#define RUNTIME_STATE_H
#include "runtime/object.h"
#include "runtime/names.h"
#include "runtime/pool.h"

#define RT_MAX_TEMP_ROOTS 4096
#define RT_C_DEPTH_LIMIT 1500

typedef struct VmHooks {
    // Calls a callable whose type has no call slot (Python functions). The
    // default raises "'X' object is not callable".
    bool (*call)(Vm *vm, Value callable, Value *args, size_t nargs, Value kwnames,
                 Value *out);
    // Marks the VM's own roots (frames, code being compiled) with gc_mark_value.
    void (*mark_roots)(Vm *vm);
    // Resumes a suspended frame (generators/coroutines); NULL until the VM sets it.
    SendResult (*resume)(Vm *vm, Value gen, Value in, Value exc, Value *out);
    // Runs a finaliser (__del__) of [obj] queued by the GC; NULL: skip.
    void (*finalize)(Vm *vm, Value obj);
    // A blocking call (sleep, a read) was interrupted by a signal (EINTR):
    // false with the exception set (KeyboardInterrupt) to abandon it, true
    // to carry on. NULL: carry on.
    bool (*check_signals)(Vm *vm);
    // Makes the signal handler write a byte to [fd] (-1: none) so that a
    // poll() on it wakes up; returns the previous fd. NULL: not available.
    int (*set_wakeup_fd)(int fd);
    // A task took over the coroutine [coro] (vm_gen_adopt). NULL: nothing.
    void (*adopt_coroutine)(Vm *vm, Value coro);
    // Set by the REPL while its prompt is shown and the event loop runs
    // (NULL otherwise): program output is about to reach the terminal
    // (print, a file's write, a traceback), and the loop is about to block
    // in poll(). The REPL clears its prompt before the output and draws it
    // again before the wait.
    void (*before_output)(Vm *vm);
    void (*before_wait)(Vm *vm);
    void *ctx;   // free for the VM's use
} VmHooks;

// Descriptors made for builtin method/getset tables, keyed by the table
// entry's address, so attribute lookup on builtin types allocates once per
// entry and never again (open addressing; the objects are GC roots).
typedef struct DescrCache {
    const void **keys;
    Obj **descrs;
    size_t cap, used;
} DescrCache;

// The weak table of interned strings (open addressing, NULL = empty,
// tombstones are (ObjStr *)1).
typedef struct InternTable {
    ObjStr **slots;
    size_t cap, used, filled;
} InternTable;

struct Vm {
    // --- exceptions ---
    Value exc;                 // the pending exception, VAL_NULL when none
    // The StopIteration that a Python __next__ raised to end the iteration
    // that last ended so (slots.c): next() raises that very exception, as
    // CPython's next(), enumerate, map and zip pass it on with its args.
    // A for loop that ends drops it.
    Value iter_stop;
    Value memory_error;        // preallocated MemoryError instance
    int c_depth;               // nested C recursion (repr, compare, vm_run ...)
    int c_limit;

    // --- heap ---
    Obj *objects;              // all GC objects, newest first
    Obj *permanent;            // objects collections skip (gc_make_permanent)
    size_t permanent_bytes;
    Pool pool;                 // small blocks (rt_realloc allocates from it)
    size_t bytes_allocated;
    size_t next_gc;
    size_t gc_live;            // bytes still allocated after the last collection
    size_t gc_live_before;     // the same, one collection earlier
    // What collections run early to finalise a dropped object at once
    // (vm_gen_dropped) may still trace, in bytes: a start, plus four times
    // what the program allocates (collect adds it), so that they cost at most
    // a constant factor over the program's own work.
    size_t drop_gc_budget;
    bool gc_running;
    bool gc_disabled;          // while the Vm is being built or torn down
    unsigned long alloc_count; // for AIOPY_FAILMALLOC
    unsigned long fail_at;     // 0 = never; fail the Nth allocation
    bool fail_persistent;
    size_t gc_collections;

    Obj **gray;                // explicit marking stack
    size_t gray_len, gray_cap;
    bool gray_overflow;        // a push failed: rescan the heap for gray objects

    Obj **finq;                // objects whose finaliser must run
    size_t finq_len, finq_cap;
    // Objects allocated with a finaliser type and not yet queued: an upper
    // bound (a type gaining __del__ late makes it "always"), so collections
    // skip the heap walk for finalisers when it is 0 (gc.c).
    size_t gc_finalizable;

    size_t ntemp_roots;

    Obj **repr_stack;          // containers whose repr is in progress
    size_t repr_len, repr_cap;

    InternTable interned;
    DescrCache descr_cache;
    ObjStr *names[NAME_COUNT_];    // interned identifiers used by the runtime

    // --- globals reachable from everywhere ---
    Value modules;             // dict: sys.modules
    Value builtins;            // dict: the builtins module namespace
    Value small_strs[128];     // one-character ASCII strings, made on demand
    Value empty_str, empty_tuple, empty_bytes;
    int max_str_digits;        // sys.set_int_max_str_digits (4300)
    Value context;             // contextvars: the current Context, VAL_NULL until
                               // needed (runtime/context.h); a GC root

    VmHooks hooks;

    // asyncio's state (runtime/asyncio/aio.h), made when asyncio is first
    // used: a program that never imports it pays nothing.
    struct AioState *aio;
    bool aio_virtual_time;     // aiopy -X virtual_time: new event loops use virtual time
    // -i: a REPL follows the program, in its __main__: running it neither
    // tears __main__ down nor takes an uncaught SystemExit as the exit
    // status (it is printed like any exception, as CPython does).
    bool inspect;
    // Set while teardown finalises what builtins._ held: CPython does that
    // first, while its warnings module still formats warnings in full.
    bool teardown_warnings_alive;
    // The REPL on a terminal (NO_COLOR unset): uncaught exceptions' last
    // lines in colour, as CPython 3.13's prompt shows them.
    bool color_tracebacks;

    // Last, and left unzeroed by rt_vm_new: only [0, ntemp_roots) is ever
    // read, and not clearing 32 KB that an empty script never touches saves
    // start-up eight page faults (calloc would write every page).
    Value temp_roots[RT_MAX_TEMP_ROOTS];
};

// Creation and teardown: freeing the Vm frees every object it allocated.
Vm *rt_vm_new(void);
void rt_vm_free(Vm *vm);

// The interned name [id] (see names.h).
#define NAME(vm, id) ((vm)->names[NAME_##id])

#endif // RUNTIME_STATE_H
