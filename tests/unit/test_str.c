// str: repr, indexing/slicing of ASCII and non-ASCII text, methods and
// their CPython error messages. Expected strings come from CPython 3.11.
#include "rt_testutil.h"

TestSuite(str, .init = tu_setup, .fini = tu_teardown);

#define M0(s, name) CALLM(S(s), name, NULL, 0)
#define M1(s, name, a) CALLM(S(s), name, (Value[]){a}, 1)
#define M2(s, name, a, b) CALLM(S(s), name, (Value[]){a, b}, 2)
#define M3(s, name, a, b, c) CALLM(S(s), name, (Value[]){a, b, c}, 3)

static const char *ITEM(Value v, Value key) {
    Value r;
    if (!rt_getitem(vm, v, key, &r)) return EXC();
    return REPR(r);
}

static Value SL(Value a, Value b, Value c) {
    ObjSlice *s = slice_new(vm, a, b, c);
    cr_assert(s);
    return K(OBJ_VAL(s));
}

Test(str, repr_quotes_and_escapes) {
    ASSERT_STR(REPR(S("it's")), "\"it's\"");
    ASSERT_STR(REPR(S("a'b\"c")), "'a\\'b\"c'");
    ASSERT_STR(REPR(S("t\tn\nr\r\\")), "'t\\tn\\nr\\r\\\\'");
    ASSERT_STR(REPR(S("\xc3\xa9\x01\xe2\x80\x8b\xf0\x9f\x98\x80")), "'\xc3\xa9\\x01\\u200b\xf0\x9f\x98\x80'");
    ASSERT_STR(REPR(S("\xc2\xa0")), "'\\xa0'");
}

Test(str, indexing_and_slicing) {
    Value h = S("h\xc3\xa9llo");
    ASSERT_STR(ITEM(h, INT_VAL(1)), "'\xc3\xa9'");
    ASSERT_STR(ITEM(h, INT_VAL(-1)), "'o'");
    ASSERT_STR(ITEM(h, SL(NONE_VAL, NONE_VAL, INT_VAL(-1))), "'oll\xc3\xa9h'");
    ASSERT_STR(ITEM(h, SL(INT_VAL(1), INT_VAL(3), NONE_VAL)), "'\xc3\xa9l'");
    ASSERT_STR(ITEM(h, INT_VAL(5)), "IndexError: string index out of range");
    ASSERT_STR(ITEM(h, S("x")), "TypeError: string indices must be integers, not 'str'");
    ASSERT_STR(ITEM(S("abcdef"), SL(NONE_VAL, NONE_VAL, INT_VAL(2))), "'ace'");
    ASSERT_STR(ITEM(S("abc"), SL(NONE_VAL, NONE_VAL, INT_VAL(0))), "ValueError: slice step cannot be zero");
    int64_t n;
    cr_assert(rt_len(vm, h, &n));
    cr_assert_eq(n, 5);
    // Long non-ASCII strings index through the sparse table.
    Value big;
    cr_assert(str_repeat(vm, AS_STR(S("\xc3\xa9" "abc")), 1000, &big));
    K(big);
    ASSERT_STR(ITEM(big, INT_VAL(2002)), "'b'");
    ASSERT_STR(ITEM(big, INT_VAL(3996)), "'\xc3\xa9'");
}

Test(str, concat_repeat_compare) {
    ASSERT_STR(BIN(BINOP_ADD, S("ab"), S("c")), "'abc'");
    ASSERT_STR(BIN(BINOP_MUL, S("ab"), INT_VAL(3)), "'ababab'");
    ASSERT_STR(BIN(BINOP_MUL, INT_VAL(2), S("x")), "'xx'");
    ASSERT_STR(BIN(BINOP_ADD, S("a"), INT_VAL(1)), "TypeError: can only concatenate str (not \"int\") to str");
    ASSERT_STR(BIN(BINOP_MUL, S("a"), S("b")), "TypeError: can't multiply sequence by non-int of type 'str'");
    ASSERT_STR(BIN(BINOP_MUL, F(2.0), S("a")), "TypeError: can't multiply sequence by non-int of type 'float'");
    ASSERT_STR(BIN(BINOP_MUL, S("x"), N("4611686018427387904")), "MemoryError");
    ASSERT_STR(BIN(BINOP_MUL, S("ab"), N("4611686018427387904")), "OverflowError: repeated string is too long");
    ASSERT_STR(BIN(BINOP_MUL, S("x"), N("9223372036854775808")),
               "OverflowError: cannot fit 'int' into an index-sized integer");
    cr_assert_eq(rt_compare_bool(vm, S("abc"), S("abd"), CMP_LT), 1);
    cr_assert_eq(rt_compare_bool(vm, S("\xc3\xa9"), S("z"), CMP_GT), 1);
    Value r;
    cr_assert_not(rt_richcompare(vm, S("a"), INT_VAL(1), CMP_LT, &r));
    ASSERT_STR(EXC(), "TypeError: '<' not supported between instances of 'str' and 'int'");
    cr_assert_eq(rt_contains(vm, S("hello"), S("ell")), 1);
}

Test(str, split_family) {
    ASSERT_STR(M0("a b  c", "split"), "['a', 'b', 'c']");
    ASSERT_STR(M2(" a b ", "split", NONE_VAL, INT_VAL(1)), "['a', 'b ']");
    ASSERT_STR(M2("a,b,,c", "split", S(","), INT_VAL(2)), "['a', 'b', ',c']");
    ASSERT_STR(M2("a b c", "rsplit", NONE_VAL, INT_VAL(1)), "['a b', 'c']");
    ASSERT_STR(M2("a,b,c", "rsplit", S(","), INT_VAL(1)), "['a,b', 'c']");
    ASSERT_STR(M1("a", "split", S("")), "ValueError: empty separator");
    ASSERT_STR(M1("a", "split", INT_VAL(1)), "TypeError: must be str or None, not int");
    ASSERT_STR(M0("a\nb\r\nc\rd", "splitlines"), "['a', 'b', 'c', 'd']");
    ASSERT_STR(M1("a\nb\n", "splitlines", TRUE_VAL), "['a\\n', 'b\\n']");
    ASSERT_STR(M1("a=b=c", "partition", S("=")), "('a', '=', 'b=c')");
    ASSERT_STR(M1("a=b=c", "rpartition", S("=")), "('a=b', '=', 'c')");
    ASSERT_STR(M1("abc", "partition", S("x")), "('abc', '', '')");
    ASSERT_STR(M1("abc", "rpartition", S("x")), "('', '', 'abc')");
}

Test(str, join_strip_replace) {
    ObjList *l = list_new(vm, 0);
    K(OBJ_VAL(l));
    list_append(vm, l, S("a"));
    list_append(vm, l, S("b"));
    list_append(vm, l, S("c"));
    ASSERT_STR(M1("x", "join", OBJ_VAL(l)), "'axbxc'");
    list_append(vm, l, INT_VAL(1));
    ASSERT_STR(M1(",", "join", OBJ_VAL(l)), "TypeError: sequence item 3: expected str instance, int found");
    ASSERT_STR(M1(",", "join", INT_VAL(1)), "TypeError: can only join an iterable");
    ASSERT_STR(M0("  x  ", "strip"), "'x'");
    ASSERT_STR(M1("xxhixx", "strip", S("x")), "'hi'");
    ASSERT_STR(M0("  x  ", "lstrip"), "'x  '");
    ASSERT_STR(M0("  x  ", "rstrip"), "'  x'");
    ASSERT_STR(M1("a", "strip", INT_VAL(1)), "TypeError: strip arg must be None or str");
    ASSERT_STR(M3("aaa", "replace", S("a"), S("b"), INT_VAL(2)), "'bba'");
    ASSERT_STR(M2("abc", "replace", S(""), S("-")), "'-a-b-c-'");
    ASSERT_STR(M1("a", "replace", S("a")), "TypeError: replace expected at least 2 arguments, got 1");
}

Test(str, find_and_count) {
    ASSERT_STR(M1("abcabc", "find", S("c")), "2");
    ASSERT_STR(M1("abcabc", "rfind", S("c")), "5");
    ASSERT_STR(M2("abcabc", "find", S("c"), INT_VAL(3)), "5");
    ASSERT_STR(M1("abcabc", "count", S("bc")), "2");
    ASSERT_STR(M1("abc", "count", S("")), "4");
    ASSERT_STR(M2("abc", "find", S(""), INT_VAL(10)), "-1");
    ASSERT_STR(M1("h\xc3\xa9llo", "find", S("l")), "2");
    ASSERT_STR(M1("a", "index", S("b")), "ValueError: substring not found");
    ASSERT_STR(M0("a", "find"), "TypeError: find() takes at least 1 argument (0 given)");
    ObjTuple *t = tuple_pack2(vm, S("x"), S("a"));
    K(OBJ_VAL(t));
    ASSERT_STR(M1("abc", "startswith", OBJ_VAL(t)), "True");
    ASSERT_STR(M3("abc", "endswith", S("bc"), INT_VAL(0), INT_VAL(2)), "False");
    ASSERT_STR(M1("a", "startswith", INT_VAL(1)),
               "TypeError: startswith first arg must be str or a tuple of str, not int");
}

Test(str, case_and_predicates) {
    ASSERT_STR(M0("hello world", "title"), "'Hello World'");
    ASSERT_STR(M0("they're", "title"), "\"They'Re\"");
    ASSERT_STR(M0("hELLO", "capitalize"), "'Hello'");
    ASSERT_STR(M0("HeLLo", "swapcase"), "'hEllO'");
    ASSERT_STR(M0("\xc3\xa9", "upper"), "'\xc3\x89'");
    ASSERT_STR(M0("\xc3\x80" "B", "lower"), "'\xc3\xa0" "b'");
    ASSERT_STR(M0("_abc1", "isidentifier"), "True");
    ASSERT_STR(M0("1a", "isidentifier"), "False");
    ASSERT_STR(M0("123", "isdigit"), "True");
    ASSERT_STR(M0("", "isdigit"), "False");
    ASSERT_STR(M0("Ab", "istitle"), "True");
    ASSERT_STR(M0("ABC1", "isupper"), "True");
    ASSERT_STR(M0(" \t", "isspace"), "True");
    ASSERT_STR(M1("a", "upper", INT_VAL(1)), "TypeError: str.upper() takes no arguments (1 given)");
}

Test(str, padding) {
    ASSERT_STR(M2("abc", "center", INT_VAL(8), S("*")), "'**abc***'");
    ASSERT_STR(M1("abc", "ljust", INT_VAL(6)), "'abc   '");
    ASSERT_STR(M1("abc", "rjust", INT_VAL(6)), "'   abc'");
    ASSERT_STR(M1("-42", "zfill", INT_VAL(6)), "'-00042'");
    ASSERT_STR(M1("+7", "zfill", INT_VAL(4)), "'+007'");
    ASSERT_STR(M1("a", "zfill", INT_VAL(3)), "'00a'");
    ASSERT_STR(M2("a", "ljust", INT_VAL(3), S("ab")),
               "TypeError: The fill character must be exactly one character long");
    ASSERT_STR(M0("a", "center"), "TypeError: center expected at least 1 argument, got 0");
    ASSERT_STR(M1("abc", "zfill", S("x")), "TypeError: 'str' object cannot be interpreted as an integer");
}

Test(str, encode_and_decode) {
    ASSERT_STR(M0("h\xc3\xa9", "encode"), "b'h\\xc3\\xa9'");
    ASSERT_STR(M0("\xed\xa0\x80", "encode"),
               "UnicodeEncodeError: 'utf-8' codec can't encode character '\\ud800' in position 0: surrogates not allowed");
}

Test(str, iteration) {
    Value it, v;
    cr_assert(rt_iter(vm, S("a\xc3\xa9"), &it));
    K(it);
    cr_assert_eq(rt_next(vm, it, &v), ITER_NEXT);
    ASSERT_STR(REPR(v), "'a'");
    cr_assert_eq(rt_next(vm, it, &v), ITER_NEXT);
    ASSERT_STR(REPR(v), "'\xc3\xa9'");
    cr_assert_eq(rt_next(vm, it, &v), ITER_DONE);
    cr_assert_eq(vm->exc, VAL_NULL);
}
