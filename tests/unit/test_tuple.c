// tuple: repr, hash equal to CPython's, comparison, slicing, methods.
#include "rt_testutil.h"

TestSuite(tuple, .init = tu_setup, .fini = tu_teardown);

static Value T(const Value *xs, size_t n) {
    ObjTuple *t = tuple_from(vm, xs, n);
    cr_assert(t);
    return K(OBJ_VAL(t));
}

Test(tuple, repr) {
    ASSERT_STR(REPR(T((Value[]){INT_VAL(1)}, 1)), "(1,)");
    ASSERT_STR(REPR(T(NULL, 0)), "()");
    ASSERT_STR(REPR(T((Value[]){INT_VAL(1), S("a")}, 2)), "(1, 'a')");
}

Test(tuple, hash_matches_cpython) {
    int64_t h;
    cr_assert(rt_hash(vm, T((Value[]){INT_VAL(1), INT_VAL(2), INT_VAL(3)}, 3), &h));
    cr_assert_eq(h, 529344067295497451LL);
    Value inner = T((Value[]){INT_VAL(1), INT_VAL(2)}, 2);
    cr_assert(rt_hash(vm, T((Value[]){inner, INT_VAL(3)}, 2), &h));
    cr_assert_eq(h, -333907151259015829LL);
    cr_assert(rt_hash(vm, T(NULL, 0), &h));
    cr_assert_eq(h, 5740354900026072187LL);
    ObjList *l = list_new(vm, 0);
    K(OBJ_VAL(l));
    cr_assert_not(rt_hash(vm, T((Value[]){OBJ_VAL(l)}, 1), &h));
    ASSERT_STR(EXC(), "TypeError: unhashable type: 'list'");
}

Test(tuple, compare_index_methods) {
    Value a = T((Value[]){INT_VAL(1), INT_VAL(2)}, 2), b = T((Value[]){INT_VAL(1), INT_VAL(3)}, 2), r;
    cr_assert_eq(rt_compare_bool(vm, a, b, CMP_LT), 1);
    cr_assert_eq(rt_compare_bool(vm, a, a, CMP_EQ), 1);
    ASSERT_STR(BIN(BINOP_ADD, a, b), "(1, 2, 1, 3)");
    ASSERT_STR(BIN(BINOP_MUL, a, INT_VAL(2)), "(1, 2, 1, 2)");
    ASSERT_STR(BIN(BINOP_ADD, a, INT_VAL(1)), "TypeError: can only concatenate tuple (not \"int\") to tuple");
    cr_assert_not(rt_getitem(vm, a, INT_VAL(2), &r));
    ASSERT_STR(EXC(), "IndexError: tuple index out of range");
    ASSERT_STR(CALLM(a, "index", (Value[]){INT_VAL(2)}, 1), "1");
    ASSERT_STR(CALLM(a, "index", (Value[]){INT_VAL(5)}, 1), "ValueError: tuple.index(x): x not in tuple");
    ASSERT_STR(CALLM(a, "count", (Value[]){INT_VAL(1)}, 1), "1");
    cr_assert_not(rt_setitem(vm, a, INT_VAL(0), INT_VAL(1)));
    ASSERT_STR(EXC(), "TypeError: 'tuple' object does not support item assignment");
}
