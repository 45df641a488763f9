// dict: the compact insertion-ordered hash table (see dict.h), its views and
// iterators. Index table sizes are powers of two (at least 8) and at most
// 2/3 full counting deleted entries; a resize compacts the entries array.
#include "runtime/dict.h"

#include <string.h>

#include "runtime/exc.h"
#include "runtime/gc.h"
#include "runtime/genericalias.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/native.h"
#include "runtime/ops.h"
#include "runtime/set.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"

#define IX_EMPTY (-1)
#define IX_DUMMY (-2)
#define PERTURB_SHIFT 5

ObjDict *dict_new(Vm *vm) { return (ObjDict *)gc_alloc(vm, &dict_type, sizeof(ObjDict)); }

uint64_t dict_watch_epoch;

// Versions are unique across all dicts (see dict.h).
static uint64_t last_version;

static size_t usable(size_t mask) { return mask ? (mask + 1) * 2 / 3 : 0; }

// Rebuilds the table with room for [need] live entries.
static bool resize(Vm *vm, ObjDict *d, size_t need) {
    size_t size = 8;
    while (size * 2 / 3 < need + 1) {
        if (size > SIZE_MAX / 4) return rt_raise_nomem(vm);
        size *= 2;
    }
    size_t cap = size * 2 / 3, ib, eb;
    TRY(rt_size_mul(vm, size, sizeof(int64_t), &ib));
    TRY(rt_size_mul(vm, cap, sizeof(DictEntry), &eb));
    gc_push_root(vm, OBJ_VAL(d));
    int64_t *index = rt_alloc(vm, ib);
    DictEntry *entries = index ? rt_alloc(vm, eb) : NULL;
    gc_pop_root(vm);
    if (!entries) {
        rt_free(vm, index, ib);
        return false;
    }
    memset(index, 0xff, ib);   // IX_EMPTY
    size_t mask = size - 1, n = 0;
    for (size_t i = 0; i < d->nentries; i++) {
        DictEntry *e = &d->entries[i];
        if (!e->key) continue;
        entries[n] = *e;
        size_t j = (size_t)e->hash & mask;
        for (uint64_t perturb = (uint64_t)e->hash; index[j] != IX_EMPTY;) {
            perturb >>= PERTURB_SHIFT;
            j = (j * 5 + (size_t)perturb + 1) & mask;
        }
        index[j] = (int64_t)n++;
    }
    rt_free(vm, d->index, d->mask ? (d->mask + 1) * sizeof(int64_t) : 0);
    rt_free(vm, d->entries, d->cap * sizeof(DictEntry));
    d->index = index;
    d->entries = entries;
    d->mask = mask;
    d->cap = cap;
    d->nentries = n;
    return true;
}

// 1 found (*ix = entry), 0 missing (*slot = index slot to fill), -1 error.
static int lookup(Vm *vm, ObjDict *d, Value key, int64_t hash, int64_t *ix, size_t *slot) {
restart:
    if (!d->mask) {
        *slot = 0;
        return 0;
    }
    size_t mask = d->mask, j = (size_t)hash & mask;
    size_t free_slot = SIZE_MAX;
    for (uint64_t perturb = (uint64_t)hash;;) {
        int64_t k = d->index[j];
        if (k == IX_EMPTY) {
            *slot = free_slot != SIZE_MAX ? free_slot : j;
            return 0;
        }
        if (k == IX_DUMMY) {
            if (free_slot == SIZE_MAX) free_slot = j;
        } else {
            DictEntry *e = &d->entries[k];
            if (e->key == key) {
                *ix = k;
                return 1;
            }
            if (e->hash == hash) {
                if (IS_STR(e->key) && IS_STR(key)) {
                    if (str_eq(AS_STR(e->key), AS_STR(key))) {
                        *ix = k;
                        return 1;
                    }
                } else {
                    uint64_t version = d->version;
                    Value ek = e->key;
                    gc_push_root(vm, ek);
                    int eq = rt_eq(vm, ek, key);
                    gc_pop_root(vm);
                    if (eq < 0) return -1;
                    if (d->version != version || d->index == NULL) goto restart;
                    if (eq) {
                        *ix = k;
                        return 1;
                    }
                }
            }
        }
        perturb >>= PERTURB_SHIFT;
        j = (j * 5 + (size_t)perturb + 1) & mask;
    }
}

int dict_get(Vm *vm, ObjDict *d, Value key, Value *out) {
    int64_t h, ix;
    size_t slot;
    if (!rt_hash(vm, key, &h)) return -1;
    int r = lookup(vm, d, key, h, &ix, &slot);
    if (r == 1) *out = d->entries[ix].value;
    return r;
}

int64_t dict_probe_str(const ObjDict *d, ObjStr *key) {
    // Attribute and global lookups land here: a lean probe loop for the
    // usual case (the same interned key object, or another str), which
    // cannot run Python code. A non-str key with the same hash may have an
    // __eq__ that does: that rare case is left to the general lookup.
    if (!d->mask) return -1;
    int64_t h = key->hash != -1 ? key->hash : str_hash(key);
    size_t mask = d->mask, j = (size_t)h & mask;
    for (uint64_t perturb = (uint64_t)h;;) {
        int64_t k = d->index[j];
        if (k == IX_EMPTY) return -1;
        if (k >= 0) {
            const DictEntry *e = &d->entries[k];
            if (e->key == OBJ_VAL(key)) return k;
            if (e->hash == h) {
                if (!IS_TYPE_EXACT(e->key, str_type)) return -2;
                if (str_eq(AS_STR(e->key), key)) return k;
            }
        }
        perturb >>= PERTURB_SHIFT;
        j = (j * 5 + (size_t)perturb + 1) & mask;
    }
}

int64_t dict_index_str(Vm *vm, ObjDict *d, ObjStr *key) {
    int64_t ix = dict_probe_str(d, key);
    if (ix != -2) return ix;
    size_t slot;
    int r = lookup(vm, d, OBJ_VAL(key), str_hash(key), &ix, &slot);   // str keys never raise
    return r == 1 ? ix : -1;
}

int dict_get_str(Vm *vm, ObjDict *d, ObjStr *key, Value *out) {
    int64_t ix = dict_index_str(vm, d, key);
    if (ix < 0) return 0;
    *out = d->entries[ix].value;
    return 1;
}

static bool insert(Vm *vm, ObjDict *d, Value key, int64_t h, Value v) {
    int64_t ix;
    size_t slot;
    int r = lookup(vm, d, key, h, &ix, &slot);
    if (r < 0) return false;
    if (r == 1) {
        d->entries[ix].value = v;
        if (d->watched) dict_watch_epoch++;
        return true;
    }
    if (d->nentries >= d->cap || d->nentries >= usable(d->mask)) {
        gc_push_root(vm, key);
        gc_push_root(vm, v);
        bool ok = resize(vm, d, d->used + 1 > d->used * 2 ? d->used + 1 : d->used * 2);
        gc_pop_roots(vm, 2);
        TRY(ok);
        r = lookup(vm, d, key, h, &ix, &slot);   // identity/str compare only now: cannot fail
        if (r < 0) return false;
    }
    d->index[slot] = (int64_t)d->nentries;
    d->entries[d->nentries++] = (DictEntry){key, v, h};
    d->used++;
    d->version = ++last_version;
    if (d->watched) dict_watch_epoch++;
    return true;
}

bool dict_set(Vm *vm, ObjDict *d, Value key, Value v) {
    int64_t h;
    TRY(rt_hash(vm, key, &h));
    return insert(vm, d, key, h, v);
}

bool dict_set_cstr(Vm *vm, ObjDict *d, const char *key, Value v) {
    // Both stay rooted: interning allocates, and so may growing the table,
    // while a fresh interned key is held only by the (weak) intern table.
    gc_push_root(vm, v);
    ObjStr *k = str_intern_cstr(vm, key);
    if (!k) {
        gc_pop_root(vm);
        return false;
    }
    gc_push_root(vm, OBJ_VAL(k));
    bool ok = dict_set(vm, d, OBJ_VAL(k), v);
    gc_pop_roots(vm, 2);
    return ok;
}

int dict_del(Vm *vm, ObjDict *d, Value key, Value *out) {
    int64_t h, ix;
    size_t slot;
    if (!rt_hash(vm, key, &h)) return -1;
    int r = lookup(vm, d, key, h, &ix, &slot);
    if (r != 1) return r;
    // Find the index slot that points at ix.
    size_t j = (size_t)h & d->mask;
    for (uint64_t perturb = (uint64_t)h; d->index[j] != ix;) {
        perturb >>= PERTURB_SHIFT;
        j = (j * 5 + (size_t)perturb + 1) & d->mask;
    }
    d->index[j] = IX_DUMMY;
    if (out) *out = d->entries[ix].value;
    d->entries[ix].key = VAL_NULL;
    d->entries[ix].value = VAL_NULL;
    d->used--;
    d->version = ++last_version;
    if (d->watched) dict_watch_epoch++;
    return 1;
}

void dict_clear(Vm *vm, ObjDict *d) {
    rt_free(vm, d->index, d->mask ? (d->mask + 1) * sizeof(int64_t) : 0);
    rt_free(vm, d->entries, d->cap * sizeof(DictEntry));
    d->index = NULL;
    d->entries = NULL;
    d->mask = d->cap = d->nentries = d->used = 0;
    d->version = ++last_version;
    if (d->watched) dict_watch_epoch++;
}

bool dict_next(ObjDict *d, size_t *pos, Value *key, Value *value) {
    while (*pos < d->nentries) {
        DictEntry *e = &d->entries[(*pos)++];
        if (e->key) {
            if (key) *key = e->key;
            if (value) *value = e->value;
            return true;
        }
    }
    return false;
}

ObjDict *dict_copy(Vm *vm, ObjDict *d) {
    gc_push_root(vm, OBJ_VAL(d));
    ObjDict *r = dict_new(vm);
    gc_push_root(vm, OBJ_VAL(r));
    bool ok = r && (d->used == 0 || resize(vm, r, d->used));
    for (size_t i = 0; ok && i < d->nentries; i++)
        if (d->entries[i].key) ok = insert(vm, r, d->entries[i].key, d->entries[i].hash, d->entries[i].value);
    gc_pop_roots(vm, 2);
    return ok ? r : NULL;
}

static bool update_from_pairs(Vm *vm, ObjDict *d, Value seq) {
    Value it, item;
    TRY(rt_iter(vm, seq, &it));
    gc_push_root(vm, it);
    IterResult r;
    size_t n = 0;
    while ((r = rt_next(vm, it, &item)) == ITER_NEXT) {
        gc_push_root(vm, item);
        Value pair;
        bool ok = true;
        if (!rt_type(item)->iter) {
            ok = rt_raise(vm, &TypeError_type,
                          "cannot convert dictionary update sequence element #%zu to a sequence", n);
        } else {
            ok = tuple_from_iterable(vm, item, &pair);
            if (ok && AS_TUPLE(pair)->len != 2)
                ok = rt_raise(vm, &ValueError_type,
                              "dictionary update sequence element #%zu has length %zu; 2 is required",
                              n, AS_TUPLE(pair)->len);
            if (ok) {
                gc_push_root(vm, pair);
                ok = dict_set(vm, d, AS_TUPLE(pair)->items[0], AS_TUPLE(pair)->items[1]);
                gc_pop_root(vm);
            }
        }
        gc_pop_root(vm);
        if (!ok) {
            r = ITER_ERROR;
            break;
        }
        n++;
    }
    gc_pop_root(vm);
    return r != ITER_ERROR;
}

bool dict_update(Vm *vm, ObjDict *d, Value other) {
    if (IS_DICT(other)) {
        ObjDict *o = AS_DICT(other);
        for (size_t i = 0; i < o->nentries; i++) {
            DictEntry e = o->entries[i];
            if (e.key) TRY(insert(vm, d, e.key, e.hash, e.value));
        }
        return true;
    }
    Value keys;
    int has = rt_getattr_opt(vm, other, NAME(vm, keys), &keys);
    if (has < 0) return false;
    if (!has) return update_from_pairs(vm, d, other);
    Value ks, it, k, v;
    size_t mark = gc_roots_mark(vm);
    gc_push_root(vm, keys);
    bool ok = rt_call0(vm, keys, &ks);
    if (ok) gc_push_root(vm, ks);   // (its iterator may not hold it until made)
    ok = ok && rt_iter(vm, ks, &it);
    if (!ok) {
        gc_roots_reset(vm, mark);
        return false;
    }
    gc_push_root(vm, it);
    IterResult r;
    while ((r = rt_next(vm, it, &k)) == ITER_NEXT) {
        gc_push_root(vm, k);
        ok = rt_getitem(vm, other, k, &v);
        if (ok) gc_push_root(vm, v);   // dict_set may grow the table
        ok = ok && dict_set(vm, d, k, v);
        gc_roots_reset(vm, mark + 3);
        if (!ok) {
            r = ITER_ERROR;
            break;
        }
    }
    gc_roots_reset(vm, mark);
    return r != ITER_ERROR;
}

// ---- slots ----

static void dict_trace(Vm *vm, Obj *o) {
    ObjDict *d = (ObjDict *)o;
    for (size_t i = 0; i < d->nentries; i++) {
        gc_mark_value(vm, d->entries[i].key);
        gc_mark_value(vm, d->entries[i].value);
    }
}

static void dict_free(Vm *vm, Obj *o) { dict_clear(vm, (ObjDict *)o); }

static bool dict_repr(Vm *vm, Value self, Value *out) {
    ObjDict *d = AS_DICT(self);
    if (d->used == 0) {
        ObjStr *s = str_from_cstr(vm, "{}");
        TRY(s);
        *out = OBJ_VAL(s);
        return true;
    }
    int rec = rt_repr_enter(vm, self);
    if (rec < 0) return false;
    if (rec) {
        ObjStr *s = str_from_cstr(vm, "{...}");
        TRY(s);
        *out = OBJ_VAL(s);
        return true;
    }
    bool entered = rt_enter(vm, RT_WHERE_REPR), ok = entered;
    Buf b;
    buf_init(&b);
    ok = ok && buf_putc(&b, '{');
    bool first = true;
    for (size_t i = 0; ok && i < d->nentries; i++) {
        DictEntry e = d->entries[i];
        if (!e.key) continue;
        Value kr, vr;
        gc_push_root(vm, e.value);
        ok = rt_repr(vm, e.key, &kr);
        if (ok) {
            gc_push_root(vm, kr);
            ok = rt_repr(vm, e.value, &vr);
            gc_pop_root(vm);
        }
        gc_pop_root(vm);
        if (!ok) break;
        if (!(first || buf_puts(&b, ", ")) || !buf_append(&b, AS_STR(kr)->data, AS_STR(kr)->len) ||
            !buf_puts(&b, ": ") || !buf_append(&b, AS_STR(vr)->data, AS_STR(vr)->len))
            ok = rt_raise_nomem(vm);
        first = false;
    }
    if (ok && !buf_putc(&b, '}')) ok = rt_raise_nomem(vm);
    ObjStr *s = ok ? str_new(vm, b.data, b.len) : NULL;
    buf_free(&b);
    if (entered) rt_leave(vm);
    rt_repr_leave(vm, self);
    TRY(s);
    *out = OBJ_VAL(s);
    return true;
}

static bool dict_richcompare(Vm *vm, Value a, Value b, CmpOp op, Value *out) {
    if (!IS_DICT(a) || !IS_DICT(b) || (op != CMP_EQ && op != CMP_NE)) {
        *out = NOTIMPL_VAL;
        return true;
    }
    ObjDict *x = AS_DICT(a), *y = AS_DICT(b);
    bool eq = x->used == y->used;
    TRY(rt_enter(vm, RT_WHERE_CMP));
    for (size_t i = 0; eq && i < x->nentries; i++) {
        DictEntry e = x->entries[i];
        if (!e.key) continue;
        Value v;
        gc_push_root(vm, e.key);
        gc_push_root(vm, e.value);
        int r = dict_get(vm, y, e.key, &v);
        if (r == 1) r = rt_eq(vm, e.value, v);
        gc_pop_roots(vm, 2);
        if (r < 0) {
            rt_leave(vm);
            return false;
        }
        eq = r == 1;
    }
    rt_leave(vm);
    *out = rt_bool(eq == (op == CMP_EQ));
    return true;
}

static bool dict_len(Vm *vm, Value self, int64_t *out) {
    (void)vm;
    *out = (int64_t)AS_DICT(self)->used;
    return true;
}

static bool dict_getitem(Vm *vm, Value self, Value key, Value *out) {
    int r = dict_get(vm, AS_DICT(self), key, out);
    if (r < 0) return false;
    if (r == 0) {
        if (!IS_TYPE_EXACT(self, dict_type)) {   // subclass: __missing__
            ObjStr *name = NAME(vm, missing);
            Value m;
            int f = type_lookup(vm, rt_type(self), name, &m, NULL);
            if (f < 0) return false;
            if (f) return rt_call_method(vm, self, name, &key, 1, out);
        }
        return rt_raise_arg(vm, &KeyError_type, key);
    }
    return true;
}

static bool dict_setitem(Vm *vm, Value self, Value key, Value v) {
    if (v) return dict_set(vm, AS_DICT(self), key, v);
    int r = dict_del(vm, AS_DICT(self), key, NULL);
    if (r < 0) return false;
    if (r == 0) return rt_raise_arg(vm, &KeyError_type, key);
    return true;
}

static int dict_contains(Vm *vm, Value self, Value key) {
    Value v;
    return dict_get(vm, AS_DICT(self), key, &v);
}

static bool dict_new_slot(Vm *vm, ObjType *t, Value *args, size_t nargs, Value kwnames,
                          Value *out) {
    (void)args; (void)nargs; (void)kwnames;
    ObjDict *d = (ObjDict *)gc_alloc(vm, t, t->basicsize);
    TRY(d);
    *out = OBJ_VAL(d);
    return true;
}

static bool update_args(Vm *vm, ObjDict *d, const char *fname, Value *args, size_t nargs,
                        Value kwnames) {
    if (nargs > 1)
        return rt_raise(vm, &TypeError_type, "%s expected at most 1 argument, got %zu", fname, nargs);
    if (nargs) TRY(dict_update(vm, d, args[0]));
    size_t nkw = kwnames ? AS_TUPLE(kwnames)->len : 0;
    for (size_t i = 0; i < nkw; i++) TRY(dict_set(vm, d, AS_TUPLE(kwnames)->items[i], args[nargs + i]));
    return true;
}

static bool dict_init(Vm *vm, Value self, Value *args, size_t nargs, Value kwnames) {
    return update_args(vm, AS_DICT(self), "dict", args, nargs, kwnames);
}

static bool dict_binop(Vm *vm, int op, Value a, Value b, Value *out) {
    bool inplace = op & BINOP_INPLACE;
    op &= ~BINOP_INPLACE;
    if (op != BINOP_OR || !IS_DICT(a) || (!inplace && !IS_DICT(b))) {
        *out = NOTIMPL_VAL;
        return true;
    }
    if (inplace) {
        TRY(dict_update(vm, AS_DICT(a), b));
        *out = a;
        return true;
    }
    ObjDict *r = dict_copy(vm, AS_DICT(a));
    TRY(r);
    gc_push_root(vm, OBJ_VAL(r));
    bool ok = dict_update(vm, r, b);
    gc_pop_root(vm);
    TRY(ok);
    *out = OBJ_VAL(r);
    return true;
}

// ---- views and iterators ----

enum { VIEW_KEYS, VIEW_VALUES, VIEW_ITEMS };

typedef struct DictView {
    Obj hdr;
    Value dict;
} DictView;

typedef struct DictIter {
    Obj hdr;
    Value dict;     // VAL_NULL once exhausted
    size_t pos, used;   // reversed: pos counts the entries left below
    int kind;
    bool reversed;
} DictIter;

static void view_trace(Vm *vm, Obj *o) { gc_mark_value(vm, ((DictView *)o)->dict); }
static void diter_trace(Vm *vm, Obj *o) { gc_mark_value(vm, ((DictIter *)o)->dict); }

static IterResult diter_next(Vm *vm, Value self, Value *out) {
    DictIter *it = (DictIter *)AS_OBJ(self);
    if (!it->dict) return ITER_DONE;
    ObjDict *d = AS_DICT(it->dict);
    if (d->used != it->used) {
        it->used = (size_t)-1;   // stays broken, as CPython
        rt_raise(vm, &RuntimeError_type, "dictionary changed size during iteration");
        return ITER_ERROR;
    }
    Value k = VAL_NULL, v = VAL_NULL;
    if (it->reversed) {
        while (it->pos > 0 && it->pos <= d->nentries && !d->entries[it->pos - 1].key) it->pos--;
        if (it->pos == 0 || it->pos > d->nentries) {
            it->dict = VAL_NULL;
            return ITER_DONE;
        }
        it->pos--;
        k = d->entries[it->pos].key;
        v = d->entries[it->pos].value;
    } else if (!dict_next(d, &it->pos, &k, &v)) {
        it->dict = VAL_NULL;
        return ITER_DONE;
    }
    if (it->kind == VIEW_KEYS) *out = k;
    else if (it->kind == VIEW_VALUES) *out = v;
    else {
        ObjTuple *t = tuple_pack2(vm, k, v);
        if (!t) return ITER_ERROR;
        *out = OBJ_VAL(t);
    }
    return ITER_NEXT;
}

static bool iter_self(Vm *vm, Value self, Value *out) {
    (void)vm;
    *out = self;
    return true;
}

ObjType dict_iter_type = {
    .hdr = OBJ_STATIC_HEADER(&type_type),
    .name = "dict_keyiterator",
    .module = "builtins",
    .basicsize = sizeof(DictIter),
    .base = &object_type,   // hash, repr, ... from object
    .flags = TYPE_ABSTRACT_NEW,
    .trace = diter_trace,
    .iter = iter_self,
    .iternext = diter_next,
};

// reversed(d), reversed(d.keys()), ...: the same iterator walking down.
ObjType dict_reverse_iter_type = {
    .hdr = OBJ_STATIC_HEADER(&type_type),
    .name = "dict_reversekeyiterator",
    .module = "builtins",
    .basicsize = sizeof(DictIter),
    .base = &object_type,   // hash, repr, ... from object
    .flags = TYPE_ABSTRACT_NEW,
    .trace = diter_trace,
    .iter = iter_self,
    .iternext = diter_next,
};

static bool make_iter_dir(Vm *vm, Value dict, int kind, bool reversed, Value *out) {
    gc_push_root(vm, dict);
    ObjType *t = reversed ? &dict_reverse_iter_type : &dict_iter_type;
    DictIter *it = (DictIter *)gc_alloc(vm, t, sizeof(DictIter));
    gc_pop_root(vm);
    TRY(it);
    it->dict = dict;
    it->used = AS_DICT(dict)->used;
    it->kind = kind;
    it->reversed = reversed;
    it->pos = reversed ? AS_DICT(dict)->nentries : 0;
    *out = OBJ_VAL(it);
    return true;
}

static bool make_iter(Vm *vm, Value dict, int kind, Value *out) {
    return make_iter_dir(vm, dict, kind, false, out);
}

static bool dict_iter(Vm *vm, Value self, Value *out) { return make_iter(vm, self, VIEW_KEYS, out); }

static int view_kind(Value v) {
    ObjType *t = AS_OBJ(v)->type;
    return t == &dict_keys_type ? VIEW_KEYS : t == &dict_values_type ? VIEW_VALUES : VIEW_ITEMS;
}

static bool view_iter(Vm *vm, Value self, Value *out) {
    return make_iter(vm, ((DictView *)AS_OBJ(self))->dict, view_kind(self), out);
}

static bool view_len(Vm *vm, Value self, int64_t *out) {
    (void)vm;
    *out = (int64_t)AS_DICT(((DictView *)AS_OBJ(self))->dict)->used;
    return true;
}

static bool view_repr(Vm *vm, Value self, Value *out) {
    int rec = rt_repr_enter(vm, self);
    if (rec < 0) return false;
    if (rec) {
        ObjStr *s = str_from_cstr(vm, "...");
        TRY(s);
        *out = OBJ_VAL(s);
        return true;
    }
    Value l;
    bool ok = false;
    ObjList *lst = list_new(vm, 0);
    if (lst) {
        gc_push_root(vm, OBJ_VAL(lst));
        ok = list_extend(vm, lst, self) && rt_repr(vm, OBJ_VAL(lst), &l);
        gc_pop_root(vm);
    }
    rt_repr_leave(vm, self);
    TRY(ok);
    ObjStr *s = rt_format_cmsg(vm, "%s(%U)", type_name(rt_type(self)), AS_STR(l));
    TRY(s);
    *out = OBJ_VAL(s);
    return true;
}

static int view_contains(Vm *vm, Value self, Value x) {
    ObjDict *d = AS_DICT(((DictView *)AS_OBJ(self))->dict);
    int kind = view_kind(self);
    Value v;
    if (kind == VIEW_KEYS) return dict_get(vm, d, x, &v);
    if (kind == VIEW_ITEMS) {
        if (!IS_TUPLE(x) || AS_TUPLE(x)->len != 2) return 0;
        int r = dict_get(vm, d, AS_TUPLE(x)->items[0], &v);
        if (r <= 0) return r;
        return rt_eq(vm, v, AS_TUPLE(x)->items[1]);
    }
    for (size_t i = 0; i < d->nentries; i++) {
        if (!d->entries[i].key) continue;
        int r = rt_eq(vm, d->entries[i].value, x);
        if (r) return r;
    }
    return 0;
}

// Calls [each] with every item of [iterable]; false on an error.
static bool for_each(Vm *vm, Value iterable, bool (*each)(Vm *, ObjSet *, Value), ObjSet *acc) {
    Value it, x;
    TRY(rt_iter(vm, iterable, &it));
    gc_push_root(vm, it);
    IterResult r;
    bool ok = true;
    while (ok && (r = rt_next(vm, it, &x)) == ITER_NEXT) {
        gc_push_root(vm, x);
        ok = each(vm, acc, x);
        gc_pop_root(vm);
    }
    gc_pop_root(vm);
    return ok && r != ITER_ERROR;
}

static bool discard_one(Vm *vm, ObjSet *s, Value x) { return set_discard(vm, s, x) >= 0; }
static bool toggle_one(Vm *vm, ObjSet *s, Value x) {
    int r = set_discard(vm, s, x);
    return r > 0 || (r == 0 && set_add(vm, s, x));
}

static bool is_set_view(Value v) {
    return IS_OBJ(v) && (AS_OBJ(v)->type == &dict_keys_type || AS_OBJ(v)->type == &dict_items_type);
}

// &, |, - and ^ of keys() and items() views with any iterable, on either
// side, as CPython's: the result is a new set. For &, the items kept are
// those of the other operand that the view contains.
static bool view_binop(Vm *vm, int op, Value a, Value b, Value *out) {
    int base = op & ~BINOP_INPLACE;
    if (base != BINOP_AND && base != BINOP_OR && base != BINOP_SUB && base != BINOP_XOR) {
        *out = NOTIMPL_VAL;
        return true;
    }
    ObjSet *r = set_new(vm, &set_type);
    TRY(r);
    gc_push_root(vm, OBJ_VAL(r));
    bool ok = true;
    if (base == BINOP_AND) {
        // Which side is iterated decides which of two equal items (1 and
        // True) is kept: CPython iterates the view when the other operand
        // is a set at least as big, else the smaller of two views, else
        // the other operand.
        Value view = is_set_view(a) ? a : b, other = view == a ? b : a, it, x;
        size_t len_view = AS_DICT(((DictView *)AS_OBJ(view))->dict)->used;
        if (IS_TYPE_EXACT(other, set_type) ? len_view <= AS_SET(other)->used
                                            : is_set_view(other) && AS_DICT(((DictView *)AS_OBJ(other))->dict)->used > len_view) {
            Value t = view;
            view = other;
            other = t;
        }
        ok = rt_iter(vm, other, &it);
        if (ok) {
            gc_push_root(vm, it);
            IterResult n;
            while (ok && (n = rt_next(vm, it, &x)) == ITER_NEXT) {
                gc_push_root(vm, x);
                int in = rt_contains(vm, view, x);
                ok = in >= 0 && (!in || set_add(vm, r, x));
                gc_pop_root(vm);
            }
            ok = ok && n != ITER_ERROR;
            gc_pop_root(vm);
        }
    } else {
        ok = set_update(vm, r, a);
        if (ok && base == BINOP_OR) ok = set_update(vm, r, b);
        if (ok && base == BINOP_SUB) ok = for_each(vm, b, discard_one, r);
        if (ok && base == BINOP_XOR) {
            // Each distinct item of b once: toggling a repeated one twice
            // would undo it.
            ObjSet *other = set_new(vm, &set_type);
            ok = other != NULL;
            if (ok) {
                gc_push_root(vm, OBJ_VAL(other));
                ok = set_update(vm, other, b) && for_each(vm, OBJ_VAL(other), toggle_one, r);
                gc_pop_root(vm);
            }
        }
    }
    gc_pop_root(vm);
    TRY(ok);
    *out = OBJ_VAL(r);
    return true;
}

// view.isdisjoint(iterable)
static bool view_m_isdisjoint(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "isdisjoint", kw));
    TRY(rt_check_nargs(vm, "isdisjoint", nargs - 1, 1, 1));
    Value it, x;
    TRY(rt_iter(vm, args[1], &it));
    gc_push_root(vm, it);
    IterResult n;
    int in = 0;
    while ((n = rt_next(vm, it, &x)) == ITER_NEXT) {
        gc_push_root(vm, x);
        in = rt_contains(vm, args[0], x);
        gc_pop_root(vm);
        if (in != 0) break;
    }
    gc_pop_root(vm);
    if (in < 0 || n == ITER_ERROR) return false;
    *out = rt_bool(in == 0);
    return true;
}

static bool view_m_reversed(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "__reversed__", kw));
    TRY(rt_check_nargs(vm, "__reversed__", nargs, 1, 1));
    return make_iter_dir(vm, ((DictView *)AS_OBJ(args[0]))->dict, view_kind(args[0]), true, out);
}

// One table per type: a method's descriptor belongs to one type.
static const MethodDef keys_methods[] = {
    {"isdisjoint", view_m_isdisjoint, 0},
    {"__reversed__", view_m_reversed, 0},
    {NULL, NULL, 0},
};
static const MethodDef items_methods[] = {
    {"isdisjoint", view_m_isdisjoint, 0},
    {"__reversed__", view_m_reversed, 0},
    {NULL, NULL, 0},
};
static const MethodDef values_methods[] = {
    {"__reversed__", view_m_reversed, 0},
    {NULL, NULL, 0},
};

#define VIEW_TYPE(var, nm, ...)                                                  \
    ObjType var = {                                                              \
        .hdr = OBJ_STATIC_HEADER(&type_type),                                    \
        .name = nm,                                                              \
        .module = "builtins",                                                    \
        .basicsize = sizeof(DictView),                                           \
        .base = &object_type,                                                    \
        .flags = TYPE_ABSTRACT_NEW,                                              \
        .trace = view_trace,                                                     \
        .repr = view_repr,                                                       \
        .len = view_len,                                                         \
        .contains = view_contains,                                               \
        .iter = view_iter,                                                       \
        __VA_ARGS__                                                              \
    };
// keys and items compare as sets: unhashable, as in CPython.
VIEW_TYPE(dict_keys_type, "dict_keys", .binop = view_binop, .methods = keys_methods,
          .hash = rt_unhashable)
VIEW_TYPE(dict_values_type, "dict_values", .methods = values_methods)
VIEW_TYPE(dict_items_type, "dict_items", .binop = view_binop, .methods = items_methods,
          .hash = rt_unhashable)

static bool make_view(Vm *vm, Value dict, ObjType *t, Value *out) {
    gc_push_root(vm, dict);
    DictView *v = (DictView *)gc_alloc(vm, t, sizeof(DictView));
    gc_pop_root(vm);
    TRY(v);
    v->dict = dict;
    *out = OBJ_VAL(v);
    return true;
}

// ---- methods ----

#define SELF AS_DICT(args[0])

static bool m_get(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "get", kw));
    TRY(rt_check_nargs(vm, "get", nargs, 2, 3));
    int r = dict_get(vm, SELF, args[1], out);
    if (r < 0) return false;
    if (r == 0) *out = nargs > 2 ? args[2] : NONE_VAL;
    return true;
}

static bool m_setdefault(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "setdefault", kw));
    TRY(rt_check_nargs(vm, "setdefault", nargs, 2, 3));
    int r = dict_get(vm, SELF, args[1], out);
    if (r < 0) return false;
    if (r == 0) {
        *out = nargs > 2 ? args[2] : NONE_VAL;
        TRY(dict_set(vm, SELF, args[1], *out));
    }
    return true;
}

static bool m_pop(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "pop", kw));
    TRY(rt_check_nargs(vm, "pop", nargs, 2, 3));
    int r = dict_del(vm, SELF, args[1], out);
    if (r < 0) return false;
    if (r == 0) {
        if (nargs > 2) {
            *out = args[2];
            return true;
        }
        return rt_raise_arg(vm, &KeyError_type, args[1]);
    }
    return true;
}

static bool m_popitem(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "popitem", kw));
    TRY(rt_check_nargs(vm, "dict.popitem", nargs, 1, 1));
    ObjDict *d = SELF;
    if (d->used == 0) return rt_raise(vm, &KeyError_type, "popitem(): dictionary is empty");
    size_t i = d->nentries;
    while (!d->entries[i - 1].key) i--;
    DictEntry e = d->entries[i - 1];
    ObjTuple *t = tuple_pack2(vm, e.key, e.value);
    TRY(t);
    gc_push_root(vm, OBJ_VAL(t));
    int r = dict_del(vm, d, e.key, NULL);
    gc_pop_root(vm);
    if (r < 0) return false;
    *out = OBJ_VAL(t);
    return true;
}

static bool m_reversed(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "__reversed__", kw));
    TRY(rt_check_nargs(vm, "__reversed__", nargs, 1, 1));
    return make_iter_dir(vm, args[0], VIEW_KEYS, true, out);
}

static bool m_keys(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "keys", kw));
    TRY(rt_check_nargs(vm, "dict.keys", nargs, 1, 1));
    return make_view(vm, args[0], &dict_keys_type, out);
}

static bool m_values(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "values", kw));
    TRY(rt_check_nargs(vm, "dict.values", nargs, 1, 1));
    return make_view(vm, args[0], &dict_values_type, out);
}

static bool m_items(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "items", kw));
    TRY(rt_check_nargs(vm, "dict.items", nargs, 1, 1));
    return make_view(vm, args[0], &dict_items_type, out);
}

static bool m_update(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(update_args(vm, SELF, "update", args + 1, nargs - 1, kw));
    *out = NONE_VAL;
    return true;
}

static bool m_copy(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "copy", kw));
    TRY(rt_check_nargs(vm, "dict.copy", nargs, 1, 1));
    ObjDict *r = dict_copy(vm, SELF);
    TRY(r);
    *out = OBJ_VAL(r);
    return true;
}

static bool m_clear(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "clear", kw));
    TRY(rt_check_nargs(vm, "dict.clear", nargs, 1, 1));
    dict_clear(vm, SELF);
    *out = NONE_VAL;
    return true;
}

static bool m_fromkeys(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "fromkeys", kw));
    TRY(rt_check_nargs(vm, "fromkeys", nargs, 2, 3));
    Value d;
    TRY(rt_call0(vm, args[0], &d));
    gc_push_root(vm, d);
    Value it, k;
    bool ok = rt_iter(vm, args[1], &it);
    IterResult r = ok ? ITER_NEXT : ITER_ERROR;
    if (ok) {
        gc_push_root(vm, it);
        while ((r = rt_next(vm, it, &k)) == ITER_NEXT)
            if (!rt_setitem(vm, d, k, nargs > 2 ? args[2] : NONE_VAL)) {
                r = ITER_ERROR;
                break;
            }
        gc_pop_root(vm);
    }
    gc_pop_root(vm);
    if (r == ITER_ERROR) return false;
    *out = d;
    return true;
}

static const MethodDef dict_methods[] = {
    {"get", m_get, 0},         {"setdefault", m_setdefault, 0}, {"pop", m_pop, 0},
    {"popitem", m_popitem, 0}, {"keys", m_keys, 0},             {"values", m_values, 0},
    {"items", m_items, 0},     {"update", m_update, 0},         {"copy", m_copy, 0},
    {"clear", m_clear, 0},     {"fromkeys", m_fromkeys, METH_CLASS},
    {"__reversed__", m_reversed, 0},
    {"__class_getitem__", ga_class_getitem, METH_CLASS}, {NULL, NULL, 0},
};

extern bool rt_unhashable(Vm *vm, Value self, int64_t *out);

ObjType dict_type = {
    .hdr = OBJ_STATIC_HEADER(&type_type),
    .name = "dict",
    .module = "builtins",
    .basicsize = sizeof(ObjDict),
    .flags = TYPE_BASETYPE,
    .base = &object_type,
    .methods = dict_methods,
    .trace = dict_trace,
    .free = dict_free,
    .new_ = dict_new_slot,
    .init = dict_init,
    .repr = dict_repr,
    .hash = rt_unhashable,
    .richcompare = dict_richcompare,
    .binop = dict_binop,
    .len = dict_len,
    .getitem = dict_getitem,
    .setitem = dict_setitem,
    .contains = dict_contains,
    .iter = dict_iter,
};
