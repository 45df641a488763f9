// set and frozenset: CPython's iteration order for ints, operators,
// methods, frozenset hash, errors.
#include "rt_testutil.h"
#include "runtime/set.h"

TestSuite(set, .init = tu_setup, .fini = tu_teardown);

static Value SET(const int64_t *xs, size_t n) {
    ObjSet *s = set_new(vm, &set_type);
    cr_assert(s);
    K(OBJ_VAL(s));
    for (size_t i = 0; i < n; i++) cr_assert(set_add(vm, s, INT_VAL(xs[i])));
    return OBJ_VAL(s);
}
#define SETOF(...) SET((const int64_t[]){__VA_ARGS__}, sizeof((const int64_t[]){__VA_ARGS__}) / sizeof(int64_t))

static Value FROZEN(Value s) {
    Value r;
    cr_assert(rt_call1(vm, OBJ_VAL(&frozenset_type), s, &r));
    return K(r);
}

Test(set, repr_order_matches_cpython_add_order) {
    ASSERT_STR(REPR(SETOF(3, 1, 2)), "{1, 2, 3}");
    ASSERT_STR(REPR(SETOF(10, 2, 33, 4)), "{33, 10, 2, 4}");
    // Insertion order (set.add); CPython's compiler builds constant set
    // displays through a frozenset constant, which orders {100, 5, 37} differently.
    ASSERT_STR(REPR(SETOF(100, 5, 37, 8, 1000)), "{100, 37, 5, 8, 1000}");
    ASSERT_STR(REPR(SETOF(20, 17, 14, 11, 8, 5, 2)), "{2, 5, 8, 11, 14, 17, 20}");
    ASSERT_STR(REPR(SETOF(-1, -2, 5)), "{5, -1, -2}");
    ASSERT_STR(REPR(SETOF(5, 3, 9, 1, 7, 8, 2, 6, 4, 0)), "{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}");
    ObjSet *e = set_new(vm, &set_type);
    K(OBJ_VAL(e));
    ASSERT_STR(REPR(OBJ_VAL(e)), "set()");
    ASSERT_STR(REPR(FROZEN(OBJ_VAL(e))), "frozenset()");
    ASSERT_STR(REPR(FROZEN(SETOF(1))), "frozenset({1})");
}

Test(set, operators) {
    ASSERT_STR(BIN(BINOP_OR, SETOF(1, 2), SETOF(3)), "{1, 2, 3}");
    ASSERT_STR(BIN(BINOP_AND, SETOF(1, 2, 3), SETOF(2, 3, 4)), "{2, 3}");
    ASSERT_STR(BIN(BINOP_SUB, SETOF(1, 2, 3), SETOF(2)), "{1, 3}");
    ASSERT_STR(BIN(BINOP_XOR, SETOF(1, 2), SETOF(2, 3)), "{1, 3}");
    ASSERT_STR(BIN(BINOP_OR, SETOF(1), INT_VAL(1)), "TypeError: unsupported operand type(s) for |: 'set' and 'int'");
    cr_assert_eq(rt_compare_bool(vm, SETOF(1, 2), SETOF(1, 2, 3), CMP_LE), 1);
    cr_assert_eq(rt_compare_bool(vm, SETOF(1, 2), SETOF(1, 2), CMP_LT), 0);
    cr_assert_eq(rt_compare_bool(vm, SETOF(1), FROZEN(SETOF(1)), CMP_EQ), 1);
    Value s = SETOF(1), r;
    cr_assert(rt_binary_op(vm, BINOP_OR | BINOP_INPLACE, s, SETOF(2), &r));
    cr_assert_eq(r, s);
    ASSERT_STR(REPR(s), "{1, 2}");
}

Test(set, frozenset_hash_matches_cpython) {
    int64_t h;
    cr_assert(rt_hash(vm, FROZEN(SETOF(1, 2, 3)), &h));
    cr_assert_eq(h, -272375401224217160LL);
    ObjSet *e = set_new(vm, &set_type);
    K(OBJ_VAL(e));
    cr_assert(rt_hash(vm, FROZEN(OBJ_VAL(e)), &h));
    cr_assert_eq(h, 133146708735736LL);
}

Test(set, methods_and_errors) {
    Value s = SETOF(1, 2, 3);
    ASSERT_STR(CALLM(s, "pop", NULL, 0), "1");
    ASSERT_STR(REPR(s), "{2, 3}");
    ObjSet *e = set_new(vm, &set_type);
    K(OBJ_VAL(e));
    ASSERT_STR(CALLM(OBJ_VAL(e), "pop", NULL, 0), "KeyError: 'pop from an empty set'");
    ASSERT_STR(CALLM(s, "remove", (Value[]){INT_VAL(5)}, 1), "KeyError: 5");
    ASSERT_STR(CALLM(s, "discard", (Value[]){INT_VAL(5)}, 1), "None");
    ObjList *l = list_new(vm, 0);
    K(OBJ_VAL(l));
    ASSERT_STR(CALLM(s, "add", (Value[]){OBJ_VAL(l)}, 1), "TypeError: unhashable type: 'list'");
    ASSERT_STR(CALLM(s, "union", (Value[]){SETOF(4)}, 1), "{2, 3, 4}");
    ASSERT_STR(CALLM(s, "issubset", (Value[]){SETOF(1, 2, 3)}, 1), "True");
    ASSERT_STR(CALLM(s, "isdisjoint", (Value[]){SETOF(9)}, 1), "True");
    ASSERT_STR(CALLM(s, "intersection", (Value[]){SETOF(3), SETOF(3, 4)}, 2), "{3}");
    ASSERT_STR(CALLM(s, "difference_update", (Value[]){SETOF(2)}, 1), "None");
    ASSERT_STR(REPR(s), "{3}");
}

Test(set, many_adds_and_removes) {
    ObjSet *s = set_new(vm, &set_type);
    K(OBJ_VAL(s));
    for (int64_t i = 0; i < 100; i++) cr_assert(set_add(vm, s, INT_VAL(i * 7 % 101)));
    Value it, v;
    cr_assert(rt_iter(vm, OBJ_VAL(s), &it));
    K(it);
    for (int64_t i = 0; i < 12; i++) {
        cr_assert_eq(rt_next(vm, it, &v), ITER_NEXT);
        cr_assert_eq(v, INT_VAL(i));
    }
    for (int64_t i = 0; i < 100; i++) cr_assert_eq(set_discard(vm, s, INT_VAL(i * 7 % 101)), 1);
    cr_assert_eq(s->used, 0);
    cr_assert_eq(rt_next(vm, it, &v), ITER_ERROR);
    ASSERT_STR(EXC(), "RuntimeError: Set changed size during iteration");
}
