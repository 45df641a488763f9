// range: an immutable arithmetic sequence. Bounds are int64 (a bound that
// does not fit raises OverflowError); the length is computed without overflow.
#ifndef RUNTIME_RANGE_H
#define RUNTIME_RANGE_H
#include "runtime/object.h"

typedef struct ObjRange {
    Obj hdr;
    int64_t start, stop, step, len;
} ObjRange;

#define IS_RANGE(v) IS_TYPE_EXACT(v, range_type)
#define AS_RANGE(v) ((ObjRange *)AS_OBJ(v))

ObjRange *range_new(Vm *vm, int64_t start, int64_t stop, int64_t step);

#endif // RUNTIME_RANGE_H
