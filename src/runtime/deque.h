// deque: collections.deque, a double-ended queue kept in a ring buffer, so
// both ends are O(1) (amortised over the buffer's doubling) and indexing is
// O(1) too. Invariants: cap is 0 or a power of two; items[(head + i) &
// (cap - 1)] for i in [0, len) are the valid Values, left to right; len <=
// cap; maxlen is -1 (unbounded) or len <= maxlen between operations.
//
// [state] is CPython's mutation counter: it moves whenever items move or
// the length changes (not for d[i] = x or reverse()), and iterators and
// count/index/remove/`in` compare it after every step that may run Python
// code, raising "deque mutated during iteration" instead of reading a
// buffer that changed under them.
#ifndef RUNTIME_DEQUE_H
#define RUNTIME_DEQUE_H
#include "runtime/object.h"

typedef struct ObjDeque {
    Obj hdr;
    Value *items;
    size_t head, len, cap;
    int64_t maxlen;     // -1: unbounded
    uint64_t state;
} ObjDeque;

extern ObjType deque_type, deque_iter_type, deque_reviter_type;
#define IS_DEQUE(v) IS_INSTANCE(v, deque_type)
#define AS_DEQUE(v) ((ObjDeque *)AS_OBJ(v))

// The item at logical index [i] (0 <= i < len).
static inline Value deque_at(const ObjDeque *d, size_t i) {
    return d->items[(d->head + i) & (d->cap - 1)];
}

// An empty deque (maxlen -1: unbounded).
ObjDeque *deque_new(Vm *vm, int64_t maxlen);
// append/appendleft: a bounded deque drops an item from the other end.
bool deque_append(Vm *vm, ObjDeque *d, Value v);
bool deque_appendleft(Vm *vm, ObjDeque *d, Value v);
// pop/popleft: IndexError "pop from an empty deque" when empty.
bool deque_pop(Vm *vm, ObjDeque *d, Value *out);
bool deque_popleft(Vm *vm, ObjDeque *d, Value *out);
// extend/extendleft with any iterable (the deque itself included).
bool deque_extend(Vm *vm, ObjDeque *d, Value iterable);
bool deque_extendleft(Vm *vm, ObjDeque *d, Value iterable);
void deque_clear(Vm *vm, ObjDeque *d);
// rotate(n): n steps to the right (negative: to the left).
void deque_rotate(ObjDeque *d, int64_t n);

#endif // RUNTIME_DEQUE_H
