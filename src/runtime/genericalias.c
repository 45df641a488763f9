// types.GenericAlias, the object `C[args]` gives for a class whose
// __class_getitem__ is CPython's generic one (today: BaseExceptionGroup and
// its subclasses). It keeps __origin__ and __args__, prints as
// `ExceptionGroup[int]`, compares and hashes by both, calls the origin, and
// forwards other attribute reads to the origin. Type parameters (TypeVar
// substitution, __parameters__ beyond the empty tuple) are not supported:
// aiopy has no typing module.
#include <string.h>

#include "runtime/exc.h"
#include "runtime/gc.h"
#include "runtime/native.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"
#include "util/buf.h"

typedef struct ObjGenericAlias {
    Obj hdr;
    Value origin;
    Value args;          // tuple
} ObjGenericAlias;

extern ObjType genericalias_type;
#define AS_GA(v) ((ObjGenericAlias *)AS_OBJ(v))
#define IS_GA(v) IS_TYPE_EXACT(v, genericalias_type)

bool genericalias_new(Vm *vm, Value origin, Value args, Value *out) {
    Value t = args;
    if (!IS_TUPLE(args)) {
        ObjTuple *one = tuple_from(vm, &args, 1);
        TRY(one);
        t = OBJ_VAL(one);
    }
    gc_push_root(vm, t);
    ObjGenericAlias *g = (ObjGenericAlias *)gc_alloc(vm, &genericalias_type, sizeof *g);
    gc_pop_root(vm);
    TRY(g);
    g->origin = origin;
    g->args = t;
    *out = OBJ_VAL(g);
    return true;
}

static void ga_trace(Vm *vm, Obj *o) {
    gc_mark_value(vm, ((ObjGenericAlias *)o)->origin);
    gc_mark_value(vm, ((ObjGenericAlias *)o)->args);
}

static bool append(Vm *vm, Buf *b, Value s) {
    if (!buf_append(b, AS_STR(s)->data, AS_STR(s)->len)) return rt_raise_nomem(vm);
    return true;
}

// (The interned name is rooted: a __getattr__ may run, and nothing else
// need hold it.)
static int lookup(Vm *vm, Value v, const char *name, Value *out) {
    ObjStr *n = str_intern_cstr(vm, name);
    if (!n) return -1;
    gc_push_root(vm, OBJ_VAL(n));
    int r = rt_getattr_opt(vm, v, n, out);
    gc_pop_root(vm);
    return r;
}

// One item as CPython's ga_repr_item: `...`, a nested alias by its repr, a
// class as module.qualname (qualname alone for builtins), else the repr.
static bool repr_item(Vm *vm, Buf *b, Value p) {
    if (p == ELLIPSIS_VAL) {
        if (!buf_puts(b, "...")) return rt_raise_nomem(vm);
        return true;
    }
    Value tmp, qual, mod, s;
    int r = lookup(vm, p, "__origin__", &tmp);
    if (r < 0) return false;
    if (r && (r = lookup(vm, p, "__args__", &tmp)) < 0) return false;
    if (r) goto use_repr;
    if ((r = lookup(vm, p, "__qualname__", &qual)) < 0) return false;
    if (!r) goto use_repr;
    gc_push_root(vm, qual);
    r = lookup(vm, p, "__module__", &mod);
    gc_pop_root(vm);
    if (r < 0) return false;
    if (!r || IS_NONE(mod)) goto use_repr;
    if (IS_STR(mod) && str_eq_cstr(AS_STR(mod), "builtins")) {
        TRY(rt_str(vm, qual, &s));
        return append(vm, b, s);
    }
    gc_push_root(vm, qual);
    ObjStr *f = rt_format_cmsg(vm, "%S.%S", mod, qual);
    gc_pop_root(vm);
    TRY(f);
    return append(vm, b, OBJ_VAL(f));
use_repr:
    TRY(rt_repr(vm, p, &s));
    return append(vm, b, s);
}

static bool repr_items(Vm *vm, Buf *b, const Value *items, size_t n) {
    for (size_t i = 0; i < n; i++) {
        if (i && !buf_puts(b, ", ")) return rt_raise_nomem(vm);
        TRY(repr_item(vm, b, items[i]));
    }
    return true;
}

static bool ga_repr(Vm *vm, Value self, Value *out) {
    ObjGenericAlias *g = AS_GA(self);
    Buf b;
    buf_init(&b);
    bool ok = repr_item(vm, &b, g->origin) && (buf_putc(&b, '[') || rt_raise_nomem(vm));
    ObjTuple *a = AS_TUPLE(g->args);
    if (ok && a->len == 0) ok = buf_puts(&b, "()") || rt_raise_nomem(vm);
    else if (ok) ok = repr_items(vm, &b, a->items, a->len);
    ok = ok && (buf_putc(&b, ']') || rt_raise_nomem(vm));
    ObjStr *s = ok ? str_new(vm, b.data, b.len) : NULL;
    buf_free(&b);
    TRY(s);
    *out = OBJ_VAL(s);
    return true;
}

static bool ga_richcompare(Vm *vm, Value a, Value b, CmpOp op, Value *out) {
    if (!IS_GA(a) || !IS_GA(b) || (op != CMP_EQ && op != CMP_NE)) {
        *out = NOTIMPL_VAL;
        return true;
    }
    int eq = rt_eq(vm, AS_GA(a)->origin, AS_GA(b)->origin);
    if (eq < 0) return false;
    if (eq && (eq = rt_eq(vm, AS_GA(a)->args, AS_GA(b)->args)) < 0) return false;
    *out = rt_bool((eq != 0) == (op == CMP_EQ));
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

// Calls the origin; the instance learns its alias through __orig_class__
// when it can take attributes.
static bool ga_call(Vm *vm, Value self, Value *args, size_t nargs, Value kwnames, Value *out) {
    TRY(rt_call(vm, AS_GA(self)->origin, args, nargs, kwnames, out));
    gc_push_root(vm, *out);
    ObjStr *n = str_intern_cstr(vm, "__orig_class__");
    if (n) gc_push_root(vm, OBJ_VAL(n));
    bool ok = n && rt_setattr(vm, *out, n, self);
    gc_pop_roots(vm, n ? 2 : 1);
    if (!ok) {
        if (!rt_exc_matches(vm, &AttributeError_type) && !rt_exc_matches(vm, &TypeError_type)) return false;
        rt_exc_clear(vm);
    }
    return true;
}

// The alias's own attributes; every other name is read from the origin.
static const char *const own_attrs[] = {
    "__class__", "__origin__", "__args__", "__unpacked__", "__parameters__",
    "__typing_unpacked_tuple_args__", "__mro_entries__", "__reduce_ex__", "__reduce__",
    "__copy__", "__deepcopy__", "__instancecheck__", "__subclasscheck__", "__repr__",
    "__eq__", "__ne__", "__hash__", "__call__", "__getattribute__",
};

static int ga_getattr(Vm *vm, Value self, ObjStr *name, Value *out) {
    for (size_t i = 0; i < sizeof own_attrs / sizeof *own_attrs; i++)
        if (str_eq_cstr(name, own_attrs[i])) return object_getattr(vm, self, name, out);
    return rt_getattr_opt(vm, AS_GA(self)->origin, name, out);
}

static bool get_origin(Vm *vm, Value self, Value *out) { (void)vm; *out = AS_GA(self)->origin; return true; }
static bool get_args(Vm *vm, Value self, Value *out) { (void)vm; *out = AS_GA(self)->args; return true; }
static bool get_params(Vm *vm, Value self, Value *out) { (void)self; *out = vm->empty_tuple; return true; }
static bool get_unpacked(Vm *vm, Value self, Value *out) { (void)vm, (void)self; *out = FALSE_VAL; return true; }

static const GetSetDef ga_getsets[] = {
    {"__origin__", get_origin, NULL},
    {"__args__", get_args, NULL},
    {"__parameters__", get_params, NULL},
    {"__unpacked__", get_unpacked, NULL},
    {NULL, NULL, NULL},
};

static bool m_mro_entries(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "__mro_entries__", kw));
    TRY(rt_check_nargs(vm, "GenericAlias.__mro_entries__", nargs, 2, 2));
    ObjTuple *t = tuple_from(vm, &AS_GA(args[0])->origin, 1);
    TRY(t);
    *out = OBJ_VAL(t);
    return true;
}

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

ObjType genericalias_type = {
    .hdr = OBJ_STATIC_HEADER(&type_type),
    .name = "GenericAlias",
    .module = "types",
    .basicsize = sizeof(ObjGenericAlias),
    .methods = ga_methods,
    .getsets = ga_getsets,
    .trace = ga_trace,
    .repr = ga_repr,
    .richcompare = ga_richcompare,
    .hash = ga_hash,
    .call = ga_call,
    .getattr = ga_getattr,
};
