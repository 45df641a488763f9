// The contextvars module (and _contextvars, where CPython defines the
// types): Context, ContextVar, Token and copy_context(). The types and the
// machinery are runtime/context.c.
#include "runtime/context.h"
#include "runtime/dict.h"
#include "runtime/exc.h"
#include "runtime/gc.h"
#include "runtime/modules.h"
#include "runtime/native.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

static bool c_copy_context(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    (void)args;
    if (kw && AS_TUPLE(kw)->len)
        return rt_raise(vm, &TypeError_type, "_contextvars.copy_context() takes no keyword arguments");
    if (nargs)
        return rt_raise(vm, &TypeError_type, "_contextvars.copy_context() takes no arguments (%zu given)", nargs);
    return ctx_copy_current(vm, out);
}

static const MethodDef contextvars_defs[] = {
    {"copy_context", c_copy_context, 0},
    {NULL, NULL, 0},
};

bool rt_contextvars_init(Vm *vm, ObjModule *m) {
    TRY(module_add_functions(vm, m, contextvars_defs));
    ObjDict *d = AS_DICT(m->dict);
    TRY(dict_set_cstr(vm, d, "Context", OBJ_VAL(&context_type)));
    TRY(dict_set_cstr(vm, d, "ContextVar", OBJ_VAL(&contextvar_type)));
    TRY(dict_set_cstr(vm, d, "Token", OBJ_VAL(&token_type)));
    Value name;
    if (dict_get_str(vm, d, NAME(vm, name), &name) != 1 || !IS_STR(name) ||
        !str_eq_cstr(AS_STR(name), "contextvars"))
        return true;
    static const char *const all[] = {"Context", "ContextVar", "Token", "copy_context"};
    ObjTuple *t = tuple_new(vm, 4);
    TRY(t);
    gc_push_root(vm, OBJ_VAL(t));
    bool ok = true;
    for (size_t i = 0; ok && i < 4; i++) {
        ObjStr *s = str_intern_cstr(vm, all[i]);
        if (s) t->items[i] = OBJ_VAL(s);
        ok = s != NULL;
    }
    ok = ok && dict_set_cstr(vm, d, "__all__", OBJ_VAL(t));
    gc_pop_root(vm);
    return ok;
}
