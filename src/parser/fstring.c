// String literals: concatenation of adjacent STRING tokens and f-string
// parsing, following CPython 3.11's string_parser.c:
//  * "a" "b" -> one Constant; any f-string in the run -> a JoinedStr whose
//    literal parts are merged and empty ones dropped; bytes and non-bytes
//    cannot mix;
//  * an f-string body is split into literal text ({{ and }} undoubled) and
//    replacement fields {expr=!c:spec}; the expression is parsed by a nested
//    parser on the same source bytes (ps_parse_fstring_expr), as if written
//    in parentheses; the format spec is itself an f-string body (one more
//    level of nesting at most);
//  * positions: the JoinedStr spans all the tokens, and so do its Constant
//    and FormattedValue parts (3.11 does not locate them individually); a
//    format spec's JoinedStr spans only its own token. Errors found while
//    scanning are reported at the token after the strings (CPython's
//    "last token").
#include <string.h>

#include "lexer/literal.h"
#include "parser/fstring.h"
#include "parser/parse_ctx.h"
#include "util/buf.h"

typedef struct FsState {
    ParseCtx *c;
    Buf lit;              // literal text not yet turned into a Constant
    PsList *values;       // JoinedStr parts
    bool fmode;           // an f-string was seen: the result is a JoinedStr
    const Token *first, *last;
} FsState;

static void fs_init(FsState *st, ParseCtx *c, const Token *first, const Token *last) {
    st->c = c;
    buf_init(&st->lit);
    st->values = NULL;
    st->fmode = false;
    st->first = first;
    st->last = last;
}

static Span span2(const Token *a, const Token *b) {
    Span s = {a->line, a->col, b->end_line, b->end_col};
    return s;
}

static AstNode *make_str(ParseCtx *c, const char *s, size_t len, Span sp, bool u_kind) {
    if (c->failed) return NULL;
    AstNode *n = ast_new(c->arena, AST_CONSTANT, sp.line, sp.col, sp.end_line, sp.end_col);
    char *copy = n ? arena_strndup(c->arena, s ? s : "", len) : NULL;
    if (!copy) {
        ps_fail_nomem(c);
        return NULL;
    }
    n->u.constant.kind = CONST_STR;
    n->u.constant.s = copy;
    n->u.constant.len = len;
    n->u.constant.u_prefix = u_kind;
    n->depth = 1;
    return n;
}

// CPython gives the 'u' kind when the first token starts with a lowercase u.
static bool u_kind(const FsState *st) { return st->first->s[0] == 'u'; }

// Turns the pending literal into a Constant part (make_str_node_and_del).
static bool flush_lit(FsState *st, Span sp) {
    if (!st->lit.len) return true;
    AstNode *n = make_str(st->c, st->lit.data, st->lit.len, sp, u_kind(st));
    buf_clear(&st->lit);
    if (!n) return false;
    st->values = st->values ? ps_list_push(st->c, st->values, n) : ps_list1(st->c, n);
    return st->values != NULL;
}

static bool push_value(FsState *st, AstNode *n) {
    st->values = st->values ? ps_list_push(st->c, st->values, n) : ps_list1(st->c, n);
    return st->values != NULL;
}

static bool nomem(ParseCtx *c) {
    ps_fail_nomem(c);
    return false;
}

// Decodes the escapes of a literal chunk; errors at the last token.
static bool decode_chunk(FsState *st, const char *s, size_t len, bool raw) {
    if (!len) return true;
    if (raw) return buf_append(&st->lit, s, len) || nomem(st->c);
    StrPrefix p = {false, false, false, false};
    Diag d;
    diag_init(&d);
    if (!lx_decode_string_body(s, len, p, &st->lit, &d, 0, 0)) {
        if (d.kind == DIAG_MEMORY) {
            diag_clear(&d);
            return nomem(st->c);
        }
        ps_fail_last(st->c, "%s", d.msg ? d.msg : "invalid string literal");
        diag_clear(&d);
        return false;
    }
    return true;
}

// --- the scanner (fstring_find_literal / fstring_find_expr) --------------------

// Literal text up to an undoubled '{' (or a '}' in a format spec). Returns
// -1 on error, 1 after a doubled brace (call again), 0 otherwise.
static int find_literal(FsState *st, const char **str, const char *end, bool raw, int level) {
    const char *s = *str, *start = s;
    int result = 0;
    while (s < end) {
        char ch = *s++;
        if (!raw && ch == '\\' && s < end) {
            ch = *s++;
            if (ch == 'N') {
                // \N{NAME}: its braces are not a replacement field
                if (s < end && *s++ == '{') {
                    while (s < end && *s++ != '}') {
                    }
                }
                continue;
            }
        }
        if (ch == '{' || ch == '}') {
            if (level == 0) {
                if (s < end && *s == ch) {
                    // {{ or }}: the literal keeps one brace
                    *str = s + 1;
                    result = 1;
                    goto done;
                }
                if (ch == '}') {
                    *str = s - 1;
                    ps_fail_last(st->c, "f-string: single '}' is not allowed");
                    return -1;
                }
            }
            s--;
            break;
        }
    }
    *str = s;
done:
    if (!decode_chunk(st, start, (size_t)(s - start), raw)) return -1;
    return result;
}

static int fs_concat(FsState *st, const char **str, const char *end, bool raw, int level,
                     const Token *t);

// Where CPython's nested parser starts for a replacement field: the line
// and column of its virtual '(' (fstring_find_expr_location in 3.11).
static void field_origin(const Token *t, const char *brace, int *line, int *col) {
    const char *tok = t->s;
    int lines = 0;
    for (const char *p = tok; p < brace; p++)
        if (*p == '\n') lines++;
    bool newline_after_brace = true;
    for (const char *p = brace + 1; *p && *p != '}' && *p != '\n'; p++) {
        if (*p != ' ' && *p != '\t' && *p != '\f') {
            newline_after_brace = false;
            break;
        }
    }
    int cols = 0;
    if (!newline_after_brace) {
        const char *p = brace;
        while (p > tok && *p != '\n') p--;
        cols = (int)(brace - p);
        if (*p == '\n') cols--;
    }
    *line = t->line + lines;
    *col = lines == 0 ? t->col + cols : cols;
}

// Real line and column of [p] inside token [t].
static void pos_in_token(const Token *t, const char *p, int *line, int *col) {
    int l = t->line;
    const char *line_start = t->s - t->col;
    for (const char *q = t->s; q < p; q++)
        if (*q == '\n') {
            l++;
            line_start = q + 1;
        }
    *line = l;
    *col = (int)(p - line_start);
}

// Parses the expression [start, stop) of a replacement field whose '{' is
// at [brace].
static AstNode *compile_expr(FsState *st, const char *brace, const char *start, const char *stop,
                             const Token *t) {
    ParseCtx *c = st->c;
    const char *p = start;
    while (p < stop && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\f')) p++;
    if (p == stop) {
        if (*stop == '=' || *stop == '!' || *stop == ':')
            ps_fail_last(c, "f-string: expression required before '%c'", *stop);
        else
            ps_fail_last(c, "f-string: empty expression not allowed");
        return NULL;
    }
    FsField f;
    field_origin(t, brace, &f.lpar_line, &f.lpar_col);
    pos_in_token(t, start, &f.start_line, &f.start_col);
    pos_in_token(t, stop, &f.rpar_line, &f.rpar_col);
    f.start = start;
    f.end = stop;
    return ps_parse_fstring_expr(c, &f);
}

// A replacement field at *str ('{'): {expr[=][!c][:spec]}. Adds the
// `=` text to the literal and returns the FormattedValue in *out.
static bool find_expr(FsState *st, const char **str, const char *end, bool raw, int level,
                      const Token *t, AstNode **out) {
    ParseCtx *c = st->c;
    enum { MAXLEVEL = 200 };
    char parens[MAXLEVEL];
    int depth = 0;
    char quote = 0;
    int string_type = 0;
    *out = NULL;
    if (level >= 2) {
        ps_fail_last(c, "f-string: expressions nested too deeply");
        return false;
    }
    const char *brace = *str;
    *str += 1;
    const char *expr_start = *str;
    for (; *str < end; (*str)++) {
        char ch = **str;
        if (ch == '\\') {
            ps_fail_last(c, "f-string expression part cannot include a backslash");
            return false;
        }
        if (quote) {
            if (ch == quote) {
                if (string_type == 3) {
                    if (*str + 2 < end && (*str)[1] == ch && (*str)[2] == ch) {
                        *str += 2;
                        string_type = 0;
                        quote = 0;
                    }
                } else {
                    string_type = 0;
                    quote = 0;
                }
            }
            continue;
        }
        if (ch == '\'' || ch == '"') {
            if (*str + 2 < end && (*str)[1] == ch && (*str)[2] == ch) {
                string_type = 3;
                *str += 2;
            } else {
                string_type = 1;
            }
            quote = ch;
        } else if (ch == '[' || ch == '{' || ch == '(') {
            if (depth >= MAXLEVEL) {
                ps_fail_last(c, "f-string: too many nested parenthesis");
                return false;
            }
            parens[depth++] = ch;
        } else if (ch == '#') {
            ps_fail_last(c, "f-string expression part cannot include '#'");
            return false;
        } else if (depth == 0 &&
                   (ch == '!' || ch == ':' || ch == '}' || ch == '=' || ch == '>' || ch == '<')) {
            if (*str + 1 < end) {
                char next = (*str)[1];
                if ((ch == '!' || ch == '=' || ch == '<' || ch == '>') && next == '=') {
                    *str += 1;   // != == <= >= are operators
                    continue;
                }
            }
            if (ch == '>' || ch == '<') continue;
            break;
        } else if (ch == ']' || ch == '}' || ch == ')') {
            if (!depth) {
                ps_fail_last(c, "f-string: unmatched '%c'", ch);
                return false;
            }
            char open = parens[--depth];
            if (!((open == '(' && ch == ')') || (open == '[' && ch == ']') ||
                  (open == '{' && ch == '}'))) {
                ps_fail_last(c, "f-string: closing parenthesis '%c' does not match opening "
                                "parenthesis '%c'", ch, open);
                return false;
            }
        }
    }
    const char *expr_end = *str;
    if (quote) {
        ps_fail_last(c, "f-string: unterminated string");
        return false;
    }
    if (depth) {
        ps_fail_last(c, "f-string: unmatched '%c'", parens[depth - 1]);
        return false;
    }
    if (*str >= end) goto unexpected_end;

    AstNode *value = compile_expr(st, brace, expr_start, expr_end, t);
    if (!value) return false;

    bool debug = false;
    if (**str == '=') {
        *str += 1;
        while (*str < end && (**str == ' ' || **str == '\t' || **str == '\n' || **str == '\r' ||
                              **str == '\f' || **str == '\v'))
            *str += 1;
        if (*str >= end) goto unexpected_end;
        if (!buf_append(&st->lit, expr_start, (size_t)(*str - expr_start))) return nomem(c);
        debug = true;
    }
    int conversion = -1;
    if (**str == '!') {
        *str += 1;
        if (*str >= end) goto unexpected_end;
        conversion = (unsigned char)**str;
        *str += 1;
        if (conversion != 's' && conversion != 'r' && conversion != 'a') {
            ps_fail_last(c, "f-string: invalid conversion character: expected 's', 'r', or 'a'");
            return false;
        }
    }
    AstNode *spec = NULL;
    if (*str < end && **str == ':') {
        *str += 1;
        if (*str >= end) goto unexpected_end;
        FsState sub;
        fs_init(&sub, c, st->first, st->last);
        bool ok = fs_concat(&sub, str, end, raw, level + 1, t) && flush_lit(&sub, span2(t, t));
        buf_free(&sub.lit);
        if (!ok) return false;
        Span ts = span2(t, t);
        spec = ast_new(c->arena, AST_JOINED_STR, ts.line, ts.col, ts.end_line, ts.end_col);
        if (!spec) return nomem(c);
        spec->u.joined.values = ps_seq(sub.values);
        spec->depth = 1;
        for (uint32_t i = 0; sub.values && i < sub.values->len; i++) {
            const AstNode *v = sub.values->items[i];
            if (v->depth >= spec->depth) spec->depth = (uint16_t)(v->depth + 1);
        }
    }
    if (*str >= end || **str != '}') goto unexpected_end;
    *str += 1;
    if (debug && !spec && conversion == -1) conversion = 'r';

    Span sp = span2(st->first, st->last);
    AstNode *n = ast_new(c->arena, AST_FORMATTED_VALUE, sp.line, sp.col, sp.end_line, sp.end_col);
    if (!n) return nomem(c);
    n->u.formatted.value = value;
    n->u.formatted.conversion = conversion;
    n->u.formatted.format_spec = spec;
    n = ast_finish_depth(c, n, value, spec);
    *out = n;
    return n != NULL;

unexpected_end:
    ps_fail_last(c, "f-string: expecting '}'");
    return false;
}

// Scans one f-string body (or format spec, level > 0) into [st].
static int fs_concat(FsState *st, const char **str, const char *end, bool raw, int level,
                     const Token *t) {
    st->fmode = true;
    for (;;) {
        int r = find_literal(st, str, end, raw, level);
        if (r < 0) return 0;
        if (r == 1) continue;
        if (*str >= end || **str == '}') break;
        AstNode *e;
        if (!find_expr(st, str, end, raw, level, t, &e)) return 0;
        if (!flush_lit(st, span2(st->first, st->last)) || !push_value(st, e)) return 0;
    }
    if (level == 0 && *str < end) {
        ps_fail_last(st->c, "f-string: unexpected end of string");
        return 0;
    }
    if (level != 0 && (*str >= end || **str != '}')) {
        ps_fail_last(st->c, "f-string: expecting '}'");
        return 0;
    }
    return 1;
}

// --- concatenation ---------------------------------------------------------------

AstNode *ast_strings(ParseCtx *c, PsList *toks) {
    if (c->failed || !toks) return NULL;
    const Token *first = toks->items[0], *last = toks->items[toks->len - 1];
    FsState st;
    fs_init(&st, c, first, last);
    Buf bytes;
    buf_init(&bytes);
    bool bytesmode = false, ok = true;
    for (uint32_t i = 0; ok && i < toks->len; i++) {
        const Token *t = toks->items[i];
        StrPrefix p;
        const char *body;
        size_t blen;
        int qlen;
        lx_string_parts(t->s, t->len, &p, &body, &blen, &qlen);
        if (p.bytes) {
            for (size_t k = 0; k < blen; k++)
                if ((unsigned char)body[k] >= 0x80) {
                    ps_fail(c, DIAG_SYNTAX, t->line, t->col, t->end_line, t->end_col,
                            "bytes can only contain ASCII literal characters");
                    ok = false;
                    break;
                }
            if (!ok) break;
        }
        if (i != 0 && bytesmode != p.bytes) {
            ps_fail_last(c, "cannot mix bytes and nonbytes literals");
            ok = false;
            break;
        }
        bytesmode = p.bytes;
        if (p.fstring) {
            const char *s = body;
            ok = fs_concat(&st, &s, body + blen, p.raw, 0, t);
        } else if (p.bytes) {
            Diag d;
            diag_init(&d);
            if (!lx_decode_string_body(body, blen, p, &bytes, &d, t->line, t->col)) {
                if (d.kind == DIAG_MEMORY) ps_fail_nomem(c);
                else ps_fail_last(c, "%s", d.msg ? d.msg : "invalid bytes literal");
                diag_clear(&d);
                ok = false;
            }
        } else {
            Diag d;
            diag_init(&d);
            if (!lx_decode_string_body(body, blen, p, &st.lit, &d, t->line, t->col)) {
                if (d.kind == DIAG_MEMORY) ps_fail_nomem(c);
                else ps_fail_last(c, "%s", d.msg ? d.msg : "invalid string literal");
                diag_clear(&d);
                ok = false;
            }
        }
    }
    AstNode *result = NULL;
    Span sp = span2(first, last);
    if (ok && bytesmode) {
        result = ast_new(c->arena, AST_CONSTANT, sp.line, sp.col, sp.end_line, sp.end_col);
        char *copy = result ? arena_strndup(c->arena, bytes.data ? bytes.data : "", bytes.len) : NULL;
        if (!copy) {
            ps_fail_nomem(c);
            result = NULL;
        } else {
            result->u.constant.kind = CONST_BYTES;
            result->u.constant.s = copy;
            result->u.constant.len = bytes.len;
            result->depth = 1;
        }
    } else if (ok && !st.fmode) {
        result = make_str(c, st.lit.data, st.lit.len, sp, u_kind(&st));
    } else if (ok && flush_lit(&st, sp)) {
        result = ast_new(c->arena, AST_JOINED_STR, sp.line, sp.col, sp.end_line, sp.end_col);
        if (!result) {
            ps_fail_nomem(c);
        } else {
            result->u.joined.values = ps_seq(st.values);
            const AstNode *deepest = NULL;
            for (uint32_t i = 0; st.values && i < st.values->len; i++) {
                const AstNode *v = st.values->items[i];
                if (!deepest || v->depth > deepest->depth) deepest = v;
            }
            result = ast_finish_depth(c, result, deepest, NULL);
        }
    }
    buf_free(&st.lit);
    buf_free(&bytes);
    if (result) ps_note(c, result);
    return c->failed ? NULL : result;
}
