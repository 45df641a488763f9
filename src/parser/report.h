// Printing compile-time errors exactly as CPython 3.11 does:
//   File "NAME", line N
//     <source line, leading whitespace stripped>
//     <carets under the error's column range>
// SyntaxError: MESSAGE
#ifndef PARSER_REPORT_H
#define PARSER_REPORT_H
#include <stdio.h>

#include "lexer/source.h"
#include "util/diag.h"

// How the program reached the compiler. CPython 3.11 words its SyntaxError
// the same way for all three, but parser errors on a line with non-ASCII
// text before the error get *byte* columns for files and piped stdin and
// character columns for strings, and the text of a multi-line error keeps
// its newline only for files; the printer reproduces both.
typedef enum ReportInput {
    REPORT_FILE,     // `aiopy FILE`
    REPORT_STDIN,    // `aiopy -`, `cat FILE | aiopy`
    REPORT_STRING,   // `aiopy -c CMD`, the REPL, compile()/exec() of a str
} ReportInput;

// [src] may be NULL (then no source line is shown). A Diag column of -1
// means "no column" (CPython's offset 0: no caret); an end column below 0
// means "no end" (one caret). MemoryError and RecursionError print only
// their last line, as CPython does for errors raised while compiling.
void ps_report(FILE *out, const char *filename, const Source *src, const Diag *d);
void ps_report_from(FILE *out, const char *filename, const Source *src, const Diag *d,
                    ReportInput how);

#endif // PARSER_REPORT_H
