// list: a growable array of Values (amortised doubling via rt_realloc).
// Invariant: items[0..len) are valid Values; cap >= len.
#ifndef RUNTIME_LIST_H
#define RUNTIME_LIST_H
#include "runtime/object.h"

typedef struct ObjList {
    Obj hdr;
    size_t len, cap;
    Value *items;
} ObjList;

#define IS_LIST(v) IS_INSTANCE(v, list_type)
#define AS_LIST(v) ((ObjList *)AS_OBJ(v))

ObjList *list_new(Vm *vm, size_t cap);
ObjList *list_from(Vm *vm, const Value *items, size_t n);
bool list_append(Vm *vm, ObjList *l, Value v);
bool list_extend(Vm *vm, ObjList *l, Value iterable);
bool list_insert(Vm *vm, ObjList *l, int64_t where, Value v);
// Sorts in place, stable; [key] and [reverse] as list.sort (key VAL_NULL = none).
bool list_sort(Vm *vm, ObjList *l, Value key, bool reverse);

#endif // RUNTIME_LIST_H
