// Source loading: bytes -> checked, normalised text with a line index.
// Invariants after a successful load: text[0, len) is valid UTF-8 without
// NUL bytes, every line ends in LF (CRLF and CR were translated), no BOM,
// and text[len] == '\0'. A defect (invalid UTF-8, NUL) does not fail the
// load: [len] stops at the start of the defective line and [defect] holds
// CPython's error, which the lexer raises when it reaches that line. This
// reproduces CPython, which decodes one line at a time, so a tokenizer
// error earlier in the file is reported first.
#include "lexer/source.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/utf8.h"

// Line index under construction.
typedef struct LineIndex {
    size_t *at;
    size_t n, cap;
} LineIndex;

static bool index_push(LineIndex *ix, size_t off) {
    if (ix->n == ix->cap) {
        size_t cap = ix->cap ? ix->cap * 2 : 256;
        if (cap > (size_t)INT_MAX) cap = (size_t)INT_MAX;
        if (ix->n >= cap || cap > SIZE_MAX / sizeof(size_t)) return false;
        size_t *p = realloc(ix->at, cap * sizeof(size_t));
        if (!p) return false;
        ix->at = p;
        ix->cap = cap;
    }
    ix->at[ix->n++] = off;
    return true;
}

// --- coding declarations (PEP 263) ---------------------------------------

static bool is_space(unsigned char c) { return c == ' ' || c == '\t' || c == '\f'; }

// Finds "coding[:=]NAME" in a comment-only line, as CPython's
// get_coding_spec does. Returns false when the line has no declaration;
// [*is_comment_or_blank] tells whether line 2 may still hold one.
static bool coding_spec(const unsigned char *s, size_t n, const unsigned char **name,
                        size_t *name_len, bool *is_comment_or_blank) {
    size_t i = 0;
    while (i < n && is_space(s[i])) i++;
    *is_comment_or_blank = (i == n || s[i] == '#');
    if (i == n || s[i] != '#') return false;
    for (; i + 6 < n; i++) {
        if (memcmp(s + i, "coding", 6) != 0) continue;
        size_t t = i + 6;
        if (s[t] != ':' && s[t] != '=') continue;
        do t++; while (t < n && (s[t] == ' ' || s[t] == '\t'));
        size_t b = t;
        while (t < n && (((s[t] | 0x20) >= 'a' && (s[t] | 0x20) <= 'z') ||
                         (s[t] >= '0' && s[t] <= '9') || s[t] == '-' || s[t] == '_' ||
                         s[t] == '.'))
            t++;
        if (t > b) {
            *name = s + b;
            *name_len = t - b;
            return true;
        }
    }
    return false;
}

// CPython's get_normal_name: the spellings of UTF-8 and Latin-1 it
// recognises itself (first 12 characters, case-insensitive, '_' as '-').
static const char *normal_name(const unsigned char *s, size_t n, char norm[16]) {
    size_t k = n < 12 ? n : 12;
    for (size_t i = 0; i < k; i++) {
        char c = (char)s[i];
        norm[i] = c == '_' ? '-' : (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
    }
    norm[k] = '\0';
    if (strcmp(norm, "utf-8") == 0 || strncmp(norm, "utf-8-", 6) == 0) return "utf-8";
    if (strcmp(norm, "latin-1") == 0 || strcmp(norm, "iso-8859-1") == 0 ||
        strcmp(norm, "iso-latin-1") == 0 || strncmp(norm, "latin-1-", 8) == 0 ||
        strncmp(norm, "iso-8859-1-", 11) == 0 || strncmp(norm, "iso-latin-1-", 12) == 0)
        return "iso-8859-1";
    return NULL;
}

// The other names Python's codec registry maps to UTF-8.
static bool is_utf8_alias(const char *norm) {
    static const char *const names[] = {"utf8", "u8", "utf", "cp65001", "utf8-ucs2", "utf8-ucs4"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcmp(norm, names[i]) == 0) return true;
    return false;
}

// Checks the declarations of lines 1 and 2. aiopy reads UTF-8 only, so any
// other declared encoding is an error (CPython would transcode). After a
// BOM, CPython accepts only a declaration that normalises to "utf-8".
static bool check_coding(const unsigned char *s, size_t n, bool bom, Diag *d) {
    for (int line = 1; line <= 2; line++) {
        size_t e = 0;
        while (e < n && s[e] != '\n' && s[e] != '\r') e++;
        const unsigned char *name;
        size_t name_len;
        bool blank;
        if (coding_spec(s, e, &name, &name_len, &blank)) {
            char norm[16];
            const char *known = normal_name(name, name_len, norm);
            if (known && strcmp(known, "utf-8") == 0) return true;
            if (bom) {
                if (known)
                    diag_set(d, DIAG_SYNTAX, 0, 0, 0, 0, "encoding problem: %s with BOM", known);
                else
                    diag_set(d, DIAG_SYNTAX, 0, 0, 0, 0, "encoding problem: %.*s with BOM",
                             (int)name_len, (const char *)name);
                return false;
            }
            if (is_utf8_alias(norm)) return true;
            diag_set(d, DIAG_SYNTAX, 0, 0, 0, 0,
                     "encoding problem: %.*s is not supported by aiopy "
                     "(source code must be UTF-8)", (int)name_len, (const char *)name);
            return false;
        }
        if (!blank || e == n) return true;
        if (s[e] == '\r' && e + 1 < n && s[e + 1] == '\n') e++;
        s += e + 1;
        n -= e + 1;
    }
    return true;
}

// --- normalisation ---------------------------------------------------------

static void source_zero(Source *src) {
    src->name = NULL;
    src->text = NULL;
    src->len = 0;
    src->line_start = NULL;
    src->nlines = 0;
    diag_init(&src->defect);
}

// Normalises [buf] (n bytes, capacity n + 2, malloc'd) in place and makes
// it the source text; [src] owns [buf] from here on, even on failure. In
// place works because every step (BOM, CRLF) only shrinks the text.
static bool build(Source *src, const char *name, char *buf, size_t n, Diag *d) {
    source_zero(src);
    src->text = buf;
    src->name = strdup(name);
    if (!src->name) goto nomem;
    const unsigned char *in = (const unsigned char *)buf;
    char *out = buf;
    bool bom = n >= 3 && in[0] == 0xEF && in[1] == 0xBB && in[2] == 0xBF;
    if (bom) {
        in += 3;
        n -= 3;
    }
    if (!check_coding(in, n, bom, d)) goto fail;
    LineIndex ix = {NULL, 0, 0};
    if (!index_push(&ix, 0)) goto nomem_ix;

    size_t o = 0, i = 0, lstart = 0;
    while (i < n) {
        // The bulk of a file: runs of printable ASCII with nothing shifted
        // yet (no BOM, no CRLF so far), which stay where they are. Eight
        // bytes at a time: a byte below 0x20 borrows into its top bit in
        // w - 0x20..20 (the lowest one cannot receive a borrow), a byte from
        // 0x80 has it already.
        if (out + o == (const char *)in + i) {
            size_t j = i;
            for (uint64_t w; j + 8 <= n; j += 8) {
                memcpy(&w, in + j, 8);
                if ((w | (w - 0x2020202020202020u)) & 0x8080808080808080u) break;
            }
            o += j - i;
            i = j;
            if (i == n) break;
        }
        unsigned char c = in[i];
        if (c >= 0x20 && c < 0x80) {            // the common case first
            out[o++] = (char)c;
            i++;
        } else if (c == '\n' || c == '\r') {
            out[o++] = '\n';
            i += (c == '\r' && i + 1 < n && in[i + 1] == '\n') ? 2 : 1;
            lstart = o;
            if (!index_push(&ix, o)) goto nomem_ix;
        } else if (c == 0) {
            diag_set(&src->defect, DIAG_SYNTAX, (int)ix.n, -1, (int)ix.n, -1,
                     "source code cannot contain null bytes");
            break;
        } else if (c < 0x80) {
            out[o++] = (char)c;
            i++;
        } else {
            uint32_t cp;
            size_t k = utf8_decode(in + i, n - i, &cp, false);
            if (k == 0) {
                // No location: CPython prints no "File" line for this one.
                diag_set(&src->defect, DIAG_SYNTAX, 0, 0, 0, 0,
                         "Non-UTF-8 code starting with '\\x%.2x' in file %s on line %zu, "
                         "but no encoding declared; see https://peps.python.org/pep-0263/ "
                         "for details", c, src->name, ix.n);
                break;
            }
            memmove(out + o, in + i, k);
            o += k;
            i += k;
        }
    }
    if (diag_is_set(&src->defect)) {
        // Keep the defective line's readable part after the terminator, for
        // the error display; the lexer stops at its start.
        memmove(out + lstart + 1, out + lstart, o - lstart);
        out[lstart] = '\0';
        out[o + 1] = '\0';
        ix.at[ix.n - 1] = lstart + 1;
        src->len = lstart;
    } else {
        out[o] = '\0';
        src->len = o;
    }
    src->line_start = ix.at;
    src->nlines = (int)ix.n;
    return true;

nomem_ix:
    free(ix.at);
nomem:
    diag_set(d, DIAG_MEMORY, 0, 0, 0, 0, "out of memory while reading the source");
fail:
    lx_source_free(src);
    return false;
}

bool lx_source_from_string(Source *src, const char *name, const char *text, size_t len, Diag *d) {
    source_zero(src);
    char *buf = len <= SIZE_MAX - 2 ? malloc(len + 2) : NULL;
    if (!buf) {
        diag_set(d, DIAG_MEMORY, 0, 0, 0, 0, "out of memory while reading the source");
        return false;
    }
    if (len) memcpy(buf, text, len);
    return build(src, name, buf, len, d);
}

bool lx_source_adopt(Source *src, const char *name, char *buf, size_t len, Diag *d) {
    return build(src, name, buf, len, d);
}

bool lx_source_load_file(Source *src, const char *path, Diag *d) {
    source_zero(src);
    int fd = open(path, O_RDONLY);
    if (fd < 0) return false;
    // Read straight into the final buffer (sized from fstat, grown if the
    // file is not a regular one), so a big file is touched once.
    struct stat st;
    size_t cap = 1 << 16;
    if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0 &&
        (uintmax_t)st.st_size < SIZE_MAX / 2)
        cap = (size_t)st.st_size + 1;   // +1: see EOF without growing
    char *buf = malloc(cap + 2);
    size_t n = 0;
    int err = buf ? 0 : ENOMEM;
    while (!err) {
        if (n == cap) {
            char *p = cap < SIZE_MAX / 4 ? realloc(buf, cap * 2 + 2) : NULL;
            if (!p) { err = ENOMEM; break; }
            buf = p;
            cap *= 2;
        }
        ssize_t got = read(fd, buf + n, cap - n);
        if (got < 0) {
            if (errno == EINTR) continue;
            err = errno;
        } else if (got == 0) {
            break;
        } else {
            n += (size_t)got;
        }
    }
    close(fd);
    if (err) {
        free(buf);
        errno = err;
        return false;
    }
    return build(src, path, buf, n, d);
}

void lx_source_free(Source *src) {
    free(src->name);
    free(src->text);
    free(src->line_start);
    diag_clear(&src->defect);
    source_zero(src);
}

const char *lx_source_line(const Source *src, int line, size_t *len) {
    if (line < 1 || line > src->nlines || !src->text) return NULL;
    const char *s = src->text + src->line_start[line - 1];
    *len = strcspn(s, "\n");
    return s;
}
