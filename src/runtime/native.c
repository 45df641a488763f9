// Builtin functions, bound builtin methods and method descriptors (see
// native.h), plus the argument-checking helpers every NativeFn uses.
#include "runtime/native.h"

#include <string.h>

#include "runtime/exc.h"
#include "runtime/gc.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"

static ObjNative *make(Vm *vm, const MethodDef *def, Value self, ObjType *owner, Value module) {
    gc_push_root(vm, self);
    gc_push_root(vm, module);
    ObjNative *n = (ObjNative *)gc_alloc(vm, &native_type, sizeof(ObjNative));
    gc_pop_roots(vm, 2);
    if (!n) return NULL;
    n->def = def;
    n->self = self;
    n->owner = owner;
    n->module = module;
    return n;
}

ObjNative *native_new_function(Vm *vm, const MethodDef *def, Value module) {
    return make(vm, def, VAL_NULL, NULL, module);
}

ObjNative *native_new_bound(Vm *vm, const MethodDef *def, Value self, ObjType *owner) {
    return make(vm, def, self, owner, VAL_NULL);
}

ObjNative *native_new_descriptor(Vm *vm, const MethodDef *def, ObjType *owner) {
    return make(vm, def, VAL_NULL, owner, VAL_NULL);
}

// ---- argument helpers ----

bool rt_kwargs_error(Vm *vm, const char *fname, Value kwnames) {
    if (kwnames && AS_TUPLE(kwnames)->len)
        return rt_raise(vm, &TypeError_type, "%s() takes no keyword arguments", fname);
    return true;
}

bool rt_nargs_error(Vm *vm, const char *fname, size_t nargs, size_t min, size_t max) {
    // Counts here include self for methods; messages count the user's arguments
    // when the name is qualified ("list.append"), as CPython's METH_O/NOARGS do.
    if (nargs >= min && nargs <= max) return true;
    bool method = strchr(fname, '.') != NULL;
    size_t shown = method ? nargs - 1 : nargs, smin = method ? min - 1 : min,
           smax = method ? max - 1 : max;
    if (method && smin == smax) {
        if (smax == 0)
            return rt_raise(vm, &TypeError_type, "%s() takes no arguments (%zu given)", fname, shown);
        if (smax == 1)
            return rt_raise(vm, &TypeError_type, "%s() takes exactly one argument (%zu given)", fname, shown);
        return rt_raise(vm, &TypeError_type, "%s() takes exactly %zu arguments (%zu given)", fname, smax, shown);
    }
    // Unqualified names are methods too when the table passes self: callers
    // pass bounds including self; report without it.
    if (!method && min >= 1) {
        shown = nargs - 1;
        smin = min - 1;
        smax = max == SIZE_MAX ? max : max - 1;
    }
    if (shown < smin)
        return rt_raise(vm, &TypeError_type, "%s expected at least %zu argument%s, got %zu", fname,
                        smin, smin == 1 ? "" : "s", shown);
    return rt_raise(vm, &TypeError_type, "%s expected at most %zu argument%s, got %zu", fname, smax,
                    smax == 1 ? "" : "s", shown);
}

bool rt_parse_args(Vm *vm, const char *fname, Value *args, size_t nargs, Value kwnames,
                   const char *const *names, size_t nnames, size_t npos, size_t nrequired,
                   Value *out) {
    if (nargs > npos) {
        return rt_raise(vm, &TypeError_type, "%s() takes at most %zu argument%s (%zu given)", fname,
                        npos, npos == 1 ? "" : "s", nargs);
    }
    for (size_t i = 0; i < nnames; i++) out[i] = i < nargs ? args[i] : VAL_NULL;
    size_t nkw = kwnames ? AS_TUPLE(kwnames)->len : 0;
    for (size_t k = 0; k < nkw; k++) {
        ObjStr *kn = AS_STR(AS_TUPLE(kwnames)->items[k]);
        size_t i = 0;
        while (i < nnames && !(names[i][0] && str_eq_cstr(kn, names[i]))) i++;
        if (i == nnames)
            return rt_raise(vm, &TypeError_type, "%s() got an unexpected keyword argument '%U'",
                            fname, kn);
        if (out[i])
            return rt_raise(vm, &TypeError_type, "argument for %s() given by name ('%s') and position (%zu)",
                            fname, names[i], i + 1);
        out[i] = args[nargs + k];
    }
    for (size_t i = 0; i < nrequired; i++)
        if (!out[i]) {
            if (names[i][0])
                return rt_raise(vm, &TypeError_type, "%s() missing required argument '%s' (pos %zu)",
                                fname, names[i], i + 1);
            return rt_raise(vm, &TypeError_type, "%s() takes at least %zu argument%s (%zu given)",
                            fname, nrequired, nrequired == 1 ? "" : "s", nargs);
        }
    return true;
}

// ---- slots ----

static void native_trace(Vm *vm, Obj *o) {
    ObjNative *n = (ObjNative *)o;
    gc_mark_value(vm, n->self);
    gc_mark_value(vm, n->module);
    if (n->owner) gc_mark_obj(vm, &n->owner->hdr);
}

static bool native_call(Vm *vm, Value self, Value *args, size_t nargs, Value kwnames, Value *out) {
    ObjNative *n = AS_NATIVE(self);
    const MethodDef *d = n->def;
    bool ok;
    TRY(rt_enter(vm, RT_WHERE_CALL));
    if (n->self && !(d->flags & METH_STATIC)) {
        size_t nkw = kwnames ? AS_TUPLE(kwnames)->len : 0, total = nargs + nkw + 1;
        Value stack[8];
        Value *a = total <= 8 ? stack : rt_alloc(vm, total * sizeof(Value));
        if (!a) {
            rt_leave(vm);
            return false;
        }
        a[0] = n->self;
        if (total > 1) memcpy(a + 1, args, (total - 1) * sizeof(Value));
        gc_push_root(vm, self);
        ok = d->fn(vm, a, nargs + 1, kwnames, out);
        gc_pop_root(vm);
        if (a != stack) rt_free(vm, a, total * sizeof(Value));
    } else if (n->owner && !(d->flags & (METH_STATIC | METH_CLASS))) {
        // Unbound descriptor: str.upper("x") must get a str.
        if (nargs < 1)
            ok = rt_raise(vm, &TypeError_type, "unbound method %s.%s() needs an argument",
                          n->owner->name, d->name);
        else if (rt_type(args[0]) != n->owner && !type_is_subtype(rt_type(args[0]), n->owner))
            ok = rt_raise(vm, &TypeError_type,
                          "descriptor '%s' for '%s' objects doesn't apply to a '%s' object",
                          d->name, n->owner->name, type_name(rt_type(args[0])));
        else
            ok = d->fn(vm, args, nargs, kwnames, out);
    } else if (d->flags & METH_CLASS) {
        Value cls = n->self ? n->self : OBJ_VAL(n->owner);
        size_t nkw = kwnames ? AS_TUPLE(kwnames)->len : 0, total = nargs + nkw + 1;
        Value *a = rt_alloc(vm, total * sizeof(Value));
        if (!a) {
            rt_leave(vm);
            return false;
        }
        a[0] = cls;
        if (total > 1) memcpy(a + 1, args, (total - 1) * sizeof(Value));
        ok = d->fn(vm, a, nargs + 1, kwnames, out);
        rt_free(vm, a, total * sizeof(Value));
    } else {
        ok = d->fn(vm, args, nargs, kwnames, out);
    }
    rt_leave(vm);
    return ok;
}

static bool native_descr_get(Vm *vm, Value descr, Value obj, ObjType *owner, Value *out) {
    ObjNative *n = AS_NATIVE(descr);
    if (n->self || !n->owner) {   // already bound, or a plain function
        *out = descr;
        return true;
    }
    if (n->def->flags & METH_CLASS) {
        ObjNative *b = native_new_bound(vm, n->def, obj ? OBJ_VAL(rt_type(obj)) : OBJ_VAL(owner), n->owner);
        TRY(b);
        *out = OBJ_VAL(b);
        return true;
    }
    if (!obj || (n->def->flags & METH_STATIC)) {
        *out = descr;
        return true;
    }
    if (!type_is_subtype(rt_type(obj), n->owner))
        return rt_raise(vm, &TypeError_type,
                        "descriptor '%s' for '%s' objects doesn't apply to a '%s' object",
                        n->def->name, n->owner->name, type_name(rt_type(obj)));
    ObjNative *b = native_new_bound(vm, n->def, obj, n->owner);
    TRY(b);
    *out = OBJ_VAL(b);
    return true;
}

static bool native_repr(Vm *vm, Value self, Value *out) {
    ObjNative *n = AS_NATIVE(self);
    ObjStr *s;
    if (n->self && !IS_TYPE(n->self))
        s = rt_format_cmsg(vm, "<built-in method %s of %s object at %p>", n->def->name,
                           type_name(rt_type(n->self)), (void *)AS_OBJ(n->self));
    else if (n->self)
        s = rt_format_cmsg(vm, "<built-in method %s of type object at %p>", n->def->name,
                           (void *)AS_OBJ(n->self));
    else if (n->owner)
        s = rt_format_cmsg(vm, "<method '%s' of '%s' objects>", n->def->name, n->owner->name);
    else
        s = rt_format_cmsg(vm, "<built-in function %s>", n->def->name);
    TRY(s);
    *out = OBJ_VAL(s);
    return true;
}

static bool get_name(Vm *vm, Value self, Value *out) {
    ObjStr *s = str_from_cstr(vm, AS_NATIVE(self)->def->name);
    TRY(s);
    *out = OBJ_VAL(s);
    return true;
}

// CPython's: "Type.name" for methods of a type (bound or not), the bare
// name for module functions.
static bool get_qualname(Vm *vm, Value self, Value *out) {
    ObjNative *n = AS_NATIVE(self);
    if (!n->owner) return get_name(vm, self, out);
    ObjStr *s = rt_format_cmsg(vm, "%s.%s", type_short_name(n->owner), n->def->name);
    TRY(s);
    *out = OBJ_VAL(s);
    return true;
}

static bool get_self(Vm *vm, Value self, Value *out) {
    (void)vm;
    ObjNative *n = AS_NATIVE(self);
    *out = n->self ? n->self : n->module ? n->module : NONE_VAL;
    return true;
}

static const GetSetDef native_getsets[] = {
    {"__name__", get_name, NULL},
    {"__qualname__", get_qualname, NULL},
    {"__self__", get_self, NULL},
    {NULL, NULL, NULL},
};

ObjType native_type = {
    .hdr = OBJ_STATIC_HEADER(&type_type),
    .name = "builtin_function_or_method",
    .module = "builtins",
    .basicsize = sizeof(ObjNative),
    .base = &object_type,
    .getsets = native_getsets,
    .trace = native_trace,
    .call = native_call,
    .repr = native_repr,
    .descr_get = native_descr_get,
};
