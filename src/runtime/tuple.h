// tuple: an immutable, fixed-size array of Values. The empty tuple is one
// object per Vm (vm->empty_tuple).
#ifndef RUNTIME_TUPLE_H
#define RUNTIME_TUPLE_H
#include "runtime/object.h"

struct ObjTuple {
    Obj hdr;
    int64_t hash;        // cached, -1 = not computed
    size_t len;
    Value items[];
};

#define IS_TUPLE(v) IS_INSTANCE(v, tuple_type)
#define AS_TUPLE(v) ((ObjTuple *)AS_OBJ(v))

// A tuple of [n] items, all None until the caller fills them (before the
// next allocation, or with the tuple rooted).
ObjTuple *tuple_new(Vm *vm, size_t n);
ObjTuple *tuple_from(Vm *vm, const Value *items, size_t n);
ObjTuple *tuple_pack2(Vm *vm, Value a, Value b);
// Any iterable to a tuple (a tuple is returned as is).
bool tuple_from_iterable(Vm *vm, Value it, Value *out);
// Shared by tuple and list: repr of items between [open] and [close].
bool seq_repr(Vm *vm, const Value *items, size_t n, const char *open, const char *close,
              Value *out);
// Lexicographic rich comparison of two item arrays (tuple and list).
bool seq_richcompare(Vm *vm, const Value *a, size_t na, const Value *b, size_t nb, CmpOp op,
                     Value *out);

#endif // RUNTIME_TUPLE_H
