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

// [src] may be NULL (then no source line is shown); [show_source] is false
// for the REPL, where CPython still shows the line (it keeps the input).
void ps_report(FILE *out, const char *filename, const Source *src, const Diag *d);

#endif // PARSER_REPORT_H
