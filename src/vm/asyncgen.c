// Async generators and the async iteration protocol: the async_generator
// type (an ObjGen, so it resumes through gen.c's one send/throw path), the
// awaitables its methods return (asend for __anext__/asend, athrow for
// athrow/aclose), anext's default-value awaitable, and the helpers behind
// GET_AITER, GET_ANEXT and BEFORE_ASYNC_WITH and the builtins aiter/anext.
//
// Invariant: a `yield` in an async generator body goes through
// ASYNC_GEN_WRAP, so what reaches an asend/athrow from a resume is either a
// wrapped value (the generator yielded: the awaitable finishes with it,
// StopIteration(value)) or a bare value an inner `await` passes through to
// whoever drives the awaitable (the event loop, or a hand-written send()).
// Async generator frames are only resumed from C (by these awaitables),
// never inline by SEND, so a wrapped value never reaches bytecode.
#include <stdio.h>

#include "runtime/exc.h"
#include "runtime/gc.h"
#include "runtime/native.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "runtime/type.h"
#include "vm/gen_int.h"
#include "vm/vm_ops.h"

// ---- the wrapped value ----

typedef struct ObjWrapped {
    Obj hdr;
    Value v;
} ObjWrapped;

static void wrapped_trace(Vm *vm, Obj *o) { gc_mark_value(vm, ((ObjWrapped *)o)->v); }

static ObjType wrapped_type = {
    .hdr = OBJ_STATIC_HEADER(&type_type),
    .name = "async_generator_wrapped_value",
    .module = "builtins",
    .basicsize = sizeof(ObjWrapped),
    .base = &object_type,
    .trace = wrapped_trace,
};

bool vm_async_gen_wrap(Vm *vm, Value v, Value *out) {
    gc_push_root(vm, v);
    ObjWrapped *w = (ObjWrapped *)gc_alloc(vm, &wrapped_type, sizeof *w);
    gc_pop_root(vm);
    TRY(w);
    w->v = v;
    *out = OBJ_VAL(w);
    return true;
}

static bool is_wrapped(Value v) { return IS_OBJ(v) && AS_OBJ(v)->type == &wrapped_type; }

// ---- shared helpers ----

static bool stop_matches(Vm *vm) {
    return rt_exc_matches(vm, &StopAsyncIteration_type) || rt_exc_matches(vm, &GeneratorExit_type);
}

// CPython's async_gen_unwrap_value: turns one resume of the generator into
// the awaitable's step. SEND_RETURN here means "the awaitable finished with
// *out" (StopIteration(value) at Python level).
static SendResult unwrap(Vm *vm, ObjGen *g, SendResult r, Value v, Value *out) {
    if (r == SEND_ERROR || r == SEND_RETURN) {
        if (r == SEND_RETURN) rt_raise_empty(vm, &StopAsyncIteration_type);
        if (stop_matches(vm)) g->ag_closed = true;
        g->running_async = false;
        return SEND_ERROR;
    }
    if (is_wrapped(v)) {
        g->running_async = false;
        *out = ((ObjWrapped *)AS_OBJ(v))->v;
        return SEND_RETURN;
    }
    *out = v;
    return SEND_NEXT;
}

static IterResult to_iter(SendResult r) {
    return r == SEND_NEXT ? ITER_NEXT : r == SEND_RETURN ? ITER_DONE : ITER_ERROR;
}

static bool repr_at(Vm *vm, const char *what, Value self, Value *out) {
    char addr[32];
    snprintf(addr, sizeof addr, "%p", (void *)AS_OBJ(self));
    ObjStr *s = rt_format_cmsg(vm, "<%s object at %s>", what, addr);
    TRY(s);
    *out = OBJ_VAL(s);
    return true;
}

static bool self_iter(Vm *vm, Value self, Value *out) {
    (void)vm;
    *out = self;
    return true;
}

enum { AW_INIT, AW_ITER, AW_CLOSED };

static int getattr_opt(Vm *vm, Value v, const char *name, Value *out);

// ---- asend: __anext__() and asend(v) ----

typedef struct ObjASend {
    Obj hdr;
    Value gen;
    Value sendval;
    int state;
} ObjASend;

#define AS_ASEND(v) ((ObjASend *)AS_OBJ(v))
static ObjType asend_type;

static SendResult asend_send(Vm *vm, Value self, Value v, Value *out) {
    ObjASend *a = AS_ASEND(self);
    ObjGen *g = AS_GEN(a->gen);
    if (a->state == AW_CLOSED) {
        rt_raise(vm, &RuntimeError_type, "cannot reuse already awaited __anext__()/asend()");
        return SEND_ERROR;
    }
    if (a->state == AW_INIT) {
        if (g->running_async) {
            rt_raise(vm, &RuntimeError_type, "anext(): asynchronous generator is already running");
            return SEND_ERROR;
        }
        if (IS_NONE(v)) v = a->sendval;
        a->state = AW_ITER;
    }
    g->running_async = true;
    Value r;
    SendResult s = vm_gen_send(vm, g, v, &r);
    s = unwrap(vm, g, s, r, out);
    if (s != SEND_NEXT) a->state = AW_CLOSED;
    return s;
}

static SendResult asend_throw(Vm *vm, Value self, Value exc, Value *out) {
    ObjASend *a = AS_ASEND(self);
    ObjGen *g = AS_GEN(a->gen);
    if (a->state == AW_CLOSED) {
        rt_raise(vm, &RuntimeError_type, "cannot reuse already awaited __anext__()/asend()");
        return SEND_ERROR;
    }
    Value r;
    SendResult s = vm_gen_throw(vm, g, exc, &r);
    s = unwrap(vm, g, s, r, out);
    if (s != SEND_NEXT) a->state = AW_CLOSED;
    return s;
}

// The first __anext__/asend/athrow/aclose of an async generator runs the
// hooks of sys.set_asyncgen_hooks: it keeps the finalizer, then calls
// firstiter(gen) (asyncio registers the generator with its loop).
static bool init_hooks(Vm *vm, Value gen) {
    ObjGen *g = AS_GEN(gen);
    if (g->ag_hooks_inited) return true;
    g->ag_hooks_inited = true;
    ThreadState *ts = VM_TS(vm);
    if (ts->agen_finalizer) g->ag_finalizer = ts->agen_finalizer;
    if (!ts->agen_firstiter) return true;
    Value r;
    gc_push_root(vm, gen);
    bool ok = rt_call1(vm, ts->agen_firstiter, gen, &r);
    gc_pop_root(vm);
    return ok;
}

static bool make_asend(Vm *vm, Value gen, Value v, Value *out) {
    gc_push_root(vm, v);
    bool hooked = init_hooks(vm, gen);
    gc_pop_root(vm);
    TRY(hooked);
    ObjASend *a = (ObjASend *)gc_alloc(vm, &asend_type, sizeof *a);
    TRY(a);
    a->gen = gen;
    a->sendval = v;
    a->state = AW_INIT;
    *out = OBJ_VAL(a);
    return true;
}

// ---- athrow: athrow(...) and aclose() ----

typedef struct ObjAThrow {
    Obj hdr;
    Value gen;
    Value exc;       // VAL_NULL: aclose()
    int state;
} ObjAThrow;

#define AS_ATHROW(v) ((ObjAThrow *)AS_OBJ(v))
static ObjType athrow_type;

static SendResult ignored_exit(Vm *vm, ObjAThrow *t, ObjGen *g) {
    g->running_async = false;
    t->state = AW_CLOSED;
    rt_raise(vm, &RuntimeError_type, "async generator ignored GeneratorExit");
    return SEND_ERROR;
}

// aclose() finished by an error: StopAsyncIteration/GeneratorExit mean the
// generator closed, so the awaitable returns None.
static SendResult athrow_error(Vm *vm, ObjAThrow *t, ObjGen *g, Value *out) {
    g->running_async = false;
    t->state = AW_CLOSED;
    if (!t->exc && stop_matches(vm)) {
        rt_exc_clear(vm);
        *out = NONE_VAL;
        return SEND_RETURN;
    }
    return SEND_ERROR;
}

// What one resume of the generator [g] under athrow()/aclose() [t] gives its
// awaiter: athrow passes values through (unwrap); aclose must see the
// generator finish, so a value it yields (not an await's value passing
// through) is "async generator ignored GeneratorExit".
static SendResult athrow_result(Vm *vm, ObjAThrow *t, ObjGen *g, SendResult s, Value r, Value *out) {
    if (t->exc) {
        s = unwrap(vm, g, s, r, out);
        if (s == SEND_ERROR) t->state = AW_CLOSED;
        return s;
    }
    if (s == SEND_NEXT && is_wrapped(r)) return ignored_exit(vm, t, g);
    if (s == SEND_NEXT) {
        *out = r;
        return SEND_NEXT;
    }
    if (s == SEND_RETURN) rt_raise_empty(vm, &StopAsyncIteration_type);
    return athrow_error(vm, t, g, out);
}

static SendResult athrow_send(Vm *vm, Value self, Value v, Value *out) {
    ObjAThrow *t = AS_ATHROW(self);
    ObjGen *g = AS_GEN(t->gen);
    if (t->state == AW_CLOSED) {
        rt_raise(vm, &RuntimeError_type, "cannot reuse already awaited aclose()/athrow()");
        return SEND_ERROR;
    }
    if (!g->frame) {
        t->state = AW_CLOSED;
        *out = NONE_VAL;
        return SEND_RETURN;
    }
    Value r;
    SendResult s;
    if (t->state == AW_INIT) {
        if (g->running_async) {
            t->state = AW_CLOSED;
            rt_raise(vm, &RuntimeError_type, t->exc ? "athrow(): asynchronous generator is already running"
                                                    : "aclose(): asynchronous generator is already running");
            return SEND_ERROR;
        }
        if (g->ag_closed) {
            t->state = AW_CLOSED;
            rt_raise_empty(vm, &StopAsyncIteration_type);
            return SEND_ERROR;
        }
        if (!IS_NONE(v)) {
            rt_raise(vm, &RuntimeError_type, "can't send non-None value to a just-started coroutine");
            return SEND_ERROR;
        }
        t->state = AW_ITER;
        g->running_async = true;
        if (!t->exc) {
            g->ag_closed = true;
            Value exc;
            if (!exc_new(vm, &GeneratorExit_type, vm->empty_tuple, &exc)) return athrow_error(vm, t, g, out);
            gc_push_root(vm, exc);
            s = vm_gen_throw(vm, g, exc, &r);
            gc_pop_root(vm);
        } else {
            s = vm_gen_throw(vm, g, t->exc, &r);
        }
    } else {
        s = vm_gen_send(vm, g, v, &r);
    }
    return athrow_result(vm, t, g, s, r, out);
}

static SendResult athrow_throw(Vm *vm, Value self, Value exc, Value *out) {
    ObjAThrow *t = AS_ATHROW(self);
    ObjGen *g = AS_GEN(t->gen);
    if (t->state == AW_CLOSED) {
        rt_raise(vm, &RuntimeError_type, "cannot reuse already awaited aclose()/athrow()");
        return SEND_ERROR;
    }
    Value r;
    SendResult s = vm_gen_throw(vm, g, exc, &r);
    return athrow_result(vm, t, g, s, r, out);
}

// ---- Python-level methods of asend/athrow ----

static SendResult aw_send(Vm *vm, Value self, Value v, Value *out) {
    return AS_OBJ(self)->type == &asend_type ? asend_send(vm, self, v, out) : athrow_send(vm, self, v, out);
}

static SendResult aw_throw(Vm *vm, Value self, Value exc, Value *out) {
    return AS_OBJ(self)->type == &asend_type ? asend_throw(vm, self, exc, out)
                                              : athrow_throw(vm, self, exc, out);
}

static bool m_aw_close(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "close", kw));
    TRY(rt_check_nargs(vm, "close", nargs - 1, 0, 0));
    if (AS_OBJ(args[0])->type == &asend_type) AS_ASEND(args[0])->state = AW_CLOSED;
    else AS_ATHROW(args[0])->state = AW_CLOSED;
    *out = NONE_VAL;
    return true;
}

static IterResult aw_iternext(Vm *vm, Value self, Value *out) { return to_iter(aw_send(vm, self, NONE_VAL, out)); }

// One table per type: a method descriptor belongs to one type.
static const MethodDef asend_methods[] = {
    {"send", vm_slot_m_send, 0},
    {"throw", vm_slot_m_throw, 0},
    {"close", m_aw_close, 0},
    {"__next__", vm_slot_m_next, 0},
    {"__iter__", vm_m_self, 0},
    {"__await__", vm_m_self, 0},
    {NULL, NULL, 0},
};

static const MethodDef athrow_methods[] = {
    {"send", vm_slot_m_send, 0},
    {"throw", vm_slot_m_throw, 0},
    {"close", m_aw_close, 0},
    {"__next__", vm_slot_m_next, 0},
    {"__iter__", vm_m_self, 0},
    {"__await__", vm_m_self, 0},
    {NULL, NULL, 0},
};

static void asend_trace(Vm *vm, Obj *o) {
    gc_mark_value(vm, ((ObjASend *)o)->gen);
    gc_mark_value(vm, ((ObjASend *)o)->sendval);
}
static void athrow_trace(Vm *vm, Obj *o) {
    gc_mark_value(vm, ((ObjAThrow *)o)->gen);
    gc_mark_value(vm, ((ObjAThrow *)o)->exc);
}
static bool asend_repr(Vm *vm, Value self, Value *out) { return repr_at(vm, "async_generator_asend", self, out); }
static bool athrow_repr(Vm *vm, Value self, Value *out) { return repr_at(vm, "async_generator_athrow", self, out); }

static ObjType asend_type = {
    .hdr = OBJ_STATIC_HEADER(&type_type),
    .name = "async_generator_asend",
    .module = "builtins",
    .basicsize = sizeof(ObjASend),
    .base = &object_type,
    .methods = asend_methods,
    .trace = asend_trace,
    .repr = asend_repr,
    .iter = self_iter,
    .iternext = aw_iternext,
    .send = aw_send,
    .throw_ = aw_throw,
};

static ObjType athrow_type = {
    .hdr = OBJ_STATIC_HEADER(&type_type),
    .name = "async_generator_athrow",
    .module = "builtins",
    .basicsize = sizeof(ObjAThrow),
    .base = &object_type,
    .methods = athrow_methods,
    .trace = athrow_trace,
    .repr = athrow_repr,
    .iter = self_iter,
    .iternext = aw_iternext,
    .send = aw_send,
    .throw_ = aw_throw,
};

// ---- the async_generator type ----

static bool m_anext(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "__anext__", kw));
    TRY(rt_check_nargs(vm, "__anext__", nargs - 1, 0, 0));
    return make_asend(vm, args[0], NONE_VAL, out);
}

static bool m_asend(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "asend", kw));
    TRY(rt_check_nargs(vm, "asend", nargs - 1, 1, 1));
    return make_asend(vm, args[0], args[1], out);
}

static bool make_athrow(Vm *vm, Value gen, Value exc, Value *out) {
    gc_push_root(vm, exc);
    if (!init_hooks(vm, gen)) {
        gc_pop_root(vm);
        return false;
    }
    ObjAThrow *t = (ObjAThrow *)gc_alloc(vm, &athrow_type, sizeof *t);
    gc_pop_root(vm);
    TRY(t);
    t->gen = gen;
    t->exc = exc;
    t->state = AW_INIT;
    *out = OBJ_VAL(t);
    return true;
}

static bool m_athrow(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "athrow", kw));
    TRY(rt_check_nargs(vm, "athrow", nargs - 1, 1, 3));
    Value exc;
    TRY(vm_gen_normalize_throw(vm, args + 1, nargs - 1, &exc));
    if (nargs > 3 && !IS_NONE(args[3])) AS_EXC(exc)->traceback = args[3];
    return make_athrow(vm, args[0], exc, out);
}

static bool m_aclose(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "aclose", kw));
    TRY(rt_check_nargs(vm, "aclose", nargs - 1, 0, 0));
    return make_athrow(vm, args[0], VAL_NULL, out);
}

static const MethodDef ag_methods[] = {
    {"__aiter__", vm_m_self, 0},
    {"__anext__", m_anext, 0},
    {"asend", m_asend, 0},
    {"athrow", m_athrow, 0},
    {"aclose", m_aclose, 0},
    {"__del__", vm_gen_m_del, 0},
    {"__class_getitem__", vm_m_self, METH_CLASS},   // the class itself: no types.GenericAlias yet
    {NULL, NULL, 0},
};

// ag_running is "an asend/athrow is in progress" (CPython 3.11).
static bool get_running(Vm *vm, Value self, Value *out) {
    (void)vm;
    *out = rt_bool(AS_GEN(self)->running_async);
    return true;
}
static bool get_code(Vm *vm, Value self, Value *out) { (void)vm; *out = OBJ_VAL(GEN_CODE(AS_GEN(self))); return true; }
static bool get_await(Vm *vm, Value self, Value *out) {
    (void)vm;
    Value y = vm_gen_yf(vm, AS_GEN(self));
    *out = y ? y : NONE_VAL;
    return true;
}
static bool get_frame(Vm *vm, Value self, Value *out) { return vm_gen_frame_object(vm, self, out); }

static const GetSetDef ag_getsets[] = {
    {"__name__", vm_gen_get_name, vm_gen_set_name},
    {"__qualname__", vm_gen_get_qualname, vm_gen_set_qualname},
    {"ag_running", get_running, NULL},
    {"ag_code", get_code, NULL},
    {"ag_await", get_await, NULL},
    {"ag_frame", get_frame, NULL},
    {NULL, NULL, NULL},
};

ObjType async_generator_type = {
    .hdr = OBJ_STATIC_HEADER(&type_type),
    .flags = TYPE_HAS_FINALIZER,
    .finalize = vm_gen_finalize,
    .name = "async_generator",
    .module = "builtins",
    .basicsize = sizeof(ObjGen),
    .base = &object_type,
    .methods = ag_methods,
    .getsets = ag_getsets,
    .trace = vm_gen_trace,
    .free = vm_gen_free,
    .size = vm_gen_size,
    .repr = vm_gen_repr,
};

// ---- anext(it, default): the awaitable that turns the end into a value ----

typedef struct ObjANextAw {
    Obj hdr;
    Value wrapped;   // what __anext__ returned
    Value it;        // its awaitable iterator, once made
    Value deflt;
} ObjANextAw;

static ObjType anext_aw_type;

// StopAsyncIteration from the inner awaitable becomes StopIteration(default).
static SendResult anext_result(Vm *vm, ObjANextAw *a, SendResult r, Value *out) {
    if (r == SEND_ERROR && rt_exc_matches(vm, &StopAsyncIteration_type)) {
        rt_exc_clear(vm);
        *out = a->deflt;
        return SEND_RETURN;
    }
    return r;
}

static bool anext_iter(Vm *vm, ObjANextAw *a) {
    if (a->it) return true;
    Value it;
    if (IS_OBJ(a->wrapped) && AS_OBJ(a->wrapped)->type == &coroutine_type) {
        TRY(rt_call_method(vm, a->wrapped, NAME(vm, await), NULL, 0, &it));
    } else {
        TRY(vm_get_awaitable(vm, a->wrapped, &it));
    }
    a->it = it;
    return true;
}

static SendResult anext_send(Vm *vm, Value self, Value v, Value *out) {
    ObjANextAw *a = (ObjANextAw *)AS_OBJ(self);
    if (!anext_iter(vm, a)) return SEND_ERROR;
    return anext_result(vm, a, vm_send(vm, a->it, v, out), out);
}

static SendResult anext_throw(Vm *vm, Value self, Value exc, Value *out) {
    ObjANextAw *a = (ObjANextAw *)AS_OBJ(self);
    if (!anext_iter(vm, a)) return SEND_ERROR;
    Value meth;
    int found = getattr_opt(vm, a->it, "throw", &meth);
    if (found < 0) return SEND_ERROR;
    if (!found) {
        vm->exc = exc;
        return SEND_ERROR;
    }
    if (rt_call1(vm, meth, exc, out)) return SEND_NEXT;
    if (rt_exc_matches(vm, &StopIteration_type)) {
        Value e = rt_exc_take(vm);
        *out = AS_EXC(e)->value ? AS_EXC(e)->value : NONE_VAL;
        return SEND_RETURN;
    }
    return anext_result(vm, a, SEND_ERROR, out);
}

static bool m_an_close(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "close", kw));
    TRY(rt_check_nargs(vm, "close", nargs - 1, 0, 0));
    ObjANextAw *a = (ObjANextAw *)AS_OBJ(args[0]);
    if (a->it) {
        Value meth, r;
        int found = getattr_opt(vm, a->it, "close", &meth);
        if (found < 0) return false;
        if (found) TRY(rt_call0(vm, meth, &r));
    }
    *out = NONE_VAL;
    return true;
}

static IterResult an_iternext(Vm *vm, Value self, Value *out) {
    return to_iter(anext_send(vm, self, NONE_VAL, out));
}

static const MethodDef an_methods[] = {
    {"send", vm_slot_m_send, 0},
    {"throw", vm_slot_m_throw, 0},
    {"close", m_an_close, 0},
    {"__next__", vm_slot_m_next, 0},
    {"__iter__", vm_m_self, 0},
    {"__await__", vm_m_self, 0},
    {NULL, NULL, 0},
};

static void an_trace(Vm *vm, Obj *o) {
    ObjANextAw *a = (ObjANextAw *)o;
    gc_mark_value(vm, a->wrapped);
    gc_mark_value(vm, a->it);
    gc_mark_value(vm, a->deflt);
}
static bool an_repr(Vm *vm, Value self, Value *out) { return repr_at(vm, "anext_awaitable", self, out); }

static ObjType anext_aw_type = {
    .hdr = OBJ_STATIC_HEADER(&type_type),
    .name = "anext_awaitable",
    .module = "builtins",
    .basicsize = sizeof(ObjANextAw),
    .base = &object_type,
    .methods = an_methods,
    .trace = an_trace,
    .repr = an_repr,
    .iter = self_iter,
    .iternext = an_iternext,
    .send = anext_send,
    .throw_ = anext_throw,
};

// ---- the protocol helpers (opcodes and builtins) ----

// The dunder names are interned on use (names.h has none of them); they are
// rooted while the lookup or call may allocate.
static int lookup(Vm *vm, Value v, const char *name, Value *fn) {
    ObjStr *s = str_intern_cstr(vm, name);
    if (!s) return -1;
    gc_push_root(vm, OBJ_VAL(s));
    int r = type_lookup(vm, rt_type(v), s, fn, NULL);
    gc_pop_root(vm);
    return r;
}

static bool call_special(Vm *vm, Value self, const char *name, Value *out) {
    ObjStr *s = str_intern_cstr(vm, name);
    TRY(s);
    gc_push_root(vm, OBJ_VAL(s));
    bool ok = rt_call_method(vm, self, s, NULL, 0, out);
    gc_pop_root(vm);
    return ok;
}

static int getattr_opt(Vm *vm, Value v, const char *name, Value *out) {
    ObjStr *s = str_intern_cstr(vm, name);
    if (!s) return -1;
    gc_push_root(vm, OBJ_VAL(s));
    int r = rt_getattr_opt(vm, v, s, out);
    gc_pop_root(vm);
    return r;
}

bool vm_get_aiter(Vm *vm, Value v, Value *out) {
    Value fn, it;
    int r = lookup(vm, v, "__aiter__", &fn);
    if (r < 0) return false;
    if (!r)
        return rt_raise(vm, &TypeError_type, "'async for' requires an object with __aiter__ method, got %s",
                        type_name(rt_type(v)));
    TRY(call_special(vm, v, "__aiter__", &it));
    gc_push_root(vm, it);
    r = lookup(vm, it, "__anext__", &fn);
    gc_pop_root(vm);
    if (r < 0) return false;
    if (!r)
        return rt_raise(vm, &TypeError_type,
                        "'async for' received an object from __aiter__ that does not implement __anext__: %s",
                        type_name(rt_type(it)));
    *out = it;
    return true;
}

bool vm_get_anext(Vm *vm, Value aiter, Value *out) {
    if (IS_TYPE_EXACT(aiter, async_generator_type)) return make_asend(vm, aiter, NONE_VAL, out);
    Value fn, next;
    int r = lookup(vm, aiter, "__anext__", &fn);
    if (r < 0) return false;
    if (!r)
        return rt_raise(vm, &TypeError_type, "'async for' requires an iterator with __anext__ method, got %s",
                        type_name(rt_type(aiter)));
    TRY(call_special(vm, aiter, "__anext__", &next));
    gc_push_root(vm, next);
    bool ok = vm_get_awaitable(vm, next, out);
    if (!ok && rt_exc_matches(vm, &TypeError_type)) {
        Value cause = rt_exc_take(vm);
        gc_push_root(vm, cause);
        rt_raise(vm, &TypeError_type, "'async for' received an invalid object from __anext__: %s",
                 type_name(rt_type(next)));
        if (IS_EXC(vm->exc)) {
            AS_EXC(vm->exc)->cause = cause;
            AS_EXC(vm->exc)->context = cause;
            AS_EXC(vm->exc)->suppress_context = true;
        }
        gc_pop_root(vm);
    }
    gc_pop_root(vm);
    return ok;
}

bool vm_before_async_with(Vm *vm, Value mgr, Value *exit_, Value *res) {
    Value enter, ex;
    int r = lookup(vm, mgr, "__aenter__", &enter);
    if (r < 0) return false;
    if (!r)
        return rt_raise(vm, &TypeError_type,
                        "'%s' object does not support the asynchronous context manager protocol",
                        type_name(rt_type(mgr)));
    r = lookup(vm, mgr, "__aexit__", &ex);
    if (r < 0) return false;
    if (!r)
        return rt_raise(vm, &TypeError_type,
                        "'%s' object does not support the asynchronous context manager protocol "
                        "(missed __aexit__ method)",
                        type_name(rt_type(mgr)));
    r = getattr_opt(vm, mgr, "__aexit__", exit_);
    if (r <= 0) return r == 0 ? rt_raise(vm, &AttributeError_type, "__aexit__") : false;
    gc_push_root(vm, *exit_);
    bool ok = call_special(vm, mgr, "__aenter__", res);
    gc_pop_root(vm);
    return ok;
}

// ---- builtins ----

bool vm_builtin_aiter(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "aiter", kw));
    if (nargs != 1) return rt_raise(vm, &TypeError_type, "aiter() takes exactly one argument (%zu given)", nargs);
    Value fn, it;
    int r = lookup(vm, args[0], "__aiter__", &fn);
    if (r < 0) return false;
    if (!r) return rt_raise(vm, &TypeError_type, "'%s' object is not an async iterable", type_name(rt_type(args[0])));
    TRY(call_special(vm, args[0], "__aiter__", &it));
    gc_push_root(vm, it);
    r = lookup(vm, it, "__anext__", &fn);
    gc_pop_root(vm);
    if (r < 0) return false;
    if (!r)
        return rt_raise(vm, &TypeError_type, "aiter() returned not an async iterator of type '%s'",
                        type_name(rt_type(it)));
    *out = it;
    return true;
}

bool vm_builtin_anext(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "anext", kw));
    if (nargs < 1)
        return rt_raise(vm, &TypeError_type, "anext expected at least 1 argument, got %zu", nargs);
    if (nargs > 2) return rt_raise(vm, &TypeError_type, "anext expected at most 2 arguments, got %zu", nargs);
    Value fn, aw;
    int r = lookup(vm, args[0], "__anext__", &fn);
    if (r < 0) return false;
    if (!r) return rt_raise(vm, &TypeError_type, "'%s' object is not an async iterator", type_name(rt_type(args[0])));
    TRY(call_special(vm, args[0], "__anext__", &aw));
    if (nargs == 1) {
        *out = aw;
        return true;
    }
    gc_push_root(vm, aw);
    ObjANextAw *a = (ObjANextAw *)gc_alloc(vm, &anext_aw_type, sizeof *a);
    gc_pop_root(vm);
    TRY(a);
    a->wrapped = aw;
    a->deflt = args[1];
    *out = OBJ_VAL(a);
    return true;
}
