// dict: insertion order through deletes and re-inserts, views, methods,
// KeyError and update errors, self-referential repr, growth.
#include "rt_testutil.h"

TestSuite(dict, .init = tu_setup, .fini = tu_teardown);

static ObjDict *D(void) {
    ObjDict *d = dict_new(vm);
    cr_assert(d);
    K(OBJ_VAL(d));
    return d;
}

Test(dict, insertion_order_and_views) {
    ObjDict *d = D();
    Value dv = OBJ_VAL(d);
    dict_set(vm, d, S("a"), INT_VAL(1));
    dict_set(vm, d, S("b"), INT_VAL(2));
    cr_assert(rt_delitem(vm, dv, S("a")));
    dict_set(vm, d, S("c"), INT_VAL(3));
    dict_set(vm, d, S("a"), INT_VAL(4));
    ASSERT_STR(REPR(dv), "{'b': 2, 'c': 3, 'a': 4}");
    ASSERT_STR(CALLM(dv, "keys", NULL, 0), "dict_keys(['b', 'c', 'a'])");
    ASSERT_STR(CALLM(dv, "values", NULL, 0), "dict_values([2, 3, 4])");
    ASSERT_STR(CALLM(dv, "items", NULL, 0), "dict_items([('b', 2), ('c', 3), ('a', 4)])");
}

Test(dict, methods) {
    ObjDict *d = D();
    Value dv = OBJ_VAL(d);
    dict_set(vm, d, S("b"), INT_VAL(2));
    dict_set(vm, d, S("a"), INT_VAL(4));
    ASSERT_STR(CALLM(dv, "get", (Value[]){S("z")}, 1), "None");
    ASSERT_STR(CALLM(dv, "get", (Value[]){S("z"), INT_VAL(0)}, 2), "0");
    ASSERT_STR(CALLM(dv, "setdefault", (Value[]){S("q"), INT_VAL(9)}, 2), "9");
    ASSERT_STR(CALLM(dv, "pop", (Value[]){S("q")}, 1), "9");
    ASSERT_STR(CALLM(dv, "popitem", NULL, 0), "('a', 4)");
    ASSERT_STR(REPR(dv), "{'b': 2}");
    ASSERT_STR(CALLM(dv, "pop", (Value[]){S("q")}, 1), "KeyError: 'q'");
    ASSERT_STR(CALLM(dv, "copy", NULL, 0), "{'b': 2}");
    ASSERT_STR(CALLM(dv, "clear", NULL, 0), "None");
    ASSERT_STR(CALLM(dv, "popitem", NULL, 0), "KeyError: 'popitem(): dictionary is empty'");
    Value fk, r;
    cr_assert(rt_getattr(vm, OBJ_VAL(&dict_type), NM("fromkeys"), &fk));
    K(fk);
    cr_assert(rt_call2(vm, fk, S("ab"), INT_VAL(0), &r), "%s", EXC());
    ASSERT_STR(REPR(r), "{'a': 0, 'b': 0}");
}

Test(dict, key_errors_and_hash_equivalence) {
    ObjDict *d = D();
    Value r;
    cr_assert_not(rt_getitem(vm, OBJ_VAL(d), S("x"), &r));
    Value e = rt_exc_take(vm);
    ASSERT_STR(REPR(e), "KeyError('x')");
    dict_set(vm, d, INT_VAL(1), INT_VAL(1));
    dict_set(vm, d, TRUE_VAL, INT_VAL(2));   // True == 1: same key
    dict_set(vm, d, F(1.0), INT_VAL(3));
    ASSERT_STR(REPR(OBJ_VAL(d)), "{1: 3}");
    ObjList *l = list_new(vm, 0);
    K(OBJ_VAL(l));
    cr_assert_not(dict_set(vm, d, OBJ_VAL(l), INT_VAL(1)));
    ASSERT_STR(EXC(), "TypeError: unhashable type: 'list'");
}

Test(dict, constructor_and_update_errors) {
    Value r;
    ObjList *l = list_new(vm, 0);
    K(OBJ_VAL(l));
    list_append(vm, l, INT_VAL(1));
    cr_assert_not(rt_call1(vm, OBJ_VAL(&dict_type), OBJ_VAL(l), &r));
    ASSERT_STR(EXC(), "TypeError: cannot convert dictionary update sequence element #0 to a sequence");
    ObjTuple *t = tuple_new(vm, 3);
    K(OBJ_VAL(t));
    l->items[0] = OBJ_VAL(t);
    cr_assert_not(rt_call1(vm, OBJ_VAL(&dict_type), OBJ_VAL(l), &r));
    ASSERT_STR(EXC(), "ValueError: dictionary update sequence element #0 has length 3; 2 is required");
    ObjTuple *kw = tuple_from(vm, &(Value){S("a")}, 1);
    K(OBJ_VAL(kw));
    cr_assert(rt_call(vm, OBJ_VAL(&dict_type), (Value[]){INT_VAL(1)}, 0, OBJ_VAL(kw), &r));
    ASSERT_STR(REPR(r), "{'a': 1}");
}

Test(dict, self_reference_and_equality) {
    ObjDict *d = D();
    dict_set(vm, d, S("a"), INT_VAL(1));
    dict_set(vm, d, S("self"), OBJ_VAL(d));
    ASSERT_STR(REPR(OBJ_VAL(d)), "{'a': 1, 'self': {...}}");
    ObjDict *x = D(), *y = D();
    dict_set(vm, x, INT_VAL(1), INT_VAL(2));
    dict_set(vm, y, INT_VAL(1), INT_VAL(2));
    cr_assert_eq(rt_compare_bool(vm, OBJ_VAL(x), OBJ_VAL(y), CMP_EQ), 1);
    dict_set(vm, y, INT_VAL(3), INT_VAL(4));
    ASSERT_STR(BIN(BINOP_OR, OBJ_VAL(x), OBJ_VAL(y)), "{1: 2, 3: 4}");
}

Test(dict, growth_and_many_deletes) {
    ObjDict *d = D();
    for (int64_t i = 0; i < 10000; i++) cr_assert(dict_set(vm, d, INT_VAL(i), INT_VAL(i * 2)));
    for (int64_t i = 0; i < 10000; i += 2) cr_assert_eq(dict_del(vm, d, INT_VAL(i), NULL), 1);
    cr_assert_eq(d->used, 5000);
    Value v;
    cr_assert_eq(dict_get(vm, d, INT_VAL(9999), &v), 1);
    cr_assert_eq(v, INT_VAL(19998));
    cr_assert_eq(dict_get(vm, d, INT_VAL(10), &v), 0);
    size_t pos = 0;
    Value k;
    cr_assert(dict_next(d, &pos, &k, NULL));
    cr_assert_eq(k, INT_VAL(1));
}

Test(dict, iteration_detects_resize) {
    ObjDict *d = D();
    dict_set(vm, d, INT_VAL(1), INT_VAL(1));
    Value it, v;
    cr_assert(rt_iter(vm, OBJ_VAL(d), &it));
    K(it);
    dict_set(vm, d, INT_VAL(2), INT_VAL(2));
    cr_assert_eq(rt_next(vm, it, &v), ITER_ERROR);
    ASSERT_STR(EXC(), "RuntimeError: dictionary changed size during iteration");
}
