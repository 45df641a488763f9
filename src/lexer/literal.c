// Literal decoding: NUMBER and STRING token text -> plain values.
// The scanner has already checked each token's shape (digits, underscores,
// quotes), so these functions only convert; what they reject is what CPython
// rejects while building constants: bad escapes, the 4300-digit limit of
// decimal integers, non-ASCII characters in bytes.
// Escape errors reproduce CPython's codec messages, whose "position X-Y"
// counts each non-ASCII character of the body as 10 bytes: CPython first
// rewrites such characters as \UXXXXXXXX escapes and then decodes.
#include "lexer/literal.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

enum { MAX_STR_DIGITS = 4300 };   // sys.get_int_max_str_digits() default

// --- numbers ---------------------------------------------------------------

static int digit_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return 99;
}

bool lx_decode_number(const char *s, size_t len, Arena *a, NumLit *out, Diag *d, int line,
                      int col) {
    (void)col;   // CPython reports the digit limit at offset 0 of the line
    memset(out, 0, sizeof *out);
    int base = 10;
    if (len >= 2 && s[0] == '0') {
        char p = (char)(s[1] | 0x20);
        if (p == 'x') base = 16;
        else if (p == 'o') base = 8;
        else if (p == 'b') base = 2;
        if (base != 10) {
            s += 2;
            len -= 2;
        }
    }
    bool is_float = false;
    if (base == 10)
        for (size_t i = 0; i < len; i++)
            if (s[i] == '.' || s[i] == 'e' || s[i] == 'E') { is_float = true; break; }

    // The text without underscores (and without the radix prefix).
    char *clean = arena_alloc(a, len + 1);
    if (!clean) goto nomem;
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        if (s[i] != '_') clean[n++] = s[i];
    clean[n] = '\0';

    if (is_float) {
        out->is_float = true;
        errno = 0;
        out->fval = strtod(clean, NULL);   // overflow gives inf, as in CPython
        return true;
    }
    uint64_t v = 0;
    bool fits = true;
    for (size_t i = 0; i < n; i++) {
        uint64_t dv = (uint64_t)digit_value(clean[i]);
        if (v > (UINT64_MAX - dv) / (uint64_t)base) { fits = false; break; }
        v = v * (uint64_t)base + dv;
    }
    if (fits && v <= (uint64_t)INT64_MAX) {
        out->is_small = true;
        out->ival = (int64_t)v;
        return true;
    }
    if (base == 10 && n > MAX_STR_DIGITS) {
        diag_set(d, DIAG_SYNTAX, line, -1, line, -1,
                 "Exceeds the limit (%d digits) for integer string conversion: value has %zu "
                 "digits; use sys.set_int_max_str_digits() to increase the limit - Consider "
                 "hexadecimal for huge integer literals to avoid decimal conversion limits.",
                 MAX_STR_DIGITS, n);
        return false;
    }
    out->digits = clean;
    out->base = base;
    return true;
nomem:
    diag_set(d, DIAG_MEMORY, line, -1, line, -1, "out of memory");
    return false;
}

// --- strings ---------------------------------------------------------------

void lx_string_parts(const char *s, size_t len, StrPrefix *p, const char **body,
                     size_t *body_len, int *quote_len) {
    memset(p, 0, sizeof *p);
    size_t i = 0;
    for (; i < len && s[i] != '\'' && s[i] != '"'; i++) {
        switch (s[i] | 0x20) {
        case 'r': p->raw = true; break;
        case 'b': p->bytes = true; break;
        case 'f': p->fstring = true; break;
        case 'u': p->unicode = true; break;
        default: break;
        }
    }
    size_t rest = len - i;
    int q = (rest >= 6 && s[i + 1] == s[i] && s[i + 2] == s[i]) ? 3 : 1;
    if (rest < 2) q = 0;   // not a string token; give an empty body
    *quote_len = q;
    *body = s + i + (size_t)q;
    *body_len = rest >= 2 * (size_t)q ? rest - 2 * (size_t)q : 0;
}

static int hexval(unsigned char c) {
    int v = digit_value((char)c);
    return v < 16 ? v : -1;
}

// Reads up to [n] hex digits at body[*i]; returns how many were read.
static int read_hex(const unsigned char *b, size_t len, size_t *i, int n, uint32_t *value) {
    int k = 0;
    uint32_t v = 0;
    while (k < n && *i < len && hexval(b[*i]) >= 0) {
        v = v * 16 + (uint32_t)hexval(b[*i]);
        (*i)++;
        k++;
    }
    *value = v;
    return k;
}

static bool codec_error(Diag *d, int line, int col, size_t from, size_t to, const char *what) {
    diag_set(d, DIAG_SYNTAX, line, col, line, col,
             "(unicode error) 'unicodeescape' codec can't decode bytes in position %zu-%zu: %s",
             from, to, what);
    return false;
}

static bool oom(Diag *d, int line, int col) {
    diag_set(d, DIAG_MEMORY, line, col, line, col, "out of memory");
    return false;
}

bool lx_decode_string_body(const char *body, size_t len, StrPrefix p, Buf *out, Diag *d,
                           int line, int col) {
    const unsigned char *b = (const unsigned char *)body;
    if (p.bytes) {
        for (size_t i = 0; i < len; i++)
            if (b[i] >= 0x80) {
                diag_set(d, DIAG_SYNTAX, line, col, line, col,
                         "bytes can only contain ASCII literal characters");
                return false;
            }
    }
    if (!buf_reserve(out, len)) return oom(d, line, col);
    if (p.raw) {
        buf_append(out, body, len);
        return true;
    }
    size_t pos = 0;   // position as CPython's codec counts it (see the top)
    size_t i = 0;
    while (i < len) {
        // Copy the run up to the next backslash in one go.
        const unsigned char *bs = memchr(b + i, '\\', len - i);
        size_t run = bs ? (size_t)(bs - (b + i)) : len - i;
        if (run) {
            if (!buf_append(out, b + i, run)) return oom(d, line, col);
            if (!p.bytes)
                for (size_t k = i; k < i + run; k++)
                    pos += b[k] < 0x80 ? 1 : ((b[k] & 0xC0) == 0xC0 ? 10 : 0);
            i += run;
            continue;
        }
        size_t start = pos, at = i;   // at the backslash
        i++;
        if (i >= len) {   // cannot end a token, but stay safe
            diag_set(d, DIAG_SYNTAX, line, col, line, col, "\\ at end of string");
            return false;
        }
        unsigned char c = b[i++];
        pos += 2;
        bool ok = true;
        uint32_t v;
        switch (c) {
        case '\n': break;                                   // line continuation
        case '\\': ok = buf_putc(out, '\\'); break;
        case '\'': ok = buf_putc(out, '\''); break;
        case '"': ok = buf_putc(out, '"'); break;
        case 'a': ok = buf_putc(out, '\a'); break;
        case 'b': ok = buf_putc(out, '\b'); break;
        case 'f': ok = buf_putc(out, '\f'); break;
        case 'n': ok = buf_putc(out, '\n'); break;
        case 'r': ok = buf_putc(out, '\r'); break;
        case 't': ok = buf_putc(out, '\t'); break;
        case 'v': ok = buf_putc(out, '\v'); break;
        case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7':
            // Up to three octal digits; above 0o377 CPython only warns.
            v = (uint32_t)(c - '0');
            for (int k = 0; k < 2 && i < len && b[i] >= '0' && b[i] <= '7'; k++, pos++)
                v = v * 8 + (uint32_t)(b[i++] - '0');
            ok = p.bytes ? buf_putc(out, (char)(v & 0xFF)) : buf_put_utf8(out, v);
            break;
        case 'x': {
            int k = read_hex(b, len, &i, 2, &v);
            pos += (size_t)k;
            if (k < 2) {
                if (p.bytes) {
                    diag_set(d, DIAG_SYNTAX, line, col, line, col,
                             "(value error) invalid \\x escape at position %zu", at);
                    return false;
                }
                return codec_error(d, line, col, start, pos - 1, "truncated \\xXX escape");
            }
            ok = p.bytes ? buf_putc(out, (char)v) : buf_put_utf8(out, v);
            break;
        }
        case 'u':
        case 'U': {
            if (p.bytes) goto verbatim;
            int want = c == 'u' ? 4 : 8;
            int k = read_hex(b, len, &i, want, &v);
            pos += (size_t)k;
            if (k < want)
                return codec_error(d, line, col, start, pos - 1,
                                   c == 'u' ? "truncated \\uXXXX escape"
                                            : "truncated \\UXXXXXXXX escape");
            if (v > 0x10FFFF) return codec_error(d, line, col, start, pos - 1, "illegal Unicode character");
            ok = buf_put_utf8(out, v);
            break;
        }
        case 'N': {
            if (p.bytes) goto verbatim;
            // CPython looks up the name in its Unicode database; aiopy has none.
            size_t end = pos;   // CPython's endinpos: where its scan stopped
            if (i < len && b[i] == '{') {
                const unsigned char *close = memchr(b + i, '}', len - i);
                if (!close) {
                    for (size_t k = i; k < len; k++)
                        end += b[k] < 0x80 ? 1 : ((b[k] & 0xC0) == 0xC0 ? 10 : 0);
                } else {
                    end = pos + 1;
                    if (close != b + i + 1) end = 0;   // a name: well formed
                }
            }
            if (end)
                return codec_error(d, line, col, start, end - 1, "malformed \\N character escape");
            diag_set(d, DIAG_SYNTAX, line, col, line, col,
                     "\\N{...} escapes are not supported by aiopy");
            return false;
        }
        default:
        verbatim:
            // An unknown escape keeps its backslash (CPython warns).
            ok = buf_putc(out, '\\');
            i--;
            pos -= 1;
            if (!p.bytes && c >= 0x80) pos += 5;   // CPython escapes the backslash
            break;
        }
        if (!ok) return oom(d, line, col);
    }
    return true;
}
