// The call protocol: frame allocation (a chunked LIFO stack per thread, heap
// frames for generators), argument binding with CPython 3.11's messages,
// cells and closures, and calls of Python functions from C (a nested
// vm_run, counted by c_depth). Calls from bytecode to bytecode never come
// through vm_call_function: the eval loop pushes the frame itself.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/dict.h"
#include "runtime/exc.h"
#include "runtime/gc.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "vm/gen_int.h"
#include "vm/vm_int.h"

#define CHUNK_MIN ((size_t)64 * 1024)

// ---- frames ----

static void *chunk_alloc(ThreadState *ts, size_t bytes) {
    FrameChunk *c = ts->chunk;
    if (c && c->cap - c->top >= bytes) {
        void *p = c->data + c->top;
        c->top += bytes;
        return p;
    }
    FrameChunk *n = ts->spare;
    if (n && n->cap >= bytes) {
        ts->spare = NULL;
    } else {
        size_t cap = bytes > CHUNK_MIN ? bytes : CHUNK_MIN;
        n = malloc(sizeof(FrameChunk) + cap);
        if (!n) return NULL;
        n->cap = cap;
    }
    n->prev = c;
    n->top = bytes;
    ts->chunk = n;
    return n->data;
}

void vm_chunk_retire(ThreadState *ts) {
    FrameChunk *c = ts->chunk;
    ts->chunk = c->prev;
    if (ts->spare) free(ts->spare);
    ts->spare = c;
}

// Fills [f] for [co] and links it as the current frame.
static void frame_link(ThreadState *ts, Frame *f, ObjCode *co, Value func, Value globals, Value locals,
                       uint8_t owner) {
    vm_frame_init(f, co, func, globals, locals, owner);
    // Locals start unbound (VAL_NULL); the stack is empty.
    memset(f->localsplus, 0, (size_t)co->nlocalsplus * sizeof(Value));
    f->sp = f->localsplus + co->nlocalsplus;
    f->previous = ts->current;
    ts->current = f;
    ts->py_depth++;
}

static bool check_depth(Vm *vm, ThreadState *ts) {
    if (ts->py_depth < ts->recursion_limit) return true;
    return rt_raise(vm, &RecursionError_type, "maximum recursion depth exceeded");
}

Frame *vm_frame_push(Vm *vm, ObjCode *co, Value func, Value globals, Value locals) {
    ThreadState *ts = VM_TS(vm);
    if (!check_depth(vm, ts)) return NULL;
    Frame *f = chunk_alloc(ts, vm_frame_bytes(co));
    if (!f) {
        rt_raise_nomem(vm);
        return NULL;
    }
    frame_link(ts, f, co, func, globals, locals, FRAME_OWNED_BY_THREAD);
    return f;
}

void vm_frame_mark(Vm *vm, Frame *f) {
    gc_mark_obj(vm, &f->code->hdr);
    gc_mark_value(vm, f->func);
    gc_mark_value(vm, f->globals);
    gc_mark_value(vm, f->locals);
    // A running generator may be reachable only through its frame.
    if (f->owner == FRAME_OWNED_BY_GEN) gc_mark_obj(vm, &FRAME_GEN(f)->hdr);
    for (Value *v = f->localsplus; v < f->sp; v++) gc_mark_value(vm, *v);
}

// ---- binding ----

const char *vm_func_name(ObjFunction *fn) { return AS_STR(fn->qualname)->data; }

// "'a'", "'a' and 'b'", "'a', 'b', and 'c'" for the missing-argument messages.
static ObjStr *name_list(Vm *vm, Value *names, size_t n) {
    Buf b;
    buf_init(&b);
    bool ok = true;
    for (size_t i = 0; i < n && ok; i++) {
        if (i) ok = buf_puts(&b, n == 2 ? " and " : i + 1 == n ? ", and " : ", ");
        ok = ok && buf_printf(&b, "'%s'", AS_STR(names[i])->data);
    }
    ObjStr *s = ok ? str_new(vm, b.data ? b.data : "", b.len) : NULL;
    if (!ok) rt_raise_nomem(vm);
    buf_free(&b);
    return s;
}

static bool missing(Vm *vm, ObjFunction *fn, Frame *f, uint32_t from, uint32_t to, bool kwonly) {
    ObjCode *co = fn->code;
    Value names[256];
    size_t n = 0, total = 0;
    for (uint32_t i = from; i < to; i++) {
        if (f->localsplus[i]) continue;
        if (n < 256) names[n++] = co->localnames[i];
        total++;
    }
    ObjStr *l = name_list(vm, names, n);
    TRY(l);
    return rt_raise(vm, &TypeError_type, "%s() missing %zu required %s argument%s: %U",
                    vm_func_name(fn), total, kwonly ? "keyword-only" : "positional",
                    total == 1 ? "" : "s", l);
}

static bool too_many(Vm *vm, ObjFunction *fn, Frame *f, size_t given, size_t ndefaults) {
    ObjCode *co = fn->code;
    size_t kwonly_given = 0;
    for (uint32_t i = co->argcount; i < co->argcount + co->kwonlyargcount; i++)
        if (f->localsplus[i]) kwonly_given++;
    char takes[96];
    size_t ac = co->argcount;
    if (ndefaults) snprintf(takes, sizeof takes, "from %zu to %zu positional arguments", ac - ndefaults, ac);
    else snprintf(takes, sizeof takes, "%zu positional argument%s", ac, ac == 1 ? "" : "s");
    if (kwonly_given)
        return rt_raise(vm, &TypeError_type,
                        "%s() takes %s but %zu positional argument%s (and %zu keyword-only argument%s) were given",
                        vm_func_name(fn), takes, given, given == 1 ? "" : "s", kwonly_given,
                        kwonly_given == 1 ? "" : "s");
    return rt_raise(vm, &TypeError_type, "%s() takes %s but %zu %s given", vm_func_name(fn), takes,
                    given, given == 1 ? "was" : "were");
}

bool vm_bind_args(Vm *vm, Frame *f, ObjFunction *fn, Value *args, size_t nargs, Value kwnames) {
    ObjCode *co = fn->code;
    Value *loc = f->localsplus;
    size_t argc = co->argcount, kwc = co->kwonlyargcount;
    // The common call: exactly the positional parameters, nothing else to
    // build (no keywords, *args, **kwargs, cells or closure).
    if (nargs == argc && !kwnames && !kwc && !co->ncells && !co->nfrees &&
        !(co->flags & (CODE_VARARGS | CODE_VARKEYWORDS))) {
        for (size_t i = 0; i < nargs; i++) loc[i] = args[i];
        return true;
    }
    size_t nkw = kwnames ? AS_TUPLE(kwnames)->len : 0;
    bool varargs = (co->flags & CODE_VARARGS) != 0, varkw = (co->flags & CODE_VARKEYWORDS) != 0;
    size_t vslot = argc + kwc, kslot = vslot + (varargs ? 1 : 0);
    // Positional.
    size_t npos = nargs < argc ? nargs : argc;
    for (size_t i = 0; i < npos; i++) loc[i] = args[i];
    if (varargs) {
        ObjTuple *t = tuple_from(vm, args + npos, nargs - npos);
        TRY(t);
        loc[vslot] = OBJ_VAL(t);
    }
    ObjDict *kwd = NULL;
    if (varkw) {
        kwd = dict_new(vm);
        TRY(kwd);
        loc[kslot] = OBJ_VAL(kwd);
    }
    // Keywords.
    for (size_t k = 0; k < nkw; k++) {
        Value name = AS_TUPLE(kwnames)->items[k], v = args[nargs + k];
        if (!IS_STR(name))
            return rt_raise(vm, &TypeError_type, "%s() keywords must be strings", vm_func_name(fn));
        size_t j = co->posonlyargcount;
        for (; j < argc + kwc; j++)
            if (co->localnames[j] == name) break;
        if (j == argc + kwc)
            for (j = co->posonlyargcount; j < argc + kwc; j++)
                if (str_eq(AS_STR(co->localnames[j]), AS_STR(name))) break;
        if (j == argc + kwc) {
            if (kwd) {
                TRY(dict_set(vm, kwd, name, v));
                continue;
            }
            for (size_t p = 0; p < co->posonlyargcount; p++)
                if (str_eq(AS_STR(co->localnames[p]), AS_STR(name)))
                    return rt_raise(vm, &TypeError_type,
                                    "%s() got some positional-only arguments passed as keyword arguments: '%U'",
                                    vm_func_name(fn), AS_STR(name));
            return rt_raise(vm, &TypeError_type, "%s() got an unexpected keyword argument '%U'",
                            vm_func_name(fn), AS_STR(name));
        }
        if (loc[j])
            return rt_raise(vm, &TypeError_type, "%s() got multiple values for argument '%U'",
                            vm_func_name(fn), AS_STR(name));
        loc[j] = v;
    }
    size_t ndef = fn->defaults ? AS_TUPLE(fn->defaults)->len : 0;
    if (nargs > argc && !varargs) return too_many(vm, fn, f, nargs, ndef);
    // Defaults for missing positionals.
    if (nargs < argc) {
        size_t first_def = argc - ndef;
        for (size_t i = nargs; i < argc; i++) {
            if (loc[i]) continue;
            if (i >= first_def) loc[i] = AS_TUPLE(fn->defaults)->items[i - first_def];
        }
        for (size_t i = nargs; i < argc; i++)
            if (!loc[i]) return missing(vm, fn, f, (uint32_t)nargs, (uint32_t)argc, false);
    }
    // Keyword-only defaults.
    for (size_t i = argc; i < argc + kwc; i++) {
        if (loc[i]) continue;
        Value d;
        if (fn->kwdefaults && dict_get_str(vm, AS_DICT(fn->kwdefaults), AS_STR(co->localnames[i]), &d) == 1)
            loc[i] = d;
    }
    for (size_t i = argc; i < argc + kwc; i++)
        if (!loc[i]) return missing(vm, fn, f, (uint32_t)argc, (uint32_t)(argc + kwc), true);
    // Cells (starting from their argument when they are one) and the closure.
    Value *cells = loc + co->nlocals;
    for (uint32_t i = 0; i < co->ncells; i++) {
        int32_t a = co->cell2arg ? co->cell2arg[i] : -1;
        ObjCell *c = cell_new(vm, a >= 0 ? loc[a] : VAL_NULL);
        TRY(c);
        cells[i] = OBJ_VAL(c);
    }
    if (co->nfrees) {
        ObjTuple *cl = AS_TUPLE(fn->closure);
        for (uint32_t i = 0; i < co->nfrees; i++) cells[co->ncells + i] = cl->items[i];
    }
    return true;
}

// While binding, the frame's locals are being filled: the GC must see them
// all, so the frame's sp is set past the locals first (they start NULL).
Frame *vm_call_setup(Vm *vm, ObjFunction *fn, Value *args, size_t nargs, Value kwnames, Value *gen) {
    ObjCode *co = fn->code;
    *gen = VAL_NULL;
    if (!(co->flags & (CODE_GENERATOR | CODE_COROUTINE | CODE_ASYNC_GENERATOR))) {
        // Module-level code called as a function (the REPL's) keeps its
        // names in its globals, as CPython's call of such code does.
        Value locals = (co->flags & CODE_OPTIMIZED) ? VAL_NULL : fn->globals;
        Frame *f = vm_frame_push(vm, co, OBJ_VAL(fn), fn->globals, locals);
        if (!f) return NULL;
        if (!vm_bind_args(vm, f, fn, args, nargs, kwnames)) {
            vm_frame_pop(vm, f);
            return NULL;
        }
        return f;
    }
    // The generator is made first; its frame, inside it, is linked while the
    // arguments are bound, so the GC sees both (marking the frame marks the
    // generator).
    ThreadState *ts = VM_TS(vm);
    if (!check_depth(vm, ts)) return NULL;
    ObjGen *g = gen_alloc(vm, co, sizeof(Frame) + ((size_t)co->nlocalsplus + co->stacksize) * sizeof(Value));
    if (!g) return NULL;
    Frame *f = GEN_FRAME_MEM(g);
    // Module-level code (a top-level await at the prompt) keeps its names
    // in its globals, as CPython's function call gives such code.
    Value locals = (co->flags & CODE_OPTIMIZED) ? VAL_NULL : fn->globals;
    frame_link(ts, f, co, OBJ_VAL(fn), fn->globals, locals, FRAME_OWNED_BY_GEN);
    if (!vm_bind_args(vm, f, fn, args, nargs, kwnames)) {
        vm_frame_pop(vm, f);
        f->state = FRAME_CLEARED;
        gc_finalizer_done(vm, &g->hdr);
        return NULL;
    }
    // The generator owns the frame from here; it starts after
    // RETURN_GENERATOR, where the first send pushes its value.
    gen_init(vm, g);
    vm_frame_pop(vm, f);
    f->previous = NULL;
    f->ip = co->words + 1;
    *gen = OBJ_VAL(g);
    return f;
}

bool vm_call_function(Vm *vm, Value callable, Value *args, size_t nargs, Value kwnames, Value *out) {
    if (!IS_FUNCTION(callable)) return rt_raise_not_callable(vm, callable);
    TRY(rt_enter(vm, RT_WHERE_CALL));
    Value gen;
    Frame *f = vm_call_setup(vm, AS_FUNCTION(callable), args, nargs, kwnames, &gen);
    bool ok;
    if (!f) {
        ok = false;
    } else if (gen) {
        *out = gen;
        ok = true;
    } else {
        ok = vm_run(vm, f, out);
    }
    rt_leave(vm);
    return ok;
}
