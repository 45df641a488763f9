// object: the root class and the generic attribute protocol (descriptors on
// the type, then the instance __dict__), which every other type inherits.
#include <string.h>

#include "runtime/dict.h"
#include "runtime/exc.h"
#include "runtime/gc.h"
#include "runtime/list.h"
#include "runtime/native.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"
#include "util/buf.h"

extern bool fmt_dunder_format(Vm *vm, Value *args, size_t nargs, Value kw, Value *out);

bool rt_raise_no_attr(Vm *vm, Value v, ObjStr *name) {
    if (IS_TYPE(v))
        return rt_raise(vm, &AttributeError_type, "type object '%s' has no attribute '%U'",
                        AS_TYPE(v)->name, name);
    return rt_raise(vm, &AttributeError_type, "'%s' object has no attribute '%U'",
                    type_name(rt_type(v)), name);
}

int object_getattr(Vm *vm, Value self, ObjStr *name, Value *out) {
    ObjType *t = rt_type(self);
    Value descr = VAL_NULL;
    int r = type_lookup(vm, t, name, &descr, NULL);
    if (r < 0) return -1;
    bool (*get)(Vm *, Value, Value, ObjType *, Value *) = r ? rt_type(descr)->descr_get : NULL;
    if (get && rt_type(descr)->descr_set) {   // data descriptor wins over the instance dict
        gc_push_root(vm, descr);
        bool ok = get(vm, descr, self, t, out);
        gc_pop_root(vm);
        return ok ? 1 : -1;
    }
    if (IS_OBJ(self)) {
        Value *slot = obj_dict_slot(self);
        if (slot && *slot && dict_get_str(vm, AS_DICT(*slot), name, out) == 1) return 1;
    }
    if (!r) return 0;
    if (!get) {
        *out = descr;
        return 1;
    }
    gc_push_root(vm, descr);
    bool ok = get(vm, descr, self, t, out);
    gc_pop_root(vm);
    return ok ? 1 : -1;
}

bool object_setattr(Vm *vm, Value self, ObjStr *name, Value v) {
    ObjType *t = rt_type(self);
    Value descr;
    int r = type_lookup(vm, t, name, &descr, NULL);
    if (r < 0) return false;
    if (r && rt_type(descr)->descr_set) return rt_type(descr)->descr_set(vm, descr, self, v);
    Value *slot = IS_OBJ(self) ? obj_dict_slot(self) : NULL;
    if (slot && t->slot_names) {
        // __slots__: only the declared names (object.h).
        bool declared = false;
        ObjTuple *names = AS_TUPLE(t->slot_names);
        for (size_t i = 0; i < names->len && !declared; i++) declared = str_eq(AS_STR(names->items[i]), name);
        if (!declared)
            return rt_raise(vm, &AttributeError_type, "'%s' object has no attribute '%U'", type_name(t), name);
        if (!v) {
            Value old;
            int has = *slot ? dict_get_str(vm, AS_DICT(*slot), name, &old) : 0;
            if (has < 0) return false;
            if (!has) return rt_raise(vm, &AttributeError_type, "%U", name);
        }
    }
    if (!slot) {
        if (r)
            return rt_raise(vm, &AttributeError_type, "'%s' object attribute '%U' is read-only",
                            type_name(t), name);
        return rt_raise(vm, &AttributeError_type, "'%s' object has no attribute '%U'",
                        type_name(t), name);
    }
    if (!*slot) {
        if (!v) return rt_raise_no_attr(vm, self, name);
        gc_push_root(vm, v);
        ObjDict *d = dict_new(vm);
        gc_pop_root(vm);
        TRY(d);
        *slot = OBJ_VAL(d);
    }
    if (v) return dict_set(vm, AS_DICT(*slot), OBJ_VAL(name), v);
    int d = dict_del(vm, AS_DICT(*slot), OBJ_VAL(name), NULL);
    if (d < 0) return false;
    if (d == 0) return rt_raise_no_attr(vm, self, name);
    return true;
}

// ---- slots ----

static bool object_repr(Vm *vm, Value self, Value *out) {
    ObjType *t = rt_type(self);
    ObjStr *s;
    Value m = VAL_NULL;
    if (TYPE_IS_HEAP(t)) {
        if (dict_get_str(vm, AS_DICT(t->dict), NAME(vm, module), &m) != 1 || !IS_STR(m)) m = VAL_NULL;
    }
    if (m && !str_eq_cstr(AS_STR(m), "builtins"))
        s = rt_format_cmsg(vm, "<%U.%U object at %p>", AS_STR(m), AS_STR(t->qualname), (void *)AS_OBJ(self));
    else
        s = rt_format_cmsg(vm, "<%s object at %p>", type_name(t), (void *)AS_OBJ(self));
    TRY(s);
    *out = OBJ_VAL(s);
    return true;
}

static bool object_hash(Vm *vm, Value self, int64_t *out) {
    (void)vm;
    // CPython: the address rotated right by 4 bits.
    uint64_t p = (uint64_t)(uintptr_t)AS_OBJ(self);
    int64_t h = (int64_t)((p >> 4) | (p << 60));
    *out = h == -1 ? -2 : h;
    return true;
}

static bool object_richcompare(Vm *vm, Value a, Value b, CmpOp op, Value *out) {
    if (op == CMP_EQ) {
        *out = a == b ? TRUE_VAL : NOTIMPL_VAL;
        return true;
    }
    if (op == CMP_NE) {
        // Default __ne__ inverts __eq__ unless it is NotImplemented.
        bool (*rc)(Vm *, Value, Value, CmpOp, Value *) = TYPE_SLOT(rt_type(a), richcompare);
        Value r;
        if (rc && rc != object_richcompare) {
            TRY(rc(vm, a, b, CMP_EQ, &r));
        } else {
            r = a == b ? TRUE_VAL : NOTIMPL_VAL;
        }
        if (r == NOTIMPL_VAL) {
            *out = r;
            return true;
        }
        int t = rt_is_true(vm, r);
        if (t < 0) return false;
        *out = rt_bool(!t);
        return true;
    }
    *out = NOTIMPL_VAL;
    return true;
}

static bool object_init(Vm *vm, Value self, Value *args, size_t nargs, Value kwnames);

static ObjType *static_root(ObjType *t) {
    while (TYPE_IS_HEAP(t)) t = t->base;
    return t;
}

// CPython's rules: object.__new__ rejects arguments unless __init__ is
// overridden; object.__init__ rejects them when __init__ is overridden (a
// super() call) or __new__ is not.
static bool init_overridden(Vm *vm, ObjType *t) {
    return type_has_heap_attr(vm, t, NAME(vm, init)) || TYPE_SLOT(static_root(t), init) != object_init;
}

static bool new_overridden(Vm *vm, ObjType *t);

// CPython's refusal of a class abc.ABCMeta marked abstract, naming its
// abstract methods in sorted order.
static bool abstract_error(Vm *vm, ObjType *t) {
    size_t mark = gc_roots_mark(vm);
    ObjList *names = list_new(vm, 0);
    TRY(names);
    gc_push_root(vm, OBJ_VAL(names));
    Value am;
    ObjStr *key = str_intern_cstr(vm, "__abstractmethods__");
    bool ok = key != NULL;
    if (ok && dict_get_str(vm, AS_DICT(t->dict), key, &am) == 1)
        ok = list_extend(vm, names, am) && list_sort(vm, names, VAL_NULL, false);
    Buf b;
    buf_init(&b);
    for (size_t i = 0; ok && i < names->len; i++) {
        Value s;
        ok = rt_str(vm, names->items[i], &s) &&
             ((!i || buf_puts(&b, ", ")) && buf_append(&b, AS_STR(s)->data, AS_STR(s)->len) ? true
                                                                                           : rt_raise_nomem(vm));
    }
    if (ok && buf_putc(&b, '\0'))
        rt_raise(vm, &TypeError_type, "Can't instantiate abstract class %s with abstract method%s %s", t->name,
                 names->len > 1 ? "s" : "", b.data);
    else if (ok)
        rt_raise_nomem(vm);
    buf_free(&b);
    gc_roots_reset(vm, mark);
    return false;
}

static bool object_new(Vm *vm, ObjType *t, Value *args, size_t nargs, Value kwnames, Value *out) {
    (void)args;
    bool extra = nargs || kwnames;
    if (extra && !init_overridden(vm, t))
        return rt_raise(vm, &TypeError_type, "%s() takes no arguments", t->name);
    if (t->flags & TYPE_IS_ABSTRACT) return abstract_error(vm, t);
    Obj *o = gc_alloc(vm, t, t->basicsize);
    TRY(o);
    *out = OBJ_VAL(o);
    return true;
}

static bool object_init(Vm *vm, Value self, Value *args, size_t nargs, Value kwnames) {
    (void)args;
    ObjType *t = rt_type(self);
    if (!nargs && !kwnames) return true;
    if (init_overridden(vm, t))
        return rt_raise(vm, &TypeError_type,
                        "object.__init__() takes exactly one argument (the instance to initialize)");
    if (!new_overridden(vm, t))
        return rt_raise(vm, &TypeError_type, "%s() takes no arguments", t->name);
    return true;
}

static bool new_overridden(Vm *vm, ObjType *t) {
    return type_has_heap_attr(vm, t, NAME(vm, new)) || TYPE_SLOT(static_root(t), new_) != object_new;
}

static void object_trace(Vm *vm, Obj *o) {
    (void)vm;
    (void)o;
}

// ---- methods (for explicit object.__init__(self) / super() calls) ----

static bool m_init(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_check_nargs(vm, "__init__", nargs, 1, SIZE_MAX));
    TRY(object_init(vm, args[0], args + 1, nargs - 1, kw));
    *out = NONE_VAL;
    return true;
}

static bool m_new(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    if (nargs < 1) return rt_raise(vm, &TypeError_type, "object.__new__(): not enough arguments");
    if (!IS_TYPE(args[0]))
        return rt_raise(vm, &TypeError_type, "object.__new__(X): X is not a type object (%s)",
                        type_name(rt_type(args[0])));
    ObjType *t = AS_TYPE(args[0]);
    // CPython's checks for an explicit object.__new__(X, ...): X's nearest
    // builtin base must make its instances with object's __new__, and extra
    // arguments pass only where __init__ takes them and __new__ is object's.
    // (The type named is the nearest one whose __new__ is not Python code.)
    ObjType *base = t;
    while (TYPE_IS_HEAP(base) && type_has_heap_attr(vm, base, NAME(vm, new))) base = base->base;
    if (TYPE_SLOT(static_root(base), new_) != object_new)
        return rt_raise(vm, &TypeError_type, "object.__new__(%s) is not safe, use %s.__new__()", t->name,
                        base->name);
    if (nargs > 1 || (kw && AS_TUPLE(kw)->len)) {
        if (new_overridden(vm, t))
            return rt_raise(vm, &TypeError_type,
                            "object.__new__() takes exactly one argument (the type to instantiate)");
        if (!init_overridden(vm, t)) return rt_raise(vm, &TypeError_type, "%s() takes no arguments", t->name);
    }
    if (t->flags & TYPE_IS_ABSTRACT) return abstract_error(vm, t);
    Obj *o = gc_alloc(vm, t, t->basicsize);
    TRY(o);
    *out = OBJ_VAL(o);
    return true;
}

static bool m_repr(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "__repr__", kw));
    TRY(rt_check_nargs(vm, "__repr__", nargs, 1, 1));
    return object_repr(vm, args[0], out);
}

static bool m_str(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "__str__", kw));
    TRY(rt_check_nargs(vm, "__str__", nargs, 1, 1));
    return rt_repr(vm, args[0], out);
}

static bool m_hash(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "__hash__", kw));
    TRY(rt_check_nargs(vm, "__hash__", nargs, 1, 1));
    int64_t h;
    TRY(object_hash(vm, args[0], &h));
    extern bool int_from_i64(Vm *, int64_t, Value *);
    return int_from_i64(vm, h, out);
}

static bool m_eq(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "__eq__", kw));
    TRY(rt_check_nargs(vm, "__eq__", nargs, 2, 2));
    return object_richcompare(vm, args[0], args[1], CMP_EQ, out);
}

static bool m_ne(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "__ne__", kw));
    TRY(rt_check_nargs(vm, "__ne__", nargs, 2, 2));
    return object_richcompare(vm, args[0], args[1], CMP_NE, out);
}

static bool m_getattribute(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "__getattribute__", kw));
    TRY(rt_check_nargs(vm, "__getattribute__", nargs, 2, 2));
    if (!IS_STR(args[1]))
        return rt_raise(vm, &TypeError_type, "attribute name must be string, not '%s'",
                        type_name(rt_type(args[1])));
    int r = object_getattr(vm, args[0], AS_STR(args[1]), out);
    if (r < 0) return false;
    if (r == 0) return rt_raise_no_attr(vm, args[0], AS_STR(args[1]));
    return true;
}

static bool m_setattr(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "__setattr__", kw));
    TRY(rt_check_nargs(vm, "__setattr__", nargs, 3, 3));
    if (!IS_STR(args[1]))
        return rt_raise(vm, &TypeError_type, "attribute name must be string, not '%s'",
                        type_name(rt_type(args[1])));
    TRY(object_setattr(vm, args[0], AS_STR(args[1]), args[2]));
    *out = NONE_VAL;
    return true;
}

static bool m_delattr(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "__delattr__", kw));
    TRY(rt_check_nargs(vm, "__delattr__", nargs, 2, 2));
    if (!IS_STR(args[1]))
        return rt_raise(vm, &TypeError_type, "attribute name must be string, not '%s'",
                        type_name(rt_type(args[1])));
    TRY(object_setattr(vm, args[0], AS_STR(args[1]), VAL_NULL));
    *out = NONE_VAL;
    return true;
}

// object.__init_subclass__(), bound to the new class (args[0]): the end of
// every chain of super().__init_subclass__(**kwargs), so keywords that no
// class consumed are an error.
static bool m_init_subclass(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    const char *cls = IS_TYPE(args[0]) ? AS_TYPE(args[0])->name : "object";
    if (kw && AS_TUPLE(kw)->len)
        return rt_raise(vm, &TypeError_type, "%s.__init_subclass__() takes no keyword arguments", cls);
    if (nargs > 1)
        return rt_raise(vm, &TypeError_type, "%s.__init_subclass__() takes no arguments (%zu given)", cls, nargs - 1);
    *out = NONE_VAL;
    return true;
}

static bool cmp_method(Vm *vm, const char *name, CmpOp op, Value *args, size_t nargs, Value kw,
                       Value *out) {
    TRY(rt_no_kwargs(vm, name, kw));
    TRY(rt_check_nargs(vm, name, nargs, 2, 2));
    return object_richcompare(vm, args[0], args[1], op, out);
}
static bool m_lt(Vm *vm, Value *a, size_t n, Value kw, Value *out) { return cmp_method(vm, "__lt__", CMP_LT, a, n, kw, out); }
static bool m_le(Vm *vm, Value *a, size_t n, Value kw, Value *out) { return cmp_method(vm, "__le__", CMP_LE, a, n, kw, out); }
static bool m_gt(Vm *vm, Value *a, size_t n, Value kw, Value *out) { return cmp_method(vm, "__gt__", CMP_GT, a, n, kw, out); }
static bool m_ge(Vm *vm, Value *a, size_t n, Value kw, Value *out) { return cmp_method(vm, "__ge__", CMP_GE, a, n, kw, out); }

// No pickling support (no copyreg): every object refuses, as CPython does
// for the builtin types that cannot be pickled.
static bool m_reduce_ex(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    (void)kw;
    (void)out;
    TRY(rt_check_nargs(vm, "__reduce_ex__", nargs, 2, 2));
    return rt_raise(vm, &TypeError_type, "cannot pickle '%s' object", type_name(rt_type(args[0])));
}

static bool m_reduce(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    (void)kw;
    (void)out;
    TRY(rt_check_nargs(vm, "__reduce__", nargs, 1, 1));
    return rt_raise(vm, &TypeError_type, "cannot pickle '%s' object", type_name(rt_type(args[0])));
}

static bool m_sizeof(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "__sizeof__", kw));
    TRY(rt_check_nargs(vm, "__sizeof__", nargs, 1, 1));
    extern bool int_from_i64(Vm *, int64_t, Value *);
    return int_from_i64(vm, IS_OBJ(args[0]) ? (int64_t)rt_type(args[0])->basicsize : 0, out);
}

static bool m_subclasshook(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    (void)vm;
    (void)args;
    (void)nargs;
    (void)kw;
    *out = NOTIMPL_VAL;
    return true;
}

// The instance __dict__ when it has entries, else None (CPython 3.11).
static bool m_getstate(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "__getstate__", kw));
    TRY(rt_check_nargs(vm, "__getstate__", nargs, 1, 1));
    Value *slot = IS_OBJ(args[0]) ? obj_dict_slot(args[0]) : NULL;
    *out = slot && *slot && AS_DICT(*slot)->used ? *slot : NONE_VAL;
    return true;
}

static bool add_name(Vm *vm, ObjDict *set, const char *name) {
    ObjStr *s = str_intern_cstr(vm, name);
    if (!s) return false;
    gc_push_root(vm, OBJ_VAL(s));
    bool ok = dict_set(vm, set, OBJ_VAL(s), NONE_VAL);
    gc_pop_root(vm);
    return ok;
}

// object.__dir__: the instance dict's keys and every name along the type's
// MRO. __dict__ (object's generic accessor here) is listed only for objects
// that have one; a user class also shows __weakref__, as CPython's do.
static bool m_dir(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "__dir__", kw));
    TRY(rt_check_nargs(vm, "__dir__", nargs, 1, 1));
    Value self = args[0];
    ObjType *t = rt_type(self);
    ObjDict *set = dict_new(vm);
    TRY(set);
    gc_push_root(vm, OBJ_VAL(set));
    bool ok = true;
    Value *slot = IS_OBJ(self) ? obj_dict_slot(self) : NULL;
    if (slot && *slot && IS_DICT(*slot)) ok = dict_update(vm, set, *slot);
    if (ok && slot) ok = add_name(vm, set, "__dict__");
    if (!slot && t != &object_type && TYPE_SLOT(t, getattr) != object_getattr) {
        // Types with their own attribute lookup (modules) expose a dict.
        Value d;
        int r = rt_getattr_opt(vm, self, NAME(vm, dict), &d);
        if (r < 0) rt_exc_clear(vm);
        if (r > 0 && IS_DICT(d)) {
            gc_push_root(vm, d);   // may be made for the call (a builtin type's __dict__)
            ok = dict_update(vm, set, d);
            gc_pop_root(vm);
        }
    }
    if (ok && TYPE_IS_HEAP(t)) ok = add_name(vm, set, "__weakref__");
    ObjType *c;
    for (size_t i = 0; ok && (c = type_mro_at(t, i)); i++) {
        if (TYPE_IS_HEAP(c)) {
            size_t pos = 0;
            Value k, v;
            while (ok && dict_next(AS_DICT(c->dict), &pos, &k, &v)) ok = dict_set(vm, set, k, NONE_VAL);
            continue;
        }
        for (const MethodDef *m = c->methods; ok && m && m->name; m++) ok = add_name(vm, set, m->name);
        for (const GetSetDef *g = c->getsets; ok && g && g->name; g++)
            if (c != &object_type || strcmp(g->name, "__dict__") != 0) ok = add_name(vm, set, g->name);
    }
    ObjList *l = ok ? list_new(vm, set->used) : NULL;
    if (l) {
        size_t pos = 0;
        Value k, v;
        while (dict_next(set, &pos, &k, &v)) l->items[l->len++] = k;
    }
    gc_pop_root(vm);
    TRY(l);
    *out = OBJ_VAL(l);
    return true;
}

static const MethodDef object_methods[] = {
    {"__init__", m_init, 0},
    {"__new__", m_new, METH_STATIC},
    {"__repr__", m_repr, 0},
    {"__str__", m_str, 0},
    {"__hash__", m_hash, 0},
    {"__eq__", m_eq, 0},
    {"__ne__", m_ne, 0},
    {"__getattribute__", m_getattribute, 0},
    {"__setattr__", m_setattr, 0},
    {"__delattr__", m_delattr, 0},
    {"__init_subclass__", m_init_subclass, METH_CLASS},
    {"__format__", fmt_dunder_format, 0},
    {"__lt__", m_lt, 0},
    {"__le__", m_le, 0},
    {"__gt__", m_gt, 0},
    {"__ge__", m_ge, 0},
    {"__reduce_ex__", m_reduce_ex, 0},
    {"__reduce__", m_reduce, 0},
    {"__getstate__", m_getstate, 0},
    {"__subclasshook__", m_subclasshook, METH_CLASS},
    {"__sizeof__", m_sizeof, 0},
    {"__dir__", m_dir, 0},
    {NULL, NULL, 0},
};

static bool get_class(Vm *vm, Value self, Value *out) {
    (void)vm;
    *out = OBJ_VAL(rt_type(self));
    return true;
}

static bool get_dict(Vm *vm, Value self, Value *out) {
    Value *slot = IS_OBJ(self) ? obj_dict_slot(self) : NULL;
    if (!slot || rt_type(self)->slot_names)
        return rt_raise(vm, &AttributeError_type, "'%s' object has no attribute '__dict__'",
                        type_name(rt_type(self)));
    if (!*slot) {
        ObjDict *d = dict_new(vm);
        TRY(d);
        *slot = OBJ_VAL(d);
    }
    *out = *slot;
    return true;
}

static bool set_dict(Vm *vm, Value self, Value v) {
    Value *slot = IS_OBJ(self) ? obj_dict_slot(self) : NULL;
    if (!slot || rt_type(self)->slot_names)
        return rt_raise(vm, &AttributeError_type, "'%s' object has no attribute '__dict__'",
                        type_name(rt_type(self)));
    if (!v || !IS_DICT(v))
        return rt_raise(vm, &TypeError_type, "__dict__ must be set to a dictionary, not a '%s'",
                        v ? type_name(rt_type(v)) : "NoneType");
    *slot = v;
    return true;
}

// Instances see their class's docstring (a user class's __doc__ entry, which
// shadows this along the MRO); object's own is CPython's text.
static bool get_doc(Vm *vm, Value self, Value *out) {
    (void)vm;
    if (rt_type(self) == &object_type) {
        ObjStr *s = str_from_cstr(vm, "The base class of the class hierarchy.\n\n"
                                      "When called, it accepts no arguments and returns a new featureless\n"
                                      "instance that has no instance attributes and cannot be given any.\n");
        TRY(s);
        *out = OBJ_VAL(s);
        return true;
    }
    *out = NONE_VAL;
    return true;
}

static const GetSetDef object_getsets[] = {
    {"__class__", get_class, NULL},
    {"__doc__", get_doc, NULL},
    {"__dict__", get_dict, set_dict},
    {NULL, NULL, NULL},
};

ObjType object_type = {
    .hdr = OBJ_STATIC_HEADER(&type_type),
    .name = "object",
    .module = "builtins",
    .basicsize = sizeof(Obj),
    .flags = TYPE_BASETYPE,
    .base = NULL,
    .methods = object_methods,
    .getsets = object_getsets,
    .trace = object_trace,
    .new_ = object_new,
    .init = object_init,
    .repr = object_repr,
    .hash = object_hash,
    .richcompare = object_richcompare,
    .getattr = object_getattr,
    .setattr = object_setattr,
};
