// Module objects: attribute access on the namespace dict, CPython's repr
// (`<module 'm' from '/path/m.py'>`, `<module 'sys' (built-in)>`).
#include "runtime/module.h"
#include "runtime/list.h"

#include "runtime/dict.h"
#include "runtime/exc.h"
#include "runtime/gc.h"
#include "runtime/native.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "runtime/type.h"

ObjModule *module_from_dict(Vm *vm, Value dict) {
    gc_push_root(vm, dict);
    ObjModule *m = (ObjModule *)gc_alloc(vm, &module_type, sizeof(ObjModule));
    gc_pop_root(vm);
    if (!m) return NULL;
    m->dict = dict;
    return m;
}

ObjModule *module_new(Vm *vm, const char *name) {
    ObjDict *d = dict_new(vm);
    if (!d) return NULL;
    gc_push_root(vm, OBJ_VAL(d));
    ObjModule *m = NULL;
    ObjStr *n = str_from_cstr(vm, name);
    if (n && dict_set(vm, d, OBJ_VAL(NAME(vm, name)), OBJ_VAL(n)) &&
        dict_set(vm, d, OBJ_VAL(NAME(vm, doc)), NONE_VAL) &&
        dict_set_cstr(vm, d, "__package__", NONE_VAL) &&
        dict_set_cstr(vm, d, "__loader__", NONE_VAL) && dict_set_cstr(vm, d, "__spec__", NONE_VAL))
        m = module_from_dict(vm, OBJ_VAL(d));
    gc_pop_root(vm);
    return m;
}

bool module_add_functions(Vm *vm, ObjModule *m, const MethodDef *defs) {
    Value name;
    if (dict_get_str(vm, AS_DICT(m->dict), NAME(vm, name), &name) != 1) name = VAL_NULL;
    gc_push_root(vm, OBJ_VAL(m));
    for (const MethodDef *d = defs; d->name; d++) {
        ObjNative *f = native_new_function(vm, d, name);
        if (!f || !dict_set_cstr(vm, AS_DICT(m->dict), d->name, OBJ_VAL(f))) {
            gc_pop_root(vm);
            return false;
        }
    }
    gc_pop_root(vm);
    return true;
}

static void module_trace(Vm *vm, Obj *o) { gc_mark_value(vm, ((ObjModule *)o)->dict); }

static int module_getattr(Vm *vm, Value self, ObjStr *name, Value *out) {
    ObjModule *m = AS_MODULE(self);
    if (str_eq_cstr(name, "__dict__")) {
        *out = m->dict;
        return 1;
    }
    if (dict_get_str(vm, AS_DICT(m->dict), name, out) == 1) return 1;
    int r = object_getattr(vm, self, name, out);
    if (r) return r;
    // PEP 562: a module-level __getattr__(name) is asked last.
    Value fn, n;
    if (dict_get_str(vm, AS_DICT(m->dict), NAME(vm, getattr), &fn) == 1) {
        gc_push_root(vm, OBJ_VAL(name));
        bool ok = rt_call1(vm, fn, OBJ_VAL(name), out);
        gc_pop_root(vm);
        return ok ? 1 : -1;
    }
    if (dict_get_str(vm, AS_DICT(m->dict), NAME(vm, name), &n) == 1 && IS_STR(n))
        rt_raise(vm, &AttributeError_type, "module '%U' has no attribute '%U'", AS_STR(n), name);
    else
        rt_raise(vm, &AttributeError_type, "module has no attribute '%U'", name);
    return -1;
}

static bool module_setattr(Vm *vm, Value self, ObjStr *name, Value v) {
    ObjModule *m = AS_MODULE(self);
    if (v) return dict_set(vm, AS_DICT(m->dict), OBJ_VAL(name), v);
    int r = dict_del(vm, AS_DICT(m->dict), OBJ_VAL(name), NULL);
    if (r < 0) return false;
    if (r == 0) {
        Value n;
        if (dict_get_str(vm, AS_DICT(m->dict), NAME(vm, name), &n) == 1 && IS_STR(n))
            return rt_raise(vm, &AttributeError_type, "module '%U' has no attribute '%U'",
                            AS_STR(n), name);
        return rt_raise(vm, &AttributeError_type, "module has no attribute '%U'", name);
    }
    return true;
}

static bool module_repr(Vm *vm, Value self, Value *out) {
    ObjModule *m = AS_MODULE(self);
    Value n, f;
    ObjStr *s;
    bool has_name = dict_get_str(vm, AS_DICT(m->dict), NAME(vm, name), &n) == 1;
    ObjStr *fk = str_intern_cstr(vm, "__file__");
    TRY(fk);
    bool has_file = dict_get_str(vm, AS_DICT(m->dict), fk, &f) == 1;
    if (!has_name) n = OBJ_VAL(str_intern_cstr(vm, "?"));
    if (!n) return false;
    if (has_file) s = rt_format_cmsg(vm, "<module %R from %R>", n, f);
    else s = rt_format_cmsg(vm, "<module %R (built-in)>", n);
    TRY(s);
    *out = OBJ_VAL(s);
    return true;
}

// module.__dir__(): PEP 562's module-level __dir__() when the module has
// one (asyncio's lazy names), else the names of its namespace.
static bool module_m_dir(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "__dir__", kw));
    TRY(rt_check_nargs(vm, "__dir__", nargs - 1, 0, 0));
    ObjModule *m = AS_MODULE(args[0]);
    Value fn;
    ObjStr *dn = str_intern_cstr(vm, "__dir__");
    TRY(dn);
    if (dict_get_str(vm, AS_DICT(m->dict), dn, &fn) == 1) return rt_call0(vm, fn, out);
    ObjList *l = list_new(vm, 0);
    TRY(l);
    gc_push_root(vm, OBJ_VAL(l));
    bool ok = list_extend(vm, l, m->dict);
    gc_pop_root(vm);
    TRY(ok);
    *out = OBJ_VAL(l);
    return true;
}

static const MethodDef module_methods[] = {
    {"__dir__", module_m_dir, 0},
    {NULL, NULL, 0},
};

// types.ModuleType(name, doc=None): an empty module, as the import system
// would make one before running its code.
static bool module_new_slot(Vm *vm, ObjType *t, Value *args, size_t nargs, Value kwnames, Value *out) {
    (void)args, (void)nargs, (void)kwnames;
    ObjDict *d = dict_new(vm);
    TRY(d);
    gc_push_root(vm, OBJ_VAL(d));
    ObjModule *m = (ObjModule *)gc_alloc(vm, t, t->basicsize);
    gc_pop_root(vm);
    TRY(m);
    m->dict = OBJ_VAL(d);
    *out = OBJ_VAL(m);
    return true;
}

static bool module_init(Vm *vm, Value self, Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {"name", "doc"};
    Value a[2];
    TRY(rt_parse_args(vm, "module", args, nargs, kwnames, names, 2, 2, 1, a));
    if (!IS_STR(a[0]))
        return rt_raise(vm, &TypeError_type, "module.__init__() argument 'name' must be str, not %s",
                        type_name(rt_type(a[0])));
    ObjDict *d = AS_DICT(AS_MODULE(self)->dict);
    return dict_set(vm, d, OBJ_VAL(NAME(vm, name)), a[0]) &&
           dict_set(vm, d, OBJ_VAL(NAME(vm, doc)), a[1] ? a[1] : NONE_VAL) &&
           dict_set_cstr(vm, d, "__package__", NONE_VAL) && dict_set_cstr(vm, d, "__loader__", NONE_VAL) &&
           dict_set_cstr(vm, d, "__spec__", NONE_VAL);
}

ObjType module_type = {
    .hdr = OBJ_STATIC_HEADER(&type_type),
    .name = "module",
    .module = "builtins",
    .basicsize = sizeof(ObjModule),
    .base = &object_type,
    .flags = TYPE_BASETYPE,
    .trace = module_trace,
    .new_ = module_new_slot,
    .init = module_init,
    .repr = module_repr,
    .getattr = module_getattr,
    .setattr = module_setattr,
    .methods = module_methods,
};
