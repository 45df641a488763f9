// Inline caches for the name-heavy instructions: LOAD_GLOBAL, LOAD_ATTR,
// STORE_ATTR and LOAD_METHOD (one CodeCache per instruction, code.h).
//
// The dispatch loop tries the hit paths below, which only read memory and
// check what the entry assumed; on a miss it calls the icache_* slow path,
// which does the full lookup, gives CPython's result and errors, and fills
// the entry when the case is one a hit path can answer:
//
//   IC_GLOBAL       the name is in the globals, at entry [hint]
//   IC_BUILTIN      not in the globals (dict version [stamp]), in the
//                   builtins at entry [hint]
//   IC_INSTANCE     an instance of [type] whose attribute is its dict's entry
//                   [hint]; the type has no data descriptor of that name
//   IC_CLASS_VALUE  a plain (non-descriptor) class attribute [value]
//   IC_METHOD       LOAD_METHOD of a plain function or method descriptor
//                   [value] on [type]: no bound method is made
//   IC_MODULE       a module attribute: its dict's entry [hint]
//   IC_STORE        STORE_ATTR into the dict of an instance of [type],
//                   which has no data descriptor or __setattr__ of that name
//
// The type-based kinds are valid while type_cache_epoch() equals [stamp],
// which is also what keeps [value] alive without the GC tracing it (a class
// dict or the Vm's descriptor cache holds it, and changing or freeing those
// moves the epoch). [value] must not be read once the epoch moved. A dict
// entry number is only a hint: the entry's key is compared with the name
// (interned, so by identity) on every use. IC_CLASS_VALUE and IC_METHOD also
// need the name to be missing from the instance dict: [dict_version] is the
// version of the last dict seen without it (dict.h), anything else is
// probed.
#ifndef VM_ICACHE_H
#define VM_ICACHE_H
#include "runtime/code.h"
#include "runtime/dict.h"
#include "runtime/module.h"
#include "runtime/str.h"
#include "runtime/type.h"

enum { IC_EMPTY, IC_GLOBAL, IC_BUILTIN, IC_INSTANCE, IC_CLASS_VALUE, IC_METHOD, IC_MODULE, IC_STORE };

// Slow paths; each fills [c] when it can. Results: LOAD_GLOBAL's lookup
// 1 found, 0 missing (nothing raised); rt_getattr's; LOAD_METHOD's 1 when
// *out is an unbound method to call with obj as first argument, 0 when it is
// the attribute itself, -1 error; rt_setattr's.
int icache_load_global(Vm *vm, CodeCache *c, ObjDict *globals, ObjDict *builtins, Value *out);
bool icache_load_attr(Vm *vm, CodeCache *c, Value obj, Value *out);
int icache_load_method(Vm *vm, CodeCache *c, Value obj, Value *out);
bool icache_store_attr(Vm *vm, CodeCache *c, Value obj, Value v);

// Entry [hint] of [d] when its key is [name] itself, else NULL.
static inline DictEntry *icache_entry(const ObjDict *d, uint32_t hint, const ObjStr *name) {
    if (hint >= d->nentries) return NULL;
    DictEntry *e = &d->entries[hint];
    return e->key == OBJ_VAL(name) ? e : NULL;
}

static inline bool icache_global_hit(const CodeCache *c, const ObjDict *g, const ObjDict *b, Value *out) {
    const DictEntry *e;
    if (c->kind == IC_GLOBAL) e = icache_entry(g, c->hint, c->name);
    else if (c->kind == IC_BUILTIN && g->version == c->stamp) e = icache_entry(b, c->hint, c->name);
    else return false;
    if (!e) return false;
    *out = e->value;
    return true;
}

// [obj] is of the entry's type and the epoch has not moved.
static inline bool icache_type_ok(const CodeCache *c, Value obj) {
    return rt_type(obj) == c->type && c->stamp == type_cache_epoch();
}

// The name is not in [obj]'s instance dict (it has none, or the dict is the
// last one seen without it, or a probe says so).
static inline bool icache_not_in_instance(CodeCache *c, Value obj) {
    if (!IS_OBJ(obj)) return true;
    Value *slot = obj_dict_slot(obj);
    if (!slot || !*slot) return true;
    const ObjDict *d = AS_DICT(*slot);
    if (d->version == c->dict_version) return true;
    if (dict_probe_str(d, c->name) != -1) return false;
    c->dict_version = d->version;
    return true;
}

// An attribute through an IC_INSTANCE, IC_CLASS_VALUE or IC_MODULE entry.
// Forced inline: gcc left it a call inside the eval loop, and inlining it
// took 5% of the instructions off bench methods.py and random.random().
__attribute__((always_inline)) static inline bool icache_attr_hit(CodeCache *c, Value obj, Value *out) {
    const DictEntry *e;
    switch (c->kind) {
    case IC_INSTANCE: {
        if (!icache_type_ok(c, obj)) return false;
        Value d = *obj_dict_slot(obj);   // the type has a dict slot: the fill checked
        if (!d) return false;
        e = icache_entry(AS_DICT(d), c->hint, c->name);
        break;
    }
    case IC_CLASS_VALUE:
        if (!icache_type_ok(c, obj) || !icache_not_in_instance(c, obj)) return false;
        *out = c->value;
        return true;
    case IC_MODULE:
        if (rt_type(obj) != c->type) return false;
        e = icache_entry(AS_DICT(AS_MODULE(obj)->dict), c->hint, c->name);
        break;
    default:
        return false;
    }
    if (!e) return false;
    *out = e->value;
    return true;
}

#endif // VM_ICACHE_H
