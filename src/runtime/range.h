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

// iter(range): the eval loop's FOR_ITER steps it inline while its values
// are small ints.
typedef struct RangeIter {
    Obj hdr;
    int64_t next, step, left;   // next value, stride, values left
} RangeIter;

#endif // RUNTIME_RANGE_H
