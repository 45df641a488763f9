// bytes: repr, indexing, slicing, concatenation, UTF-8 decoding with
// CPython's UnicodeDecodeError messages, constructor and methods.
#include "rt_testutil.h"
#include "runtime/bytes.h"

TestSuite(bytes, .init = tu_setup, .fini = tu_teardown);

static Value B(const char *s, size_t n) {
    ObjBytes *b = bytes_new(vm, s, n);
    cr_assert(b);
    return K(OBJ_VAL(b));
}
#define BL(lit) B(lit, sizeof(lit) - 1)

static const char *DEC(Value b, const char *errors) {
    Value r;
    if (!bytes_decode_value(vm, b, VAL_NULL, errors ? S(errors) : VAL_NULL, &r)) return EXC();
    return REPR(r);
}

Test(bytes, repr) {
    ASSERT_STR(REPR(BL("a'b\"\x00\x7f\x80\t")), "b'a\\'b\"\\x00\\x7f\\x80\\t'");
    ASSERT_STR(REPR(BL("it's")), "b\"it's\"");
    ASSERT_STR(REPR(BL("")), "b''");
}

Test(bytes, decode_errors_match_cpython) {
    ASSERT_STR(DEC(BL("\xff"), NULL),
               "UnicodeDecodeError: 'utf-8' codec can't decode byte 0xff in position 0: invalid start byte");
    ASSERT_STR(DEC(BL("a\xe2\x82"), NULL),
               "UnicodeDecodeError: 'utf-8' codec can't decode bytes in position 1-2: unexpected end of data");
    ASSERT_STR(DEC(BL("\xed\xa0\x80"), NULL),
               "UnicodeDecodeError: 'utf-8' codec can't decode byte 0xed in position 0: invalid continuation byte");
    ASSERT_STR(DEC(BL("\xc3"), NULL),
               "UnicodeDecodeError: 'utf-8' codec can't decode byte 0xc3 in position 0: unexpected end of data");
    ASSERT_STR(DEC(BL("a\xff" "b\xe2\x82"), "replace"), "'a\xef\xbf\xbd" "b\xef\xbf\xbd'");
    ASSERT_STR(DEC(BL("a\xff" "b"), "ignore"), "'ab'");
    ASSERT_STR(DEC(BL("h\xc3\xa9"), NULL), "'h\xc3\xa9'");
}

Test(bytes, sequence_operations) {
    Value ab = BL("ab"), r;
    cr_assert(rt_getitem(vm, ab, INT_VAL(0), &r));
    ASSERT_STR(REPR(r), "97");
    ASSERT_STR(BIN(BINOP_ADD, ab, BL("c")), "b'abc'");
    ASSERT_STR(BIN(BINOP_MUL, ab, INT_VAL(2)), "b'abab'");
    ASSERT_STR(BIN(BINOP_ADD, ab, S("c")), "TypeError: can't concat str to bytes");
    cr_assert_eq(rt_contains(vm, BL("abc"), INT_VAL(66)), 0);
    cr_assert_eq(rt_contains(vm, BL("abc"), BL("bc")), 1);
    ASSERT_STR(CALLM(ab, "hex", NULL, 0), "'6162'");
    ASSERT_STR(CALLM(BL("a,b"), "split", (Value[]){BL(",")}, 1), "[b'a', b'b']");
    ASSERT_STR(CALLM(BL(" x "), "strip", NULL, 0), "b'x'");
    cr_assert_eq(rt_compare_bool(vm, ab, BL("abc"), CMP_LT), 1);
}

Test(bytes, constructor) {
    Value r;
    cr_assert(rt_call1(vm, OBJ_VAL(&bytes_type), INT_VAL(3), &r));
    ASSERT_STR(REPR(r), "b'\\x00\\x00\\x00'");
    ObjList *l = list_new(vm, 0);
    K(OBJ_VAL(l));
    list_append(vm, l, INT_VAL(65));
    list_append(vm, l, INT_VAL(66));
    cr_assert(rt_call1(vm, OBJ_VAL(&bytes_type), OBJ_VAL(l), &r));
    ASSERT_STR(REPR(r), "b'AB'");
    list_append(vm, l, INT_VAL(256));
    cr_assert_not(rt_call1(vm, OBJ_VAL(&bytes_type), OBJ_VAL(l), &r));
    ASSERT_STR(EXC(), "ValueError: bytes must be in range(0, 256)");
    cr_assert_not(rt_call1(vm, OBJ_VAL(&bytes_type), S("x"), &r));
    ASSERT_STR(EXC(), "TypeError: string argument without an encoding");
    cr_assert(rt_call2(vm, OBJ_VAL(&bytes_type), S("h\xc3\xa9"), S("utf-8"), &r));
    ASSERT_STR(REPR(r), "b'h\\xc3\\xa9'");
}
