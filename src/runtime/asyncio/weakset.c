// _asyncio._WeakSet: a set of objects that does not keep them alive, for
// the async generators an event loop has seen (loop._asyncgens; CPython uses
// weakref.WeakSet). Members are compared by identity. The collector drops
// members nothing else reaches right after marking, before any finaliser
// runs (aio_sweep_weak), as CPython clears weak references first.
#include <stdlib.h>

#include "runtime/asyncio/aio.h"
#include "runtime/exc.h"
#include "runtime/gc.h"
#include "runtime/list.h"
#include "runtime/native.h"
#include "runtime/ops.h"
#include "runtime/type.h"

typedef struct ObjWeakSet {
    Obj hdr;
    Obj **items;
    size_t n, cap;
} ObjWeakSet;

extern ObjType aio_weakset_type;
#define AS_WEAKSET(v) ((ObjWeakSet *)AS_OBJ(v))

static void prune(ObjWeakSet *w) {
    size_t k = 0;
    for (size_t i = 0; i < w->n; i++)
        if (gc_is_marked(w->items[i]) || (w->items[i]->gcword & GC_STATIC)) w->items[k++] = w->items[i];
    w->n = k;
}

void aio_sweep_weaksets(Vm *vm) {
    AioState *st = vm->aio;
    size_t k = 0;
    for (size_t i = 0; i < st->nweaksets; i++) {
        Obj *o = st->weaksets[i];
        if (!gc_is_marked(o)) continue;   // the set itself is garbage
        prune((ObjWeakSet *)o);
        st->weaksets[k++] = o;
    }
    st->nweaksets = k;
}

static bool ws_new(Vm *vm, ObjType *t, Value *args, size_t nargs, Value kw, Value *out) {
    (void)args;
    TRY(rt_no_kwargs(vm, "_WeakSet", kw));
    TRY(rt_check_nargs(vm, "_WeakSet", nargs, 0, 0));
    AioState *st = aio_state(vm);
    TRY(st);
    if (st->nweaksets == st->wscap) {
        size_t cap = st->wscap ? st->wscap * 2 : 8;
        Obj **n = realloc(st->weaksets, cap * sizeof *n);
        if (!n) return rt_raise_nomem(vm);
        st->weaksets = n;
        st->wscap = cap;
    }
    Obj *o = gc_alloc(vm, t, sizeof(ObjWeakSet));
    TRY(o);
    st->weaksets[st->nweaksets++] = o;
    *out = OBJ_VAL(o);
    return true;
}

static void ws_free(Vm *vm, Obj *o) {
    ObjWeakSet *w = (ObjWeakSet *)o;
    rt_free(vm, w->items, w->cap * sizeof *w->items);
    w->items = NULL;
    w->n = w->cap = 0;
}

static long find(ObjWeakSet *w, Value v) {
    if (!IS_OBJ(v)) return -1;
    for (size_t i = 0; i < w->n; i++)
        if (w->items[i] == AS_OBJ(v)) return (long)i;
    return -1;
}

static bool m_add(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "add", kw));
    TRY(rt_check_nargs(vm, "add", nargs, 2, 2));
    ObjWeakSet *w = AS_WEAKSET(args[0]);
    if (!IS_OBJ(args[1])) return rt_raise(vm, &TypeError_type, "cannot create weak reference to '%s' object",
                                          type_name(rt_type(args[1])));
    if (find(w, args[1]) < 0) {
        if (w->n == w->cap) {
            size_t cap = w->cap ? w->cap * 2 : 8;
            Obj **n = rt_realloc(vm, w->items, w->cap * sizeof *n, cap * sizeof *n);
            if (!n) return false;
            w->items = n;
            w->cap = cap;
        }
        w->items[w->n++] = AS_OBJ(args[1]);
    }
    *out = NONE_VAL;
    return true;
}

static bool m_discard(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "discard", kw));
    TRY(rt_check_nargs(vm, "discard", nargs, 2, 2));
    ObjWeakSet *w = AS_WEAKSET(args[0]);
    long i = find(w, args[1]);
    if (i >= 0) {
        for (size_t j = (size_t)i + 1; j < w->n; j++) w->items[j - 1] = w->items[j];
        w->n--;
    }
    *out = NONE_VAL;
    return true;
}

static bool m_clear(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "clear", kw));
    TRY(rt_check_nargs(vm, "clear", nargs, 1, 1));
    AS_WEAKSET(args[0])->n = 0;
    *out = NONE_VAL;
    return true;
}

static bool ws_len(Vm *vm, Value self, int64_t *out) {
    (void)vm;
    *out = (int64_t)AS_WEAKSET(self)->n;
    return true;
}

static int ws_contains(Vm *vm, Value self, Value x) {
    (void)vm;
    return find(AS_WEAKSET(self), x) >= 0;
}

// Iterates over a snapshot, in the order members were added.
static bool ws_iter(Vm *vm, Value self, Value *out) {
    ObjWeakSet *w = AS_WEAKSET(self);
    ObjList *l = list_new(vm, w->n);
    TRY(l);
    for (size_t i = 0; i < w->n; i++) l->items[i] = OBJ_VAL(w->items[i]);
    l->len = w->n;
    gc_push_root(vm, OBJ_VAL(l));
    bool ok = rt_iter(vm, OBJ_VAL(l), out);
    gc_pop_root(vm);
    return ok;
}

static const MethodDef ws_methods[] = {
    {"add", m_add, 0},
    {"discard", m_discard, 0},
    {"clear", m_clear, 0},
    {NULL, NULL, 0},
};

ObjType aio_weakset_type = {
    .hdr = OBJ_STATIC_HEADER(&type_type),
    .name = "_WeakSet",
    .module = "_asyncio",
    .basicsize = sizeof(ObjWeakSet),
    .base = &object_type,
    .methods = ws_methods,
    .free = ws_free,
    .new_ = ws_new,
    .len = ws_len,
    .contains = ws_contains,
    .iter = ws_iter,
};
