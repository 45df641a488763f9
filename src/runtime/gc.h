// The heap: one allocation choke point and a precise, non-moving,
// stop-the-world mark-sweep collector (architecture.md §6).
//
// Rules for C code: any call that may allocate may collect. A Value held only
// in a C local across such a call must be rooted with gc_push_root (or be
// reachable from a rooted object). Objects never move, so raw pointers stay
// valid as long as the object is reachable.
//
// Allocation failure: rt_alloc/rt_realloc/gc_alloc return NULL with the
// preallocated MemoryError already set on vm->exc (raising it allocates
// nothing); callers just propagate.
#ifndef RUNTIME_GC_H
#define RUNTIME_GC_H
#include <assert.h>
#include "runtime/state.h"

// Raw memory owned by an object (item arrays, hash tables), counted towards
// the collection threshold. rt_realloc(vm, p, old, 0) frees. On failure the
// old block is untouched.
void *rt_realloc(Vm *vm, void *ptr, size_t old_size, size_t new_size);
void *rt_alloc(Vm *vm, size_t size);
void rt_free(Vm *vm, void *ptr, size_t size);
// Adjusts the byte count for memory allocated outside rt_realloc (GMP limbs).
void gc_account(Vm *vm, size_t add, size_t sub);

// A zero-filled object of [size] bytes with header type [t], linked into
// the heap. The caller fills the fields before the next allocation.
Obj *gc_alloc(Vm *vm, ObjType *t, size_t size);
// gc_alloc zeroing only the first [zeroed] bytes (at least the Obj header):
// for objects whose caller writes the rest at once, such as a str's text.
Obj *gc_alloc_partial(Vm *vm, ObjType *t, size_t size, size_t zeroed);

// Overflow-checked size arithmetic: a result beyond SSIZE_MAX raises
// MemoryError (as CPython's list/tuple repetition). Counts that do not fit
// an index at all were already refused by rt_index with OverflowError.
bool rt_size_mul(Vm *vm, size_t a, size_t b, size_t *out);
bool rt_size_add(Vm *vm, size_t a, size_t b, size_t *out);

// Temporary roots for C code. Pushes and pops must balance: gc_roots_mark
// remembers the depth, gc_roots_reset returns to it (asserts it only shrinks).
static inline void gc_push_root(Vm *vm, Value v) {
    assert(vm->ntemp_roots < RT_MAX_TEMP_ROOTS);
    vm->temp_roots[vm->ntemp_roots++] = v;
}
static inline void gc_pop_root(Vm *vm) {
    assert(vm->ntemp_roots > 0);
    vm->ntemp_roots--;
}
static inline void gc_pop_roots(Vm *vm, size_t n) {
    assert(vm->ntemp_roots >= n);
    vm->ntemp_roots -= n;
}
static inline size_t gc_roots_mark(Vm *vm) { return vm->ntemp_roots; }
static inline void gc_roots_reset(Vm *vm, size_t mark) {
    assert(vm->ntemp_roots >= mark);
    vm->ntemp_roots = mark;
}

// Marking, for trace slots and the VM's mark_roots hook.
void gc_mark_value(Vm *vm, Value v);
void gc_mark_obj(Vm *vm, Obj *o);

// A full collection; then runs the queued finalisers (through vm->hooks).
void gc_collect(Vm *vm);
// Runs finalisers queued by the last collection. Safe to call any time.
void gc_run_finalizers(Vm *vm);
// [o]'s finaliser has become a no-op (a generator or coroutine that has
// finished): the next collection frees it at once instead of queueing it
// for one more cycle.
void gc_finalizer_done(Vm *vm, Obj *o);
// [o]'s finaliser has something to do again (after gc_finalizer_done): an
// asyncio future that got an exception nobody retrieved yet.
void gc_finalizer_rearm(Vm *vm, Obj *o);
// Takes [root] (a code object) and the constants and names it holds out of
// collections for good: they are immutable, so tracing and sweeping them
// again at every collection was wasted work (the embedded library's code
// was most of a small program's live heap). Nothing happens when the graph
// holds anything but code, str, tuple, frozenset, bytes, int and float.
// They are freed with the Vm.
void gc_make_permanent(Vm *vm, Obj *root);
// Frees every object (rt_vm_free).
void gc_free_all(Vm *vm);

static inline bool gc_is_marked(const Obj *o) { return (o->gcword & GC_MARK) != 0; }

#endif // RUNTIME_GC_H
