// float: shortest repr, hash consistent with int, floor semantics, exact
// int/float comparison and float() parsing. Expected values from CPython 3.11.
#include <math.h>

#include "rt_testutil.h"

TestSuite(float, .init = tu_setup, .fini = tu_teardown);

static const char *FR(double d) { return REPR(F(d)); }

static const char *HASHF(double d) {
    int64_t h;
    cr_assert(rt_hash(vm, F(d), &h));
    char *b = tu_slot();
    snprintf(b, 4096, "%lld", (long long)h);
    return b;
}

static const char *PARSE(const char *s) {
    double d;
    if (!float_parse(vm, s, strlen(s), &d)) return EXC();
    return FR(d);
}

Test(float, shortest_repr) {
    ASSERT_STR(FR(0.1), "0.1");
    ASSERT_STR(FR(1e16), "1e+16");
    ASSERT_STR(FR(1e-5), "1e-05");
    ASSERT_STR(FR(1e15), "1000000000000000.0");
    ASSERT_STR(FR(123456789012345678.0), "1.2345678901234568e+17");
    ASSERT_STR(FR(-0.0), "-0.0");
    ASSERT_STR(FR(1.0), "1.0");
    ASSERT_STR(FR(INFINITY), "inf");
    ASSERT_STR(FR(-INFINITY), "-inf");
    ASSERT_STR(FR(NAN), "nan");
    ASSERT_STR(FR(1.0 / 3), "0.3333333333333333");
    ASSERT_STR(FR(2.5e-300), "2.5e-300");
    ASSERT_STR(FR(1e22), "1e+22");
    ASSERT_STR(FR(0.0001), "0.0001");
    ASSERT_STR(FR(0.1 + 0.2), "0.30000000000000004");
}

Test(float, hash_consistent_with_int) {
    ASSERT_STR(HASHF(0.5), "1152921504606846976");
    ASSERT_STR(HASHF(1.5), "1152921504606846977");
    ASSERT_STR(HASHF(-2.0), "-2");
    ASSERT_STR(HASHF(1e100), "1822893315824342674");
    ASSERT_STR(HASHF(18446744073709551616.0), "8");
    ASSERT_STR(HASHF(INFINITY), "314159");
}

Test(float, floor_division_and_modulo) {
    ASSERT_STR(BIN(BINOP_FLOORDIV, F(-7.5), INT_VAL(2)), "-4.0");
    ASSERT_STR(BIN(BINOP_MOD, F(-7.5), INT_VAL(2)), "0.5");
    ASSERT_STR(BIN(BINOP_MOD, F(7.5), INT_VAL(-2)), "-0.5");
    ASSERT_STR(BIN(BINOP_DIVMOD, F(-7.5), INT_VAL(2)), "(-4.0, 0.5)");
    ASSERT_STR(BIN(BINOP_TRUEDIV, F(1.0), INT_VAL(0)), "ZeroDivisionError: float division by zero");
    ASSERT_STR(BIN(BINOP_FLOORDIV, F(1.0), F(0.0)), "ZeroDivisionError: float floor division by zero");
    ASSERT_STR(BIN(BINOP_MOD, F(1.0), F(0.0)), "ZeroDivisionError: float modulo");
    ASSERT_STR(BIN(BINOP_DIVMOD, F(1.0), F(0.0)), "ZeroDivisionError: float divmod()");
    ASSERT_STR(BIN(BINOP_MUL, F(1e308), INT_VAL(10)), "inf");
    ASSERT_STR(BIN(BINOP_POW, F(0.0), INT_VAL(-1)),
               "ZeroDivisionError: 0.0 cannot be raised to a negative power");
}

Test(float, exact_comparison_with_int) {
    Value big = N("9007199254740993");   // 2**53 + 1
    cr_assert_eq(rt_compare_bool(vm, F(9007199254740992.0), big, CMP_EQ), 0);
    cr_assert_eq(rt_compare_bool(vm, F(9007199254740992.0), big, CMP_LT), 1);
    cr_assert_eq(rt_compare_bool(vm, big, F(9007199254740992.0), CMP_GT), 1);
    cr_assert_eq(rt_compare_bool(vm, F(1.0), INT_VAL(1), CMP_EQ), 1);
    cr_assert_eq(rt_compare_bool(vm, F(NAN), F(NAN), CMP_EQ), 0);
    cr_assert_eq(rt_compare_bool(vm, F(NAN), INT_VAL(1), CMP_NE), 1);
    cr_assert_eq(rt_compare_bool(vm, F(INFINITY), N("1" "000000000000000000000000000000000000000"), CMP_GT), 1);
}

Test(float, parse) {
    ASSERT_STR(PARSE(" 1_0.5 "), "10.5");
    ASSERT_STR(PARSE("-iNF"), "-inf");
    ASSERT_STR(PARSE("nan"), "nan");
    ASSERT_STR(PARSE("1e500"), "inf");
    ASSERT_STR(PARSE("x"), "ValueError: could not convert string to float: 'x'");
    ASSERT_STR(PARSE("1__0"), "ValueError: could not convert string to float: '1__0'");
    ASSERT_STR(PARSE("0x10"), "ValueError: could not convert string to float: '0x10'");
}

Test(float, constructor_errors) {
    Value r, a = NONE_VAL;
    cr_assert_not(rt_call(vm, OBJ_VAL(&float_type), &a, 1, VAL_NULL, &r));
    ASSERT_STR(EXC(), "TypeError: float() argument must be a string or a real number, not 'NoneType'");
    a = S("2.5");
    cr_assert(rt_call(vm, OBJ_VAL(&float_type), &a, 1, VAL_NULL, &r));
    ASSERT_STR(REPR(r), "2.5");
    a = F(INFINITY);
    cr_assert_not(rt_call(vm, OBJ_VAL(&int_type), &a, 1, VAL_NULL, &r));
    ASSERT_STR(EXC(), "OverflowError: cannot convert float infinity to integer");
    a = F(1.5e300);
    cr_assert(rt_call(vm, OBJ_VAL(&int_type), &a, 1, VAL_NULL, &r));
    cr_assert(strncmp(REPR(r), "1500000000000000078757140382806630373056702871662238732373781173267703686983362293679557062620671796065556665749325817265413784853040645863467188277180060474272580801389863705606745350692182135089053429852456199917621678558451461320111979114170213741868888183230085264257173504208294580298189100810240", 400) == 0);
}
