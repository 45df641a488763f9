// The object model: type(), user classes built with type_new_class (their
// methods are C functions wrapped in a stub "Python function" type that is
// called through vm->hooks.call, as the VM's functions will be), C3 MRO,
// attribute lookup, dunder dispatch and generic-operation error messages.
#include "rt_testutil.h"

TestSuite(object, .init = tu_setup, .fini = tu_teardown);

// A stand-in for the VM's function objects: no call slot (calls go through
// the hook) and TYPE_METHOD_DESCR (binding passes self as first argument).
typedef struct TestFn {
    Obj hdr;
    NativeFn fn;
    Value self;
} TestFn;

static void testfn_trace(Vm *v, Obj *o) { gc_mark_value(v, ((TestFn *)o)->self); }
static bool testfn_get(Vm *v, Value d, Value obj, ObjType *owner, Value *out);

static ObjType testfn_type = {
    .hdr = OBJ_STATIC_HEADER(&type_type),
    .name = "function",
    .module = "builtins",
    .basicsize = sizeof(TestFn),
    .flags = TYPE_METHOD_DESCR,
    .base = &object_type,
    .trace = testfn_trace,
    .descr_get = testfn_get,
};

static Value mkfn(NativeFn fn, Value self) {
    gc_push_root(vm, self);
    TestFn *f = (TestFn *)gc_alloc(vm, &testfn_type, sizeof(TestFn));
    gc_pop_root(vm);
    cr_assert(f);
    f->fn = fn;
    f->self = self;
    return OBJ_VAL(f);
}

static bool testfn_get(Vm *v, Value d, Value obj, ObjType *owner, Value *out) {
    (void)v; (void)owner;
    *out = obj ? mkfn(((TestFn *)AS_OBJ(d))->fn, obj) : d;
    return true;
}

static int hook_calls;

static bool stub_call(Vm *v, Value callable, Value *args, size_t nargs, Value kwnames, Value *out) {
    if (!IS_TYPE_EXACT(callable, testfn_type)) return rt_raise_not_callable(v, callable);
    hook_calls++;
    TestFn *f = (TestFn *)AS_OBJ(callable);
    if (!f->self) return f->fn(v, args, nargs, kwnames, out);
    Value a[8];
    a[0] = f->self;
    memcpy(a + 1, args, nargs * sizeof(Value));
    return f->fn(v, a, nargs + 1, kwnames, out);
}

static void setup(void) {
    tu_setup();
    vm->hooks.call = stub_call;
    hook_calls = 0;
}

TestSuite(classes, .init = setup, .fini = tu_teardown);

static Value mkclass(const char *name, Value *bases, size_t nb, ObjDict *d) {
    ObjTuple *bt = tuple_from(vm, bases, nb);
    K(OBJ_VAL(bt));
    if (!d) {
        d = dict_new(vm);
        K(OBJ_VAL(d));
    }
    Value c;
    cr_assert(type_new_class(vm, &type_type, NM(name), OBJ_VAL(bt), OBJ_VAL(d), &c), "%s", EXC());
    return K(c);
}

static Value call0(Value c) {
    Value r;
    cr_assert(rt_call0(vm, c, &r), "%s", EXC());
    return K(r);
}

static void def(ObjDict *d, const char *name, NativeFn fn) {
    cr_assert(dict_set_cstr(vm, d, name, K(mkfn(fn, VAL_NULL))));
}

// ---- builtin objects ----

Test(object, singletons_and_type) {
    ASSERT_STR(REPR(NONE_VAL), "None");
    ASSERT_STR(REPR(TRUE_VAL), "True");
    ASSERT_STR(REPR(NOTIMPL_VAL), "NotImplemented");
    ASSERT_STR(REPR(ELLIPSIS_VAL), "Ellipsis");
    Value t;
    Value a = INT_VAL(1);
    cr_assert(rt_call(vm, OBJ_VAL(&type_type), &a, 1, VAL_NULL, &t));
    ASSERT_STR(REPR(t), "<class 'int'>");
    ASSERT_STR(REPR(OBJ_VAL(rt_type(TRUE_VAL))), "<class 'bool'>");
    ASSERT_STR(REPR(OBJ_VAL(&type_type)), "<class 'type'>");
    ASSERT_STR(REPR(OBJ_VAL(rt_type(OBJ_VAL(&type_type)))), "<class 'type'>");
    cr_assert(IS_INSTANCE(TRUE_VAL, int_type));
}

Test(object, generic_error_messages) {
    Value r;
    cr_assert_not(rt_call0(vm, NONE_VAL, &r));
    ASSERT_STR(EXC(), "TypeError: 'NoneType' object is not callable");
    int64_t h;
    ObjList *l = list_new(vm, 0);
    K(OBJ_VAL(l));
    cr_assert_not(rt_hash(vm, OBJ_VAL(l), &h));
    ASSERT_STR(EXC(), "TypeError: unhashable type: 'list'");
    cr_assert_not(rt_getattr(vm, INT_VAL(1), NM("foo"), &r));
    ASSERT_STR(EXC(), "AttributeError: 'int' object has no attribute 'foo'");
    cr_assert_not(rt_setattr(vm, INT_VAL(1), NM("foo"), INT_VAL(2)));
    ASSERT_STR(EXC(), "AttributeError: 'int' object has no attribute 'foo'");
    cr_assert_not(rt_getitem(vm, INT_VAL(1), INT_VAL(0), &r));
    ASSERT_STR(EXC(), "TypeError: 'int' object is not subscriptable");
    cr_assert_not(rt_iter(vm, INT_VAL(1), &r));
    ASSERT_STR(EXC(), "TypeError: 'int' object is not iterable");
    int64_t n;
    cr_assert_not(rt_len(vm, INT_VAL(1), &n));
    ASSERT_STR(EXC(), "TypeError: object of type 'int' has no len()");
    ASSERT_STR(BIN(BINOP_SUB, NONE_VAL, INT_VAL(1)), "TypeError: unsupported operand type(s) for -: 'NoneType' and 'int'");
    ASSERT_STR(BIN(BINOP_POW, S("a"), INT_VAL(1)), "TypeError: unsupported operand type(s) for ** or pow(): 'str' and 'int'");
    cr_assert_not(rt_unary_op(vm, UNOP_NEG, S("a"), &r));
    ASSERT_STR(EXC(), "TypeError: bad operand type for unary -: 'str'");
    cr_assert_eq(rt_compare_bool(vm, INT_VAL(1), NONE_VAL, CMP_EQ), 0);
    cr_assert_eq(rt_compare_bool(vm, INT_VAL(1), S("a"), CMP_GE), -1);
    ASSERT_STR(EXC(), "TypeError: '>=' not supported between instances of 'int' and 'str'");
}

Test(object, builtin_method_lookup_and_call) {
    ObjList *l = list_new(vm, 0);
    K(OBJ_VAL(l));
    Value m, r;
    cr_assert(rt_getattr(vm, OBJ_VAL(l), NM("append"), &m));
    K(m);
    cr_assert(strncmp(REPR(m), "<built-in method append of list object at 0x", 44) == 0);
    cr_assert(rt_call1(vm, m, INT_VAL(5), &r));
    ASSERT_STR(REPR(OBJ_VAL(l)), "[5]");
    Value desc;
    cr_assert(rt_getattr(vm, OBJ_VAL(&str_type), NM("upper"), &desc));
    K(desc);
    ASSERT_STR(REPR(desc), "<method 'upper' of 'str' objects>");
    cr_assert(rt_call1(vm, desc, S("ab"), &r));
    ASSERT_STR(REPR(r), "'AB'");
    cr_assert_not(rt_call1(vm, desc, INT_VAL(1), &r));
    ASSERT_STR(EXC(), "TypeError: descriptor 'upper' for 'str' objects doesn't apply to a 'int' object");
    cr_assert_not(rt_call0(vm, m, &r));
    ASSERT_STR(EXC(), "TypeError: list.append() takes exactly one argument (0 given)");
    // Builtin descriptors are made once per table entry, then cached.
    Value again;
    cr_assert(type_lookup(vm, &str_type, NM("upper"), &again, NULL) == 1);
    cr_assert_eq(again, desc);
    Value a1, a2;
    cr_assert(type_lookup(vm, &ZeroDivisionError_type, NAME(vm, args), &a1, NULL) == 1);
    cr_assert(type_lookup(vm, &KeyError_type, NAME(vm, args), &a2, NULL) == 1);
    cr_assert_eq(a1, a2);
}

// ---- user classes ----

Test(classes, c3_mro) {
    Value o = OBJ_VAL(&object_type);
    Value A = mkclass("A", &o, 1, NULL);
    Value B = mkclass("B", &A, 1, NULL);
    Value C = mkclass("C", &A, 1, NULL);
    Value D = mkclass("D", (Value[]){B, C}, 2, NULL);
    Value mro;
    cr_assert(rt_getattr(vm, D, NAME(vm, mro), &mro));
    ASSERT_STR(REPR(mro), "(<class 'D'>, <class 'B'>, <class 'C'>, <class 'A'>, <class 'object'>)");
    ObjTuple *bt = tuple_from(vm, (Value[]){A, B}, 2);
    K(OBJ_VAL(bt));
    ObjDict *d = dict_new(vm);
    K(OBJ_VAL(d));
    Value x;
    cr_assert_not(type_new_class(vm, &type_type, NM("X"), OBJ_VAL(bt), OBJ_VAL(d), &x));
    ASSERT_STR(EXC(), "TypeError: Cannot create a consistent method resolution order (MRO) for bases A, B");
    bt = tuple_from(vm, (Value[]){OBJ_VAL(&bool_type)}, 1);
    K(OBJ_VAL(bt));
    cr_assert_not(type_new_class(vm, &type_type, NM("X"), OBJ_VAL(bt), OBJ_VAL(d), &x));
    ASSERT_STR(EXC(), "TypeError: type 'bool' is not an acceptable base type");
}

Test(classes, instance_attributes_and_repr) {
    ObjDict *d = dict_new(vm);
    K(OBJ_VAL(d));
    dict_set_cstr(vm, d, "__module__", S("__main__"));
    dict_set_cstr(vm, d, "cls_attr", INT_VAL(7));
    Value Foo = mkclass("Foo", NULL, 0, d);
    Value f = call0(Foo), v;
    cr_assert(rt_setattr(vm, f, NM("x"), INT_VAL(3)));
    cr_assert(rt_getattr(vm, f, NM("x"), &v));
    ASSERT_STR(REPR(v), "3");
    cr_assert(rt_getattr(vm, f, NM("cls_attr"), &v));
    ASSERT_STR(REPR(v), "7");
    cr_assert_not(rt_getattr(vm, f, NM("bar"), &v));
    ASSERT_STR(EXC(), "AttributeError: 'Foo' object has no attribute 'bar'");
    cr_assert_not(rt_delattr(vm, f, NM("bar")));
    ASSERT_STR(EXC(), "AttributeError: 'Foo' object has no attribute 'bar'");
    cr_assert(strncmp(REPR(f), "<__main__.Foo object at 0x", 26) == 0);
    ASSERT_STR(REPR(Foo), "<class '__main__.Foo'>");
    cr_assert(rt_getattr(vm, f, NAME(vm, dict), &v));
    ASSERT_STR(REPR(v), "{'x': 3}");
    Value r, one = INT_VAL(1);
    cr_assert_not(rt_call(vm, Foo, &one, 1, VAL_NULL, &r));
    ASSERT_STR(EXC(), "TypeError: Foo() takes no arguments");
}

static bool f_init(Vm *v, Value *args, size_t nargs, Value kw, Value *out) {
    (void)kw;
    cr_assert_eq(nargs, 2);
    TRY(rt_setattr(v, args[0], str_intern_cstr(v, "n"), args[1]));
    *out = NONE_VAL;
    return true;
}

static bool f_repr(Vm *v, Value *args, size_t nargs, Value kw, Value *out) {
    (void)kw; (void)nargs;
    Value n;
    TRY(rt_getattr_cstr(v, args[0], "n", &n));
    ObjStr *s = rt_format_cmsg(v, "V(%R)", n);
    TRY(s);
    *out = OBJ_VAL(s);
    return true;
}

static bool f_eq(Vm *v, Value *args, size_t nargs, Value kw, Value *out) {
    (void)kw; (void)nargs;
    Value a, b;
    TRY(rt_getattr_cstr(v, args[0], "n", &a));
    if (rt_getattr_opt(v, args[1], str_intern_cstr(v, "n"), &b) != 1) {
        *out = NOTIMPL_VAL;
        return true;
    }
    return rt_richcompare(v, a, b, CMP_EQ, out);
}

static bool f_add(Vm *v, Value *args, size_t nargs, Value kw, Value *out) {
    (void)kw; (void)nargs;
    Value a;
    TRY(rt_getattr_cstr(v, args[0], "n", &a));
    if (!IS_INT(args[1])) {
        *out = NOTIMPL_VAL;
        return true;
    }
    return rt_binary_op(v, BINOP_ADD, a, args[1], out);
}

static bool f_len(Vm *v, Value *args, size_t nargs, Value kw, Value *out) {
    (void)kw; (void)nargs;
    return rt_getattr_cstr(v, args[0], "n", out);
}

static bool f_getitem(Vm *v, Value *args, size_t nargs, Value kw, Value *out) {
    (void)kw; (void)nargs;
    return rt_binary_op(v, BINOP_MUL, args[1], INT_VAL(10), out);
}

static bool f_next(Vm *v, Value *args, size_t nargs, Value kw, Value *out) {
    (void)kw; (void)nargs;
    Value n;
    TRY(rt_getattr_cstr(v, args[0], "n", &n));
    if (AS_INT(n) <= 0) return rt_raise_empty(v, &StopIteration_type);
    TRY(rt_setattr(v, args[0], str_intern_cstr(v, "n"), INT_VAL(AS_INT(n) - 1)));
    *out = n;
    return true;
}

static bool f_self(Vm *v, Value *args, size_t nargs, Value kw, Value *out) {
    (void)v; (void)kw; (void)nargs;
    *out = args[0];
    return true;
}

static bool f_getattr(Vm *v, Value *args, size_t nargs, Value kw, Value *out) {
    (void)kw; (void)nargs;
    ObjStr *s = rt_format_cmsg(v, "missing:%S", args[1]);
    TRY(s);
    *out = OBJ_VAL(s);
    return true;
}

Test(classes, dunder_dispatch) {
    ObjDict *d = dict_new(vm);
    K(OBJ_VAL(d));
    def(d, "__init__", f_init);
    def(d, "__repr__", f_repr);
    def(d, "__eq__", f_eq);
    def(d, "__add__", f_add);
    def(d, "__radd__", f_add);
    def(d, "__len__", f_len);
    def(d, "__getitem__", f_getitem);
    def(d, "__iter__", f_self);
    def(d, "__next__", f_next);
    def(d, "__getattr__", f_getattr);
    Value V = mkclass("V", NULL, 0, d), x, y, r;
    Value three = INT_VAL(3);
    cr_assert(rt_call(vm, V, &three, 1, VAL_NULL, &x), "%s", EXC());
    K(x);
    cr_assert(rt_call(vm, V, &three, 1, VAL_NULL, &y));
    K(y);
    ASSERT_STR(REPR(x), "V(3)");
    ASSERT_STR(STR(x), "V(3)");
    cr_assert_eq(rt_compare_bool(vm, x, y, CMP_EQ), 1);
    cr_assert_eq(rt_compare_bool(vm, x, y, CMP_NE), 0);   // default __ne__ inverts __eq__
    cr_assert_eq(rt_compare_bool(vm, x, INT_VAL(3), CMP_EQ), 0);
    int64_t h;
    cr_assert_not(rt_hash(vm, x, &h));   // __eq__ without __hash__
    ASSERT_STR(EXC(), "TypeError: unhashable type: 'V'");
    ASSERT_STR(BIN(BINOP_ADD, x, INT_VAL(4)), "7");
    ASSERT_STR(BIN(BINOP_ADD, INT_VAL(4), x), "7");
    ASSERT_STR(BIN(BINOP_ADD, x, S("a")), "TypeError: unsupported operand type(s) for +: 'V' and 'str'");
    int64_t n;
    cr_assert(rt_len(vm, x, &n));
    cr_assert_eq(n, 3);
    cr_assert_eq(rt_is_true(vm, x), 1);
    cr_assert(rt_getitem(vm, x, INT_VAL(2), &r));
    ASSERT_STR(REPR(r), "20");
    cr_assert(rt_getattr(vm, x, NM("zzz"), &r));
    ASSERT_STR(REPR(r), "'missing:zzz'");
    // Iteration ends on StopIteration without leaving an exception.
    Value it;
    cr_assert(rt_iter(vm, x, &it));
    int count = 0;
    while (rt_next(vm, it, &r) == ITER_NEXT) count++;
    cr_assert_eq(count, 3);
    cr_assert_eq(vm->exc, VAL_NULL);
    cr_assert(hook_calls > 0);
    // Membership falls back to iteration (the iterator is now exhausted: n == 0).
    cr_assert_eq(rt_contains(vm, x, INT_VAL(1)), 0);
}

Test(classes, exception_subclass) {
    Value base = OBJ_VAL(&ValueError_type);
    Value E = mkclass("MyErr", &base, 1, NULL), e;
    Value msg = S("boom");
    cr_assert(rt_call(vm, E, &msg, 1, VAL_NULL, &e));
    K(e);
    ASSERT_STR(REPR(e), "MyErr('boom')");
    ASSERT_STR(STR(e), "boom");
    cr_assert(IS_EXC(e));
    cr_assert_not(rt_raise_value(vm, e));
    cr_assert(rt_exc_matches(vm, &ValueError_type));
    ASSERT_STR(EXC(), "MyErr: boom");
    cr_assert_not(rt_raise_value(vm, E));   // raising the class instantiates it
    ASSERT_STR(EXC(), "MyErr");
    cr_assert_not(rt_raise_value(vm, INT_VAL(1)));
    ASSERT_STR(EXC(), "TypeError: exceptions must derive from BaseException");
}

Test(classes, super_init_through_builtin_method) {
    // object.__init__ with extra arguments from an overriding __init__.
    Value r, init, args[2];
    Value Foo = mkclass("Foo", NULL, 0, NULL);
    Value f = call0(Foo);
    cr_assert(rt_getattr(vm, OBJ_VAL(&object_type), NAME(vm, init), &init));
    K(init);
    args[0] = f;
    args[1] = INT_VAL(1);
    cr_assert_not(rt_call(vm, init, args, 2, VAL_NULL, &r));
    ASSERT_STR(EXC(), "TypeError: Foo() takes no arguments");
}
