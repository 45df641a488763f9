// Unit tests of the lexer (src/lexer): token streams, positions, layout,
// literals, errors and limits. Every expected value was taken from CPython
// 3.11.7 (python3 -m tokenize -e, or compile() on a file, with its 1-based
// character offsets turned into our 0-based byte columns: offset 0 -> -1,
// end_offset -1 -> -2). The error tables were produced by running CPython
// on each source; the tests themselves never need CPython.
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lexer/dump.h"
#include "lexer/lexer.h"
#include "lexer/literal.h"
#include "util/arena.h"
#include "util/buf.h"

// --- helpers ---------------------------------------------------------------

static void load(Source *src, const char *text, size_t len) {
    Diag d;
    diag_init(&d);
    bool ok = lx_source_from_string(src, "f.py", text, len, &d);
    cr_assert(ok, "load failed: %s", d.msg ? d.msg : "?");
}

// The token stream as "KIND KIND=text ...": text only for NAME, NUMBER and
// STRING; "!msg" at a lexical error.
static char *kinds_n(const char *text, size_t len) {
    Source src;
    load(&src, text, len);
    Lexer lx;
    lx_init(&lx, &src);
    Buf b;
    buf_init(&b);
    for (int guard = 0; guard < 100000; guard++) {
        Token t;
        if (b.len) buf_putc(&b, ' ');
        if (!lx_next(&lx, &t)) {
            buf_printf(&b, "!%s", lx.diag.msg);
            break;
        }
        buf_puts(&b, lx_token_name(t.kind));
        if (t.kind == TK_NAME || t.kind == TK_NUMBER || t.kind == TK_STRING)
            buf_printf(&b, "=%.*s", (int)t.len, t.s);
        if (t.kind == TK_ENDMARKER) break;
    }
    lx_free(&lx);
    lx_source_free(&src);
    return buf_steal(&b, NULL);
}
static char *kinds(const char *text) { return kinds_n(text, strlen(text)); }

// The spans "L,C-L,C" of every token (byte columns).
static char *spans(const char *text) {
    Source src;
    load(&src, text, strlen(text));
    Lexer lx;
    lx_init(&lx, &src);
    Buf b;
    buf_init(&b);
    for (;;) {
        Token t;
        if (!lx_next(&lx, &t)) {
            buf_printf(&b, "!%s", lx.diag.msg);
            break;
        }
        buf_printf(&b, "%s%d,%d-%d,%d", b.len ? " " : "", t.line, t.col, t.end_line, t.end_col);
        if (t.kind == TK_ENDMARKER) break;
    }
    lx_free(&lx);
    lx_source_free(&src);
    return buf_steal(&b, NULL);
}

#define assert_kinds(text, expected)                                   \
    do {                                                               \
        char *got_ = kinds(text);                                      \
        cr_assert_str_eq(got_, expected);                              \
        free(got_);                                                    \
    } while (0)

#define assert_spans(text, expected)                                   \
    do {                                                               \
        char *got_ = spans(text);                                      \
        cr_assert_str_eq(got_, expected);                              \
        free(got_);                                                    \
    } while (0)

// First error of a source (from loading or lexing), with the lexer's flags.
typedef struct Err {
    Diag d;
    bool soft, resumable, incomplete;
} Err;

static Err first_error(const char *text, size_t len) {
    Err e = {.soft = false};
    diag_init(&e.d);
    Source src;
    if (!lx_source_from_string(&src, "f.py", text, len, &e.d)) return e;
    Lexer lx;
    lx_init(&lx, &src);
    Token t;
    for (;;) {
        if (!lx_next(&lx, &t)) {
            e.d = lx.diag;   // take over the message
            diag_init(&lx.diag);
            e.soft = lx.soft_error;
            e.resumable = lx.resumable;
            e.incomplete = lx.incomplete;
            break;
        }
        if (t.kind == TK_ENDMARKER) break;
    }
    lx_free(&lx);
    lx_source_free(&src);
    return e;
}

typedef struct ErrCase {
    const char *src;
    size_t len;
    DiagKind kind;
    const char *msg;
    int line, col, end_line, end_col;
} ErrCase;

static void check_cases(const ErrCase *c, size_t n) {
    for (size_t i = 0; i < n; i++) {
        Err e = first_error(c[i].src, c[i].len);
        cr_assert(diag_is_set(&e.d), "no error for case %zu", i);
        cr_expect_str_eq(e.d.msg, c[i].msg, "case %zu", i);
        cr_expect_eq(e.d.kind, c[i].kind, "case %zu: kind %d", i, e.d.kind);
        cr_expect(e.d.line == c[i].line && e.d.col == c[i].col && e.d.end_line == c[i].end_line &&
                      e.d.end_col == c[i].end_col,
                  "case %zu (%s): at %d,%d-%d,%d, CPython %d,%d-%d,%d", i, c[i].msg, e.d.line,
                  e.d.col, e.d.end_line, e.d.end_col, c[i].line, c[i].col, c[i].end_line,
                  c[i].end_col);
        diag_clear(&e.d);
    }
}
#define CHECK_CASES(t) check_cases(t, sizeof t / sizeof t[0])

static Err error_of(const char *text) { return first_error(text, strlen(text)); }

// The --tokens output of a source.
static char *dump_of(const char *text, size_t len, bool *ok) {
    Source src;
    load(&src, text, len);
    char *out = NULL;
    size_t out_len = 0;
    FILE *f = open_memstream(&out, &out_len);
    Diag d;
    diag_init(&d);
    *ok = lx_dump_tokens(f, &src, &d);
    fclose(f);
    diag_clear(&d);
    lx_source_free(&src);
    return out;
}

// --- expected errors, as CPython 3.11.7 reports them -------------------------

static const ErrCase string_errors[] = {
    {"x = 'abc\n", 9, DIAG_SYNTAX, "unterminated string literal (detected at line 1)", 1, 4, 1, 4},
    {"x = '''abc\n\n", 12, DIAG_SYNTAX, "unterminated triple-quoted string literal (detected at line 2)", 1, 4, 1, 4},
    {"x = '''abc\n\nfoo", 15, DIAG_SYNTAX, "unterminated triple-quoted string literal (detected at line 3)", 1, 4, 1, 4},
    {"x = 'abc\\\ndef\n", 14, DIAG_SYNTAX, "unterminated string literal (detected at line 2)", 1, 4, 1, 4},
    {"x = rb'abc\n", 11, DIAG_SYNTAX, "unterminated string literal (detected at line 1)", 1, 4, 1, 4},
    {"x = f'abc", 9, DIAG_SYNTAX, "unterminated string literal (detected at line 1)", 1, 4, 1, 4},
    {"if 1:\n  x = '''\n", 16, DIAG_SYNTAX, "unterminated triple-quoted string literal (detected at line 2)", 2, 6, 2, 6},
    {"x = '\\\n", 7, DIAG_SYNTAX, "unterminated string literal (detected at line 1)", 1, 4, 1, 4},
    {"s = '''a\nb' + x\n", 16, DIAG_SYNTAX, "unterminated triple-quoted string literal (detected at line 2)", 1, 4, 1, 4},
    {"s = \"\"\"x\n", 9, DIAG_SYNTAX, "unterminated triple-quoted string literal (detected at line 1)", 1, 4, 1, 4},
};

static const ErrCase number_errors[] = {
    {"1abc", 4, DIAG_SYNTAX, "invalid decimal literal", 1, 0, 1, 0},
    {"1_", 2, DIAG_SYNTAX, "invalid decimal literal", 1, 1, 1, 1},
    {"1__0", 4, DIAG_SYNTAX, "invalid decimal literal", 1, 1, 1, 1},
    {"0x", 2, DIAG_SYNTAX, "invalid hexadecimal literal", 1, 1, 1, 1},
    {"0xg", 3, DIAG_SYNTAX, "invalid hexadecimal literal", 1, 1, 1, 1},
    {"0x1_", 4, DIAG_SYNTAX, "invalid hexadecimal literal", 1, 3, 1, 3},
    {"0b12", 4, DIAG_SYNTAX, "invalid digit '2' in binary literal", 1, 3, 1, 3},
    {"0b", 2, DIAG_SYNTAX, "invalid binary literal", 1, 1, 1, 1},
    {"0b1_", 4, DIAG_SYNTAX, "invalid binary literal", 1, 3, 1, 3},
    {"0o8", 3, DIAG_SYNTAX, "invalid digit '8' in octal literal", 1, 2, 1, 2},
    {"0o18", 4, DIAG_SYNTAX, "invalid digit '8' in octal literal", 1, 3, 1, 3},
    {"0o", 2, DIAG_SYNTAX, "invalid octal literal", 1, 1, 1, 1},
    {"012", 3, DIAG_SYNTAX, "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", 1, 0, 1, 1},
    {"0012", 4, DIAG_SYNTAX, "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", 1, 0, 1, 2},
    {"0_1", 3, DIAG_SYNTAX, "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", 1, 0, 1, 2},
    {"0_", 2, DIAG_SYNTAX, "invalid decimal literal", 1, 1, 1, 1},
    {"1e", 2, DIAG_SYNTAX, "invalid decimal literal", 1, 0, 1, 0},
    {"1e+", 3, DIAG_SYNTAX, "invalid decimal literal", 1, 2, 1, 2},
    {"1ex", 3, DIAG_SYNTAX, "invalid decimal literal", 1, 0, 1, 0},
    {"1.5_", 4, DIAG_SYNTAX, "invalid decimal literal", 1, 3, 1, 3},
    {"1._5", 4, DIAG_SYNTAX, "invalid decimal literal", 1, 1, 1, 1},
    {"1.5e5x", 6, DIAG_SYNTAX, "invalid decimal literal", 1, 4, 1, 4},
    {"1.__class__", 11, DIAG_SYNTAX, "invalid decimal literal", 1, 1, 1, 1},
    {".5x", 3, DIAG_SYNTAX, "invalid decimal literal", 1, 1, 1, 1},
    {"0b1_2", 5, DIAG_SYNTAX, "invalid digit '2' in binary literal", 1, 4, 1, 4},
    {"1jx", 3, DIAG_SYNTAX, "invalid imaginary literal", 1, 1, 1, 1},
};

static const ErrCase bracket_errors[] = {
    {"x = (1,\n2\n", 10, DIAG_SYNTAX, "'(' was never closed", 1, 4, 1, -1},
    {"x = [1,\n(2\n", 11, DIAG_SYNTAX, "'(' was never closed", 2, 0, 2, -1},
    {"x = )", 5, DIAG_SYNTAX, "unmatched ')'", 1, 4, 1, 4},
    {"x = (]", 6, DIAG_SYNTAX, "closing parenthesis ']' does not match opening parenthesis '('", 1, 5, 1, 5},
    {"x = (\n]", 7, DIAG_SYNTAX, "closing parenthesis ']' does not match opening parenthesis '(' on line 1", 2, 0, 2, 0},
    {"x = {'a': [1, (2, 3]}", 21, DIAG_SYNTAX, "closing parenthesis ']' does not match opening parenthesis '('", 1, 19, 1, 19},
    {"(((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((", 201, DIAG_SYNTAX, "too many nested parentheses", 1, 200, 1, 200},
    {"x = (1 + \\\n", 11, DIAG_SYNTAX, "'(' was never closed", 1, 4, 1, -1},
};

static const ErrCase indent_errors[] = {
    {"if x:\n  a\n b\n", 13, DIAG_INDENTATION, "unindent does not match any outer indentation level", 3, 2, 3, -2},
    {"if x:\n  a\n b # comment\n", 23, DIAG_INDENTATION, "unindent does not match any outer indentation level", 3, 12, 3, -2},
    {"if x:\n\ta\n        b\n", 19, DIAG_TAB, "inconsistent use of tabs and spaces in indentation", 3, 0, 3, -1},
    {"if x:\n        a\n\tb\n", 19, DIAG_TAB, "inconsistent use of tabs and spaces in indentation", 3, 0, 3, -1},
    {"if x:\n  \ta\n\tb\n", 14, DIAG_TAB, "inconsistent use of tabs and spaces in indentation", 3, 0, 3, -1},
    {"if 1:\n    x\n  \\\n    y\n", 22, DIAG_INDENTATION, "unindent does not match any outer indentation level", 4, 5, 4, -2},
    {"if 1:\n\014    x\n  y\n", 17, DIAG_INDENTATION, "unindent does not match any outer indentation level", 3, 3, 3, -2},
    {"if 1:\n if 1:\n  if 1:\n   if 1:\n    if 1:\n     if 1:\n      if 1:\n       if 1:\n        if 1:\n         if 1:\n          if 1:\n           if 1:\n            if 1:\n             if 1:\n              if 1:\n               if 1:\n                if 1:\n                 if 1:\n                  if 1:\n                   if 1:\n                    if 1:\n                     if 1:\n                      if 1:\n                       if 1:\n                        if 1:\n                         if 1:\n                          if 1:\n                           if 1:\n                            if 1:\n                             if 1:\n                              if 1:\n                               if 1:\n                                if 1:\n                                 if 1:\n                                  if 1:\n                                   if 1:\n                                    if 1:\n                                     if 1:\n                                      if 1:\n                                       if 1:\n                                        if 1:\n                                         if 1:\n                                          if 1:\n                                           if 1:\n                                            if 1:\n                                             if 1:\n                                              if 1:\n                                               if 1:\n                                                if 1:\n                                                 if 1:\n                                                  if 1:\n                                                   if 1:\n                                                    if 1:\n                                                     if 1:\n                                                      if 1:\n                                                       if 1:\n                                                        if 1:\n                                                         if 1:\n                                                          if 1:\n                                                           if 1:\n                                                            if 1:\n                                                             if 1:\n                                                              if 1:\n                                                               if 1:\n                                                                if 1:\n                                                                 if 1:\n                                                                  if 1:\n                                                                   if 1:\n                                                                    if 1:\n                                                                     if 1:\n                                                                      if 1:\n                                                                       if 1:\n                                                                        if 1:\n                                                                         if 1:\n                                                                          if 1:\n                                                                           if 1:\n                                                                            if 1:\n                                                                             if 1:\n                                                                              if 1:\n                                                                               if 1:\n                                                                                if 1:\n                                                                                 if 1:\n                                                                                  if 1:\n                                                                                   if 1:\n                                                                                    if 1:\n                                                                                     if 1:\n                                                                                      if 1:\n                                                                                       if 1:\n                                                                                        if 1:\n                                                                                         if 1:\n                                                                                          if 1:\n                                                                                           if 1:\n                                                                                            if 1:\n                                                                                             if 1:\n                                                                                              if 1:\n                                                                                               if 1:\n                                                                                                if 1:\n                                                                                                 if 1:\n                                                                                                  if 1:\n                                                                                                   if 1:\n                                                                                                    if 1:\n                                                                                                     pass\n", 5762, DIAG_INDENTATION, "too many levels of indentation", 101, 0, 101, -1},
};

static const ErrCase char_errors[] = {
    {"x = \342\202\254", 7, DIAG_SYNTAX, "invalid character '\342\202\254' (U+20AC)", 1, 4, 1, 4},
    {"a\342\202\254 = 1", 8, DIAG_SYNTAX, "invalid character '\342\202\254' (U+20AC)", 1, 1, 1, 1},
    {"x = \001", 5, DIAG_SYNTAX, "invalid non-printable character U+0001", 1, 4, 1, 4},
    {"x = 1\177", 6, DIAG_SYNTAX, "invalid non-printable character U+007F", 1, 5, 1, 5},
    {"x = \302\240", 6, DIAG_SYNTAX, "invalid non-printable character U+00A0", 1, 4, 1, 4},
    {"x = 1\342\202\254", 8, DIAG_SYNTAX, "invalid character '\342\202\254' (U+20AC)", 1, 5, 1, 5},
    {"x = a\342\200\213b", 9, DIAG_SYNTAX, "invalid non-printable character U+200B", 1, 5, 1, 5},
    {"\303\251t\303\251 = \302\275", 10, DIAG_SYNTAX, "invalid character '\302\275' (U+00BD)", 1, 8, 1, 8},
    {"x = 1 \\ y", 9, DIAG_SYNTAX, "unexpected character after line continuation character", 1, 7, 1, -1},
    {"a = 1\nx = 1 \\ y", 15, DIAG_SYNTAX, "unexpected character after line continuation character", 2, 7, 2, -1},
    {"x = 1 + \\", 9, DIAG_SYNTAX, "unexpected EOF while parsing", 1, 9, 1, -2},
    {"x = 1 + \\\n", 10, DIAG_SYNTAX, "unexpected EOF while parsing", 1, 9, 1, -2},
    {"x = 1\n\\\n", 8, DIAG_SYNTAX, "unexpected EOF while parsing", 2, -1, 2, -2},
    {"x = 1\n  \\\n", 10, DIAG_SYNTAX, "unexpected EOF while parsing", 2, -1, 2, -2},
    {"x = 1 \\\n\\\n", 10, DIAG_SYNTAX, "unexpected EOF while parsing", 2, 1, 2, -2},
};

static const ErrCase source_errors[] = {
    {"x\000y", 3, DIAG_SYNTAX, "source code cannot contain null bytes", 1, -1, 1, -1},
    {"\377\n", 2, DIAG_SYNTAX, "Non-UTF-8 code starting with '\\xff' in file f.py on line 1, but no encoding declared; see https://peps.python.org/pep-0263/ for details", 0, 0, 0, 0},
    {"x=1\n\377\n", 6, DIAG_SYNTAX, "Non-UTF-8 code starting with '\\xff' in file f.py on line 2, but no encoding declared; see https://peps.python.org/pep-0263/ for details", 0, 0, 0, 0},
    {"'abc\n\377\n", 7, DIAG_SYNTAX, "unterminated string literal (detected at line 1)", 1, 0, 1, 0},
    {"x=1\n\000\n", 6, DIAG_SYNTAX, "source code cannot contain null bytes", 2, -1, 2, -1},
    {"'abc\nx\000\n", 8, DIAG_SYNTAX, "unterminated string literal (detected at line 1)", 1, 0, 1, 0},
    {"a\000\377\n", 4, DIAG_SYNTAX, "source code cannot contain null bytes", 1, -1, 1, -1},
    {"a\377\000\n", 4, DIAG_SYNTAX, "Non-UTF-8 code starting with '\\xff' in file f.py on line 1, but no encoding declared; see https://peps.python.org/pep-0263/ for details", 0, 0, 0, 0},
    {"\342(\241\n", 4, DIAG_SYNTAX, "Non-UTF-8 code starting with '\\xe2' in file f.py on line 1, but no encoding declared; see https://peps.python.org/pep-0263/ for details", 0, 0, 0, 0},
    {"\355\240\200\n", 4, DIAG_SYNTAX, "Non-UTF-8 code starting with '\\xed' in file f.py on line 1, but no encoding declared; see https://peps.python.org/pep-0263/ for details", 0, 0, 0, 0},
    {"x = (\n\000\n", 8, DIAG_SYNTAX, "source code cannot contain null bytes", 2, -1, 2, -1},
    {"x = '''abc\n\377\n", 13, DIAG_SYNTAX, "Non-UTF-8 code starting with '\\xff' in file f.py on line 2, but no encoding declared; see https://peps.python.org/pep-0263/ for details", 0, 0, 0, 0},
    {"if 1:\n  x\n\377", 11, DIAG_SYNTAX, "Non-UTF-8 code starting with '\\xff' in file f.py on line 3, but no encoding declared; see https://peps.python.org/pep-0263/ for details", 0, 0, 0, 0},
    {"x = 1 \\\n\377\n", 10, DIAG_SYNTAX, "Non-UTF-8 code starting with '\\xff' in file f.py on line 2, but no encoding declared; see https://peps.python.org/pep-0263/ for details", 0, 0, 0, 0},
    {"\357\273\277# coding: latin-1\nx=1\n", 25, DIAG_SYNTAX, "encoding problem: iso-8859-1 with BOM", 0, 0, 0, 0},
    {"\357\273\277# coding: utf8\nx=1\n", 22, DIAG_SYNTAX, "encoding problem: utf8 with BOM", 0, 0, 0, 0},
    {"x = 1\015\ny = 'a\015\n", 15, DIAG_SYNTAX, "unterminated string literal (detected at line 2)", 2, 4, 2, 4},
};

static const ErrCase soft_errors[] = {
    {"x = $", 5, DIAG_SYNTAX, "invalid syntax", 1, 4, 1, 5},
    {"x = 1 ? 2", 9, DIAG_SYNTAX, "invalid syntax", 1, 6, 1, 7},
    {"x = `", 5, DIAG_SYNTAX, "invalid syntax", 1, 4, 1, 5},
    {"1 <> 2", 6, DIAG_SYNTAX, "invalid syntax", 1, 2, 1, 4},
    {"x = !a", 6, DIAG_SYNTAX, "invalid syntax", 1, 4, 1, 5},
};


// --- layout ------------------------------------------------------------------

Test(lexer, nested_dedents) {
    const char *s = "if a:\n    if b:\n        c\nd\n";
    assert_kinds(s, "IF NAME=a COLON NEWLINE INDENT IF NAME=b COLON NEWLINE INDENT NAME=c NEWLINE "
                    "DEDENT DEDENT NAME=d NEWLINE ENDMARKER");
    assert_spans(s, "1,0-1,2 1,3-1,4 1,4-1,5 1,5-1,6 2,0-2,4 2,4-2,6 2,7-2,8 2,8-2,9 2,9-2,10 "
                    "3,0-3,8 3,8-3,9 3,9-3,10 4,0-4,0 4,0-4,0 4,0-4,1 4,1-4,2 5,0-5,0");
}

Test(lexer, dedent_to_zero_at_eof_without_final_newline) {
    const char *s = "if a:\n  if b:\n    c";
    assert_kinds(s, "IF NAME=a COLON NEWLINE INDENT IF NAME=b COLON NEWLINE INDENT NAME=c NEWLINE "
                    "DEDENT DEDENT ENDMARKER");
    // The added NEWLINE sits just after the last line; the rest on line 4.
    assert_spans(s, "1,0-1,2 1,3-1,4 1,4-1,5 1,5-1,6 2,0-2,2 2,2-2,4 2,5-2,6 2,6-2,7 2,7-2,8 "
                    "3,0-3,4 3,4-3,5 3,5-3,6 4,0-4,0 4,0-4,0 4,0-4,0");
}

Test(lexer, partial_dedent) {
    assert_spans("if a:\n  if b:\n    c\n  d\ne\n",
                 "1,0-1,2 1,3-1,4 1,4-1,5 1,5-1,6 2,0-2,2 2,2-2,4 2,5-2,6 2,6-2,7 2,7-2,8 3,0-3,4 "
                 "3,4-3,5 3,5-3,6 4,2-4,2 4,2-4,3 4,3-4,4 5,0-5,0 5,0-5,1 5,1-5,2 6,0-6,0");
}

Test(lexer, blank_and_comment_lines_do_not_count) {
    const char *s = "if a:\n  b\n\n      # odd\n# zero\n  c\n";
    assert_kinds(s, "IF NAME=a COLON NEWLINE INDENT NAME=b NEWLINE NAME=c NEWLINE DEDENT ENDMARKER");
    assert_spans(s, "1,0-1,2 1,3-1,4 1,4-1,5 1,5-1,6 2,0-2,2 2,2-2,3 2,3-2,4 6,2-6,3 6,3-6,4 "
                    "7,0-7,0 7,0-7,0");
    // Only blank lines, only comments, trailing blanks without a newline.
    assert_spans("\n\n", "3,0-3,0");
    assert_spans("# c", "2,0-2,0");
    assert_spans("x = 1\n   ", "1,0-1,1 1,2-1,3 1,4-1,5 1,5-1,6 2,0-2,0");
    assert_spans("", "1,0-1,0");
    assert_kinds("if a:\n  b  # c", "IF NAME=a COLON NEWLINE INDENT NAME=b NEWLINE DEDENT ENDMARKER");
    assert_spans("if a:\n  b  # c", "1,0-1,2 1,3-1,4 1,4-1,5 1,5-1,6 2,0-2,2 2,2-2,3 2,8-2,9 3,0-3,0 "
                                    "3,0-3,0");
}

Test(lexer, tabs_indent) {
    const char *s = "if a:\n\tb\n\tif c:\n\t\td\n";
    assert_kinds(s, "IF NAME=a COLON NEWLINE INDENT NAME=b NEWLINE IF NAME=c COLON NEWLINE INDENT "
                    "NAME=d NEWLINE DEDENT DEDENT ENDMARKER");
    assert_spans(s, "1,0-1,2 1,3-1,4 1,4-1,5 1,5-1,6 2,0-2,1 2,1-2,2 2,2-2,3 3,1-3,3 3,4-3,5 "
                    "3,5-3,6 3,6-3,7 4,0-4,2 4,2-4,3 4,3-4,4 5,0-5,0 5,0-5,0 5,0-5,0");
    // A tab and eight spaces agree with tab size 8 but not with tab size 1.
    Err e = error_of("if x:\n\ta\n        b\n");
    cr_assert_eq(e.d.kind, DIAG_TAB);
    cr_assert(e.soft);
    diag_clear(&e.d);
}

Test(lexer, indentation_inside_brackets_is_ignored) {
    const char *s = "x = (1,\n      2,\n 3)\ny\n";
    assert_kinds(s, "NAME=x EQUAL LPAR NUMBER=1 COMMA NUMBER=2 COMMA NUMBER=3 RPAR NEWLINE NAME=y "
                    "NEWLINE ENDMARKER");
    assert_spans(s, "1,0-1,1 1,2-1,3 1,4-1,5 1,5-1,6 1,6-1,7 2,6-2,7 2,7-2,8 3,1-3,2 3,2-3,3 "
                    "3,3-3,4 4,0-4,1 4,1-4,2 5,0-5,0");
    assert_spans("x = [1,\n\n  # c\n     2]; y = {\n}\n",
                 "1,0-1,1 1,2-1,3 1,4-1,5 1,5-1,6 1,6-1,7 4,5-4,6 4,6-4,7 4,7-4,8 4,9-4,10 "
                 "4,11-4,12 4,13-4,14 5,0-5,1 5,1-5,2 6,0-6,0");
}

Test(lexer, backslash_continuation) {
    const char *s = "x = 1 + \\\n    2\n";
    assert_kinds(s, "NAME=x EQUAL NUMBER=1 PLUS NUMBER=2 NEWLINE ENDMARKER");
    assert_spans(s, "1,0-1,1 1,2-1,3 1,4-1,5 1,6-1,7 2,4-2,5 2,5-2,6 3,0-3,0");
    // At the start of a line the first backslash fixes the indentation.
    const char *t = "if 1:\n  \\\nx\n";
    assert_kinds(t, "IF NUMBER=1 COLON NEWLINE INDENT NAME=x NEWLINE DEDENT ENDMARKER");
    assert_spans(t, "1,0-1,2 1,3-1,4 1,4-1,5 1,5-1,6 2,0-2,2 3,0-3,1 3,1-3,2 4,0-4,0 4,0-4,0");
}

Test(lexer, indentation_errors) { CHECK_CASES(indent_errors); }

Test(lexer, indentation_errors_are_soft) {
    Err e = error_of("if x:\n  a\n b\n");
    cr_assert(e.soft && !e.resumable && !e.incomplete);
    diag_clear(&e.d);
}

Test(lexer, too_many_levels_of_indentation) {
    // 1,000 nested blocks: the 100th level fails (CPython's MAXINDENT).
    Buf b;
    buf_init(&b);
    for (int i = 0; i < 1000; i++) {
        for (int k = 0; k < i; k++) buf_putc(&b, ' ');
        buf_puts(&b, "if 1:\n");
    }
    Err e = first_error(b.data, b.len);
    cr_assert_eq(e.d.kind, DIAG_INDENTATION);
    cr_assert_str_eq(e.d.msg, "too many levels of indentation");
    cr_assert_eq(e.d.line, 101);
    cr_assert_eq(e.d.col, 0);
    cr_assert_eq(e.d.end_col, -1);
    diag_clear(&e.d);
    buf_free(&b);
}

Test(lexer, ninety_nine_levels_of_indentation_work) {
    Buf b;
    buf_init(&b);
    for (int i = 0; i < 99; i++) {
        for (int k = 0; k < i; k++) buf_putc(&b, ' ');
        buf_puts(&b, "if 1:\n");
    }
    for (int k = 0; k < 99; k++) buf_putc(&b, ' ');
    buf_puts(&b, "pass\n");
    Err e = first_error(b.data, b.len);
    cr_assert(!diag_is_set(&e.d), "%s", e.d.msg);
    buf_free(&b);
}

// --- tokens --------------------------------------------------------------------

Test(lexer, every_operator) {
    assert_kinds("( ) [ ] { } : , ; + - * / | & < > = . % == != <= >= ~ ^ << >> ** += -= *= /= %= "
                 "&= |= ^= <<= >>= **= // //= @ @= -> ... :=\n",
                 "LPAR RPAR LSQB RSQB LBRACE RBRACE COLON COMMA SEMI PLUS MINUS STAR SLASH VBAR "
                 "AMPER LESS GREATER EQUAL DOT PERCENT EQEQUAL NOTEQUAL LESSEQUAL GREATEREQUAL "
                 "TILDE CIRCUMFLEX LEFTSHIFT RIGHTSHIFT DOUBLESTAR PLUSEQUAL MINEQUAL STAREQUAL "
                 "SLASHEQUAL PERCENTEQUAL AMPEREQUAL VBAREQUAL CIRCUMFLEXEQUAL LEFTSHIFTEQUAL "
                 "RIGHTSHIFTEQUAL DOUBLESTAREQUAL DOUBLESLASH DOUBLESLASHEQUAL AT ATEQUAL RARROW "
                 "ELLIPSIS COLONEQUAL NEWLINE ENDMARKER");
    assert_kinds("a.b...c..d\n", "NAME=a DOT NAME=b ELLIPSIS NAME=c DOT DOT NAME=d NEWLINE ENDMARKER");
    assert_spans("a.b...c..d\n",
                 "1,0-1,1 1,1-1,2 1,2-1,3 1,3-1,6 1,6-1,7 1,7-1,8 1,8-1,9 1,9-1,10 1,10-1,11 2,0-2,0");
}

Test(lexer, keywords_and_names) {
    assert_kinds("False None True and as assert async await break class continue def del elif "
                 "else except finally for from global if import in is lambda nonlocal not or "
                 "pass raise return try while with yield\n",
                 "FALSE NONE TRUE AND AS ASSERT ASYNC AWAIT BREAK CLASS CONTINUE DEF DEL ELIF ELSE "
                 "EXCEPT FINALLY FOR FROM GLOBAL IF IMPORT IN IS LAMBDA NONLOCAL NOT OR PASS RAISE "
                 "RETURN TRY WHILE WITH YIELD NEWLINE ENDMARKER");
    // Soft keywords, prefixes of keywords, non-ASCII letters: names.
    const char *s = "iffy match case _ print Truely __init__ \xc3\xa9 x1 _x\n";
    assert_kinds(s, "NAME=iffy NAME=match NAME=case NAME=_ NAME=print NAME=Truely NAME=__init__ "
                    "NAME=\xc3\xa9 NAME=x1 NAME=_x NEWLINE ENDMARKER");
    assert_spans(s, "1,0-1,4 1,5-1,10 1,11-1,15 1,16-1,17 1,18-1,23 1,24-1,30 1,31-1,39 1,40-1,42 "
                    "1,43-1,45 1,46-1,48 1,48-1,49 2,0-2,0");
    // A combining mark continues an identifier (tokenize.py splits it; CPython does not).
    assert_kinds("\xd7\xa2\xd6\xb4\xd7\x91 = 1\n",
                 "NAME=\xd7\xa2\xd6\xb4\xd7\x91 EQUAL NUMBER=1 NEWLINE ENDMARKER");
}

Test(lexer, numbers) {
    const char *s = "0 00 0_0 7 1_000 0xDEAD_beef 0XFF 0o17 0O7_7 0b1010 0B1 1.5 1. .5 1e10 1E-5 "
                    "1e+5 1.5e3 1_000.5e1_0 0.0 00.5 0e0 09.5 1if 1else 2\n";
    assert_kinds(s, "NUMBER=0 NUMBER=00 NUMBER=0_0 NUMBER=7 NUMBER=1_000 NUMBER=0xDEAD_beef "
                    "NUMBER=0XFF NUMBER=0o17 NUMBER=0O7_7 NUMBER=0b1010 NUMBER=0B1 NUMBER=1.5 "
                    "NUMBER=1. NUMBER=.5 NUMBER=1e10 NUMBER=1E-5 NUMBER=1e+5 NUMBER=1.5e3 "
                    "NUMBER=1_000.5e1_0 NUMBER=0.0 NUMBER=00.5 NUMBER=0e0 NUMBER=09.5 NUMBER=1 IF "
                    "NUMBER=1 ELSE NUMBER=2 NEWLINE ENDMARKER");
    assert_spans(s, "1,0-1,1 1,2-1,4 1,5-1,8 1,9-1,10 1,11-1,16 1,17-1,28 1,29-1,33 1,34-1,38 "
                    "1,39-1,44 1,45-1,51 1,52-1,55 1,56-1,59 1,60-1,62 1,63-1,65 1,66-1,70 "
                    "1,71-1,75 1,76-1,80 1,81-1,86 1,87-1,98 1,99-1,102 1,103-1,107 1,108-1,111 "
                    "1,112-1,116 1,117-1,118 1,118-1,120 1,121-1,122 1,122-1,126 1,127-1,128 "
                    "1,128-1,129 2,0-2,0");
    // The keywords that may follow a number without a space.
    assert_kinds("x = 0o7and 1or 2\n",
                 "NAME=x EQUAL NUMBER=0o7 AND NUMBER=1 OR NUMBER=2 NEWLINE ENDMARKER");
}

Test(lexer, number_errors) { CHECK_CASES(number_errors); }

Test(lexer, imaginary_numbers_are_refused) {
    Err e = error_of("x = 1.5j\n");
    cr_assert_str_eq(e.d.msg, "imaginary numbers are not supported by aiopy");
    cr_assert(e.d.line == 1 && e.d.col == 4 && e.d.end_line == 1 && e.d.end_col == 8);
    // CPython accepts the literal: like a parser error, and lexing may go on.
    cr_assert(e.soft && e.resumable);
    diag_clear(&e.d);
}

Test(lexer, strings) {
    const char *s = "s = \"a\" + 'b' + \"\"\"c\nd\"\"\" + '''e''' + \"\" + ''\n";
    assert_kinds(s, "NAME=s EQUAL STRING=\"a\" PLUS STRING='b' PLUS STRING=\"\"\"c\nd\"\"\" PLUS "
                    "STRING='''e''' PLUS STRING=\"\" PLUS STRING='' NEWLINE ENDMARKER");
    assert_spans(s, "1,0-1,1 1,2-1,3 1,4-1,7 1,8-1,9 1,10-1,13 1,14-1,15 1,16-2,4 2,5-2,6 2,7-2,14 "
                    "2,15-2,16 2,17-2,19 2,20-2,21 2,22-2,24 2,24-2,25 3,0-3,0");
    // A backslash continues a single-quoted string and escapes a quote.
    const char *t = "s = 'a\\\nb' + \"it\\\"s\"\n";
    assert_kinds(t, "NAME=s EQUAL STRING='a\\\nb' PLUS STRING=\"it\\\"s\" NEWLINE ENDMARKER");
    assert_spans(t, "1,0-1,1 1,2-1,3 1,4-2,2 2,3-2,4 2,5-2,12 2,12-2,13 3,0-3,0");
}

Test(lexer, string_prefixes) {
    const char *s = "r\"\\d\" R\"x\" b\"x\" B\"x\" u\"x\" U\"x\" f\"x\" F\"x\" rb\"x\" Rb\"x\" bR\"x\" "
                    "BR\"x\" br\"x\" fr\"x\" Rf\"x\" rF\"x\" FR\"x\" ub\"x\"\n";
    assert_kinds(s, "STRING=r\"\\d\" STRING=R\"x\" STRING=b\"x\" STRING=B\"x\" STRING=u\"x\" "
                    "STRING=U\"x\" STRING=f\"x\" STRING=F\"x\" STRING=rb\"x\" STRING=Rb\"x\" "
                    "STRING=bR\"x\" STRING=BR\"x\" STRING=br\"x\" STRING=fr\"x\" STRING=Rf\"x\" "
                    "STRING=rF\"x\" STRING=FR\"x\" NAME=ub STRING=\"x\" NEWLINE ENDMARKER");
}

Test(lexer, fstrings_are_one_token) {
    const char *s = "x = f\"{a!r:>{w}}\" + F\"\"\"\n{b}\"\"\"\n";
    assert_kinds(s, "NAME=x EQUAL STRING=f\"{a!r:>{w}}\" PLUS STRING=F\"\"\"\n{b}\"\"\" NEWLINE "
                    "ENDMARKER");
    assert_spans(s, "1,0-1,1 1,2-1,3 1,4-1,17 1,18-1,19 1,20-2,6 2,6-2,7 3,0-3,0");
}

Test(lexer, string_errors) { CHECK_CASES(string_errors); }

Test(lexer, open_triple_quote_is_incomplete) {
    Err e = error_of("x = '''abc\n");
    cr_assert(e.incomplete && !e.soft);
    diag_clear(&e.d);
    e = error_of("x = 'abc\n");
    cr_assert(!e.incomplete);
    diag_clear(&e.d);
}

Test(lexer, bracket_errors) { CHECK_CASES(bracket_errors); }

Test(lexer, unclosed_bracket_is_soft_and_incomplete) {
    Err e = error_of("x = (1,\n2\n");
    cr_assert(e.soft && !e.resumable && e.incomplete);
    diag_clear(&e.d);
    e = error_of("x = )");
    cr_assert(!e.soft);
    diag_clear(&e.d);
}

Test(lexer, character_errors) { CHECK_CASES(char_errors); }

Test(lexer, unknown_characters_are_parser_errors) {
    CHECK_CASES(soft_errors);
    Err e = error_of("x = $");
    cr_assert(e.soft && e.resumable);
    diag_clear(&e.d);
}

// --- source text ---------------------------------------------------------------

Test(lexer, source_errors) { CHECK_CASES(source_errors); }

Test(lexer, crlf_cr_and_bom) {
    const char *s = "\xef\xbb\xbfx = 1\r\ny = 2\rz = '''a\r\nb'''";
    assert_kinds(s, "NAME=x EQUAL NUMBER=1 NEWLINE NAME=y EQUAL NUMBER=2 NEWLINE NAME=z EQUAL "
                    "STRING='''a\nb''' NEWLINE ENDMARKER");
    assert_spans(s, "1,0-1,1 1,2-1,3 1,4-1,5 1,5-1,6 2,0-2,1 2,2-2,3 2,4-2,5 2,5-2,6 3,0-3,1 "
                    "3,2-3,3 3,4-4,4 4,4-4,5 5,0-5,0");
}

Test(lexer, coding_declarations) {
    assert_kinds("# -*- coding: utf-8 -*-\nx\n", "NAME=x NEWLINE ENDMARKER");
    assert_kinds("#!/usr/bin/python\n# vim: set fileencoding=UTF_8 :\nx\n", "NAME=x NEWLINE ENDMARKER");
    // Only the first two lines count, and line 2 only after a comment.
    assert_kinds("x = 1\n# coding: latin-1\n", "NAME=x EQUAL NUMBER=1 NEWLINE ENDMARKER");
    Err e = error_of("# -*- coding: latin-1 -*-\nx = 1\n");
    cr_assert_eq(e.d.kind, DIAG_SYNTAX);
    cr_assert_str_eq(e.d.msg, "encoding problem: latin-1 is not supported by aiopy (source code "
                              "must be UTF-8)");
    cr_assert_eq(e.d.line, 0);
    diag_clear(&e.d);
}

Test(lexer, source_lines_are_indexed) {
    Source src;
    load(&src, "a\r\nbc\rd\n", 8);
    size_t n;
    const char *l = lx_source_line(&src, 2, &n);
    cr_assert(l && n == 2 && memcmp(l, "bc", 2) == 0);
    l = lx_source_line(&src, 3, &n);
    cr_assert(l && n == 1 && l[0] == 'd');
    l = lx_source_line(&src, 4, &n);
    cr_assert(l && n == 0);
    cr_assert_null(lx_source_line(&src, 5, &n));
    cr_assert_null(lx_source_line(&src, 0, &n));
    lx_source_free(&src);
    // The line of a NUL byte is shown up to the NUL.
    load(&src, "x = 1\nab\0cd\n", 12);
    cr_assert_str_eq(src.defect.msg, "source code cannot contain null bytes");
    l = lx_source_line(&src, 2, &n);
    cr_assert(l && n == 2 && memcmp(l, "ab", 2) == 0);
    lx_source_free(&src);
}

Test(lexer, loads_files) {
    char path[] = "/tmp/aiopy_lexer_XXXXXX";
    int fd = mkstemp(path);
    cr_assert(fd >= 0);
    FILE *f = fdopen(fd, "wb");
    fputs("if x:\r\n    y\r\n", f);
    fclose(f);
    Source src;
    Diag d;
    diag_init(&d);
    cr_assert(lx_source_load_file(&src, path, &d));
    cr_assert_str_eq(src.text, "if x:\n    y\n");
    cr_assert_str_eq(src.name, path);
    cr_assert_eq(src.nlines, 3);
    lx_source_free(&src);
    remove(path);
    cr_assert_not(lx_source_load_file(&src, "/nonexistent/dir/f.py", &d));
    cr_assert(!diag_is_set(&d));
}

// --- limits ----------------------------------------------------------------------

Test(lexer, hundred_thousand_parentheses) {
    size_t n = 100000;
    char *s = malloc(n);
    memset(s, '(', n);
    Err e = first_error(s, n);
    cr_assert_str_eq(e.d.msg, "too many nested parentheses");
    cr_assert(e.d.line == 1 && e.d.col == 200 && e.d.end_col == 200);
    diag_clear(&e.d);
    free(s);
}

Test(lexer, two_hundred_parentheses_work) {
    char s[401];
    memset(s, '(', 200);
    memset(s + 200, ')', 200);
    s[400] = '\0';
    Err e = error_of(s);
    cr_assert(!diag_is_set(&e.d));
}

Test(lexer, four_megabyte_line) {
    // One line of 4 MB: a long name, a long string and many small tokens.
    size_t n = 4u << 20;
    char *s = malloc(n + 1);
    size_t i = 0;
    memset(s, 'a', n / 4);
    i = n / 4;
    s[i++] = '=';
    s[i++] = '"';
    memset(s + i, 'b', n / 4);
    i += n / 4;
    s[i++] = '"';
    while (i + 2 < n) {
        s[i++] = '+';
        s[i++] = '1';
    }
    s[i++] = '\n';
    Source src;
    load(&src, s, i);
    Lexer lx;
    lx_init(&lx, &src);
    Token t;
    long count = 0;
    while (lx_next(&lx, &t) && t.kind != TK_ENDMARKER) {
        if (count == 0) cr_assert(t.kind == TK_NAME && t.len == n / 4);
        if (count == 2) cr_assert(t.kind == TK_STRING && t.col == (int)(n / 4 + 1));
        count++;
    }
    cr_assert_eq(t.kind, TK_ENDMARKER);
    cr_assert_eq(count, 4 + (long)((i - 1 - (n / 2 + 3)) / 2) * 2);
    lx_free(&lx);
    lx_source_free(&src);
    free(s);
}

// --- after a parser error: CPython looks for tokenizer errors further on --------

Test(lexer, check_rest_finds_later_tokenizer_errors) {
    Source src;
    load(&src, "x = $\n'abc\n", 11);
    Lexer lx;
    lx_init(&lx, &src);
    Token t;
    while (lx_next(&lx, &t)) {}
    cr_assert(lx.soft_error && lx.resumable);
    Diag d;
    diag_init(&d);
    diag_set(&d, DIAG_SYNTAX, 1, 4, 1, 5, "invalid syntax");
    cr_assert(lx_check_rest(&lx, &d));
    cr_assert_str_eq(d.msg, "unterminated string literal (detected at line 2)");
    cr_assert(d.line == 2 && d.col == 0);
    diag_clear(&d);
    lx_free(&lx);
    lx_source_free(&src);
}

Test(lexer, check_rest_ignores_soft_errors) {
    // An unclosed bracket or a bad dedent later on does not replace the
    // parser's error (CPython: "invalid syntax" for these).
    const char *cases[] = {"x = = 1\n(\n", "x = = 1\n  y\n z\n", "x = = 1\ny = 1 \\ z\n"};
    for (size_t i = 0; i < 3; i++) {
        Source src;
        load(&src, cases[i], strlen(cases[i]));
        Lexer lx;
        lx_init(&lx, &src);
        Token t;
        for (int k = 0; k < 3; k++) cr_assert(lx_next(&lx, &t));   // x = =
        Diag d;
        diag_init(&d);
        diag_set(&d, DIAG_SYNTAX, 1, 4, 1, 5, "invalid syntax");
        cr_assert_not(lx_check_rest(&lx, &d), "case %zu", i);
        cr_assert_str_eq(d.msg, "invalid syntax");
        diag_clear(&d);
        lx_free(&lx);
        lx_source_free(&src);
    }
}

Test(lexer, check_rest_reports_a_bracket_open_before_the_error) {
    // CPython: "'(' was never closed" when lexing stops inside a bracket
    // opened on a line before the parser's error.
    const char *cases[] = {"x = (1,\ny = = 2\n", "x = (1 +\ny = = 2 \\ z\n"};
    for (size_t i = 0; i < 2; i++) {
        Source src;
        load(&src, cases[i], strlen(cases[i]));
        Lexer lx;
        lx_init(&lx, &src);
        Token t;
        for (int k = 0; k < 8; k++) cr_assert(lx_next(&lx, &t));   // up to the second "="
        cr_assert(t.kind == TK_EQUAL && t.line == 2 && t.col == 4);
        Diag d;
        diag_init(&d);
        diag_set(&d, DIAG_SYNTAX, 2, 4, 2, 5, "invalid syntax");
        cr_assert(lx_check_rest(&lx, &d), "case %zu", i);
        cr_assert_str_eq(d.msg, "'(' was never closed");
        cr_assert(d.line == 1 && d.col == 4 && d.end_line == 1 && d.end_col == -1);
        diag_clear(&d);
        lx_free(&lx);
        lx_source_free(&src);
    }
}

// --- f-string fragments ----------------------------------------------------------

Test(lexer, fragment_positions_are_in_the_source) {
    const char *text = "y = f'{a +\n  b!r}'\n";
    Source src;
    load(&src, text, strlen(text));
    const char *start = src.text + 7, *end = src.text + 16;   // "a +\n  b!r"
    Lexer lx;
    lx_init_fragment(&lx, &src, start, end, 1, 7);
    Buf b;
    buf_init(&b);
    Token t;
    while (lx_next(&lx, &t)) {
        buf_printf(&b, "%s %d,%d-%d,%d;", lx_token_name(t.kind), t.line, t.col, t.end_line, t.end_col);
        if (t.kind == TK_ENDMARKER) break;
    }
    // No NEWLINE inside; '!' is a token of its own here.
    cr_assert_str_eq(b.data, "NAME 1,7-1,8;PLUS 1,9-1,10;NAME 2,2-2,3;EXCLAMATION 2,3-2,4;"
                             "NAME 2,4-2,5;ENDMARKER 2,5-2,5;");
    buf_free(&b);
    lx_free(&lx);
    lx_source_free(&src);
}

// --- literals ----------------------------------------------------------------------

static NumLit number(Arena *a, const char *s) {
    NumLit n;
    Diag d;
    diag_init(&d);
    cr_assert(lx_decode_number(s, strlen(s), a, &n, &d, 1, 0), "%s", s);
    return n;
}

Test(lexer, decodes_numbers) {
    Arena a;
    arena_init(&a);
    NumLit n = number(&a, "1_000");
    cr_assert(n.is_small && !n.is_float && n.ival == 1000);
    n = number(&a, "0xDEAD_beef");
    cr_assert(n.is_small && n.ival == 0xDEADBEEF);
    n = number(&a, "0o17");
    cr_assert(n.is_small && n.ival == 15);
    n = number(&a, "0b1010");
    cr_assert(n.is_small && n.ival == 10);
    n = number(&a, "9223372036854775807");
    cr_assert(n.is_small && n.ival == INT64_MAX);
    n = number(&a, "9223372036854775808");
    cr_assert(!n.is_small && n.base == 10);
    cr_assert_str_eq(n.digits, "9223372036854775808");
    n = number(&a, "0x_1_0000_0000_0000_0000");
    cr_assert(!n.is_small && n.base == 16);
    cr_assert_str_eq(n.digits, "10000000000000000");
    n = number(&a, "1_000.5e1_0");
    cr_assert(n.is_float && n.fval == 1000.5e10);
    n = number(&a, ".5");
    cr_assert(n.is_float && n.fval == 0.5);
    n = number(&a, "1e400");
    cr_assert(n.is_float && n.fval > 1e308);   // inf, as in CPython
    n = number(&a, "0x1e5");
    cr_assert(n.is_small && n.ival == 0x1e5);
    arena_free(&a);
}

Test(lexer, decimal_digit_limit) {
    Arena a;
    arena_init(&a);
    char s[4302];
    memset(s, '7', 4301);
    s[4301] = '\0';
    NumLit n;
    Diag d;
    diag_init(&d);
    cr_assert_not(lx_decode_number(s, 4301, &a, &n, &d, 3, 4));
    cr_assert_str_eq(d.msg, "Exceeds the limit (4300 digits) for integer string conversion: value "
                            "has 4301 digits; use sys.set_int_max_str_digits() to increase the "
                            "limit - Consider hexadecimal for huge integer literals to avoid "
                            "decimal conversion limits.");
    cr_assert(d.line == 3 && d.col == -1 && d.end_col == -1);
    diag_clear(&d);
    cr_assert(lx_decode_number(s, 4300, &a, &n, &d, 3, 4));   // 4300 is fine
    cr_assert(!n.is_small && n.base == 10);
    arena_free(&a);
}

// Decodes a whole STRING token; returns the value or "!message".
static char *decode(const char *tok) {
    StrPrefix p;
    const char *body;
    size_t len;
    int q;
    lx_string_parts(tok, strlen(tok), &p, &body, &len, &q);
    Buf b;
    buf_init(&b);
    Diag d;
    diag_init(&d);
    if (!lx_decode_string_body(body, len, p, &b, &d, 1, 4)) {
        buf_clear(&b);
        buf_printf(&b, "!%s", d.msg);
        diag_clear(&d);
    }
    return buf_steal(&b, NULL);
}

#define assert_decodes(tok, expected)                                         \
    do {                                                                      \
        char *got_ = decode(tok);                                             \
        cr_assert_str_eq(got_, expected);                                     \
        free(got_);                                                           \
    } while (0)

Test(lexer, string_parts) {
    StrPrefix p;
    const char *body;
    size_t len;
    int q;
    const char *s = "Rb'''a'b'''";
    lx_string_parts(s, strlen(s), &p, &body, &len, &q);
    cr_assert(p.raw && p.bytes && !p.fstring && !p.unicode && q == 3 && len == 3);
    cr_assert(memcmp(body, "a'b", 3) == 0);
    s = "f\"\"";
    lx_string_parts(s, strlen(s), &p, &body, &len, &q);
    cr_assert(p.fstring && q == 1 && len == 0);
}

Test(lexer, decodes_escapes) {
    assert_decodes("'a\\nb\\tc\\\\d\\'e\\\"f'", "a\nb\tc\\d'e\"f");
    assert_decodes("'\\a\\b\\f\\v\\r'", "\a\b\f\v\r");
    assert_decodes("'\\0\\101\\1012\\777'", "\0" "A" "A2" "\xc7\xbf");
    assert_decodes("'\\x41\\u00e9\\U0001F600'", "A\xc3\xa9\xf0\x9f\x98\x80");
    assert_decodes("'a\\\nb'", "ab");                 // line continuation
    assert_decodes("'\\d\\q\\%'", "\\d\\q\\%");        // unknown escapes stay (CPython warns)
    assert_decodes("r'\\n\\x'", "\\n\\x");
    assert_decodes("b'\\x41\\777\\401\\u1234\\N{DASH}'", "A\xff\x01\\u1234\\N{DASH}");
    assert_decodes("rb'\\x'", "\\x");
    assert_decodes("'\xc3\xa9'", "\xc3\xa9");
}

Test(lexer, escape_errors) {
    // Messages as CPython 3.11 gives them; positions count each non-ASCII
    // character as 10 (CPython's \UXXXXXXXX rewrite before decoding).
    assert_decodes("\"\\x\"", "!(unicode error) 'unicodeescape' codec can't decode bytes in "
                              "position 0-1: truncated \\xXX escape");
    assert_decodes("\"\\x4g\"", "!(unicode error) 'unicodeescape' codec can't decode bytes in "
                                "position 0-2: truncated \\xXX escape");
    assert_decodes("\"ab\\x4\"", "!(unicode error) 'unicodeescape' codec can't decode bytes in "
                                 "position 2-4: truncated \\xXX escape");
    assert_decodes("\"\\u12g4\"", "!(unicode error) 'unicodeescape' codec can't decode bytes in "
                                  "position 0-3: truncated \\uXXXX escape");
    assert_decodes("\"\\U0001F60\"", "!(unicode error) 'unicodeescape' codec can't decode bytes "
                                     "in position 0-8: truncated \\UXXXXXXXX escape");
    assert_decodes("\"\\U00110000\"", "!(unicode error) 'unicodeescape' codec can't decode bytes "
                                      "in position 0-9: illegal Unicode character");
    assert_decodes("\"\\N\"", "!(unicode error) 'unicodeescape' codec can't decode bytes in "
                              "position 0-1: malformed \\N character escape");
    assert_decodes("\"\\N{\"", "!(unicode error) 'unicodeescape' codec can't decode bytes in "
                               "position 0-2: malformed \\N character escape");
    assert_decodes("\"\xc3\xa9\\xZ\"", "!(unicode error) 'unicodeescape' codec can't decode "
                                       "bytes in position 10-11: truncated \\xXX escape");
    assert_decodes("\"\xe2\x82\xac\xe2\x82\xac\\x\"", "!(unicode error) 'unicodeescape' codec "
                                                      "can't decode bytes in position 20-21: "
                                                      "truncated \\xXX escape");
    assert_decodes("\"\"\"a\\nb\\x\"\"\"", "!(unicode error) 'unicodeescape' codec can't decode "
                                          "bytes in position 4-5: truncated \\xXX escape");
    assert_decodes("b\"\\x4\"", "!(value error) invalid \\x escape at position 0");
    assert_decodes("b\"\xc3\xa9\"", "!bytes can only contain ASCII literal characters");
    assert_decodes("\"\\N{LATIN SMALL LETTER A}\"", "!\\N{...} escapes are not supported by aiopy");
}

// --- the --tokens printer --------------------------------------------------------------

Test(lexer, dump_matches_tokenize) {
    // python3 -m tokenize -e, without its COMMENT, NL and ENCODING lines.
    const char *src = "\xc3\xa9 = \"\xc3\xbc\xe2\x82\xac\x01\x7f\xc2\xa0\xe2\x80\xa8\xf0\x9f\x98\x80\t\" + "
                      "f\"{\xc3\xa9!r}\"\t# c\n\xcf\x80=1; s = \"it's\" + 'q\"' + '''a\nb'''\n\fif "
                      "\xcf\x80:\n\tpass\n";
    const char *expected =
        "1,0-1,1:            NAME           '\xc3\xa9'            \n"
        "1,2-1,3:            EQUAL          '='            \n"
        "1,4-1,14:           STRING         '\"\xc3\xbc\xe2\x82\xac\\x01\\x7f\\xa0\\u2028\xf0\x9f\x98\x80\\t\"'\n"
        "1,15-1,16:          PLUS           '+'            \n"
        "1,17-1,25:          STRING         'f\"{\xc3\xa9!r}\"'     \n"
        "1,29-1,30:          NEWLINE        '\\n'           \n"
        "2,0-2,1:            NAME           '\xcf\x80'            \n"
        "2,1-2,2:            EQUAL          '='            \n"
        "2,2-2,3:            NUMBER         '1'            \n"
        "2,3-2,4:            SEMI           ';'            \n"
        "2,5-2,6:            NAME           's'            \n"
        "2,7-2,8:            EQUAL          '='            \n"
        "2,9-2,15:           STRING         '\"it\\'s\"'      \n"
        "2,16-2,17:          PLUS           '+'            \n"
        "2,18-2,22:          STRING         '\\'q\"\\''       \n"
        "2,23-2,24:          PLUS           '+'            \n"
        "2,25-3,4:           STRING         \"'''a\\nb'''\"   \n"
        "3,4-3,5:            NEWLINE        '\\n'           \n"
        "4,1-4,3:            NAME           'if'           \n"
        "4,4-4,5:            NAME           '\xcf\x80'            \n"
        "4,5-4,6:            COLON          ':'            \n"
        "4,6-4,7:            NEWLINE        '\\n'           \n"
        "5,0-5,1:            INDENT         '\\t'           \n"
        "5,1-5,5:            NAME           'pass'         \n"
        "5,5-5,6:            NEWLINE        '\\n'           \n"
        "6,0-6,0:            DEDENT         ''             \n"
        "6,0-6,0:            ENDMARKER      ''             \n";
    bool ok;
    char *out = dump_of(src, strlen(src), &ok);
    cr_assert(ok);
    cr_assert_str_eq(out, expected);
    free(out);
}

Test(lexer, dump_without_final_newline) {
    bool ok;
    char *out = dump_of("if x:\n  y  # c", 14, &ok);
    cr_assert(ok);
    cr_assert_str_eq(out, "1,0-1,2:            NAME           'if'           \n"
                          "1,3-1,4:            NAME           'x'            \n"
                          "1,4-1,5:            COLON          ':'            \n"
                          "1,5-1,6:            NEWLINE        '\\n'           \n"
                          "2,0-2,2:            INDENT         '  '           \n"
                          "2,2-2,3:            NAME           'y'            \n"
                          "2,8-2,9:            NEWLINE        ''             \n"
                          "3,0-3,0:            DEDENT         ''             \n"
                          "3,0-3,0:            ENDMARKER      ''             \n");
    free(out);
}

Test(lexer, dump_stops_at_an_error) {
    bool ok;
    char *out = dump_of("x = 1\ny = 'abc\n", 15, &ok);
    cr_assert_not(ok);
    cr_assert_str_eq(out, "1,0-1,1:            NAME           'x'            \n"
                          "1,2-1,3:            EQUAL          '='            \n"
                          "1,4-1,5:            NUMBER         '1'            \n"
                          "1,5-1,6:            NEWLINE        '\\n'           \n"
                          "2,0-2,1:            NAME           'y'            \n"
                          "2,2-2,3:            EQUAL          '='            \n");
    free(out);
}

Test(lexer, token_names) {
    cr_assert_str_eq(lx_token_name(TK_ENDMARKER), "ENDMARKER");
    cr_assert_str_eq(lx_token_name(TK_DOUBLESLASHEQUAL), "DOUBLESLASHEQUAL");
    cr_assert_str_eq(lx_token_name(TK_YIELD), "YIELD");
    cr_assert_str_eq(lx_token_name(-5), "ERRORTOKEN");
}

Test(lexer, after_endmarker_keeps_returning_endmarker) {
    Source src;
    load(&src, "x", 1);
    Lexer lx;
    lx_init(&lx, &src);
    Token t;
    int n = 0;
    while (lx_next(&lx, &t) && t.kind != TK_ENDMARKER) n++;
    cr_assert_eq(n, 2);   // NAME NEWLINE
    for (int i = 0; i < 3; i++) {
        cr_assert(lx_next(&lx, &t));
        cr_assert_eq(t.kind, TK_ENDMARKER);
    }
    lx_free(&lx);
    lx_source_free(&src);
}
