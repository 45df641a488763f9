// Internal interface of the VM's files (eval.c, call.c, vm.c, gen.c,
// traceback.c, dis.c): frame management, the call protocol, the dispatch
// loop's entry and the helpers the loop calls out to.
#ifndef VM_VM_INT_H
#define VM_VM_INT_H
#include <stdbool.h>

#include "runtime/code.h"
#include "runtime/frame.h"
#include "runtime/func.h"
#include "runtime/state.h"
#include "util/diag.h"

// ---- frames (call.c) ----
// A frame for [co] with room for its locals and stack, taken from the
// thread's LIFO chunk stack and linked as the new current frame (previous =
// the old one). Counts towards the recursion limit: NULL with RecursionError
// (or MemoryError) raised. (Generator frames live in their generator:
// vm_call_setup.)
Frame *vm_frame_push(Vm *vm, ObjCode *co, Value func, Value globals, Value locals);
// Unlinks the current frame [f] (must be ts->current) and releases it if the
// thread owns it.
static inline void vm_frame_pop(Vm *vm, Frame *f);
// The bytes a thread frame for [co] takes in its chunk.
static inline size_t vm_frame_bytes(const ObjCode *co) {
    size_t b = sizeof(Frame) + ((size_t)co->nlocalsplus + co->stacksize) * sizeof(Value);
    return (b + 15) & ~(size_t)15;
}
// A frame's fields for running [co] from its start (locals and links are
// the caller's to set).
static inline void vm_frame_init(Frame *f, ObjCode *co, Value func, Value globals, Value locals,
                                 uint8_t owner) {
    f->code = co;
    f->func = func;
    f->globals = globals;
    f->locals = locals;
    f->ip = co->words;
    f->nvalues = co->nlocalsplus + co->stacksize;
    f->owner = owner;
    f->state = FRAME_CREATED;
    f->entry = false;
    f->iterated = ITER_NONE;
}
// A chunk emptied by a pop: the previous one becomes current (call.c).
void vm_chunk_retire(ThreadState *ts);
static inline void vm_frame_pop(Vm *vm, Frame *f) {
    ThreadState *ts = VM_TS(vm);
    ts->current = f->previous;
    ts->py_depth--;
    if (f->owner != FRAME_OWNED_BY_THREAD) return;
    FrameChunk *c = ts->chunk;
    c->top -= vm_frame_bytes(f->code);
    if (c->top == 0 && c->prev) vm_chunk_retire(ts);
}
// The shortcut of a call from bytecode of [fn] (fn->simple_call) with
// exactly argcount positional [args]: the frame is carved from the current
// chunk and the arguments copied, nothing can fail or allocate. NULL when
// the chunk is full or the recursion limit is reached: vm_call_setup then
// does the general work (and raises).
static inline Frame *vm_frame_push_simple(ThreadState *ts, ObjFunction *fn, const Value *args) {
    ObjCode *co = fn->code;
    FrameChunk *c = ts->chunk;
    size_t bytes = vm_frame_bytes(co);
    if (!c || c->cap - c->top < bytes || ts->py_depth >= ts->recursion_limit) return NULL;
    Frame *f = (Frame *)(c->data + c->top);
    c->top += bytes;
    vm_frame_init(f, co, OBJ_VAL(fn), fn->globals, VAL_NULL, FRAME_OWNED_BY_THREAD);
    Value *loc = f->localsplus;
    uint32_t argc = co->argcount, n = co->nlocalsplus;
    for (uint32_t i = 0; i < argc; i++) loc[i] = args[i];
    for (uint32_t i = argc; i < n; i++) loc[i] = VAL_NULL;
    f->sp = loc + n;
    f->previous = ts->current;
    ts->current = f;
    ts->py_depth++;
    return f;
}
// Marks a frame's values for the GC.
void vm_frame_mark(Vm *vm, Frame *f);

// ---- calls (call.c) ----
// Binds [args] (nargs positional then one value per kwnames entry) into the
// fresh frame [f] of function [fn], with CPython's error messages; then
// makes the cells and copies the closure.
bool vm_bind_args(Vm *vm, Frame *f, ObjFunction *fn, Value *args, size_t nargs, Value kwnames);
// Pushes and binds a frame for calling [fn]. For a generator/coroutine
// function the frame is the one inside the new generator object, which
// *[gen] receives (the frame is not linked in then); otherwise *[gen] is
// VAL_NULL.
Frame *vm_call_setup(Vm *vm, ObjFunction *fn, Value *args, size_t nargs, Value kwnames, Value *gen);
// vm->hooks.call: calls a Python function from C (a nested vm_run).
bool vm_call_function(Vm *vm, Value callable, Value *args, size_t nargs, Value kwnames, Value *out);
// The function name used in argument errors: its __qualname__.
const char *vm_func_name(ObjFunction *fn);

// ---- the dispatch loop (eval.c) ----
// Runs from the current frame [entry] until it returns (true, *out = the
// value) or an exception leaves it (false, exception on vm->exc). The entry
// frame is popped in both cases (thread frames) or left suspended/cleared
// (generator frames).
bool vm_run(Vm *vm, Frame *entry, Value *out);
// Result of running a generator frame [entry] until it yields or returns;
// execution starts in [start]: the entry, or the leaf of the await chain
// parked above it (gen.c).
SendResult vm_run_gen(Vm *vm, Frame *entry, Frame *start, Value *out, bool throwing);

// ---- helpers (vm.c) ----
bool vm_import_name(Vm *vm, Frame *f, Value name, Value fromlist, Value level, Value *out);
bool vm_import_from(Vm *vm, Value module, Value name, Value *out);
bool vm_import_star(Vm *vm, Frame *f, Value module);
bool vm_build_class(Vm *vm, Value *args, size_t nargs, Value kwnames, Value *out);
// Sets exc.__context__ to the exception being handled, breaking cycles.
void vm_chain_context(Vm *vm, Value exc);
// After a failed attribute load: AttributeError.name/obj and the suggestion.
void vm_attr_error_context(Vm *vm, Value obj, Value name);
// The NameError message with CPython 3.11's "Did you mean" suggestion.
bool vm_raise_name_error(Vm *vm, Frame *f, Value name);

// ---- generators (gen.c) ----
// SEND into a generator/coroutine without C recursion: links its frame
// above [caller] (which parks, FRAME_DELEGATING) with [v] pushed and returns
// it, or NULL when the slow path (vm_send) must handle the case.
// gen_inline_leave unlinks it when it finishes (frame freed, PEP 479 applied
// to vm->exc) and the caller runs again; gen_flat_yield records that the
// chain's [leaf] yielded straight to the resumer of [entry].
Frame *gen_inline_enter(Vm *vm, Value gen, Value v, Frame *caller);
void gen_inline_leave(Vm *vm, Frame *f);
void gen_flat_yield(Vm *vm, Frame *leaf, Frame *entry);
// FOR_ITER over a generator without C recursion: links its frame above the
// loop's [caller] and returns it, or NULL for the slow path (rt_next).
// gen_for_yield: [leaf] (the iterated frame, or a level of a chain it
// delegates to) yields; returns the loop's frame to continue in with the
// value, or NULL when no iterated frame is below it.
Frame *gen_for_enter(Vm *vm, Value gen, Frame *caller);
// g.send(v), g.__next__() or next(g) called from bytecode, run the same way;
// its return becomes the StopIteration the call raises (vm_gen_raise_stop).
Frame *gen_call_enter(Vm *vm, Value gen, Value v, Frame *caller);
bool vm_gen_raise_stop(Vm *vm, Value v);
Frame *gen_for_yield(Vm *vm, Frame *leaf);
extern ObjType generator_type, coroutine_type;

// ---- traceback (traceback.c) ----
// Prints [exc] with its chain, as CPython's default excepthook does.
void vm_print_exception(Vm *vm, Value exc);
// Runs the module-level code [co] with [globals] as its namespace (vm.c).
bool vm_exec_code(Vm *vm, ObjCode *co, Value globals, Value *out);
// SystemExit's code as an exit status, printing a code that is not an int
// on stderr, as CPython does when it exits (vm.c).
int vm_system_exit_status(Vm *vm, Value exc);
// traceback.format_exception(): [exc] (its chain when [chain]) as a list of
// str, the top exception with traceback [tb] (VAL_NULL: none), cut where
// CPython's traceback module cuts; no "Did you mean" (3.11's has none).
bool vm_format_exception(Vm *vm, Value exc, Value tb, bool chain, Value *out);
// traceback.format_exception_only(): the last line and the notes of [exc].
bool vm_format_exception_only(Vm *vm, Value exc, Value *out);
// traceback.format_tb(): one str per entry of [tb] (None: an empty list).
bool vm_format_tb(Vm *vm, Value tb, Value *out);

// ---- compile errors at run time (vm.c) ----
// Raises the SyntaxError (IndentationError, ...) a front-end or compiler
// Diag describes, for source named [filename]; [src], if given, supplies the
// offending line, SyntaxError.text. Always false. [text_how]:
enum {
    VM_DIAG_EXEC = 1,      // a module's text: the last line gets a newline too
    VM_DIAG_NO_TEXT = 2,   // a compiler error in a string: CPython has no text
};
struct Source;
bool vm_raise_diag(Vm *vm, const Diag *d, const char *filename, const struct Source *src, unsigned text_how);

#endif // VM_VM_INT_H
