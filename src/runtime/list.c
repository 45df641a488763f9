// list: growable arrays, their iterator, slice assignment and a stable
// merge sort (see list.h). Element comparisons and key calls may run Python
// code that mutates the list, so loops re-read l->len/l->items after each call.
#include "runtime/list.h"

#include <stdlib.h>
#include <string.h>

#include "runtime/exc.h"
#include "runtime/gc.h"
#include "runtime/genericalias.h"
#include "runtime/int.h"
#include "runtime/native.h"
#include "runtime/ops.h"
#include "runtime/slice.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"

static bool reserve(Vm *vm, ObjList *l, size_t need) {
    if (need <= l->cap) return true;
    size_t cap = l->cap < 4 ? 4 : l->cap;
    while (cap < need) cap = cap > SIZE_MAX / 4 ? need : cap * 2;
    size_t bytes;
    TRY(rt_size_mul(vm, cap, sizeof(Value), &bytes));
    gc_push_root(vm, OBJ_VAL(l));
    Value *items = rt_realloc(vm, l->items, l->cap * sizeof(Value), bytes);
    gc_pop_root(vm);
    TRY(items);
    l->items = items;
    l->cap = cap;
    return true;
}

ObjList *list_new(Vm *vm, size_t cap) {
    ObjList *l = (ObjList *)gc_alloc(vm, &list_type, sizeof(ObjList));
    if (!l) return NULL;
    if (cap && !reserve(vm, l, cap)) return NULL;
    return l;
}

ObjList *list_from(Vm *vm, const Value *items, size_t n) {
    ObjList *l = list_new(vm, n);
    if (!l) return NULL;
    if (n) memcpy(l->items, items, n * sizeof(Value));
    l->len = n;
    return l;
}

bool list_append(Vm *vm, ObjList *l, Value v) {
    if (l->len == l->cap) {
        gc_push_root(vm, v);
        bool ok = reserve(vm, l, l->len + 1);
        gc_pop_root(vm);
        TRY(ok);
    }
    l->items[l->len++] = v;
    return true;
}

bool list_extend(Vm *vm, ObjList *l, Value iterable) {
    if (IS_LIST(iterable) || IS_TUPLE(iterable)) {
        size_t n = IS_LIST(iterable) ? AS_LIST(iterable)->len : AS_TUPLE(iterable)->len;
        size_t need;
        TRY(rt_size_add(vm, l->len, n, &need));
        gc_push_root(vm, iterable);
        bool ok = reserve(vm, l, need);
        gc_pop_root(vm);
        TRY(ok);
        // Re-read the source after reserve: l.extend(l) reads the grown array.
        const Value *src = IS_LIST(iterable) ? AS_LIST(iterable)->items : AS_TUPLE(iterable)->items;
        if (n) memmove(l->items + l->len, src, n * sizeof(Value));
        l->len += n;
        return true;
    }
    Value it, v;
    TRY(rt_iter(vm, iterable, &it));
    gc_push_root(vm, it);
    IterResult r;
    while ((r = rt_next(vm, it, &v)) == ITER_NEXT)
        if (!list_append(vm, l, v)) {
            r = ITER_ERROR;
            break;
        }
    gc_pop_root(vm);
    return r != ITER_ERROR;
}

bool list_insert(Vm *vm, ObjList *l, int64_t where, Value v) {
    int64_t n = (int64_t)l->len;
    if (where < 0) where = where + n < 0 ? 0 : where + n;
    if (where > n) where = n;
    TRY(list_append(vm, l, v));
    memmove(l->items + where + 1, l->items + where, (size_t)(n - where) * sizeof(Value));
    l->items[where] = v;
    return true;
}

// ---- sort ----

typedef struct SortCtx {
    Vm *vm;
    ObjList *keys;
    bool failed;
} SortCtx;

static bool less(SortCtx *c, size_t a, size_t b) {
    if (c->failed) return false;
    Value x = c->keys->items[a], y = c->keys->items[b];
    if (IS_INT(x) && IS_INT(y)) return AS_INT(x) < AS_INT(y);   // small ints: no dispatch
    int r = rt_compare_bool(c->vm, x, y, CMP_LT);
    if (r < 0) c->failed = true;
    return r > 0;
}

// Bottom-up merge sort of the index permutation [p] (stable).
static bool merge_sort(SortCtx *c, size_t *p, size_t n) {
    size_t *tmp = malloc(n * sizeof *tmp);
    if (!tmp) return rt_raise_nomem(c->vm);
    for (size_t w = 1; w < n && !c->failed; w *= 2) {
        for (size_t lo = 0; lo < n; lo += 2 * w) {
            size_t mid = lo + w < n ? lo + w : n, hi = lo + 2 * w < n ? lo + 2 * w : n;
            size_t i = lo, j = mid, k = lo;
            while (i < mid && j < hi) tmp[k++] = less(c, p[j], p[i]) ? p[j++] : p[i++];
            while (i < mid) tmp[k++] = p[i++];
            while (j < hi) tmp[k++] = p[j++];
        }
        memcpy(p, tmp, n * sizeof *p);
    }
    free(tmp);
    return !c->failed;
}

// ---- sort of small ints ----
//
// Without a key, a list of small ints sorts in place: no comparison can run
// Python code or fail, and equal items are the same Value, so stability and
// the snapshot that guards against mutation during the sort are moot.
// Insertion-sorted runs of SORT_RUN then bottom-up merges: a 64-int list
// sorted in a fifth of the general path's time (bench/scripts/lists.py).

#define SORT_RUN 16
#define SORT_STACK 256

static bool all_small_ints(const ObjList *l) {
    for (size_t i = 0; i < l->len; i++)
        if (!IS_INT(l->items[i])) return false;
    return true;
}

// Tagged small ints order as their values do (same tag bit, shift kept).
static bool int_lt(Value a, Value b) { return (int64_t)a < (int64_t)b; }

static void insertion_sort_ints(Value *v, size_t n) {
    for (size_t i = 1; i < n; i++) {
        Value x = v[i];
        size_t j = i;
        for (; j > 0 && int_lt(x, v[j - 1]); j--) v[j] = v[j - 1];
        v[j] = x;
    }
}

static bool sort_ints(Vm *vm, Value *v, size_t n, bool reverse) {
    for (size_t lo = 0; lo < n; lo += SORT_RUN) insertion_sort_ints(v + lo, n - lo < SORT_RUN ? n - lo : SORT_RUN);
    if (n > SORT_RUN) {
        Value stack[SORT_STACK], *tmp = n <= SORT_STACK ? stack : malloc(n * sizeof *tmp);
        if (!tmp) return rt_raise_nomem(vm);
        Value *src = v, *dst = tmp;
        for (size_t w = SORT_RUN; w < n; w *= 2) {
            for (size_t lo = 0; lo < n; lo += 2 * w) {
                size_t mid = lo + w < n ? lo + w : n, hi = lo + 2 * w < n ? lo + 2 * w : n;
                size_t i = lo, j = mid, k = lo;
                while (i < mid && j < hi) dst[k++] = int_lt(src[j], src[i]) ? src[j++] : src[i++];
                while (i < mid) dst[k++] = src[i++];
                while (j < hi) dst[k++] = src[j++];
            }
            Value *t = src;
            src = dst;
            dst = t;
        }
        if (src != v) memcpy(v, src, n * sizeof *v);
        if (tmp != stack) free(tmp);
    }
    if (reverse)
        for (size_t i = 0; i < n / 2; i++) {
            Value t = v[i];
            v[i] = v[n - 1 - i];
            v[n - 1 - i] = t;
        }
    return true;
}

bool list_sort(Vm *vm, ObjList *l, Value key, bool reverse) {
    size_t n = l->len;
    if (n < 2) return true;
    if ((!key || IS_NONE(key)) && all_small_ints(l)) return sort_ints(vm, l->items, n, reverse);
    size_t mark = gc_roots_mark(vm);
    gc_push_root(vm, OBJ_VAL(l));
    ObjList *vals = list_from(vm, l->items, n);   // snapshot: the list may change under us
    if (!vals) return gc_roots_reset(vm, mark), false;
    gc_push_root(vm, OBJ_VAL(vals));
    ObjList *keys = vals;
    if (key && !IS_NONE(key)) {
        keys = list_new(vm, n);
        if (!keys) return gc_roots_reset(vm, mark), false;
        gc_push_root(vm, OBJ_VAL(keys));
        for (size_t i = 0; i < n; i++) {
            Value k;
            if (!rt_call1(vm, key, vals->items[i], &k) || !list_append(vm, keys, k))
                return gc_roots_reset(vm, mark), false;
        }
    }
    size_t *p = malloc(n * sizeof *p);
    if (!p) return gc_roots_reset(vm, mark), rt_raise_nomem(vm);
    for (size_t i = 0; i < n; i++) p[i] = reverse ? n - 1 - i : i;
    SortCtx c = {vm, keys, false};
    bool ok = merge_sort(&c, p, n);
    if (ok) {
        if (reverse)
            for (size_t i = 0; i < n / 2; i++) {
                size_t t = p[i];
                p[i] = p[n - 1 - i];
                p[n - 1 - i] = t;
            }
        ok = reserve(vm, l, n);
        if (ok) {
            for (size_t i = 0; i < n; i++) l->items[i] = vals->items[p[i]];
            l->len = n;
        }
    }
    free(p);
    gc_roots_reset(vm, mark);
    return ok;
}

// ---- slots ----

static void list_trace(Vm *vm, Obj *o) {
    ObjList *l = (ObjList *)o;
    for (size_t i = 0; i < l->len; i++) gc_mark_value(vm, l->items[i]);
}

static void list_free(Vm *vm, Obj *o) {
    ObjList *l = (ObjList *)o;
    rt_free(vm, l->items, l->cap * sizeof(Value));
}

static bool list_repr(Vm *vm, Value self, Value *out) {
    ObjList *l = AS_LIST(self);
    if (l->len == 0) {
        ObjStr *s = str_from_cstr(vm, "[]");
        TRY(s);
        *out = OBJ_VAL(s);
        return true;
    }
    int r = rt_repr_enter(vm, self);
    if (r < 0) return false;
    if (r > 0) {
        ObjStr *s = str_from_cstr(vm, "[...]");
        TRY(s);
        *out = OBJ_VAL(s);
        return true;
    }
    // Snapshot the items: an element's __repr__ may mutate the list.
    ObjTuple *snap = tuple_from(vm, l->items, l->len);
    bool ok = snap != NULL;
    if (ok) {
        gc_push_root(vm, OBJ_VAL(snap));
        ok = seq_repr(vm, snap->items, snap->len, "[", "]", out);
        gc_pop_root(vm);
    }
    rt_repr_leave(vm, self);
    return ok;
}

static bool list_richcompare(Vm *vm, Value a, Value b, CmpOp op, Value *out) {
    if (!IS_LIST(a) || !IS_LIST(b)) {
        *out = NOTIMPL_VAL;
        return true;
    }
    TRY(rt_enter(vm, RT_WHERE_CMP));
    bool ok = seq_richcompare(vm, AS_LIST(a)->items, AS_LIST(a)->len, AS_LIST(b)->items,
                              AS_LIST(b)->len, op, out);
    rt_leave(vm);
    return ok;
}

static bool list_len(Vm *vm, Value self, int64_t *out) {
    (void)vm;
    *out = (int64_t)AS_LIST(self)->len;
    return true;
}

static bool bad_index(Vm *vm, Value key) {
    return rt_raise(vm, &TypeError_type, "list indices must be integers or slices, not %s",
                    type_name(rt_type(key)));
}

static bool list_getitem(Vm *vm, Value self, Value key, Value *out) {
    ObjList *l = AS_LIST(self);
    if (IS_INT(key)) {
        int64_t i;
        if (!seq_index(AS_INT(key), (int64_t)l->len, &i))
            return rt_raise(vm, &IndexError_type, "list index out of range");
        *out = l->items[i];
        return true;
    }
    if (IS_SLICE(key)) {
        int64_t start, stop, step, n;
        TRY(slice_indices(vm, key, (int64_t)l->len, &start, &stop, &step, &n));
        gc_push_root(vm, self);
        ObjList *r = list_new(vm, (size_t)n);
        gc_pop_root(vm);
        TRY(r);
        for (int64_t i = 0, k = start; i < n; i++, k += step) r->items[i] = l->items[k];
        r->len = (size_t)n;
        *out = OBJ_VAL(r);
        return true;
    }
    if (!rt_type(key)->index) return bad_index(vm, key);
    int64_t i;
    TRY(rt_index(vm, key, &i));
    if (!seq_index(i, (int64_t)l->len, &i))
        return rt_raise(vm, &IndexError_type, "list index out of range");
    *out = l->items[i];
    return true;
}

static bool del_slice(ObjList *l, int64_t start, int64_t step, int64_t n) {
    if (n <= 0) return true;
    if (step < 0) {   // normalise to an ascending walk
        start = start + (n - 1) * step;
        step = -step;
    }
    size_t w = (size_t)start;
    for (size_t r = (size_t)start; r < l->len; r++) {
        bool deleted = (int64_t)r >= start && ((int64_t)r - start) % step == 0 &&
                       ((int64_t)r - start) / step < n;
        if (!deleted) l->items[w++] = l->items[r];
    }
    l->len = w;
    return true;
}

static bool assign_slice(Vm *vm, ObjList *l, Value key, Value v) {
    int64_t start, stop, step, n;
    TRY(slice_indices(vm, key, (int64_t)l->len, &start, &stop, &step, &n));
    if (!v) return del_slice(l, start, step, n);
    // The new items as a tuple snapshot (v may be l itself).
    Value seq;
    TRY(tuple_from_iterable(vm, v, &seq));
    if (IS_LIST(v) && seq == v) {
        ObjTuple *t = tuple_from(vm, AS_LIST(v)->items, AS_LIST(v)->len);
        TRY(t);
        seq = OBJ_VAL(t);
    }
    ObjTuple *src = AS_TUPLE(seq);
    if (step != 1) {
        if ((int64_t)src->len != n)
            return rt_raise(vm, &ValueError_type,
                            "attempt to assign sequence of size %zu to extended slice of size %lld",
                            src->len, (long long)n);
        for (int64_t i = 0, k = start; i < n; i++, k += step) l->items[k] = src->items[i];
        return true;
    }
    if (stop < start) stop = start;
    size_t old = (size_t)(stop - start), add = src->len;
    size_t newlen = l->len - old + add;
    gc_push_root(vm, seq);
    bool ok = reserve(vm, l, newlen);
    gc_pop_root(vm);
    TRY(ok);
    if (l->len > (size_t)stop)
        memmove(l->items + start + add, l->items + stop, (l->len - (size_t)stop) * sizeof(Value));
    if (add) memcpy(l->items + start, src->items, add * sizeof(Value));
    l->len = newlen;
    return true;
}

static bool list_setitem(Vm *vm, Value self, Value key, Value v) {
    ObjList *l = AS_LIST(self);
    if (IS_SLICE(key)) return assign_slice(vm, l, key, v);
    if (!rt_type(key)->index) return bad_index(vm, key);
    int64_t i;
    TRY(rt_index(vm, key, &i));
    if (!seq_index(i, (int64_t)l->len, &i))
        return rt_raise(vm, &IndexError_type, "list assignment index out of range");
    if (v) {
        l->items[i] = v;
    } else {
        memmove(l->items + i, l->items + i + 1, (l->len - (size_t)i - 1) * sizeof(Value));
        l->len--;
    }
    return true;
}

static int list_contains(Vm *vm, Value self, Value x) {
    ObjList *l = AS_LIST(self);
    for (size_t i = 0; i < l->len; i++) {
        int eq = rt_eq(vm, l->items[i], x);
        if (eq) return eq;
    }
    return 0;
}

static bool list_binop(Vm *vm, int op, Value a, Value b, Value *out) {
    bool inplace = op & BINOP_INPLACE;
    op &= ~BINOP_INPLACE;
    if (op == BINOP_ADD && inplace && IS_LIST(a)) {
        TRY(list_extend(vm, AS_LIST(a), b));
        *out = a;
        return true;
    }
    if (op == BINOP_ADD && IS_LIST(a) && IS_LIST(b)) {
        ObjList *x = AS_LIST(a), *y = AS_LIST(b);
        size_t n;
        TRY(rt_size_add(vm, x->len, y->len, &n));
        gc_push_root(vm, a);
        gc_push_root(vm, b);
        ObjList *r = list_new(vm, n);
        gc_pop_roots(vm, 2);
        TRY(r);
        if (x->len) memcpy(r->items, x->items, x->len * sizeof(Value));
        if (y->len) memcpy(r->items + x->len, y->items, y->len * sizeof(Value));
        r->len = n;
        *out = OBJ_VAL(r);
        return true;
    }
    if (op == BINOP_MUL) {
        Value s = IS_LIST(a) ? a : b, nv = IS_LIST(a) ? b : a;
        if (IS_LIST(s) && rt_type(nv)->index) {
            int64_t k;
            TRY(rt_index(vm, nv, &k));
            ObjList *l = AS_LIST(s);
            size_t n = 0;
            if (k > 0 && l->len) {
                TRY(rt_size_mul(vm, l->len, (size_t)k, &n));
                TRY(rt_size_mul(vm, n, sizeof(Value), &(size_t){0}));
            }
            if (inplace && IS_LIST(a)) {
                TRY(reserve(vm, l, n));
                for (size_t i = l->len; i < n; i++) l->items[i] = l->items[i % l->len];
                l->len = n;
                *out = a;
                return true;
            }
            gc_push_root(vm, s);
            ObjList *r = list_new(vm, n);
            gc_pop_root(vm);
            TRY(r);
            for (size_t i = 0; i < n; i++) r->items[i] = l->items[i % l->len];
            r->len = n;
            *out = OBJ_VAL(r);
            return true;
        }
    }
    *out = NOTIMPL_VAL;
    return true;
}

static bool list_init(Vm *vm, Value self, Value *args, size_t nargs, Value kwnames) {
    TRY(rt_no_kwargs(vm, "list", kwnames));
    TRY(rt_check_nargs(vm, "list", nargs, 0, 1));
    ObjList *l = AS_LIST(self);
    l->len = 0;
    return nargs == 0 || list_extend(vm, l, args[0]);
}

static bool list_new_slot(Vm *vm, ObjType *t, Value *args, size_t nargs, Value kwnames,
                          Value *out) {
    (void)args; (void)nargs; (void)kwnames;
    ObjList *l = (ObjList *)gc_alloc(vm, t, t->basicsize);
    TRY(l);
    *out = OBJ_VAL(l);
    return true;
}

// ---- iterator ----

typedef struct ListIter {
    Obj hdr;
    Value list;   // VAL_NULL once exhausted
    size_t i;
} ListIter;

static void iter_trace(Vm *vm, Obj *o) { gc_mark_value(vm, ((ListIter *)o)->list); }

static bool iter_self(Vm *vm, Value self, Value *out) {
    (void)vm;
    *out = self;
    return true;
}

static IterResult list_iter_next(Vm *vm, Value self, Value *out) {
    (void)vm;
    ListIter *it = (ListIter *)AS_OBJ(self);
    if (!it->list) return ITER_DONE;
    ObjList *l = AS_LIST(it->list);
    if (it->i >= l->len) {
        it->list = VAL_NULL;
        return ITER_DONE;
    }
    *out = l->items[it->i++];
    return ITER_NEXT;
}

ObjType list_iter_type = {
    .hdr = OBJ_STATIC_HEADER(&type_type),
    .name = "list_iterator",
    .module = "builtins",
    .basicsize = sizeof(ListIter),
    .base = &object_type,   // hash, repr, ... from object
    .flags = TYPE_ABSTRACT_NEW,
    .trace = iter_trace,
    .iter = iter_self,
    .iternext = list_iter_next,
};

static bool list_iter(Vm *vm, Value self, Value *out) {
    gc_push_root(vm, self);
    ListIter *it = (ListIter *)gc_alloc(vm, &list_iter_type, sizeof(ListIter));
    gc_pop_root(vm);
    TRY(it);
    it->list = self;
    *out = OBJ_VAL(it);
    return true;
}

// ---- methods ----

#define SELF AS_LIST(args[0])

static bool m_append(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "append", kw));
    TRY(rt_check_nargs(vm, "list.append", nargs, 2, 2));
    TRY(list_append(vm, SELF, args[1]));
    *out = NONE_VAL;
    return true;
}

static bool m_extend(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "extend", kw));
    TRY(rt_check_nargs(vm, "list.extend", nargs, 2, 2));
    TRY(list_extend(vm, SELF, args[1]));
    *out = NONE_VAL;
    return true;
}

static bool m_insert(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "insert", kw));
    TRY(rt_check_nargs(vm, "insert", nargs, 3, 3));
    int64_t i;
    TRY(rt_index_clamped(vm, args[1], &i));
    TRY(list_insert(vm, SELF, i, args[2]));
    *out = NONE_VAL;
    return true;
}

static bool m_pop(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "pop", kw));
    TRY(rt_check_nargs(vm, "pop", nargs, 1, 2));
    ObjList *l = SELF;
    int64_t i = -1;
    if (nargs > 1) TRY(rt_index(vm, args[1], &i));
    if (l->len == 0) return rt_raise(vm, &IndexError_type, "pop from empty list");
    if (!seq_index(i, (int64_t)l->len, &i)) return rt_raise(vm, &IndexError_type, "pop index out of range");
    *out = l->items[i];
    memmove(l->items + i, l->items + i + 1, (l->len - (size_t)i - 1) * sizeof(Value));
    l->len--;
    return true;
}

static bool find(Vm *vm, ObjList *l, Value x, int64_t start, int64_t stop, int64_t *at) {
    for (int64_t i = start; i < stop && i < (int64_t)l->len; i++) {
        int eq = rt_eq(vm, l->items[i], x);
        if (eq < 0) return false;
        if (eq) {
            *at = i;
            return true;
        }
    }
    *at = -1;
    return true;
}

static bool m_remove(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "remove", kw));
    TRY(rt_check_nargs(vm, "list.remove", nargs, 2, 2));
    ObjList *l = SELF;
    int64_t at;
    TRY(find(vm, l, args[1], 0, INT64_MAX, &at));
    if (at < 0) return rt_raise(vm, &ValueError_type, "list.remove(x): x not in list");
    memmove(l->items + at, l->items + at + 1, (l->len - (size_t)at - 1) * sizeof(Value));
    l->len--;
    *out = NONE_VAL;
    return true;
}

static bool m_index(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "index", kw));
    TRY(rt_check_nargs(vm, "index", nargs, 2, 4));
    ObjList *l = SELF;
    int64_t len = (int64_t)l->len, start = 0, stop = len, at;
    if (nargs > 2) TRY(rt_index_clamped(vm, args[2], &start));
    if (nargs > 3) TRY(rt_index_clamped(vm, args[3], &stop));
    if (start < 0) start = start + len < 0 ? 0 : start + len;
    if (stop < 0) stop = stop + len < 0 ? 0 : stop + len;
    TRY(find(vm, l, args[1], start, stop, &at));
    if (at < 0) return rt_raise(vm, &ValueError_type, "%R is not in list", args[1]);
    *out = INT_VAL(at);
    return true;
}

static bool m_count(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "count", kw));
    TRY(rt_check_nargs(vm, "list.count", nargs, 2, 2));
    ObjList *l = SELF;
    int64_t n = 0;
    for (size_t i = 0; i < l->len; i++) {
        int eq = rt_eq(vm, l->items[i], args[1]);
        if (eq < 0) return false;
        n += eq;
    }
    *out = INT_VAL(n);
    return true;
}

static bool m_reverse(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "reverse", kw));
    TRY(rt_check_nargs(vm, "list.reverse", nargs, 1, 1));
    ObjList *l = SELF;
    for (size_t i = 0, j = l->len; i + 1 < j; i++, j--) {
        Value t = l->items[i];
        l->items[i] = l->items[j - 1];
        l->items[j - 1] = t;
    }
    *out = NONE_VAL;
    return true;
}

static bool m_sort(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    static const char *const names[] = {"self", "key", "reverse"};
    Value a[3];
    if (nargs > 1) return rt_raise(vm, &TypeError_type, "sort() takes no positional arguments");
    TRY(rt_parse_args(vm, "sort", args, nargs, kw, names, 3, 1, 1, a));
    int rev = a[2] ? rt_is_true(vm, a[2]) : 0;
    if (rev < 0) return false;
    TRY(list_sort(vm, SELF, a[1], rev));
    *out = NONE_VAL;
    return true;
}

static bool m_copy(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "copy", kw));
    TRY(rt_check_nargs(vm, "list.copy", nargs, 1, 1));
    ObjList *r = list_from(vm, SELF->items, SELF->len);
    TRY(r);
    *out = OBJ_VAL(r);
    return true;
}

static bool m_clear(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "clear", kw));
    TRY(rt_check_nargs(vm, "list.clear", nargs, 1, 1));
    SELF->len = 0;
    *out = NONE_VAL;
    return true;
}

static const MethodDef list_methods[] = {
    {"append", m_append, 0},   {"extend", m_extend, 0}, {"insert", m_insert, 0},
    {"pop", m_pop, 0},         {"remove", m_remove, 0}, {"index", m_index, 0},
    {"count", m_count, 0},     {"reverse", m_reverse, 0}, {"sort", m_sort, 0},
    {"copy", m_copy, 0},       {"clear", m_clear, 0},
    {"__class_getitem__", ga_class_getitem, METH_CLASS}, {NULL, NULL, 0},
};

extern bool rt_unhashable(Vm *vm, Value self, int64_t *out);

ObjType list_type = {
    .hdr = OBJ_STATIC_HEADER(&type_type),
    .name = "list",
    .module = "builtins",
    .basicsize = sizeof(ObjList),
    .flags = TYPE_BASETYPE | TYPE_SEQ_CONCAT,
    .base = &object_type,
    .methods = list_methods,
    .trace = list_trace,
    .free = list_free,
    .new_ = list_new_slot,
    .init = list_init,
    .repr = list_repr,
    .hash = rt_unhashable,
    .richcompare = list_richcompare,
    .binop = list_binop,
    .len = list_len,
    .getitem = list_getitem,
    .setitem = list_setitem,
    .contains = list_contains,
    .iter = list_iter,
};
