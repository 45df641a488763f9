// Context, ContextVar and Token (see context.h), with CPython 3.11's
// messages and reprs. The module table that exposes them is
// mod_contextvars.c; the variables' storage is the persistent map of hamt.c.
//
// Type names follow CPython's tp_name ("_contextvars.ContextVar"): errors
// and descriptor reprs show them whole, __name__ and __module__ split them
// (type.c). None of the types can be subclassed, as in CPython.
#include "runtime/context.h"

#include "runtime/exc.h"
#include "runtime/gc.h"
#include "runtime/genericalias.h"
#include "runtime/native.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"

// ---- Token.MISSING ----

static bool missing_repr(Vm *vm, Value self, Value *out) {
    (void)self;
    ObjStr *s = str_from_cstr(vm, "<Token.MISSING>");
    TRY(s);
    *out = OBJ_VAL(s);
    return true;
}

static ObjType token_missing_type = {
    .hdr = OBJ_STATIC_HEADER(&type_type),
    .name = "Token.MISSING",
    .basicsize = sizeof(Obj),
    .flags = TYPE_ABSTRACT_NEW,
    .base = &object_type,
    .repr = missing_repr,
};

Obj ctx_token_missing = OBJ_STATIC_HEADER(&token_missing_type);

// ---- the current Context ----

ObjContext *ctx_new(Vm *vm) { return (ObjContext *)gc_alloc(vm, &context_type, sizeof(ObjContext)); }

ObjContext *ctx_current(Vm *vm) {
    if (vm->context) return AS_CONTEXT(vm->context);
    ObjContext *c = ctx_new(vm);
    if (c) vm->context = OBJ_VAL(c);
    return c;
}

bool ctx_copy(Vm *vm, ObjContext *ctx, Value *out) {
    gc_push_root(vm, OBJ_VAL(ctx));
    ObjContext *c = ctx_new(vm);
    gc_pop_root(vm);
    TRY(c);
    c->vars = ctx->vars;
    *out = OBJ_VAL(c);
    return true;
}

bool ctx_copy_current(Vm *vm, Value *out) {
    ObjContext *cur = ctx_current(vm);
    TRY(cur);
    return ctx_copy(vm, cur, out);
}

// ---- entering and leaving ----

bool ctx_enter(Vm *vm, ObjContext *ctx) {
    if (ctx->entered)
        return rt_raise(vm, &RuntimeError_type, "cannot enter context: %R is already entered", OBJ_VAL(ctx));
    ctx->prev = vm->context;
    ctx->entered = true;
    vm->context = OBJ_VAL(ctx);
    return true;
}

bool ctx_exit(Vm *vm, ObjContext *ctx) {
    if (!ctx->entered || vm->context != OBJ_VAL(ctx)) {
        // A caller bug; report it unless an exception is already on its way.
        if (vm->exc) return false;
        if (!ctx->entered)
            return rt_raise(vm, &RuntimeError_type, "cannot exit context: %R has not been entered", OBJ_VAL(ctx));
        return rt_raise(vm, &RuntimeError_type,
                        "cannot exit context: thread state references a different context object");
    }
    vm->context = ctx->prev;
    ctx->prev = VAL_NULL;
    ctx->entered = false;
    return true;
}

bool ctx_run(Vm *vm, ObjContext *ctx, Value callable, Value *args, size_t nargs, Value kwnames,
             Value *out) {
    TRY(ctx_enter(vm, ctx));
    // [ctx] stays reachable as vm->context while the call runs.
    bool ok = rt_call(vm, callable, args, nargs, kwnames, out);
    if (ok) gc_push_root(vm, *out);
    bool exited = ctx_exit(vm, ctx);
    if (ok) gc_pop_root(vm);
    return ok && exited;
}

// ---- ContextVar ----

ObjContextVar *cvar_new(Vm *vm, Value name, Value dflt) {
    if (!IS_STR(name)) {
        rt_raise(vm, &TypeError_type, "context variable name must be a str");
        return NULL;
    }
    ObjContextVar *v = (ObjContextVar *)gc_alloc(vm, &contextvar_type, sizeof(ObjContextVar));
    if (!v) return NULL;
    v->name = name;
    v->dflt = dflt;
    return v;
}

bool cvar_get(Vm *vm, ObjContextVar *var, Value dflt, Value *out) {
    if (vm->context && hamt_get(&AS_CONTEXT(vm->context)->vars, OBJ_VAL(var), out)) return true;
    if (dflt) {
        *out = dflt;
        return true;
    }
    if (var->dflt) {
        *out = var->dflt;
        return true;
    }
    return rt_raise_arg(vm, &LookupError_type, OBJ_VAL(var));
}

// Maps [var] to [val] in the current Context (NULL [val]: removes it).
static bool ctx_store(Vm *vm, ObjContext *ctx, ObjContextVar *var, Value val) {
    Hamt h;
    if (!val) {
        int r = hamt_del(vm, &ctx->vars, OBJ_VAL(var), &h);
        if (r < 0) return false;
        if (r == 0) return rt_raise_arg(vm, &LookupError_type, OBJ_VAL(var));
    } else {
        TRY(hamt_set(vm, &ctx->vars, OBJ_VAL(var), val, &h));
    }
    ctx->vars = h;
    return true;
}

bool cvar_set(Vm *vm, ObjContextVar *var, Value val, Value *token) {
    size_t mark = gc_roots_mark(vm);
    gc_push_root(vm, OBJ_VAL(var));
    gc_push_root(vm, val);
    bool ok = false;
    ObjContext *ctx = ctx_current(vm);   // then reachable as vm->context
    ObjToken *t = NULL;
    if (!ctx) goto done;
    if (token) {
        if (!(t = (ObjToken *)gc_alloc(vm, &token_type, sizeof(ObjToken)))) goto done;
        t->ctx = OBJ_VAL(ctx);
        t->var = OBJ_VAL(var);
        Value old;
        t->old = hamt_get(&ctx->vars, OBJ_VAL(var), &old) ? old : VAL_NULL;
        gc_push_root(vm, OBJ_VAL(t));
    }
    if (!ctx_store(vm, ctx, var, val)) goto done;
    if (token) *token = OBJ_VAL(t);
    ok = true;
done:
    gc_roots_reset(vm, mark);
    return ok;
}

bool cvar_reset(Vm *vm, ObjContextVar *var, ObjToken *tok) {
    if (tok->used) return rt_raise(vm, &RuntimeError_type, "%R has already been used once", OBJ_VAL(tok));
    if (tok->var != OBJ_VAL(var))
        return rt_raise(vm, &ValueError_type, "%R was created by a different ContextVar", OBJ_VAL(tok));
    if (tok->ctx != vm->context)
        return rt_raise(vm, &ValueError_type, "%R was created in a different Context", OBJ_VAL(tok));
    tok->used = true;
    return ctx_store(vm, AS_CONTEXT(tok->ctx), var, tok->old);
}

static void cvar_trace(Vm *vm, Obj *o) {
    ObjContextVar *v = (ObjContextVar *)o;
    gc_mark_value(vm, v->name);
    gc_mark_value(vm, v->dflt);
}

// ContextVar(name, *, default): PyArg_ParseTupleAndKeywords "O|$O"'s checks,
// in its order.
static bool cvar_new_slot(Vm *vm, ObjType *t, Value *args, size_t nargs, Value kwnames, Value *out) {
    (void)t;
    size_t nkw = kwnames ? AS_TUPLE(kwnames)->len : 0;
    if (nargs + nkw > 2)
        return rt_raise(vm, &TypeError_type, "ContextVar() takes at most 2 arguments (%zu given)", nargs + nkw);
    if (nargs > 1)
        return rt_raise(vm, &TypeError_type, "ContextVar() takes at most 1 positional argument (%zu given)", nargs);
    if (nargs < 1)
        return rt_raise(vm, &TypeError_type, "ContextVar() takes exactly 1 positional argument (%zu given)", nargs);
    Value dflt = VAL_NULL;
    for (size_t i = 0; i < nkw; i++) {
        ObjStr *k = AS_STR(AS_TUPLE(kwnames)->items[i]);
        if (!str_eq_cstr(k, "default"))
            return rt_raise(vm, &TypeError_type, "'%U' is an invalid keyword argument for ContextVar()", k);
        dflt = args[nargs + i];
    }
    ObjContextVar *v = cvar_new(vm, args[0], dflt);
    TRY(v);
    *out = OBJ_VAL(v);
    return true;
}

static bool cvar_repr(Vm *vm, Value self, Value *out) {
    ObjContextVar *v = AS_CONTEXTVAR(self);
    ObjStr *s = v->dflt ? rt_format_cmsg(vm, "<ContextVar name=%R default=%R at %p>", v->name, v->dflt, (void *)v)
                        : rt_format_cmsg(vm, "<ContextVar name=%R at %p>", v->name, (void *)v);
    TRY(s);
    *out = OBJ_VAL(s);
    return true;
}

static bool m_cvar_get(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "ContextVar.get", kw));
    TRY(rt_check_nargs(vm, "get", nargs, 1, 2));
    return cvar_get(vm, AS_CONTEXTVAR(args[0]), nargs == 2 ? args[1] : VAL_NULL, out);
}

static bool m_cvar_set(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "ContextVar.set", kw));
    TRY(rt_check_nargs(vm, "ContextVar.set", nargs, 2, 2));
    return cvar_set(vm, AS_CONTEXTVAR(args[0]), args[1], out);
}

static bool m_cvar_reset(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "ContextVar.reset", kw));
    TRY(rt_check_nargs(vm, "ContextVar.reset", nargs, 2, 2));
    if (!IS_TOKEN(args[1]))
        return rt_raise(vm, &TypeError_type, "expected an instance of Token, got %R", args[1]);
    TRY(cvar_reset(vm, AS_CONTEXTVAR(args[0]), AS_TOKEN(args[1])));
    *out = NONE_VAL;
    return true;
}

static const MethodDef cvar_methods[] = {
    {"get", m_cvar_get, 0},
    {"set", m_cvar_set, 0},
    {"reset", m_cvar_reset, 0},
    {"__class_getitem__", ga_class_getitem, METH_CLASS},
    {NULL, NULL, 0},
};

static bool cvar_get_name(Vm *vm, Value self, Value *out) {
    (void)vm;
    *out = AS_CONTEXTVAR(self)->name;
    return true;
}

static const GetSetDef cvar_getsets[] = {
    {"name", cvar_get_name, rt_member_readonly},
    {NULL, NULL, NULL},
};

ObjType contextvar_type = {
    .hdr = OBJ_STATIC_HEADER(&type_type),
    .name = "_contextvars.ContextVar",
    .basicsize = sizeof(ObjContextVar),
    .base = &object_type,
    .methods = cvar_methods,
    .getsets = cvar_getsets,
    .trace = cvar_trace,
    .new_ = cvar_new_slot,
    .repr = cvar_repr,
};

// ---- Token ----

static void token_trace(Vm *vm, Obj *o) {
    ObjToken *t = (ObjToken *)o;
    gc_mark_value(vm, t->ctx);
    gc_mark_value(vm, t->var);
    gc_mark_value(vm, t->old);
}

static bool token_new_slot(Vm *vm, ObjType *t, Value *args, size_t nargs, Value kwnames, Value *out) {
    (void)t, (void)args, (void)nargs, (void)kwnames, (void)out;
    return rt_raise(vm, &RuntimeError_type, "Tokens can only be created by ContextVars");
}

static bool token_repr(Vm *vm, Value self, Value *out) {
    ObjToken *t = AS_TOKEN(self);
    ObjStr *s = rt_format_cmsg(vm, "<Token%s var=%R at %p>", t->used ? " used" : "", t->var, (void *)t);
    TRY(s);
    *out = OBJ_VAL(s);
    return true;
}

static bool token_get_var(Vm *vm, Value self, Value *out) {
    (void)vm;
    *out = AS_TOKEN(self)->var;
    return true;
}

static bool token_get_old(Vm *vm, Value self, Value *out) {
    (void)vm;
    Value old = AS_TOKEN(self)->old;
    *out = old ? old : OBJ_VAL(&ctx_token_missing);
    return true;
}

static bool token_missing_value(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    (void)vm, (void)args, (void)nargs, (void)kw;
    *out = OBJ_VAL(&ctx_token_missing);
    return true;
}

static const MethodDef token_methods[] = {
    {"MISSING", token_missing_value, METH_VALUE},
    {"__class_getitem__", ga_class_getitem, METH_CLASS},
    {NULL, NULL, 0},
};

static const GetSetDef token_getsets[] = {
    {"var", token_get_var, NULL},
    {"old_value", token_get_old, NULL},
    {NULL, NULL, NULL},
};

ObjType token_type = {
    .hdr = OBJ_STATIC_HEADER(&type_type),
    .name = "_contextvars.Token",
    .basicsize = sizeof(ObjToken),
    .base = &object_type,
    .methods = token_methods,
    .getsets = token_getsets,
    .trace = token_trace,
    .new_ = token_new_slot,
    .repr = token_repr,
    .hash = rt_unhashable,
};

// ---- Context: the mapping ----

static void context_trace(Vm *vm, Obj *o) {
    ObjContext *c = (ObjContext *)o;
    hamt_mark(vm, &c->vars);
    gc_mark_value(vm, c->prev);
}

static bool context_new_slot(Vm *vm, ObjType *t, Value *args, size_t nargs, Value kwnames, Value *out) {
    (void)t, (void)args;
    if (nargs || (kwnames && AS_TUPLE(kwnames)->len))
        return rt_raise(vm, &TypeError_type, "Context() does not accept any arguments");
    ObjContext *c = ctx_new(vm);
    TRY(c);
    *out = OBJ_VAL(c);
    return true;
}

static bool check_key(Vm *vm, Value key) {
    if (IS_CONTEXTVAR(key)) return true;
    return rt_raise(vm, &TypeError_type, "a ContextVar key was expected, got %R", key);
}

static bool context_getitem(Vm *vm, Value self, Value key, Value *out) {
    TRY(check_key(vm, key));
    if (hamt_get(&AS_CONTEXT(self)->vars, key, out)) return true;
    return rt_raise_arg(vm, &KeyError_type, key);
}

static int context_contains(Vm *vm, Value self, Value key) {
    if (!check_key(vm, key)) return -1;
    Value v;
    return hamt_get(&AS_CONTEXT(self)->vars, key, &v);
}

static bool context_len(Vm *vm, Value self, int64_t *out) {
    (void)vm;
    *out = (int64_t)AS_CONTEXT(self)->vars.count;
    return true;
}

// Same variables, and values equal by ==, which may run Python code: the
// two maps are held as they are now (a set during the comparison makes new
// maps and leaves these alone).
static int vars_equal(Vm *vm, const Hamt *a, const Hamt *b) {
    if (a->root == b->root) return 1;
    if (a->count != b->count) return 0;
    Hamt x = *a, y = *b;
    gc_push_root(vm, OBJ_VAL(x.root));
    gc_push_root(vm, OBJ_VAL(y.root));
    HamtIter it;
    hamt_iter_init(&it, &x);
    Value k, v, w;
    int eq = 1;
    while (eq == 1 && hamt_iter_next(&it, &k, &v)) eq = hamt_get(&y, k, &w) ? rt_eq(vm, v, w) : 0;
    gc_pop_roots(vm, 2);
    return eq;
}

static bool context_richcompare(Vm *vm, Value a, Value b, CmpOp op, Value *out) {
    if (!IS_CONTEXT(a) || !IS_CONTEXT(b) || (op != CMP_EQ && op != CMP_NE)) {
        *out = NOTIMPL_VAL;
        return true;
    }
    int eq = vars_equal(vm, &AS_CONTEXT(a)->vars, &AS_CONTEXT(b)->vars);
    if (eq < 0) return false;
    *out = rt_bool(eq == (op == CMP_EQ));
    return true;
}

// ---- Context: keys(), values(), items() and iteration ----
//
// As CPython's, these are iterators over the map as it was when they were
// made, and their len() is the map's size, however far they have gone.

typedef struct CtxIter {
    Obj hdr;
    Hamt map;
    HamtIter it;
} CtxIter;

static void ctxiter_trace(Vm *vm, Obj *o) { hamt_mark(vm, &((CtxIter *)o)->map); }

static bool ctxiter_self(Vm *vm, Value self, Value *out) {
    (void)vm;
    *out = self;
    return true;
}

static bool ctxiter_len(Vm *vm, Value self, int64_t *out) {
    (void)vm;
    *out = (int64_t)((CtxIter *)AS_OBJ(self))->map.count;
    return true;
}

static IterResult keys_next(Vm *vm, Value self, Value *out) {
    (void)vm;
    Value v;
    return hamt_iter_next(&((CtxIter *)AS_OBJ(self))->it, out, &v) ? ITER_NEXT : ITER_DONE;
}

static IterResult values_next(Vm *vm, Value self, Value *out) {
    (void)vm;
    Value k;
    return hamt_iter_next(&((CtxIter *)AS_OBJ(self))->it, &k, out) ? ITER_NEXT : ITER_DONE;
}

static IterResult items_next(Vm *vm, Value self, Value *out) {
    Value k, v;
    if (!hamt_iter_next(&((CtxIter *)AS_OBJ(self))->it, &k, &v)) return ITER_DONE;
    ObjTuple *t = tuple_pack2(vm, k, v);   // both stay reachable from the iterator's map
    if (!t) return ITER_ERROR;
    *out = OBJ_VAL(t);
    return ITER_NEXT;
}

#define CTXITER_TYPE(var, pyname, next)        \
    static ObjType var = {                     \
        .hdr = OBJ_STATIC_HEADER(&type_type),  \
        .name = pyname,                        \
        .basicsize = sizeof(CtxIter),          \
        .flags = TYPE_ABSTRACT_NEW,            \
        .base = &object_type,                  \
        .trace = ctxiter_trace,                \
        .len = ctxiter_len,                    \
        .iter = ctxiter_self,                  \
        .iternext = next,                      \
    };
CTXITER_TYPE(keys_type, "keys", keys_next)
CTXITER_TYPE(values_type, "values", values_next)
CTXITER_TYPE(items_type, "items", items_next)

static bool ctxiter_new(Vm *vm, Value ctx, ObjType *t, Value *out) {
    gc_push_root(vm, ctx);
    CtxIter *it = (CtxIter *)gc_alloc(vm, t, sizeof(CtxIter));
    gc_pop_root(vm);
    TRY(it);
    it->map = AS_CONTEXT(ctx)->vars;
    hamt_iter_init(&it->it, &it->map);
    *out = OBJ_VAL(it);
    return true;
}

static bool context_iter(Vm *vm, Value self, Value *out) { return ctxiter_new(vm, self, &keys_type, out); }

// ---- Context: methods ----

static bool m_run(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    if (nargs < 2) return rt_raise(vm, &TypeError_type, "run() missing 1 required positional argument");
    return ctx_run(vm, AS_CONTEXT(args[0]), args[1], args + 2, nargs - 2, kw, out);
}

static bool m_copy(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "Context.copy", kw));
    TRY(rt_check_nargs(vm, "Context.copy", nargs, 1, 1));
    return ctx_copy(vm, AS_CONTEXT(args[0]), out);
}

static bool m_get(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "Context.get", kw));
    TRY(rt_check_nargs(vm, "get", nargs, 2, 3));
    TRY(check_key(vm, args[1]));
    if (!hamt_get(&AS_CONTEXT(args[0])->vars, args[1], out)) *out = nargs == 3 ? args[2] : NONE_VAL;
    return true;
}

#define VIEW_METHOD(fn, pyname, type)                                          \
    static bool fn(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) { \
        TRY(rt_no_kwargs(vm, "Context." pyname, kw));                          \
        TRY(rt_check_nargs(vm, "Context." pyname, nargs, 1, 1));               \
        return ctxiter_new(vm, args[0], &type, out);                           \
    }
VIEW_METHOD(m_keys, "keys", keys_type)
VIEW_METHOD(m_values, "values", values_type)
VIEW_METHOD(m_items, "items", items_type)

static const MethodDef context_methods[] = {
    {"run", m_run, 0},
    {"copy", m_copy, 0},
    {"get", m_get, 0},
    {"keys", m_keys, 0},
    {"values", m_values, 0},
    {"items", m_items, 0},
    {NULL, NULL, 0},
};

ObjType context_type = {
    .hdr = OBJ_STATIC_HEADER(&type_type),
    .name = "_contextvars.Context",
    .basicsize = sizeof(ObjContext),
    .flags = TYPE_MAPPING,
    .base = &object_type,
    .methods = context_methods,
    .trace = context_trace,
    .new_ = context_new_slot,
    .hash = rt_unhashable,
    .richcompare = context_richcompare,
    .len = context_len,
    .getitem = context_getitem,
    .contains = context_contains,
    .iter = context_iter,
};
