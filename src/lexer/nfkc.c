// NFKC: see nfkc.h. The three steps of Unicode's algorithm (UAX #15):
// full compatibility decomposition, canonical ordering of combining marks,
// canonical composition. Hangul syllables decompose and compose by
// arithmetic, as the standard defines them, instead of through tables.
#include "lexer/nfkc.h"

#include <stdint.h>
#include <stdlib.h>

#include "lexer/uniprops.h"
#include "util/utf8.h"

enum {
    S_BASE = 0xAC00, L_BASE = 0x1100, V_BASE = 0x1161, T_BASE = 0x11A7,
    L_COUNT = 19, V_COUNT = 21, T_COUNT = 28,
    N_COUNT = V_COUNT * T_COUNT, S_COUNT = L_COUNT * N_COUNT,
};

// A growable array of code points.
typedef struct Cps {
    uint32_t *v;
    size_t len, cap;
} Cps;

static bool push(Cps *c, uint32_t cp) {
    if (c->len == c->cap) {
        size_t cap = c->cap ? c->cap * 2 : 32;
        uint32_t *v = realloc(c->v, cap * sizeof *v);
        if (!v) return false;
        c->v = v;
        c->cap = cap;
    }
    c->v[c->len++] = cp;
    return true;
}

static bool decompose(const unsigned char *s, size_t len, Cps *out) {
    size_t i = 0;
    while (i < len) {
        uint32_t cp = s[i];
        size_t k = cp < 0x80 ? 1 : utf8_decode(s + i, len - i, &cp, true);
        if (k == 0) k = 1, cp = 0xFFFD;   // not reached: identifiers are valid UTF-8
        i += k;
        if (cp >= S_BASE && cp < S_BASE + S_COUNT) {
            uint32_t si = cp - S_BASE;
            if (!push(out, L_BASE + si / N_COUNT) || !push(out, V_BASE + si % N_COUNT / T_COUNT))
                return false;
            if (si % T_COUNT && !push(out, T_BASE + si % T_COUNT)) return false;
            continue;
        }
        size_t n;
        const uint32_t *d = cp < 0x80 ? NULL : lx_uni_nfkd(cp, &n);
        if (!d) {
            if (!push(out, cp)) return false;
            continue;
        }
        for (size_t j = 0; j < n; j++)
            if (!push(out, d[j])) return false;
    }
    return true;
}

// Stable sort of each run of combining marks by combining class (runs are
// short: insertion sort).
static void reorder(Cps *c) {
    for (size_t i = 1; i < c->len; i++) {
        int cc = lx_uni_ccc(c->v[i]);
        if (cc == 0) continue;
        size_t j = i;
        uint32_t cp = c->v[i];
        while (j > 0) {
            int prev = lx_uni_ccc(c->v[j - 1]);
            if (prev == 0 || prev <= cc) break;
            c->v[j] = c->v[j - 1];
            j--;
        }
        c->v[j] = cp;
    }
}

static uint32_t compose_pair(uint32_t a, uint32_t b) {
    if (a >= L_BASE && a < L_BASE + L_COUNT && b >= V_BASE && b < V_BASE + V_COUNT)
        return S_BASE + ((a - L_BASE) * V_COUNT + (b - V_BASE)) * T_COUNT;
    if (a >= S_BASE && a < S_BASE + S_COUNT && (a - S_BASE) % T_COUNT == 0 &&
        b > T_BASE && b < T_BASE + T_COUNT)
        return a + (b - T_BASE);
    return lx_uni_compose(a, b);
}

// Canonical composition in place. [last_cc] is the class of the last code
// point kept after the current starter: 0 when that is the starter itself
// (adjacent), 256 before any starter. A code point joins the starter when
// the pair composes and nothing between them blocks it (a kept mark of the
// same or a higher class).
static void compose(Cps *c) {
    if (c->len == 0) return;
    size_t starter = 0, w = 1;
    int last_cc = lx_uni_ccc(c->v[0]) ? 256 : 0;
    for (size_t i = 1; i < c->len; i++) {
        uint32_t cp = c->v[i];
        int cc = lx_uni_ccc(cp);
        if (last_cc != 256 && (last_cc == 0 || last_cc < cc)) {
            uint32_t comp = compose_pair(c->v[starter], cp);
            if (comp) {
                c->v[starter] = comp;
                continue;
            }
        }
        if (cc == 0) starter = w;
        last_cc = cc;
        c->v[w++] = cp;
    }
    c->len = w;
}

bool lx_nfkc(const char *s, size_t len, Buf *out) {
    Cps c = {NULL, 0, 0};
    bool ok = decompose((const unsigned char *)s, len, &c);
    if (ok) {
        reorder(&c);
        compose(&c);
        for (size_t i = 0; ok && i < c.len; i++) ok = buf_put_utf8(out, c.v[i]);
    }
    free(c.v);
    return ok;
}
