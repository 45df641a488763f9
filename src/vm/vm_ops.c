// Out-of-line halves of opcodes (see vm_ops.h): unpacking, displays with
// starred items, argument merging for f(*a, **k), raise/except/with
// protocol steps, formatting. Messages are CPython 3.11's.
#include <stdio.h>
#include <string.h>

#include "runtime/builtins.h"
#include "runtime/dict.h"
#include "runtime/exc.h"
#include "runtime/gc.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/native.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"
#include "util/utf8.h"
#include "vm/gen_int.h"
#include "vm/signals.h"
#include "vm/vm_int.h"
#include "vm/vm_ops.h"

bool vm_handle_breaker(Vm *vm) {
    VM_TS(vm)->eval_breaker = 0;
    return vm_signals_check(vm);
}

bool vm_raise_unbound_deref(Vm *vm, Frame *f, uint32_t i) {
    ObjCode *co = f->code;
    Value name = co->localnames[co->nlocals + i];
    if (i < co->ncells)
        return rt_raise(vm, &UnboundLocalError_type,
                        "cannot access local variable '%U' where it is not associated with a value",
                        AS_STR(name));
    return rt_raise(vm, &NameError_type,
                    "cannot access free variable '%U' where it is not associated with a value in enclosing scope",
                    AS_STR(name));
}

int vm_mapping_get(Vm *vm, Value map, Value key, Value *out) {
    if (rt_getitem(vm, map, key, out)) return 1;
    if (rt_exc_matches(vm, &KeyError_type)) {
        rt_exc_clear(vm);
        return 0;
    }
    return -1;
}

bool vm_call_dunder(Vm *vm, Value obj, const char *name, Value *args, size_t nargs, Value *out,
                    bool *found) {
    ObjStr *n = str_intern_cstr(vm, name);
    TRY(n);
    Value fn;
    int r = type_lookup(vm, rt_type(obj), n, &fn, NULL);
    if (r < 0) return false;
    *found = r == 1;
    if (!r) return false;
    return rt_call_method(vm, obj, n, args, nargs, out);
}

// ---- displays ----

bool vm_build_set(Vm *vm, Value *items, size_t n, Value *out) {
    ObjList *l = list_from(vm, items, n);
    TRY(l);
    gc_push_root(vm, OBJ_VAL(l));
    bool ok = rt_call1(vm, OBJ_VAL(&set_type), OBJ_VAL(l), out);
    gc_pop_root(vm);
    return ok;
}

bool vm_set_add(Vm *vm, Value set, Value v) {
    Value r;
    ObjStr *n = str_intern_cstr(vm, "add");
    TRY(n);
    return rt_call_method(vm, set, n, &v, 1, &r);
}

bool vm_set_update(Vm *vm, Value set, Value iterable) {
    Value r;
    ObjStr *n = str_intern_cstr(vm, "update");
    TRY(n);
    return rt_call_method(vm, set, n, &iterable, 1, &r);
}

bool vm_list_extend(Vm *vm, Value list, Value iterable) {
    if (!IS_LIST(iterable) && !IS_TUPLE(iterable)) {
        ObjType *t = rt_type(iterable);
        if (!TYPE_SLOT(t, iter) && !TYPE_SLOT(t, getitem))
            return rt_raise(vm, &TypeError_type, "Value after * must be an iterable, not %s",
                            type_name(t));
    }
    return list_extend(vm, AS_LIST(list), iterable);
}

bool vm_dict_update(Vm *vm, Value dict, Value mapping) {
    if (!IS_DICT(mapping)) {
        Value keys;
        int r = rt_getattr_opt(vm, mapping, NAME(vm, keys), &keys);
        if (r < 0) return false;
        if (!r)
            return rt_raise(vm, &TypeError_type, "'%s' object is not a mapping",
                            type_name(rt_type(mapping)));
    }
    return dict_update(vm, AS_DICT(dict), mapping);
}

// _PyObject_FunctionStr: "mod.f()" from __module__ and __qualname__
// ("f()" for builtins), else "X object".
static ObjStr *func_str(Vm *vm, Value callable) {
    Value qn, mod = VAL_NULL;
    int r = rt_getattr_opt(vm, callable, NAME(vm, qualname), &qn);
    if (r < 0) rt_exc_clear(vm);
    if (r == 1 && IS_STR(qn)) {
        gc_push_root(vm, qn);
        int m = rt_getattr_opt(vm, callable, NAME(vm, module), &mod);
        if (m < 0) rt_exc_clear(vm);
        gc_pop_root(vm);
        if (m == 1 && IS_STR(mod) && !str_eq_cstr(AS_STR(mod), "builtins"))
            return rt_format_cmsg(vm, "%U.%U()", AS_STR(mod), AS_STR(qn));
        return rt_format_cmsg(vm, "%U()", AS_STR(qn));
    }
    return rt_format_cmsg(vm, "%T object", callable);
}

bool vm_dict_merge(Vm *vm, Value dict, Value mapping, Value callable) {
    ObjDict *d = AS_DICT(dict);
    if (!IS_DICT(mapping)) {
        Value keys;
        int r = rt_getattr_opt(vm, mapping, NAME(vm, keys), &keys);
        if (r < 0) return false;
        if (!r) {
            ObjStr *fs = func_str(vm, callable);
            TRY(fs);
            return rt_raise(vm, &TypeError_type, "%U argument after ** must be a mapping, not %s", fs,
                            type_name(rt_type(mapping)));
        }
        ObjDict *tmp = dict_new(vm);
        TRY(tmp);
        gc_push_root(vm, OBJ_VAL(tmp));
        bool ok = dict_update(vm, tmp, mapping);
        if (ok) ok = vm_dict_merge(vm, dict, OBJ_VAL(tmp), callable);
        gc_pop_root(vm);
        return ok;
    }
    ObjDict *m = AS_DICT(mapping);
    size_t pos = 0;
    Value k, v;
    while (dict_next(m, &pos, &k, &v)) {
        if (!IS_STR(k)) return rt_raise(vm, &TypeError_type, "keywords must be strings");
        Value old;
        int r = dict_get(vm, d, k, &old);
        if (r < 0) return false;
        if (r) {
            ObjStr *fs = func_str(vm, callable);
            TRY(fs);
            return rt_raise(vm, &TypeError_type, "%U got multiple values for keyword argument '%U'", fs,
                            AS_STR(k));
        }
        TRY(dict_set(vm, d, k, v));
    }
    return true;
}

bool vm_build_string(Vm *vm, Value *items, size_t n, Value *out) {
    size_t len = 0;
    for (size_t i = 0; i < n; i++) len += AS_STR(items[i])->len;
    ObjStr *s = str_alloc(vm, len);
    TRY(s);
    char *p = s->data;
    for (size_t i = 0; i < n; i++) {
        memcpy(p, AS_STR(items[i])->data, AS_STR(items[i])->len);
        p += AS_STR(items[i])->len;
    }
    str_finish(s);
    *out = OBJ_VAL(s);
    return true;
}

// ---- unpacking ----

bool vm_unpack(Vm *vm, Value *slot, uint32_t n, int star, uint32_t after) {
    Value seq = *slot;
    size_t need = star >= 0 ? (size_t)star + after : n;
    if ((IS_TYPE_EXACT(seq, tuple_type) || IS_TYPE_EXACT(seq, list_type)) && star < 0) {
        size_t len = IS_TUPLE(seq) ? AS_TUPLE(seq)->len : AS_LIST(seq)->len;
        Value *items = IS_TUPLE(seq) ? AS_TUPLE(seq)->items : AS_LIST(seq)->items;
        if (len == n) {
            for (size_t i = 0; i < n; i++) slot[n - 1 - i] = items[i];
            return true;
        }
        if (len < n)
            return rt_raise(vm, &ValueError_type, "not enough values to unpack (expected %zu, got %zu)", need, len);
        return rt_raise(vm, &ValueError_type, "too many values to unpack (expected %zu)", need);
    }
    Value it;
    ObjType *t = rt_type(seq);
    if (!TYPE_SLOT(t, iter) && !TYPE_SLOT(t, getitem))
        return rt_raise(vm, &TypeError_type, "cannot unpack non-iterable %s object", type_name(t));
    TRY(rt_iter(vm, seq, &it));
    size_t mark = gc_roots_mark(vm);
    gc_push_root(vm, it);
    ObjList *l = list_new(vm, 0);
    if (!l) return gc_roots_reset(vm, mark), false;
    gc_push_root(vm, OBJ_VAL(l));
    bool ok = true;
    for (;;) {
        Value v;
        IterResult r = rt_next(vm, it, &v);
        if (r == ITER_ERROR) {
            ok = false;
            break;
        }
        if (r == ITER_DONE) break;
        if (!list_append(vm, l, v)) {
            ok = false;
            break;
        }
        if (star < 0 && l->len > n) {
            ok = rt_raise(vm, &ValueError_type, "too many values to unpack (expected %zu)", need);
            break;
        }
    }
    if (ok && l->len < need) {
        ok = star >= 0 ? rt_raise(vm, &ValueError_type,
                                  "not enough values to unpack (expected at least %zu, got %zu)", need, l->len)
                       : rt_raise(vm, &ValueError_type,
                                  "not enough values to unpack (expected %zu, got %zu)", need, l->len);
    }
    if (ok && star < 0) {
        for (size_t i = 0; i < n; i++) slot[n - 1 - i] = l->items[i];
    } else if (ok) {
        size_t total = (size_t)star + 1 + after, mid = l->len - after;
        ObjList *rest = list_from(vm, l->items + star, mid - (size_t)star);
        if (!rest) {
            ok = false;
        } else {
            // Top of stack: item 0; the starred list at position [star].
            for (size_t i = 0; i < (size_t)star; i++) slot[total - 1 - i] = l->items[i];
            slot[total - 1 - (size_t)star] = OBJ_VAL(rest);
            for (size_t i = 0; i < after; i++) slot[after - 1 - i] = l->items[mid + i];
        }
    }
    gc_roots_reset(vm, mark);
    return ok;
}

// ---- formatting ----

bool vm_format_value(Vm *vm, Value v, int conv, Value spec, Value *out) {
    Value c = v;
    switch (conv) {
    case 1: TRY(rt_str(vm, v, &c)); break;
    case 2: TRY(rt_repr(vm, v, &c)); break;
    case 3: TRY(rt_ascii(vm, v, &c)); break;
    default: break;
    }
    if (c != v) gc_push_root(vm, c);
    bool ok = rt_format(vm, c, spec, out);
    if (c != v) gc_pop_root(vm);
    return ok;
}

// ---- calls with *args / **kwargs ----

bool vm_flatten_call(Vm *vm, Value *slots, Value *kwslot, Value *kwnames) {
    Value callable = slots[0], args = slots[1];
    size_t mark = gc_roots_mark(vm);
    if (!IS_TUPLE(args)) {
        ObjType *t = rt_type(args);
        if (!TYPE_SLOT(t, iter) && !TYPE_SLOT(t, getitem)) {
            ObjStr *fs = func_str(vm, callable);
            TRY(fs);
            return rt_raise(vm, &TypeError_type, "%U argument after * must be an iterable, not %s", fs,
                            type_name(t));
        }
        TRY(tuple_from_iterable(vm, args, &args));
        slots[1] = args;
    }
    // A bound method of a Python function: call the function with self first.
    bool bound = IS_METHOD(callable) && IS_FUNCTION(AS_METHOD(callable)->func);
    Value kw = kwslot ? *kwslot : VAL_NULL;
    size_t nkw = kw ? AS_DICT(kw)->used : 0;
    *kwnames = VAL_NULL;
    if (!bound && !nkw) return true;
    ObjTuple *pos = AS_TUPLE(args), *names = NULL;
    if (nkw) {
        names = tuple_new(vm, nkw);
        TRY(names);
        gc_push_root(vm, OBJ_VAL(names));
    }
    size_t extra = bound ? 1 : 0, total = extra + pos->len + nkw;
    ObjTuple *flat = tuple_new(vm, total);
    if (!flat) return gc_roots_reset(vm, mark), false;
    if (bound) flat->items[0] = AS_METHOD(callable)->self;
    memcpy(flat->items + extra, pos->items, pos->len * sizeof(Value));
    size_t p = 0, i = 0;
    Value k, v;
    while (nkw && i < nkw && dict_next(AS_DICT(kw), &p, &k, &v)) {
        names->items[i] = k;
        flat->items[extra + pos->len + i] = v;
        i++;
    }
    gc_roots_reset(vm, mark);
    if (bound) slots[0] = AS_METHOD(callable)->func;
    slots[1] = OBJ_VAL(flat);
    if (kwslot) *kwslot = names ? OBJ_VAL(names) : VAL_NULL;
    *kwnames = names ? OBJ_VAL(names) : VAL_NULL;
    return true;
}

// ---- raise / except / with ----

void vm_chain_context(Vm *vm, Value exc) {
    Value ctx = VM_TS(vm)->exc_info;
    if (!ctx || ctx == exc || !IS_EXC(exc)) return;
    // Break a cycle: if exc is already in ctx's context chain, cut it there.
    Value o = ctx;
    for (int guard = 0; guard < 100000; guard++) {
        Value next = AS_EXC(o)->context;
        if (!next) break;
        if (next == exc) {
            AS_EXC(o)->context = VAL_NULL;
            break;
        }
        o = next;
    }
    AS_EXC(exc)->context = ctx;
}

static bool instantiate(Vm *vm, Value v, Value *out, const char *what) {
    if (IS_EXC(v)) {
        *out = v;
        return true;
    }
    if (IS_TYPE(v) && (AS_TYPE(v)->flags & TYPE_EXC)) {
        TRY(rt_call0(vm, v, out));
        if (!IS_EXC(*out))
            return rt_raise(vm, &TypeError_type,
                            "calling %R should have returned an instance of BaseException, not %s", v,
                            type_name(rt_type(*out)));
        return true;
    }
    return rt_raise(vm, &TypeError_type, "%s must derive from BaseException", what);
}

bool vm_do_raise(Vm *vm, Value exc, Value cause) {
    Value e, c = VAL_NULL;
    if (!instantiate(vm, exc, &e, "exceptions")) return false;
    gc_push_root(vm, e);
    if (cause) {
        if (IS_NONE(cause)) {
            c = VAL_NULL;
        } else if (!instantiate(vm, cause, &c, "exception causes")) {
            gc_pop_root(vm);
            return false;
        }
        AS_EXC(e)->cause = c;
        AS_EXC(e)->suppress_context = true;
    }
    gc_pop_root(vm);
    vm_chain_context(vm, e);
    vm->exc = e;
    return false;
}

static bool is_exc_class(Value v) { return IS_TYPE(v) && (AS_TYPE(v)->flags & TYPE_EXC); }

int vm_exc_match(Vm *vm, Value exc, Value cls) {
    if (IS_TUPLE(cls)) {
        ObjTuple *t = AS_TUPLE(cls);
        for (size_t i = 0; i < t->len; i++)
            if (!is_exc_class(t->items[i])) goto bad;
        for (size_t i = 0; i < t->len; i++)
            if (type_is_subtype(rt_type(exc), AS_TYPE(t->items[i]))) return 1;
        return 0;
    }
    if (!is_exc_class(cls)) goto bad;
    return type_is_subtype(rt_type(exc), AS_TYPE(cls));
bad:
    rt_raise(vm, &TypeError_type, "catching classes that do not inherit from BaseException is not allowed");
    return -1;
}

bool vm_before_with(Vm *vm, Value mgr, Value *exit_, Value *res) {
    ObjType *t = rt_type(mgr);
    Value enter, ex;
    ObjStr *en = NAME(vm, enter), *xn = NAME(vm, exit);
    int r = type_lookup(vm, t, en, &enter, NULL);
    if (r < 0) return false;
    if (!r)
        return rt_raise(vm, &TypeError_type, "'%s' object does not support the context manager protocol",
                        type_name(t));
    r = type_lookup(vm, t, xn, &ex, NULL);
    if (r < 0) return false;
    if (!r)
        return rt_raise(vm, &TypeError_type,
                        "'%s' object does not support the context manager protocol (missed __exit__ method)",
                        type_name(t));
    size_t mark = gc_roots_mark(vm);
    ObjType *xt = rt_type(ex);
    if (xt->descr_get) {
        gc_push_root(vm, ex);
        bool ok = xt->descr_get(vm, ex, mgr, t, exit_);
        if (!ok) return gc_roots_reset(vm, mark), false;
    } else {
        *exit_ = ex;
    }
    gc_push_root(vm, *exit_);
    bool ok = rt_call_method(vm, mgr, en, NULL, 0, res);
    gc_roots_reset(vm, mark);
    return ok;
}

bool vm_with_exit(Vm *vm, Value exit_, Value exc, Value *out) {
    Value tb = AS_EXC(exc)->traceback;
    Value args[3] = {OBJ_VAL(rt_type(exc)), exc, tb ? tb : NONE_VAL};
    return rt_call(vm, exit_, args, 3, VAL_NULL, out);
}

bool vm_setup_annotations(Vm *vm, Frame *f) {
    ObjStr *n = str_intern_cstr(vm, "__annotations__");
    TRY(n);
    Value v;
    if (IS_TYPE_EXACT(f->locals, dict_type)) {
        if (dict_get_str(vm, AS_DICT(f->locals), n, &v) == 1) return true;
        ObjDict *d = dict_new(vm);
        TRY(d);
        gc_push_root(vm, OBJ_VAL(d));
        bool ok = dict_set(vm, AS_DICT(f->locals), OBJ_VAL(n), OBJ_VAL(d));
        gc_pop_root(vm);
        return ok;
    }
    int r = vm_mapping_get(vm, f->locals, OBJ_VAL(n), &v);
    if (r != 0) return r > 0;
    ObjDict *d = dict_new(vm);
    TRY(d);
    gc_push_root(vm, OBJ_VAL(d));
    bool ok = rt_setitem(vm, f->locals, OBJ_VAL(n), OBJ_VAL(d));
    gc_pop_root(vm);
    return ok;
}

// The REPL's echo, as CPython's sys.displayhook: None shows nothing; else
// `_` is emptied first (so the value it held dies now, as CPython's
// refcount makes it: a coroutine in it warns "never awaited" here), the
// repr is printed, and `_` takes the value.
bool vm_print_expr(Vm *vm, Value v) {
    if (IS_NONE(v)) return true;
    ObjStr *underscore = str_intern_cstr(vm, "_");
    TRY(underscore);
    // Interned strs are weak: "_" stays rooted while this allocates.
    gc_push_root(vm, OBJ_VAL(underscore));
    gc_push_root(vm, v);
    Value old = VAL_NULL, r;
    bool ok = true;
    if (dict_get_str(vm, AS_DICT(vm->builtins), underscore, &old) == 1 && vm_drop_shows(old)) {
        ok = dict_set(vm, AS_DICT(vm->builtins), OBJ_VAL(underscore), NONE_VAL);
        if (ok) vm_gen_dropped(vm);
    }
    ok = ok && rt_repr(vm, v, &r);
    if (ok) {
        fwrite(AS_STR(r)->data, 1, AS_STR(r)->len, stdout);
        fputc('\n', stdout);
        ok = dict_set(vm, AS_DICT(vm->builtins), OBJ_VAL(underscore), v);
    }
    gc_pop_roots(vm, 2);
    return ok;
}
