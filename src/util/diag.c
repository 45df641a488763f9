// Compile-time diagnostics as data: see diag.h.
#include "util/diag.h"

#include <stdlib.h>

#include "util/buf.h"

void diag_init(Diag *d) {
    d->kind = DIAG_NONE;
    d->msg = NULL;
    d->line = d->col = d->end_line = d->end_col = 0;
}

void diag_clear(Diag *d) {
    free(d->msg);
    diag_init(d);
}

void diag_vset(Diag *d, DiagKind kind, int line, int col, int end_line, int end_col,
               const char *fmt, va_list ap) {
    if (d->kind != DIAG_NONE) return;
    Buf b;
    buf_init(&b);
    // On allocation failure the message is lost but the kind stays: the
    // printer then falls back to a static text rather than crashing.
    buf_vprintf(&b, fmt, ap);
    d->kind = kind;
    d->msg = b.data;
    d->line = line;
    d->col = col;
    d->end_line = end_line;
    d->end_col = end_col;
}

void diag_set(Diag *d, DiagKind kind, int line, int col, int end_line, int end_col,
              const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    diag_vset(d, kind, line, col, end_line, end_col, fmt, ap);
    va_end(ap);
}

const char *diag_kind_name(DiagKind kind) {
    switch (kind) {
    case DIAG_INDENTATION: return "IndentationError";
    case DIAG_TAB: return "TabError";
    case DIAG_MEMORY: return "MemoryError";
    case DIAG_RECURSION: return "RecursionError";
    case DIAG_SYNTAX:
    case DIAG_NONE: break;
    }
    return "SyntaxError";
}
