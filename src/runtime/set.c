// set and frozenset (see set.h). The probing, resizing and the set
// operations' iteration orders mirror CPython 3.11's setobject.c so that
// printed sets of small ints come out in CPython's order.
#include "runtime/set.h"

#include <string.h>

#include "runtime/exc.h"
#include "runtime/gc.h"
#include "runtime/genericalias.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/native.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"

#define SET_MINSIZE 8
#define LINEAR_PROBES 9
#define PERTURB_SHIFT 5

ObjSet *set_new(Vm *vm, ObjType *t) {
    ObjSet *s = (ObjSet *)gc_alloc(vm, t, t->basicsize);
    if (s) s->hash = -1;
    return s;
}

static bool is_active(Value k) { return k != VAL_NULL && k != SET_DUMMY; }

static void insert_clean(SetEntry *table, size_t mask, Value key, int64_t hash) {
    size_t i = (size_t)hash & mask;
    for (uint64_t perturb = (uint64_t)hash;;) {
        SetEntry *e = &table[i];
        if (!e->key) goto found;
        if (i + LINEAR_PROBES <= mask)
            for (int j = 0; j < LINEAR_PROBES; j++) {
                e++;
                if (!e->key) goto found;
            }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + (size_t)perturb) & mask;
        continue;
    found:
        e->key = key;
        e->hash = hash;
        return;
    }
}

static bool resize(Vm *vm, ObjSet *s, size_t minused) {
    size_t size = SET_MINSIZE;
    while (size <= minused) {
        if (size > SIZE_MAX / 64) return rt_raise_nomem(vm);
        size <<= 1;
    }
    gc_push_root(vm, OBJ_VAL(s));
    SetEntry *t = rt_alloc(vm, size * sizeof(SetEntry));
    gc_pop_root(vm);
    TRY(t);
    memset(t, 0, size * sizeof(SetEntry));
    for (size_t i = 0; s->table && i <= s->mask; i++)
        if (is_active(s->table[i].key)) insert_clean(t, size - 1, s->table[i].key, s->table[i].hash);
    rt_free(vm, s->table, s->table ? (s->mask + 1) * sizeof(SetEntry) : 0);
    s->table = t;
    s->mask = size - 1;
    s->fill = s->used;
    return true;
}

// 1 found (*at = entry index), 0 missing, -1 error.
static int lookup(Vm *vm, ObjSet *s, Value key, int64_t hash, size_t *at) {
restart:
    if (!s->table) return 0;
    SetEntry *table = s->table;
    size_t mask = s->mask, i = (size_t)hash & mask;
    for (uint64_t perturb = (uint64_t)hash;;) {
        size_t probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
        for (size_t j = 0; j <= probes; j++) {
            SetEntry *e = &table[i + j];
            if (!e->key) return 0;
            if (e->key == key) {
                *at = i + j;
                return 1;
            }
            if (e->key != SET_DUMMY && e->hash == hash) {
                Value k = e->key;
                int eq;
                if (IS_STR(k) && IS_STR(key)) eq = str_eq(AS_STR(k), AS_STR(key));
                else {
                    gc_push_root(vm, k);
                    eq = rt_eq(vm, k, key);
                    gc_pop_root(vm);
                }
                if (eq < 0) return -1;
                if (s->table != table || s->mask != mask || table[i + j].key != k) goto restart;
                if (eq) {
                    *at = i + j;
                    return 1;
                }
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + (size_t)perturb) & mask;
    }
}

static bool add_entry(Vm *vm, ObjSet *s, Value key, int64_t hash) {
    size_t at;
    int r = lookup(vm, s, key, hash, &at);
    if (r < 0) return false;
    if (r) return true;
    if (!s->table) {
        gc_push_root(vm, key);
        bool ok = resize(vm, s, 0);
        gc_pop_root(vm);
        TRY(ok);
    }
    // First free slot on the probe path (a dummy may be reused).
    size_t mask = s->mask, i = (size_t)hash & mask;
    SetEntry *slot = NULL;
    for (uint64_t perturb = (uint64_t)hash; !slot;) {
        size_t probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
        for (size_t j = 0; j <= probes; j++) {
            SetEntry *e = &s->table[i + j];
            if (!e->key || e->key == SET_DUMMY) {
                slot = e;
                break;
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + (size_t)perturb) & mask;
    }
    bool fresh = !slot->key;
    slot->key = key;
    slot->hash = hash;
    s->used++;
    if (!fresh) return true;
    s->fill++;
    if (s->fill * 5 < mask * 3) return true;
    gc_push_root(vm, key);
    bool ok = resize(vm, s, s->used > 50000 ? s->used * 2 : s->used * 4);
    gc_pop_root(vm);
    return ok;
}

bool set_add(Vm *vm, ObjSet *s, Value key) {
    int64_t h;
    TRY(rt_hash(vm, key, &h));
    return add_entry(vm, s, key, h);
}

int set_contains_key(Vm *vm, ObjSet *s, Value key) {
    int64_t h;
    size_t at;
    if (!rt_hash(vm, key, &h)) return -1;
    return lookup(vm, s, key, h, &at);
}

int set_discard(Vm *vm, ObjSet *s, Value key) {
    int64_t h;
    size_t at;
    if (!rt_hash(vm, key, &h)) return -1;
    int r = lookup(vm, s, key, h, &at);
    if (r <= 0) return r;
    s->table[at].key = SET_DUMMY;
    s->table[at].hash = -1;
    s->used--;
    return 1;
}

bool set_next(ObjSet *s, size_t *pos, Value *key) {
    while (s->table && *pos <= s->mask) {
        SetEntry *e = &s->table[(*pos)++];
        if (is_active(e->key)) {
            *key = e->key;
            return true;
        }
    }
    return false;
}

static bool merge(Vm *vm, ObjSet *s, ObjSet *o) {
    if (o->used == 0) return true;
    if ((s->fill + o->used) * 5 >= s->mask * 3 || !s->table) {
        gc_push_root(vm, OBJ_VAL(o));
        bool ok = resize(vm, s, (s->used + o->used) * 2);
        gc_pop_root(vm);
        TRY(ok);
    }
    for (size_t i = 0; i <= o->mask; i++)
        if (is_active(o->table[i].key)) TRY(add_entry(vm, s, o->table[i].key, o->table[i].hash));
    return true;
}

bool set_update(Vm *vm, ObjSet *s, Value iterable) {
    if (IS_ANYSET(iterable)) return merge(vm, s, AS_SET(iterable));
    Value it, v;
    TRY(rt_iter(vm, iterable, &it));
    gc_push_root(vm, it);
    IterResult r;
    while ((r = rt_next(vm, it, &v)) == ITER_NEXT)
        if (!set_add(vm, s, v)) {
            r = ITER_ERROR;
            break;
        }
    gc_pop_root(vm);
    return r != ITER_ERROR;
}

static ObjType *result_type(Value v) {
    return IS_INSTANCE(v, frozenset_type) ? &frozenset_type : &set_type;
}

static ObjSet *copy_of(Vm *vm, Value v, ObjType *t) {
    ObjSet *r = set_new(vm, t);
    if (!r) return NULL;
    gc_push_root(vm, OBJ_VAL(r));
    bool ok = merge(vm, r, AS_SET(v));
    gc_pop_root(vm);
    return ok ? r : NULL;
}

// Any iterable as a set (sets are returned as they are).
static bool as_set(Vm *vm, Value v, Value *out) {
    if (IS_ANYSET(v)) {
        *out = v;
        return true;
    }
    ObjSet *s = set_new(vm, &set_type);
    TRY(s);
    gc_push_root(vm, OBJ_VAL(s));
    bool ok = set_update(vm, s, v);
    gc_pop_root(vm);
    TRY(ok);
    *out = OBJ_VAL(s);
    return true;
}

// The elements of [x] that are (keep_found) or are not (!keep_found) in [y],
// as a new set of type [t]: intersection and difference in one loop.
static bool filter_by(Vm *vm, ObjSet *x, ObjSet *y, bool keep_found, ObjType *t, Value *out) {
    ObjSet *r = set_new(vm, t);
    TRY(r);
    gc_push_root(vm, OBJ_VAL(r));
    bool ok = true;
    for (size_t i = 0; ok && x->table && i <= x->mask; i++) {
        SetEntry e = x->table[i];
        if (!is_active(e.key)) continue;
        size_t at;
        int c = lookup(vm, y, e.key, e.hash, &at);
        ok = c >= 0 && (c != keep_found || add_entry(vm, r, e.key, e.hash));
    }
    gc_pop_root(vm);
    TRY(ok);
    *out = OBJ_VAL(r);
    return true;
}

static bool op_intersection(Vm *vm, Value a, Value b, ObjType *t, Value *out) {
    ObjSet *x = AS_SET(a), *y = AS_SET(b);
    if (x->used > y->used) {   // iterate over the smaller one, as CPython
        ObjSet *tmp = x;
        x = y;
        y = tmp;
    }
    return filter_by(vm, x, y, true, t, out);
}

static bool op_difference(Vm *vm, Value a, Value b, ObjType *t, Value *out) {
    return filter_by(vm, AS_SET(a), AS_SET(b), false, t, out);
}

static bool op_symdiff(Vm *vm, Value a, Value b, ObjType *t, Value *out) {
    ObjSet *r = copy_of(vm, a, t), *y = AS_SET(b);
    TRY(r);
    gc_push_root(vm, OBJ_VAL(r));
    bool ok = true;
    for (size_t i = 0; ok && y->table && i <= y->mask; i++) {
        SetEntry e = y->table[i];
        if (!is_active(e.key)) continue;
        size_t at;
        int c = lookup(vm, r, e.key, e.hash, &at);
        if (c < 0) ok = false;
        else if (c) {
            r->table[at].key = SET_DUMMY;
            r->table[at].hash = -1;
            r->used--;
        } else ok = add_entry(vm, r, e.key, e.hash);
    }
    gc_pop_root(vm);
    TRY(ok);
    *out = OBJ_VAL(r);
    return true;
}

static bool op_union(Vm *vm, Value a, Value b, ObjType *t, Value *out) {
    ObjSet *r = copy_of(vm, a, t);
    TRY(r);
    gc_push_root(vm, OBJ_VAL(r));
    bool ok = merge(vm, r, AS_SET(b));
    gc_pop_root(vm);
    TRY(ok);
    *out = OBJ_VAL(r);
    return true;
}

// 1 when every element of a is in b.
static int subset(Vm *vm, ObjSet *a, ObjSet *b) {
    if (a->used > b->used) return 0;
    for (size_t i = 0; a->table && i <= a->mask; i++) {
        SetEntry e = a->table[i];
        if (!is_active(e.key)) continue;
        size_t at;
        int c = lookup(vm, b, e.key, e.hash, &at);
        if (c <= 0) return c;
    }
    return 1;
}

// ---- slots ----

static void set_trace(Vm *vm, Obj *o) {
    ObjSet *s = (ObjSet *)o;
    for (size_t i = 0; s->table && i <= s->mask; i++)
        if (is_active(s->table[i].key)) gc_mark_value(vm, s->table[i].key);
}

static void set_free(Vm *vm, Obj *o) {
    ObjSet *s = (ObjSet *)o;
    rt_free(vm, s->table, s->table ? (s->mask + 1) * sizeof(SetEntry) : 0);
}

static bool set_repr(Vm *vm, Value self, Value *out) {
    ObjSet *s = AS_SET(self);
    const char *name = type_name(rt_type(self));
    bool plain = IS_TYPE_EXACT(self, set_type);
    ObjStr *r;
    if (s->used == 0) {
        r = rt_format_cmsg(vm, "%s()", name);
        TRY(r);
        *out = OBJ_VAL(r);
        return true;
    }
    int rec = rt_repr_enter(vm, self);
    if (rec < 0) return false;
    if (rec) {
        r = rt_format_cmsg(vm, "%s(...)", name);
        TRY(r);
        *out = OBJ_VAL(r);
        return true;
    }
    ObjList *items = list_new(vm, s->used);
    bool ok = items != NULL;
    Value inner = VAL_NULL;
    if (ok) {
        gc_push_root(vm, OBJ_VAL(items));
        size_t pos = 0;
        Value k;
        while (set_next(s, &pos, &k)) items->items[items->len++] = k;
        ok = seq_repr(vm, items->items, items->len, "{", "}", &inner);
        gc_pop_root(vm);
    }
    rt_repr_leave(vm, self);
    TRY(ok);
    if (plain) {
        *out = inner;
        return true;
    }
    gc_push_root(vm, inner);
    r = rt_format_cmsg(vm, "%s(%U)", name, AS_STR(inner));
    gc_pop_root(vm);
    TRY(r);
    *out = OBJ_VAL(r);
    return true;
}

static uint64_t shuffle_bits(uint64_t h) { return ((h ^ 89869747UL) ^ (h << 16)) * 3644798167UL; }

static bool frozenset_hash(Vm *vm, Value self, int64_t *out) {
    (void)vm;
    ObjSet *s = AS_SET(self);
    if (s->hash != -1) {
        *out = s->hash;
        return true;
    }
    uint64_t h = 0;
    for (size_t i = 0; s->table && i <= s->mask; i++)
        if (is_active(s->table[i].key)) h ^= shuffle_bits((uint64_t)s->table[i].hash);
    h ^= ((uint64_t)s->used + 1) * 1927868237UL;
    h ^= (h >> 11) ^ (h >> 25);
    h = h * 69069U + 907133923UL;
    if (h == (uint64_t)-1) h = 590923713UL;
    s->hash = (int64_t)h;
    *out = s->hash;
    return true;
}

static bool set_richcompare(Vm *vm, Value a, Value b, CmpOp op, Value *out) {
    if (!IS_ANYSET(a) || !IS_ANYSET(b)) {
        *out = NOTIMPL_VAL;
        return true;
    }
    ObjSet *x = AS_SET(a), *y = AS_SET(b);
    int r;
    switch (op) {
    case CMP_EQ: case CMP_NE:
        r = x->used == y->used ? subset(vm, x, y) : 0;
        if (r >= 0 && op == CMP_NE) r = !r;
        break;
    case CMP_LE: r = subset(vm, x, y); break;
    case CMP_GE: r = subset(vm, y, x); break;
    case CMP_LT: r = x->used < y->used ? subset(vm, x, y) : 0; break;
    default: r = y->used < x->used ? subset(vm, y, x) : 0; break;
    }
    if (r < 0) return false;
    *out = rt_bool(r);
    return true;
}

static bool set_binop(Vm *vm, int op, Value a, Value b, Value *out) {
    bool inplace = op & BINOP_INPLACE;
    int base = op & ~BINOP_INPLACE;
    if (!IS_ANYSET(a) || !IS_ANYSET(b) ||
        (base != BINOP_OR && base != BINOP_AND && base != BINOP_SUB && base != BINOP_XOR)) {
        *out = NOTIMPL_VAL;
        return true;
    }
    ObjType *t = result_type(a);
    Value r;
    switch (base) {
    case BINOP_OR: TRY(op_union(vm, a, b, t, &r)); break;
    case BINOP_AND: TRY(op_intersection(vm, a, b, t, &r)); break;
    case BINOP_SUB: TRY(op_difference(vm, a, b, t, &r)); break;
    default: TRY(op_symdiff(vm, a, b, t, &r)); break;
    }
    if (inplace && IS_INSTANCE(a, set_type)) {   // update a in place from r
        ObjSet *sa = AS_SET(a), *sr = AS_SET(r);
        SetEntry *tt = sa->table;
        size_t tm = sa->mask;
        sa->table = sr->table;
        sa->mask = sr->mask;
        sa->fill = sr->fill;
        sa->used = sr->used;
        sr->table = tt;
        sr->mask = tm;
        sr->used = sr->fill = 0;
        *out = a;
        return true;
    }
    *out = r;
    return true;
}

static bool set_len(Vm *vm, Value self, int64_t *out) {
    (void)vm;
    *out = (int64_t)AS_SET(self)->used;
    return true;
}

static int set_contains(Vm *vm, Value self, Value x) { return set_contains_key(vm, AS_SET(self), x); }

// ---- iterator ----

typedef struct SetIter {
    Obj hdr;
    Value set;   // VAL_NULL once exhausted
    size_t pos, used;
} SetIter;

static void iter_trace(Vm *vm, Obj *o) { gc_mark_value(vm, ((SetIter *)o)->set); }

static bool iter_self(Vm *vm, Value self, Value *out) {
    (void)vm;
    *out = self;
    return true;
}

static IterResult set_iter_next(Vm *vm, Value self, Value *out) {
    SetIter *it = (SetIter *)AS_OBJ(self);
    if (!it->set) return ITER_DONE;
    ObjSet *s = AS_SET(it->set);
    if (s->used != it->used) {
        it->used = (size_t)-1;
        rt_raise(vm, &RuntimeError_type, "Set changed size during iteration");
        return ITER_ERROR;
    }
    if (!set_next(s, &it->pos, out)) {
        it->set = VAL_NULL;
        return ITER_DONE;
    }
    return ITER_NEXT;
}

ObjType set_iter_type = {
    .hdr = OBJ_STATIC_HEADER(&type_type),
    .name = "set_iterator",
    .module = "builtins",
    .basicsize = sizeof(SetIter),
    .base = &object_type,   // hash, repr, ... from object
    .flags = TYPE_ABSTRACT_NEW,
    .trace = iter_trace,
    .iter = iter_self,
    .iternext = set_iter_next,
};

static bool set_iter(Vm *vm, Value self, Value *out) {
    gc_push_root(vm, self);
    SetIter *it = (SetIter *)gc_alloc(vm, &set_iter_type, sizeof(SetIter));
    gc_pop_root(vm);
    TRY(it);
    it->set = self;
    it->used = AS_SET(self)->used;
    *out = OBJ_VAL(it);
    return true;
}

// ---- construction ----

static bool set_new_slot(Vm *vm, ObjType *t, Value *args, size_t nargs, Value kwnames, Value *out) {
    bool frozen = type_is_subtype(t, &frozenset_type);
    TRY(rt_no_kwargs(vm, t->name, kwnames));
    if (nargs > 1)
        return rt_raise(vm, &TypeError_type, "%s expected at most 1 argument, got %zu", t->name, nargs);
    if (frozen && nargs == 1 && IS_TYPE_EXACT(args[0], frozenset_type) && t == &frozenset_type) {
        *out = args[0];
        return true;
    }
    ObjSet *s = set_new(vm, t);
    TRY(s);
    if (frozen && nargs == 1) {   // frozensets are filled at creation
        gc_push_root(vm, OBJ_VAL(s));
        bool ok = set_update(vm, s, args[0]);
        gc_pop_root(vm);
        TRY(ok);
    }
    *out = OBJ_VAL(s);
    return true;
}

static bool set_init(Vm *vm, Value self, Value *args, size_t nargs, Value kwnames) {
    if (type_is_subtype(rt_type(self), &frozenset_type)) return true;
    TRY(rt_no_kwargs(vm, "set", kwnames));
    if (nargs > 1) return rt_raise(vm, &TypeError_type, "set expected at most 1 argument, got %zu", nargs);
    ObjSet *s = AS_SET(self);
    set_free(vm, &s->hdr);
    s->table = NULL;
    s->mask = s->fill = s->used = 0;
    return nargs == 0 || set_update(vm, s, args[0]);
}

// ---- methods ----

#define SELF AS_SET(args[0])
#define NOKW(n) TRY(rt_no_kwargs(vm, n, kw))

static bool m_add(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    NOKW("add");
    TRY(rt_check_nargs(vm, "set.add", nargs, 2, 2));
    TRY(set_add(vm, SELF, args[1]));
    *out = NONE_VAL;
    return true;
}

static bool m_discard(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    NOKW("discard");
    TRY(rt_check_nargs(vm, "set.discard", nargs, 2, 2));
    if (set_discard(vm, SELF, args[1]) < 0) return false;
    *out = NONE_VAL;
    return true;
}

static bool m_remove(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    NOKW("remove");
    TRY(rt_check_nargs(vm, "set.remove", nargs, 2, 2));
    int r = set_discard(vm, SELF, args[1]);
    if (r < 0) return false;
    if (r == 0) return rt_raise_arg(vm, &KeyError_type, args[1]);
    *out = NONE_VAL;
    return true;
}

static bool m_pop(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    NOKW("pop");
    TRY(rt_check_nargs(vm, "set.pop", nargs, 1, 1));
    ObjSet *s = SELF;
    if (s->used == 0) return rt_raise(vm, &KeyError_type, "pop from an empty set");
    size_t i = s->finger & s->mask;
    while (!is_active(s->table[i].key)) i = (i + 1) & s->mask;
    *out = s->table[i].key;
    s->table[i].key = SET_DUMMY;
    s->table[i].hash = -1;
    s->used--;
    s->finger = i + 1;
    return true;
}

static bool m_clear(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    NOKW("clear");
    TRY(rt_check_nargs(vm, "set.clear", nargs, 1, 1));
    ObjSet *s = SELF;
    set_free(vm, &s->hdr);
    s->table = NULL;
    s->mask = s->fill = s->used = 0;
    *out = NONE_VAL;
    return true;
}

static bool m_copy(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    NOKW("copy");
    TRY(rt_check_nargs(vm, "set.copy", nargs, 1, 1));
    if (IS_TYPE_EXACT(args[0], frozenset_type)) {
        *out = args[0];
        return true;
    }
    ObjSet *r = copy_of(vm, args[0], result_type(args[0]));
    TRY(r);
    *out = OBJ_VAL(r);
    return true;
}

typedef bool (*SetOp)(Vm *, Value, Value, ObjType *, Value *);

// union/intersection/difference with any number of iterables.
static bool multi(Vm *vm, Value *args, size_t nargs, SetOp op, Value *out) {
    ObjType *t = result_type(args[0]);
    Value acc = args[0];
    if (nargs == 1) {
        ObjSet *r = copy_of(vm, acc, t);
        TRY(r);
        *out = OBJ_VAL(r);
        return true;
    }
    size_t mark = gc_roots_mark(vm);
    for (size_t i = 1; i < nargs; i++) {
        Value other;
        if (!as_set(vm, args[i], &other)) return gc_roots_reset(vm, mark), false;
        gc_push_root(vm, other);
        if (!op(vm, acc, other, t, &acc)) return gc_roots_reset(vm, mark), false;
        gc_push_root(vm, acc);
    }
    gc_roots_reset(vm, mark);
    *out = acc;
    return true;
}

static bool m_union(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    NOKW("union");
    return multi(vm, args, nargs, op_union, out);
}
static bool m_intersection(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    NOKW("intersection");
    return multi(vm, args, nargs, op_intersection, out);
}
static bool m_difference(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    NOKW("difference");
    return multi(vm, args, nargs, op_difference, out);
}

static bool m_symmetric_difference(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    NOKW("symmetric_difference");
    TRY(rt_check_nargs(vm, "set.symmetric_difference", nargs, 2, 2));
    Value other;
    TRY(as_set(vm, args[1], &other));
    gc_push_root(vm, other);
    bool ok = op_symdiff(vm, args[0], other, result_type(args[0]), out);
    gc_pop_root(vm);
    return ok;
}

// The *_update methods compute the result, then adopt its table.
static bool adopt(Vm *vm, Value self, Value r) {
    ObjSet *s = AS_SET(self), *o = AS_SET(r);
    if (self == r) return true;
    set_free(vm, &s->hdr);
    s->table = o->table;
    s->mask = o->mask;
    s->fill = o->fill;
    s->used = o->used;
    o->table = NULL;
    o->mask = o->fill = o->used = 0;
    return true;
}

static bool m_update(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    NOKW("update");
    for (size_t i = 1; i < nargs; i++) TRY(set_update(vm, SELF, args[i]));
    *out = NONE_VAL;
    return true;
}

#define UPDATE_METHOD(fname, op)                                                  \
    static bool fname(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) { \
        Value r;                                                                 \
        TRY(op(vm, args, nargs, kw, &r));                                        \
        gc_push_root(vm, r);                                                     \
        adopt(vm, args[0], r);                                                   \
        gc_pop_root(vm);                                                         \
        *out = NONE_VAL;                                                         \
        return true;                                                             \
    }
UPDATE_METHOD(m_intersection_update, m_intersection)
UPDATE_METHOD(m_difference_update, m_difference)
UPDATE_METHOD(m_symmetric_difference_update, m_symmetric_difference)

static bool m_issubset(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    NOKW("issubset");
    TRY(rt_check_nargs(vm, "set.issubset", nargs, 2, 2));
    Value other;
    TRY(as_set(vm, args[1], &other));
    gc_push_root(vm, other);
    int r = subset(vm, SELF, AS_SET(other));
    gc_pop_root(vm);
    if (r < 0) return false;
    *out = rt_bool(r);
    return true;
}

static bool m_issuperset(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    NOKW("issuperset");
    TRY(rt_check_nargs(vm, "set.issuperset", nargs, 2, 2));
    Value other;
    TRY(as_set(vm, args[1], &other));
    gc_push_root(vm, other);
    int r = subset(vm, AS_SET(other), SELF);
    gc_pop_root(vm);
    if (r < 0) return false;
    *out = rt_bool(r);
    return true;
}

static bool m_isdisjoint(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    NOKW("isdisjoint");
    TRY(rt_check_nargs(vm, "set.isdisjoint", nargs, 2, 2));
    Value inter, other;
    TRY(as_set(vm, args[1], &other));
    gc_push_root(vm, other);
    bool ok = op_intersection(vm, args[0], other, &set_type, &inter);
    gc_pop_root(vm);
    TRY(ok);
    *out = rt_bool(AS_SET(inter)->used == 0);
    return true;
}

static const MethodDef set_methods[] = {
    {"add", m_add, 0},
    {"discard", m_discard, 0},
    {"remove", m_remove, 0},
    {"pop", m_pop, 0},
    {"clear", m_clear, 0},
    {"copy", m_copy, 0},
    {"update", m_update, 0},
    {"union", m_union, 0},
    {"intersection", m_intersection, 0},
    {"difference", m_difference, 0},
    {"symmetric_difference", m_symmetric_difference, 0},
    {"intersection_update", m_intersection_update, 0},
    {"difference_update", m_difference_update, 0},
    {"symmetric_difference_update", m_symmetric_difference_update, 0},
    {"issubset", m_issubset, 0},
    {"issuperset", m_issuperset, 0},
    {"isdisjoint", m_isdisjoint, 0},
    {"__class_getitem__", ga_class_getitem, METH_CLASS},
    {NULL, NULL, 0},
};

static const MethodDef frozenset_methods[] = {
    {"copy", m_copy, 0},
    {"union", m_union, 0},
    {"intersection", m_intersection, 0},
    {"difference", m_difference, 0},
    {"symmetric_difference", m_symmetric_difference, 0},
    {"issubset", m_issubset, 0},
    {"issuperset", m_issuperset, 0},
    {"isdisjoint", m_isdisjoint, 0},
    {"__class_getitem__", ga_class_getitem, METH_CLASS},
    {NULL, NULL, 0},
};

ObjType set_type = {
    .hdr = OBJ_STATIC_HEADER(&type_type),
    .name = "set",
    .module = "builtins",
    .basicsize = sizeof(ObjSet),
    .flags = TYPE_BASETYPE,
    .base = &object_type,
    .methods = set_methods,
    .trace = set_trace,
    .free = set_free,
    .new_ = set_new_slot,
    .init = set_init,
    .repr = set_repr,
    .hash = rt_unhashable,
    .richcompare = set_richcompare,
    .binop = set_binop,
    .len = set_len,
    .contains = set_contains,
    .iter = set_iter,
};

ObjType frozenset_type = {
    .hdr = OBJ_STATIC_HEADER(&type_type),
    .name = "frozenset",
    .module = "builtins",
    .basicsize = sizeof(ObjSet),
    .flags = TYPE_BASETYPE,
    .base = &object_type,
    .methods = frozenset_methods,
    .trace = set_trace,
    .free = set_free,
    .new_ = set_new_slot,
    .init = set_init,
    .repr = set_repr,
    .hash = frozenset_hash,
    .richcompare = set_richcompare,
    .binop = set_binop,
    .len = set_len,
    .contains = set_contains,
    .iter = set_iter,
};
