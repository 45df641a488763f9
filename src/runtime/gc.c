// Mark-sweep collector and the allocation choke point (see gc.h).
//
// Invariants: every GC object is on vm->objects exactly once; static objects
// (GC_STATIC) are never linked, marked or freed; marking uses the explicit
// gray stack, never C recursion, so data nested 10^6 deep marks in constant C
// stack. When the gray stack cannot grow, the overflow flag makes the marker
// rescan the heap for marked objects instead of losing work.
#include "runtime/asyncio/aio.h"
#include "runtime/gc.h"

#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "runtime/exc.h"
#include "runtime/code.h"
#include "runtime/set.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

// Between collections the program may allocate as much as survived the last
// one (so marking costs at most one byte traced per byte allocated), and at
// least GC_MIN_ALLOC. Sweeping touches every dead block, so the garbage of
// one cycle should still sit in the CPU caches when it is swept and reused:
// most programs keep a small live heap (the benchmarks under 60 KB) and make
// much short-lived garbage, for which 512 KB beat 4 MB by 15% on str work
// and coroutine creation (bench/scripts/strs.py, coro_create.py; 256 KB and
// 1 MB were within 3% of it).
#define GC_MIN_ALLOC ((size_t)512 << 10)

static Obj *next_of(const Obj *o) { return (Obj *)(o->gcword & ~GC_BITS); }
static void link_next(Obj *o, Obj *n) { o->gcword = (uintptr_t)n | (o->gcword & GC_BITS); }

static bool should_fail(Vm *vm) {
    if (!vm->fail_at) return false;
    vm->alloc_count++;
    return vm->alloc_count == vm->fail_at || (vm->fail_persistent && vm->alloc_count > vm->fail_at);
}

static void collect(Vm *vm);

void *rt_realloc(Vm *vm, void *ptr, size_t old_size, size_t new_size) {
    if (new_size == 0) {
        pool_free(&vm->pool, ptr, old_size);
        vm->bytes_allocated -= old_size < vm->bytes_allocated ? old_size : vm->bytes_allocated;
        return NULL;
    }
    if (new_size > old_size) {
        if (!vm->gc_running && !vm->gc_disabled &&
            (AIOPY_GC_STRESS || vm->bytes_allocated + (new_size - old_size) > vm->next_gc))
            collect(vm);
        if (should_fail(vm)) {
            rt_raise_nomem(vm);
            return NULL;
        }
    }
    void *p = ptr ? pool_resize(&vm->pool, ptr, old_size, new_size) : pool_alloc(&vm->pool, new_size);
    if (!p) {
        rt_raise_nomem(vm);
        return NULL;
    }
    vm->bytes_allocated += new_size;
    vm->bytes_allocated -= old_size < vm->bytes_allocated ? old_size : vm->bytes_allocated;
    return p;
}

// rt_realloc's path for a fresh block, without its resize and free cases:
// every object comes through here (20 per turn of bench/scripts/strs.py).
static void *alloc_fresh(Vm *vm, size_t size) {
    if ((AIOPY_GC_STRESS || vm->bytes_allocated + size > vm->next_gc) && !vm->gc_running && !vm->gc_disabled)
        collect(vm);
    if (should_fail(vm)) {
        rt_raise_nomem(vm);
        return NULL;
    }
    void *p = pool_alloc(&vm->pool, size);
    if (!p) {
        rt_raise_nomem(vm);
        return NULL;
    }
    vm->bytes_allocated += size;
    return p;
}

void *rt_alloc(Vm *vm, size_t size) { return alloc_fresh(vm, size ? size : 1); }

void rt_free(Vm *vm, void *ptr, size_t size) {
    if (ptr) rt_realloc(vm, ptr, size, 0);
}

void gc_account(Vm *vm, size_t add, size_t sub) {
    vm->bytes_allocated += add;
    vm->bytes_allocated -= sub < vm->bytes_allocated ? sub : vm->bytes_allocated;
}

Obj *gc_alloc_partial(Vm *vm, ObjType *t, size_t size, size_t zeroed) {
    // The type must survive a collection triggered by this very allocation.
    bool heap_type = !(t->hdr.gcword & GC_STATIC);
    if (heap_type) gc_push_root(vm, OBJ_VAL(t));
    Obj *o = alloc_fresh(vm, size);
    if (heap_type) gc_pop_root(vm);
    if (!o) return NULL;
    memset(o, 0, zeroed);
    if (t->flags & TYPE_HAS_FINALIZER) vm->gc_finalizable++;
    o->type = t;
    o->gcword = (uintptr_t)vm->objects;
    vm->objects = o;
    return o;
}

Obj *gc_alloc(Vm *vm, ObjType *t, size_t size) { return gc_alloc_partial(vm, t, size, size); }

bool rt_size_mul(Vm *vm, size_t a, size_t b, size_t *out) {
    size_t r;
    if (__builtin_mul_overflow(a, b, &r) || r > (size_t)INT64_MAX) return rt_raise_nomem(vm);
    *out = r;
    return true;
}

bool rt_size_add(Vm *vm, size_t a, size_t b, size_t *out) {
    size_t r;
    if (__builtin_add_overflow(a, b, &r) || r > (size_t)INT64_MAX) return rt_raise_nomem(vm);
    *out = r;
    return true;
}

// ---- marking ----

static void gray_push(Vm *vm, Obj *o) {
    if (vm->gray_len == vm->gray_cap) {
        size_t cap = vm->gray_cap ? vm->gray_cap * 2 : 256;
        // Plain realloc: the gray stack is the collector's own memory.
        Obj **g = realloc(vm->gray, cap * sizeof *g);
        if (!g) {
            vm->gray_overflow = true;   // o stays marked; the rescan traces it
            return;
        }
        vm->gray = g;
        vm->gray_cap = cap;
    }
    vm->gray[vm->gray_len++] = o;
}

void gc_mark_obj(Vm *vm, Obj *o) {
    if (!o || (o->gcword & (GC_STATIC | GC_MARK))) return;
    o->gcword |= GC_MARK;
    gray_push(vm, o);
}

void gc_mark_value(Vm *vm, Value v) {
    if (IS_OBJ(v)) gc_mark_obj(vm, AS_OBJ(v));
}

static void trace_obj(Vm *vm, Obj *o) {
    gc_mark_obj(vm, &o->type->hdr);   // heap classes live as long as their instances
    if (o->type->trace) o->type->trace(vm, o);
}

static void drain(Vm *vm) {
    for (;;) {
        while (vm->gray_len) trace_obj(vm, vm->gray[--vm->gray_len]);
        if (!vm->gray_overflow) return;
        vm->gray_overflow = false;
        for (Obj *o = vm->objects; o; o = next_of(o))
            if (o->gcword & GC_MARK) trace_obj(vm, o);
    }
}

static void mark_roots(Vm *vm) {
    for (size_t i = 0; i < vm->ntemp_roots; i++) gc_mark_value(vm, vm->temp_roots[i]);
    gc_mark_value(vm, vm->exc);
    gc_mark_value(vm, vm->iter_stop);
    gc_mark_value(vm, vm->memory_error);
    gc_mark_value(vm, vm->modules);
    gc_mark_value(vm, vm->builtins);
    gc_mark_value(vm, vm->empty_str);
    gc_mark_value(vm, vm->empty_tuple);
    gc_mark_value(vm, vm->empty_bytes);
    gc_mark_value(vm, vm->context);
    for (size_t i = 0; i < 128; i++) gc_mark_value(vm, vm->small_strs[i]);
    for (size_t i = 0; i < NAME_COUNT_; i++) gc_mark_obj(vm, (Obj *)vm->names[i]);
    for (size_t i = 0; i < vm->finq_len; i++) gc_mark_obj(vm, vm->finq[i]);
    for (size_t i = 0; i < vm->descr_cache.cap; i++) gc_mark_obj(vm, vm->descr_cache.descrs[i]);
    if (vm->hooks.mark_roots) vm->hooks.mark_roots(vm);
    if (vm->aio) aio_mark_roots(vm);
}

// Unreachable objects with a pending finaliser are resurrected for one more
// cycle and queued; the GC_FINALIZED bit keeps them from being queued again.
static void queue_finalizers(Vm *vm) {
    // Most programs have no finalisable object alive: skip a walk of the
    // whole heap (which costs as much as the sweep) then.
    if (!vm->gc_finalizable) return;
    for (Obj *o = vm->objects; o; o = next_of(o)) {
        if ((o->gcword & (GC_MARK | GC_FINALIZED)) || !(o->type->flags & TYPE_HAS_FINALIZER))
            continue;
        if (vm->finq_len == vm->finq_cap) {
            size_t cap = vm->finq_cap ? vm->finq_cap * 2 : 16;
            Obj **q = realloc(vm->finq, cap * sizeof *q);
            if (!q) return;   // retried at the next collection
            vm->finq = q;
            vm->finq_cap = cap;
        }
        o->gcword |= GC_FINALIZED;
        vm->finq[vm->finq_len++] = o;
        gc_mark_obj(vm, o);
        if (vm->gc_finalizable < SIZE_MAX / 2) vm->gc_finalizable--;
    }
    drain(vm);
}

// ---- sweeping ----

static size_t obj_size(const Obj *o) {
    return o->type->size ? o->type->size(o) : o->type->basicsize;
}

// Releases [o]'s memory and returns its size; the caller settles the byte
// count once for the whole batch.
static size_t free_obj(Vm *vm, Obj *o) {
    size_t size = obj_size(o);
    if (o->type->free) o->type->free(vm, o);
#ifndef NDEBUG
    memset(o, 0xdb, size);
#endif
    pool_free(&vm->pool, o, size);
    return size;
}

// Types are freed after every other dead object, since their instances'
// free and size slots read them. Only type itself and classes made by
// Python code can be metaclasses.
static bool is_type_obj(const Obj *o) {
    return o->type == &type_type || ((o->type->flags & TYPE_HEAP) && type_is_subtype(o->type, &type_type));
}

static size_t free_types(Vm *vm, Obj *types) {
    size_t freed = 0;
    while (types) {
        Obj *n = next_of(types);
        freed += free_obj(vm, types);
        types = n;
    }
    return freed;
}

// Frees a list of objects (gc_free_all).
static void free_list(Vm *vm, Obj *list) {
    Obj *types = NULL, *types_tail = NULL;
    size_t freed = 0;
    while (list) {
        Obj *n = next_of(list);
        if (is_type_obj(list)) {
            list->gcword = 0;
            if (types_tail) types_tail->gcword = (uintptr_t)list;
            else types = list;
            types_tail = list;
        } else {
            freed += free_obj(vm, list);
        }
        list = n;
    }
    gc_account(vm, 0, freed + free_types(vm, types));
}

// One pass over the heap: survivors are relinked and unmarked, dead objects
// freed at once (types deferred, in newest-first order). A separate pass over
// a list of the dead cost a second cache miss per dead object: 8% of str work.
static void sweep(Vm *vm) {
    Obj *types = NULL, *types_tail = NULL, *keep = NULL, *tail = NULL;
    size_t freed = 0;
    for (Obj *o = vm->objects, *n; o; o = n) {
        n = next_of(o);
        if (o->gcword & GC_MARK) {
            o->gcword &= ~GC_MARK;
            if (tail) link_next(tail, o);
            else keep = o;
            tail = o;
        } else if (is_type_obj(o)) {
            o->gcword = 0;
            if (types_tail) types_tail->gcword = (uintptr_t)o;
            else types = o;
            types_tail = o;
        } else {
            freed += free_obj(vm, o);
        }
    }
    if (tail) link_next(tail, NULL);
    vm->objects = keep;
    gc_account(vm, 0, freed + free_types(vm, types));
}

static void collect(Vm *vm) {
    if (vm->gc_running) return;
    vm->gc_running = true;
    size_t since = vm->bytes_allocated > vm->gc_live ? vm->bytes_allocated - vm->gc_live : 0;
    vm->drop_gc_budget = vm->drop_gc_budget + since / 4 * 16 > vm->drop_gc_budget
                             ? vm->drop_gc_budget + since / 4 * 16 : SIZE_MAX;
    vm->gc_live_before = vm->gc_live;
    mark_roots(vm);
    drain(vm);
    if (vm->aio) aio_sweep_weak(vm);   // before finalisers resurrect dead tasks
    queue_finalizers(vm);
    str_sweep_interned(vm);
    sweep(vm);
    vm->gc_collections++;
    size_t before = vm->gc_live_before;
    vm->gc_live = vm->bytes_allocated;
    // A large heap that mostly survives while the program makes much
    // short-lived garbage (an event loop with thousands of parked tasks):
    // marking it again every `live` bytes was half of such a program's
    // time. When at most a quarter of what was allocated since the last
    // collection survived, allow twice as much before the next one.
    // Permanent objects cost a collection nothing: only the rest counts.
    size_t traced = vm->gc_live > vm->permanent_bytes ? vm->gc_live - vm->permanent_bytes : 0;
    size_t room = traced > GC_MIN_ALLOC ? traced : GC_MIN_ALLOC;
    if (traced > GC_MIN_ALLOC && before && vm->gc_live < before + (before / 4)) room *= 2;
    vm->next_gc = vm->gc_live + room;
    vm->gc_running = false;
}

void gc_run_finalizers(Vm *vm) {
    while (vm->finq_len) {
        Obj *o = vm->finq[--vm->finq_len];
        // Keep [o] alive while its finaliser runs (it may allocate).
        gc_push_root(vm, OBJ_VAL(o));
        if (o->type->finalize) o->type->finalize(vm, o);
        else if (vm->hooks.finalize) vm->hooks.finalize(vm, OBJ_VAL(o));
        gc_pop_root(vm);
    }
}

void gc_finalizer_done(Vm *vm, Obj *o) {
    if (o->gcword & (GC_FINALIZED | GC_STATIC)) return;
    o->gcword |= GC_FINALIZED;
    if ((o->type->flags & TYPE_HAS_FINALIZER) && vm->gc_finalizable && vm->gc_finalizable < SIZE_MAX / 2)
        vm->gc_finalizable--;
}

void gc_finalizer_rearm(Vm *vm, Obj *o) {
    if (!(o->gcword & GC_FINALIZED) || (o->gcword & GC_STATIC)) return;
    o->gcword &= ~GC_FINALIZED;
    if ((o->type->flags & TYPE_HAS_FINALIZER) && vm->gc_finalizable < SIZE_MAX / 2) vm->gc_finalizable++;
}

// ---- permanent objects ----

// The objects gc_make_permanent may take: immutable, and referring only to
// objects of these kinds (exact builtin types: a subclass could be mutated).
static bool permanent_kind(const Obj *o) {
    const ObjType *t = o->type;
    return t == &code_type || t == &str_type || t == &tuple_type || t == &frozenset_type ||
           t == &bytes_type || t == &int_type || t == &float_type;
}

typedef struct PermWalk {
    Obj **items;
    size_t n, cap;
    bool failed;
} PermWalk;

static void perm_visit(PermWalk *w, Value v) {
    if (!IS_OBJ(v)) return;
    Obj *o = AS_OBJ(v);
    if (o->gcword & (GC_STATIC | GC_MARK)) return;   // static, or visited
    if (!permanent_kind(o)) {
        w->failed = true;
        return;
    }
    if (w->n == w->cap) {
        size_t cap = w->cap ? w->cap * 2 : 256;
        Obj **n = realloc(w->items, cap * sizeof *n);
        if (!n) {
            w->failed = true;
            return;
        }
        w->items = n;
        w->cap = cap;
    }
    o->gcword |= GC_MARK;   // visited (cleared again below)
    w->items[w->n++] = o;
}

static void perm_children(PermWalk *w, Obj *o) {
    if (o->type == &code_type) {
        ObjCode *c = (ObjCode *)o;
        for (uint32_t i = 0; i < c->nconsts; i++) perm_visit(w, c->consts[i]);
        for (uint32_t i = 0; i < c->nnames; i++) perm_visit(w, c->names[i]);
        for (uint32_t i = 0; i < c->nlocalsplus; i++) perm_visit(w, c->localnames[i]);
        perm_visit(w, c->name);
        perm_visit(w, c->qualname);
        perm_visit(w, c->filename);
    } else if (o->type == &tuple_type) {
        ObjTuple *t = (ObjTuple *)o;
        for (size_t i = 0; i < t->len; i++) perm_visit(w, t->items[i]);
    } else if (o->type == &frozenset_type) {
        ObjSet *s = (ObjSet *)o;
        for (size_t i = 0; s->table && i <= s->mask; i++)
            if (s->table[i].key && s->table[i].key != SET_DUMMY) perm_visit(w, s->table[i].key);
    }
}

void gc_make_permanent(Vm *vm, Obj *root) {
    if (vm->gc_running || AIOPY_GC_STRESS) return;
    PermWalk w = {0};
    perm_visit(&w, OBJ_VAL(root));
    for (size_t i = 0; i < w.n && !w.failed; i++) perm_children(&w, w.items[i]);
    for (size_t i = 0; i < w.n; i++) {
        w.items[i]->gcword &= ~GC_MARK;
        if (!w.failed) w.items[i]->gcword |= GC_STATIC;
    }
    free(w.items);
    if (w.failed || !w.n) return;
    // Move them to the permanent list: collections neither trace them (a
    // static object is never marked) nor walk them when sweeping.
    size_t moved = 0;
    Obj *tail = NULL;
    for (Obj *o = vm->objects, *n; o && moved < w.n; o = n) {
        n = next_of(o);
        if (o->gcword & GC_STATIC) {
            link_next(o, vm->permanent);
            vm->permanent = o;
            vm->permanent_bytes += obj_size(o);
            moved++;
            if (tail) link_next(tail, n);
            else vm->objects = n;
            continue;
        }
        tail = o;
    }
}

void gc_collect(Vm *vm) {
    collect(vm);
    gc_run_finalizers(vm);
}

void gc_free_all(Vm *vm) {
    Obj *all = vm->objects;
    vm->objects = NULL;
    free_list(vm, all);
    // Permanent objects are GC_STATIC only while they live in this Vm.
    for (Obj *o = vm->permanent; o; o = next_of(o)) o->gcword &= ~GC_STATIC;
    all = vm->permanent;
    vm->permanent = NULL;
    free_list(vm, all);
    free(vm->gray);
    vm->gray = NULL;
    vm->gray_len = vm->gray_cap = 0;
    free(vm->finq);
    vm->finq = NULL;
    vm->finq_len = vm->finq_cap = 0;
}
