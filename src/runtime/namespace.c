// types.SimpleNamespace, CPython 3.11's Objects/namespaceobject.c: an object
// whose attributes are its keyword arguments, printed as `namespace(a=1)`
// (a subclass by its own name), equal to another namespace with the same
// attributes. It is the type of sys.implementation; lib/types.py takes it
// from there, as CPython's types module does.
#include "runtime/namespace.h"

#include "runtime/dict.h"
#include "runtime/exc.h"
#include "runtime/gc.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"
#include "util/buf.h"

// The instance dict, made on first use.
static ObjDict *ns_dict(Vm *vm, Value self) {
    Value *slot = obj_dict_slot(self);
    if (!*slot) {
        ObjDict *d = dict_new(vm);
        if (!d) return NULL;
        *slot = OBJ_VAL(d);
    }
    return AS_DICT(*slot);
}

bool namespace_new(Vm *vm, Value *out) {
    Obj *o = gc_alloc(vm, &namespace_type, sizeof(ObjInstance));
    TRY(o);
    *out = OBJ_VAL(o);
    gc_push_root(vm, *out);
    bool ok = ns_dict(vm, *out) != NULL;
    gc_pop_root(vm);
    return ok;
}

bool namespace_set(Vm *vm, Value ns, const char *name, Value v) {
    gc_push_root(vm, v);
    ObjDict *d = ns_dict(vm, ns);
    bool ok = d && dict_set_cstr(vm, d, name, v);
    gc_pop_root(vm);
    return ok;
}

static bool ns_new_slot(Vm *vm, ObjType *t, Value *args, size_t nargs, Value kwnames, Value *out) {
    (void)args, (void)nargs, (void)kwnames;
    Obj *o = gc_alloc(vm, t, t->basicsize);
    TRY(o);
    *out = OBJ_VAL(o);
    return true;
}

static bool ns_init(Vm *vm, Value self, Value *args, size_t nargs, Value kwnames) {
    if (nargs) return rt_raise(vm, &TypeError_type, "no positional arguments expected");
    if (!kwnames) return true;
    ObjDict *d = ns_dict(vm, self);
    TRY(d);
    ObjTuple *names = AS_TUPLE(kwnames);
    for (size_t i = 0; i < names->len; i++) TRY(dict_set(vm, d, names->items[i], args[i]));
    return true;
}

static bool ns_repr(Vm *vm, Value self, Value *out) {
    ObjType *t = rt_type(self);
    const char *name = t == &namespace_type ? "namespace" : t->name;
    int r = rt_repr_enter(vm, self);
    if (r < 0) return false;
    ObjStr *s;
    if (r > 0) {
        s = rt_format_cmsg(vm, "%s(...)", name);
        TRY(s);
        *out = OBJ_VAL(s);
        return true;
    }
    Buf b;
    buf_init(&b);
    bool ok = buf_printf(&b, "%s(", name) || rt_raise_nomem(vm);
    Value *slot = obj_dict_slot(self);
    if (ok && *slot) {
        ObjDict *d = AS_DICT(*slot);
        gc_push_root(vm, OBJ_VAL(d));   // a repr could replace ns.__dict__
        size_t pos = 0, n = 0;
        Value k, v, rv;
        while (ok && dict_next(d, &pos, &k, &v)) {
            if (!IS_STR(k)) continue;   // CPython shows only the str keys
            gc_push_root(vm, v);
            ok = rt_repr(vm, v, &rv);
            gc_pop_root(vm);
            if (ok && !((!n++ || buf_puts(&b, ", ")) && buf_append(&b, AS_STR(k)->data, AS_STR(k)->len) &&
                        buf_putc(&b, '=') && buf_append(&b, AS_STR(rv)->data, AS_STR(rv)->len)))
                ok = rt_raise_nomem(vm);
        }
        gc_pop_root(vm);
    }
    rt_repr_leave(vm, self);
    if (ok && !buf_putc(&b, ')')) ok = rt_raise_nomem(vm);
    s = ok ? str_new(vm, b.data, b.len) : NULL;
    buf_free(&b);
    TRY(s);
    *out = OBJ_VAL(s);
    return true;
}

static bool ns_richcompare(Vm *vm, Value a, Value b, CmpOp op, Value *out) {
    if (!IS_INSTANCE(a, namespace_type) || !IS_INSTANCE(b, namespace_type)) {
        *out = NOTIMPL_VAL;
        return true;
    }
    ObjDict *da = ns_dict(vm, a);
    TRY(da);
    gc_push_root(vm, OBJ_VAL(da));
    ObjDict *db = ns_dict(vm, b);
    bool ok = db && rt_richcompare(vm, OBJ_VAL(da), OBJ_VAL(db), op, out);
    gc_pop_root(vm);
    return ok;
}

static void ns_trace(Vm *vm, Obj *o) { gc_mark_value(vm, ((ObjInstance *)o)->dict); }

ObjType namespace_type = {
    .hdr = OBJ_STATIC_HEADER(&type_type),
    .name = "types.SimpleNamespace",
    .basicsize = sizeof(ObjInstance),
    .dictoffset = offsetof(ObjInstance, dict),
    .flags = TYPE_BASETYPE,
    .base = &object_type,
    .trace = ns_trace,
    .new_ = ns_new_slot,
    .init = ns_init,
    .repr = ns_repr,
    .hash = rt_unhashable,
    .richcompare = ns_richcompare,
};
