// list: repr with self-reference, slicing and slice assignment, stable
// sort with key/reverse, methods and their CPython errors.
#include "rt_testutil.h"

TestSuite(list, .init = tu_setup, .fini = tu_teardown);

static Value L(const int64_t *xs, size_t n) {
    ObjList *l = list_new(vm, 0);
    cr_assert(l);
    K(OBJ_VAL(l));
    for (size_t i = 0; i < n; i++) cr_assert(list_append(vm, l, INT_VAL(xs[i])));
    return OBJ_VAL(l);
}
#define LIST(...) L((const int64_t[]){__VA_ARGS__}, sizeof((const int64_t[]){__VA_ARGS__}) / sizeof(int64_t))

static Value SL(Value a, Value b, Value c) {
    ObjSlice *s = slice_new(vm, a, b, c);
    cr_assert(s);
    return K(OBJ_VAL(s));
}

static const char *ITEM(Value v, Value key) {
    Value r;
    if (!rt_getitem(vm, v, key, &r)) return EXC();
    return REPR(r);
}

static bool first_of(Vm *v, Value *args, size_t nargs, Value kw, Value *out) {
    (void)kw; (void)nargs;
    return rt_getitem(v, args[0], INT_VAL(0), out);
}
static const MethodDef first_def = {"first", first_of, 0};

Test(list, repr_self_reference) {
    Value l = LIST(3, 1, 2);
    cr_assert(list_append(vm, AS_LIST(l), l));
    ASSERT_STR(REPR(l), "[3, 1, 2, [...]]");
    ObjList *e = list_new(vm, 0);
    K(OBJ_VAL(e));
    ASSERT_STR(REPR(OBJ_VAL(e)), "[]");
}

Test(list, slicing) {
    Value l = LIST(0, 1, 2, 3, 4, 5, 6);
    ASSERT_STR(ITEM(l, SL(NONE_VAL, NONE_VAL, INT_VAL(-2))), "[6, 4, 2, 0]");
    ASSERT_STR(ITEM(l, SL(INT_VAL(5), INT_VAL(1), INT_VAL(-1))), "[5, 4, 3, 2]");
    ASSERT_STR(ITEM(l, SL(INT_VAL(-100), INT_VAL(100), NONE_VAL)), "[0, 1, 2, 3, 4, 5, 6]");
    ASSERT_STR(ITEM(l, INT_VAL(9)), "IndexError: list index out of range");
    ASSERT_STR(ITEM(l, S("a")), "TypeError: list indices must be integers or slices, not str");
}

Test(list, slice_assignment_and_deletion) {
    Value l = LIST(1, 2, 3, 4, 5);
    cr_assert(rt_setitem(vm, l, SL(INT_VAL(1), INT_VAL(3), NONE_VAL), LIST(9)));
    ASSERT_STR(REPR(l), "[1, 9, 4, 5]");
    cr_assert(rt_delitem(vm, l, SL(NONE_VAL, NONE_VAL, INT_VAL(2))));
    ASSERT_STR(REPR(l), "[9, 5]");
    cr_assert(rt_setitem(vm, l, SL(NONE_VAL, NONE_VAL, INT_VAL(-1)), LIST(7, 8)));
    ASSERT_STR(REPR(l), "[8, 7]");
    Value m = LIST(0, 1, 2, 3, 4, 5, 6);
    cr_assert_not(rt_setitem(vm, m, SL(INT_VAL(0), INT_VAL(4), INT_VAL(2)), LIST(1)));
    ASSERT_STR(EXC(), "ValueError: attempt to assign sequence of size 1 to extended slice of size 2");
    cr_assert(rt_setitem(vm, m, SL(NONE_VAL, NONE_VAL, NONE_VAL), m));   // l[:] = l
    ASSERT_STR(REPR(m), "[0, 1, 2, 3, 4, 5, 6]");
}

Test(list, sort_stable_with_key_and_reverse) {
    Value l = LIST(5, 2, 8, 1);
    ObjStr *rev = NM("reverse");
    ObjTuple *kw = tuple_from(vm, &(Value){OBJ_VAL(rev)}, 1);
    K(OBJ_VAL(kw));
    Value sort, r;
    cr_assert(rt_getattr(vm, l, NM("sort"), &sort));
    K(sort);
    cr_assert(rt_call(vm, sort, (Value[]){TRUE_VAL}, 0, OBJ_VAL(kw), &r), "%s", EXC());
    ASSERT_STR(REPR(l), "[8, 5, 2, 1]");
    ObjList *p = list_new(vm, 0);
    K(OBJ_VAL(p));
    const int64_t nums[] = {1, 0, 1, 0};
    const char *strs[] = {"b", "a", "a", "b"};
    for (int i = 0; i < 4; i++) {
        ObjTuple *t = tuple_pack2(vm, INT_VAL(nums[i]), S(strs[i]));
        cr_assert(list_append(vm, p, OBJ_VAL(t)));
    }
    ObjNative *key = native_new_function(vm, &first_def, VAL_NULL);
    K(OBJ_VAL(key));
    cr_assert(list_sort(vm, p, OBJ_VAL(key), false));
    ASSERT_STR(REPR(OBJ_VAL(p)), "[(0, 'a'), (0, 'b'), (1, 'b'), (1, 'a')]");
    cr_assert(list_sort(vm, p, OBJ_VAL(key), true));
    ASSERT_STR(REPR(OBJ_VAL(p)), "[(1, 'b'), (1, 'a'), (0, 'a'), (0, 'b')]");
    Value mixed = LIST(1, 2);
    cr_assert(list_append(vm, AS_LIST(mixed), S("x")));
    cr_assert_not(list_sort(vm, AS_LIST(mixed), VAL_NULL, false));
    ASSERT_STR(EXC(), "TypeError: '<' not supported between instances of 'str' and 'int'");
}

Test(list, operators) {
    ASSERT_STR(BIN(BINOP_MUL, LIST(1, 2), INT_VAL(2)), "[1, 2, 1, 2]");
    ASSERT_STR(BIN(BINOP_ADD, LIST(1), LIST(2)), "[1, 2]");
    ASSERT_STR(BIN(BINOP_ADD, LIST(1), S("a")), "TypeError: can only concatenate list (not \"str\") to list");
    ASSERT_STR(BIN(BINOP_MUL, LIST(1), N("2305843009213693952")), "MemoryError");
    ASSERT_STR(BIN(BINOP_MUL, LIST(1), N("18446744073709551616")),
               "OverflowError: cannot fit 'int' into an index-sized integer");
    cr_assert_eq(rt_compare_bool(vm, LIST(1, 2), LIST(1, 3), CMP_LT), 1);
    cr_assert_eq(rt_compare_bool(vm, LIST(1, 2), LIST(1, 2), CMP_EQ), 1);
    Value l = LIST(1), r;
    cr_assert(rt_binary_op(vm, BINOP_ADD | BINOP_INPLACE, l, S("ab"), &r));
    cr_assert_eq(r, l);
    ASSERT_STR(REPR(l), "[1, 'a', 'b']");
}

Test(list, methods_and_errors) {
    Value l = LIST(1, 2, 3);
    ASSERT_STR(CALLM(l, "pop", NULL, 0), "3");
    ASSERT_STR(CALLM(l, "pop", (Value[]){INT_VAL(0)}, 1), "1");
    ASSERT_STR(CALLM(l, "insert", (Value[]){INT_VAL(-100), INT_VAL(7)}, 2), "None");
    ASSERT_STR(REPR(l), "[7, 2]");
    ASSERT_STR(CALLM(l, "index", (Value[]){INT_VAL(2)}, 1), "1");
    ASSERT_STR(CALLM(l, "index", (Value[]){INT_VAL(3)}, 1), "ValueError: 3 is not in list");
    ASSERT_STR(CALLM(l, "remove", (Value[]){INT_VAL(3)}, 1), "ValueError: list.remove(x): x not in list");
    ASSERT_STR(CALLM(l, "count", (Value[]){INT_VAL(7)}, 1), "1");
    ASSERT_STR(CALLM(l, "reverse", NULL, 0), "None");
    ASSERT_STR(REPR(l), "[2, 7]");
    ASSERT_STR(CALLM(l, "copy", NULL, 0), "[2, 7]");
    ASSERT_STR(CALLM(l, "clear", NULL, 0), "None");
    ASSERT_STR(CALLM(l, "pop", NULL, 0), "IndexError: pop from empty list");
    ASSERT_STR(CALLM(l, "extend", (Value[]){INT_VAL(1)}, 1), "TypeError: 'int' object is not iterable");
}
