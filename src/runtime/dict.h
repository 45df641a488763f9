// dict: insertion-ordered hash table with CPython's compact layout: a dense
// entries array in insertion order plus a sparse index table of entry
// numbers (open addressing with CPython's perturbation probe). Deleted
// entries keep their place with key VAL_NULL until the next resize.
//
// Keys' __eq__/__hash__ may run Python code, which may mutate the dict: the
// lookup re-checks the table after each comparison and restarts, as CPython.
#ifndef RUNTIME_DICT_H
#define RUNTIME_DICT_H
#include "runtime/object.h"

typedef struct DictEntry {
    Value key;           // VAL_NULL: deleted
    Value value;
    int64_t hash;
} DictEntry;

struct ObjDict {
    Obj hdr;
    size_t used;         // live entries
    size_t nentries;     // entries[0..nentries) in use, live or deleted
    size_t cap;          // capacity of entries
    size_t mask;         // index table size - 1 (0 when there is no table)
    int64_t *index;      // -1 empty, -2 dummy, else entry number
    DictEntry *entries;
    // Set to a new number, unique across all dicts, whenever a key is added
    // or removed (not when a value is replaced): iteration checks it, and an
    // inline cache that saw a name missing from a dict knows it still is
    // while the version is the one it saw. 0: the dict never had a key.
    uint64_t version;
    bool watched;        // a class's dict: mutations bump dict_watch_epoch
};

// Bumped on every mutation (value replacement included) of any dict marked
// `watched`: type.c's attribute cache is valid only while it is unchanged.
extern uint64_t dict_watch_epoch;

#define IS_DICT(v) IS_INSTANCE(v, dict_type)
#define AS_DICT(v) ((ObjDict *)AS_OBJ(v))

ObjDict *dict_new(Vm *vm);
// Lookup: 1 found (*out set), 0 missing, -1 error (unhashable key, __eq__ raised).
int dict_get(Vm *vm, ObjDict *d, Value key, Value *out);
int dict_get_str(Vm *vm, ObjDict *d, ObjStr *key, Value *out);   // never errors
// The entry number of str [key] in [d], or -1 when it is absent. Never errors.
int64_t dict_index_str(Vm *vm, ObjDict *d, ObjStr *key);
// The same without the general lookup, so it never runs Python code: -2
// when a non-str key of the same hash is met (dict_index_str can tell).
int64_t dict_probe_str(const ObjDict *d, ObjStr *key);
bool dict_set(Vm *vm, ObjDict *d, Value key, Value v);
bool dict_set_cstr(Vm *vm, ObjDict *d, const char *key, Value v);
// 1 deleted (*out = old value if out), 0 missing, -1 error.
int dict_del(Vm *vm, ObjDict *d, Value key, Value *out);
bool dict_update(Vm *vm, ObjDict *d, Value other);   // mapping or iterable of pairs
void dict_clear(Vm *vm, ObjDict *d);
ObjDict *dict_copy(Vm *vm, ObjDict *d);
// Iteration by position: advances *pos past deleted entries; false at the end.
bool dict_next(ObjDict *d, size_t *pos, Value *key, Value *value);

#endif // RUNTIME_DICT_H
