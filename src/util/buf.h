// Buf: a growable byte buffer (always NUL-terminated when non-empty), used to
// decode literals, build messages and collect output. No fixed-size line or
// token buffers anywhere: a 4 MB line must work.
#ifndef UTIL_BUF_H
#define UTIL_BUF_H
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

typedef struct Buf {
    char *data;
    size_t len, cap;
} Buf;

void buf_init(Buf *b);
void buf_free(Buf *b);
void buf_clear(Buf *b);
// All appenders return false when memory runs out (the buffer is unchanged).
bool buf_reserve(Buf *b, size_t extra);
bool buf_append(Buf *b, const void *data, size_t len);
bool buf_putc(Buf *b, char c);
bool buf_puts(Buf *b, const char *s);
bool buf_printf(Buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
bool buf_vprintf(Buf *b, const char *fmt, va_list ap);
// Appends code point [cp] encoded as UTF-8 (surrogates too, as CPython's
// "surrogatepass" would, so str values can hold them).
bool buf_put_utf8(Buf *b, unsigned cp);
// Takes ownership of the data; the buffer is left empty.
char *buf_steal(Buf *b, size_t *len);

#endif // UTIL_BUF_H
