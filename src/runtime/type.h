// type: the metatype, MRO (C3), attribute lookup along the MRO, user classes
// (heap types) and the slot functions that dispatch to their dunders.
#ifndef RUNTIME_TYPE_H
#define RUNTIME_TYPE_H
#include "runtime/dict.h"
#include "runtime/object.h"

// The i-th class of t's MRO (self first), NULL past the end.
static inline ObjType *type_mro_at(const ObjType *t, size_t i) {
    if (t->mro) return i < t->nmro ? t->mro[i] : NULL;
    while (i-- && t) t = t->base;
    return (ObjType *)t;
}
#define TYPE_IS_HEAP(t) (((t)->flags & TYPE_HEAP) != 0)

// Looks [name] up along the MRO of [t] (dicts of heap types, method and
// getset tables of builtin types). Returns 1 found, 0 missing. A method
// table entry becomes an unbound native method descriptor (allocation, so
// -1 on error). *owner, if given, receives the class that defined it.
// Results are cached per (type, interned name) until a class dict changes.
int type_lookup(Vm *vm, ObjType *t, ObjStr *name, Value *out, ObjType **owner);
// [name] defined by [c] itself (its dict, or its own builtin tables and
// slot wrappers), not its bases: 1 found, 0 missing, -1 error (super()).
int type_lookup_own(Vm *vm, ObjType *c, ObjStr *name, Value *out);
// Drops every cached lookup (a class or an interned string was freed, a Vm
// is torn down).
void type_cache_invalidate(void);
// What every type attribute lookup can be cached under (type.c's cache and
// the VM's inline caches): it moves whenever one could give another answer,
// that is when a class dict changes, a heap type or an interned str is
// freed, or another Vm looks attributes up.
extern uint64_t type_epoch;
static inline uint64_t type_cache_epoch(void) { return type_epoch + dict_watch_epoch; }
// True when [name] is defined by a heap class before any builtin class in
// the MRO that defines it itself.
bool type_has_heap_attr(Vm *vm, ObjType *t, ObjStr *name);

// Creates a class: type(name, bases, dict). [bases] is a tuple (may be empty).
bool type_new_class(Vm *vm, ObjType *meta, ObjStr *name, Value bases, Value dict, Value *out);
// Recomputes the slots of a heap type after a dunder changed.
void type_fixup_slots(Vm *vm, ObjType *t);
// CPython's tp_name: builtin types outside builtins may carry their module
// ("collections.deque"), as messages such as "unhashable type: '...'" show it.
const char *type_name(const ObjType *t);
// __name__: tp_name after its last dot (_PyType_Name).
const char *type_short_name(const ObjType *t);
// "module.qualname" for repr(<class '...'>).
bool type_repr(Vm *vm, Value self, Value *out);

// Instance layout helpers: the instance __dict__ slot (NULL when none).
// Subclasses of builtin types with inline variable-size data (tuple) keep
// the dict in the last Value of the object (CPython's negative dictoffset);
// their size slot counts it.
#define TYPE_DICT_AT_END SIZE_MAX
// Such an instance's size: the builtin's [bytes] rounded up so that the
// trailing dict is aligned (str and bytes end in their text), then the dict.
static inline size_t type_dict_at_end_size(size_t bytes) { return ((bytes + 7) & ~(size_t)7) + sizeof(Value); }
static inline Value *obj_dict_slot(Value v) {
    Obj *o = AS_OBJ(v);
    ObjType *t = o->type;
    if (t->dictoffset == TYPE_DICT_AT_END) return (Value *)((char *)o + t->size(o) - sizeof(Value));
    return t->dictoffset ? (Value *)((char *)o + t->dictoffset) : NULL;
}

#endif // RUNTIME_TYPE_H
