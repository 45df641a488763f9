// Literal decoding: NUMBER and STRING token text -> plain values.
// The scanner already guarantees the token's shape; these functions decode it
// (escapes, digits, underscores) into buffers, with CPython's errors for
// what only decoding can see (bad escapes, the 4300-digit limit).
#ifndef LEXER_LITERAL_H
#define LEXER_LITERAL_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/arena.h"
#include "util/buf.h"
#include "util/diag.h"

typedef struct NumLit {
    bool is_float;
    bool is_small;           // an int that fits in int64_t: [ival] holds it
    int64_t ival;
    double fval;             // for floats (strtod-exact)
    // Big ints: the digits with prefix and underscores removed (arena copy,
    // NUL-terminated) and their base (2, 8, 10, 16), for the runtime to convert.
    const char *digits;
    int base;
} NumLit;

// Decodes a NUMBER token. Fails only for the decimal digit limit (diag set
// at [line]/[col]) or out of memory.
bool lx_decode_number(const char *s, size_t len, Arena *a, NumLit *out, Diag *d,
                      int line, int col);

typedef struct StrPrefix {
    bool raw, bytes, fstring, unicode;   // r/R, b/B, f/F, u/U
} StrPrefix;

// Splits a STRING token into its prefix, its body between the quotes and the
// quote length (1 or 3).
void lx_string_parts(const char *s, size_t len, StrPrefix *p, const char **body,
                     size_t *body_len, int *quote_len);
// Decodes the escapes of a (non-f) string body into [out]: UTF-8 for str,
// raw bytes for bytes. On a bad escape sets [d] with CPython's message
// ("(unicode error) 'unicodeescape' codec can't decode bytes in position
// 0-1: truncated \xXX escape", "(value error) invalid \x escape at position
// 0") located at [line]/[col] (the token start).
bool lx_decode_string_body(const char *body, size_t len, StrPrefix p, Buf *out, Diag *d,
                           int line, int col);

#endif // LEXER_LITERAL_H
