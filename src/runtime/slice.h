// slice objects and the index arithmetic every sequence shares.
#ifndef RUNTIME_SLICE_H
#define RUNTIME_SLICE_H
#include "runtime/object.h"

typedef struct ObjSlice {
    Obj hdr;
    Value start, stop, step;   // None when omitted
} ObjSlice;

#define IS_SLICE(v) IS_TYPE_EXACT(v, slice_type)
#define AS_SLICE(v) ((ObjSlice *)AS_OBJ(v))

ObjSlice *slice_new(Vm *vm, Value start, Value stop, Value step);
// CPython's PySlice_GetIndicesEx: clamps to [len]; ValueError "slice step
// cannot be zero"; TypeError "slice indices must be integers or None or have
// an __index__ method".
bool slice_indices(Vm *vm, Value slice, int64_t len, int64_t *start, int64_t *stop,
                   int64_t *step, int64_t *count);
// Normalises a sequence index (negative from the end); false when out of range
// (nothing raised: the caller words the IndexError).
static inline bool seq_index(int64_t i, int64_t len, int64_t *out) {
    if (i < 0) i += len;
    if (i < 0 || i >= len) return false;
    *out = i;
    return true;
}

#endif // RUNTIME_SLICE_H
