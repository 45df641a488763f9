// Formatting: format-spec mini-language for int/float/str, str.format and
// printf-style '%'. Expected strings come from CPython 3.11.
#include "rt_testutil.h"
#include "runtime/format.h"

TestSuite(format, .init = tu_setup, .fini = tu_teardown);

static const char *FMT(Value v, const char *spec) {
    Value r;
    if (!fmt_format_value(vm, v, AS_STR(S(spec)), &r)) return EXC();
    return REPR(r);
}

static const char *PCT(const char *fmt, Value args) {
    Value r;
    if (!rt_binary_op(vm, BINOP_MOD, S(fmt), args, &r)) return EXC();
    return REPR(r);
}

static Value TUP(Value *items, size_t n) {
    ObjTuple *t = tuple_from(vm, items, n);
    cr_assert(t);
    return K(OBJ_VAL(t));
}

static const char *SFMT(const char *fmt, Value *args, size_t n, Value kwnames) {
    Value all[8], r;
    all[0] = S(fmt);
    size_t total = n + (kwnames ? AS_TUPLE(kwnames)->len : 0);
    if (total) memcpy(all + 1, args, total * sizeof(Value));
    if (!fmt_str_format(vm, all, n + 1, kwnames, &r)) return EXC();
    return REPR(r);
}

Test(format, int_specs) {
    ASSERT_STR(FMT(INT_VAL(1234567), ","), "'1,234,567'");
    ASSERT_STR(FMT(INT_VAL(1234567), "_"), "'1_234_567'");
    ASSERT_STR(FMT(INT_VAL(255), "#x"), "'0xff'");
    ASSERT_STR(FMT(INT_VAL(255), "#010b"), "'0b11111111'");
    ASSERT_STR(FMT(INT_VAL(-42), "+08d"), "'-0000042'");
    ASSERT_STR(FMT(INT_VAL(42), " d"), "' 42'");
    ASSERT_STR(FMT(INT_VAL(65), "c"), "'A'");
    ASSERT_STR(FMT(INT_VAL(255), "X"), "'FF'");
    ASSERT_STR(FMT(INT_VAL(-255), "#o"), "'-0o377'");
    ASSERT_STR(FMT(INT_VAL(12345678), "_x"), "'bc_614e'");
    ASSERT_STR(FMT(INT_VAL(10), "=+5"), "'+  10'");
    ASSERT_STR(FMT(INT_VAL(7), "03"), "'007'");
    ASSERT_STR(FMT(INT_VAL(12), "x^7"), "'xx12xxx'");
    ASSERT_STR(FMT(INT_VAL(123), "10,"), "'       123'");
    ASSERT_STR(FMT(INT_VAL(3), ".2f"), "'3.00'");
    ASSERT_STR(FMT(TRUE_VAL, "d"), "'1'");
    ASSERT_STR(FMT(TRUE_VAL, ""), "'True'");
    ASSERT_STR(FMT(INT_VAL(1234567), "010,"), "'01,234,567'");
    ASSERT_STR(FMT(INT_VAL(1234), "08,"), "'0,001,234'");
    ASSERT_STR(FMT(F(1234.5), "012,.2f"), "'0,001,234.50'");
    ASSERT_STR(FMT(INT_VAL(12345), "_b"), "'11_0000_0011_1001'");
    ASSERT_STR(FMT(INT_VAL(-1234), "09,"), "'-0,001,234'");
    ASSERT_STR(FMT(INT_VAL(1), ".2"), "ValueError: Precision not allowed in integer format specifier");
    ASSERT_STR(FMT(INT_VAL(1), ",c"), "ValueError: Cannot specify ',' with 'c'.");
}

Test(format, float_specs) {
    ASSERT_STR(FMT(F(3.14159), ".2f"), "'3.14'");
    ASSERT_STR(FMT(F(1234.5), ",.1f"), "'1,234.5'");
    ASSERT_STR(FMT(F(0.000012345), "g"), "'1.2345e-05'");
    ASSERT_STR(FMT(F(123456789.0), "g"), "'1.23457e+08'");
    ASSERT_STR(FMT(F(1e20), ".3g"), "'1e+20'");
    ASSERT_STR(FMT(F(1.0), ".3"), "'1.0'");
    ASSERT_STR(FMT(F(1.5), ""), "'1.5'");
    ASSERT_STR(FMT(F(0.5), "%"), "'50.000000%'");
    ASSERT_STR(FMT(F(0.25), ".1%"), "'25.0%'");
    ASSERT_STR(FMT(F(1.0 / 0.0), "F"), "'INF'");
    ASSERT_STR(FMT(F(-0.0), "f"), "'-0.000000'");
    ASSERT_STR(FMT(F(2.5), "e"), "'2.500000e+00'");
    ASSERT_STR(FMT(F(12345.678), "E"), "'1.234568E+04'");
    ASSERT_STR(FMT(F(123.0), "g"), "'123'");
    ASSERT_STR(FMT(F(1.25), ".1f"), "'1.2'");
    ASSERT_STR(FMT(F(0.1), ".20f"), "'0.10000000000000000555'");
    ASSERT_STR(FMT(F(1.5), "010.3f"), "'000001.500'");
    ASSERT_STR(FMT(F(-1.5), "010.3f"), "'-00001.500'");
    ASSERT_STR(FMT(F(1e-7), ".2"), "'1e-07'");
    ASSERT_STR(FMT(F(1.5), "d"), "ValueError: Unknown format code 'd' for object of type 'float'");
}

Test(format, str_specs) {
    ASSERT_STR(FMT(S("abc"), "*^9"), "'***abc***'");
    ASSERT_STR(FMT(S("abc"), ".2"), "'ab'");
    ASSERT_STR(FMT(S("abc"), ">5"), "'  abc'");
    ASSERT_STR(FMT(S("a"), "+"), "ValueError: Sign not allowed in string format specifier");
    ASSERT_STR(FMT(S("a"), "=5"), "ValueError: '=' alignment not allowed in string format specifier");
    ASSERT_STR(FMT(S("a"), "d"), "ValueError: Unknown format code 'd' for object of type 'str'");
    ObjList *l = list_new(vm, 0);
    K(OBJ_VAL(l));
    ASSERT_STR(FMT(OBJ_VAL(l), "x"), "TypeError: unsupported format string passed to list.__format__");
}

Test(format, percent) {
    Value a[] = {S("a"), S("b"), INT_VAL(3), INT_VAL(4), F(3.14159), INT_VAL(255), INT_VAL(8),
                 F(12345.678), F(0.0001), INT_VAL(65)};
    ASSERT_STR(PCT("%s %r %d %i %5.2f %x %o %e %g %c %%", TUP(a, 10)),
               "\"a 'b' 3 4  3.14 ff 10 1.234568e+04 0.0001 A %\"");
    ObjDict *d = dict_new(vm);
    K(OBJ_VAL(d));
    dict_set_cstr(vm, d, "a", INT_VAL(1));
    dict_set_cstr(vm, d, "b", INT_VAL(7));
    ASSERT_STR(PCT("%(a)s-%(b)03d", OBJ_VAL(d)), "'1-007'");
    ASSERT_STR(PCT("%-5d|", INT_VAL(3)), "'3    |'");
    ASSERT_STR(PCT("%+.3d", INT_VAL(7)), "'+007'");
    ASSERT_STR(PCT("%#x %#o", TUP((Value[]){INT_VAL(255), INT_VAL(8)}, 2)), "'0xff 0o10'");
    ASSERT_STR(PCT("%5s|%-5s|", TUP((Value[]){S("ab"), S("cd")}, 2)), "'   ab|cd   |'");
    ASSERT_STR(PCT("%.2s", S("abcdef")), "'ab'");
    ASSERT_STR(PCT("%*d", TUP((Value[]){INT_VAL(5), INT_VAL(42)}, 2)), "'   42'");
    ASSERT_STR(PCT("%d", F(3.9)), "'3'");
    ASSERT_STR(PCT("%s", TUP((Value[]){INT_VAL(1)}, 1)), "'1'");
}

Test(format, percent_errors) {
    ASSERT_STR(PCT("%d", S("x")), "TypeError: %d format: a real number is required, not str");
    ASSERT_STR(PCT("%s %s", TUP((Value[]){INT_VAL(1)}, 1)), "TypeError: not enough arguments for format string");
    ASSERT_STR(PCT("%s", TUP((Value[]){INT_VAL(1), INT_VAL(2)}, 2)),
               "TypeError: not all arguments converted during string formatting");
    ASSERT_STR(PCT("%z", INT_VAL(1)), "ValueError: unsupported format character 'z' (0x7a) at index 1");
    ASSERT_STR(PCT("%x", F(1.5)), "TypeError: %x format: an integer is required, not float");
    ASSERT_STR(PCT("%c", S("ab")), "TypeError: %c requires int or char");
    ASSERT_STR(PCT("%(a)s", INT_VAL(1)), "TypeError: format requires a mapping");
    ASSERT_STR(PCT("%", TUP(NULL, 0)), "ValueError: incomplete format");
}

Test(format, str_format) {
    ASSERT_STR(SFMT("{} {}", (Value[]){INT_VAL(1), INT_VAL(2)}, 2, VAL_NULL), "'1 2'");
    ASSERT_STR(SFMT("{1}{0}", (Value[]){S("a"), S("b")}, 2, VAL_NULL), "'ba'");
    Value kw = TUP((Value[]){S("x")}, 1);
    ASSERT_STR(SFMT("{x}", (Value[]){INT_VAL(5)}, 0, kw), "'5'");
    ObjList *l = list_from(vm, (Value[]){INT_VAL(7), INT_VAL(8)}, 2);
    K(OBJ_VAL(l));
    ASSERT_STR(SFMT("{0[1]}", (Value[]){OBJ_VAL(l)}, 1, VAL_NULL), "'8'");
    ASSERT_STR(SFMT("{:>5}|{:^7.2f}", (Value[]){S("ab"), F(3.14159)}, 2, VAL_NULL), "'   ab| 3.14  '");
    ASSERT_STR(SFMT("{{}} {!r}", (Value[]){S("q")}, 1, VAL_NULL), "\"{} 'q'\"");
    Value kw2 = TUP((Value[]){S("w")}, 1);
    ASSERT_STR(SFMT("{:{w}}|", (Value[]){S("a"), INT_VAL(4)}, 1, kw2), "'a   |'");
    ASSERT_STR(SFMT("{0.real}", (Value[]){INT_VAL(5)}, 1, VAL_NULL), "'5'");
}

Test(format, str_format_errors) {
    ASSERT_STR(SFMT("{", NULL, 0, VAL_NULL), "ValueError: Single '{' encountered in format string");
    ASSERT_STR(SFMT("}", NULL, 0, VAL_NULL), "ValueError: Single '}' encountered in format string");
    ASSERT_STR(SFMT("{}{0}", (Value[]){INT_VAL(1), INT_VAL(2)}, 2, VAL_NULL),
               "ValueError: cannot switch from automatic field numbering to manual field specification");
    ASSERT_STR(SFMT("{0}{}", (Value[]){INT_VAL(1), INT_VAL(2)}, 2, VAL_NULL),
               "ValueError: cannot switch from manual field specification to automatic field numbering");
    ASSERT_STR(SFMT("{2}", (Value[]){INT_VAL(1)}, 1, VAL_NULL),
               "IndexError: Replacement index 2 out of range for positional args tuple");
    ASSERT_STR(SFMT("{x}", NULL, 0, VAL_NULL), "KeyError: 'x'");
    ASSERT_STR(SFMT("{!x}", (Value[]){INT_VAL(1)}, 1, VAL_NULL), "ValueError: Unknown conversion specifier x");
    ASSERT_STR(SFMT("{0", (Value[]){INT_VAL(1)}, 1, VAL_NULL), "ValueError: expected '}' before end of string");
}
