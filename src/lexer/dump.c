// The --tokens printer, matching Python's tokenize module byte for byte:
// "%-20s%-15s%-15r" of "L,C-L,C:", the exact token name and repr(text).
// tokenize counts columns in characters and shows keywords as NAME; where the
// pure-Python tokenize differs from CPython's real tokenizer (errors, an
// unknown character, CRLF, which it keeps in NEWLINE text), this follows the
// real tokenizer: it stops at the first error.
#include "lexer/dump.h"

#include <string.h>

#include "lexer/lexer.h"
#include "lexer/uniprops.h"
#include "util/buf.h"
#include "util/utf8.h"

// Byte column -> character column, remembering the last answer so that a
// long line is counted once, not once per token.
typedef struct ColCache {
    const Source *src;
    int line, byte, chars;
} ColCache;

static int char_col(ColCache *cc, int line, int byte) {
    if (byte <= 0 || line < 1 || line > cc->src->nlines) return byte;
    const char *ls = cc->src->text + cc->src->line_start[line - 1];
    int from = 0, chars = 0;
    if (cc->line == line && cc->byte <= byte) from = cc->byte, chars = cc->chars;
    chars += (int)utf8_count(ls + from, (size_t)(byte - from));
    cc->line = line;
    cc->byte = byte;
    cc->chars = chars;
    return chars;
}

// Python's repr() of a str.
static bool py_repr(Buf *b, const char *s, size_t n) {
    bool squote = memchr(s, '\'', n) != NULL, dquote = memchr(s, '"', n) != NULL;
    char q = squote && !dquote ? '"' : '\'';
    bool ok = buf_putc(b, q);
    const unsigned char *p = (const unsigned char *)s, *e = p + n;
    while (ok && p < e) {
        uint32_t c = *p;
        size_t k = 1;
        if (c >= 0x80) {
            k = utf8_decode(p, (size_t)(e - p), &c, true);
            if (k == 0) k = 1, c = *p;
        }
        if (c == (uint32_t)q || c == '\\') ok = buf_putc(b, '\\') && buf_putc(b, (char)c);
        else if (c == '\t') ok = buf_puts(b, "\\t");
        else if (c == '\n') ok = buf_puts(b, "\\n");
        else if (c == '\r') ok = buf_puts(b, "\\r");
        else if (c < 0x20 || c == 0x7F) ok = buf_printf(b, "\\x%02x", c);
        else if (c < 0x80 || lx_uni_is_printable(c)) ok = buf_append(b, p, k);
        else if (c <= 0xFF) ok = buf_printf(b, "\\x%02x", c);
        else if (c <= 0xFFFF) ok = buf_printf(b, "\\u%04x", c);
        else ok = buf_printf(b, "\\U%08x", c);
        p += k;
    }
    return ok && buf_putc(b, q);
}

static const char *dump_name(int kind) {
    if (kind >= TK_FALSE && kind <= TK_YIELD) return "NAME";   // keywords
    return lx_token_name(kind);
}

// "%-Ns": pad to [width] characters (not bytes), as Python does.
static bool pad(Buf *b, size_t start, size_t width) {
    size_t chars = utf8_count(b->data + start, b->len - start);
    while (chars++ < width)
        if (!buf_putc(b, ' ')) return false;
    return true;
}

static bool print_token(FILE *out, Buf *b, ColCache *cc, const Token *t) {
    const char *text = t->s;
    size_t len = t->len;
    if (t->kind == TK_INDENT) len = (size_t)t->end_col;   // the indentation itself
    else if (t->kind == TK_NEWLINE) text = len ? "\n" : "", len = len ? 1 : 0;
    buf_clear(b);
    bool ok = buf_printf(b, "%d,%d-%d,%d:", t->line, char_col(cc, t->line, t->col), t->end_line,
                         char_col(cc, t->end_line, t->end_col));
    ok = ok && pad(b, 0, 20);
    size_t at = b->len;
    ok = ok && buf_puts(b, dump_name(t->kind)) && pad(b, at, 15);
    at = b->len;
    ok = ok && py_repr(b, text, len) && pad(b, at, 15) && buf_putc(b, '\n');
    return ok && fwrite(b->data, 1, b->len, out) == b->len;
}

bool lx_dump_tokens(FILE *out, const Source *src, Diag *d) {
    Lexer lx;
    lx_init(&lx, src);
    ColCache cc = {src, 0, 0, 0};
    Buf b;
    buf_init(&b);
    bool ok = true;
    for (;;) {
        Token t;
        if (!lx_next(&lx, &t)) {
            const Diag *e = &lx.diag;
            diag_set(d, e->kind, e->line, e->col, e->end_line, e->end_col, "%s",
                     e->msg ? e->msg : "invalid syntax");
            ok = false;
            break;
        }
        if (!print_token(out, &b, &cc, &t)) {
            diag_set(d, DIAG_MEMORY, 0, 0, 0, 0, "out of memory");
            ok = false;
            break;
        }
        if (t.kind == TK_ENDMARKER) break;
    }
    buf_free(&b);
    lx_free(&lx);
    return ok;
}
