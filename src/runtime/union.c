// types.UnionType (see union.h), following CPython 3.11's
// Objects/unionobject.c: how `|` builds one, its repr (`int | None`), its
// hash and equality as the set of its arguments, and substitution of its
// type variables (`(T | None)[int]`).
#include "runtime/union.h"

#include "runtime/exc.h"
#include "runtime/gc.h"
#include "runtime/genericalias.h"
#include "runtime/list.h"
#include "runtime/native.h"
#include "runtime/ops.h"
#include "runtime/set.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"
#include "util/buf.h"

static bool unionable(Value v) {
    return IS_NONE(v) || IS_TYPE(v) || IS_GENERICALIAS(v) || IS_UNION(v);
}

// The arguments of a union of [args] (a tuple): unions spread into theirs,
// None as NoneType, duplicates dropped. Then one argument is itself, more
// make a union.
static bool make_union(Vm *vm, ObjTuple *args, Value *out) {
    size_t mark = gc_roots_mark(vm);
    ObjList *flat = list_new(vm, args->len);
    if (!flat) return false;
    gc_push_root(vm, OBJ_VAL(flat));
    for (size_t i = 0; i < args->len; i++) {
        Value a = args->items[i];
        size_t n = 1;
        const Value *items = &a;
        if (IS_UNION(a)) {
            items = AS_TUPLE(AS_UNION(a)->args)->items;
            n = AS_TUPLE(AS_UNION(a)->args)->len;
        }
        for (size_t k = 0; k < n; k++) {
            Value v = IS_NONE(items[k]) ? OBJ_VAL(&none_type) : items[k];
            int dup = 0;
            for (size_t j = 0; j < flat->len && !dup; j++) {
                Value w = flat->items[j];
                // Aliases are compared (list[int] twice is one), the rest by identity.
                dup = IS_GENERICALIAS(v) && IS_GENERICALIAS(w) ? rt_eq(vm, v, w) : v == w;
                if (dup < 0) return gc_roots_reset(vm, mark), false;
            }
            if (!dup && !list_append(vm, flat, v)) return gc_roots_reset(vm, mark), false;
        }
    }
    if (flat->len == 1) {
        *out = flat->items[0];
        gc_roots_reset(vm, mark);
        return true;
    }
    ObjTuple *t = tuple_from(vm, flat->items, flat->len);
    if (!t) return gc_roots_reset(vm, mark), false;
    gc_push_root(vm, OBJ_VAL(t));
    ObjUnion *u = (ObjUnion *)gc_alloc(vm, &union_type, sizeof(ObjUnion));
    gc_roots_reset(vm, mark);
    TRY(u);
    u->args = OBJ_VAL(t);
    *out = OBJ_VAL(u);
    return true;
}

bool union_type_or(Vm *vm, int op, Value a, Value b, Value *out) {
    if ((op & ~BINOP_INPLACE) != BINOP_OR || !unionable(a) || !unionable(b)) {
        *out = NOTIMPL_VAL;
        return true;
    }
    ObjTuple *pair = tuple_pack2(vm, a, b);
    TRY(pair);
    gc_push_root(vm, OBJ_VAL(pair));
    bool ok = make_union(vm, pair, out);
    gc_pop_root(vm);
    return ok;
}

static void union_trace(Vm *vm, Obj *o) {
    ObjUnion *u = (ObjUnion *)o;
    gc_mark_value(vm, u->args);
    gc_mark_value(vm, u->params);
}

static bool union_repr(Vm *vm, Value self, Value *out) {
    ObjTuple *args = AS_TUPLE(AS_UNION(self)->args);
    TRY(rt_enter(vm, RT_WHERE_REPR));
    Buf b;
    buf_init(&b);
    bool ok = true;
    for (size_t i = 0; ok && i < args->len; i++) {
        if (i && !buf_puts(&b, " | ")) ok = rt_raise_nomem(vm);
        else if (args->items[i] == OBJ_VAL(&none_type)) ok = buf_puts(&b, "None") || rt_raise_nomem(vm);
        else ok = ga_repr_item(vm, args->items[i], &b);
    }
    rt_leave(vm);
    ObjStr *s = ok ? str_new(vm, b.data, b.len) : NULL;
    buf_free(&b);
    TRY(s);
    *out = OBJ_VAL(s);
    return true;
}

// The arguments as a frozenset: what hashing and equality look at.
static bool args_set(Vm *vm, Value self, Value *out) {
    ObjSet *s = set_new(vm, &frozenset_type);
    TRY(s);
    gc_push_root(vm, OBJ_VAL(s));
    ObjTuple *args = AS_TUPLE(AS_UNION(self)->args);
    bool ok = true;
    for (size_t i = 0; ok && i < args->len; i++) ok = set_add(vm, s, args->items[i]);
    gc_pop_root(vm);
    *out = OBJ_VAL(s);
    return ok;
}

static bool union_hash(Vm *vm, Value self, int64_t *out) {
    Value s;
    TRY(args_set(vm, self, &s));
    gc_push_root(vm, s);
    bool ok = rt_hash(vm, s, out);
    gc_pop_root(vm);
    return ok;
}

static bool union_richcompare(Vm *vm, Value a, Value b, CmpOp op, Value *out) {
    if (!IS_UNION(a) || !IS_UNION(b) || (op != CMP_EQ && op != CMP_NE)) {
        *out = NOTIMPL_VAL;
        return true;
    }
    Value sa, sb;
    TRY(args_set(vm, a, &sa));
    gc_push_root(vm, sa);
    bool ok = args_set(vm, b, &sb);
    if (ok) {
        gc_push_root(vm, sb);
        ok = rt_richcompare(vm, sa, sb, op, out);
        gc_pop_root(vm);
    }
    gc_pop_root(vm);
    return ok;
}

static bool get_params(Vm *vm, Value self, Value *out) {
    ObjUnion *u = AS_UNION(self);
    if (!u->params) TRY(ga_make_params(vm, u->args, &u->params));
    *out = u->params;
    return true;
}

static bool get_args(Vm *vm, Value self, Value *out) { (void)vm; *out = AS_UNION(self)->args; return true; }

static const GetSetDef union_getsets[] = {
    {"__args__", get_args, NULL},
    {"__parameters__", get_params, NULL},
    {NULL, NULL, NULL},
};

// (T | None)[int]: the substituted arguments or-ed together again.
static bool union_getitem(Vm *vm, Value self, Value key, Value *out) {
    Value params, args;
    TRY(get_params(vm, self, &params));
    TRY(ga_subs_parameters(vm, self, AS_UNION(self)->args, params, key, &args));
    size_t mark = gc_roots_mark(vm);
    gc_push_root(vm, args);
    ObjTuple *t = AS_TUPLE(args);
    Value res = t->items[0];
    for (size_t i = 1; i < t->len; i++) {
        gc_push_root(vm, res);
        if (!rt_binary_op(vm, BINOP_OR, res, t->items[i], &res)) return gc_roots_reset(vm, mark), false;
    }
    gc_roots_reset(vm, mark);
    *out = res;
    return true;
}

ObjType union_type = {
    .hdr = OBJ_STATIC_HEADER(&type_type),
    .name = "types.UnionType",
    .basicsize = sizeof(ObjUnion),
    .flags = TYPE_ABSTRACT_NEW,   // made only by `|`
    .base = &object_type,
    .getsets = union_getsets,
    .trace = union_trace,
    .repr = union_repr,
    .hash = union_hash,
    .richcompare = union_richcompare,
    .getitem = union_getitem,
    .binop = union_type_or,
};
