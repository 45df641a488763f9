// type: the metatype, subtype tests, attribute lookup along the MRO, C3
// linearisation and creation of user classes (see type.h). The dunder
// dispatchers installed in heap types' slots are in slots.c.
//
// Invariants: a static type's MRO is its base chain; a heap type's mro/bases
// arrays are owned (rt_realloc) and hold only types; its dict is an ObjDict
// marked `watched`, so any change to it invalidates the attribute cache.
// Lookups go through two caches (see "attribute cache" and "index of the
// builtin types' tables" below): neither changes any result, only its cost.
#include "runtime/type.h"

#include <stdlib.h>
#include <string.h>

#include "runtime/bytes.h"
#include "runtime/dict.h"
#include "runtime/exc.h"
#include "runtime/frame.h"
#include "runtime/func.h"
#include "runtime/gc.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/native.h"
#include "runtime/slotwrap.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/union.h"

extern void slots_fill(Vm *vm, ObjType *t);
static void fixup_slots(Vm *vm, ObjType *t, bool fresh);
static bool type_new_slot(Vm *vm, ObjType *t, Value *args, size_t nargs, Value kwnames, Value *out);

void *type_slot_at(const ObjType *t, size_t offset) {
    for (; t; t = t->base) {
        void *p;
        memcpy(&p, (const char *)t + offset, sizeof p);
        if (p) return p;
    }
    return NULL;
}

bool type_is_subtype(const ObjType *a, const ObjType *b) {
    if (a == b) return true;
    if (a->mro) {
        for (size_t i = 0; i < a->nmro; i++)
            if (a->mro[i] == b) return true;
        return false;
    }
    for (a = a->base; a; a = a->base)
        if (a == b) return true;
    return false;
}

const char *type_name(const ObjType *t) { return t->name; }

const char *type_short_name(const ObjType *t) {
    if (TYPE_IS_HEAP(t)) return t->name;
    const char *dot = strrchr(t->name, '.');
    return dot ? dot + 1 : t->name;
}

// ---- descriptors for builtin getsets ----

typedef struct ObjGetSet {
    Obj hdr;
    const GetSetDef *def;
    ObjType *owner;
} ObjGetSet;

static bool getset_get(Vm *vm, Value descr, Value obj, ObjType *owner, Value *out) {
    (void)owner;
    ObjGetSet *g = (ObjGetSet *)AS_OBJ(descr);
    if (!obj) {
        *out = descr;
        return true;
    }
    if (!type_is_subtype(rt_type(obj), g->owner))
        return rt_raise(vm, &TypeError_type, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object",
                        g->def->name, g->owner->name, type_name(rt_type(obj)));
    return g->def->get(vm, obj, out);
}

static bool getset_set(Vm *vm, Value descr, Value obj, Value v) {
    ObjGetSet *g = (ObjGetSet *)AS_OBJ(descr);
    if (!g->def->set) {
        if (!v)
            return rt_raise(vm, &AttributeError_type, "attribute '%s' of '%s' objects is not writable",
                            g->def->name, g->owner->name);
        return rt_raise(vm, &AttributeError_type, "attribute '%s' of '%s' objects is not writable",
                        g->def->name, g->owner->name);
    }
    return g->def->set(vm, obj, v);
}

bool rt_member_readonly(Vm *vm, Value self, Value v) {
    (void)self, (void)v;
    return rt_raise(vm, &AttributeError_type, "readonly attribute");
}

static bool getset_repr(Vm *vm, Value self, Value *out) {
    ObjGetSet *g = (ObjGetSet *)AS_OBJ(self);
    ObjStr *s = rt_format_cmsg(vm, "<%s '%s' of '%s' objects>",
                               g->def->set == rt_member_readonly ? "member" : "attribute", g->def->name,
                               g->owner->name);
    TRY(s);
    *out = OBJ_VAL(s);
    return true;
}

ObjType getset_type = {
    .hdr = OBJ_STATIC_HEADER(&type_type),
    .name = "getset_descriptor",
    .module = "builtins",
    .basicsize = sizeof(ObjGetSet),
    .base = &object_type,   // hash, repr, ... from object
    .flags = TYPE_ABSTRACT_NEW,
    .repr = getset_repr,
    .descr_get = getset_get,
    .descr_set = getset_set,
};

// ---- lookup ----

static size_t cache_slot(const DescrCache *c, const void *key) {
    size_t h = ((uintptr_t)key >> 3) * 0x9E3779B97F4A7C15ull;
    size_t i = h & (c->cap - 1);
    while (c->keys[i] && c->keys[i] != key) i = (i + 1) & (c->cap - 1);
    return i;
}

static Obj *cache_get(Vm *vm, const void *key) {
    DescrCache *c = &vm->descr_cache;
    if (!c->cap) return NULL;
    size_t i = cache_slot(c, key);
    return c->keys[i] ? c->descrs[i] : NULL;
}

// Best effort: a full or unallocatable cache just means more allocations.
static void cache_put(Vm *vm, const void *key, Obj *d) {
    DescrCache *c = &vm->descr_cache;
    if ((c->used + 1) * 2 > c->cap) {
        size_t cap = c->cap ? c->cap * 2 : 256;
        const void **keys = calloc(cap, sizeof *keys);
        Obj **descrs = calloc(cap, sizeof *descrs);
        if (!keys || !descrs) {
            free(keys);
            free(descrs);
            return;
        }
        DescrCache n = {keys, descrs, cap, 0};
        for (size_t i = 0; i < c->cap; i++)
            if (c->keys[i]) {
                size_t j = cache_slot(&n, c->keys[i]);
                n.keys[j] = c->keys[i];
                n.descrs[j] = c->descrs[i];
                n.used++;
            }
        free(c->keys);
        free(c->descrs);
        *c = n;
    }
    size_t i = cache_slot(c, key);
    if (!c->keys[i]) c->used++;
    c->keys[i] = key;
    c->descrs[i] = d;
}

// ---- index of the builtin types' method and getset tables ----
//
// Attribute lookups on instances of user classes end in `object`'s tables
// (most often as a miss: p.x is looked up on the type before the instance
// dict), so scanning them with strcmp made every attribute access cost ~30
// string compares. Static types and their tables never change or die, so one
// process-wide hash table maps (type, name) to the table entry. A type is
// indexed on its first lookup; its marker entry (name NULL) records that.
// Only pointers to static data are stored, so the index is shared by every
// Vm and deliberately never freed.

typedef struct StaticEntry {
    const ObjType *type;     // NULL: empty slot
    const char *name;        // NULL: the "type is indexed" marker
    size_t len;
    int64_t hash;
    const MethodDef *method; // exactly one of method/getset for a name entry
    const GetSetDef *getset;
} StaticEntry;

static StaticEntry *sidx;
static size_t sidx_cap, sidx_used;

static size_t sidx_slot(const ObjType *t, const char *name, size_t len, int64_t h) {
    uint64_t k = ((uint64_t)(uintptr_t)t >> 4) * 0x9E3779B97F4A7C15ull ^ (uint64_t)h;
    size_t i = (size_t)(k ^ (k >> 29)) & (sidx_cap - 1);
    for (;; i = (i + 1) & (sidx_cap - 1)) {
        const StaticEntry *e = &sidx[i];
        if (!e->type) return i;
        if (e->type == t && e->hash == h &&
            (name ? e->name && e->len == len && memcmp(e->name, name, len) == 0 : !e->name))
            return i;
    }
}

static bool sidx_add(const ObjType *t, const char *name, const MethodDef *m, const GetSetDef *g) {
    if ((sidx_used + 1) * 2 > sidx_cap) {
        size_t cap = sidx_cap ? sidx_cap * 2 : 1024;
        StaticEntry *old = sidx, *n = calloc(cap, sizeof *n);
        if (!n) return false;
        size_t oldcap = sidx_cap;
        sidx = n;
        sidx_cap = cap;
        for (size_t i = 0; i < oldcap; i++)
            if (old[i].type)
                sidx[sidx_slot(old[i].type, old[i].name, old[i].len, old[i].hash)] = old[i];
        free(old);
    }
    size_t len = name ? strlen(name) : 0;
    int64_t h = name ? str_hash_bytes(name, len) : -1;
    size_t i = sidx_slot(t, name, len, h);
    if (sidx[i].type) return true;   // an earlier entry of that name wins
    sidx[i] = (StaticEntry){t, name, len, h, m, g};
    sidx_used++;
    return true;
}

// Indexes the tables [t] itself owns (a table shared with the base belongs
// to the base: the base is then the descriptors' owner, so the descriptor
// cache can key on the table entry alone). Methods come before getsets, as
// the scan this replaces did. The marker goes in last, so an allocation
// failure half-way just means trying again next time.
typedef struct WrapBlock {
    struct WrapBlock *next;
    MethodDef defs[];
} WrapBlock;
static WrapBlock *wrap_blocks;   // every block, so they stay reachable

static bool sidx_ensure(const ObjType *t) {
    if (sidx_cap && sidx[sidx_slot(t, NULL, 0, -1)].type) return true;
    if (t->methods && !(t->base && t->base->methods == t->methods))
        for (const MethodDef *m = t->methods; m->name; m++)
            if (!sidx_add(t, m->name, m, NULL)) return false;
    if (t->getsets && !(t->base && t->base->getsets == t->getsets))
        for (const GetSetDef *g = t->getsets; g->name; g++)
            if (!sidx_add(t, g->name, NULL, g)) return false;
    // Slot wrappers last: a dunder in the method table wins. Their
    // MethodDefs are per type (the descriptor cache keys on the entry), kept
    // for the process like the index; a failed attempt leaves its block.
    MethodDef tmp[SLOTWRAP_MAX];
    size_t nw = slotwrap_collect(t, tmp);
    if (nw) {
        WrapBlock *b = malloc(sizeof *b + nw * sizeof *tmp);
        if (!b) return false;
        b->next = wrap_blocks;
        wrap_blocks = b;
        memcpy(b->defs, tmp, nw * sizeof *tmp);
        for (size_t i = 0; i < nw; i++)
            if (!sidx_add(t, b->defs[i].name, &b->defs[i], NULL)) return false;
    }
    return sidx_add(t, NULL, NULL, NULL);
}

// ---- attribute cache ----
//
// Every attribute access and method call looks its name up on the type
// first (data descriptors win over the instance dict), walking the MRO: a
// few dict probes per access. This direct-mapped cache, like CPython's type
// method cache, remembers the outcome (hit or miss) per (type, name) for
// interned names. An entry is valid while `type_cache_epoch()` is unchanged; it
// moves whenever any class's dict changes (dict.c's watched dicts), a heap
// type or an interned string is freed (their addresses could be reused),
// or another Vm uses the cache. The cached values are held by those class
// dicts or by the Vm's descriptor cache, so they stay alive while valid.

#define ATTR_CACHE_BITS 10

typedef struct AttrEntry {
    const ObjType *type;
    const ObjStr *name;
    uint64_t epoch;
    Value value;             // VAL_NULL: a cached miss
    ObjType *owner;
} AttrEntry;

static AttrEntry attr_cache[1u << ATTR_CACHE_BITS];
uint64_t type_epoch = 1;    // entries start at epoch 0: invalid
static const Vm *attr_cache_vm;

void type_cache_invalidate(void) { type_epoch++; }


static AttrEntry *attr_entry(const ObjType *t, const ObjStr *name) {
    uint64_t k = ((uint64_t)(uintptr_t)t >> 4) ^ ((uint64_t)(uintptr_t)name >> 3) * 0x9E3779B97F4A7C15ull;
    return &attr_cache[k >> (64 - ATTR_CACHE_BITS)];
}

static int lookup_mro(Vm *vm, ObjType *t, ObjStr *name, Value *out, ObjType **owner);

int type_lookup(Vm *vm, ObjType *t, ObjStr *name, Value *out, ObjType **owner) {
    if (!name->interned) return lookup_mro(vm, t, name, out, owner);
    if (vm != attr_cache_vm) {
        attr_cache_vm = vm;
        type_epoch++;
    }
    AttrEntry *e = attr_entry(t, name);
    uint64_t epoch = type_cache_epoch();
    if (e->epoch == epoch && e->type == t && e->name == name) {
        if (!e->value) return 0;
        *out = e->value;
        if (owner) *owner = e->owner;
        return 1;
    }
    ObjType *found_owner = NULL;
    int r = lookup_mro(vm, t, name, out, &found_owner);
    if (r < 0) return r;
    if (owner) *owner = found_owner;
    // The lookup itself never mutates class dicts, but it may allocate a
    // descriptor and so collect: only cache when nothing moved meanwhile.
    if (type_cache_epoch() == epoch) *e = (AttrEntry){t, name, epoch, r ? *out : VAL_NULL, found_owner};
    return r;
}

// [name] (hash [h]) in the tables the static type [c] itself owns.
static int lookup_static(Vm *vm, ObjType *c, ObjStr *name, int64_t h, Value *out) {
    if (!sidx_ensure(c)) {
        rt_raise_nomem(vm);
        return -1;
    }
    const StaticEntry *e = &sidx[sidx_slot(c, name->data, name->len, h)];
    if (!e->type) return 0;
    if (e->method && e->method->fn == slotwrap_none) {
        *out = NONE_VAL;
    } else if (e->method && (e->method->flags & METH_VALUE)) {
        if (!e->method->fn(vm, NULL, 0, VAL_NULL, out)) return -1;
    } else if (e->method) {
        Obj *n = cache_get(vm, e->method);
        if (!n) {
            n = (Obj *)native_new_descriptor(vm, e->method, c);
            if (!n) return -1;
            cache_put(vm, e->method, n);
        }
        *out = OBJ_VAL(n);
    } else {
        ObjGetSet *d = (ObjGetSet *)cache_get(vm, e->getset);
        if (!d) {
            d = (ObjGetSet *)gc_alloc(vm, &getset_type, sizeof(ObjGetSet));
            if (!d) return -1;
            d->def = e->getset;
            d->owner = c;
            cache_put(vm, e->getset, &d->hdr);
        }
        *out = OBJ_VAL(d);
    }
    return 1;
}

int type_lookup_own(Vm *vm, ObjType *c, ObjStr *name, Value *out) {
    if (TYPE_IS_HEAP(c)) return dict_get_str(vm, AS_DICT(c->dict), name, out);
    return lookup_static(vm, c, name, str_hash(name), out);
}

static int lookup_mro(Vm *vm, ObjType *t, ObjStr *name, Value *out, ObjType **owner) {
    ObjType *c;
    int64_t h = -2;   // name's hash, computed at the first builtin class
    for (size_t i = 0; (c = type_mro_at(t, i)); i++) {
        if (TYPE_IS_HEAP(c)) {
            if (dict_get_str(vm, AS_DICT(c->dict), name, out) == 1) {
                if (owner) *owner = c;
                return 1;
            }
            continue;
        }
        if (h == -2) h = str_hash(name);
        int r = lookup_static(vm, c, name, h, out);
        if (r < 0) return -1;
        if (!r) continue;
        if (owner) *owner = c;
        return 1;
    }
    return 0;
}

// Does the builtin class [c] itself define [name] (its tables or a slot
// wrapper)? Never allocates; out of memory counts as yes.
static bool static_owns(const ObjType *c, ObjStr *name, int64_t h) {
    if (!sidx_ensure(c)) return true;
    return sidx[sidx_slot(c, name->data, name->len, h)].type != NULL;
}

// A builtin class in the MRO hides later heap classes only for the names
// it defines itself: in class E(int, Enum), Enum's __str__ is the one
// (int has none), but Enum's __hash__ is not (int's comes first).
bool type_has_heap_attr(Vm *vm, ObjType *t, ObjStr *name) {
    ObjType *c;
    Value v;
    int64_t h = -2;
    for (size_t i = 0; (c = type_mro_at(t, i)); i++) {
        if (TYPE_IS_HEAP(c)) {
            if (dict_get_str(vm, AS_DICT(c->dict), name, &v) == 1) return true;
            continue;
        }
        if (h == -2) h = str_hash(name);
        if (static_owns(c, name, h)) return false;
    }
    return false;
}

// ---- C3 linearisation ----

// Merges the MROs of [bases] (and the bases list itself) into [out];
// false with CPython's TypeError when no consistent order exists.
static bool c3_merge(Vm *vm, ObjType **bases, size_t nb, ObjType ***out, size_t *nout,
                     ObjType *self) {
    size_t nseq = nb + 1, total = 1;
    for (size_t i = 0; i < nb; i++) total += (bases[i]->mro ? bases[i]->nmro : 0) + 8;
    // Each sequence is materialised as an array with a cursor.
    ObjType ***seqs = rt_alloc(vm, nseq * sizeof *seqs);
    size_t *lens = rt_alloc(vm, nseq * sizeof *lens), *pos = rt_alloc(vm, nseq * sizeof *pos);
    ObjType **res = rt_alloc(vm, (total + nb + 1) * sizeof *res * 2);
    bool ok = seqs && lens && pos && res;
    if (seqs)   // freed below whatever failed: no stale pointers
        for (size_t i = 0; i < nseq; i++) seqs[i] = NULL;
    size_t nres = 0;
    for (size_t i = 0; ok && i < nb; i++) {
        size_t n = 0;
        while (type_mro_at(bases[i], n)) n++;
        seqs[i] = rt_alloc(vm, n * sizeof **seqs);
        if (!seqs[i]) { ok = false; for (size_t k = i; k < nb; k++) seqs[k] = NULL; break; }
        for (size_t k = 0; k < n; k++) seqs[i][k] = type_mro_at(bases[i], k);
        lens[i] = n;
        pos[i] = 0;
    }
    if (ok) {
        seqs[nb] = bases;
        lens[nb] = nb;
        pos[nb] = 0;
        res[nres++] = self;
    }
    while (ok) {
        ObjType *cand = NULL;
        bool any = false;
        for (size_t i = 0; i < nseq && !cand; i++) {
            if (pos[i] >= lens[i]) continue;
            any = true;
            ObjType *c = seqs[i][pos[i]];
            bool in_tail = false;
            for (size_t j = 0; j < nseq && !in_tail; j++)
                for (size_t k = pos[j] + 1; k < lens[j]; k++)
                    if (seqs[j][k] == c) { in_tail = true; break; }
            if (!in_tail) cand = c;
        }
        if (!any) break;
        if (!cand) {
            Buf b;
            buf_init(&b);
            for (size_t i = 0; i < nb; i++) {
                bool dup = false;   // CPython lists each remaining head once
                for (size_t k = 0; k < i; k++) dup |= bases[k] == bases[i];
                if (!dup) buf_printf(&b, "%s%s", b.len ? ", " : "", bases[i]->name);
            }
            rt_raise(vm, &TypeError_type,
                     "Cannot create a consistent method resolution order (MRO) for bases %s",
                     b.data ? b.data : "");
            buf_free(&b);
            ok = false;
            break;
        }
        res[nres++] = cand;
        for (size_t i = 0; i < nseq; i++)
            if (pos[i] < lens[i] && seqs[i][pos[i]] == cand) pos[i]++;
    }
    if (seqs && lens)
        for (size_t i = 0; i < nb; i++)
            if (seqs[i]) rt_free(vm, seqs[i], lens[i] * sizeof **seqs);
    rt_free(vm, seqs, nseq * sizeof *seqs);
    rt_free(vm, lens, nseq * sizeof *lens);
    rt_free(vm, pos, nseq * sizeof *pos);
    if (!ok) {
        rt_free(vm, res, (total + nb + 1) * sizeof *res * 2);
        return false;
    }
    ObjType **mro = rt_realloc(vm, res, (total + nb + 1) * sizeof *res * 2, nres * sizeof *res);
    if (!mro) {
        rt_free(vm, res, (total + nb + 1) * sizeof *res * 2);
        return false;
    }
    *out = mro;
    *nout = nres;
    return true;
}

// ---- class creation ----

static ObjType *static_root(ObjType *t) {
    while (TYPE_IS_HEAP(t)) t = t->base;
    return t;
}

// The builtin class whose instance layout [t]'s instances have. The
// exception classes mostly share BaseException's, so a class may derive
// from two of them (ValueError and TypeError, or BaseExceptionGroup and
// ValueError) as in CPython; other builtins each have their own.
static ObjType *solid_base(ObjType *t) {
    t = static_root(t);
    while ((t->flags & TYPE_EXC) && t->base && (t->base->flags & TYPE_EXC) &&
           t->base->basicsize == t->basicsize)
        t = t->base;
    return t;
}

// __slots__: when [t] and every heap class above it define it (without
// '__dict__'), t->slot_names gets all their names (object.h).
static bool slot_names_of(Vm *vm, ObjType *t, ObjDict *d) {
    Value decl;
    ObjStr *key = str_intern_cstr(vm, "__slots__");
    TRY(key);
    int r = dict_get_str(vm, d, key, &decl);
    if (r <= 0) return r == 0;
    Value own;
    if (IS_STR(decl)) {
        ObjTuple *one = tuple_from(vm, &decl, 1);
        TRY(one);
        own = OBJ_VAL(one);
    } else {
        TRY(rt_call(vm, OBJ_VAL(&tuple_type), &decl, 1, VAL_NULL, &own));
    }
    gc_push_root(vm, own);
    ObjTuple *o = AS_TUPLE(own);
    size_t total = o->len;
    for (size_t i = 0; i < o->len; i++) {
        if (!IS_STR(o->items[i])) {
            gc_pop_root(vm);
            return rt_raise(vm, &TypeError_type, "__slots__ items must be strings, not '%s'",
                            type_name(rt_type(o->items[i])));
        }
        if (str_eq_cstr(AS_STR(o->items[i]), "__dict__")) {
            gc_pop_root(vm);
            return true;
        }
    }
    for (size_t i = 1; i < t->nmro; i++) {
        ObjType *b = t->mro[i];
        if (!TYPE_IS_HEAP(b)) continue;
        if (!b->slot_names) {
            gc_pop_root(vm);
            return true;
        }
        total += AS_TUPLE(b->slot_names)->len;
    }
    ObjTuple *all = tuple_new(vm, total);
    if (!all) return gc_pop_root(vm), false;
    gc_push_root(vm, OBJ_VAL(all));
    size_t k = 0;
    for (size_t i = 0; i < o->len; i++) {
        // A private name is mangled with the class name, as the class's own
        // code spells it (__x in class C is the slot _C__x).
        ObjStr *n = AS_STR(o->items[i]);
        const char *cn = t->name;
        while (*cn == '_') cn++;
        if (n->len > 2 && n->data[0] == '_' && n->data[1] == '_' && *cn &&
            !(n->data[n->len - 1] == '_' && n->data[n->len - 2] == '_')) {
            size_t cl = strlen(cn), len = 1 + cl + n->len;
            char *buf = malloc(len);
            if (!buf) return gc_pop_roots(vm, 2), rt_raise(vm, &MemoryError_type, "out of memory");
            buf[0] = '_';
            memcpy(buf + 1, cn, cl);
            memcpy(buf + 1 + cl, n->data, n->len);
            ObjStr *m = str_intern(vm, buf, len);
            free(buf);
            if (!m) return gc_pop_roots(vm, 2), false;
            all->items[k++] = OBJ_VAL(m);
        } else {
            all->items[k++] = o->items[i];
        }
    }
    gc_pop_roots(vm, 2);
    for (size_t i = 1; i < t->nmro; i++) {
        ObjType *b = t->mro[i];
        if (!TYPE_IS_HEAP(b)) continue;
        ObjTuple *bs = AS_TUPLE(b->slot_names);
        for (size_t j = 0; j < bs->len; j++) all->items[k++] = bs->items[j];
    }
    t->slot_names = OBJ_VAL(all);
    return true;
}

bool type_new_class(Vm *vm, ObjType *meta, ObjStr *name, Value bases, Value dict, Value *out) {
    ObjTuple *bt = AS_TUPLE(bases);
    size_t nb = bt->len ? bt->len : 1;
    for (size_t i = 0; i < bt->len; i++) {
        if (!IS_TYPE(bt->items[i]))
            return rt_raise(vm, &TypeError_type, "bases must be types");
        ObjType *b = AS_TYPE(bt->items[i]);
        if (!(b->flags & TYPE_BASETYPE))
            return rt_raise(vm, &TypeError_type, "type '%s' is not an acceptable base type", b->name);
        for (size_t k = 0; k < i; k++)
            if (AS_TYPE(bt->items[k]) == b)
                return rt_raise(vm, &TypeError_type, "duplicate base class %s", b->name);
    }
    // The layout donor: the base whose static root is the most derived.
    ObjType *base = bt->len ? AS_TYPE(bt->items[0]) : &object_type;
    for (size_t i = 1; i < bt->len; i++) {
        ObjType *b = AS_TYPE(bt->items[i]), *rb = solid_base(b), *rbase = solid_base(base);
        if (type_is_subtype(rb, rbase)) base = rb == rbase ? base : b;
        else if (!type_is_subtype(rbase, rb))
            return rt_raise(vm, &TypeError_type, "multiple bases have instance lay-out conflict");
    }
    size_t mark = gc_roots_mark(vm);
    ObjDict *d = dict_copy(vm, AS_DICT(dict));
    if (!d) return false;
    gc_push_root(vm, OBJ_VAL(d));
    // type(name, bases, dict) without __module__ takes the caller's module
    // name, as CPython does (a class statement's body sets it itself).
    Value modname, cur;
    Frame *caller = VM_TS(vm) ? VM_TS(vm)->current : NULL;
    if (caller && IS_DICT(caller->globals) && dict_get_str(vm, d, NAME(vm, module), &cur) == 0 &&
        dict_get_str(vm, AS_DICT(caller->globals), NAME(vm, name), &modname) == 1 &&
        !dict_set(vm, d, OBJ_VAL(NAME(vm, module)), modname))
        return gc_roots_reset(vm, mark), false;
    ObjType *t = (ObjType *)gc_alloc(vm, meta, meta->basicsize < sizeof(ObjType) ? sizeof(ObjType) : meta->basicsize);
    if (!t) return gc_roots_reset(vm, mark), false;
    gc_push_root(vm, OBJ_VAL(t));
    t->dict = OBJ_VAL(d);
    d->watched = true;
    type_cache_invalidate();   // a new class: cached misses on its bases stay right, but be plain
    t->name_str = OBJ_VAL(name);
    t->name = name->data;
    t->qualname = OBJ_VAL(name);
    t->base = base;
    t->flags = TYPE_HEAP | TYPE_BASETYPE | (base->flags & (TYPE_EXC | TYPE_SEQ_CONCAT | TYPE_INT_SUBCLASS | TYPE_LOOP_CORE));
    if (static_root(base) == &int_type) t->flags |= TYPE_INT_SUBCLASS;
    t->basicsize = base->basicsize;
    t->dictoffset = base->dictoffset;
    ObjType *root = static_root(base);
    if (!t->dictoffset && (root == &tuple_type || root == &str_type || root == &bytes_type)) {
        t->dictoffset = TYPE_DICT_AT_END;
    } else if (!t->dictoffset) {
        t->dictoffset = t->basicsize;
        t->basicsize += sizeof(Value);
    }
    t->bases = rt_alloc(vm, nb * sizeof(ObjType *));
    if (!t->bases) return gc_roots_reset(vm, mark), false;
    t->nbases = nb;
    for (size_t i = 0; i < nb; i++) t->bases[i] = bt->len ? AS_TYPE(bt->items[i]) : &object_type;
    if (!c3_merge(vm, t->bases, nb, &t->mro, &t->nmro, t)) return gc_roots_reset(vm, mark), false;

    Value qn;
    ObjStr *qk = NAME(vm, qualname);
    if (dict_get_str(vm, d, qk, &qn) == 1) {
        if (!IS_STR(qn))
            return gc_roots_reset(vm, mark),
                   rt_raise(vm, &TypeError_type, "type __qualname__ must be a str, not %s",
                            type_name(rt_type(qn)));
        t->qualname = qn;
        if (dict_del(vm, d, OBJ_VAL(qk), NULL) < 0) return gc_roots_reset(vm, mark), false;
    }
    // Two hooks type() makes class methods of, so that a plain def works.
    ObjStr *implicit_cm[] = {NAME(vm, init_subclass), NAME(vm, class_getitem)};
    for (size_t i = 0; i < 2; i++) {
        Value fn;
        if (dict_get_str(vm, d, implicit_cm[i], &fn) != 1 || !IS_FUNCTION(fn)) continue;
        ObjWrapper *cm = classmethod_wrap(vm, fn);
        if (!cm || !dict_set(vm, d, OBJ_VAL(implicit_cm[i]), OBJ_VAL(cm))) return gc_roots_reset(vm, mark), false;
    }
    if (!slot_names_of(vm, t, d)) return gc_roots_reset(vm, mark), false;
    // A class that defines __eq__ without __hash__ is unhashable.
    Value tmp;
    if (dict_get_str(vm, d, NAME(vm, eq), &tmp) == 1 && dict_get_str(vm, d, NAME(vm, hash), &tmp) != 1)
        if (!dict_set(vm, d, OBJ_VAL(NAME(vm, hash)), NONE_VAL)) return gc_roots_reset(vm, mark), false;
    fixup_slots(vm, t, true);
    gc_roots_reset(vm, mark);
    *out = OBJ_VAL(t);
    return true;
}

// [fresh]: the class is being created, so it has no instances yet.
static void fixup_slots(Vm *vm, ObjType *t, bool fresh) {
    Value v;
    bool had_finalizer = t->flags & TYPE_HAS_FINALIZER;
    t->flags &= ~(unsigned)TYPE_HAS_FINALIZER;
    ObjType *c;
    for (size_t i = 0; (c = type_mro_at(t, i)); i++) {
        if (TYPE_IS_HEAP(c) && dict_get_str(vm, AS_DICT(c->dict), NAME(vm, del), &v) == 1)
            t->flags |= TYPE_HAS_FINALIZER;
        if (c->flags & TYPE_HAS_FINALIZER && !TYPE_IS_HEAP(c)) t->flags |= TYPE_HAS_FINALIZER;
    }
    // Instances made before __del__ appeared were not counted by gc_alloc:
    // make the collector look for finalisable objects from now on.
    if (!fresh && !had_finalizer && (t->flags & TYPE_HAS_FINALIZER)) vm->gc_finalizable = SIZE_MAX / 2;
    slots_fill(vm, t);
}

void type_fixup_slots(Vm *vm, ObjType *t) { fixup_slots(vm, t, false); }

// ---- the type object itself ----

static void type_trace(Vm *vm, Obj *o) {
    ObjType *t = (ObjType *)o;
    gc_mark_value(vm, t->dict);
    gc_mark_value(vm, t->name_str);
    gc_mark_value(vm, t->qualname);
    gc_mark_value(vm, t->slot_names);
    for (size_t i = 0; i < t->nmro; i++) gc_mark_obj(vm, &t->mro[i]->hdr);
    for (size_t i = 0; i < t->nbases; i++) gc_mark_obj(vm, &t->bases[i]->hdr);
    if (t->base) gc_mark_obj(vm, &t->base->hdr);
}

static void type_free(Vm *vm, Obj *o) {
    ObjType *t = (ObjType *)o;
    type_cache_invalidate();   // its address may be reused by another class
    rt_free(vm, t->mro, t->nmro * sizeof(ObjType *));
    rt_free(vm, t->bases, t->nbases * sizeof(ObjType *));
}

static Value module_of(Vm *vm, ObjType *t) {
    Value m;
    if (TYPE_IS_HEAP(t) && dict_get_str(vm, AS_DICT(t->dict), NAME(vm, module), &m) == 1) return m;
    return VAL_NULL;
}

bool type_repr(Vm *vm, Value self, Value *out) {
    ObjType *t = AS_TYPE(self);
    ObjStr *s;
    if (!TYPE_IS_HEAP(t)) {
        s = !t->module ? rt_format_cmsg(vm, "<class '%s'>", t->name)
            : strcmp(t->module, "builtins") == 0 ? rt_format_cmsg(vm, "<class '%s'>", t->name)
            : rt_format_cmsg(vm, "<class '%s.%s'>", t->module, type_short_name(t));
    } else {
        Value m = module_of(vm, t);
        s = m && IS_STR(m) && !str_eq_cstr(AS_STR(m), "builtins")
            ? rt_format_cmsg(vm, "<class '%U.%U'>", AS_STR(m), AS_STR(t->qualname))
            : rt_format_cmsg(vm, "<class '%U'>", AS_STR(t->qualname));
    }
    TRY(s);
    *out = OBJ_VAL(s);
    return true;
}

static bool type_call(Vm *vm, Value self, Value *args, size_t nargs, Value kwnames, Value *out) {
    ObjType *t = AS_TYPE(self);
    size_t nkw = kwnames ? AS_TUPLE(kwnames)->len : 0;
    if (t == &type_type) {
        if (nargs == 1 && !nkw) {
            *out = OBJ_VAL(rt_type(args[0]));
            return true;
        }
        if (nargs != 3)
            return rt_raise(vm, &TypeError_type, "type() takes 1 or 3 arguments");
        return type_new_slot(vm, t, args, nargs, kwnames, out);
    }
    bool (*new_)(Vm *, ObjType *, Value *, size_t, Value, Value *) = TYPE_SLOT(t, new_);
    if (!new_ || (t->flags & TYPE_ABSTRACT_NEW))
        return rt_raise(vm, &TypeError_type, "cannot create '%s' instances", t->name);
    TRY(new_(vm, t, args, nargs, kwnames, out));
    if (!type_is_subtype(rt_type(*out), t)) return true;
    bool (*init)(Vm *, Value, Value *, size_t, Value) = TYPE_SLOT(rt_type(*out), init);
    if (!init) return true;
    gc_push_root(vm, *out);
    bool ok = init(vm, *out, args, nargs, kwnames);
    gc_pop_root(vm);
    return ok;
}

static int type_getattr(Vm *vm, Value self, ObjStr *name, Value *out) {
    ObjType *t = AS_TYPE(self), *meta = rt_type(self);
    Value ma = VAL_NULL, a;
    int r = type_lookup(vm, meta, name, &ma, NULL);
    if (r < 0) return -1;
    if (r) {
        ObjType *mt = rt_type(ma);
        if (mt->descr_set && mt->descr_get) {   // data descriptor on the metatype
            gc_push_root(vm, ma);
            bool ok = mt->descr_get(vm, ma, self, meta, out);
            gc_pop_root(vm);
            return ok ? 1 : -1;
        }
    }
    gc_push_root(vm, ma);
    r = type_lookup(vm, t, name, &a, NULL);
    gc_pop_root(vm);
    if (r < 0) return -1;
    if (r) {
        bool (*get)(Vm *, Value, Value, ObjType *, Value *) = rt_type(a)->descr_get;
        if (!get) {
            *out = a;
            return 1;
        }
        gc_push_root(vm, a);
        bool ok = get(vm, a, VAL_NULL, t, out);
        gc_pop_root(vm);
        return ok ? 1 : -1;
    }
    if (ma) {
        bool (*get)(Vm *, Value, Value, ObjType *, Value *) = rt_type(ma)->descr_get;
        if (!get) {
            *out = ma;
            return 1;
        }
        gc_push_root(vm, ma);
        bool ok = get(vm, ma, self, meta, out);
        gc_pop_root(vm);
        return ok ? 1 : -1;
    }
    return 0;
}

static bool type_setattr(Vm *vm, Value self, ObjStr *name, Value v) {
    ObjType *t = AS_TYPE(self);
    if (!TYPE_IS_HEAP(t))
        return rt_raise(vm, &TypeError_type, "cannot set '%U' attribute of immutable type '%s'",
                        name, t->name);
    Value ma;
    int r = type_lookup(vm, rt_type(self), name, &ma, NULL);
    if (r < 0) return false;
    if (r && rt_type(ma)->descr_set) return rt_type(ma)->descr_set(vm, ma, self, v);
    if (v) {
        TRY(dict_set(vm, AS_DICT(t->dict), OBJ_VAL(name), v));
    } else {
        int d = dict_del(vm, AS_DICT(t->dict), OBJ_VAL(name), NULL);
        if (d < 0) return false;
        if (d == 0)
            return rt_raise(vm, &AttributeError_type, "type object '%s' has no attribute '%U'",
                            t->name, name);
    }
    if (name->len > 4 && name->data[0] == '_' && name->data[1] == '_') type_fixup_slots(vm, t);
    return true;
}

// ---- type attributes ----

static bool tuple_of_types(Vm *vm, ObjType **ts, size_t n, Value *out) {
    ObjTuple *r = tuple_new(vm, n);
    TRY(r);
    for (size_t i = 0; i < n; i++) r->items[i] = OBJ_VAL(ts[i]);
    *out = OBJ_VAL(r);
    return true;
}

static bool get_name(Vm *vm, Value self, Value *out) {
    ObjType *t = AS_TYPE(self);
    if (t->name_str) {
        *out = t->name_str;
        return true;
    }
    // "module.Name" static types (object.h) are known by the last part.
    ObjStr *s = str_from_cstr(vm, type_short_name(t));
    TRY(s);
    *out = OBJ_VAL(s);
    return true;
}

static bool get_qualname(Vm *vm, Value self, Value *out) {
    ObjType *t = AS_TYPE(self);
    if (t->qualname) {
        *out = t->qualname;
        return true;
    }
    return get_name(vm, self, out);
}

static bool get_module(Vm *vm, Value self, Value *out) {
    ObjType *t = AS_TYPE(self);
    Value m = module_of(vm, t);
    if (m) {
        *out = m;
        return true;
    }
    const char *dot = t->module || TYPE_IS_HEAP(t) ? NULL : strrchr(t->name, '.');
    ObjStr *s = t->module ? str_from_cstr(vm, t->module)
                : dot     ? str_new(vm, t->name, (size_t)(dot - t->name))
                          : str_from_cstr(vm, "builtins");
    TRY(s);
    *out = OBJ_VAL(s);
    return true;
}

static bool get_mro(Vm *vm, Value self, Value *out) {
    ObjType *t = AS_TYPE(self);
    if (t->mro) return tuple_of_types(vm, t->mro, t->nmro, out);
    ObjType *buf[32];
    size_t n = 0;
    for (ObjType *c = t; c && n < 32; c = c->base) buf[n++] = c;
    return tuple_of_types(vm, buf, n, out);
}

static bool get_bases(Vm *vm, Value self, Value *out) {
    ObjType *t = AS_TYPE(self);
    if (t->bases) return tuple_of_types(vm, t->bases, t->nbases, out);
    ObjType *b = t->base;
    return tuple_of_types(vm, &b, b ? 1 : 0, out);
}

static bool get_base(Vm *vm, Value self, Value *out) {
    (void)vm;
    ObjType *t = AS_TYPE(self);
    *out = t->base ? OBJ_VAL(t->base) : NONE_VAL;
    return true;
}

static bool get_dict(Vm *vm, Value self, Value *out) {
    ObjType *t = AS_TYPE(self);
    if (t->dict) {
        *out = t->dict;
        return true;
    }
    // Builtin types: a fresh dict of their methods (read-only view in CPython).
    ObjDict *d = dict_new(vm);
    TRY(d);
    gc_push_root(vm, OBJ_VAL(d));
    bool ok = true;
    for (const MethodDef *m = t->methods; ok && m && m->name; m++) {
        Value v;
        if (m->flags & METH_VALUE) {
            ok = m->fn(vm, NULL, 0, VAL_NULL, &v) && dict_set_cstr(vm, d, m->name, v);
            continue;
        }
        ObjNative *n = native_new_descriptor(vm, m, t);
        ok = n && dict_set_cstr(vm, d, m->name, OBJ_VAL(n));
    }
    // Then its getsets and slot wrappers, as CPython lists them (code such
    // as collections.abc asks `'__len__' in C.__dict__`).
    MethodDef wraps[SLOTWRAP_MAX];
    size_t nw = slotwrap_collect(t, wraps);
    const GetSetDef *g = t->getsets && !(t->base && t->base->getsets == t->getsets) ? t->getsets : NULL;
    for (size_t i = 0; ok && (i < nw || (g && g->name)); i++) {
        const char *name = i < nw ? wraps[i].name : (g++)->name;
        ObjStr *s = str_intern_cstr(vm, name);
        Value v, old;
        ok = s != NULL;
        if (!ok) break;
        gc_push_root(vm, OBJ_VAL(s));
        int r = dict_get_str(vm, d, s, &old) == 1 ? 0 : type_lookup_own(vm, t, s, &v);
        if (r > 0) gc_push_root(vm, v);
        ok = r >= 0 && (r == 0 || dict_set(vm, d, OBJ_VAL(s), v));
        gc_pop_roots(vm, r > 0 ? 2 : 1);
    }
    gc_pop_root(vm);
    TRY(ok);
    *out = OBJ_VAL(d);
    return true;
}

static bool get_doc(Vm *vm, Value self, Value *out) {
    ObjType *t = AS_TYPE(self);
    if (!t->dict || dict_get_str(vm, AS_DICT(t->dict), NAME(vm, doc), out) != 1) *out = NONE_VAL;
    return true;
}

static bool set_doc(Vm *vm, Value self, Value v) {
    ObjType *t = AS_TYPE(self);
    if (!TYPE_IS_HEAP(t))
        return rt_raise(vm, &TypeError_type, "cannot set '__doc__' attribute of immutable type '%s'", t->name);
    if (v) return dict_set(vm, AS_DICT(t->dict), OBJ_VAL(NAME(vm, doc)), v);
    return dict_del(vm, AS_DICT(t->dict), OBJ_VAL(NAME(vm, doc)), NULL) >= 0;
}

static bool set_name(Vm *vm, Value self, Value v) {
    ObjType *t = AS_TYPE(self);
    if (!TYPE_IS_HEAP(t))
        return rt_raise(vm, &TypeError_type, "cannot set '__name__' attribute of immutable type '%s'", t->name);
    if (!v || !IS_STR(v))
        return rt_raise(vm, &TypeError_type, "can only assign string to %s.__name__, not '%s'",
                        t->name, v ? type_name(rt_type(v)) : "NoneType");
    t->name_str = v;
    t->name = AS_STR(v)->data;
    return true;
}

static bool set_qualname(Vm *vm, Value self, Value v) {
    ObjType *t = AS_TYPE(self);
    if (!TYPE_IS_HEAP(t))
        return rt_raise(vm, &TypeError_type, "cannot set '__qualname__' attribute of immutable type '%s'", t->name);
    if (!v || !IS_STR(v))
        return rt_raise(vm, &TypeError_type, "can only assign string to %s.__qualname__, not '%s'",
                        t->name, v ? type_name(rt_type(v)) : "NoneType");
    t->qualname = v;
    return true;
}

static bool set_module(Vm *vm, Value self, Value v) {
    ObjType *t = AS_TYPE(self);
    if (!TYPE_IS_HEAP(t))
        return rt_raise(vm, &TypeError_type, "cannot set '__module__' attribute of immutable type '%s'", t->name);
    return v ? dict_set(vm, AS_DICT(t->dict), OBJ_VAL(NAME(vm, module)), v)
             : dict_del(vm, AS_DICT(t->dict), OBJ_VAL(NAME(vm, module)), NULL) >= 0;
}

// __abstractmethods__ (set by abc.ABCMeta): kept in the class's own dict;
// a true value marks the class abstract, which object.__new__ refuses.
static bool get_abstract(Vm *vm, Value self, Value *out) {
    ObjType *t = AS_TYPE(self);
    ObjStr *key = str_intern_cstr(vm, "__abstractmethods__");
    TRY(key);
    if (TYPE_IS_HEAP(t) && dict_get_str(vm, AS_DICT(t->dict), key, out) == 1) return true;
    return rt_raise(vm, &AttributeError_type, "__abstractmethods__");
}

static bool set_abstract(Vm *vm, Value self, Value v) {
    ObjType *t = AS_TYPE(self);
    if (!TYPE_IS_HEAP(t))
        return rt_raise(vm, &TypeError_type, "cannot set '__abstractmethods__' attribute of immutable type '%s'",
                        t->name);
    ObjStr *key = str_intern_cstr(vm, "__abstractmethods__");
    TRY(key);
    gc_push_root(vm, OBJ_VAL(key));
    int abstract = 0;
    bool ok;
    if (v) {
        abstract = rt_is_true(vm, v);
        ok = abstract >= 0 && dict_set(vm, AS_DICT(t->dict), OBJ_VAL(key), v);
    } else {
        int r = dict_del(vm, AS_DICT(t->dict), OBJ_VAL(key), NULL);
        ok = r > 0 || (r == 0 && rt_raise(vm, &AttributeError_type, "__abstractmethods__"));
    }
    gc_pop_root(vm);
    TRY(ok);
    if (abstract) t->flags |= TYPE_IS_ABSTRACT;
    else t->flags &= ~(unsigned)TYPE_IS_ABSTRACT;
    return true;
}

static const GetSetDef type_getsets[] = {
    {"__abstractmethods__", get_abstract, set_abstract},
    {"__name__", get_name, set_name},
    {"__qualname__", get_qualname, set_qualname},
    {"__module__", get_module, set_module},
    {"__mro__", get_mro, NULL},
    {"__bases__", get_bases, NULL},
    {"__base__", get_base, NULL},
    {"__dict__", get_dict, NULL},
    {"__doc__", get_doc, set_doc},
    {NULL, NULL, NULL},
};

static bool m_mro(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "mro", kw));
    TRY(rt_check_nargs(vm, "type.mro", nargs, 1, 1));
    Value t;
    TRY(get_mro(vm, args[0], &t));

    ObjList *l = list_from(vm, AS_TUPLE(t)->items, AS_TUPLE(t)->len);
    TRY(l);
    *out = OBJ_VAL(l);
    return true;
}

static bool m_subclasscheck(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "__subclasscheck__", kw));
    TRY(rt_check_nargs(vm, "__subclasscheck__", nargs, 2, 2));
    if (!IS_TYPE(args[1]))
        return rt_raise(vm, &TypeError_type, "issubclass() arg 1 must be a class");
    *out = rt_bool(type_is_subtype(AS_TYPE(args[1]), AS_TYPE(args[0])));
    return true;
}

static bool m_instancecheck(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "__instancecheck__", kw));
    TRY(rt_check_nargs(vm, "__instancecheck__", nargs, 2, 2));
    *out = rt_bool(type_is_subtype(rt_type(args[1]), AS_TYPE(args[0])));
    return true;
}

// type.__prepare__(name, bases, **kwds): the namespace of a class body, a
// new dict (metaclasses override it).
static bool m_prepare(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    (void)args, (void)nargs, (void)kw;
    ObjDict *d = dict_new(vm);
    TRY(d);
    *out = OBJ_VAL(d);
    return true;
}

// type.__getattribute__ / __setattr__ / __delattr__: what super() in a
// metaclass reaches (object's would treat the class as a plain instance).
static bool attr_name_arg(Vm *vm, Value v) {
    if (IS_STR(v)) return true;
    return rt_raise(vm, &TypeError_type, "attribute name must be string, not '%s'", type_name(rt_type(v)));
}

static bool m_getattribute(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "__getattribute__", kw));
    TRY(rt_check_nargs(vm, "__getattribute__", nargs, 2, 2));
    TRY(attr_name_arg(vm, args[1]));
    int r = type_getattr(vm, args[0], AS_STR(args[1]), out);
    if (r < 0) return false;
    if (r == 0)
        return rt_raise(vm, &AttributeError_type, "type object '%s' has no attribute '%U'",
                        AS_TYPE(args[0])->name, AS_STR(args[1]));
    return true;
}

static bool m_setattr(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "__setattr__", kw));
    TRY(rt_check_nargs(vm, "__setattr__", nargs, 3, 3));
    TRY(attr_name_arg(vm, args[1]));
    TRY(type_setattr(vm, args[0], AS_STR(args[1]), args[2]));
    *out = NONE_VAL;
    return true;
}

static bool m_delattr(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "__delattr__", kw));
    TRY(rt_check_nargs(vm, "__delattr__", nargs, 2, 2));
    TRY(attr_name_arg(vm, args[1]));
    TRY(type_setattr(vm, args[0], AS_STR(args[1]), VAL_NULL));
    *out = NONE_VAL;
    return true;
}

static const MethodDef type_methods[] = {
    {"mro", m_mro, 0},
    {"__getattribute__", m_getattribute, 0},
    {"__setattr__", m_setattr, 0},
    {"__delattr__", m_delattr, 0},
    {"__prepare__", m_prepare, METH_CLASS},
    {"__subclasscheck__", m_subclasscheck, 0},
    {"__instancecheck__", m_instancecheck, 0},
    {NULL, NULL, 0},
};

// ---- the end of a class statement (CPython's type_new epilogue) ----

// __set_name__(owner, name) on each value of the new class's namespace whose
// type defines it. The walk is over a copy: a call may add to the class.
static bool call_set_names(Vm *vm, ObjType *t) {
    size_t mark = gc_roots_mark(vm);
    ObjDict *snap = dict_copy(vm, AS_DICT(t->dict));
    TRY(snap);
    gc_push_root(vm, OBJ_VAL(snap));
    Value key, v;
    for (size_t pos = 0; dict_next(snap, &pos, &key, &v);) {
        Value fn, res;
        int r = type_lookup(vm, rt_type(v), NAME(vm, set_name), &fn, NULL);
        if (r < 0) return gc_roots_reset(vm, mark), false;
        if (!r) continue;
        gc_push_root(vm, fn);
        // A plain function is called with the value as self; anything else
        // is bound to it first, as a special method lookup does.
        Value args[3] = {v, OBJ_VAL(t), key};
        bool (*get)(Vm *, Value, Value, ObjType *, Value *) = rt_type(fn)->descr_get;
        bool ok;
        if (IS_FUNCTION(fn) || !get) {
            ok = rt_call(vm, fn, args, 3, VAL_NULL, &res);
        } else {
            ok = get(vm, fn, v, rt_type(v), &fn);
            if (ok) {
                gc_push_root(vm, fn);
                ok = rt_call(vm, fn, args + 1, 2, VAL_NULL, &res);
            }
        }
        if (!ok) {
            // 3.11 reports it as a RuntimeError caused by the error itself.
            Value cause = rt_exc_take(vm);
            gc_push_root(vm, cause);
            rt_raise(vm, &RuntimeError_type, "Error calling __set_name__ on '%s' instance %R in '%s'",
                     type_name(rt_type(v)), key, t->name);
            if (IS_EXC(vm->exc) && IS_EXC(cause)) {
                AS_EXC(vm->exc)->cause = AS_EXC(vm->exc)->context = cause;
                AS_EXC(vm->exc)->suppress_context = true;
            }
            return gc_roots_reset(vm, mark), false;
        }
        gc_roots_reset(vm, mark + 1);
    }
    gc_roots_reset(vm, mark);
    return true;
}

// super(t, t).__init_subclass__(**kwargs): the class keywords other than
// metaclass= ([kwv] holds the values of [kwnames]).
static bool call_init_subclass(Vm *vm, ObjType *t, Value *kwv, Value kwnames) {
    Value v = VAL_NULL, fn, res;
    ObjType *c;
    for (size_t i = 1; (c = type_mro_at(t, i)); i++) {
        int r = type_lookup_own(vm, c, NAME(vm, init_subclass), &v);
        if (r < 0) return false;
        if (r) break;
    }
    if (!c) return true;
    size_t mark = gc_roots_mark(vm);
    gc_push_root(vm, v);
    bool (*get)(Vm *, Value, Value, ObjType *, Value *) = rt_type(v)->descr_get;
    fn = v;
    if (get && !get(vm, v, VAL_NULL, t, &fn)) return gc_roots_reset(vm, mark), false;
    gc_push_root(vm, fn);
    bool has_kw = kwnames && AS_TUPLE(kwnames)->len;
    bool ok = rt_call(vm, fn, kwv, 0, has_kw ? kwnames : VAL_NULL, &res);
    gc_roots_reset(vm, mark);
    return ok;
}

// type.__new__(mcs, name, bases, dict, **kwargs): a class whose type is the
// metaclass [t] (type itself, or a class deriving from it); the keywords go
// to the bases' __init_subclass__. Calling type itself, type(x) included,
// goes through type_call.
static bool type_new_slot(Vm *vm, ObjType *t, Value *args, size_t nargs, Value kwnames, Value *out) {
    if (nargs != 3) return rt_raise(vm, &TypeError_type, "type.__new__() takes exactly 3 arguments (%zu given)", nargs);
    if (!IS_STR(args[0]))
        return rt_raise(vm, &TypeError_type, "type.__new__() argument 1 must be str, not %s",
                        type_name(rt_type(args[0])));
    if (!IS_TUPLE(args[1]))
        return rt_raise(vm, &TypeError_type, "type.__new__() argument 2 must be tuple, not %s",
                        type_name(rt_type(args[1])));
    if (!IS_DICT(args[2]))
        return rt_raise(vm, &TypeError_type, "type.__new__() argument 3 must be dict, not %s",
                        type_name(rt_type(args[2])));
    TRY(type_new_class(vm, t, AS_STR(args[0]), args[1], args[2], out));
    gc_push_root(vm, *out);
    bool ok = call_set_names(vm, AS_TYPE(*out)) && call_init_subclass(vm, AS_TYPE(*out), args + nargs, kwnames);
    gc_pop_root(vm);
    return ok;
}

// type.__init__(cls, name, bases, dict): the class is complete already.
static bool type_init_slot(Vm *vm, Value self, Value *args, size_t nargs, Value kwnames) {
    (void)self, (void)args, (void)kwnames;
    if (nargs != 1 && nargs != 3) return rt_raise(vm, &TypeError_type, "type.__init__() takes 1 or 3 arguments");
    return true;
}

static size_t type_size(const Obj *o) {
    return o->type->basicsize < sizeof(ObjType) ? sizeof(ObjType) : o->type->basicsize;
}

ObjType type_type = {
    .hdr = OBJ_STATIC_HEADER(&type_type),
    .name = "type",
    .module = "builtins",
    .basicsize = sizeof(ObjType),
    .flags = TYPE_BASETYPE,
    .base = &object_type,
    .methods = type_methods,
    .getsets = type_getsets,
    .trace = type_trace,
    .free = type_free,
    .size = type_size,
    .new_ = type_new_slot,
    .init = type_init_slot,
    .call = type_call,
    .repr = type_repr,
    .getattr = type_getattr,
    .setattr = type_setattr,
    .binop = union_type_or,   // int | str
};
