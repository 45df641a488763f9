// BaseExceptionGroup and ExceptionGroup (see excgroup.h).
//
// ExceptionGroup derives from both BaseExceptionGroup and Exception. It is a
// static type like the other builtin exceptions, with a fixed MRO array
// (type.h: a static type with `mro` set uses it instead of its base chain),
// so `except Exception` and issubclass see both bases. Both classes share
// one layout, ObjExcGroup, which extends ObjException.
//
// split() and subgroup() walk the nesting recursively (a group nests at most
// as deep as the C recursion limit allows: RecursionError beyond, as in
// CPython). The lists each level builds are kept on one rooted work list
// rather than on the temporary-root stack, whose size does not grow.
#include "runtime/excgroup.h"

#include <stdlib.h>
#include <string.h>

#include "runtime/dict.h"
#include "runtime/func.h"
#include "runtime/genericalias.h"
#include "runtime/gc.h"
#include "runtime/list.h"
#include "runtime/native.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"


// ---- construction ----

// CPython's PySequence_Check: indexable, and not a mapping.
static bool is_sequence(Value v) {
    ObjType *t = rt_type(v);
    return TYPE_SLOT(t, getitem) && !IS_INSTANCE(v, dict_type);
}

// BaseExceptionGroup.__new__(cls, message, exceptions). The args tuple keeps
// what the caller passed (repr shows it); message/exceptions are checked
// copies. Keywords are refused after the positional check, as in CPython.
static bool eg_new_slot(Vm *vm, ObjType *t, Value *args, size_t nargs, Value kwnames, Value *out) {
    if (nargs != 2)
        return rt_raise(vm, &TypeError_type,
                        "BaseExceptionGroup.__new__() takes exactly 2 arguments (%zu given)", nargs);
    if (kwnames && AS_TUPLE(kwnames)->len)
        return rt_raise(vm, &TypeError_type, "%s() takes no keyword arguments", type_name(t));
    Value msg = args[0];
    if (!IS_STR(msg))
        return rt_raise(vm, &TypeError_type, "BaseExceptionGroup.__new__() argument 1 must be str, not %s",
                        IS_NONE(msg) ? "None" : type_name(rt_type(msg)));
    if (!is_sequence(args[1]))
        return rt_raise(vm, &TypeError_type, "second argument (exceptions) must be a sequence");
    Value excs;
    TRY(tuple_from_iterable(vm, args[1], &excs));
    ObjTuple *et = AS_TUPLE(excs);
    if (et->len == 0)
        return rt_raise(vm, &ValueError_type, "second argument (exceptions) must be a non-empty sequence");
    bool nested_base = false;
    for (size_t i = 0; i < et->len; i++) {
        if (!IS_EXC(et->items[i]))
            return rt_raise(vm, &ValueError_type,
                            "Item %zu of second argument (exceptions) is not an exception", i);
        if (!type_is_subtype(rt_type(et->items[i]), &Exception_type)) nested_base = true;
    }
    if (t == &BaseExceptionGroup_type) {
        if (!nested_base) t = &ExceptionGroup_type;
    } else if (t == &ExceptionGroup_type) {
        if (nested_base)
            return rt_raise(vm, &TypeError_type, "Cannot nest BaseExceptions in an ExceptionGroup");
    } else if (nested_base && type_is_subtype(t, &Exception_type)) {
        return rt_raise(vm, &TypeError_type, "Cannot nest BaseExceptions in '%s'", type_name(t));
    }
    gc_push_root(vm, excs);
    ObjTuple *a = tuple_from(vm, args, nargs);
    bool ok = a != NULL;
    if (ok) {
        gc_push_root(vm, OBJ_VAL(a));
        ok = exc_new(vm, t, OBJ_VAL(a), out);
        gc_pop_root(vm);
    }
    gc_pop_root(vm);
    TRY(ok);
    AS_EXCGROUP(*out)->msg = msg;
    AS_EXCGROUP(*out)->excs = excs;
    return true;
}

bool excgroup_new(Vm *vm, Value msg, Value excs, Value *out) {
    Value args[2] = {msg, excs};
    return rt_call(vm, OBJ_VAL(&BaseExceptionGroup_type), args, 2, VAL_NULL, out);
}

static void eg_trace(Vm *vm, Obj *o) {
    exc_trace(vm, o);
    ObjExcGroup *g = (ObjExcGroup *)o;
    gc_mark_value(vm, g->msg);
    gc_mark_value(vm, g->excs);
}

static bool eg_str(Vm *vm, Value self, Value *out) {
    ObjExcGroup *g = AS_EXCGROUP(self);
    // A subclass whose __new__ never ran BaseExceptionGroup.__new__ has none.
    Value msg = g->msg ? g->msg : vm->empty_str;
    size_t n = g->excs ? AS_TUPLE(g->excs)->len : 0;
    ObjStr *s = rt_format_cmsg(vm, "%S (%zu sub-exception%s)", msg, n, n > 1 ? "s" : "");
    TRY(s);
    *out = OBJ_VAL(s);
    return true;
}

// ---- attributes ----

static bool readonly(Vm *vm, Value self, Value v) {
    (void)self, (void)v;
    return rt_raise(vm, &AttributeError_type, "readonly attribute");
}

static bool get_message(Vm *vm, Value self, Value *out) {
    *out = AS_EXCGROUP(self)->msg ? AS_EXCGROUP(self)->msg : NONE_VAL;
    (void)vm;
    return true;
}

static bool get_exceptions(Vm *vm, Value self, Value *out) {
    *out = AS_EXCGROUP(self)->excs ? AS_EXCGROUP(self)->excs : NONE_VAL;
    (void)vm;
    return true;
}

static const GetSetDef eg_getsets[] = {
    {"message", get_message, readonly},
    {"exceptions", get_exceptions, readonly},
    {NULL, NULL, NULL},
};

// ---- derive, split, subgroup ----

static bool m_derive(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "BaseExceptionGroup.derive", kw));
    if (nargs != 2)
        return rt_raise(vm, &TypeError_type, "function takes exactly 1 argument (%zu given)", nargs - 1);
    Value msg = AS_EXCGROUP(args[0])->msg;
    return excgroup_new(vm, msg ? msg : vm->empty_str, args[1], out);
}

typedef enum { MATCH_TYPE, MATCH_PREDICATE, MATCH_LEAVES } MatchKind;

// A set of leaf exceptions (by identity) for MATCH_LEAVES: open addressing
// over object addresses. The objects stay reachable from the caller's list.
typedef struct LeafSet {
    const Obj **slots;
    size_t cap, used;
} LeafSet;

static size_t leaf_slot(const LeafSet *s, const Obj *o) {
    size_t i = (((uintptr_t)o >> 4) * 0x9E3779B97F4A7C15ull) & (s->cap - 1);
    while (s->slots[i] && s->slots[i] != o) i = (i + 1) & (s->cap - 1);
    return i;
}

static bool leaf_has(const LeafSet *s, const Obj *o) {
    return s->cap && s->slots[leaf_slot(s, o)] == o;
}

static bool leaf_add(Vm *vm, LeafSet *s, const Obj *o) {
    if ((s->used + 1) * 2 > s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 16;
        const Obj **n = calloc(cap, sizeof *n);
        if (!n) return rt_raise_nomem(vm);
        LeafSet ns = {n, cap, 0};
        for (size_t i = 0; i < s->cap; i++)
            if (s->slots[i]) ns.slots[leaf_slot(&ns, s->slots[i])] = s->slots[i];
        ns.used = s->used;
        free(s->slots);
        *s = ns;
    }
    size_t i = leaf_slot(s, o);
    if (!s->slots[i]) {
        s->slots[i] = o;
        s->used++;
    }
    return true;
}

typedef struct Splitter {
    MatchKind kind;
    Value matcher;       // a class or tuple of classes, or a function
    LeafSet leaves;      // MATCH_LEAVES
    bool with_rest;      // split() rather than subgroup()
    ObjList *work;       // rooted: the lists of the levels in progress
} Splitter;

static bool matcher_kind(Vm *vm, Value v, MatchKind *kind) {
    if (IS_FUNCTION(v)) {
        *kind = MATCH_PREDICATE;
        return true;
    }
    *kind = MATCH_TYPE;
    if (IS_TYPE(v) && (AS_TYPE(v)->flags & TYPE_EXC)) return true;
    if (IS_TYPE_EXACT(v, tuple_type)) {
        ObjTuple *t = AS_TUPLE(v);
        bool ok = true;
        for (size_t i = 0; ok && i < t->len; i++)
            ok = IS_TYPE(t->items[i]) && (AS_TYPE(t->items[i])->flags & TYPE_EXC);
        if (ok) return true;
    }
    return rt_raise(vm, &TypeError_type, "expected a function, exception type or tuple of exception types");
}

// isinstance(exc, cls-or-tuple) for exception classes, tuples nesting.
static bool exc_is(Value exc, Value cls) {
    if (IS_TUPLE(cls)) {
        ObjTuple *t = AS_TUPLE(cls);
        for (size_t i = 0; i < t->len; i++)
            if (exc_is(exc, t->items[i])) return true;
        return false;
    }
    return IS_TYPE(cls) && type_is_subtype(rt_type(exc), AS_TYPE(cls));
}

static int check_match(Vm *vm, Splitter *sp, Value exc) {
    switch (sp->kind) {
    case MATCH_TYPE:
        return exc_is(exc, sp->matcher);
    case MATCH_PREDICATE: {
        Value r;
        if (!rt_call1(vm, sp->matcher, exc, &r)) return -1;
        return rt_is_true(vm, r);
    }
    case MATCH_LEAVES:
        return leaf_has(&sp->leaves, AS_OBJ(exc));
    }
    return 0;
}

// A group like [orig] holding [excs] (a list; VAL_NULL or empty: none), made
// by orig.derive() and given orig's traceback, cause, context and a copy of
// its notes, as CPython's exceptiongroup_subset.
static bool subset(Vm *vm, Value orig, Value excs, Value *out) {
    *out = VAL_NULL;
    if (!excs || AS_LIST(excs)->len == 0) return true;
    ObjStr *derive = str_intern_cstr(vm, "derive");
    TRY(derive);
    Value eg;
    gc_push_root(vm, OBJ_VAL(derive));   // interned names are held weakly
    bool derived = rt_call_method(vm, orig, derive, &excs, 1, &eg);
    gc_pop_root(vm);
    TRY(derived);
    if (!IS_EXCGROUP(eg))
        return rt_raise(vm, &TypeError_type, "derive must return an instance of BaseExceptionGroup");
    gc_push_root(vm, eg);
    ObjException *o = AS_EXC(orig), *e = AS_EXC(eg);
    if (o->traceback) e->traceback = o->traceback;
    e->context = o->context;
    // Setting the cause (even to None) suppresses the context: CPython's
    // PyException_SetCause does, and split() goes through it.
    e->cause = o->cause;
    e->suppress_context = true;
    // The name and the notes are rooted: an interned name nothing else
    // holds may be collected, and a property may return a fresh object.
    size_t mark = gc_roots_mark(vm);
    ObjStr *notes_name = str_intern_cstr(vm, "__notes__");
    Value notes = VAL_NULL;
    if (notes_name) gc_push_root(vm, OBJ_VAL(notes_name));
    int r = notes_name ? rt_getattr_opt(vm, orig, notes_name, &notes) : -1;
    bool ok = r >= 0;
    if (r > 0 && is_sequence(notes)) {
        gc_push_root(vm, notes);
        // A copy, so that the parts have independent notes lists.
        ObjList *copy = list_new(vm, 0);
        ok = copy != NULL;
        if (ok) {
            gc_push_root(vm, OBJ_VAL(copy));
            ok = list_extend(vm, copy, notes) && rt_setattr(vm, eg, notes_name, OBJ_VAL(copy));
        }
    }
    gc_roots_reset(vm, mark);
    gc_pop_root(vm);
    TRY(ok);
    *out = eg;
    return true;
}

// Pushes onto sp->work the matching part of [exc] and, when sp->with_rest,
// the rest (None: nothing), so both stay rooted until the caller takes them.
static bool split_rec(Vm *vm, Splitter *sp, Value exc) {
    ObjList *work = sp->work;
    int m = check_match(vm, sp, exc);
    if (m < 0) return false;
    // [exc] is reachable from the group being split: pushing may collect.
    if (m || !IS_EXCGROUP(exc))
        return list_append(vm, work, m ? exc : NONE_VAL) &&
               list_append(vm, work, !m && sp->with_rest ? exc : NONE_VAL);
    TRY(rt_enter(vm, " in exceptiongroup_split_recursive"));
    size_t base = work->len;
    ObjList *ml = list_new(vm, 0), *rl = NULL;
    bool ok = ml && list_append(vm, work, OBJ_VAL(ml));
    if (ok && sp->with_rest) ok = (rl = list_new(vm, 0)) != NULL;
    ok = ok && list_append(vm, work, rl ? OBJ_VAL(rl) : NONE_VAL);
    Value excs = AS_EXCGROUP(exc)->excs;
    for (size_t i = 0; ok && excs && i < AS_TUPLE(excs)->len; i++) {
        ok = split_rec(vm, sp, AS_TUPLE(excs)->items[i]);
        if (!ok) break;
        Value sm = work->items[work->len - 2], sr = work->items[work->len - 1];
        if (!IS_NONE(sm)) ok = list_append(vm, ml, sm);
        if (ok && !IS_NONE(sr)) ok = list_append(vm, rl, sr);
        work->len -= 2;
    }
    rt_leave(vm);
    Value g = VAL_NULL;
    // Each part replaces its list on the work list as soon as it exists.
    if (ok) ok = subset(vm, exc, OBJ_VAL(ml), &g);
    if (ok) work->items[base] = g ? g : NONE_VAL;
    if (ok && rl) ok = subset(vm, exc, OBJ_VAL(rl), &g);
    if (ok && rl) work->items[base + 1] = g ? g : NONE_VAL;
    if (!ok) work->len = base;
    return ok;
}

// Splits [exc] with the work list rooted; the caller pops the root after
// reading the two parts from work->items[0] and [1] (None: empty).
static bool split_start(Vm *vm, Splitter *sp, Value exc) {
    ObjList *work = list_new(vm, 4);
    TRY(work);
    gc_push_root(vm, OBJ_VAL(work));
    sp->work = work;
    return split_rec(vm, sp, exc);
}

static bool m_split(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "BaseExceptionGroup.split", kw));
    if (nargs != 2)
        return rt_raise(vm, &TypeError_type, "split expected 1 argument, got %zu", nargs - 1);
    Splitter sp = {.matcher = args[1], .with_rest = true};
    TRY(matcher_kind(vm, args[1], &sp.kind));
    size_t mark = gc_roots_mark(vm);
    bool ok = split_start(vm, &sp, args[0]);
    ObjTuple *t = ok ? tuple_pack2(vm, sp.work->items[0], sp.work->items[1]) : NULL;
    gc_roots_reset(vm, mark);
    TRY(t);
    *out = OBJ_VAL(t);
    return true;
}

static bool m_subgroup(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "BaseExceptionGroup.subgroup", kw));
    if (nargs != 2)
        return rt_raise(vm, &TypeError_type, "subgroup expected 1 argument, got %zu", nargs - 1);
    Splitter sp = {.matcher = args[1], .with_rest = false};
    TRY(matcher_kind(vm, args[1], &sp.kind));
    size_t mark = gc_roots_mark(vm);
    bool ok = split_start(vm, &sp, args[0]);
    if (ok) *out = sp.work->items[0];
    gc_roots_reset(vm, mark);
    return ok;
}

static const MethodDef eg_methods[] = {
    {"derive", m_derive, 0},
    {"split", m_split, 0},
    {"subgroup", m_subgroup, 0},
    {"__class_getitem__", ga_class_getitem, METH_CLASS},
    {NULL, NULL, 0},
};

// ---- except* ----

// The class an `except*` clause names: an exception class or a tuple of
// them, and never a group class.
static bool check_star_type(Vm *vm, Value type) {
    bool group = false;
    if (IS_TUPLE(type)) {
        ObjTuple *t = AS_TUPLE(type);
        for (size_t i = 0; i < t->len; i++) {
            Value c = t->items[i];
            if (!IS_TYPE(c) || !(AS_TYPE(c)->flags & TYPE_EXC)) goto bad;
        }
        for (size_t i = 0; i < t->len; i++)
            group = group || type_is_subtype(AS_TYPE(t->items[i]), &BaseExceptionGroup_type);
    } else {
        if (!IS_TYPE(type) || !(AS_TYPE(type)->flags & TYPE_EXC)) goto bad;
        group = type_is_subtype(AS_TYPE(type), &BaseExceptionGroup_type);
    }
    if (group)
        return rt_raise(vm, &TypeError_type,
                        "catching ExceptionGroup with except* is not allowed. Use except instead.");
    return true;
bad:
    return rt_raise(vm, &TypeError_type,
                    "catching classes that do not inherit from BaseException is not allowed");
}

bool excgroup_star_match(Vm *vm, Value exc, Value type, Value *match, Value *rest) {
    TRY(check_star_type(vm, type));
    if (IS_NONE(exc)) {
        *match = *rest = NONE_VAL;
        return true;
    }
    if (exc_is(exc, type)) {
        *rest = NONE_VAL;
        if (IS_EXCGROUP(exc)) {
            *match = exc;
            return true;
        }
        ObjTuple *one = tuple_from(vm, &exc, 1);
        TRY(one);
        gc_push_root(vm, OBJ_VAL(one));
        bool ok = excgroup_new(vm, vm->empty_str, OBJ_VAL(one), match);
        gc_pop_root(vm);
        return ok;
    }
    if (!IS_EXCGROUP(exc)) {
        *match = NONE_VAL;
        *rest = exc;
        return true;
    }
    // A partial match: the group's own split(), which a subclass may override.
    ObjStr *name = str_intern_cstr(vm, "split");
    TRY(name);
    Value pair;
    gc_push_root(vm, OBJ_VAL(name));   // interned names are held weakly
    bool split = rt_call_method(vm, exc, name, &type, 1, &pair);
    gc_pop_root(vm);
    TRY(split);
    if (!IS_TYPE_EXACT(pair, tuple_type))
        return rt_raise(vm, &TypeError_type, "%s.split must return a tuple, not %s",
                        type_name(rt_type(exc)), type_name(rt_type(pair)));
    if (AS_TUPLE(pair)->len < 2)
        return rt_raise(vm, &TypeError_type, "%s.split must return a 2-tuple, got tuple of size %zu",
                        type_name(rt_type(exc)), AS_TUPLE(pair)->len);
    *match = AS_TUPLE(pair)->items[0];
    *rest = AS_TUPLE(pair)->items[1];
    return true;
}

// Adds the leaves of [exc] (a group's, or exc itself) to [s].
static bool collect_leaves(Vm *vm, LeafSet *s, Value exc) {
    if (IS_NONE(exc)) return true;
    if (!IS_EXCGROUP(exc)) return leaf_add(vm, s, AS_OBJ(exc));
    TRY(rt_enter(vm, " in collect_exception_group_leaf_ids"));
    Value excs = AS_EXCGROUP(exc)->excs;
    bool ok = true;
    for (size_t i = 0; ok && excs && i < AS_TUPLE(excs)->len; i++)
        ok = collect_leaves(vm, s, AS_TUPLE(excs)->items[i]);
    rt_leave(vm);
    return ok;
}

// A clause re-raised (part of) the caught group when what propagated out of
// it carries the group's own traceback, cause and context.
static bool same_metadata(Value a, Value b) {
    ObjException *x = AS_EXC(a), *y = AS_EXC(b);
    return x->traceback == y->traceback && x->cause == y->cause && x->context == y->context;
}

bool excgroup_prep_reraise(Vm *vm, Value orig, Value raised, Value *out) {
    ObjList *l = AS_LIST(raised);
    if (l->len == 0) {
        *out = NONE_VAL;
        return true;
    }
    if (!IS_EXCGROUP(orig)) {
        // A naked exception was caught and wrapped: only one clause ran.
        *out = l->items[0];
        return true;
    }
    size_t mark = gc_roots_mark(vm);
    ObjList *fresh = list_new(vm, 0), *again = NULL;
    bool ok = fresh != NULL;
    if (ok) gc_push_root(vm, OBJ_VAL(fresh));
    ok = ok && (again = list_new(vm, 0)) != NULL;
    if (ok) gc_push_root(vm, OBJ_VAL(again));
    for (size_t i = 0; ok && i < l->len; i++) {
        Value e = l->items[i];
        if (IS_NONE(e)) continue;
        ok = list_append(vm, IS_EXC(e) && same_metadata(e, orig) ? again : fresh, e);
    }
    // The re-raised leaves, in orig's nesting.
    Value kept = NONE_VAL;
    if (ok) {
        Splitter sp = {.kind = MATCH_LEAVES, .with_rest = false};
        for (size_t i = 0; ok && i < again->len; i++) ok = collect_leaves(vm, &sp.leaves, again->items[i]);
        ok = ok && split_start(vm, &sp, orig);   // leaves the work list rooted
        if (ok) kept = sp.work->items[0];
        free(sp.leaves.slots);
    }
    if (ok && fresh->len == 0) {
        *out = kept;
    } else if (ok) {
        if (!IS_NONE(kept)) ok = list_append(vm, fresh, kept);
        if (ok && fresh->len > 1) ok = excgroup_new(vm, vm->empty_str, OBJ_VAL(fresh), out);
        else if (ok) *out = fresh->items[0];
    }
    gc_roots_reset(vm, mark);
    return ok;
}

// ---- the classes ----

ObjType BaseExceptionGroup_type = {
    .hdr = OBJ_STATIC_HEADER(&type_type),
    .name = "BaseExceptionGroup",
    .module = "builtins",
    .basicsize = sizeof(ObjExcGroup),
    .dictoffset = offsetof(ObjException, dict),
    .flags = TYPE_BASETYPE | TYPE_EXC,
    .base = &BaseException_type,
    .methods = eg_methods,
    .getsets = eg_getsets,
    .trace = eg_trace,
    .new_ = eg_new_slot,
    .str = eg_str,
};

static ObjType *eg_mro[] = {&ExceptionGroup_type, &BaseExceptionGroup_type, &Exception_type,
                            &BaseException_type, &object_type};
static ObjType *eg_bases[] = {&BaseExceptionGroup_type, &Exception_type};

ObjType ExceptionGroup_type = {
    .hdr = OBJ_STATIC_HEADER(&type_type),
    .name = "ExceptionGroup",
    .module = "builtins",
    .basicsize = sizeof(ObjExcGroup),
    .dictoffset = offsetof(ObjException, dict),
    .flags = TYPE_BASETYPE | TYPE_EXC,
    .base = &BaseExceptionGroup_type,
    .mro = eg_mro,
    .nmro = sizeof eg_mro / sizeof *eg_mro,
    .bases = eg_bases,
    .nbases = sizeof eg_bases / sizeof *eg_bases,
    // The collector calls an object's own trace slot (no inheritance).
    .trace = eg_trace,
    .new_ = eg_new_slot,
    .str = eg_str,
};

bool excgroup_register(Vm *vm, ObjDict *b) {
    return dict_set_cstr(vm, b, "BaseExceptionGroup", OBJ_VAL(&BaseExceptionGroup_type)) &&
           dict_set_cstr(vm, b, "ExceptionGroup", OBJ_VAL(&ExceptionGroup_type));
}
