// Function objects, bound methods, cells, and the three wrappers that change
// how a function binds when found on a class: staticmethod, classmethod and
// property. Calling a function goes through vm->hooks.call (the VM); the
// eval loop itself recognises functions and bound methods and calls them
// without any C recursion.
#include "runtime/func.h"

#include <stdio.h>
#include <string.h>

#include "runtime/dict.h"
#include "runtime/exc.h"
#include "runtime/gc.h"
#include "runtime/native.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"

// ---- function ----

ObjFunction *func_new(Vm *vm, ObjCode *code, Value globals, Value builtins) {
    gc_push_root(vm, OBJ_VAL(code));
    ObjFunction *f = (ObjFunction *)gc_alloc(vm, &function_type, sizeof(ObjFunction));
    gc_pop_root(vm);
    if (!f) return NULL;
    f->code = code;
    f->globals = globals;
    f->builtins = builtins;
    f->name = code->name;
    f->qualname = code->qualname;
    Value mod;
    if (IS_DICT(globals) && dict_get_str(vm, AS_DICT(globals), NAME(vm, name), &mod) == 1)
        f->module = mod;
    // The docstring is the first constant of a function whose body starts
    // with a string (the compiler guarantees that layout).
    if ((code->flags & CODE_HAS_DOC) && code->nconsts)
        f->doc = code->consts[0];
    f->simple_call = !(code->flags & (CODE_VARARGS | CODE_VARKEYWORDS | CODE_GENERATOR | CODE_COROUTINE |
                                      CODE_ASYNC_GENERATOR)) &&
                     !code->kwonlyargcount && !code->ncells && !code->nfrees &&
                     (code->flags & CODE_OPTIMIZED);   // module code needs its globals as locals
    return f;
}

static void func_trace(Vm *vm, Obj *o) {
    ObjFunction *f = (ObjFunction *)o;
    gc_mark_obj(vm, &f->code->hdr);
    gc_mark_value(vm, f->globals);
    gc_mark_value(vm, f->builtins);
    gc_mark_value(vm, f->defaults);
    gc_mark_value(vm, f->kwdefaults);
    gc_mark_value(vm, f->closure);
    gc_mark_value(vm, f->name);
    gc_mark_value(vm, f->qualname);
    gc_mark_value(vm, f->doc);
    gc_mark_value(vm, f->module);
    gc_mark_value(vm, f->annotations);
    gc_mark_value(vm, f->dict);
}

static bool func_repr(Vm *vm, Value self, Value *out) {
    char addr[32];
    snprintf(addr, sizeof addr, "%p", (void *)AS_OBJ(self));
    ObjStr *s = rt_format_cmsg(vm, "<function %U at %s>", AS_STR(AS_FUNCTION(self)->qualname), addr);
    TRY(s);
    *out = OBJ_VAL(s);
    return true;
}

static bool func_call(Vm *vm, Value self, Value *args, size_t nargs, Value kwnames, Value *out) {
    return vm->hooks.call(vm, self, args, nargs, kwnames, out);
}

static bool func_descr_get(Vm *vm, Value descr, Value obj, ObjType *owner, Value *out) {
    (void)owner;
    if (!obj) {
        *out = descr;
        return true;
    }
    ObjMethod *m = method_new(vm, descr, obj);
    TRY(m);
    *out = OBJ_VAL(m);
    return true;
}

static Value or_none(Value v) { return v ? v : NONE_VAL; }

static bool f_get_name(Vm *vm, Value self, Value *out) { (void)vm; *out = AS_FUNCTION(self)->name; return true; }
static bool f_get_qualname(Vm *vm, Value self, Value *out) { (void)vm; *out = AS_FUNCTION(self)->qualname; return true; }
static bool f_get_doc(Vm *vm, Value self, Value *out) { (void)vm; *out = or_none(AS_FUNCTION(self)->doc); return true; }
static bool f_get_module(Vm *vm, Value self, Value *out) { (void)vm; *out = or_none(AS_FUNCTION(self)->module); return true; }
static bool f_get_defaults(Vm *vm, Value self, Value *out) { (void)vm; *out = or_none(AS_FUNCTION(self)->defaults); return true; }
static bool f_get_kwdefaults(Vm *vm, Value self, Value *out) { (void)vm; *out = or_none(AS_FUNCTION(self)->kwdefaults); return true; }
static bool f_get_code(Vm *vm, Value self, Value *out) { (void)vm; *out = OBJ_VAL(AS_FUNCTION(self)->code); return true; }
static bool f_get_globals(Vm *vm, Value self, Value *out) { (void)vm; *out = AS_FUNCTION(self)->globals; return true; }
static bool f_get_closure(Vm *vm, Value self, Value *out) { (void)vm; *out = or_none(AS_FUNCTION(self)->closure); return true; }
static bool f_get_annotations(Vm *vm, Value self, Value *out) {
    ObjFunction *f = AS_FUNCTION(self);
    if (!f->annotations) {
        ObjDict *d = dict_new(vm);
        TRY(d);
        f->annotations = OBJ_VAL(d);
    }
    *out = f->annotations;
    return true;
}

static bool f_set_str(Vm *vm, Value v, Value *slot, const char *what) {
    if (!v || !IS_STR(v))
        return rt_raise(vm, &TypeError_type, "__%s__ must be set to a string object", what);
    *slot = v;
    return true;
}
static bool f_set_name(Vm *vm, Value self, Value v) { return f_set_str(vm, v, &AS_FUNCTION(self)->name, "name"); }
static bool f_set_qualname(Vm *vm, Value self, Value v) { return f_set_str(vm, v, &AS_FUNCTION(self)->qualname, "qualname"); }
static bool f_set_doc(Vm *vm, Value self, Value v) { (void)vm; AS_FUNCTION(self)->doc = v && !IS_NONE(v) ? v : VAL_NULL; return true; }
static bool f_set_module(Vm *vm, Value self, Value v) { (void)vm; AS_FUNCTION(self)->module = v; return true; }
static bool f_set_defaults(Vm *vm, Value self, Value v) {
    if (v && !IS_NONE(v) && !IS_TUPLE(v))
        return rt_raise(vm, &TypeError_type, "__defaults__ must be set to a tuple object");
    AS_FUNCTION(self)->defaults = v && !IS_NONE(v) && AS_TUPLE(v)->len ? v : VAL_NULL;
    return true;
}
static bool f_set_kwdefaults(Vm *vm, Value self, Value v) {
    if (v && !IS_NONE(v) && !IS_DICT(v))
        return rt_raise(vm, &TypeError_type, "__kwdefaults__ must be set to a dict object");
    AS_FUNCTION(self)->kwdefaults = v && !IS_NONE(v) ? v : VAL_NULL;
    return true;
}
static bool f_set_annotations(Vm *vm, Value self, Value v) {
    (void)vm;
    AS_FUNCTION(self)->annotations = v && !IS_NONE(v) ? v : VAL_NULL;
    return true;
}

static const GetSetDef func_getsets[] = {
    {"__name__", f_get_name, f_set_name},
    {"__qualname__", f_get_qualname, f_set_qualname},
    {"__doc__", f_get_doc, f_set_doc},
    {"__module__", f_get_module, f_set_module},
    {"__defaults__", f_get_defaults, f_set_defaults},
    {"__kwdefaults__", f_get_kwdefaults, f_set_kwdefaults},
    {"__code__", f_get_code, NULL},
    {"__globals__", f_get_globals, NULL},
    {"__closure__", f_get_closure, NULL},
    {"__annotations__", f_get_annotations, f_set_annotations},
    {NULL, NULL, NULL},
};

ObjType function_type = {
    .hdr = OBJ_STATIC_HEADER(&type_type),
    .name = "function",
    .module = "builtins",
    .basicsize = sizeof(ObjFunction),
    .dictoffset = offsetof(ObjFunction, dict),
    .base = &object_type,
    .flags = TYPE_METHOD_DESCR,
    .getsets = func_getsets,
    .trace = func_trace,
    .repr = func_repr,
    .call = func_call,
    .descr_get = func_descr_get,
};

// ---- bound method ----

ObjMethod *method_new(Vm *vm, Value func, Value self) {
    gc_push_root(vm, func);
    gc_push_root(vm, self);
    ObjMethod *m = (ObjMethod *)gc_alloc(vm, &method_type, sizeof(ObjMethod));
    gc_pop_roots(vm, 2);
    if (!m) return NULL;
    m->func = func;
    m->self = self;
    return m;
}

static void method_trace(Vm *vm, Obj *o) {
    ObjMethod *m = (ObjMethod *)o;
    gc_mark_value(vm, m->func);
    gc_mark_value(vm, m->self);
}

static bool method_call(Vm *vm, Value self, Value *args, size_t nargs, Value kwnames, Value *out) {
    ObjMethod *m = AS_METHOD(self);
    size_t nkw = kwnames ? AS_TUPLE(kwnames)->len : 0, total = nargs + nkw + 1;
    Value stack[8];
    Value *a = total <= 8 ? stack : rt_alloc(vm, total * sizeof(Value));
    TRY(a);
    a[0] = m->self;
    if (total > 1) memcpy(a + 1, args, (total - 1) * sizeof(Value));
    gc_push_root(vm, self);
    bool ok = rt_call(vm, m->func, a, nargs + 1, kwnames, out);
    gc_pop_root(vm);
    if (a != stack) rt_free(vm, a, total * sizeof(Value));
    return ok;
}

static bool method_repr(Vm *vm, Value self, Value *out) {
    ObjMethod *m = AS_METHOD(self);
    Value qn = VAL_NULL, r;
    size_t mark = gc_roots_mark(vm);
    int found = rt_getattr_opt(vm, m->func, NAME(vm, qualname), &qn);
    if (found < 0) return false;
    if (!found) {
        found = rt_getattr_opt(vm, m->func, NAME(vm, name), &qn);
        if (found < 0) return false;
    }
    gc_push_root(vm, qn);
    if (!rt_repr(vm, m->self, &r)) return gc_roots_reset(vm, mark), false;
    gc_push_root(vm, r);
    ObjStr *s = rt_format_cmsg(vm, "<bound method %S of %U>", found ? qn : OBJ_VAL(str_intern_cstr(vm, "?")),
                               AS_STR(r));
    gc_roots_reset(vm, mark);
    TRY(s);
    *out = OBJ_VAL(s);
    return true;
}

static bool method_richcompare(Vm *vm, Value a, Value b, CmpOp op, Value *out) {
    if ((op != CMP_EQ && op != CMP_NE) || !IS_METHOD(b)) {
        *out = NOTIMPL_VAL;
        return true;
    }
    ObjMethod *x = AS_METHOD(a), *y = AS_METHOD(b);
    int eq = x->self == y->self ? rt_eq(vm, x->func, y->func) : 0;
    if (eq < 0) return false;
    *out = rt_bool(op == CMP_EQ ? eq : !eq);
    return true;
}

static bool method_hash(Vm *vm, Value self, int64_t *out) {
    int64_t a, b;
    TRY(rt_hash(vm, AS_METHOD(self)->func, &a));
    b = (int64_t)((uintptr_t)AS_OBJ(AS_METHOD(self)->self) >> 4);
    *out = a ^ b;
    if (*out == -1) *out = -2;
    return true;
}

static int method_getattr(Vm *vm, Value self, ObjStr *name, Value *out) {
    ObjMethod *m = AS_METHOD(self);
    if (str_eq_cstr(name, "__self__")) {
        *out = m->self;
        return 1;
    }
    if (str_eq_cstr(name, "__func__")) {
        *out = m->func;
        return 1;
    }
    // The function's docstring (CPython's method.__doc__ getset), not the
    // method type's own.
    if (str_eq_cstr(name, "__doc__")) return rt_getattr_opt(vm, m->func, name, out);
    int r = object_getattr(vm, self, name, out);
    if (r) return r;
    return rt_getattr_opt(vm, m->func, name, out);
}

// types.MethodType(func, instance): a method bound by hand.
static bool method_new_slot(Vm *vm, ObjType *t, Value *args, size_t nargs, Value kw, Value *out) {
    (void)t;
    TRY(rt_no_kwargs(vm, "method", kw));
    if (nargs != 2)
        return rt_raise(vm, &TypeError_type, "method expected 2 arguments, got %d", (int)nargs);
    if (!rt_callable(args[0])) return rt_raise(vm, &TypeError_type, "first argument must be callable");
    if (IS_NONE(args[1])) return rt_raise(vm, &TypeError_type, "instance must not be None");
    ObjMethod *m = method_new(vm, args[0], args[1]);
    TRY(m);
    *out = OBJ_VAL(m);
    return true;
}

ObjType method_type = {
    .hdr = OBJ_STATIC_HEADER(&type_type),
    .name = "method",
    .module = "builtins",
    .basicsize = sizeof(ObjMethod),
    .base = &object_type,
    .new_ = method_new_slot,
    .trace = method_trace,
    .repr = method_repr,
    .call = method_call,
    .richcompare = method_richcompare,
    .hash = method_hash,
    .getattr = method_getattr,
};

// ---- cell ----

ObjCell *cell_new(Vm *vm, Value ref) {
    gc_push_root(vm, ref);
    ObjCell *c = (ObjCell *)gc_alloc(vm, &cell_type, sizeof(ObjCell));
    gc_pop_root(vm);
    if (!c) return NULL;
    c->ref = ref;
    return c;
}

static void cell_trace(Vm *vm, Obj *o) { gc_mark_value(vm, ((ObjCell *)o)->ref); }

static bool cell_repr(Vm *vm, Value self, Value *out) {
    ObjCell *c = AS_CELL(self);
    char a1[32], a2[32];
    snprintf(a1, sizeof a1, "%p", (void *)c);
    snprintf(a2, sizeof a2, "%p", IS_OBJ(c->ref) ? (void *)AS_OBJ(c->ref) : (void *)c);
    ObjStr *s = c->ref ? rt_format_cmsg(vm, "<cell at %s: %T object at %s>", a1, c->ref, a2)
                       : rt_format_cmsg(vm, "<cell at %s: empty>", a1);
    TRY(s);
    *out = OBJ_VAL(s);
    return true;
}

static bool cell_get_contents(Vm *vm, Value self, Value *out) {
    ObjCell *c = AS_CELL(self);
    if (!c->ref) return rt_raise(vm, &ValueError_type, "Cell is empty");
    *out = c->ref;
    return true;
}

static const GetSetDef cell_getsets[] = {
    {"cell_contents", cell_get_contents, NULL},
    {NULL, NULL, NULL},
};

ObjType cell_type = {
    .hdr = OBJ_STATIC_HEADER(&type_type),
    .name = "cell",
    .module = "builtins",
    .basicsize = sizeof(ObjCell),
    .base = &object_type,
    .getsets = cell_getsets,
    .trace = cell_trace,
    .repr = cell_repr,
};

// ---- staticmethod, classmethod, property ----

static void wrapper_trace(Vm *vm, Obj *o) {
    ObjWrapper *w = (ObjWrapper *)o;
    gc_mark_value(vm, w->fn);
    gc_mark_value(vm, w->fset);
    gc_mark_value(vm, w->fdel);
    gc_mark_value(vm, w->doc);
    gc_mark_value(vm, w->dict);
}

static bool wrapper_new(Vm *vm, ObjType *t, Value *args, size_t nargs, Value kwnames, Value *out) {
    (void)args;
    (void)nargs;
    (void)kwnames;
    ObjWrapper *w = (ObjWrapper *)gc_alloc(vm, t, t->basicsize);
    TRY(w);
    *out = OBJ_VAL(w);
    return true;
}

static bool sm_init(Vm *vm, Value self, Value *args, size_t nargs, Value kwnames) {
    ObjType *t = rt_type(self);
    const char *n = type_is_subtype(t, &staticmethod_type) ? "staticmethod" : "classmethod";
    TRY(rt_no_kwargs(vm, n, kwnames));
    TRY(rt_check_nargs(vm, n, nargs, 1, 1));
    ObjWrapper *w = (ObjWrapper *)AS_OBJ(self);
    w->fn = args[0];
    return true;
}

ObjWrapper *classmethod_wrap(Vm *vm, Value fn) {
    gc_push_root(vm, fn);
    ObjWrapper *w = (ObjWrapper *)gc_alloc(vm, &classmethod_type, classmethod_type.basicsize);
    gc_pop_root(vm);
    if (w) w->fn = fn;
    return w;
}

static bool sm_get(Vm *vm, Value descr, Value obj, ObjType *owner, Value *out) {
    (void)vm;
    (void)obj;
    (void)owner;
    *out = ((ObjWrapper *)AS_OBJ(descr))->fn;
    return true;
}

static bool cm_get(Vm *vm, Value descr, Value obj, ObjType *owner, Value *out) {
    Value cls = owner ? OBJ_VAL(owner) : OBJ_VAL(rt_type(obj));
    ObjMethod *m = method_new(vm, ((ObjWrapper *)AS_OBJ(descr))->fn, cls);
    TRY(m);
    *out = OBJ_VAL(m);
    return true;
}

static bool w_get_func(Vm *vm, Value self, Value *out) { (void)vm; *out = ((ObjWrapper *)AS_OBJ(self))->fn; return true; }

static bool sm_call(Vm *vm, Value self, Value *args, size_t nargs, Value kwnames, Value *out) {
    return rt_call(vm, ((ObjWrapper *)AS_OBJ(self))->fn, args, nargs, kwnames, out);
}

// __isabstractmethod__ of the wrapped callables (abc.ABCMeta asks a
// classmethod, staticmethod or property whether it wraps an abstract method).
static bool any_abstract(Vm *vm, const Value *fns, size_t n, Value *out) {
    ObjStr *name = str_intern_cstr(vm, "__isabstractmethod__");
    TRY(name);
    gc_push_root(vm, OBJ_VAL(name));
    *out = FALSE_VAL;
    for (size_t i = 0; i < n; i++) {
        Value v;
        if (!fns[i]) continue;
        int r = rt_getattr_opt(vm, fns[i], name, &v);
        if (r > 0) r = rt_is_true(vm, v);
        if (r < 0) return gc_pop_root(vm), false;
        if (r) {
            *out = TRUE_VAL;
            break;
        }
    }
    gc_pop_root(vm);
    return true;
}

static bool w_get_abstract(Vm *vm, Value self, Value *out) {
    return any_abstract(vm, &((ObjWrapper *)AS_OBJ(self))->fn, 1, out);
}

static const GetSetDef sm_getsets[] = {
    {"__func__", w_get_func, NULL},
    {"__isabstractmethod__", w_get_abstract, NULL},
    {"__wrapped__", w_get_func, NULL},
    {NULL, NULL, NULL},
};

// classmethod's own table: a getset descriptor is cached by its table
// entry, so two types must not share one (the owner would be the first).
static const GetSetDef cm_getsets[] = {
    {"__func__", w_get_func, NULL},
    {"__isabstractmethod__", w_get_abstract, NULL},
    {"__wrapped__", w_get_func, NULL},
    {NULL, NULL, NULL},
};

ObjType staticmethod_type = {
    .hdr = OBJ_STATIC_HEADER(&type_type),
    .name = "staticmethod",
    .module = "builtins",
    .basicsize = sizeof(ObjWrapper),
    .dictoffset = offsetof(ObjWrapper, dict),
    .base = &object_type,
    .flags = TYPE_BASETYPE,
    .getsets = sm_getsets,
    .trace = wrapper_trace,
    .new_ = wrapper_new,
    .init = sm_init,
    .call = sm_call,
    .descr_get = sm_get,
};

ObjType classmethod_type = {
    .hdr = OBJ_STATIC_HEADER(&type_type),
    .name = "classmethod",
    .module = "builtins",
    .basicsize = sizeof(ObjWrapper),
    .dictoffset = offsetof(ObjWrapper, dict),
    .base = &object_type,
    .flags = TYPE_BASETYPE,
    .getsets = cm_getsets,
    .trace = wrapper_trace,
    .new_ = wrapper_new,
    .init = sm_init,
    .descr_get = cm_get,
};

static bool prop_init(Vm *vm, Value self, Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {"fget", "fset", "fdel", "doc"};
    Value a[4];
    TRY(rt_parse_args(vm, "property", args, nargs, kwnames, names, 4, 4, 0, a));
    ObjWrapper *w = (ObjWrapper *)AS_OBJ(self);
    w->fn = a[0] && !IS_NONE(a[0]) ? a[0] : VAL_NULL;
    w->fset = a[1] && !IS_NONE(a[1]) ? a[1] : VAL_NULL;
    w->fdel = a[2] && !IS_NONE(a[2]) ? a[2] : VAL_NULL;
    w->doc = a[3] && !IS_NONE(a[3]) ? a[3] : VAL_NULL;
    if (!w->doc && w->fn) {
        Value d;
        int r = rt_getattr_opt(vm, w->fn, NAME(vm, doc), &d);
        if (r < 0) return false;
        if (r && !IS_NONE(d)) w->doc = d;
    }
    return true;
}

// The name of the property for messages: the getter's __name__, as 3.11 does.
static const char *prop_name(Vm *vm, ObjWrapper *w) {
    Value n;
    if (w->fn && IS_FUNCTION(w->fn)) {
        n = AS_FUNCTION(w->fn)->name;
        return AS_STR(n)->data;
    }
    (void)vm;
    return NULL;
}

static bool prop_get(Vm *vm, Value descr, Value obj, ObjType *owner, Value *out) {
    (void)owner;
    ObjWrapper *w = (ObjWrapper *)AS_OBJ(descr);
    if (!obj) {
        *out = descr;
        return true;
    }
    if (!w->fn) {
        const char *n = prop_name(vm, w);
        if (n)
            return rt_raise(vm, &AttributeError_type, "property '%s' of '%s' object has no getter", n,
                            type_name(rt_type(obj)));
        return rt_raise(vm, &AttributeError_type, "unreadable attribute");
    }
    return rt_call1(vm, w->fn, obj, out);
}

static bool prop_set(Vm *vm, Value descr, Value obj, Value v) {
    ObjWrapper *w = (ObjWrapper *)AS_OBJ(descr);
    Value fn = v ? w->fset : w->fdel, r;
    if (!fn) {
        const char *n = prop_name(vm, w);
        if (n)
            return rt_raise(vm, &AttributeError_type, "property '%s' of '%s' object has no %s", n,
                            type_name(rt_type(obj)), v ? "setter" : "deleter");
        return rt_raise(vm, &AttributeError_type, v ? "can't set attribute" : "can't delete attribute");
    }
    if (v) return rt_call2(vm, fn, obj, v, &r);
    return rt_call1(vm, fn, obj, &r);
}

// property.getter/setter/deleter: a copy with one accessor replaced.
static bool prop_copy(Vm *vm, Value self, int which, Value fn, Value *out) {
    ObjWrapper *w = (ObjWrapper *)AS_OBJ(self);
    Value args[4] = {w->fn ? w->fn : NONE_VAL, w->fset ? w->fset : NONE_VAL,
                     w->fdel ? w->fdel : NONE_VAL, NONE_VAL};
    args[which] = fn;
    if (which != 0 && w->doc) args[3] = w->doc;
    return rt_call(vm, OBJ_VAL(rt_type(self)), args, 4, VAL_NULL, out);
}
static bool m_getter(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "getter", kw));
    TRY(rt_check_nargs(vm, "getter", nargs - 1, 1, 1));
    return prop_copy(vm, args[0], 0, args[1], out);
}
static bool m_setter(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "setter", kw));
    TRY(rt_check_nargs(vm, "setter", nargs - 1, 1, 1));
    return prop_copy(vm, args[0], 1, args[1], out);
}
static bool m_deleter(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "deleter", kw));
    TRY(rt_check_nargs(vm, "deleter", nargs - 1, 1, 1));
    return prop_copy(vm, args[0], 2, args[1], out);
}

static const MethodDef prop_methods[] = {
    {"getter", m_getter, 0},
    {"setter", m_setter, 0},
    {"deleter", m_deleter, 0},
    {NULL, NULL, 0},
};

static bool p_get_fget(Vm *vm, Value self, Value *out) { (void)vm; *out = or_none(((ObjWrapper *)AS_OBJ(self))->fn); return true; }
static bool p_get_fset(Vm *vm, Value self, Value *out) { (void)vm; *out = or_none(((ObjWrapper *)AS_OBJ(self))->fset); return true; }
static bool p_get_fdel(Vm *vm, Value self, Value *out) { (void)vm; *out = or_none(((ObjWrapper *)AS_OBJ(self))->fdel); return true; }
static bool p_get_doc(Vm *vm, Value self, Value *out) { (void)vm; *out = or_none(((ObjWrapper *)AS_OBJ(self))->doc); return true; }

static bool p_get_abstract(Vm *vm, Value self, Value *out) {
    ObjWrapper *w = (ObjWrapper *)AS_OBJ(self);
    Value fns[3] = {w->fn, w->fset, w->fdel};
    return any_abstract(vm, fns, 3, out);
}

static const GetSetDef prop_getsets[] = {
    {"__isabstractmethod__", p_get_abstract, NULL},
    {"fget", p_get_fget, NULL},
    {"fset", p_get_fset, NULL},
    {"fdel", p_get_fdel, NULL},
    {"__doc__", p_get_doc, NULL},
    {NULL, NULL, NULL},
};

ObjType property_type = {
    .hdr = OBJ_STATIC_HEADER(&type_type),
    .name = "property",
    .module = "builtins",
    .basicsize = sizeof(ObjWrapper),
    .base = &object_type,
    .flags = TYPE_BASETYPE,
    .methods = prop_methods,
    .getsets = prop_getsets,
    .trace = wrapper_trace,
    .new_ = wrapper_new,
    .init = prop_init,
    .descr_get = prop_get,
    .descr_set = prop_set,
};
