// Printing a Diag the way CPython 3.11 prints an uncaught SyntaxError.
// The steps follow CPython's pythonrun.c (print_exception, then
// print_error_text) one for one, quirks included, because golden tests
// compare aiopy's stderr byte for byte with CPython's:
//  * the Diag's 0-based byte columns become CPython's 1-based offsets, in
//    characters or in bytes depending on who raised the error in CPython
//    and how the program was read (see column_unit);
//  * only plain SyntaxError has an end: IndentationError and TabError get one
//    caret; an error spanning lines is underlined to the end of its first
//    line; carets never run more than one past the end of the text;
//  * leading spaces, tabs and form feeds are stripped from the shown line
//    and the caret moves left with them; a caret left of the text (offset 0,
//    e.g. errors at end of file) is not printed at all;
//  * the text stops at a NUL byte, as CPython's C strings do;
//  * errors of CPython's symtable and compiler show no source line for a
//    program from a string or stdin (they reread the file to find it).
// Nothing here allocates, so a report can be printed when memory is gone.
#include "parser/report.h"

#include <stdbool.h>
#include <string.h>

#include "util/utf8.h"

// Messages raised by CPython's tokenizer itself: it measures their column by
// decoding the line, so they are in characters whatever the input.
static const char *const tokenizer_msgs[] = {
    "unterminated string literal",
    "unterminated triple-quoted string literal",
    "unmatched '",
    "closing parenthesis '",
    "invalid character '",
    "invalid non-printable character",
    "invalid decimal literal",
    "invalid hexadecimal literal",
    "invalid octal literal",
    "invalid binary literal",
    "invalid digit '",
    "too many nested parentheses",
};
// The one tokenizer error with an explicit range, which CPython computes in
// bytes and never converts.
static const char tokenizer_byte_msg[] = "leading zeros in decimal integer literals";

// Messages raised after parsing, by CPython's symtable and compiler: they
// take their text by reading the file again, so a program from a string or
// stdin shows no source line for them.
static const char *const compiler_msgs[] = {
    "duplicate argument '",
    "'return' outside function",
    "'yield' outside function",
    "'await' outside function",
    "'await' outside async function",
    "'yield from' inside async function",
    "'break' outside loop",
    "'continue' not properly in loop",
    "name '",   // ... is parameter and global, is used prior to global declaration...
    "nonlocal declaration not allowed at module level",
    "no binding for nonlocal '",
    "default 'except:' must be last",
    "'return' with value in async generator",
    "asynchronous comprehension outside of an asynchronous function",
    "'async with' outside async function",
    "'async for' outside async function",
    "import * only allowed at module level",
    "multiple starred expressions in assignment",
    "starred assignment target must be in a list or tuple",
    "can't use starred expression here",
    "too many expressions in star-unpacking assignment",
    "'yield' inside ",   // list comprehension, generator expression...
    "assignment expression cannot be used in a comprehension iterable expression",
    "assignment expression within a comprehension cannot be used in a class body",
    "assignment expression cannot rebind comprehension iteration variable",
    "comprehension inner loop cannot rebind assignment expression target",
    "annotated name '",
    "cannot assign to __debug__",
    "keyword argument repeated: ",
    "too many statically nested blocks",
};

typedef enum Unit { UNIT_BYTES, UNIT_CHARS } Unit;

// The error line as CPython's SyntaxError.text would hold it.
typedef struct Text {
    const char *s;
    size_t len;      // bytes, including a kept trailing '\n'
} Text;

static bool starts_with(const char *s, const char *prefix) {
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

static bool in_list(const char *msg, const char *const *list, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (starts_with(msg, list[i])) return true;
    return false;
}

static bool is_tokenizer_msg(const char *msg) {
    return in_list(msg, tokenizer_msgs, sizeof tokenizer_msgs / sizeof tokenizer_msgs[0]);
}

static bool is_compiler_msg(const char *msg) {
    return in_list(msg, compiler_msgs, sizeof compiler_msgs / sizeof compiler_msgs[0]);
}

// CPython 3.11 converts parser-error columns to characters only when its
// tokenizer knows an encoding, which is the case for strings (-c, the REPL)
// but not for files or piped stdin without a coding cookie.
static Unit column_unit(const char *msg, ReportInput how) {
    if (starts_with(msg, tokenizer_byte_msg)) return UNIT_BYTES;
    if (is_tokenizer_msg(msg)) return UNIT_CHARS;
    return how == REPORT_STRING ? UNIT_CHARS : UNIT_BYTES;
}

// Finds the text of [line]. A line past the end is empty text (CPython's
// file fallback); no Source means no text at all.
static bool error_text(const Source *src, int line, bool keep_newline, Text *t) {
    if (!src || !src->text || line <= 0) return false;
    size_t len = 0;
    const char *p = lx_source_line(src, line, &len);
    if (!p) {
        t->s = "";
        t->len = 0;
        return true;
    }
    const char *nul = memchr(p, '\0', len);
    bool truncated = nul != NULL;
    if (truncated) len = (size_t)(nul - p);
    // The newline is part of the text when the line has one in the buffer.
    const char *end = src->text + src->len;
    if (keep_newline && !truncated && p >= src->text && p + len < end && p[len] == '\n')
        len++;
    t->s = p;
    t->len = len;
    return true;
}

// A 0-based byte column as CPython's 1-based offset. -1 (no column) gives
// offset 0, which hides the caret.
static long to_offset(const Text *t, int col, Unit unit) {
    if (col < 0) return (long)col + 1;
    if (unit == UNIT_BYTES) return (long)col + 1;
    size_t c = (size_t)col;
    if (c > t->len) c = t->len;
    return (long)utf8_count(t->s, c) + 1;
}

static void put_repeated(FILE *out, int ch, long n) {
    for (long i = 0; i < n; i++) fputc(ch, out);
}

// pythonrun.c's print_error_text: the stripped line, then the carets.
static void print_error_text(FILE *out, long offset, long end_offset, const Text *t) {
    long carets = (end_offset > 0 && end_offset > offset) ? end_offset - offset : 1;
    offset--;   // 1-based to 0-based
    const char *s = t->s;
    size_t n = t->len;
    while (n > 0 && (*s == ' ' || *s == '\t' || *s == '\f')) {
        s++;
        n--;
        offset--;
    }
    long len = (long)n;
    if (len > 0 && s[len - 1] == '\n') len--;
    if (offset > len) offset = len;
    fputs("    ", out);
    fwrite(s, 1, n, out);
    if (n == 0 || s[n - 1] != '\n') fputc('\n', out);
    if (offset < 0) return;
    fputs("    ", out);
    put_repeated(out, ' ', offset);
    put_repeated(out, '^', carets);
    fputc('\n', out);
}

static void print_location(FILE *out, const char *filename, const Source *src,
                           const Diag *d, ReportInput how) {
    const char *msg = d->msg ? d->msg : "";
    bool plain = d->kind == DIAG_SYNTAX;   // subclasses have no end position
    int end_line = plain && d->end_line > 0 ? d->end_line : d->line;
    fprintf(out, "  File \"%s\", line %d\n", filename, d->line);

    bool tokenizer = is_tokenizer_msg(msg);
    bool multi_line = end_line > d->line;
    // Files give CPython the physical line with its newline; strings and
    // stdin give the tokenizer's copy, which lacks it for an earlier line.
    bool keep_newline = !tokenizer && (how == REPORT_FILE || !multi_line);
    if (how != REPORT_FILE && is_compiler_msg(msg)) return;   // no file to reread
    Text t;
    if (!error_text(src, d->line, keep_newline, &t)) return;

    Unit unit = column_unit(msg, how);
    long offset = to_offset(&t, d->col, unit);
    long end_offset = -1;
    if (plain) end_offset = d->end_col < 0 ? (long)d->end_col + 1 : to_offset(&t, d->end_col, unit);
    long line_size = (long)t.len;
    if (multi_line) end_offset = line_size;
    if (end_offset > line_size + 1) end_offset = line_size + 1;
    print_error_text(out, offset, end_offset, &t);
}

void ps_report_from(FILE *out, const char *filename, const Source *src, const Diag *d,
                    ReportInput how) {
    fflush(stdout);   // as CPython: program output first, then the error
    const char *msg = d->msg ? d->msg : "";
    // Errors raised while compiling have no traceback entries, so
    // MemoryError and RecursionError show only their last line; a
    // SyntaxError without a line (bad UTF-8) shows no location either.
    // (line -1: an error compile.c meets after an artificial instruction.)
    bool located = d->kind != DIAG_MEMORY && d->kind != DIAG_RECURSION && d->line != 0;
    if (located) print_location(out, filename ? filename : "<unknown>", src, d, how);
    const char *name = diag_kind_name(d->kind);
    if (*msg)
        fprintf(out, "%s: %s\n", name, msg);
    else
        fprintf(out, "%s\n", name);
    fflush(out);
}

void ps_report(FILE *out, const char *filename, const Source *src, const Diag *d) {
    ps_report_from(out, filename, src, d, REPORT_FILE);
}
