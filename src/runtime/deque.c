// deque: collections.deque as a ring buffer (see deque.h), its two
// iterators, and CPython 3.11's semantics and messages for every method.
//
// Python code can run in the middle of count/index/remove/`in` (an item's
// __eq__), of extend (the iterator), of comparisons and of repr. Those loops
// read an item only while [state] is what it was when they started, which
// proves the buffer has not moved; otherwise they raise as CPython does.
// Everything else runs no Python code between reading and writing fields.
#include "runtime/deque.h"

#include <string.h>

#include "runtime/dict.h"
#include "runtime/exc.h"
#include "runtime/gc.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/native.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"

// The first buffer. Buffers double when full; one past DEQUE_KEEP_CAP slots
// halves when a pop leaves it a quarter full, and clear() frees it, so a
// queue that once held a burst gives the memory back as it drains (CPython
// frees its 64-item blocks as they empty).
#define DEQUE_MIN_CAP 8
#define DEQUE_KEEP_CAP 64

static inline size_t slot_of(const ObjDeque *d, size_t i) { return (d->head + i) & (d->cap - 1); }

// ---- the ring buffer ----

// Room for [need] items: the buffer doubles (rt_realloc may collect, so [d]
// and [pending], the Value about to be stored, are rooted), then the part
// that wrapped around moves past the old end, whichever part is shorter.
static bool grow(Vm *vm, ObjDeque *d, size_t need, Value pending) {
    size_t cap = d->cap, ncap = cap ? cap * 2 : DEQUE_MIN_CAP, bytes;
    while (ncap < need) {
        if (ncap > SIZE_MAX / 4) return rt_raise_nomem(vm);
        ncap *= 2;
    }
    TRY(rt_size_mul(vm, ncap, sizeof(Value), &bytes));
    gc_push_root(vm, OBJ_VAL(d));
    gc_push_root(vm, pending);
    Value *items = rt_realloc(vm, d->items, cap * sizeof(Value), bytes);
    gc_pop_roots(vm, 2);
    TRY(items);
    if (d->head + d->len > cap) {
        size_t tail = cap - d->head, wrapped = d->len - tail;
        if (wrapped <= tail) {
            memcpy(items + cap, items, wrapped * sizeof(Value));
        } else {
            memcpy(items + ncap - tail, items + d->head, tail * sizeof(Value));
            d->head = ncap - tail;
        }
    }
    d->items = items;
    d->cap = ncap;
    return true;
}

// Halves the buffer. Items in its upper half move down by the new size:
// with len <= cap / 4 every slot they land in is free in the old layout, so
// a failed realloc (which leaves the block untouched) loses nothing and the
// deque simply keeps its buffer. Never collects: the block only shrinks.
static void shrink(Vm *vm, ObjDeque *d) {
    size_t ncap = d->cap / 2;
    for (size_t i = 0; i < d->len; i++) {
        size_t p = slot_of(d, i);
        if (p >= ncap) d->items[p - ncap] = d->items[p];
    }
    Value exc = vm->exc;
    Value *items = rt_realloc(vm, d->items, d->cap * sizeof(Value), ncap * sizeof(Value));
    if (!items) {
        vm->exc = exc;   // not the caller's error: the deque keeps its buffer
        return;
    }
    d->items = items;
    d->cap = ncap;
    d->head &= ncap - 1;
}

static inline void after_pop(Vm *vm, ObjDeque *d) {
    if (d->cap > DEQUE_KEEP_CAP && d->len <= d->cap / 4) shrink(vm, d);
}

// Appends on the right. A bounded deque at [maxlen] drops its leftmost item
// (with maxlen 0 the new item itself goes): CPython's deque_append_internal,
// which appends and then trims.
static inline bool push_right(Vm *vm, ObjDeque *d, Value v, int64_t maxlen) {
    d->state++;
    if ((uint64_t)maxlen <= d->len) {   // -1 (unbounded) is never reached
        if (d->len == 0) return true;
        d->head = (d->head + 1) & (d->cap - 1);
        d->len--;
    } else if (d->len == d->cap) {
        TRY(grow(vm, d, d->len + 1, v));
    }
    d->items[slot_of(d, d->len)] = v;
    d->len++;
    return true;
}

static inline bool push_left(Vm *vm, ObjDeque *d, Value v, int64_t maxlen) {
    d->state++;
    if ((uint64_t)maxlen <= d->len) {
        if (d->len == 0) return true;
        d->len--;
    } else if (d->len == d->cap) {
        TRY(grow(vm, d, d->len + 1, v));
    }
    d->head = (d->head - 1) & (d->cap - 1);
    d->items[d->head] = v;
    d->len++;
    return true;
}

// Removes the item at logical index [i], moving the shorter side.
static void del_at(Vm *vm, ObjDeque *d, size_t i) {
    size_t mask = d->cap - 1;
    if (i < d->len / 2) {
        for (size_t k = i; k > 0; k--) d->items[(d->head + k) & mask] = d->items[(d->head + k - 1) & mask];
        d->head = (d->head + 1) & mask;
    } else {
        for (size_t k = i; k + 1 < d->len; k++) d->items[(d->head + k) & mask] = d->items[(d->head + k + 1) & mask];
    }
    d->len--;
    d->state++;
    after_pop(vm, d);
}

// Inserts [v] before logical index [i] (0 < i < len), moving the shorter side.
static bool insert_at(Vm *vm, ObjDeque *d, size_t i, Value v) {
    if (d->len == d->cap) TRY(grow(vm, d, d->len + 1, v));
    size_t mask = d->cap - 1;
    if (i < d->len / 2) {
        d->head = (d->head - 1) & mask;
        for (size_t k = 0; k < i; k++) d->items[(d->head + k) & mask] = d->items[(d->head + k + 1) & mask];
    } else {
        for (size_t k = d->len; k > i; k--) d->items[(d->head + k) & mask] = d->items[(d->head + k - 1) & mask];
    }
    d->items[(d->head + i) & mask] = v;
    d->len++;
    d->state++;
    return true;
}

// ---- the C API ----

ObjDeque *deque_new(Vm *vm, int64_t maxlen) {
    ObjDeque *d = (ObjDeque *)gc_alloc(vm, &deque_type, sizeof(ObjDeque));
    if (d) d->maxlen = maxlen;
    return d;
}

bool deque_append(Vm *vm, ObjDeque *d, Value v) { return push_right(vm, d, v, d->maxlen); }
bool deque_appendleft(Vm *vm, ObjDeque *d, Value v) { return push_left(vm, d, v, d->maxlen); }

bool deque_pop(Vm *vm, ObjDeque *d, Value *out) {
    if (!d->len) return rt_raise(vm, &IndexError_type, "pop from an empty deque");
    d->len--;
    d->state++;
    *out = d->items[slot_of(d, d->len)];
    after_pop(vm, d);   // never collects: *out needs no root
    return true;
}

bool deque_popleft(Vm *vm, ObjDeque *d, Value *out) {
    if (!d->len) return rt_raise(vm, &IndexError_type, "pop from an empty deque");
    *out = d->items[d->head];
    d->head = (d->head + 1) & (d->cap - 1);
    d->len--;
    d->state++;
    after_pop(vm, d);
    return true;
}

void deque_clear(Vm *vm, ObjDeque *d) {
    if (!d->len) return;
    d->len = 0;
    d->head = 0;
    d->state++;
    if (d->cap > DEQUE_KEEP_CAP) {
        rt_free(vm, d->items, d->cap * sizeof(Value));
        d->items = NULL;
        d->cap = 0;
    }
}

void deque_rotate(ObjDeque *d, int64_t n) {
    int64_t len = (int64_t)d->len, half = len >> 1;
    if (len <= 1) return;
    if (n > half || n < -half) {
        n %= len;
        if (n > half) n -= len;
        else if (n < -half) n += len;
    }
    d->state++;
    size_t mask = d->cap - 1;
    if (d->len == d->cap) {   // a full ring turns without moving anything
        d->head = (d->head - (size_t)n) & mask;
        return;
    }
    for (; n > 0; n--) {   // the rightmost item goes to the left end
        d->head = (d->head - 1) & mask;
        d->items[d->head] = d->items[(d->head + d->len) & mask];
    }
    for (; n < 0; n++) {
        d->items[(d->head + d->len) & mask] = d->items[d->head];
        d->head = (d->head + 1) & mask;
    }
}

// list(v) through the iteration protocol (a subclass's __iter__ included),
// as CPython's PySequence_List.
static bool as_list(Vm *vm, Value v, Value *out) {
    ObjList *l = list_new(vm, 0);
    TRY(l);
    gc_push_root(vm, OBJ_VAL(l));
    bool ok = list_extend(vm, l, v);
    gc_pop_root(vm);
    TRY(ok);
    *out = OBJ_VAL(l);
    return true;
}

// extend/extendleft. CPython's extend trims with the maxlen it read on entry,
// its extendleft with the current one; an iterator's __next__ can tell.
static bool extend(Vm *vm, ObjDeque *d, Value iterable, bool left) {
    if (iterable == OBJ_VAL(d)) {   // d.extend(d): from a snapshot
        Value snap;
        TRY(as_list(vm, iterable, &snap));
        gc_push_root(vm, snap);
        bool ok = extend(vm, d, snap, left);
        gc_pop_root(vm);
        return ok;
    }
    int64_t maxlen = d->maxlen;
    // Exact lists, tuples and deques are read in place: iterating them runs
    // no Python code, so they cannot change meanwhile.
    if (IS_TYPE_EXACT(iterable, list_type) || IS_TYPE_EXACT(iterable, tuple_type) ||
        IS_TYPE_EXACT(iterable, deque_type)) {
        if (maxlen == 0) return true;
        for (size_t i = 0;; i++) {
            Value v;
            if (IS_TYPE_EXACT(iterable, list_type)) {
                if (i >= AS_LIST(iterable)->len) break;
                v = AS_LIST(iterable)->items[i];
            } else if (IS_TYPE_EXACT(iterable, tuple_type)) {
                if (i >= AS_TUPLE(iterable)->len) break;
                v = AS_TUPLE(iterable)->items[i];
            } else {
                if (i >= AS_DEQUE(iterable)->len) break;
                v = deque_at(AS_DEQUE(iterable), i);
            }
            TRY(left ? push_left(vm, d, v, d->maxlen) : push_right(vm, d, v, maxlen));
        }
        return true;
    }
    Value it, v;
    TRY(rt_iter(vm, iterable, &it));
    gc_push_root(vm, it);
    IterResult r;
    while ((r = rt_next(vm, it, &v)) == ITER_NEXT) {
        if (maxlen == 0) continue;   // consumed, kept nowhere
        if (!(left ? push_left(vm, d, v, d->maxlen) : push_right(vm, d, v, maxlen))) {
            r = ITER_ERROR;
            break;
        }
    }
    gc_pop_root(vm);
    return r != ITER_ERROR;
}

bool deque_extend(Vm *vm, ObjDeque *d, Value iterable) { return extend(vm, d, iterable, false); }
bool deque_extendleft(Vm *vm, ObjDeque *d, Value iterable) { return extend(vm, d, iterable, true); }

// ---- argument conversions (CPython's messages) ----

// v as a Python int through __index__.
static bool index_value(Vm *vm, Value v, Value *out) {
    Value i = int_unbool(v);
    if (IS_INT(i) || IS_INSTANCE(i, int_type)) {
        *out = i;
        return true;
    }
    bool (*idx)(Vm *, Value, Value *) = TYPE_SLOT(rt_type(v), index);
    if (!idx)
        return rt_raise(vm, &TypeError_type, "'%s' object cannot be interpreted as an integer",
                        type_name(rt_type(v)));
    TRY(idx(vm, v, &i));
    *out = int_unbool(i);
    return true;
}

static bool is_index(Value v) { return IS_ANYINT(v) || TYPE_SLOT(rt_type(v), index); }

// An int beyond int64: [type] with [msg] instead of int_as_i64's message.
static bool to_i64(Vm *vm, Value i, int64_t *out, ObjType *type, const char *msg, Value named) {
    if (IS_INT(i)) {
        *out = AS_INT(i);
        return true;
    }
    if (int_as_i64(vm, i, out)) return true;
    rt_exc_clear(vm);
    return rt_raise(vm, type, msg, named ? type_name(rt_type(named)) : "");
}

// The "n" argument format: __index__, then a C ssize_t.
static bool ssize_arg(Vm *vm, Value v, int64_t *out) {
    if (IS_INT(v)) {
        *out = AS_INT(v);
        return true;
    }
    Value i;
    TRY(index_value(vm, v, &i));
    return to_i64(vm, i, out, &OverflowError_type, "Python int too large to convert to C ssize_t", VAL_NULL);
}

// A subscript (sequence protocol): IndexError when it does not fit.
static bool item_index(Vm *vm, Value key, int64_t *out) {
    if (IS_INT(key)) {
        *out = AS_INT(key);
        return true;
    }
    if (!is_index(key))
        return rt_raise(vm, &TypeError_type, "sequence index must be integer, not '%s'", type_name(rt_type(key)));
    Value i;
    TRY(index_value(vm, key, &i));
    return to_i64(vm, i, out, &IndexError_type, "cannot fit '%s' into an index-sized integer", key);
}

// index()'s start and stop: clamped, None refused.
static bool slice_bound(Vm *vm, Value v, int64_t *out) {
    if (!is_index(v))
        return rt_raise(vm, &TypeError_type, "slice indices must be integers or have an __index__ method");
    return rt_index_clamped(vm, v, out);
}

// ---- slots ----

static bool deque_iter(Vm *vm, Value self, Value *out);

static void deque_trace(Vm *vm, Obj *o) {
    ObjDeque *d = (ObjDeque *)o;
    for (size_t i = 0; i < d->len; i++) gc_mark_value(vm, deque_at(d, i));
}

static void deque_free(Vm *vm, Obj *o) {
    ObjDeque *d = (ObjDeque *)o;
    rt_free(vm, d->items, d->cap * sizeof(Value));
}

// deque.__new__ ignores its arguments: __init__ reads them.
static bool deque_new_slot(Vm *vm, ObjType *t, Value *args, size_t nargs, Value kw, Value *out) {
    (void)args, (void)nargs, (void)kw;
    ObjDeque *d = (ObjDeque *)gc_alloc(vm, t, t->basicsize);
    TRY(d);
    d->maxlen = -1;
    *out = OBJ_VAL(d);
    return true;
}

// PyLong_AsSsize_t: an int (no __index__), within ssize_t.
static bool maxlen_arg(Vm *vm, Value v, int64_t *out) {
    Value i = int_unbool(v);
    if (!IS_INT(i) && !IS_INSTANCE(i, int_type)) return rt_raise(vm, &TypeError_type, "an integer is required");
    TRY(to_i64(vm, i, out, &OverflowError_type, "Python int too large to convert to C ssize_t", VAL_NULL));
    if (*out < 0) return rt_raise(vm, &ValueError_type, "maxlen must be non-negative");
    return true;
}

// deque(iterable=(), maxlen=None), with PyArg_ParseTupleAndKeywords' messages.
static bool deque_init(Vm *vm, Value self, Value *args, size_t nargs, Value kw) {
    static const char *const names[] = {"iterable", "maxlen"};
    Value a[2] = {nargs > 0 ? args[0] : VAL_NULL, nargs > 1 ? args[1] : VAL_NULL};
    size_t nkw = kw ? AS_TUPLE(kw)->len : 0;
    if (nargs + nkw > 2)
        return rt_raise(vm, &TypeError_type, "deque() takes at most 2 arguments (%zu given)", nargs + nkw);
    for (size_t k = 0; k < nkw; k++) {
        ObjStr *name = AS_STR(AS_TUPLE(kw)->items[k]);
        size_t i = str_eq_cstr(name, names[0]) ? 0 : str_eq_cstr(name, names[1]) ? 1 : 2;
        if (i == 2) return rt_raise(vm, &TypeError_type, "'%U' is an invalid keyword argument for deque()", name);
        if (i < nargs)
            return rt_raise(vm, &TypeError_type, "argument for deque() given by name ('%s') and position (%zu)",
                            names[i], i + 1);
        a[i] = args[nargs + k];
    }
    int64_t maxlen = -1;
    if (a[1] && !IS_NONE(a[1])) TRY(maxlen_arg(vm, a[1], &maxlen));
    ObjDeque *d = AS_DEQUE(self);
    d->maxlen = maxlen;
    deque_clear(vm, d);
    return !a[0] || extend(vm, d, a[0], false);
}

static bool deque_len(Vm *vm, Value self, int64_t *out) {
    (void)vm;
    *out = (int64_t)AS_DEQUE(self)->len;
    return true;
}

// "deque([1, 2])", "deque([], maxlen=3)"; the class's own name for subclasses.
static bool deque_repr(Vm *vm, Value self, Value *out) {
    int r = rt_repr_enter(vm, self);
    if (r < 0) return false;
    if (r > 0) {
        ObjStr *s = str_from_cstr(vm, "[...]");
        TRY(s);
        *out = OBJ_VAL(s);
        return true;
    }
    // The items as a list nobody else sees (so no __repr__ can change it),
    // shown by seq_repr directly: one root per level of nesting.
    Value l, lr = VAL_NULL;
    bool ok = as_list(vm, self, &l);
    if (ok) {
        gc_push_root(vm, l);
        ok = seq_repr(vm, AS_LIST(l)->items, AS_LIST(l)->len, "[", "]", &lr);
        gc_pop_root(vm);
    }
    if (ok) {
        gc_push_root(vm, lr);
        const char *name = type_short_name(rt_type(self));
        int64_t maxlen = AS_DEQUE(self)->maxlen;
        ObjStr *s = maxlen >= 0 ? rt_format_cmsg(vm, "%s(%U, maxlen=%lld)", name, AS_STR(lr), (long long)maxlen)
                                : rt_format_cmsg(vm, "%s(%U)", name, AS_STR(lr));
        gc_pop_root(vm);
        ok = s != NULL;
        if (ok) *out = OBJ_VAL(s);
    }
    rt_repr_leave(vm, self);
    return ok;
}

// One operand of a comparison, walked as its iterator would walk it. When
// type(d) keeps deque's own __iter__, the iterator is simulated here: no
// allocation and no temporary root, so comparisons of nested deques go as
// deep as the C recursion limit allows, as lists do. A subclass's __iter__
// gets a real iterator.
typedef struct Side {
    Value it;            // the real iterator, or VAL_NULL
    ObjDeque *d;
    size_t pos, counter;
    uint64_t state;
} Side;

static bool side_open(Vm *vm, Value v, Side *s) {
    s->d = AS_DEQUE(v);
    s->it = VAL_NULL;
    s->pos = 0;
    s->counter = s->d->len;
    s->state = s->d->state;
    if (TYPE_SLOT(rt_type(v), iter) == deque_iter) return true;
    return rt_iter(vm, v, &s->it);
}

static IterResult side_next(Vm *vm, Side *s, Value *out) {
    if (s->it) return rt_next(vm, s->it, out);
    if (s->d->state != s->state) {
        s->counter = 0;
        rt_raise(vm, &RuntimeError_type, "deque mutated during iteration");
        return ITER_ERROR;
    }
    if (!s->counter) return ITER_DONE;
    *out = deque_at(s->d, s->pos++);
    s->counter--;
    return ITER_NEXT;
}

// Lexicographic, item by item through the two iterators as CPython does (so
// a mutation raises from the iterator, and a subclass's __iter__ is used).
static bool deque_richcompare(Vm *vm, Value a, Value b, CmpOp op, Value *out) {
    extern bool rt_recursion_error(Vm * vm, const char *where);
    if (!IS_DEQUE(a) || !IS_DEQUE(b)) {
        *out = NOTIMPL_VAL;
        return true;
    }
    size_t na = AS_DEQUE(a)->len, nb = AS_DEQUE(b)->len;
    if (op == CMP_EQ || op == CMP_NE) {
        if (a == b || na != nb) {
            *out = rt_bool((a == b) == (op == CMP_EQ));
            return true;
        }
    }
    size_t mark = gc_roots_mark(vm);
    Side s1, s2;
    if (!side_open(vm, a, &s1)) return false;
    if (s1.it) gc_push_root(vm, s1.it);
    if (!side_open(vm, b, &s2)) return gc_roots_reset(vm, mark), false;
    if (s2.it) gc_push_root(vm, s2.it);
    // Items from a real iterator may be held by nothing else: they are
    // rooted, which nested comparisons must not overflow.
    bool generic = s1.it || s2.it;
    if (generic && vm->ntemp_roots > RT_MAX_TEMP_ROOTS / 2)
        return gc_roots_reset(vm, mark), rt_recursion_error(vm, RT_WHERE_CMP);
    Value x = VAL_NULL, y = VAL_NULL;
    IterResult rx, ry;
    int cmp = -1;
    for (;;) {
        rx = side_next(vm, &s1, &x);
        if (rx == ITER_ERROR) goto done;
        if (generic) gc_push_root(vm, rx == ITER_NEXT ? x : VAL_NULL);
        ry = side_next(vm, &s2, &y);
        if (ry == ITER_ERROR) goto done;
        if (rx == ITER_DONE || ry == ITER_DONE) break;
        if (generic) gc_push_root(vm, y);
        // rt_eq and rt_compare_bool root x and y before anything can
        // collect, so a simulated side's items need no root even when an
        // __eq__ takes them out of their deque.
        int eq = rt_eq(vm, x, y);
        if (eq == 0) {
            cmp = rt_compare_bool(vm, x, y, op);
            goto done;
        }
        if (eq < 0) goto done;
        if (generic) gc_pop_roots(vm, 2);
    }
    switch (op) {   // the end of one deque or both
    case CMP_LT: cmp = ry == ITER_NEXT; break;
    case CMP_LE: cmp = rx == ITER_DONE; break;
    case CMP_EQ: cmp = rx == ry; break;
    case CMP_NE: cmp = rx != ry; break;
    case CMP_GT: cmp = rx == ITER_NEXT; break;
    case CMP_GE: cmp = ry == ITER_DONE; break;
    }
done:
    gc_roots_reset(vm, mark);
    if (cmp < 0) return false;
    *out = rt_bool(cmp);
    return true;
}

static bool deque_getitem(Vm *vm, Value self, Value key, Value *out) {
    ObjDeque *d = AS_DEQUE(self);
    int64_t i;
    TRY(item_index(vm, key, &i));
    if (i < 0) i += (int64_t)d->len;
    if (i < 0 || i >= (int64_t)d->len) return rt_raise(vm, &IndexError_type, "deque index out of range");
    *out = deque_at(d, (size_t)i);
    return true;
}

// d[i] = v leaves [state] alone (iterators go on, as in CPython); del d[i] moves it.
static bool deque_setitem(Vm *vm, Value self, Value key, Value v) {
    ObjDeque *d = AS_DEQUE(self);
    int64_t i;
    TRY(item_index(vm, key, &i));
    if (i < 0) i += (int64_t)d->len;
    if (i < 0 || i >= (int64_t)d->len) return rt_raise(vm, &IndexError_type, "deque index out of range");
    if (v) d->items[slot_of(d, (size_t)i)] = v;
    else del_at(vm, d, (size_t)i);
    return true;
}

static int deque_contains(Vm *vm, Value self, Value x) {
    ObjDeque *d = AS_DEQUE(self);
    size_t n = d->len;
    uint64_t state = d->state;
    for (size_t i = 0; i < n; i++) {
        int eq = rt_eq(vm, deque_at(d, i), x);
        if (eq) return eq;
        if (d->state != state) {
            rt_raise(vm, &RuntimeError_type, "deque mutated during iteration");
            return -1;
        }
    }
    return 0;
}

// A copy (CPython's deque_copy): made directly for deque itself; a subclass
// is called as type(d)(d) or type(d)(d, maxlen) and must give a deque.
static bool copy_of(Vm *vm, Value self, Value *out) {
    ObjDeque *d = AS_DEQUE(self);
    if (IS_TYPE_EXACT(self, deque_type)) {
        ObjDeque *n = deque_new(vm, d->maxlen);
        TRY(n);
        gc_push_root(vm, OBJ_VAL(n));
        bool ok = extend(vm, n, self, false);
        gc_pop_root(vm);
        TRY(ok);
        *out = OBJ_VAL(n);
        return true;
    }
    ObjType *t = rt_type(self);
    Value r;
    if (d->maxlen < 0) TRY(rt_call1(vm, OBJ_VAL(t), self, &r));
    else TRY(rt_call2(vm, OBJ_VAL(t), self, INT_VAL(d->maxlen), &r));
    if (!IS_DEQUE(r))
        return rt_raise(vm, &TypeError_type, "%s() must return a deque, not %s", type_name(t),
                        type_name(rt_type(r)));
    *out = r;
    return true;
}

// d *= n (CPython's deque_inplace_repeat): a bounded deque keeps the last
// maxlen items of the repetition, so only the repetitions that reach them
// are made.
static bool inplace_repeat(Vm *vm, Value self, int64_t n) {
    ObjDeque *d = AS_DEQUE(self);
    size_t size = d->len;
    if (size == 0 || n == 1) return true;
    if (n <= 0) {
        deque_clear(vm, d);
        return true;
    }
    if (size == 1) {
        if (d->maxlen >= 0 && n > d->maxlen) n = d->maxlen;
        if ((size_t)n > d->cap) TRY(grow(vm, d, (size_t)n, VAL_NULL));
        Value item = deque_at(d, 0);
        for (int64_t i = 1; i < n; i++) d->items[slot_of(d, d->len++)] = item;
        d->state++;
        return true;
    }
    if (size > (size_t)INT64_MAX / (size_t)n) return rt_raise_nomem(vm);
    Value seq;
    TRY(as_list(vm, self, &seq));
    if (d->maxlen >= 0 && (int64_t)size * n > d->maxlen) n = (d->maxlen + (int64_t)size - 1) / (int64_t)size;
    gc_push_root(vm, seq);
    bool ok = true;
    for (int64_t i = 0; ok && i < n - 1; i++) ok = extend(vm, d, seq, false);
    gc_pop_root(vm);
    return ok;
}

static bool deque_binop(Vm *vm, int op, Value a, Value b, Value *out);

// Another operand's __radd__/__rmul__, which CPython tries before deque's
// sequence methods. 1: *out is its answer; 0: NotImplemented; -1 error.
static int other_first(Vm *vm, int op, Value a, Value b, Value *out) {
    ObjType *ta = rt_type(a), *tb = rt_type(b);
    bool (*fb)(Vm *, int, Value, Value, Value *) = TYPE_SLOT(tb, binop);
    // A subclass's slot was already tried first by rt_binary_op.
    if (!fb || fb == deque_binop || fb == TYPE_SLOT(ta, binop) || type_is_subtype(tb, ta)) return 0;
    if (!fb(vm, op, a, b, out)) return -1;
    return *out != NOTIMPL_VAL;
}

static bool deque_binop(Vm *vm, int op, Value a, Value b, Value *out) {
    bool inplace = op & BINOP_INPLACE;
    op &= ~BINOP_INPLACE;
    *out = NOTIMPL_VAL;
    if (op != BINOP_ADD && op != BINOP_MUL) return true;
    if (!IS_DEQUE(a)) {
        // n * d; x + d is x's business (rt_binary_op words the error).
        if (op == BINOP_ADD || !is_index(a)) return true;
        int64_t n;
        TRY(rt_index(vm, a, &n));
        TRY(copy_of(vm, b, out));
        gc_push_root(vm, *out);
        bool ok = inplace_repeat(vm, *out, n);
        gc_pop_root(vm);
        return ok;
    }
    int r = other_first(vm, op, a, b, out);
    if (r) return r > 0;
    *out = NOTIMPL_VAL;
    if (op == BINOP_ADD) {
        if (inplace) {   // d += any iterable
            TRY(extend(vm, AS_DEQUE(a), b, false));
            *out = a;
            return true;
        }
        if (!IS_DEQUE(b))
            return rt_raise(vm, &TypeError_type, "can only concatenate deque (not \"%s\") to deque",
                            type_name(rt_type(b)));
        TRY(copy_of(vm, a, out));
        gc_push_root(vm, *out);
        bool ok = extend(vm, AS_DEQUE(*out), b, false);
        gc_pop_root(vm);
        return ok;
    }
    if (!is_index(b))
        return rt_raise(vm, &TypeError_type, "can't multiply sequence by non-int of type '%s'",
                        type_name(rt_type(b)));
    int64_t n;
    TRY(rt_index(vm, b, &n));
    if (inplace) {
        TRY(inplace_repeat(vm, a, n));
        *out = a;
        return true;
    }
    TRY(copy_of(vm, a, out));
    gc_push_root(vm, *out);
    bool ok = inplace_repeat(vm, *out, n);
    gc_pop_root(vm);
    return ok;
}

// ---- iterators ----
//
// They hold a logical position: every change of the buffer's layout moves
// [state], so while it is unchanged the position still names the same slot
// (CPython's iterators hold a block and an index, to the same effect).

typedef struct DequeIter {
    Obj hdr;
    Value deque;
    size_t pos;          // logical index of the next item
    size_t counter;      // items left
    uint64_t state;      // the deque's state when made
} DequeIter;

static bool new_iter(Vm *vm, Value self, ObjType *t, Value *out) {
    gc_push_root(vm, self);
    DequeIter *it = (DequeIter *)gc_alloc(vm, t, sizeof(DequeIter));
    gc_pop_root(vm);
    TRY(it);
    ObjDeque *d = AS_DEQUE(self);
    it->deque = self;
    it->counter = d->len;
    it->pos = t == &deque_iter_type ? 0 : d->len - 1;
    it->state = d->state;
    *out = OBJ_VAL(it);
    return true;
}

static bool deque_iter(Vm *vm, Value self, Value *out) { return new_iter(vm, self, &deque_iter_type, out); }

static void iter_trace(Vm *vm, Obj *o) { gc_mark_value(vm, ((DequeIter *)o)->deque); }

static bool iter_self(Vm *vm, Value self, Value *out) {
    (void)vm;
    *out = self;
    return true;
}

static IterResult mutated(Vm *vm, DequeIter *it) {
    it->counter = 0;
    rt_raise(vm, &RuntimeError_type, "deque mutated during iteration");
    return ITER_ERROR;
}

// The forward iterator checks [state] first: once the deque changed, every
// next() raises (CPython's dequeiter_next).
static IterResult iter_next(Vm *vm, Value self, Value *out) {
    DequeIter *it = (DequeIter *)AS_OBJ(self);
    ObjDeque *d = AS_DEQUE(it->deque);
    if (d->state != it->state) return mutated(vm, it);
    if (!it->counter) return ITER_DONE;
    *out = deque_at(d, it->pos++);
    it->counter--;
    return ITER_NEXT;
}

// The reverse one checks the count first: it raises once, then stops.
static IterResult reviter_next(Vm *vm, Value self, Value *out) {
    DequeIter *it = (DequeIter *)AS_OBJ(self);
    ObjDeque *d = AS_DEQUE(it->deque);
    if (!it->counter) return ITER_DONE;
    if (d->state != it->state) return mutated(vm, it);
    *out = deque_at(d, it->pos--);
    it->counter--;
    return ITER_NEXT;
}

static bool length_hint(Vm *vm, const char *name, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, name, kw));
    TRY(rt_check_nargs(vm, name, nargs, 1, 1));
    *out = INT_VAL((int64_t)((DequeIter *)AS_OBJ(args[0]))->counter);
    return true;
}

static bool m_iter_hint(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    return length_hint(vm, "_deque_iterator.__length_hint__", args, nargs, kw, out);
}

static bool m_reviter_hint(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    return length_hint(vm, "_deque_reverse_iterator.__length_hint__", args, nargs, kw, out);
}

// One table per type: a method descriptor checks its owner.
static const MethodDef iter_methods[] = {
    {"__length_hint__", m_iter_hint, 0},
    {NULL, NULL, 0},
};
static const MethodDef reviter_methods[] = {
    {"__length_hint__", m_reviter_hint, 0},
    {NULL, NULL, 0},
};

ObjType deque_iter_type = {
    .hdr = OBJ_STATIC_HEADER(&type_type),
    .name = "_collections._deque_iterator",
    .module = "_collections",
    .basicsize = sizeof(DequeIter),
    .base = &object_type,
    .methods = iter_methods,
    .trace = iter_trace,
    .iter = iter_self,
    .iternext = iter_next,
};

ObjType deque_reviter_type = {
    .hdr = OBJ_STATIC_HEADER(&type_type),
    .name = "_collections._deque_reverse_iterator",
    .module = "_collections",
    .basicsize = sizeof(DequeIter),
    .base = &object_type,
    .methods = reviter_methods,
    .trace = iter_trace,
    .iter = iter_self,
    .iternext = reviter_next,
};

// ---- methods ----
//
// METH_O and METH_NOARGS methods name themselves "deque.x" in their errors;
// index and insert keep CPython's older "x() takes ..." wording.

#define SELF AS_DEQUE(args[0])
#define NOARGS(name)                                  \
    TRY(rt_no_kwargs(vm, "deque." name, kw));         \
    TRY(rt_check_nargs(vm, "deque." name, nargs, 1, 1))
#define ONEARG(name)                                  \
    TRY(rt_no_kwargs(vm, "deque." name, kw));         \
    TRY(rt_check_nargs(vm, "deque." name, nargs, 2, 2))

// The hot path of asyncio's queues and locks: no call beyond the push.
static bool m_append(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    ONEARG("append");
    TRY(push_right(vm, SELF, args[1], SELF->maxlen));
    *out = NONE_VAL;
    return true;
}

static bool m_appendleft(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    ONEARG("appendleft");
    TRY(push_left(vm, SELF, args[1], SELF->maxlen));
    *out = NONE_VAL;
    return true;
}

static bool m_pop(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    NOARGS("pop");
    return deque_pop(vm, SELF, out);
}

static bool m_popleft(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    NOARGS("popleft");
    return deque_popleft(vm, SELF, out);
}

static bool m_extend(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    ONEARG("extend");
    TRY(extend(vm, SELF, args[1], false));
    *out = NONE_VAL;
    return true;
}

static bool m_extendleft(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    ONEARG("extendleft");
    TRY(extend(vm, SELF, args[1], true));
    *out = NONE_VAL;
    return true;
}

static bool m_clear(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    NOARGS("clear");
    deque_clear(vm, SELF);
    *out = NONE_VAL;
    return true;
}

static bool m_copy(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    NOARGS("copy");
    return copy_of(vm, args[0], out);
}

static bool m_dunder_copy(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    NOARGS("__copy__");
    return copy_of(vm, args[0], out);
}

static bool m_count(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    ONEARG("count");
    ObjDeque *d = SELF;
    size_t n = d->len;
    uint64_t state = d->state;
    int64_t count = 0;
    for (size_t i = 0; i < n; i++) {
        int eq = rt_eq(vm, deque_at(d, i), args[1]);
        if (eq < 0) return false;
        count += eq;
        if (d->state != state) return rt_raise(vm, &RuntimeError_type, "deque mutated during iteration");
    }
    *out = INT_VAL(count);
    return true;
}

static bool m_index(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "deque.index", kw));
    if (nargs < 2) return rt_raise(vm, &TypeError_type, "index() takes at least 1 argument (%zu given)", nargs - 1);
    if (nargs > 4) return rt_raise(vm, &TypeError_type, "index() takes at most 3 arguments (%zu given)", nargs - 1);
    ObjDeque *d = SELF;
    int64_t start = 0, stop = (int64_t)d->len;
    uint64_t state = d->state;
    if (nargs > 2) TRY(slice_bound(vm, args[2], &start));
    if (nargs > 3) TRY(slice_bound(vm, args[3], &stop));
    // __index__ may have run Python code: the bounds use the length now, and
    // a change it made raises after the first comparison, as in CPython.
    int64_t len = (int64_t)d->len;
    if (start < 0 && (start += len) < 0) start = 0;
    if (stop < 0 && (stop += len) < 0) stop = 0;
    if (stop > len) stop = len;
    if (start > stop) start = stop;
    for (int64_t i = start; i < stop; i++) {
        int eq = rt_eq(vm, deque_at(d, (size_t)i), args[1]);
        if (eq > 0) {
            *out = INT_VAL(i);
            return true;
        }
        if (eq < 0) return false;
        if (d->state != state) return rt_raise(vm, &RuntimeError_type, "deque mutated during iteration");
    }
    return rt_raise(vm, &ValueError_type, "%R is not in deque", args[1]);
}

static bool m_insert(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "deque.insert", kw));
    if (nargs != 3) return rt_raise(vm, &TypeError_type, "insert() takes exactly 2 arguments (%zu given)", nargs - 1);
    int64_t i;
    TRY(ssize_arg(vm, args[1], &i));
    ObjDeque *d = SELF;
    int64_t n = (int64_t)d->len;
    if (d->maxlen == n) return rt_raise(vm, &IndexError_type, "deque already at its maximum size");
    *out = NONE_VAL;
    if (i >= n) return push_right(vm, d, args[2], d->maxlen);
    if (i <= -n || i == 0) return push_left(vm, d, args[2], d->maxlen);
    return insert_at(vm, d, (size_t)(i < 0 ? i + n : i), args[2]);
}

// CPython 3.11 compares every item in place and deletes the first equal one;
// a change during a comparison is an IndexError here, not a RuntimeError.
static bool m_remove(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    ONEARG("remove");
    ObjDeque *d = SELF;
    size_t n = d->len;
    uint64_t state = d->state;
    for (size_t i = 0; i < n; i++) {
        int eq = rt_eq(vm, deque_at(d, i), args[1]);
        if (eq < 0) return false;
        if (d->state != state) return rt_raise(vm, &IndexError_type, "deque mutated during iteration");
        if (eq) {
            del_at(vm, d, i);
            *out = NONE_VAL;
            return true;
        }
    }
    return rt_raise(vm, &ValueError_type, "%R is not in deque", args[1]);
}

static bool m_reverse(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    NOARGS("reverse");
    ObjDeque *d = SELF;
    for (size_t i = 0, j = d->len; i + 1 < j; i++, j--) {
        size_t p = slot_of(d, i), q = slot_of(d, j - 1);
        Value t = d->items[p];
        d->items[p] = d->items[q];
        d->items[q] = t;
    }
    *out = NONE_VAL;
    return true;
}

static bool m_rotate(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "deque.rotate", kw));
    TRY(rt_check_nargs(vm, "deque.rotate", nargs, 1, 2));
    int64_t n = 1;
    if (nargs > 1) TRY(ssize_arg(vm, args[1], &n));
    deque_rotate(SELF, n);
    *out = NONE_VAL;
    return true;
}

static bool m_reversed(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    NOARGS("__reversed__");
    return new_iter(vm, args[0], &deque_reviter_type, out);
}

// What pickle saves besides the items (CPython 3.11's object.__getstate__):
// the class's own __getstate__() if it has one; else the instance dict, or
// None when it is empty; a __slots__ class adds (state, {slot: value}).
// aiopy keeps slot values in the instance dict.
static bool get_state(Vm *vm, Value self, Value *out) {
    ObjType *t = rt_type(self);
    ObjStr *name = str_intern_cstr(vm, "__getstate__");
    TRY(name);
    gc_push_root(vm, OBJ_VAL(name));   // interned strings are weak
    int own = type_has_heap_attr(vm, t, name) ? 1 : 0;
    if (own) own = rt_call_method(vm, self, name, NULL, 0, out) ? 1 : -1;
    gc_pop_root(vm);
    if (own) return own > 0;
    Value *slot = IS_OBJ(self) ? obj_dict_slot(self) : NULL;
    Value dict = slot && *slot && AS_DICT(*slot)->used ? *slot : VAL_NULL;
    if (!t->slot_names || !dict) {
        *out = dict ? dict : NONE_VAL;
        return true;
    }
    ObjDict *slots = dict_new(vm);
    TRY(slots);
    gc_push_root(vm, OBJ_VAL(slots));
    ObjTuple *names = AS_TUPLE(t->slot_names);
    bool ok = true;
    for (size_t i = 0; ok && i < names->len; i++) {
        Value v;
        if (dict_get_str(vm, AS_DICT(dict), AS_STR(names->items[i]), &v) == 1)
            ok = dict_set(vm, slots, names->items[i], v);
    }
    ObjTuple *pair = ok && slots->used ? tuple_pack2(vm, NONE_VAL, OBJ_VAL(slots)) : NULL;
    gc_pop_root(vm);
    if (!ok || (slots->used && !pair)) return false;
    *out = pair ? OBJ_VAL(pair) : NONE_VAL;
    return true;
}

// (type(d), () or ((), maxlen), state, iter(d)), for pickle and copy.
static bool m_reduce(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    NOARGS("__reduce__");
    size_t mark = gc_roots_mark(vm);
    Value state, it, targs = vm->empty_tuple;
    TRY(get_state(vm, args[0], &state));
    gc_push_root(vm, state);
    if (!rt_iter(vm, args[0], &it)) return gc_roots_reset(vm, mark), false;
    gc_push_root(vm, it);
    if (SELF->maxlen >= 0) {
        ObjTuple *t = tuple_pack2(vm, vm->empty_tuple, INT_VAL(SELF->maxlen));
        if (!t) return gc_roots_reset(vm, mark), false;
        targs = OBJ_VAL(t);
        gc_push_root(vm, targs);
    }
    ObjTuple *res = tuple_new(vm, 4);
    gc_roots_reset(vm, mark);
    TRY(res);
    res->items[0] = OBJ_VAL(rt_type(args[0]));
    res->items[1] = targs;
    res->items[2] = state;
    res->items[3] = it;
    *out = OBJ_VAL(res);
    return true;
}

static bool m_iadd(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "__iadd__", kw));
    if (nargs != 2) return rt_raise(vm, &TypeError_type, "expected 1 argument, got %zu", nargs - 1);
    TRY(extend(vm, SELF, args[1], false));
    *out = args[0];
    return true;
}

static bool m_imul(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "__imul__", kw));
    if (nargs != 2) return rt_raise(vm, &TypeError_type, "expected 1 argument, got %zu", nargs - 1);
    int64_t n;
    TRY(rt_index(vm, args[1], &n));
    TRY(inplace_repeat(vm, args[0], n));
    *out = args[0];
    return true;
}

// deque[int] is the class itself: aiopy has no types.GenericAlias yet.
static bool m_class_getitem(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    ONEARG("__class_getitem__");
    *out = args[0];
    return true;
}

static const MethodDef deque_methods[] = {
    {"append", m_append, 0},
    {"appendleft", m_appendleft, 0},
    {"clear", m_clear, 0},
    {"__copy__", m_dunder_copy, 0},
    {"copy", m_copy, 0},
    {"count", m_count, 0},
    {"extend", m_extend, 0},
    {"extendleft", m_extendleft, 0},
    {"index", m_index, 0},
    {"insert", m_insert, 0},
    {"pop", m_pop, 0},
    {"popleft", m_popleft, 0},
    {"__reduce__", m_reduce, 0},
    {"remove", m_remove, 0},
    {"__reversed__", m_reversed, 0},
    {"reverse", m_reverse, 0},
    {"rotate", m_rotate, 0},
    {"__iadd__", m_iadd, 0},
    {"__imul__", m_imul, 0},
    {"__class_getitem__", m_class_getitem, METH_CLASS},
    {NULL, NULL, 0},
};

static bool get_maxlen(Vm *vm, Value self, Value *out) {
    (void)vm;
    int64_t m = AS_DEQUE(self)->maxlen;
    *out = m < 0 ? NONE_VAL : INT_VAL(m);
    return true;
}

static const GetSetDef deque_getsets[] = {
    {"maxlen", get_maxlen, NULL},
    {NULL, NULL, NULL},
};

ObjType deque_type = {
    .hdr = OBJ_STATIC_HEADER(&type_type),
    .name = "collections.deque",
    .module = "collections",
    .basicsize = sizeof(ObjDeque),
    .flags = TYPE_BASETYPE | TYPE_SEQ_CONCAT,
    .base = &object_type,
    .methods = deque_methods,
    .getsets = deque_getsets,
    .trace = deque_trace,
    .free = deque_free,
    .new_ = deque_new_slot,
    .init = deque_init,
    .repr = deque_repr,
    .hash = rt_unhashable,
    .richcompare = deque_richcompare,
    .binop = deque_binop,
    .len = deque_len,
    .getitem = deque_getitem,
    .setitem = deque_setitem,
    .contains = deque_contains,
    .iter = deque_iter,
};
