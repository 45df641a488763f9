// Unit tests of the SyntaxError printer (src/parser/report.c). Each expected
// text was printed by CPython 3.11 for a program with the same error and
// position (`python3 x.py`, `python3 - < x.py` or `python3 -c ...`); the
// golden tests in tests/syntax cover the printer together with the parser.
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lexer/source.h"
#include "parser/report.h"
#include "util/diag.h"

// Prints [d] for a program [text] read as [how] and returns the output.
static char *report(const char *text, ReportInput how, DiagKind kind, int line, int col,
                    int end_line, int end_col, const char *msg) {
    Source src;
    Diag load;
    diag_init(&load);
    cr_assert(lx_source_from_string(&src, "x.py", text, strlen(text), &load));
    Diag d;
    diag_init(&d);
    diag_set(&d, kind, line, col, end_line, end_col, "%s", msg);
    char *out = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&out, &len);
    cr_assert_not_null(f);
    ps_report_from(f, "x.py", &src, &d, how);
    fclose(f);
    diag_clear(&d);
    lx_source_free(&src);
    return out;
}

#define EXPECT(out, want) do { \
        char *got_ = (out); \
        cr_expect_str_eq(got_, want); \
        free(got_); \
    } while (0)

Test(report, caret_range_under_the_error) {
    EXPECT(report("f() = 1\n", REPORT_FILE, DIAG_SYNTAX, 1, 0, 1, 3,
                  "cannot assign to function call here. Maybe you meant '==' instead of '='?"),
           "  File \"x.py\", line 1\n"
           "    f() = 1\n"
           "    ^^^\n"
           "SyntaxError: cannot assign to function call here. "
           "Maybe you meant '==' instead of '='?\n");
}

Test(report, leading_whitespace_is_stripped_and_the_caret_follows) {
    EXPECT(report("def f():\n    x = (\n", REPORT_FILE, DIAG_SYNTAX, 2, 8, 2, -1,
                  "'(' was never closed"),
           "  File \"x.py\", line 2\n"
           "    x = (\n"
           "        ^\n"
           "SyntaxError: '(' was never closed\n");
}

Test(report, column_minus_one_hides_the_caret) {
    EXPECT(report("if x:\n", REPORT_FILE, DIAG_INDENTATION, 1, -1, 1, -1,
                  "expected an indented block after 'if' statement on line 1"),
           "  File \"x.py\", line 1\n"
           "    if x:\n"
           "IndentationError: expected an indented block after 'if' statement on line 1\n");
}

Test(report, indentation_error_has_one_caret_whatever_its_end) {
    EXPECT(report("if x:\n    a\n  b\n", REPORT_FILE, DIAG_INDENTATION, 3, 3, 3, 9,
                  "unindent does not match any outer indentation level"),
           "  File \"x.py\", line 3\n"
           "    b\n"
           "     ^\n"
           "IndentationError: unindent does not match any outer indentation level\n");
}

Test(report, trailing_whitespace_is_kept) {
    EXPECT(report("x = 1 +   \n", REPORT_FILE, DIAG_SYNTAX, 1, 10, 1, 10, "invalid syntax"),
           "  File \"x.py\", line 1\n"
           "    x = 1 +   \n"
           "              ^\n"
           "SyntaxError: invalid syntax\n");
}

Test(report, line_without_newline_at_eof_gets_one) {
    EXPECT(report("x = 1 +", REPORT_FILE, DIAG_SYNTAX, 1, 7, 1, 7, "invalid syntax"),
           "  File \"x.py\", line 1\n"
           "    x = 1 +\n"
           "           ^\n"
           "SyntaxError: invalid syntax\n");
}

// CPython 3.11 leaves parser-error columns in bytes for files and stdin...
Test(report, parser_error_in_a_file_counts_bytes) {
    EXPECT(report("x = \"\xc3\xa9\xc3\xa9\" + +\n", REPORT_FILE, DIAG_SYNTAX, 1, 14, 1, 14,
                  "invalid syntax"),
           "  File \"x.py\", line 1\n"
           "    x = \"\xc3\xa9\xc3\xa9\" + +\n"
           "                  ^\n"
           "SyntaxError: invalid syntax\n");
}

// ...but converts them to characters for strings (-c, the REPL).
Test(report, parser_error_in_a_string_counts_characters) {
    EXPECT(report("x = \"\xc3\xa9\xc3\xa9\" + +\n", REPORT_STRING, DIAG_SYNTAX, 1, 14, 1, 14,
                  "invalid syntax"),
           "  File \"x.py\", line 1\n"
           "    x = \"\xc3\xa9\xc3\xa9\" + +\n"
           "                ^\n"
           "SyntaxError: invalid syntax\n");
}

// The tokenizer measures its own errors in characters, even in files.
Test(report, tokenizer_error_in_a_file_counts_characters) {
    EXPECT(report("x = \"\xc3\xa9\" + )\n", REPORT_FILE, DIAG_SYNTAX, 1, 11, 1, 11,
                  "unmatched ')'"),
           "  File \"x.py\", line 1\n"
           "    x = \"\xc3\xa9\" + )\n"
           "              ^\n"
           "SyntaxError: unmatched ')'\n");
}

Test(report, leading_zeros_error_counts_bytes_even_in_strings) {
    EXPECT(report("x = \"\xc3\xa9\" + 012\n", REPORT_STRING, DIAG_SYNTAX, 1, 11, 1, 12,
                  "leading zeros in decimal integer literals are not permitted; "
                  "use an 0o prefix for octal integers"),
           "  File \"x.py\", line 1\n"
           "    x = \"\xc3\xa9\" + 012\n"
           "               ^\n"
           "SyntaxError: leading zeros in decimal integer literals are not permitted; "
           "use an 0o prefix for octal integers\n");
}

// An error spanning lines is underlined to the end of its first line; the
// file's text keeps its newline, one more caret than from a string.
Test(report, multi_line_error_in_a_file) {
    EXPECT(report("f(x for x in\n  y, 1)\n", REPORT_FILE, DIAG_SYNTAX, 1, 2, 2, 3,
                  "Generator expression must be parenthesized"),
           "  File \"x.py\", line 1\n"
           "    f(x for x in\n"
           "      ^^^^^^^^^^\n"
           "SyntaxError: Generator expression must be parenthesized\n");
}

Test(report, multi_line_error_from_stdin) {
    EXPECT(report("f(x for x in\n  y, 1)\n", REPORT_STDIN, DIAG_SYNTAX, 1, 2, 2, 3,
                  "Generator expression must be parenthesized"),
           "  File \"x.py\", line 1\n"
           "    f(x for x in\n"
           "      ^^^^^^^^^\n"
           "SyntaxError: Generator expression must be parenthesized\n");
}

Test(report, tab_inside_the_line_counts_as_one_column) {
    EXPECT(report("x =\t1 +\n", REPORT_FILE, DIAG_SYNTAX, 1, 7, 1, 7, "invalid syntax"),
           "  File \"x.py\", line 1\n"
           "    x =\t1 +\n"
           "           ^\n"
           "SyntaxError: invalid syntax\n");
}

Test(report, caret_past_the_end_is_clipped) {
    EXPECT(report("x = (\n", REPORT_FILE, DIAG_SYNTAX, 1, 40, 1, 90, "invalid syntax"),
           "  File \"x.py\", line 1\n"
           "    x = (\n"
           "         ^\n"
           "SyntaxError: invalid syntax\n");
}

Test(report, line_past_the_end_shows_an_empty_line) {
    EXPECT(report("for x in y:\n", REPORT_FILE, DIAG_INDENTATION, 9, -1, 9, -1,
                  "expected an indented block after 'for' statement on line 1"),
           "  File \"x.py\", line 9\n"
           "    \n"
           "IndentationError: expected an indented block after 'for' statement on line 1\n");
}

Test(report, error_without_a_line_prints_only_the_message) {
    EXPECT(report("x = 1\n", REPORT_FILE, DIAG_SYNTAX, 0, 0, 0, 0,
                  "Non-UTF-8 code starting with '\\xff' in file x.py on line 2, but no "
                  "encoding declared; see https://peps.python.org/pep-0263/ for details"),
           "SyntaxError: Non-UTF-8 code starting with '\\xff' in file x.py on line 2, but no "
           "encoding declared; see https://peps.python.org/pep-0263/ for details\n");
}

// Errors raised while compiling have no traceback entries: CPython prints
// their last line only.
Test(report, memory_error_prints_only_its_name) {
    EXPECT(report("x = 1\n", REPORT_FILE, DIAG_MEMORY, 1, 4, 1, 5, ""), "MemoryError\n");
}

Test(report, recursion_error_prints_only_its_last_line) {
    EXPECT(report("x = 1\n", REPORT_FILE, DIAG_RECURSION, 1, 4, 1, 5,
                  "maximum recursion depth exceeded during compilation"),
           "RecursionError: maximum recursion depth exceeded during compilation\n");
}

Test(report, tab_error_is_named) {
    EXPECT(report("if True:\n        x = 1\n\ty = 2\n", REPORT_FILE, DIAG_TAB, 3, 0, 3, -1,
                  "inconsistent use of tabs and spaces in indentation"),
           "  File \"x.py\", line 3\n"
           "    y = 2\n"
           "TabError: inconsistent use of tabs and spaces in indentation\n");
}

Test(report, no_source_prints_no_line) {
    Diag d;
    diag_init(&d);
    diag_set(&d, DIAG_SYNTAX, 3, 1, 3, 2, "invalid syntax");
    char *out = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&out, &len);
    ps_report(f, "<stdin>", NULL, &d);
    fclose(f);
    diag_clear(&d);
    EXPECT(out, "  File \"<stdin>\", line 3\nSyntaxError: invalid syntax\n");
}

// CPython's compiler rereads the file for the line: a string has none.
Test(report, compiler_error_from_a_string_shows_no_line) {
    EXPECT(report("def f(a, a): pass\n", REPORT_STRING, DIAG_SYNTAX, 1, 9, 1, 10,
                  "duplicate argument 'a' in function definition"),
           "  File \"x.py\", line 1\n"
           "SyntaxError: duplicate argument 'a' in function definition\n");
}

Test(report, compiler_error_from_a_file_shows_its_line) {
    EXPECT(report("def f(a, a): pass\n", REPORT_FILE, DIAG_SYNTAX, 1, 9, 1, 10,
                  "duplicate argument 'a' in function definition"),
           "  File \"x.py\", line 1\n"
           "    def f(a, a): pass\n"
           "             ^\n"
           "SyntaxError: duplicate argument 'a' in function definition\n");
}
