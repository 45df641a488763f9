// _aiopy: private helpers for the modules written in Python (types,
// inspect): what needs the C side of objects, such as code flags.
#include <string.h>

#include "runtime/code.h"
#include "runtime/dict.h"
#include "runtime/exc.h"
#include "runtime/frame.h"
#include "runtime/str.h"
#include "runtime/func.h"
#include "runtime/gc.h"
#include "runtime/tuple.h"
#include "runtime/modules.h"
#include "runtime/native.h"
#include "runtime/ops.h"
#include "runtime/type.h"

// types.coroutine on a generator function: flags its code as an iterable
// coroutine (CPython replaces __code__ with a flagged copy; the code object
// is shared here, which only differs for two functions made from one def).
static bool a_mark_iterable_coroutine(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "mark_iterable_coroutine", kw));
    TRY(rt_check_nargs(vm, "mark_iterable_coroutine", nargs, 1, 1));
    if (!IS_FUNCTION(args[0]))
        return rt_raise(vm, &TypeError_type, "expected a function, not %s", type_name(rt_type(args[0])));
    ObjCode *co = AS_FUNCTION(args[0])->code;
    co->flags |= CODE_ITERABLE_COROUTINE;
    *out = args[0];
    return true;
}

// The slots that stand for dunders on builtin types (their method tables
// do not list them).
static const struct {
    const char *name;
    size_t offset;
} slot_names[] = {
    {"__iter__", offsetof(ObjType, iter)},       {"__next__", offsetof(ObjType, iternext)},
    {"__len__", offsetof(ObjType, len)},         {"__contains__", offsetof(ObjType, contains)},
    {"__call__", offsetof(ObjType, call)},       {"__await__", offsetof(ObjType, await_)},
    {"__getitem__", offsetof(ObjType, getitem)}, {"__hash__", offsetof(ObjType, hash)},
};

// own_attr(cls, name): what cls itself (not its bases) defines as [name]:
// the value for classes made by Python code, True for a builtin type that
// implements it, None for a builtin type that blocks it (unhashable), and
// NotImplemented when cls does not define it (collections.abc's MRO walk).
static bool a_own_attr(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "own_attr", kw));
    TRY(rt_check_nargs(vm, "own_attr", nargs, 2, 2));
    if (!IS_TYPE(args[0]) || !IS_STR(args[1]))
        return rt_raise(vm, &TypeError_type, "own_attr() expects a class and a str");
    ObjType *t = AS_TYPE(args[0]);
    ObjStr *name = AS_STR(args[1]);
    *out = NOTIMPL_VAL;
    if (t->flags & TYPE_HEAP) {
        Value v;
        int r = t->dict ? dict_get_str(vm, AS_DICT(t->dict), name, &v) : 0;
        if (r < 0) return false;
        if (r == 1) *out = v;
        return true;
    }
    for (const MethodDef *m = t->methods; m && m->name; m++)
        if (str_eq_cstr(name, m->name)) return *out = TRUE_VAL, true;
    for (size_t i = 0; i < sizeof slot_names / sizeof *slot_names; i++) {
        if (!str_eq_cstr(name, slot_names[i].name)) continue;
        void *slot;
        memcpy(&slot, (const char *)t + slot_names[i].offset, sizeof slot);
        if (slot == (void *)rt_unhashable) *out = NONE_VAL;   // list.__hash__ is None
        else if (slot) *out = TRUE_VAL;
        return true;
    }
    return true;
}

// caller_globals(n): the globals of the Python frame n levels up from the
// one calling it (0: that frame itself), None past the outermost; what
// CPython code reads as sys._getframe(n).f_globals (aiopy has no frame
// objects for plain calls), e.g. for namedtuple's __module__.
static bool a_caller_globals(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "caller_globals", kw));
    TRY(rt_check_nargs(vm, "caller_globals", nargs, 1, 1));
    if (!IS_INT(args[0]) || AS_INT(args[0]) < 0)
        return rt_raise(vm, &ValueError_type, "caller_globals() expects a depth >= 0");
    Frame *f = VM_TS(vm) ? VM_TS(vm)->current : NULL;
    for (int64_t n = AS_INT(args[0]); f && n > 0; n--) f = f->previous;
    *out = f ? f->globals : NONE_VAL;
    return true;
}

// heap_stats() -> (live bytes, live objects, collections so far), after a
// full collection: for benchmarks that measure memory per object and for
// tests of the collector's behaviour.
// heap_stats(True): a dict {type name: live objects} instead, to find
// what a program keeps alive.
static bool type_histogram(Vm *vm, Value *out) {
    ObjDict *d = dict_new(vm);
    TRY(d);
    gc_push_root(vm, OBJ_VAL(d));
    bool was = vm->gc_disabled;
    vm->gc_disabled = true;   // the walk must not see objects freed under it
    bool ok = true;
    for (Obj *o = vm->objects; o && ok; o = (Obj *)(o->gcword & ~GC_BITS)) {
        ObjStr *k = str_intern_cstr(vm, type_name(o->type));
        Value n;
        ok = k != NULL;
        if (ok) {
            int r = dict_get_str(vm, d, k, &n);
            ok = dict_set(vm, d, OBJ_VAL(k), INT_VAL(r == 1 ? AS_INT(n) + 1 : 1));
        }
    }
    vm->gc_disabled = was;
    // The C roots in use by the callers (a leak there keeps objects alive).
    ok = ok && dict_set_cstr(vm, d, "<temporary roots>", INT_VAL((int64_t)vm->ntemp_roots - 1));
    gc_pop_root(vm);
    *out = OBJ_VAL(d);
    return ok;
}

static bool a_heap_stats(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "heap_stats", kw));
    TRY(rt_check_nargs(vm, "heap_stats", nargs, 0, 1));
    gc_collect(vm);
    if (nargs == 1 && args[0] == TRUE_VAL) return type_histogram(vm, out);
    size_t n = 0;
    for (Obj *o = vm->objects; o; o = (Obj *)(o->gcword & ~GC_BITS)) n++;
    Value items[3] = {INT_VAL((int64_t)vm->gc_live), INT_VAL((int64_t)n), INT_VAL((int64_t)vm->gc_collections)};
    ObjTuple *t = tuple_from(vm, items, 3);
    TRY(t);
    *out = OBJ_VAL(t);
    return true;
}

static const MethodDef aiopy_defs[] = {
    {"heap_stats", a_heap_stats, 0},
    {"own_attr", a_own_attr, 0},
    {"caller_globals", a_caller_globals, 0},
    {"mark_iterable_coroutine", a_mark_iterable_coroutine, 0},
    {NULL, NULL, 0},
};

bool rt_aiopy_init(Vm *vm, ObjModule *m) { return module_add_functions(vm, m, aiopy_defs); }
