// range and slice objects: repr, length, indexing, slicing, membership,
// equality/hash and CPython's errors.
#include "rt_testutil.h"
#include "runtime/range.h"

TestSuite(range, .init = tu_setup, .fini = tu_teardown);

static Value R(Value *args, size_t n) {
    Value r;
    cr_assert(rt_call(vm, OBJ_VAL(&range_type), args, n, VAL_NULL, &r), "%s", EXC());
    return K(r);
}

static const char *RERR(Value *args, size_t n) {
    Value r;
    if (rt_call(vm, OBJ_VAL(&range_type), args, n, VAL_NULL, &r)) return REPR(r);
    return EXC();
}

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

Test(range, repr_len_index) {
    Value ten = R((Value[]){INT_VAL(10)}, 1);
    ASSERT_STR(REPR(ten), "range(0, 10)");
    ASSERT_STR(REPR(R((Value[]){INT_VAL(1), INT_VAL(10), INT_VAL(2)}, 3)), "range(1, 10, 2)");
    ASSERT_STR(ITEM(ten, SL(NONE_VAL, NONE_VAL, INT_VAL(2))), "range(0, 10, 2)");
    ASSERT_STR(ITEM(ten, SL(INT_VAL(0), INT_VAL(5), INT_VAL(2))), "range(0, 5, 2)");
    ASSERT_STR(ITEM(ten, SL(NONE_VAL, NONE_VAL, INT_VAL(-1))), "range(9, -1, -1)");
    Value r3 = R((Value[]){INT_VAL(0), INT_VAL(10), INT_VAL(3)}, 3);
    int64_t n;
    cr_assert(rt_len(vm, r3, &n));
    cr_assert_eq(n, 4);
    ASSERT_STR(ITEM(r3, INT_VAL(-1)), "9");
    ASSERT_STR(ITEM(r3, INT_VAL(5)), "IndexError: range object index out of range");
    cr_assert_eq(rt_contains(vm, r3, INT_VAL(9)), 1);
    cr_assert_eq(rt_contains(vm, r3, INT_VAL(8)), 0);
    cr_assert_eq(rt_contains(vm, r3, F(9.0)), 1);
    ASSERT_STR(CALLM(ten, "index", (Value[]){INT_VAL(3)}, 1), "3");
    ASSERT_STR(CALLM(ten, "count", (Value[]){INT_VAL(99)}, 1), "0");
}

Test(range, iteration_and_reversed) {
    Value r = R((Value[]){INT_VAL(5)}, 1), it, v, rev;
    cr_assert(rt_iter(vm, r, &it));
    K(it);
    int64_t sum = 0;
    while (rt_next(vm, it, &v) == ITER_NEXT) sum += AS_INT(v);
    cr_assert_eq(sum, 10);
    cr_assert(rt_call_method(vm, r, NM("__reversed__"), NULL, 0, &rev));
    K(rev);
    cr_assert_eq(rt_next(vm, rev, &v), ITER_NEXT);
    cr_assert_eq(v, INT_VAL(4));
}

Test(range, equality_hash_errors) {
    Value a = R((Value[]){INT_VAL(0)}, 1), b = R((Value[]){INT_VAL(2), INT_VAL(2)}, 2);
    cr_assert_eq(rt_compare_bool(vm, a, b, CMP_EQ), 1);
    int64_t h;
    cr_assert(rt_hash(vm, R((Value[]){INT_VAL(3)}, 1), &h));
    cr_assert_eq(h, -8338477496398685190LL);
    ASSERT_STR(RERR((Value[]){INT_VAL(1), INT_VAL(2), INT_VAL(0)}, 3), "ValueError: range() arg 3 must not be zero");
    ASSERT_STR(RERR((Value[]){F(1.5)}, 1), "TypeError: 'float' object cannot be interpreted as an integer");
    ASSERT_STR(RERR(NULL, 0), "TypeError: range expected at least 1 argument, got 0");
}

Test(range, slice_objects) {
    Value s = SL(INT_VAL(1), NONE_VAL, INT_VAL(2));
    ASSERT_STR(REPR(s), "slice(1, None, 2)");
    ASSERT_STR(CALLM(s, "indices", (Value[]){INT_VAL(10)}, 1), "(1, 10, 2)");
    int64_t h;
    cr_assert_not(rt_hash(vm, s, &h));
    ASSERT_STR(EXC(), "TypeError: unhashable type: 'slice'");
}
