// set and frozenset: open-addressing hash tables that follow CPython's
// setobject.c (table sizes, linear probes then perturbation, resize policy),
// so iteration order -- and hence repr -- of sets of ints matches CPython.
#ifndef RUNTIME_SET_H
#define RUNTIME_SET_H
#include "runtime/object.h"

typedef struct SetEntry {
    Value key;       // VAL_NULL: never used; SET_DUMMY: deleted
    int64_t hash;
} SetEntry;

typedef struct ObjSet {
    Obj hdr;
    size_t fill;     // active + dummy entries
    size_t used;     // active entries
    size_t mask;     // table size - 1 (0 and table NULL while empty)
    SetEntry *table;
    size_t finger;   // where pop() resumes
    int64_t hash;    // frozenset: cached hash, -1 = not computed
} ObjSet;

#define SET_DUMMY ((Value)8)
#define IS_ANYSET(v) (IS_INSTANCE(v, set_type) || IS_INSTANCE(v, frozenset_type))
#define AS_SET(v) ((ObjSet *)AS_OBJ(v))

ObjSet *set_new(Vm *vm, ObjType *t);   // set_type or frozenset_type (or a subclass)
bool set_add(Vm *vm, ObjSet *s, Value key);
int set_contains_key(Vm *vm, ObjSet *s, Value key);    // -1 error
int set_discard(Vm *vm, ObjSet *s, Value key);         // 1 removed, 0 missing, -1 error
bool set_update(Vm *vm, ObjSet *s, Value iterable);
// Iteration by position over active entries; false at the end.
bool set_next(ObjSet *s, size_t *pos, Value *key);

#endif // RUNTIME_SET_H
