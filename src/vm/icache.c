// The slow paths of the inline caches (icache.h): the full lookups, written
// to give exactly what rt_getattr/rt_setattr and the generic object
// attribute protocol give, and to fill the entry when a hit path can answer
// the same case next time.
#include "vm/icache.h"

#include "runtime/exc.h"
#include "runtime/func.h"
#include "runtime/gc.h"
#include "runtime/native.h"
#include "runtime/object.h"
#include "runtime/ops.h"

int icache_load_global(Vm *vm, CodeCache *c, ObjDict *globals, ObjDict *builtins, Value *out) {
    ObjStr *name = c->name;
    int64_t ix = dict_index_str(vm, globals, name);
    if (ix >= 0) {
        DictEntry *e = &globals->entries[ix];
        *out = e->value;
        if (e->key == OBJ_VAL(name)) *c = (CodeCache){.name = name, .kind = IC_GLOBAL, .hint = (uint32_t)ix};
        return 1;
    }
    uint64_t version = globals->version;   // taken before anything can run
    ix = dict_index_str(vm, builtins, name);
    if (ix < 0) return 0;
    DictEntry *e = &builtins->entries[ix];
    *out = e->value;
    if (e->key == OBJ_VAL(name) && globals->version == version)
        *c = (CodeCache){.name = name, .kind = IC_BUILTIN, .stamp = version, .hint = (uint32_t)ix};
    return 1;
}

static bool generic_getattr(const ObjType *t) {
    int (*ga)(Vm *, Value, ObjStr *, Value *) = TYPE_SLOT(t, getattr);
    return ga == object_getattr || ga == NULL;
}

static uint64_t dict_version_of(Value obj) {
    Value *slot = IS_OBJ(obj) ? obj_dict_slot(obj) : NULL;
    return slot && *slot ? AS_DICT(*slot)->version : 0;
}

// A module attribute (module_getattr looks in the module's dict first).
static bool module_attr(Vm *vm, CodeCache *c, Value obj, Value *out) {
    ObjDict *d = AS_DICT(AS_MODULE(obj)->dict);
    int64_t ix = dict_index_str(vm, d, c->name);
    if (ix < 0 || d->entries[ix].key != OBJ_VAL(c->name)) return rt_getattr(vm, obj, c->name, out);
    *out = d->entries[ix].value;
    *c = (CodeCache){.name = c->name, .type = &module_type, .kind = IC_MODULE, .hint = (uint32_t)ix};
    return true;
}

bool icache_load_attr(Vm *vm, CodeCache *c, Value obj, Value *out) {
    ObjStr *name = c->name;
    ObjType *t = rt_type(obj);
    if (t == &module_type) return module_attr(vm, c, obj, out);
    if (!generic_getattr(t) || !name->interned) return rt_getattr(vm, obj, name, out);
    // object_getattr, step by step, noting which case answered.
    uint64_t epoch = type_cache_epoch();
    Value descr = VAL_NULL;
    int r = type_lookup(vm, t, name, &descr, NULL);
    if (r < 0) return false;
    ObjType *dt = r ? rt_type(descr) : NULL;
    bool (*get)(Vm *, Value, Value, ObjType *, Value *) = dt ? dt->descr_get : NULL;
    if (get && dt->descr_set) return rt_getattr(vm, obj, name, out);   // a data descriptor
    Value *slot = IS_OBJ(obj) ? obj_dict_slot(obj) : NULL;
    if (slot && *slot) {
        ObjDict *d = AS_DICT(*slot);
        int64_t ix = dict_index_str(vm, d, name);
        if (ix >= 0) {
            DictEntry *e = &d->entries[ix];
            *out = e->value;
            if (e->key == OBJ_VAL(name) && type_cache_epoch() == epoch)
                *c = (CodeCache){.name = name, .type = t, .stamp = epoch, .kind = IC_INSTANCE,
                                 .hint = (uint32_t)ix};
            return true;
        }
    }
    if (!r || get) return rt_getattr(vm, obj, name, out);   // __getattr__ or the error; a bound method
    *out = descr;
    if (type_cache_epoch() == epoch)
        *c = (CodeCache){.name = name, .type = t, .stamp = epoch, .kind = IC_CLASS_VALUE,
                         .dict_version = dict_version_of(obj), .value = descr};
    return true;
}

// A function or method descriptor that LOAD_METHOD may call with the
// receiver as first argument instead of binding it.
static bool plain_method(Value descr) {
    if (IS_FUNCTION(descr)) return true;
    if (!IS_NATIVE(descr)) return false;
    const ObjNative *n = AS_NATIVE(descr);
    return n->owner && !n->self && !(n->def->flags & (METH_CLASS | METH_STATIC));
}

int icache_load_method(Vm *vm, CodeCache *c, Value obj, Value *out) {
    ObjStr *name = c->name;
    ObjType *t = rt_type(obj);
    if (t != &module_type && generic_getattr(t) && name->interned) {
        uint64_t epoch = type_cache_epoch();
        Value descr;
        int r = type_lookup(vm, t, name, &descr, NULL);
        if (r < 0) return -1;
        if (r == 1 && plain_method(descr)) {
            Value *slot = IS_OBJ(obj) ? obj_dict_slot(obj) : NULL;
            if (!slot || !*slot || dict_index_str(vm, AS_DICT(*slot), name) < 0) {
                *out = descr;
                if (type_cache_epoch() == epoch)
                    *c = (CodeCache){.name = name, .type = t, .stamp = epoch, .kind = IC_METHOD,
                                     .dict_version = dict_version_of(obj), .value = descr};
                return 1;
            }
        }
    }
    return icache_load_attr(vm, c, obj, out) ? 0 : -1;
}

bool icache_store_attr(Vm *vm, CodeCache *c, Value obj, Value v) {
    ObjStr *name = c->name;
    ObjType *t = rt_type(obj);
    bool (*set)(Vm *, Value, ObjStr *, Value) = TYPE_SLOT(t, setattr);
    if ((set && set != object_setattr) || !name->interned || !IS_OBJ(obj)) return rt_setattr(vm, obj, name, v);
    uint64_t epoch = type_cache_epoch();
    Value descr;
    int r = type_lookup(vm, t, name, &descr, NULL);
    if (r < 0) return false;
    Value *slot = obj_dict_slot(obj);
    bool cacheable = slot && !(r && rt_type(descr)->descr_set);
    TRY(object_setattr(vm, obj, name, v));
    if (!cacheable || !*slot || type_cache_epoch() != epoch) return true;
    ObjDict *d = AS_DICT(*slot);
    int64_t ix = dict_probe_str(d, name);
    if (ix >= 0 && !d->watched && d->entries[ix].key == OBJ_VAL(name))
        *c = (CodeCache){.name = name, .type = t, .stamp = epoch, .kind = IC_STORE, .hint = (uint32_t)ix};
    return true;
}
