// The C half of asyncio (the `_asyncio` module): Future, Task, Handle,
// TimerHandle and the core of the event loop. The rest of the module surface
// (run, gather, locks, queues, TaskGroup, streams, ...) is Python in
// lib/asyncio/, built on these types as CPython's asyncio is built on its
// _asyncio accelerator; reprs and the exception handler live there too.
//
// Files: state.c (per-interpreter state, the module functions, GC hooks),
// future.c (Future and its __await__ iterator), task.c (Task: stepping a
// coroutine through the one send/throw entry), handle.c (Handle and
// TimerHandle), loop.c (the loop core: ready queue, timer heap, run_once),
// poll.c (file descriptors, the self-pipe, the clock).
//
// Ordering is CPython's: one FIFO ready queue of callbacks that each loop
// iteration runs up to the length it had when the iteration started; done
// callbacks are scheduled on it, never called inline; timers move to it in
// (deadline, creation order) order. The ready queue holds plain entries, not
// Handle objects, for what Python code never sees (task steps and wake-ups,
// done callbacks): a task step costs no allocation.
#ifndef RUNTIME_ASYNCIO_AIO_H
#define RUNTIME_ASYNCIO_AIO_H
#include "runtime/module.h"
#include "runtime/state.h"

// ---- Future ----

enum { FUT_PENDING = 0, FUT_CANCELLED, FUT_FINISHED };

// A done callback: the callable and the contextvars Context to run it in.
// Task wake-ups are stored as fn = the task, with [wakeup] set, so an await
// allocates no bound method.
typedef struct FutCallback {
    Value fn;
    Value ctx;
    bool wakeup;
} FutCallback;

typedef struct ObjFuture {
    Obj hdr;
    Value dict;            // instance attributes (CPython's Future has a __dict__)
    Value loop;
    Value result;          // the result, or the exception when [has_exc]
    Value exc_tb;          // the exception's traceback when it was set (see future.c)
    Value cancel_msg;
    Value cancelled_exc;   // the CancelledError to re-raise (a task's own)
    FutCallback *cbs;      // done callbacks, in order
    uint32_t ncbs, cbcap;
    uint8_t state;
    bool has_exc;
    bool log_tb;           // an exception nobody retrieved yet
    bool blocking;         // _asyncio_future_blocking
    bool is_task;
} ObjFuture;

typedef struct ObjTask {
    ObjFuture fut;
    Value coro;
    Value name;            // str; or a small int N standing for 'Task-N' until read
    Value context;         // the contextvars Context its steps run in
    Value fut_waiter;      // the future it waits for
    int64_t num_cancels;
    bool must_cancel;
    bool log_destroy_pending;
} ObjTask;

extern ObjType aio_future_type, aio_future_iter_type, aio_task_type;
#define IS_FUTURE(v) IS_INSTANCE(v, aio_future_type)
#define AS_FUTURE(v) ((ObjFuture *)AS_OBJ(v))
#define IS_TASK(v) IS_INSTANCE(v, aio_task_type)
#define AS_TASK(v) ((ObjTask *)AS_OBJ(v))

// The future becomes done (InvalidStateError when it is already).
bool aio_future_set_result(Vm *vm, ObjFuture *f, Value result);
bool aio_future_set_exception(Vm *vm, ObjFuture *f, Value exc);
// Future.cancel(msg): false when it was already done.
bool aio_future_cancel(Vm *vm, ObjFuture *f, Value msg, bool *cancelled);
// Adds a done callback (scheduled at once when the future is done).
bool aio_future_add_callback(Vm *vm, ObjFuture *f, Value fn, Value ctx, bool wakeup);
// What awaiting a done future gives: 0 result in *out, 1 exception in *out
// (not raised), -1 raised (a CancelledError, or an error).
int aio_future_get_result(Vm *vm, ObjFuture *f, Value *out);
// The exception is retrieved (or the future is gone): nothing to report.
void aio_future_clear_log_tb(Vm *vm, ObjFuture *f);
// The CancelledError a cancelled future raises (CPython's _make_cancelled_error).
bool aio_future_cancelled_error(Vm *vm, ObjFuture *f, Value *out);
// The loop of any future-like object: fut.get_loop(), or fut._loop.
bool aio_future_loop_of(Vm *vm, Value fut, Value *out);

// ---- Task ----

// Runs one step of [t]: sends None (exc VAL_NULL) or throws [exc] into its
// coroutine and acts on what it yields. False only for an exception that
// must leave the loop (KeyboardInterrupt, SystemExit, or an internal error).
bool aio_task_step(Vm *vm, ObjTask *t, Value exc);
// The done callback of the future [fut] a task was waiting for.
bool aio_task_wakeup(Vm *vm, ObjTask *t, Value fut);

// ---- Handle / TimerHandle ----

typedef struct ObjHandle {
    Obj hdr;
    Value callback;
    Value args;            // tuple
    Value loop;
    Value context;
    Value repr;            // debug mode: the repr kept after cancel (unused for now)
    bool cancelled;
    // TimerHandle only:
    bool scheduled;
    double when;
    uint64_t seq;          // creation order: ties on [when] run FIFO
    size_t heap_index;
} ObjHandle;

extern ObjType aio_handle_type, aio_timer_handle_type;
#define IS_HANDLE(v) IS_INSTANCE(v, aio_handle_type)
#define AS_HANDLE(v) ((ObjHandle *)AS_OBJ(v))

ObjHandle *aio_handle_new(Vm *vm, ObjType *t, Value callback, Value args, Value loop, Value ctx);
// Runs the callback in its context; an exception goes to the loop's
// exception handler. False only for KeyboardInterrupt/SystemExit.
bool aio_handle_run(Vm *vm, ObjHandle *h);

// ---- the loop core ----

enum { READY_HANDLE, READY_STEP, READY_WAKEUP, READY_CALLBACK };

// One entry of the ready queue: a Handle (a = the handle), a task step (a =
// task, b = the exception to throw or VAL_NULL), a task wake-up (a = task, b
// = the future) or a done callback (a = fn, b = the future, ctx).
typedef struct ReadyItem {
    Value a, b, ctx;
    uintptr_t kind;
} ReadyItem;

// A file descriptor the loop polls for a reader and/or writer Handle.
typedef struct FdWatch {
    int fd;
    Value reader, writer;  // Handles or VAL_NULL
} FdWatch;

typedef struct ObjLoop {
    Obj hdr;
    Value dict;
    ReadyItem *ready;      // ring buffer
    size_t rhead, rlen, rcap;
    ObjHandle **timers;    // binary min-heap on (when, seq)
    size_t ntimers, tcap;
    uint64_t timer_seq;
    size_t timer_cancelled_count;
    FdWatch *fds;
    size_t nfds, fcap;
    int wake_fds[2];       // the self-pipe (-1 when not open)
    Value current_task;
    bool stopping, closed, running, debug;
    bool virtual_time;     // aiopy -X virtual_time: the clock jumps to the next timer
    double vclock;
} ObjLoop;

extern ObjType aio_loop_type;
#define IS_LOOP(v) (IS_OBJ(v) && (AS_OBJ(v)->type->flags & TYPE_LOOP_CORE))
#define AS_LOOP(v) ((ObjLoop *)AS_OBJ(v))

// Appends to the ready queue (the loop must be a loop core; closed loops
// raise 'Event loop is closed').
bool aio_loop_push(Vm *vm, ObjLoop *l, int kind, Value a, Value b, Value ctx);
// call_soon(fn, arg, context=ctx) on any loop: the fast path for loop cores,
// loop.call_soon otherwise.
bool aio_call_soon(Vm *vm, Value loop, int kind, Value a, Value b, Value ctx);
double aio_loop_time(ObjLoop *l);
bool aio_loop_add_timer(Vm *vm, ObjLoop *l, ObjHandle *h);
void aio_loop_timer_cancelled(ObjLoop *l, ObjHandle *h);
// The poller (poll.c): waits up to [timeout] seconds (< 0: no limit) for
// file descriptors and moves the Handles of those ready to the ready queue.
bool aio_poll(Vm *vm, ObjLoop *l, double timeout);
bool aio_poll_open(Vm *vm, ObjLoop *l);
void aio_poll_close(ObjLoop *l);
// The monotonic clock, in seconds (time.monotonic()).
double aio_monotonic(void);

// ---- per-interpreter state (state.c) ----

typedef struct AioState {
    Value running_loop;        // set by _set_running_loop
    Value exc_cancelled;       // asyncio.CancelledError
    Value exc_invalid_state;   // asyncio.InvalidStateError
    Value helpers;             // dict: Python helpers registered by lib/asyncio (_setup)
    Value current_tasks;       // dict loop -> task, for loops that are not loop cores
    uint64_t task_counter;     // names Task-1, Task-2, ... across all loops
    // The weak registry behind all_tasks(): tasks live until collected.
    Obj **tasks;
    size_t ntasks, tcap;
    // When to collect at the end of an iteration (state.c): futures alive
    // with an exception nobody retrieved, whether one failed or a task
    // finished during this iteration, and the allocation budget that
    // spaces out collections that found nothing to report.
    size_t unretrieved;
    bool failed_this_iter, task_done_this_iter;
    unsigned gc_misses;        // collections in a row that reported nothing
    // The live _WeakSet objects, whose members the collector prunes.
    Obj **weaksets;
    size_t nweaksets, wscap;
    size_t gc_budget;
} AioState;

// The state, made on first use (NULL with MemoryError raised).
AioState *aio_state(Vm *vm);
// GC hooks (gc.c): mark the state's roots; drop dead tasks from the registry.
void aio_mark_roots(Vm *vm);
void aio_sweep_weak(Vm *vm);
void aio_state_free(Vm *vm);
void aio_sweep_weaksets(Vm *vm);   // weakset.c
extern ObjType aio_weakset_type;

// Registers a task in the weak registry.
bool aio_register_task(Vm *vm, ObjTask *t);
// _enter_task / _leave_task with CPython's errors.
bool aio_enter_task(Vm *vm, Value loop, Value task);
bool aio_leave_task(Vm *vm, Value loop, Value task);
// Calls the Python helper [name] registered by lib/asyncio/__init__.py.
bool aio_call_helper(Vm *vm, const char *name, Value *args, size_t nargs, Value *out);
// Raises asyncio.InvalidStateError / CancelledError with a formatted message.
bool aio_raise_invalid_state(Vm *vm, const char *fmt, ...);
bool aio_is_cancelled_error(Vm *vm, Value exc);
bool aio_new_cancelled_error(Vm *vm, Value msg, Value *out);
// loop.call_exception_handler(context) for a context of up to three keys.
bool aio_report(Vm *vm, Value loop, const char *message, const char *k1, Value v1,
                const char *k2, Value v2);

bool rt_asyncio_init(Vm *vm, ObjModule *m);

#endif // RUNTIME_ASYNCIO_AIO_H
