// Generic operations (see ops.h): dispatch through type slots with
// CPython's rules for reflected operands, NotImplemented, identity
// shortcuts in containers, and CPython's error messages.
#include "runtime/ops.h"

#include <stdlib.h>
#include <string.h>

#include "runtime/exc.h"
#include "runtime/gc.h"
#include "runtime/genericalias.h"
#include "runtime/int.h"
#include "runtime/float.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"
#include "util/utf8.h"

const char *const rt_cmp_symbols[6] = {"<", "<=", "==", "!=", ">", ">="};
const char *const rt_binop_symbols[BINOP_COUNT_] = {
    "+", "-", "*", "/", "//", "%", "** or pow()", "<<", ">>", "&", "|", "^", "@", "divmod()"};
static const char *const inplace_symbols[BINOP_COUNT_] = {
    "+=", "-=", "*=", "/=", "//=", "%=", "**=", "<<=", ">>=", "&=", "|=", "^=", "@=", "divmod()"};

// ---- conversion ----

bool rt_repr(Vm *vm, Value v, Value *out) {
    bool (*repr)(Vm *, Value, Value *) = TYPE_SLOT(rt_type(v), repr);
    TRY(rt_enter(vm, RT_WHERE_REPR));
    gc_push_root(vm, v);   // containers allocate while reading their items
    bool ok = repr(vm, v, out);
    gc_pop_root(vm);
    rt_leave(vm);
    return ok;
}

bool rt_ascii(Vm *vm, Value v, Value *out) {
    Value r;
    TRY(rt_repr(vm, v, &r));
    ObjStr *s = AS_STR(r);
    if (STR_IS_ASCII(s)) {
        *out = r;
        return true;
    }
    Buf b;
    buf_init(&b);
    bool ok = true;
    const unsigned char *p = (const unsigned char *)s->data, *end = p + s->len;
    while (p < end && ok) {
        if (*p < 0x80) {
            ok = buf_putc(&b, (char)*p++);
            continue;
        }
        uint32_t cp;
        size_t n = utf8_decode(p, (size_t)(end - p), &cp, true);
        if (n == 0) n = 1, cp = *p;
        p += n;
        if (cp < 0x100) ok = buf_printf(&b, "\\x%02x", cp);
        else if (cp < 0x10000) ok = buf_printf(&b, "\\u%04x", cp);
        else ok = buf_printf(&b, "\\U%08x", cp);
    }
    ObjStr *res = ok ? str_new(vm, b.data ? b.data : "", b.len) : NULL;
    if (!ok) rt_raise_nomem(vm);
    buf_free(&b);
    TRY(res);
    *out = OBJ_VAL(res);
    return true;
}

bool rt_str(Vm *vm, Value v, Value *out) {
    if (IS_TYPE_EXACT(v, str_type)) {
        *out = v;
        return true;
    }
    bool (*str)(Vm *, Value, Value *) = TYPE_SLOT(rt_type(v), str);
    if (!str) return rt_repr(vm, v, out);
    TRY(rt_enter(vm, RT_WHERE_STR));
    gc_push_root(vm, v);
    bool ok = str(vm, v, out);
    gc_pop_root(vm);
    rt_leave(vm);
    return ok;
}

bool rt_unhashable(Vm *vm, Value self, int64_t *out) {
    (void)out;
    return rt_raise(vm, &TypeError_type, "unhashable type: '%s'", type_name(rt_type(self)));
}

bool rt_hash(Vm *vm, Value v, int64_t *out) {
    if (IS_INT(v)) {
        *out = int_hash(v);
        return true;
    }
    if (IS_TYPE_EXACT(v, str_type)) {
        *out = str_hash(AS_STR(v));
        return true;
    }
    bool (*hash)(Vm *, Value, int64_t *) = TYPE_SLOT(rt_type(v), hash);
    if (!hash) return rt_unhashable(vm, v, out);
    return hash(vm, v, out);
}

int rt_is_true(Vm *vm, Value v) {
    if (v == TRUE_VAL) return 1;
    if (v == FALSE_VAL || v == NONE_VAL) return 0;
    if (IS_INT(v)) return AS_INT(v) != 0;
    ObjType *t = rt_type(v);
    int (*truth)(Vm *, Value) = TYPE_SLOT(t, truth);
    if (truth) return truth(vm, v);
    bool (*len)(Vm *, Value, int64_t *) = TYPE_SLOT(t, len);
    if (len) {
        int64_t n;
        if (!len(vm, v, &n)) return -1;
        return n != 0;
    }
    return 1;
}

int rt_repr_enter(Vm *vm, Value v) {
    Obj *o = AS_OBJ(v);
    for (size_t i = 0; i < vm->repr_len; i++)
        if (vm->repr_stack[i] == o) return 1;
    if (vm->repr_len == vm->repr_cap) {
        size_t cap = vm->repr_cap ? vm->repr_cap * 2 : 16;
        Obj **s = realloc(vm->repr_stack, cap * sizeof *s);
        if (!s) {
            rt_raise_nomem(vm);
            return -1;
        }
        vm->repr_stack = s;
        vm->repr_cap = cap;
    }
    vm->repr_stack[vm->repr_len++] = o;
    return 0;
}

void rt_repr_leave(Vm *vm, Value v) {
    Obj *o = AS_OBJ(v);
    for (size_t i = vm->repr_len; i-- > 0;)
        if (vm->repr_stack[i] == o) {
            memmove(vm->repr_stack + i, vm->repr_stack + i + 1, (vm->repr_len - i - 1) * sizeof(Obj *));
            vm->repr_len--;
            return;
        }
}

// ---- comparison ----

static const CmpOp swapped[6] = {CMP_GT, CMP_GE, CMP_EQ, CMP_NE, CMP_LT, CMP_LE};

static bool do_richcompare(Vm *vm, Value a, Value b, CmpOp op, Value *out) {
    ObjType *ta = rt_type(a), *tb = rt_type(b);
    bool (*fa)(Vm *, Value, Value, CmpOp, Value *) = TYPE_SLOT(ta, richcompare);
    bool (*fb)(Vm *, Value, Value, CmpOp, Value *) = TYPE_SLOT(tb, richcompare);
    bool tried_b = false;
    if (ta != tb && type_is_subtype(tb, ta) && fb) {   // subclass gets the first try
        tried_b = true;
        TRY(fb(vm, b, a, swapped[op], out));
        if (*out != NOTIMPL_VAL) return true;
    }
    if (fa) {
        TRY(fa(vm, a, b, op, out));
        if (*out != NOTIMPL_VAL) return true;
    }
    if (!tried_b && fb) {
        TRY(fb(vm, b, a, swapped[op], out));
        if (*out != NOTIMPL_VAL) return true;
    }
    if (op == CMP_EQ || op == CMP_NE) {
        *out = rt_bool((a == b) == (op == CMP_EQ));
        return true;
    }
    return rt_raise(vm, &TypeError_type, "'%s' not supported between instances of '%s' and '%s'",
                    rt_cmp_symbols[op], type_name(ta), type_name(tb));
}

bool rt_richcompare(Vm *vm, Value a, Value b, CmpOp op, Value *out) {
    if (IS_INT(a) && IS_INT(b)) {
        int64_t x = AS_INT(a), y = AS_INT(b);
        bool r = op == CMP_LT ? x < y : op == CMP_LE ? x <= y : op == CMP_EQ ? x == y
               : op == CMP_NE ? x != y : op == CMP_GT ? x > y : x >= y;
        *out = rt_bool(r);
        return true;
    }
    TRY(rt_enter(vm, RT_WHERE_CMP));
    gc_push_root(vm, a);
    gc_push_root(vm, b);
    bool ok = do_richcompare(vm, a, b, op, out);
    gc_pop_roots(vm, 2);
    rt_leave(vm);
    return ok;
}

int rt_compare_bool(Vm *vm, Value a, Value b, CmpOp op) {
    Value r;
    if (!rt_richcompare(vm, a, b, op, &r)) return -1;
    return rt_is_true(vm, r);
}

int rt_eq(Vm *vm, Value a, Value b) {
    if (a == b) return 1;
    if (IS_INT(a) && IS_INT(b)) return 0;
    return rt_compare_bool(vm, a, b, CMP_EQ);
}

// ---- arithmetic ----

static bool binop_error(Vm *vm, int op, Value a, Value b) {
    int base = op & ~BINOP_INPLACE;
    ObjType *ta = rt_type(a), *tb = rt_type(b);
    if (base == BINOP_ADD && (ta->flags & TYPE_SEQ_CONCAT) && !(tb->flags & TYPE_SEQ_CONCAT && ta == tb))
        return rt_raise(vm, &TypeError_type, "can only concatenate %s (not \"%s\") to %s",
                        type_name(ta), type_name(tb), type_name(ta));
    if (base == BINOP_MUL && ((ta->flags & TYPE_SEQ_CONCAT) || (tb->flags & TYPE_SEQ_CONCAT)))
        return rt_raise(vm, &TypeError_type, "can't multiply sequence by non-int of type '%s'",
                        type_name(ta->flags & TYPE_SEQ_CONCAT ? tb : ta));
    const char *sym = op & BINOP_INPLACE ? inplace_symbols[base] : rt_binop_symbols[base];
    return rt_raise(vm, &TypeError_type, "unsupported operand type(s) for %s: '%s' and '%s'", sym,
                    type_name(ta), type_name(tb));
}

static bool binary_op(Vm *vm, int op, Value a, Value b, Value *out);

bool rt_binary_op(Vm *vm, int op, Value a, Value b, Value *out) {
    int base = op & ~BINOP_INPLACE;
    if (IS_INT(a) && IS_INT(b) && base != BINOP_POW && base != BINOP_TRUEDIV) {
        TRY(int_binop(vm, base, a, b, out));
        // int has no @: the slot answers NotImplemented.
        return *out != NOTIMPL_VAL || binop_error(vm, op, a, b);
    }
    gc_push_root(vm, a);   // operands stay alive while slots allocate
    gc_push_root(vm, b);
    bool ok = binary_op(vm, op, a, b, out);
    gc_pop_roots(vm, 2);
    return ok;
}

static bool binary_op(Vm *vm, int op, Value a, Value b, Value *out) {
    int base = op & ~BINOP_INPLACE;
    ObjType *ta = rt_type(a), *tb = rt_type(b);
    bool (*fa)(Vm *, int, Value, Value, Value *) = TYPE_SLOT(ta, binop);
    bool (*fb)(Vm *, int, Value, Value, Value *) = ta == tb ? NULL : TYPE_SLOT(tb, binop);
    if (fb == fa) fb = NULL;
    // In-place: the left operand's slot sees the flag (list +=); others get the plain op.
    if ((op & BINOP_INPLACE) && fa) {
        TRY(fa(vm, op, a, b, out));
        if (*out != NOTIMPL_VAL) return true;
    }
    if (fb && type_is_subtype(tb, ta)) {
        TRY(fb(vm, base, a, b, out));
        if (*out != NOTIMPL_VAL) return true;
        fb = NULL;
    }
    if (fa) {
        TRY(fa(vm, base, a, b, out));
        if (*out != NOTIMPL_VAL) return true;
    }
    if (fb) {
        TRY(fb(vm, base, a, b, out));
        if (*out != NOTIMPL_VAL) return true;
    }
    return binop_error(vm, op, a, b);
}

bool rt_pow3(Vm *vm, Value a, Value b, Value mod, Value *out) {
    if (!mod || IS_NONE(mod)) return rt_binary_op(vm, BINOP_POW, a, b, out);
    if (IS_ANYINT(a) && IS_ANYINT(b) && IS_ANYINT(mod)) return int_pow(vm, a, b, mod, out);
    if (IS_ANYINT(a) && IS_ANYINT(b))
        return rt_raise(vm, &TypeError_type, "unsupported operand type(s) for ** or pow(): '%s', '%s', '%s'",
                        type_name(rt_type(a)), type_name(rt_type(b)), type_name(rt_type(mod)));
    if (IS_FLOAT(a) || IS_FLOAT(b))
        return rt_raise(vm, &TypeError_type, "pow() 3rd argument not allowed unless all arguments are integers");
    return rt_raise(vm, &TypeError_type, "unsupported operand type(s) for ** or pow(): '%s', '%s', '%s'",
                    type_name(rt_type(a)), type_name(rt_type(b)), type_name(rt_type(mod)));
}

bool rt_unary_op(Vm *vm, UnOp op, Value a, Value *out) {
    static const char *const syms[] = {"-", "+", "~", "abs()"};
    bool (*f)(Vm *, UnOp, Value, Value *) = TYPE_SLOT(rt_type(a), unop);
    if (!f)
        return rt_raise(vm, &TypeError_type, "bad operand type for %s%s: '%s'",
                        op == UNOP_ABS ? "" : "unary ", syms[op], type_name(rt_type(a)));
    return f(vm, op, a, out);
}

// ---- containers ----

bool rt_len(Vm *vm, Value v, int64_t *out) {
    bool (*len)(Vm *, Value, int64_t *) = TYPE_SLOT(rt_type(v), len);
    if (!len)
        return rt_raise(vm, &TypeError_type, "object of type '%s' has no len()", type_name(rt_type(v)));
    return len(vm, v, out);
}

bool rt_getitem(Vm *vm, Value v, Value key, Value *out) {
    bool (*get)(Vm *, Value, Value, Value *) = TYPE_SLOT(rt_type(v), getitem);
    if (!get) {
        if (IS_TYPE(v)) {   // list[int] and friends: __class_getitem__
            // type[int] is CPython's special case: type has no
            // __class_getitem__, which every class would inherit (str[int]).
            if (AS_TYPE(v) == &type_type) return ga_new(vm, v, key, out);
            Value fn;
            ObjStr *name = NAME(vm, class_getitem);
            int r = rt_getattr_opt(vm, v, name, &fn);
            if (r < 0) return false;
            if (r) return rt_call1(vm, fn, key, out);
            return rt_raise(vm, &TypeError_type, "type '%s' is not subscriptable", AS_TYPE(v)->name);
        }
        return rt_raise(vm, &TypeError_type, "'%s' object is not subscriptable", type_name(rt_type(v)));
    }
    return get(vm, v, key, out);
}

bool rt_setitem(Vm *vm, Value v, Value key, Value x) {
    bool (*set)(Vm *, Value, Value, Value) = TYPE_SLOT(rt_type(v), setitem);
    if (!set)
        return rt_raise(vm, &TypeError_type, "'%s' object does not support item assignment",
                        type_name(rt_type(v)));
    return set(vm, v, key, x);
}

bool rt_delitem(Vm *vm, Value v, Value key) {
    bool (*set)(Vm *, Value, Value, Value) = TYPE_SLOT(rt_type(v), setitem);
    // CPython says "doesn't" when it tries the sequence protocol (an index
    // key) and "does not" for a mapping's other keys.
    if (!set && (rt_type(v)->flags & TYPE_MAPPING) && !IS_ANYINT(key) && !TYPE_SLOT(rt_type(key), index))
        return rt_raise(vm, &TypeError_type, "'%s' object does not support item deletion",
                        type_name(rt_type(v)));
    if (!set)
        return rt_raise(vm, &TypeError_type, "'%s' object doesn't support item deletion",
                        type_name(rt_type(v)));
    return set(vm, v, key, VAL_NULL);
}

int rt_contains(Vm *vm, Value container, Value x) {
    int (*c)(Vm *, Value, Value) = TYPE_SLOT(rt_type(container), contains);
    if (c) return c(vm, container, x);
    if (!TYPE_SLOT(rt_type(container), iter) && !TYPE_SLOT(rt_type(container), getitem)) {
        rt_raise(vm, &TypeError_type, "argument of type '%s' is not iterable",
                 type_name(rt_type(container)));
        return -1;
    }
    Value it, v;
    if (!rt_iter(vm, container, &it)) return -1;
    gc_push_root(vm, it);
    IterResult r;
    int found = 0;
    while (!found && (r = rt_next(vm, it, &v)) == ITER_NEXT) found = rt_eq(vm, v, x);
    gc_pop_root(vm);
    if (found < 0 || (!found && r == ITER_ERROR)) return -1;
    return found;
}

// ---- iteration ----

// Iterator over an object with only __getitem__ (the old sequence protocol).
typedef struct SeqIter {
    Obj hdr;
    Value seq;
    int64_t i;
} SeqIter;

static void seqiter_trace(Vm *vm, Obj *o) { gc_mark_value(vm, ((SeqIter *)o)->seq); }

static IterResult seqiter_next(Vm *vm, Value self, Value *out) {
    SeqIter *it = (SeqIter *)AS_OBJ(self);
    if (!it->seq) return ITER_DONE;
    if (rt_getitem(vm, it->seq, INT_VAL(it->i), out)) {
        it->i++;
        return ITER_NEXT;
    }
    if (rt_exc_matches(vm, &IndexError_type) || rt_exc_matches(vm, &StopIteration_type)) {
        rt_exc_clear(vm);
        it->seq = VAL_NULL;
        return ITER_DONE;
    }
    return ITER_ERROR;
}

static bool iter_self(Vm *vm, Value self, Value *out) {
    (void)vm;
    *out = self;
    return true;
}

ObjType seq_iter_type = {
    .hdr = OBJ_STATIC_HEADER(&type_type),
    .name = "iterator",
    .module = "builtins",
    .basicsize = sizeof(SeqIter),
    .base = &object_type,   // hash, repr, ... from object
    .flags = TYPE_ABSTRACT_NEW,
    .trace = seqiter_trace,
    .iter = iter_self,
    .iternext = seqiter_next,
};

bool rt_iter(Vm *vm, Value v, Value *out) {
    ObjType *t = rt_type(v);
    bool (*iter)(Vm *, Value, Value *) = TYPE_SLOT(t, iter);
    if (iter) return iter(vm, v, out);
    if (TYPE_SLOT(t, getitem) && !IS_TYPE(v)) {
        gc_push_root(vm, v);
        SeqIter *it = (SeqIter *)gc_alloc(vm, &seq_iter_type, sizeof(SeqIter));
        gc_pop_root(vm);
        TRY(it);
        it->seq = v;
        *out = OBJ_VAL(it);
        return true;
    }
    return rt_raise(vm, &TypeError_type, "'%s' object is not iterable", type_name(t));
}

IterResult rt_next(Vm *vm, Value it, Value *out) {
    IterResult (*next)(Vm *, Value, Value *) = TYPE_SLOT(rt_type(it), iternext);
    if (!next) {
        rt_raise(vm, &TypeError_type, "'%s' object is not an iterator", type_name(rt_type(it)));
        return ITER_ERROR;
    }
    return next(vm, it, out);
}

// ---- attributes ----

int rt_getattr_opt(Vm *vm, Value v, ObjStr *name, Value *out) {
    int (*get)(Vm *, Value, ObjStr *, Value *) = TYPE_SLOT(rt_type(v), getattr);
    int r = get ? get(vm, v, name, out) : object_getattr(vm, v, name, out);
    if (r < 0 && rt_exc_matches(vm, &AttributeError_type)) {
        rt_exc_clear(vm);
        return 0;
    }
    return r;
}

bool rt_getattr(Vm *vm, Value v, ObjStr *name, Value *out) {
    int (*get)(Vm *, Value, ObjStr *, Value *) = TYPE_SLOT(rt_type(v), getattr);
    int r = get ? get(vm, v, name, out) : object_getattr(vm, v, name, out);
    if (r > 0) return true;
    if (r == 0) return rt_raise_no_attr(vm, v, name);
    return false;
}

bool rt_getattr_cstr(Vm *vm, Value v, const char *name, Value *out) {
    ObjStr *n = str_intern_cstr(vm, name);
    TRY(n);
    gc_push_root(vm, OBJ_VAL(n));   // interned strings are weak
    bool ok = rt_getattr(vm, v, n, out);
    gc_pop_root(vm);
    return ok;
}

bool rt_setattr(Vm *vm, Value v, ObjStr *name, Value x) {
    bool (*set)(Vm *, Value, ObjStr *, Value) = TYPE_SLOT(rt_type(v), setattr);
    if (!set) return object_setattr(vm, v, name, x);
    return set(vm, v, name, x);
}

bool rt_delattr(Vm *vm, Value v, ObjStr *name) { return rt_setattr(vm, v, name, VAL_NULL); }

// ---- calls ----

bool rt_raise_not_callable(Vm *vm, Value v) {
    return rt_raise(vm, &TypeError_type, "'%s' object is not callable", type_name(rt_type(v)));
}

bool rt_call(Vm *vm, Value callable, Value *args, size_t nargs, Value kwnames, Value *out) {
    bool (*call)(Vm *, Value, Value *, size_t, Value, Value *) = TYPE_SLOT(rt_type(callable), call);
    if (call) return call(vm, callable, args, nargs, kwnames, out);
    return vm->hooks.call(vm, callable, args, nargs, kwnames, out);
}

bool rt_call0(Vm *vm, Value callable, Value *out) { return rt_call(vm, callable, NULL, 0, VAL_NULL, out); }

bool rt_call1(Vm *vm, Value callable, Value a, Value *out) {
    return rt_call(vm, callable, &a, 1, VAL_NULL, out);
}

bool rt_call2(Vm *vm, Value callable, Value a, Value b, Value *out) {
    Value args[2] = {a, b};
    return rt_call(vm, callable, args, 2, VAL_NULL, out);
}

int rt_callable(Value v) { return TYPE_SLOT(rt_type(v), call) != NULL; }

int rt_isinstance(Vm *vm, Value v, Value cls) {
    if (IS_TYPE(cls)) return type_is_subtype(rt_type(v), AS_TYPE(cls));
    if (IS_TUPLE(cls)) {
        ObjTuple *t = AS_TUPLE(cls);
        for (size_t i = 0; i < t->len; i++) {
            int r = rt_isinstance(vm, v, t->items[i]);
            if (r) return r;
        }
        return 0;
    }
    rt_raise(vm, &TypeError_type, "isinstance() arg 2 must be a type, a tuple of types, or a union");
    return -1;
}
