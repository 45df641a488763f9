// int: small/big arithmetic with floor semantics, hashing, parsing and
// decimal conversion limits. Expected values come from CPython 3.11.
#include "rt_testutil.h"

TestSuite(int, .init = tu_setup, .fini = tu_teardown);

static const char *HASH(Value v) {
    int64_t h;
    if (!rt_hash(vm, v, &h)) return EXC();
    char *b = tu_slot();
    snprintf(b, 4096, "%lld", (long long)h);
    return b;
}

Test(int, big_power_repr) {
    ASSERT_STR(BIN(BINOP_POW, INT_VAL(2), INT_VAL(200)),
               "1606938044258990275541962092341162602522202993782792835301376");
    ASSERT_STR(BIN(BINOP_POW, INT_VAL(3), INT_VAL(-2)), "0.1111111111111111");
}

Test(int, floor_division_and_modulo_signs) {
    Value big = N("-1267650600228229401496703205376");   // -(2**100)
    ASSERT_STR(BIN(BINOP_FLOORDIV, big, INT_VAL(7)), "-181092942889747057356671886483");
    ASSERT_STR(BIN(BINOP_MOD, big, INT_VAL(7)), "5");
    ASSERT_STR(BIN(BINOP_DIVMOD, INT_VAL(-7), INT_VAL(2)), "(-4, 1)");
    ASSERT_STR(BIN(BINOP_DIVMOD, INT_VAL(7), INT_VAL(-2)), "(-4, -1)");
}

Test(int, small_overflow_promotes) {
    Value m = INT_VAL(SMALL_MAX);
    ASSERT_STR(BIN(BINOP_ADD, m, INT_VAL(1)), "4611686018427387904");
    ASSERT_STR(BIN(BINOP_SUB, INT_VAL(SMALL_MIN), INT_VAL(1)), "-4611686018427387905");
    Value r;
    cr_assert(rt_binary_op(vm, BINOP_SUB, N("4611686018427387904"), INT_VAL(1), &r));
    cr_assert(IS_INT(r), "results that fit must be small again");
}

Test(int, modular_pow_and_big_mod) {
    Value a, b, c, p;
    cr_assert(int_pow(vm, INT_VAL(7), INT_VAL(5000), VAL_NULL, &a));
    gc_push_root(vm, a);
    cr_assert(int_pow(vm, INT_VAL(11), INT_VAL(5000), VAL_NULL, &b));
    gc_push_root(vm, b);
    cr_assert(rt_binary_op(vm, BINOP_MUL, a, b, &c));
    gc_push_root(vm, c);
    p = N("170141183460469231731687303715884105727");
    gc_push_root(vm, p);
    ASSERT_STR(BIN(BINOP_MOD, c, p), "148294138140497582979482834926554042365");
    gc_pop_roots(vm, 4);
    cr_assert(int_pow(vm, INT_VAL(3), INT_VAL(-1), INT_VAL(7), &a));
    ASSERT_STR(REPR(a), "5");
    cr_assert(int_pow(vm, INT_VAL(-3), INT_VAL(5), INT_VAL(-7), &a));
    ASSERT_STR(REPR(a), "-5");
    cr_assert_not(int_pow(vm, INT_VAL(2), INT_VAL(-1), INT_VAL(4), &a));
    ASSERT_STR(EXC(), "ValueError: base is not invertible for the given modulus");
    cr_assert_not(int_pow(vm, INT_VAL(2), INT_VAL(3), INT_VAL(0), &a));
    ASSERT_STR(EXC(), "ValueError: pow() 3rd argument cannot be 0");
}

Test(int, bit_operations) {
    Value x = N("1180591620717411303424");   // 2**70
    ASSERT_STR(BIN(BINOP_RSHIFT, x, INT_VAL(3)), "147573952589676412928");
    Value nx;
    cr_assert(rt_unary_op(vm, UNOP_NEG, x, &nx));
    ASSERT_STR(BIN(BINOP_RSHIFT, nx, INT_VAL(3)), "-147573952589676412928");
    Value inv;
    cr_assert(rt_unary_op(vm, UNOP_INVERT, x, &inv));
    ASSERT_STR(REPR(inv), "-1180591620717411303425");
    ASSERT_STR(BIN(BINOP_AND, x, N("-36893488147419103232")), "1180591620717411303424");
    ASSERT_STR(BIN(BINOP_OR, x, INT_VAL(5)), "1180591620717411303429");
    ASSERT_STR(BIN(BINOP_XOR, x, N("590295810358705651712")), "1770887431076116955136");
    ASSERT_STR(BIN(BINOP_LSHIFT, INT_VAL(1), INT_VAL(100)), "1267650600228229401496703205376");
    ASSERT_STR(BIN(BINOP_LSHIFT, INT_VAL(1), INT_VAL(-1)), "ValueError: negative shift count");
    Value bl;
    cr_assert(int_bit_length(vm, N("1267650600228229401496703205376"), &bl));
    ASSERT_STR(REPR(bl), "101");
}

Test(int, hash_matches_cpython) {
    ASSERT_STR(HASH(INT_VAL(-1)), "-2");
    ASSERT_STR(HASH(N("18446744073709551616")), "8");           // 2**64
    ASSERT_STR(HASH(N("-2305843009213693952")), "-2");          // -2**61
    ASSERT_STR(HASH(N("2305843009213693951")), "0");            // 2**61-1
    ASSERT_STR(HASH(N("-1267650600228229401496703205376")), "-549755813888");
    ASSERT_STR(HASH(N("1000000000000000000000000000000")), "465258685558744706");
    ASSERT_STR(HASH(TRUE_VAL), "1");
}

Test(int, true_division_is_correctly_rounded) {
    ASSERT_STR(BIN(BINOP_TRUEDIV, INT_VAL(1), INT_VAL(3)), "0.3333333333333333");
    ASSERT_STR(BIN(BINOP_TRUEDIV, N("100000000000000000000"), INT_VAL(3)), "3.333333333333333e+19");
    ASSERT_STR(BIN(BINOP_TRUEDIV, INT_VAL(0), INT_VAL(-5)), "-0.0");
    ASSERT_STR(BIN(BINOP_TRUEDIV, INT_VAL(1), INT_VAL(0)), "ZeroDivisionError: division by zero");
}

Test(int, zero_division_messages) {
    ASSERT_STR(BIN(BINOP_FLOORDIV, INT_VAL(1), INT_VAL(0)),
               "ZeroDivisionError: integer division or modulo by zero");
    ASSERT_STR(BIN(BINOP_MOD, INT_VAL(1), INT_VAL(0)), "ZeroDivisionError: integer modulo by zero");
    ASSERT_STR(BIN(BINOP_POW, INT_VAL(0), INT_VAL(-1)),
               "ZeroDivisionError: 0.0 cannot be raised to a negative power");
}

Test(int, parse_syntax) {
    Value v;
    cr_assert(int_parse(vm, " -1_000 ", 8, 10, &v));
    ASSERT_STR(REPR(v), "-1000");
    cr_assert(int_parse(vm, "0x_ff", 5, 0, &v));
    ASSERT_STR(REPR(v), "255");
    cr_assert(int_parse(vm, "ff", 2, 16, &v));
    ASSERT_STR(REPR(v), "255");
    cr_assert(int_parse(vm, "0b101", 5, 0, &v));
    ASSERT_STR(REPR(v), "5");
    cr_assert_not(int_parse(vm, "010", 3, 0, &v));
    ASSERT_STR(EXC(), "ValueError: invalid literal for int() with base 0: '010'");
    cr_assert_not(int_parse(vm, "1__0", 4, 10, &v));
    ASSERT_STR(EXC(), "ValueError: invalid literal for int() with base 10: '1__0'");
    cr_assert_not(int_parse(vm, "x", 1, 10, &v));
    ASSERT_STR(EXC(), "ValueError: invalid literal for int() with base 10: 'x'");
    cr_assert_not(int_parse(vm, "1", 1, 1, &v));
    ASSERT_STR(EXC(), "ValueError: int() base must be >= 2 and <= 36, or 0");
}

Test(int, decimal_digit_limit) {
    char *digits = malloc(5001);
    memset(digits, '1', 5000);
    digits[5000] = 0;
    Value v;
    cr_assert_not(int_parse(vm, digits, 5000, 10, &v));
    free(digits);
    ASSERT_STR(EXC(), "ValueError: Exceeds the limit (4300 digits) for integer string conversion: "
                      "value has 5000 digits; use sys.set_int_max_str_digits() to increase the limit");
    cr_assert(int_pow(vm, INT_VAL(10), INT_VAL(5000), VAL_NULL, &v));
    ASSERT_STR(REPR(v), "ValueError: Exceeds the limit (4300 digits) for integer string conversion; "
                        "use sys.set_int_max_str_digits() to increase the limit");
}

Test(int, huge_power_works_and_absurd_sizes_fail_cleanly) {
    Value v, bl;
    cr_assert(int_pow(vm, INT_VAL(3), INT_VAL(100000), VAL_NULL, &v));
    cr_assert(int_bit_length(vm, v, &bl));
    ASSERT_STR(REPR(bl), "158497");
    cr_assert_not(int_pow(vm, INT_VAL(3), N("100000000000000"), VAL_NULL, &v));
    ASSERT_STR(EXC(), "MemoryError");
    ASSERT_STR(BIN(BINOP_LSHIFT, INT_VAL(1), N("18446744073709551616")), "MemoryError");
}

Test(int, mixed_with_bool_and_float) {
    ASSERT_STR(BIN(BINOP_ADD, TRUE_VAL, TRUE_VAL), "2");
    ASSERT_STR(BIN(BINOP_AND, TRUE_VAL, FALSE_VAL), "False");
    ASSERT_STR(BIN(BINOP_ADD, INT_VAL(1), F(0.5)), "1.5");
    ASSERT_STR(BIN(BINOP_ADD, INT_VAL(1), S("a")),
               "TypeError: unsupported operand type(s) for +: 'int' and 'str'");
    ASSERT_STR(BIN(BINOP_ADD | BINOP_INPLACE, INT_VAL(1), S("a")),
               "TypeError: unsupported operand type(s) for +=: 'int' and 'str'");
}
