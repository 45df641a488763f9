// Layout layer: raw tokens (lexer.re) -> the token stream the grammar sees.
// At the start of each logical line it measures the indentation in C (tab
// stops of 8, and of 1 for CPython's consistency check), skips blank and
// comment-only lines, and turns changes of indentation into INDENT/DEDENT,
// which are handed out one per call from a signed counter ([pending]: > 0
// INDENTs owed, < 0 DEDENTs owed). Inside brackets (and in f-string
// fragments) newlines are not tokens. At the end it adds the missing
// NEWLINE, one DEDENT per open block, then ENDMARKER forever.
// Error messages and positions follow CPython 3.11 (tokenizer.c and the
// errors pegen derives from its codes); see lexer.h for [soft_error].
#include <stdarg.h>
#include <string.h>

#include "lexer/lexer_int.h"

enum { TABSIZE = 8 };

static void reset(Lexer *lx, const Source *src) {
    memset(lx, 0, sizeof *lx);
    lx->src = src;
    diag_init(&lx->diag);
    lx->line = 1;
    lx->at_line_start = true;
}

void lx_init(Lexer *lx, const Source *src) {
    reset(lx, src);
    lx->cur = lx->mark = lx->tok = lx->line_start = src->text;
    lx->lim = src->text + src->len;
}

void lx_init_fragment(Lexer *lx, const Source *src, const char *start, const char *end,
                      int line, int col) {
    reset(lx, src);
    lx->fragment = true;
    lx->at_line_start = false;
    lx->cur = lx->mark = lx->tok = start;
    lx->lim = end;
    lx->line = line;
    // Columns are measured from line_start: keep it inside the buffer even if
    // the caller's column does not match the text.
    if (col < 0 || col > start - src->text) col = 0;
    lx->line_start = start - col;
}

void lx_free(Lexer *lx) { diag_clear(&lx->diag); }

bool lx_vfail(Lexer *lx, bool soft, DiagKind kind, int line, int col, int end_line, int end_col,
              const char *fmt, va_list ap) {
    if (!diag_is_set(&lx->diag)) {
        diag_vset(&lx->diag, kind, line, col, end_line, end_col, fmt, ap);
        lx->soft_error = soft;
        lx->resumable = false;
        lx->incomplete = false;
    }
    return false;
}

bool lx_fail(Lexer *lx, bool soft, DiagKind kind, int line, int col, int end_line, int end_col,
             const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    lx_vfail(lx, soft, kind, line, col, end_line, end_col, fmt, ap);
    va_end(ap);
    return false;
}

bool lx_fail_defect(Lexer *lx) {
    const Diag *d = &lx->src->defect;
    if (lx->fragment || !diag_is_set(d) || diag_is_set(&lx->diag)) return false;
    lx_fail(lx, false, d->kind, d->line, d->col, d->end_line, d->end_col, "%s",
            d->msg ? d->msg : "invalid source");
    return true;
}

int lx_col_before(const Lexer *lx, const char *p) {
    if (p <= lx->line_start) return -1;
    p--;
    while (p > lx->line_start && ((unsigned char)*p & 0xC0) == 0x80) p--;
    return (int)(p - lx->line_start);
}

int lx_eof_lineno(const Lexer *lx) {
    if (lx->cur > lx->line_start || lx->line == 1) return lx->line;
    return lx->line - 1;   // the final LF does not open a line for CPython
}

// --- tokens without text ---------------------------------------------------

static bool emit(Token *t, int kind, const char *s, uint32_t len, int line, int col, int end_line,
                 int end_col) {
    t->kind = kind;
    t->s = s;
    t->len = len;
    t->line = line;
    t->col = col;
    t->end_line = end_line;
    t->end_col = end_col;
    return true;
}

// One owed INDENT or DEDENT. INDENT spans the line's indentation (as
// Python's tokenize module shows it); DEDENT sits where the line's first
// token starts, or at the start of the line after the last one at the end.
static bool emit_pending(Lexer *lx, Token *t) {
    if (lx->pending > 0) {
        lx->pending--;
        const char *ls = lx->src->text + lx->src->line_start[lx->indent_line - 1];
        return emit(t, TK_INDENT, ls, 0, lx->indent_line, 0, lx->indent_line, lx->indent_end);
    }
    lx->pending++;
    if (lx->at_eof) return emit(t, TK_DEDENT, lx->cur, 0, lx->eof_line, 0, lx->eof_line, 0);
    int c = (int)(lx->cur - lx->line_start);
    return emit(t, TK_DEDENT, lx->cur, 0, lx->line, c, lx->line, c);
}

// --- end of input ----------------------------------------------------------

static bool at_end(Lexer *lx, Token *t) {
    if (lx_fail_defect(lx)) return false;
    if (lx->paren_depth > 0) {
        int i = lx->paren_depth - 1;
        lx_fail(lx, true, DIAG_SYNTAX, lx->paren_line[i], lx->paren_col[i], lx->paren_line[i], -1,
                "'%c' was never closed", lx->paren_char[i]);
        lx->incomplete = true;
        return false;
    }
    if (!lx->at_eof) {
        lx->at_eof = true;
        // tokenize's numbering: the line after the last one, except that a
        // last line of only blanks (no LF) keeps its own number.
        lx->eof_line = lx->line;
        if (!lx->fragment) {
            for (const char *p = lx->line_start; p < lx->lim; p++)
                if (*p != ' ' && *p != '\t' && *p != '\f') {
                    lx->eof_line++;
                    break;
                }
        }
        if (!lx->at_line_start && !lx->fragment) {
            // The last line has no LF: NEWLINE with empty text just after it.
            lx->at_line_start = true;
            int c = (int)(lx->lim - lx->line_start);
            return emit(t, TK_NEWLINE, lx->lim, 0, lx->line, c, lx->line, c + 1);
        }
    }
    if (lx->indent_depth > 0) {
        lx->pending = -lx->indent_depth;
        lx->indent_depth = 0;
        return emit_pending(lx, t);
    }
    lx->done = true;
    if (lx->fragment) {   // a fragment ends where its text does
        int c = (int)(lx->lim - lx->line_start);
        lx->eof_line = lx->line;
        return emit(t, TK_ENDMARKER, lx->lim, 0, lx->line, c, lx->line, c);
    }
    return emit(t, TK_ENDMARKER, lx->lim, 0, lx->eof_line, 0, lx->eof_line, 0);
}

// --- indentation -----------------------------------------------------------

typedef enum { LINE_TOKENS, LINE_EOF, LINE_ERROR } LineStart;

// At the start of a logical line (bracket depth 0): skips blank and
// comment-only lines, measures the indentation of the next real line and
// compares it with the stack (CPython's indstack/altindstack rules).
static LineStart line_start(Lexer *lx) {
    for (;;) {
        const char *p = lx->cur, *lim = lx->lim;
        int col = 0, altcol = 0, cont_col = 0;
        lx->indent_line = 0;
        for (;;) {
            char c = p < lim ? *p : '\0';
            if (c == ' ') {
                col++, altcol++;
            } else if (c == '\t') {
                col = (col / TABSIZE + 1) * TABSIZE;
                altcol++;
            } else if (c == '\f') {
                col = altcol = 0;
            } else if (c == '\\' && p + 1 < lim && p[1] == '\n') {
                // Indentation cannot be split by a backslash: the first one
                // (if not at column 0) fixes the level of what follows.
                if (!cont_col && col) {
                    cont_col = col;
                    lx->indent_line = lx->line;
                    lx->indent_end = (int)(p - lx->line_start);
                }
                p += 2;
                lx->line++;
                lx->line_start = p;
                if (p >= lim) {
                    lx->cur = p;
                    if (lx_fail_defect(lx)) return LINE_ERROR;
                    lx_fail(lx, true, DIAG_SYNTAX, lx->line - 1, -1, lx->line - 1, -2,
                            "unexpected EOF while parsing");
                    lx->incomplete = true;
                    return LINE_ERROR;
                }
                continue;
            } else {
                break;
            }
            p++;
        }
        lx->cur = p;
        if (p >= lim) return LINE_EOF;
        if (*p == '#' || *p == '\n') {
            // Blank or comment-only: no token, no effect on indentation.
            const char *nl = memchr(p, '\n', (size_t)(lim - p));
            if (!nl) {
                lx->cur = lim;
                return LINE_EOF;
            }
            lx->cur = nl + 1;
            lx->line++;
            lx->line_start = lx->cur;
            continue;
        }
        if (cont_col) {
            col = altcol = cont_col;
        } else {
            lx->indent_line = lx->line;
            lx->indent_end = (int)(p - lx->line_start);
        }
        lx->at_line_start = false;
        int *top = &lx->indent[lx->indent_depth], *alt = &lx->alt_indent[lx->indent_depth];
        if (col == *top) {
            if (altcol != *alt) goto tab_error;
        } else if (col > *top) {
            if (lx->indent_depth + 1 >= LX_MAX_INDENT) {
                lx_fail(lx, true, DIAG_INDENTATION, lx->line, 0, lx->line, -1,
                        "too many levels of indentation");
                return LINE_ERROR;
            }
            if (altcol <= *alt) goto tab_error;
            lx->pending++;
            lx->indent_depth++;
            lx->indent[lx->indent_depth] = col;
            lx->alt_indent[lx->indent_depth] = altcol;
        } else {
            while (lx->indent_depth > 0 && col < lx->indent[lx->indent_depth]) {
                lx->pending--;
                lx->indent_depth--;
            }
            if (col != lx->indent[lx->indent_depth]) {
                // CPython points just past the end of the line.
                const char *nl = memchr(p, '\n', (size_t)(lim - p));
                int len = (int)((nl ? nl : lim) - lx->line_start);
                lx_fail(lx, true, DIAG_INDENTATION, lx->line, len, lx->line, -2,
                        "unindent does not match any outer indentation level");
                return LINE_ERROR;
            }
            if (altcol != lx->alt_indent[lx->indent_depth]) goto tab_error;
        }
        return LINE_TOKENS;
    tab_error:
        lx_fail(lx, true, DIAG_TAB, lx->line, 0, lx->line, -1,
                "inconsistent use of tabs and spaces in indentation");
        return LINE_ERROR;
    }
}

// --- brackets --------------------------------------------------------------

static bool open_bracket(Lexer *lx, const Token *t) {
    if (lx->paren_depth >= LX_MAX_PAREN)
        return lx_fail(lx, false, DIAG_SYNTAX, t->line, t->col, t->line, t->col,
                       "too many nested parentheses");
    int i = lx->paren_depth++;
    lx->paren_char[i] = t->s[0];
    lx->paren_line[i] = t->line;
    lx->paren_col[i] = t->col;
    return true;
}

static bool close_bracket(Lexer *lx, const Token *t) {
    char c = t->s[0];
    if (lx->paren_depth == 0)
        return lx_fail(lx, false, DIAG_SYNTAX, t->line, t->col, t->line, t->col, "unmatched '%c'", c);
    int i = --lx->paren_depth;
    char open = lx->paren_char[i];
    if ((open == '(' && c == ')') || (open == '[' && c == ']') || (open == '{' && c == '}'))
        return true;
    if (lx->paren_line[i] != t->line)
        return lx_fail(lx, false, DIAG_SYNTAX, t->line, t->col, t->line, t->col,
                       "closing parenthesis '%c' does not match opening parenthesis '%c' on line %d",
                       c, open, lx->paren_line[i]);
    return lx_fail(lx, false, DIAG_SYNTAX, t->line, t->col, t->line, t->col,
                   "closing parenthesis '%c' does not match opening parenthesis '%c'", c, open);
}

// --- the token stream ------------------------------------------------------

bool lx_next(Lexer *lx, Token *t) {
    if (diag_is_set(&lx->diag)) return false;
    if (lx->pending) return emit_pending(lx, t);
    if (lx->done) {
        int c = lx->fragment ? (int)(lx->lim - lx->line_start) : 0;
        return emit(t, TK_ENDMARKER, lx->lim, 0, lx->eof_line, c, lx->eof_line, c);
    }
    if (lx->at_eof) return at_end(lx, t);
    for (;;) {
        if (lx->at_line_start && !lx->fragment) {
            switch (line_start(lx)) {
            case LINE_ERROR: return false;
            case LINE_EOF: return at_end(lx, t);
            case LINE_TOKENS: break;
            }
            if (lx->pending) return emit_pending(lx, t);
        }
        int kind = lx_scan(lx, t);
        switch (kind) {
        case LX_RAW_NEWLINE:
            if (lx->paren_depth > 0 || lx->fragment) continue;
            lx->at_line_start = true;
            t->kind = TK_NEWLINE;
            return true;
        case LX_RAW_EOF:
            return at_end(lx, t);
        case LX_RAW_ERROR:
            return false;
        case TK_LPAR:
        case TK_LSQB:
        case TK_LBRACE:
            return open_bracket(lx, t);
        case TK_RPAR:
        case TK_RSQB:
        case TK_RBRACE:
            return close_bracket(lx, t);
        default:
            return true;
        }
    }
}

bool lx_check_rest(Lexer *lx, Diag *d) {
    int err_line = d->line;
    for (;;) {
        if (diag_is_set(&lx->diag)) {
            if (!lx->soft_error) break;   // a tokenizer error: it wins
            if (lx->resumable) {          // CPython's tokenizer went on after it
                diag_clear(&lx->diag);
            } else {
                // CPython's tokenizer stopped here without an error of its
                // own; a bracket still open from before the parser's error
                // line is then reported instead.
                int i = lx->paren_depth - 1;
                if (i < 0 || err_line <= lx->paren_line[i]) return false;
                diag_clear(d);
                diag_set(d, DIAG_SYNTAX, lx->paren_line[i], lx->paren_col[i], lx->paren_line[i], -1,
                         "'%c' was never closed", lx->paren_char[i]);
                return true;
            }
        }
        Token t;
        if (lx_next(lx, &t)) {
            if (t.kind == TK_ENDMARKER) return false;
            continue;
        }
    }
    const Diag *e = &lx->diag;
    diag_clear(d);
    diag_set(d, e->kind, e->line, e->col, e->end_line, e->end_col, "%s",
             e->msg ? e->msg : "invalid syntax");
    return true;
}
