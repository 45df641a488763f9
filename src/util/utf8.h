// UTF-8 helpers shared by the source reader, the lexer and diagnostics.
#ifndef UTIL_UTF8_H
#define UTIL_UTF8_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

// Decodes one code point at [s] (at most [n] bytes). Returns its length in
// bytes and stores the code point in [*cp], or returns 0 for an invalid or
// truncated sequence (overlong forms and values above U+10FFFF are invalid;
// surrogates are accepted only when [allow_surrogates]).
size_t utf8_decode(const unsigned char *s, size_t n, uint32_t *cp, bool allow_surrogates);
// Offset of the first invalid byte in [s, s+n), or n when all is valid UTF-8.
size_t utf8_validate(const unsigned char *s, size_t n);
// Number of code points in [s, s+n) (the text must be valid UTF-8).
size_t utf8_count(const char *s, size_t n);

#endif // UTIL_UTF8_H
