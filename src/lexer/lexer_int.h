// Internal interface between the raw scanner (lexer.re) and the layout layer
// (indent.c). Private to src/lexer.
#ifndef LEXER_LEXER_INT_H
#define LEXER_LEXER_INT_H
#include <stdarg.h>
#include <stdbool.h>

#include "lexer/lexer.h"

// lx_scan results besides TK_* codes (which are > 0).
enum {
    LX_RAW_NEWLINE = -1,   // a '\n' outside strings; [tok] spans it
    LX_RAW_EOF = -2,       // end of input; lx->cur == lx->lim
    LX_RAW_ERROR = -3,     // lx->diag is set
};

// Scans one raw token at lx->cur: skips blanks, comments and backslash
// continuations; keeps lx->line/line_start current across multi-line tokens.
int lx_scan(Lexer *lx, Token *tok);

// Records an error (first one only) and returns false. Columns are 0-based
// bytes, mirroring CPython's 1-based offsets minus one.
bool lx_fail(Lexer *lx, bool soft, DiagKind kind, int line, int col, int end_line,
             int end_col, const char *fmt, ...) __attribute__((format(printf, 8, 9)));
bool lx_vfail(Lexer *lx, bool soft, DiagKind kind, int line, int col, int end_line,
              int end_col, const char *fmt, va_list ap);
// Reports the end of the readable text: the source defect (bad UTF-8, NUL)
// if there is one there. Returns true when it did.
bool lx_fail_defect(Lexer *lx);
// Byte column of the character just before [p] on the current line, -1 at
// the line start: where CPython points when it reports "at tok->cur".
int lx_col_before(const Lexer *lx, const char *p);
// CPython's line number at end of input (a final LF does not open a line).
int lx_eof_lineno(const Lexer *lx);

#endif // LEXER_LEXER_INT_H
