// types.GenericAlias (see genericalias.h), following CPython 3.11's
// Objects/genericaliasobject.c: its repr rules for classes, aliases and
// `...`, attribute reads forwarded to the origin class except for the
// alias's own names, the call that tags the instance with __orig_class__.
#include "runtime/genericalias.h"

#include <string.h>
#include <sys/types.h>

#include "runtime/exc.h"
#include "runtime/gc.h"
#include "runtime/native.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"
#include "runtime/union.h"
#include "runtime/list.h"
#include "util/buf.h"

#define AS_GA(v) ((ObjGenericAlias *)AS_OBJ(v))

// An alias of class [t] (types.GenericAlias or a subclass made in Python,
// as collections.abc's Callable alias).
static bool ga_alloc(Vm *vm, ObjType *t, Value origin, Value args, Value *out) {
    size_t mark = gc_roots_mark(vm);
    gc_push_root(vm, origin);
    gc_push_root(vm, args);
    if (!IS_TUPLE(args)) {
        ObjTuple *t = tuple_from(vm, &args, 1);
        if (!t) return gc_roots_reset(vm, mark), false;
        args = OBJ_VAL(t);
        gc_push_root(vm, args);
    }
    ObjGenericAlias *ga = (ObjGenericAlias *)gc_alloc(vm, t, t->basicsize);
    gc_roots_reset(vm, mark);
    TRY(ga);
    ga->origin = origin;
    ga->args = args;
    *out = OBJ_VAL(ga);
    return true;
}

bool ga_new(Vm *vm, Value origin, Value args, Value *out) {
    return ga_alloc(vm, &genericalias_type, origin, args, out);
}

// The name CPython's messages give a builtin class's methods: a class made
// by Python code reports the builtin it derives from.
static const char *builtin_short_name(ObjType *t) {
    while (t->base && TYPE_IS_HEAP(t)) t = t->base;
    const char *dot = strrchr(t->name, '.');
    return dot ? dot + 1 : t->name;
}

bool ga_class_getitem(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    const char *cls = builtin_short_name(AS_TYPE(args[0]));
    if (kw && AS_TUPLE(kw)->len)
        return rt_raise(vm, &TypeError_type, "%s.__class_getitem__() takes no keyword arguments", cls);
    if (nargs != 2)
        return rt_raise(vm, &TypeError_type, "%s.__class_getitem__() takes exactly one argument (%zu given)",
                        cls, nargs - 1);
    return ga_new(vm, args[0], args[1], out);
}

static void ga_trace(Vm *vm, Obj *o) {
    ObjGenericAlias *ga = (ObjGenericAlias *)o;
    gc_mark_value(vm, ga->origin);
    gc_mark_value(vm, ga->args);
    gc_mark_value(vm, ga->params);
}

static bool ga_new_slot(Vm *vm, ObjType *t, Value *args, size_t nargs, Value kwnames, Value *out) {
    if (kwnames && AS_TUPLE(kwnames)->len)
        return rt_raise(vm, &TypeError_type, "GenericAlias() takes no keyword arguments");
    if (nargs != 2)
        return rt_raise(vm, &TypeError_type, "GenericAlias expected 2 arguments, got %zu", nargs);
    return ga_alloc(vm, t, args[0], args[1], out);
}

// ---- repr ----

// 1 found, 0 missing, -1 error. The interned name is rooted: the intern
// table is weak, and the lookup may collect.
static int attr(Vm *vm, Value v, const char *name, Value *out) {
    ObjStr *n = str_intern_cstr(vm, name);
    if (!n) return -1;
    gc_push_root(vm, OBJ_VAL(n));
    int r = rt_getattr_opt(vm, v, n, out);
    gc_pop_root(vm);
    return r;
}

// One item as CPython's ga_repr_item writes it: `...`, a class as
// module.qualname (no module for builtins), anything else by repr().
bool ga_repr_item(Vm *vm, Value v, Buf *b) {
    if (v == ELLIPSIS_VAL) return buf_puts(b, "...") || rt_raise_nomem(vm);
    size_t mark = gc_roots_mark(vm);
    Value t, qualname, module, s;
    bool ok = false, use_repr = false;
    int r = attr(vm, v, "__origin__", &t);
    if (r < 0) goto done;
    if (r && (r = attr(vm, v, "__args__", &t)) < 0) goto done;
    if (r) {
        use_repr = true;   // an alias
    } else {
        if ((r = attr(vm, v, "__qualname__", &qualname)) < 0) goto done;
        use_repr = !r;
        if (r) {
            gc_push_root(vm, qualname);
            if ((r = attr(vm, v, "__module__", &module)) < 0) goto done;
            use_repr = !r || IS_NONE(module);
        }
    }
    if (use_repr) {
        ok = rt_repr(vm, v, &s) && (buf_append(b, AS_STR(s)->data, AS_STR(s)->len) || rt_raise_nomem(vm));
        goto done;
    }
    gc_push_root(vm, module);
    if (!(IS_STR(module) && str_eq_cstr(AS_STR(module), "builtins"))) {
        if (!rt_str(vm, module, &s)) goto done;
        if (!buf_append(b, AS_STR(s)->data, AS_STR(s)->len) || !buf_putc(b, '.')) {
            rt_raise_nomem(vm);
            goto done;
        }
    }
    ok = rt_str(vm, qualname, &s) && (buf_append(b, AS_STR(s)->data, AS_STR(s)->len) || rt_raise_nomem(vm));
done:
    gc_roots_reset(vm, mark);
    return ok;
}

static bool ga_repr(Vm *vm, Value self, Value *out) {
    ObjGenericAlias *ga = AS_GA(self);
    TRY(rt_enter(vm, RT_WHERE_REPR));
    Buf b;
    buf_init(&b);
    ObjTuple *args = AS_TUPLE(ga->args);
    bool ok = ga_repr_item(vm, ga->origin, &b) && (buf_putc(&b, '[') || rt_raise_nomem(vm));
    if (ok && args->len == 0) ok = buf_puts(&b, "()") || rt_raise_nomem(vm);
    for (size_t i = 0; ok && i < args->len; i++) {
        if (i && !buf_puts(&b, ", ")) ok = rt_raise_nomem(vm);
        else ok = ga_repr_item(vm, args->items[i], &b);
    }
    if (ok && !buf_putc(&b, ']')) ok = rt_raise_nomem(vm);
    rt_leave(vm);
    ObjStr *s = ok ? str_new(vm, b.data, b.len) : NULL;
    buf_free(&b);
    TRY(s);
    *out = OBJ_VAL(s);
    return true;
}

// ---- attributes ----

// The alias's own attributes; every other name is read from the origin.
static const char *const own_names[] = {
    "__class__", "__origin__", "__args__", "__unpacked__", "__parameters__",
    "__typing_unpacked_tuple_args__", "__mro_entries__", "__reduce_ex__", "__reduce__",
    "__copy__", "__deepcopy__", "__instancecheck__", "__subclasscheck__",
};

static int ga_getattr(Vm *vm, Value self, ObjStr *name, Value *out) {
    for (size_t i = 0; i < sizeof own_names / sizeof *own_names; i++)
        if (str_eq_cstr(name, own_names[i])) return object_getattr(vm, self, name, out);
    return rt_getattr(vm, AS_GA(self)->origin, name, out) ? 1 : -1;
}

// CPython's _Py_make_parameters: the arguments that are type variables (have
// __typing_subst__), then those of arguments that have __parameters__, each
// once. Classes have none.
bool ga_make_params(Vm *vm, Value args, Value *out) {
    size_t mark = gc_roots_mark(vm);
    ObjList *ps = list_new(vm, 0);
    if (!ps) return false;
    gc_push_root(vm, OBJ_VAL(ps));
    bool ok = true;
    for (size_t i = 0; ok && i < AS_TUPLE(args)->len; i++) {
        Value a = AS_TUPLE(args)->items[i], p;
        if (IS_TYPE(a)) continue;
        int r = attr(vm, a, "__typing_subst__", &p);
        if (r < 0) { ok = false; break; }
        Value single[1] = {a};
        const Value *items = single;
        size_t n = r;
        if (!r) {
            if ((r = attr(vm, a, "__parameters__", &p)) < 0) { ok = false; break; }
            if (!r || !IS_TUPLE(p)) continue;
            gc_push_root(vm, p);
            items = AS_TUPLE(p)->items;
            n = AS_TUPLE(p)->len;
        }
        for (size_t k = 0; ok && k < n; k++) {
            bool seen = false;
            for (size_t j = 0; j < ps->len && !seen; j++) seen = ps->items[j] == items[k];
            if (!seen) ok = list_append(vm, ps, items[k]);
        }
    }
    ObjTuple *t = ok ? tuple_from(vm, ps->items, ps->len) : NULL;
    gc_roots_reset(vm, mark);
    TRY(t);
    *out = OBJ_VAL(t);
    return true;
}

static bool get_params(Vm *vm, Value self, Value *out) {
    ObjGenericAlias *ga = AS_GA(self);
    if (!ga->params) TRY(ga_make_params(vm, ga->args, &ga->params));
    *out = ga->params;
    return true;
}

static bool get_origin(Vm *vm, Value self, Value *out) { (void)vm; *out = AS_GA(self)->origin; return true; }
static bool get_args(Vm *vm, Value self, Value *out) { (void)vm; *out = AS_GA(self)->args; return true; }
static bool get_false(Vm *vm, Value self, Value *out) { (void)vm, (void)self; *out = FALSE_VAL; return true; }
static bool get_none(Vm *vm, Value self, Value *out) { (void)vm, (void)self; *out = NONE_VAL; return true; }

static const GetSetDef ga_getsets[] = {
    {"__origin__", get_origin, NULL},
    {"__args__", get_args, NULL},
    {"__parameters__", get_params, NULL},
    {"__unpacked__", get_false, NULL},
    {"__typing_unpacked_tuple_args__", get_none, NULL},
    {NULL, NULL, NULL},
};

static bool m_mro_entries(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "GenericAlias.__mro_entries__", kw));
    TRY(rt_check_nargs(vm, "GenericAlias.__mro_entries__", nargs, 2, 2));
    ObjTuple *t = tuple_from(vm, &AS_GA(args[0])->origin, 1);
    TRY(t);
    *out = OBJ_VAL(t);
    return true;
}

// isinstance(x, list[int]) and issubclass(C, list[int]) are errors.
static bool m_instancecheck(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    (void)args, (void)nargs, (void)kw, (void)out;
    return rt_raise(vm, &TypeError_type, "isinstance() argument 2 cannot be a parameterized generic");
}

static bool m_subclasscheck(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    (void)args, (void)nargs, (void)kw, (void)out;
    return rt_raise(vm, &TypeError_type, "issubclass() argument 2 cannot be a parameterized generic");
}

static const MethodDef ga_methods[] = {
    {"__mro_entries__", m_mro_entries, 0},
    {"__instancecheck__", m_instancecheck, 0},
    {"__subclasscheck__", m_subclasscheck, 0},
    {NULL, NULL, 0},
};

// ---- call, subscript, comparison, hash ----

static bool ga_call(Vm *vm, Value self, Value *args, size_t nargs, Value kwnames, Value *out) {
    TRY(rt_call(vm, AS_GA(self)->origin, args, nargs, kwnames, out));
    // Tag the instance with its alias, where it can take attributes.
    gc_push_root(vm, *out);
    ObjStr *name = str_intern_cstr(vm, "__orig_class__");
    if (name) gc_push_root(vm, OBJ_VAL(name));
    bool ok = name && rt_setattr(vm, *out, name, self);
    gc_pop_roots(vm, name ? 2 : 1);
    if (ok) return true;
    if (!rt_exc_matches(vm, &AttributeError_type) && !rt_exc_matches(vm, &TypeError_type)) return false;
    rt_exc_clear(vm);
    return true;
}

// Index of [p] in [params] (they are compared by identity, as CPython's
// tuple_index does for type variables); -1 when absent.
static ssize_t param_index(ObjTuple *params, Value p) {
    for (size_t i = 0; i < params->len; i++)
        if (params->items[i] == p) return (ssize_t)i;
    return -1;
}

// CPython's _Py_subs_parameters without TypeVarTuple/ParamSpec unpacking:
// each argument that is a type variable is replaced by its item (through
// its __typing_subst__, which checks it), each that has parameters of its
// own (list[T]) is subscripted with the items of those.
bool ga_subs_parameters(Vm *vm, Value self, Value args, Value params, Value item, Value *out) {
    ObjTuple *ps = AS_TUPLE(params);
    if (ps->len == 0) return rt_raise(vm, &TypeError_type, "%R is not a generic class", self);
    size_t mark = gc_roots_mark(vm);
    ObjTuple *items;
    if (IS_TUPLE(item)) {
        items = AS_TUPLE(item);
    } else {
        if (!(items = tuple_from(vm, &item, 1))) return false;
        gc_push_root(vm, OBJ_VAL(items));
    }
    if (items->len != ps->len) {
        gc_roots_reset(vm, mark);
        return rt_raise(vm, &TypeError_type, "Too %s arguments for %R; actual %zu, expected %zu",
                        items->len > ps->len ? "many" : "few", self, items->len, ps->len);
    }
    ObjTuple *a = AS_TUPLE(args);
    ObjTuple *res = tuple_new(vm, a->len);
    if (!res) return gc_roots_reset(vm, mark), false;
    for (size_t i = 0; i < a->len; i++) res->items[i] = a->items[i];
    gc_push_root(vm, OBJ_VAL(res));
    for (size_t i = 0; i < a->len; i++) {
        Value arg = a->items[i], fn, sub;
        if (IS_TYPE(arg)) continue;
        int r = attr(vm, arg, "__typing_subst__", &fn);
        if (r < 0) goto fail;
        if (r) {
            ssize_t k = param_index(ps, arg);
            if (k < 0) continue;
            gc_push_root(vm, fn);
            bool ok = rt_call1(vm, fn, items->items[k], &res->items[i]);
            gc_pop_root(vm);
            if (!ok) goto fail;
            continue;
        }
        if ((r = attr(vm, arg, "__parameters__", &sub)) < 0) goto fail;
        if (!r || !IS_TUPLE(sub) || AS_TUPLE(sub)->len == 0) continue;
        gc_push_root(vm, sub);
        ObjTuple *subargs = tuple_new(vm, AS_TUPLE(sub)->len);
        if (!subargs) goto fail;
        for (size_t j = 0; j < subargs->len; j++) {
            ssize_t k = param_index(ps, AS_TUPLE(sub)->items[j]);
            subargs->items[j] = k < 0 ? AS_TUPLE(sub)->items[j] : items->items[k];
        }
        gc_push_root(vm, OBJ_VAL(subargs));
        if (!rt_getitem(vm, arg, OBJ_VAL(subargs), &res->items[i])) goto fail;
        gc_pop_roots(vm, 2);
    }
    gc_roots_reset(vm, mark);
    *out = OBJ_VAL(res);
    return true;
fail:
    gc_roots_reset(vm, mark);
    return false;
}

static bool ga_getitem(Vm *vm, Value self, Value key, Value *out) {
    Value params, args;
    TRY(get_params(vm, self, &params));
    TRY(ga_subs_parameters(vm, self, AS_GA(self)->args, params, key, &args));
    gc_push_root(vm, args);
    bool ok = ga_new(vm, AS_GA(self)->origin, args, out);
    gc_pop_root(vm);
    return ok;
}

static bool ga_richcompare(Vm *vm, Value a, Value b, CmpOp op, Value *out) {
    if (!IS_GENERICALIAS(a) || !IS_GENERICALIAS(b) || (op != CMP_EQ && op != CMP_NE)) {
        *out = NOTIMPL_VAL;
        return true;
    }
    int eq = rt_eq(vm, AS_GA(a)->origin, AS_GA(b)->origin);
    if (eq > 0) eq = rt_eq(vm, AS_GA(a)->args, AS_GA(b)->args);
    if (eq < 0) return false;
    *out = rt_bool(eq == (op == CMP_EQ));
    return true;
}

static bool ga_hash(Vm *vm, Value self, int64_t *out) {
    int64_t h0, h1;
    TRY(rt_hash(vm, AS_GA(self)->origin, &h0));
    TRY(rt_hash(vm, AS_GA(self)->args, &h1));
    *out = h0 ^ h1;
    if (*out == -1) *out = -2;
    return true;
}

ObjType genericalias_type = {
    .hdr = OBJ_STATIC_HEADER(&type_type),
    .name = "types.GenericAlias",
    .basicsize = sizeof(ObjGenericAlias),
    .flags = TYPE_BASETYPE,
    .base = &object_type,
    .methods = ga_methods,
    .getsets = ga_getsets,
    .trace = ga_trace,
    .new_ = ga_new_slot,
    .call = ga_call,
    .repr = ga_repr,
    .hash = ga_hash,
    .richcompare = ga_richcompare,
    .getattr = ga_getattr,
    .getitem = ga_getitem,
    .binop = union_type_or,
};
