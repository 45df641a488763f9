// Diag: a compile-time error (SyntaxError and its relatives) as plain data.
// The lexer, the parser and the compiler fill one in; the front end never
// touches runtime objects, so the VM turns a Diag into an exception object and
// the CLI prints it the way CPython 3.11 does (src/parser/report.c).
#ifndef UTIL_DIAG_H
#define UTIL_DIAG_H
#include <stdarg.h>
#include <stdbool.h>

typedef enum DiagKind {
    DIAG_NONE = 0,
    DIAG_SYNTAX,        // SyntaxError
    DIAG_INDENTATION,   // IndentationError
    DIAG_TAB,           // TabError
    DIAG_MEMORY,        // MemoryError (parser stack or nesting exhausted)
    DIAG_RECURSION,     // RecursionError (... during compilation)
} DiagKind;

typedef struct Diag {
    DiagKind kind;
    char *msg;                 // malloc'd; NULL when kind == DIAG_NONE
    // Location: 1-based lines, 0-based *byte* columns into the line (the
    // printer converts to characters for the caret). line == 0 means no
    // location (then no "File" line is printed, as for a Non-UTF-8 error).
    int line, col, end_line, end_col;
} Diag;

void diag_init(Diag *d);
void diag_clear(Diag *d);
// Records the first error only: later calls on a set Diag are ignored, so the
// earliest problem is the one reported (CPython reports the first, too).
void diag_set(Diag *d, DiagKind kind, int line, int col, int end_line, int end_col,
              const char *fmt, ...) __attribute__((format(printf, 7, 8)));
void diag_vset(Diag *d, DiagKind kind, int line, int col, int end_line, int end_col,
               const char *fmt, va_list ap);
static inline bool diag_is_set(const Diag *d) { return d->kind != DIAG_NONE; }
// "SyntaxError", "IndentationError", ...
const char *diag_kind_name(DiagKind kind);

#endif // UTIL_DIAG_H
