// UTF-8 decoding and validation: see utf8.h.
#include "util/utf8.h"

#include <string.h>

size_t utf8_decode(const unsigned char *s, size_t n, uint32_t *cp, bool allow_surrogates) {
    if (n == 0) return 0;
    unsigned c = s[0];
    if (c < 0x80) { *cp = c; return 1; }
    size_t len;
    uint32_t v, min;
    if ((c & 0xE0) == 0xC0) { len = 2; v = c & 0x1F; min = 0x80; }
    else if ((c & 0xF0) == 0xE0) { len = 3; v = c & 0x0F; min = 0x800; }
    else if ((c & 0xF8) == 0xF0) { len = 4; v = c & 0x07; min = 0x10000; }
    else return 0;
    if (n < len) return 0;
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80) return 0;
        v = (v << 6) | (s[i] & 0x3F);
    }
    if (v < min || v > 0x10FFFF) return 0;
    if (!allow_surrogates && v >= 0xD800 && v <= 0xDFFF) return 0;
    *cp = v;
    return len;
}

size_t utf8_validate(const unsigned char *s, size_t n) {
    size_t i = 0;
    while (i < n) {
        if (s[i] < 0x80) { i++; continue; }
        uint32_t cp;
        size_t k = utf8_decode(s + i, n - i, &cp, false);
        if (k == 0) return i;
        i += k;
    }
    return n;
}

size_t utf8_count(const char *s, size_t n) {
    // Every byte but a continuation byte (10xxxxxx) starts a code point.
    // Eight bytes at a time: a byte's top bit set and the next bit clear
    // leaves its 0x80 bit in [cont]. Str construction counts every new str,
    // so this loop was 5% of str work byte by byte.
    const uint64_t high = 0x8080808080808080ull;
    size_t cont = 0, i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        if (!(w & high)) continue;
        cont += (size_t)__builtin_popcountll(w & ~(w << 1) & high);
    }
    for (; i < n; i++)
        if (((unsigned char)s[i] & 0xC0) == 0x80) cont++;
    return n - cont;
}
