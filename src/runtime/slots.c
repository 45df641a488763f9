// Slot functions of user classes: each looks the dunder up on the instance's
// type and calls it (through rt_call, hence vm->hooks.call for Python
// functions). When the dunder resolves to a builtin class instead, the
// builtin class's C slot runs directly, so `class E(Exception)` keeps
// Exception's repr without a Python-level call.
//
// slots_fill decides, per slot, whether a heap class in the MRO defines one
// of the slot's dunders (install the dispatcher) or not (inherit the first
// builtin class's slot). Layout slots (trace/free/size) always come from
// the static root, plus the instance dict.
#include <string.h>

#include "runtime/dict.h"
#include "runtime/exc.h"
#include "runtime/gc.h"
#include "runtime/int.h"
#include "runtime/native.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"

static ObjType *static_root(ObjType *t) {
    while (TYPE_IS_HEAP(t)) t = t->base;
    return t;
}

// Looks [name] up on type(self). 1: *fn is a heap-defined callable; 0: not
// defined by a heap class (*owner = the builtin class that has it, or NULL);
// -1 error.
static int find(Vm *vm, Value self, ObjStr *name, Value *fn, ObjType **owner) {
    *owner = NULL;
    int r = type_lookup(vm, rt_type(self), name, fn, owner);
    if (r <= 0) return r;
    if (!TYPE_IS_HEAP(*owner)) return 0;
    return 1;
}

// Calls the dunder [fn] found on type(self) with self and [args].
static bool call_found(Vm *vm, Value fn, Value self, Value *args, size_t nargs, Value *out) {
    ObjType *ft = rt_type(fn);
    Value stack[8];
    if ((ft->flags & TYPE_METHOD_DESCR) || !ft->descr_get) {
        if (!(ft->flags & TYPE_METHOD_DESCR)) return rt_call(vm, fn, args, nargs, VAL_NULL, out);
        Value *a = nargs + 1 <= 8 ? stack : rt_alloc(vm, (nargs + 1) * sizeof(Value));
        TRY(a);
        a[0] = self;
        if (nargs) memcpy(a + 1, args, nargs * sizeof(Value));
        gc_push_root(vm, fn);
        bool ok = rt_call(vm, fn, a, nargs + 1, VAL_NULL, out);
        gc_pop_root(vm);
        if (a != stack) rt_free(vm, a, (nargs + 1) * sizeof(Value));
        return ok;
    }
    Value bound;
    gc_push_root(vm, fn);
    bool ok = ft->descr_get(vm, fn, self, rt_type(self), &bound);
    gc_pop_root(vm);
    TRY(ok);
    gc_push_root(vm, bound);
    ok = rt_call(vm, bound, args, nargs, VAL_NULL, out);
    gc_pop_root(vm);
    return ok;
}

bool rt_call_method(Vm *vm, Value self, ObjStr *name, Value *args, size_t nargs, Value *out) {
    Value fn;
    ObjType *owner;
    int r = type_lookup(vm, rt_type(self), name, &fn, &owner);
    if (r < 0) return false;
    if (r == 0) return rt_raise_no_attr(vm, self, name);
    return call_found(vm, fn, self, args, nargs, out);
}

#define FIND_OR_BASE(name, slot, ...)                                            \
    Value fn;                                                                    \
    ObjType *owner;                                                              \
    int r_ = find(vm, self, name, &fn, &owner);                                  \
    if (r_ < 0) return false;                                                    \
    if (r_ == 0) {                                                               \
        __typeof__(owner->slot) s_ = TYPE_SLOT(owner ? owner : static_root(rt_type(self)), slot); \
        __VA_ARGS__                                                              \
    }

static bool slot_repr(Vm *vm, Value self, Value *out) {
    FIND_OR_BASE(NAME(vm, repr), repr, if (s_) return s_(vm, self, out);)
    if (r_ == 0) {   // object.__repr__
        ObjStr *s = rt_format_cmsg(vm, "<%s object at %p>", type_name(rt_type(self)), (void *)AS_OBJ(self));
        TRY(s);
        *out = OBJ_VAL(s);
        return true;
    }
    TRY(call_found(vm, fn, self, NULL, 0, out));
    if (!IS_STR(*out))
        return rt_raise(vm, &TypeError_type, "__repr__ returned non-string (type %s)",
                        type_name(rt_type(*out)));
    return true;
}

static bool slot_str(Vm *vm, Value self, Value *out) {
    FIND_OR_BASE(NAME(vm, str), str, if (s_) return s_(vm, self, out); return rt_repr(vm, self, out);)
    TRY(call_found(vm, fn, self, NULL, 0, out));
    if (!IS_STR(*out))
        return rt_raise(vm, &TypeError_type, "__str__ returned non-string (type %s)",
                        type_name(rt_type(*out)));
    return true;
}

static bool slot_hash(Vm *vm, Value self, int64_t *out) {
    FIND_OR_BASE(NAME(vm, hash), hash, if (s_) return s_(vm, self, out); return rt_unhashable(vm, self, out);)
    if (IS_NONE(fn)) return rt_unhashable(vm, self, out);
    Value h;
    TRY(call_found(vm, fn, self, NULL, 0, &h));
    if (!IS_ANYINT(h))
        return rt_raise(vm, &TypeError_type, "__hash__ method should return an integer");
    // A result that fits is the hash itself (-1 is reserved); only bigger
    // ones are reduced, by int's hash, as CPython's slot_tp_hash does.
    int64_t v;
    h = int_unbool(h);
    if (IS_INT(h)) {
        v = AS_INT(h);
    } else if (!int_as_i64(vm, h, &v)) {
        rt_exc_clear(vm);
        v = int_hash(h);
    }
    *out = v == -1 ? -2 : v;
    return true;
}

static ObjStr *cmp_name(Vm *vm, CmpOp op) {
    static const int ids[] = {NAME_lt, NAME_le, NAME_eq, NAME_ne, NAME_gt, NAME_ge};
    return vm->names[ids[op]];
}

static bool slot_richcompare(Vm *vm, Value a, Value b, CmpOp op, Value *out) {
    // Called for either operand's type; the receiver is the one whose type
    // has this slot (CPython tries a then b with the reflected op).
    Value self = a;
    FIND_OR_BASE(cmp_name(vm, op), richcompare, if (s_) return s_(vm, a, b, op, out); *out = NOTIMPL_VAL; return true;)
    if (IS_NONE(fn)) {
        *out = NOTIMPL_VAL;
        return true;
    }
    return call_found(vm, fn, a, &b, 1, out);
}

static int slot_truth(Vm *vm, Value self) {
    Value fn, r;
    ObjType *owner;
    int f = find(vm, self, NAME(vm, bool), &fn, &owner);
    if (f < 0) return -1;
    if (f) {
        if (!call_found(vm, fn, self, NULL, 0, &r)) return -1;
        if (!IS_BOOL(r)) {
            rt_raise(vm, &TypeError_type, "__bool__ should return bool, returned %s",
                     type_name(rt_type(r)));
            return -1;
        }
        return r == TRUE_VAL;
    }
    f = find(vm, self, NAME(vm, len), &fn, &owner);
    if (f < 0) return -1;
    if (f) {
        int64_t n;
        if (!rt_len(vm, self, &n)) return -1;
        return n != 0;
    }
    int (*s)(Vm *, Value) = TYPE_SLOT(static_root(rt_type(self)), truth);
    if (s) return s(vm, self);
    bool (*len)(Vm *, Value, int64_t *) = TYPE_SLOT(static_root(rt_type(self)), len);
    if (len) {
        int64_t n;
        if (!len(vm, self, &n)) return -1;
        return n != 0;
    }
    return 1;
}

static int slot_getattr(Vm *vm, Value self, ObjStr *name, Value *out) {
    Value fn, a[1] = {OBJ_VAL(name)};
    ObjType *owner;
    int f = find(vm, self, NAME(vm, getattribute), &fn, &owner);
    if (f < 0) return -1;
    int r;
    if (f) {
        r = call_found(vm, fn, self, a, 1, out) ? 1 : -1;
        if (r < 0 && rt_exc_matches(vm, &AttributeError_type)) r = 0;   // try __getattr__
    } else {
        int (*g)(Vm *, Value, ObjStr *, Value *) = TYPE_SLOT(owner ? owner : static_root(rt_type(self)), getattr);
        r = g ? g(vm, self, name, out) : object_getattr(vm, self, name, out);
    }
    if (r != 0) return r;
    f = find(vm, self, NAME(vm, getattr), &fn, &owner);
    if (f <= 0) return f;   // no __getattr__: keep the pending AttributeError (or none)
    rt_exc_clear(vm);
    if (call_found(vm, fn, self, a, 1, out)) return 1;
    return -1;
}

static bool slot_setattr(Vm *vm, Value self, ObjStr *name, Value v) {
    Value fn, a[2] = {OBJ_VAL(name), v}, r;
    ObjType *owner;
    int f = find(vm, self, v ? NAME(vm, setattr) : NAME(vm, delattr), &fn, &owner);
    if (f < 0) return false;
    if (f) return call_found(vm, fn, self, a, v ? 2 : 1, &r);
    bool (*s)(Vm *, Value, ObjStr *, Value) = TYPE_SLOT(owner ? owner : static_root(rt_type(self)), setattr);
    return s ? s(vm, self, name, v) : object_setattr(vm, self, name, v);
}

static bool slot_descr_get(Vm *vm, Value descr, Value obj, ObjType *owner_t, Value *out) {
    Value self = descr;
    FIND_OR_BASE(NAME(vm, get), descr_get, if (s_) return s_(vm, descr, obj, owner_t, out); *out = descr; return true;)
    Value a[2] = {obj ? obj : NONE_VAL, OBJ_VAL(owner_t)};
    return call_found(vm, fn, descr, a, 2, out);
}

static bool slot_descr_set(Vm *vm, Value descr, Value obj, Value v) {
    Value self = descr, r;
    FIND_OR_BASE(v ? NAME(vm, set) : NAME(vm, delete), descr_set,
                 if (s_) return s_(vm, descr, obj, v);
                 return rt_raise(vm, &AttributeError_type, v ? "__set__" : "__delete__");)
    Value a[2] = {obj, v};
    return call_found(vm, fn, descr, a, v ? 2 : 1, &r);
}

static bool slot_call(Vm *vm, Value self, Value *args, size_t nargs, Value kwnames, Value *out) {
    FIND_OR_BASE(NAME(vm, call), call, if (s_) return s_(vm, self, args, nargs, kwnames, out); return rt_raise_not_callable(vm, self);)
    TRY(rt_enter(vm, RT_WHERE_CALL));
    bool ok;
    if (!kwnames) {
        ok = call_found(vm, fn, self, args, nargs, out);
    } else {   // keywords: bind first, then forward everything
        Value bound;
        ObjType *ft = rt_type(fn);
        ok = ft->descr_get ? ft->descr_get(vm, fn, self, rt_type(self), &bound) : (bound = fn, true);
        if (ok) {
            gc_push_root(vm, bound);
            ok = rt_call(vm, bound, args, nargs, kwnames, out);
            gc_pop_root(vm);
        }
    }
    rt_leave(vm);
    return ok;
}

static bool slot_binop(Vm *vm, int op, Value a, Value b, Value *out) {
    bool inplace = op & BINOP_INPLACE;
    int base = op & ~BINOP_INPLACE;
    ObjStr *fwd = vm->names[NAME_add + base * 3], *rev = vm->names[NAME_add + base * 3 + 1],
           *inp = vm->names[NAME_add + base * 3 + 2];
    Value fn;
    ObjType *owner;
    int f;
    if (inplace && type_has_heap_attr(vm, rt_type(a), inp)) {
        f = find(vm, a, inp, &fn, &owner);
        if (f < 0) return false;
        if (f) {
            TRY(call_found(vm, fn, a, &b, 1, out));
            if (*out != NOTIMPL_VAL) return true;
        }
    }
    // Receiver a: a.__op__(b); receiver b: b.__rop__(a).
    if (TYPE_SLOT(rt_type(a), binop) == slot_binop) {
        f = find(vm, a, fwd, &fn, &owner);
        if (f < 0) return false;
        if (f) {
            TRY(call_found(vm, fn, a, &b, 1, out));
            if (*out != NOTIMPL_VAL) return true;
        } else {
            bool (*s)(Vm *, int, Value, Value, Value *) = TYPE_SLOT(static_root(rt_type(a)), binop);
            if (s) {
                TRY(s(vm, base, a, b, out));
                if (*out != NOTIMPL_VAL) return true;
            }
        }
    }
    if (rt_type(b) != rt_type(a) && TYPE_SLOT(rt_type(b), binop) == slot_binop) {
        f = find(vm, b, rev, &fn, &owner);
        if (f < 0) return false;
        if (f) return call_found(vm, fn, b, &a, 1, out);
        bool (*s)(Vm *, int, Value, Value, Value *) = TYPE_SLOT(static_root(rt_type(b)), binop);
        if (s) return s(vm, base, a, b, out);
    }
    *out = NOTIMPL_VAL;
    return true;
}

static bool slot_unop(Vm *vm, UnOp op, Value self, Value *out) {
    static const int ids[] = {NAME_neg, NAME_pos, NAME_invert, NAME_abs};
    static const char *const syms[] = {"-", "+", "~", "abs()"};
    FIND_OR_BASE(vm->names[ids[op]], unop, if (s_) return s_(vm, op, self, out);
                 return rt_raise(vm, &TypeError_type, "bad operand type for unary %s: '%s'", syms[op],
                                 type_name(rt_type(self)));)
    return call_found(vm, fn, self, NULL, 0, out);
}

static bool slot_index(Vm *vm, Value self, Value *out) {
    FIND_OR_BASE(NAME(vm, index), index, if (s_) return s_(vm, self, out);
                 return rt_raise(vm, &TypeError_type, "'%s' object cannot be interpreted as an integer",
                                 type_name(rt_type(self)));)
    TRY(call_found(vm, fn, self, NULL, 0, out));
    if (!IS_ANYINT(*out))
        return rt_raise(vm, &TypeError_type, "__index__ returned non-int (type %s)", type_name(rt_type(*out)));
    return true;
}

static bool slot_len(Vm *vm, Value self, int64_t *out) {
    FIND_OR_BASE(NAME(vm, len), len, if (s_) return s_(vm, self, out);
                 return rt_raise(vm, &TypeError_type, "object of type '%s' has no len()",
                                 type_name(rt_type(self)));)
    Value r;
    TRY(call_found(vm, fn, self, NULL, 0, &r));
    if (!IS_ANYINT(r))
        return rt_raise(vm, &TypeError_type, "'%s' object cannot be interpreted as an integer",
                        type_name(rt_type(r)));
    if (int_sign(r) < 0) return rt_raise(vm, &ValueError_type, "__len__() should return >= 0");
    return rt_index(vm, r, out);
}

static bool slot_getitem(Vm *vm, Value self, Value key, Value *out) {
    FIND_OR_BASE(NAME(vm, getitem), getitem, if (s_) return s_(vm, self, key, out);
                 return rt_raise(vm, &TypeError_type, "'%s' object is not subscriptable",
                                 type_name(rt_type(self)));)
    return call_found(vm, fn, self, &key, 1, out);
}

static bool slot_setitem(Vm *vm, Value self, Value key, Value v) {
    Value r, a[2] = {key, v};
    FIND_OR_BASE(v ? NAME(vm, setitem) : NAME(vm, delitem), setitem, if (s_) return s_(vm, self, key, v);
                 return rt_raise(vm, &TypeError_type, v ? "'%s' object does not support item assignment"
                                                        : "'%s' object doesn't support item deletion",
                                 type_name(rt_type(self)));)
    return call_found(vm, fn, self, a, v ? 2 : 1, &r);
}

static int slot_contains(Vm *vm, Value self, Value x) {
    Value fn, r;
    ObjType *owner;
    int f = find(vm, self, NAME(vm, contains), &fn, &owner);
    if (f < 0) return -1;
    if (f == 0) {
        int (*s)(Vm *, Value, Value) = TYPE_SLOT(owner ? owner : static_root(rt_type(self)), contains);
        if (s) return s(vm, self, x);
        // Fall back to iteration, as CPython.
        Value it, v;
        if (!rt_iter(vm, self, &it)) return -1;
        gc_push_root(vm, it);
        IterResult ir;
        int found = 0;
        while (!found && (ir = rt_next(vm, it, &v)) == ITER_NEXT) found = rt_eq(vm, v, x);
        gc_pop_root(vm);
        return found < 0 || (!found && ir == ITER_ERROR) ? -1 : found;
    }
    if (!call_found(vm, fn, self, &x, 1, &r)) return -1;
    return rt_is_true(vm, r);
}

static bool slot_iter(Vm *vm, Value self, Value *out) {
    FIND_OR_BASE(NAME(vm, iter), iter, if (s_) return s_(vm, self, out);
                 return rt_raise(vm, &TypeError_type, "'%s' object is not iterable", type_name(rt_type(self)));)
    if (IS_NONE(fn))
        return rt_raise(vm, &TypeError_type, "'%s' object is not iterable", type_name(rt_type(self)));
    TRY(call_found(vm, fn, self, NULL, 0, out));
    if (!TYPE_SLOT(rt_type(*out), iternext))
        return rt_raise(vm, &TypeError_type, "iter() returned non-iterator of type '%s'",
                        type_name(rt_type(*out)));
    return true;
}

static IterResult slot_iternext(Vm *vm, Value self, Value *out) {
    Value fn;
    ObjType *owner;
    int f = find(vm, self, NAME(vm, next), &fn, &owner);
    if (f < 0) return ITER_ERROR;
    if (f == 0) {
        IterResult (*s)(Vm *, Value, Value *) = TYPE_SLOT(owner ? owner : static_root(rt_type(self)), iternext);
        if (s) return s(vm, self, out);
        rt_raise(vm, &TypeError_type, "'%s' object is not an iterator", type_name(rt_type(self)));
        return ITER_ERROR;
    }
    if (call_found(vm, fn, self, NULL, 0, out)) return ITER_NEXT;
    if (rt_exc_matches(vm, &StopIteration_type)) {
        vm->iter_stop = rt_exc_take(vm);
        return ITER_DONE;
    }
    return ITER_ERROR;
}

static bool slot_init(Vm *vm, Value self, Value *args, size_t nargs, Value kwnames) {
    Value fn, r;
    ObjType *owner;
    int f = find(vm, self, NAME(vm, init), &fn, &owner);
    if (f < 0) return false;
    if (f == 0) {
        bool (*s)(Vm *, Value, Value *, size_t, Value) = TYPE_SLOT(owner ? owner : static_root(rt_type(self)), init);
        return s ? s(vm, self, args, nargs, kwnames) : true;
    }
    Value bound;
    ObjType *ft = rt_type(fn);
    if (ft->descr_get) {
        TRY(ft->descr_get(vm, fn, self, rt_type(self), &bound));
    } else {
        bound = fn;
    }
    gc_push_root(vm, bound);
    bool ok = rt_call(vm, bound, args, nargs, kwnames, &r);
    gc_pop_root(vm);
    TRY(ok);
    if (!IS_NONE(r))
        return rt_raise(vm, &TypeError_type, "__init__() should return None, not '%s'",
                        type_name(rt_type(r)));
    return true;
}

static bool slot_new(Vm *vm, ObjType *t, Value *args, size_t nargs, Value kwnames, Value *out) {
    Value fn;
    ObjType *owner = NULL;
    int f = type_lookup(vm, t, NAME(vm, new), &fn, &owner);
    if (f < 0) return false;
    if (f == 0 || !TYPE_IS_HEAP(owner)) {
        bool (*s)(Vm *, ObjType *, Value *, size_t, Value, Value *) =
            TYPE_SLOT(owner ? owner : static_root(t), new_);
        return s(vm, t, args, nargs, kwnames, out);
    }
    // __new__ is an implicit staticmethod: call fn(cls, *args, **kw).
    size_t nkw = kwnames ? AS_TUPLE(kwnames)->len : 0, n = nargs + nkw + 1;
    Value *a = rt_alloc(vm, n * sizeof(Value));
    TRY(a);
    a[0] = OBJ_VAL(t);
    if (nargs + nkw) memcpy(a + 1, args, (nargs + nkw) * sizeof(Value));
    gc_push_root(vm, fn);
    Value callee = fn;
    if (IS_OBJ(fn) && rt_type(fn)->descr_get && !(rt_type(fn)->flags & TYPE_METHOD_DESCR)) {
        // staticmethod(...) wrapper: unwrap through its __get__.
        if (!rt_type(fn)->descr_get(vm, fn, VAL_NULL, t, &callee)) callee = VAL_NULL;
    }
    bool ok = callee && rt_call(vm, callee, a, nargs + 1, kwnames, out);
    gc_pop_root(vm);
    rt_free(vm, a, n * sizeof(Value));
    return ok;
}

static void heap_trace(Vm *vm, Obj *o) {
    ObjType *t = o->type, *root = static_root(t);
    void (*tr)(Vm *, Obj *) = TYPE_SLOT(root, trace);
    if (tr) tr(vm, o);
    (void)t;
    Value *d = obj_dict_slot(OBJ_VAL(o));
    if (d) gc_mark_value(vm, *d);
}

// Variable-size layouts: the builtin's size, then the aligned dict (type.h).
static size_t heap_size(const Obj *o) {
    ObjType *t = o->type, *root = static_root(t);
    size_t (*sz)(const Obj *) = TYPE_SLOT(root, size);
    return t->dictoffset == TYPE_DICT_AT_END ? type_dict_at_end_size(sz(o)) : sz(o);
}

static void heap_finalize(Vm *vm, Obj *o) {
    Value fn, r;
    ObjType *owner;
    if (find(vm, OBJ_VAL(o), NAME(vm, del), &fn, &owner) == 1) {
        Value saved = rt_exc_take(vm);
        if (!call_found(vm, fn, OBJ_VAL(o), NULL, 0, &r) && vm->hooks.finalize)
            vm->hooks.finalize(vm, OBJ_VAL(o));   // the VM prints "Exception ignored in"
        rt_exc_clear(vm);
        vm->exc = saved;
    }
}

// True when a heap class in t's MRO (before any builtin class) defines one of [names].
static bool defines(Vm *vm, ObjType *t, const int *ids, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (type_has_heap_attr(vm, t, vm->names[ids[i]])) return true;
    return false;
}

#define PICK(slot, disp, ...)                                                    \
    do {                                                                         \
        static const int ids_[] = {__VA_ARGS__};                                 \
        t->slot = defines(vm, t, ids_, sizeof ids_ / sizeof *ids_) ? disp : TYPE_SLOT(root, slot); \
    } while (0)

void slots_fill(Vm *vm, ObjType *t) {
    ObjType *root = static_root(t);
    t->trace = heap_trace;
    t->free = TYPE_SLOT(root, free);
    t->size = t->dictoffset == TYPE_DICT_AT_END ? heap_size : NULL;
    t->finalize = (t->flags & TYPE_HAS_FINALIZER) && type_has_heap_attr(vm, t, NAME(vm, del))
                  ? heap_finalize : TYPE_SLOT(root, finalize);
    t->methods = NULL;
    t->getsets = NULL;
    t->new_ = slot_new;
    t->init = slot_init;
    PICK(call, slot_call, NAME_call);
    PICK(repr, slot_repr, NAME_repr);
    PICK(str, slot_str, NAME_str);
    PICK(hash, slot_hash, NAME_hash);
    PICK(richcompare, slot_richcompare, NAME_eq, NAME_ne, NAME_lt, NAME_le, NAME_gt, NAME_ge);
    PICK(truth, (int (*)(Vm *, Value))slot_truth, NAME_bool, NAME_len);
    PICK(getattr, slot_getattr, NAME_getattribute, NAME_getattr);
    PICK(setattr, slot_setattr, NAME_setattr, NAME_delattr);
    PICK(descr_get, slot_descr_get, NAME_get);
    PICK(descr_set, slot_descr_set, NAME_set, NAME_delete);
    {
        bool any = false;
        for (int k = NAME_add; k <= NAME_idivmod_unused && !any; k++)
            any = type_has_heap_attr(vm, t, vm->names[k]);
        t->binop = any ? slot_binop : TYPE_SLOT(root, binop);
    }
    PICK(unop, slot_unop, NAME_neg, NAME_pos, NAME_invert, NAME_abs);
    PICK(index, slot_index, NAME_index);
    PICK(len, slot_len, NAME_len);
    PICK(getitem, slot_getitem, NAME_getitem);
    PICK(setitem, slot_setitem, NAME_setitem, NAME_delitem);
    PICK(contains, slot_contains, NAME_contains);
    PICK(iter, slot_iter, NAME_iter);
    PICK(iternext, slot_iternext, NAME_next);
    if (!t->getattr) t->getattr = object_getattr;
    if (!t->setattr) t->setattr = object_setattr;
    if (!t->repr) t->repr = slot_repr;
}
