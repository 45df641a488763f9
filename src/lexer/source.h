// Source: the program text, checked and normalised before lexing.
// Loading strips a UTF-8 BOM, rejects invalid UTF-8 and NUL bytes with
// CPython's messages, turns CRLF and CR into LF and ends the buffer with a
// NUL (the lexer bounds-checks against [len], not the NUL).
// CPython decodes line by line, so an earlier tokenizer error wins over a
// bad byte further down: such a defect is kept in [defect] and [len] stops at
// the start of its line; the lexer reports it when it gets there.
#ifndef LEXER_SOURCE_H
#define LEXER_SOURCE_H
#include <stdbool.h>
#include <stddef.h>

#include "util/diag.h"

typedef struct Source {
    char *name;       // as shown in tracebacks: the path, "<string>", "<stdin>"
    char *text;       // normalised text, NUL-terminated; owned
    size_t len;
    // Line index, built on load: line_start[i] is the offset of line i+1.
    size_t *line_start;
    int nlines;
    // Invalid UTF-8 or a NUL byte found while loading (kind DIAG_NONE if
    // none). The line holding it is still indexed (cut at the NUL, for the
    // error display) but lies beyond [len], after the terminating NUL.
    Diag defect;
} Source;

// Reads a whole file. On failure returns false: with [d] set for bad
// contents (an unsupported coding declaration), or with [d] unset and errno
// set when the file cannot be read. Invalid UTF-8 and NUL bytes do not fail
// the load: they become [defect], reported by the lexer.
bool lx_source_load_file(Source *src, const char *path, Diag *d);
// Wraps an in-memory program (for -c, stdin, the REPL and tests). [name] is
// copied. The checks are the same as for files.
bool lx_source_from_string(Source *src, const char *name, const char *text, size_t len, Diag *d);
// The same for a malloc'd buffer of [len] bytes and at least [len] + 2 of
// capacity, which [src] owns from here on (even on failure): a big file is
// then normalised where it was read, without a copy.
bool lx_source_adopt(Source *src, const char *name, char *buf, size_t len, Diag *d);
void lx_source_free(Source *src);
// The text of 1-based line [line] without its newline; NULL if out of range.
const char *lx_source_line(const Source *src, int line, size_t *len);

#endif // LEXER_SOURCE_H
