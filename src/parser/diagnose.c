// Syntax error diagnosis (see diagnose.h). CPython 3.11 reports, for a
// failed parse, either the message of the first "invalid_*" rule that
// matches in its second pass, or "invalid syntax" at the furthest token its
// first pass read. This file recognises the common invalid_* cases from the
// LALR parser's state at the rejected token:
//   unexpected indent / expected an indented block after ... on line N
//   expected ':'                       (compound statement headers)
//   invalid syntax. Perhaps you forgot a comma?
//   expected 'else' after 'if' expression
//   invalid syntax. Maybe you meant '==' or ':=' instead of '='?
//   cannot assign to X here. Maybe you meant '==' instead of '='?
//   Missing parentheses in call to 'print'. Did you mean print(...)?
//   expected default value expression
//   the except clause errors: multiple exception types must be
//   parenthesized / expected one or more exception types / cannot have
//   both 'except' and 'except*' on the same 'try'
//   'match' statements are not supported by aiopy
// and falls back to "invalid syntax" at the rejected token otherwise.
#include "parser/diagnose.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// lemon's entry points (grammar/python.c)
void *ps_lemonAlloc(void *(*alloc)(size_t), ParseCtx *ctx);
void ps_lemonFree(void *p, void (*dealloc)(void *));
void ps_lemon(void *p, int major, Token minor);

enum { MAX_AHEAD = 512 };

void ps_diagnosis_init(PsDiagnosis *d) {
    // the ring is written before it is read: no need to clear it
    d->n = 0;
    d->count = d->prev_count = 0;
    d->depth = 0;
    d->line_start = true;
    d->saw_dedent = d->dedent_before_last = false;
}

void ps_diagnosis_free(PsDiagnosis *d) { (void)d; }

// Called for every token: kept to a ring write and a few counters.
void ps_diagnosis_track(PsDiagnosis *d, const ParseCtx *c, const Token *t) {
    (void)c;
    if (t->kind == TK_DEDENT) d->saw_dedent = true;
    if (t->kind == TK_INDENT || t->kind == TK_DEDENT || t->kind == TK_ENDMARKER) return;
    d->dedent_before_last = d->saw_dedent;
    d->saw_dedent = false;
    if (d->line_start) {
        memcpy(d->prev_head, d->head, sizeof d->head);
        d->prev_count = d->count;
        d->count = 0;
        d->line_start = false;
    }
    if (d->count < 3) d->head[d->count] = *t;
    d->ring[d->n % PS_RING] = *t;
    d->n++;
    d->count++;
    switch (t->kind) {
    case TK_LPAR:
    case TK_LSQB:
    case TK_LBRACE: d->depth++; break;
    case TK_RPAR:
    case TK_RSQB:
    case TK_RBRACE:
        if (d->depth > 0) d->depth--;
        break;
    case TK_NEWLINE: d->line_start = true; break;
    default: break;
    }
}

static bool same_token(const Token *a, const Token *b) {
    return a->kind == b->kind && a->s == b->s && a->line == b->line && a->col == b->col;
}

void ps_diagnosis_replay(PsDiagnosis *d, const ParseCtx *c, const PsFeed *feed) {
    ps_diagnosis_init(d);
    const Token *stop = &c->err_tok;
    Lexer lx;
    if (feed->fragment) {
        ps_diagnosis_track(d, c, &feed->lpar);
        if (same_token(&feed->lpar, stop)) return;
        lx_init_fragment(&lx, c->src, feed->start, feed->end, feed->line, feed->col);
    } else {
        lx_init(&lx, c->src);
    }
    Token t;
    while (lx_next(&lx, &t)) {
        if (t.kind == TK_ENDMARKER && feed->fragment) t = feed->rpar;
        ps_diagnosis_track(d, c, &t);
        if (same_token(&t, stop) || t.kind == TK_ENDMARKER) break;
    }
    lx_free(&lx);
}

// The i-th token of the current line counting back from the last one
// (0 = the last tracked token), or NULL if no longer kept.
static const Token *back(const PsDiagnosis *d, unsigned i) {
    if (i >= d->count || i >= PS_RING) return NULL;
    return &d->ring[(d->n - 1 - i) % PS_RING];
}

// The same across line boundaries.
static const Token *recent(const PsDiagnosis *d, unsigned i) {
    if (i >= d->n || i >= PS_RING) return NULL;
    return &d->ring[(d->n - 1 - i) % PS_RING];
}

// --- positions -------------------------------------------------------------------

static const char *line_text(const ParseCtx *c, int line, size_t *len) {
    return lx_source_line(c->src, line, len);
}

Span ps_cpython_span(const ParseCtx *c, const Token *t) {
    bool is_la = t->line == c->la->line && t->col == c->la->col && t->kind == c->la->kind;
    return ps_cpython_span_after(c, t, is_la ? c->prev : NULL);
}

Span ps_cpython_span_after(const ParseCtx *c, const Token *t, const Token *before) {
    Span s = {t->line, t->col, t->end_line, t->end_col};
    if (t->kind == TK_NEWLINE) {
        // CPython's NEWLINE has no width and starts at a comment if one
        // ends the line.
        s.end_line = s.line;
        s.end_col = s.col;
        size_t len;
        const char *text = line_text(c, t->line, &len);
        if (text) {
            int from = 0;
            if (before && before->kind != TK_NEWLINE && before->end_line == t->line &&
                before->end_col <= t->col)
                from = before->end_col;
            for (int i = from; i < t->col && (size_t)i < len; i++) {
                if (text[i] == '#') {
                    s.col = i;
                    break;
                }
                if (text[i] != ' ' && text[i] != '\t' && text[i] != '\f') break;
            }
        }
    } else if (t->kind == TK_DEDENT && t->s >= c->src->text + c->src->len) {
        s = ps_eof_span(c);
    } else if (t->kind == TK_INDENT || t->kind == TK_DEDENT) {
        // CPython's INDENT/DEDENT have no column: errors point just after
        // the indentation of their line, with no end.
        size_t len;
        const char *text = line_text(c, t->line, &len);
        int w = 0;
        while (text && (size_t)w < len && (text[w] == ' ' || text[w] == '\t' || text[w] == '\f')) w++;
        s.line = s.end_line = t->line;
        s.col = w - 1;
        s.end_col = -2;
    } else if (t->kind == TK_ENDMARKER && !c->in_fstring) {
        s = ps_eof_span(c);
    }
    return s;
}

// Where CPython's _PyPegen_raise_error points at the end of input: after
// the last line read (col is tok->cur - line_start, with no end).
// CPython's tokenizer adds a final LF when the text lacks one, and a final
// LF does not open a line: the last line read is the one holding it.
static int eof_line(const Source *src, size_t *start) {
    int line = 1;
    size_t ls = 0;
    for (size_t i = 0; i + 1 < src->len; i++)
        if (src->text[i] == '\n') {
            line++;
            ls = i + 1;
        }
    *start = ls;
    return line;
}

Span ps_eof_span(const ParseCtx *c) {
    const Source *src = c->src;
    size_t start;
    int line = eof_line(src, &start);
    bool lf = src->len > 0 && src->text[src->len - 1] == '\n';
    Span s;
    s.line = s.end_line = line;
    s.col = (int)(src->len - start) + (lf ? 0 : 1) - 1;
    if (c->flags & PARSE_FROM_FILE) s.col = -1;
    s.end_col = -2;
    return s;
}

// The location CPython gives a generic error at ENDMARKER: its line, no
// column (offset 0, end offset 0).
static Span endmarker_span(const ParseCtx *c) {
    size_t start;
    int line = eof_line(c->src, &start);
    Span s = {line, -1, line, -1};
    return s;
}

static void fail_tok(ParseCtx *c, DiagKind kind, const Token *t, const char *msg) {
    Span s = ps_cpython_span(c, t);
    ps_fail(c, kind, s.line, s.col, s.end_line, s.end_col, "%s", msg);
}

// --- looking ahead ---------------------------------------------------------------

// Tokens from the rejected one to the end of its logical line (or a cap).
typedef struct Ahead {
    Token *toks;
    int n;
    bool lex_error;   // the lexer failed right after toks[n - 1]
} Ahead;

// Reads once: later calls keep what the first one read (the lexer has
// moved on).
static void read_ahead(PsDiagnosis *d, ParseCtx *c, Lexer *lx, Ahead *a) {
    if (a->toks) return;
    a->toks = malloc(MAX_AHEAD * sizeof *a->toks);
    a->n = 0;
    a->lex_error = false;
    if (!a->toks) return;
    a->toks[a->n++] = c->err_tok;
    int depth = d->depth;
    const Token *t = &c->err_tok;
    for (;;) {
        if (t->kind == TK_LPAR || t->kind == TK_LSQB || t->kind == TK_LBRACE) depth++;
        if ((t->kind == TK_RPAR || t->kind == TK_RSQB || t->kind == TK_RBRACE) && depth > 0) depth--;
        if ((t->kind == TK_NEWLINE && depth == 0) || t->kind == TK_ENDMARKER) break;
        if (a->n >= MAX_AHEAD || diag_is_set(&lx->diag)) break;
        if (!lx_next(lx, &a->toks[a->n])) {
            a->lex_error = true;
            break;
        }
        t = &a->toks[a->n++];
    }
}

static bool starts_expression(int kind) {
    switch (kind) {
    case TK_NAME: case TK_NUMBER: case TK_STRING: case TK_LPAR: case TK_LSQB: case TK_LBRACE:
    case TK_MINUS: case TK_PLUS: case TK_TILDE: case TK_NOT: case TK_LAMBDA: case TK_AWAIT:
    case TK_NONE: case TK_TRUE: case TK_FALSE: case TK_ELLIPSIS:
        return true;
    default:
        return false;
    }
}

// The number of tokens of toks[0..n) forming the longest complete
// expression (a `test`, or with [tuple] a comma-separated list), or 0. A
// scratch parser is fed `( tokens` and asked after each token whether ')'
// could follow.
static int expr_prefix_ex(ParseCtx *parent, const Token *toks, int n, bool tuple,
                          bool *reached_end) {
    Diag diag;
    diag_init(&diag);
    ParseCtx c;
    memset(&c, 0, sizeof c);
    c.arena = parent->arena;
    c.src = parent->src;
    c.diag = &diag;
    diag_init(&c.deferred);
    c.la = c.prev = &c.slots[0];
    void *p = ps_lemonAlloc(malloc, &c);
    if (!p) return 0;
    Token t = toks[0];
    t.kind = TK_EVAL_MODE;
    ps_lemon(p, TK_EVAL_MODE, t);
    t.kind = TK_LPAR;
    ps_lemon(p, TK_LPAR, t);
    int best = 0, depth = 0, i = 0;
    for (; i < n && !c.failed; i++) {
        int k = toks[i].kind;
        if (depth == 0 && (k == TK_FOR || k == TK_ASYNC || k == TK_COLON || k == TK_EQUAL ||
                           k == TK_COLONEQUAL || k == TK_AS || k == TK_NEWLINE ||
                           (k == TK_COMMA && !tuple)))
            break;
        if (k == TK_LPAR || k == TK_LSQB || k == TK_LBRACE) depth++;
        if (k == TK_RPAR || k == TK_RSQB || k == TK_RBRACE) {
            if (depth == 0) break;
            depth--;
        }
        c.prev = c.la;
        c.la = &toks[i];
        ps_lemon(p, k, toks[i]);
        if (!c.failed && depth == 0 && ps_lemon_accepts(p, TK_RPAR)) best = i + 1;
    }
    // all the tokens were taken without an error: the expression may go on
    if (reached_end) *reached_end = i == n && !c.failed;
    ps_lemonFree(p, free);
    diag_clear(&diag);
    diag_clear(&c.deferred);
    return best;
}

static int expr_prefix(ParseCtx *parent, const Token *toks, int n, bool tuple) {
    return expr_prefix_ex(parent, toks, n, tuple, NULL);
}

// Notes the furthest token a diagnosis looked at (CPython compares its line
// with an unclosed bracket's, see ps_check_rest).
static void looked_at(ParseCtx *c, const Ahead *a, int i) {
    const Token *t = i < a->n ? &a->toks[i] : &a->toks[a->n - 1];
    if (t->line > c->furthest_line) c->furthest_line = t->line;
}

// The outermost recently built expression ending exactly at [end].
static const AstNode *expr_ending_at(const ParseCtx *c, Span end) {
    const AstNode *best = NULL;
    unsigned n = c->recent_n < 32 ? c->recent_n : 32;
    for (unsigned i = 0; i < n; i++) {
        const AstNode *e = c->recent[(c->recent_n - 1 - i) % 32];
        if (!e) continue;
        Span s = ast_tspan(c, e);
        if (s.end_line != end.end_line || s.end_col != end.end_col) continue;
        if (!best) {
            best = e;
            continue;
        }
        Span b = ast_tspan(c, best);
        if (s.line < b.line || (s.line == b.line && s.col < b.col)) best = e;
    }
    return best;
}

// The token before the one that starts at [start], or NULL.
static const Token *tok_before(const PsDiagnosis *d, Span start, unsigned *index) {
    for (unsigned i = 0; i + 1 < PS_RING; i++) {
        const Token *x = back(d, i);
        if (!x) return NULL;
        if (x->line == start.line && x->col == start.col) {
            if (index) *index = i + 1;
            return back(d, i + 1);
        }
    }
    return NULL;
}

static bool tok_is(const Token *t, int kind, const char *text) {
    size_t n = strlen(text);
    return t->kind == kind && t->len == n && memcmp(t->s, text, n) == 0;
}

static int open_bracket(const PsDiagnosis *d, unsigned from, unsigned *at);

// Is the i-th token back inside the parentheses of a call?
static bool in_call_parens(const PsDiagnosis *d, unsigned i) {
    unsigned at = 0;
    if (open_bracket(d, i, &at) != TK_LPAR) return false;
    const Token *f = back(d, at + 1);
    return f && (f->kind == TK_NAME || f->kind == TK_RPAR || f->kind == TK_RSQB ||
                 f->kind == TK_STRING);
}

// The bracket depth before the last tracked token (d->depth is after it).
static int depth_before_last(const PsDiagnosis *d) {
    const Token *t = back(d, 0);
    if (!t) return d->depth;
    if (t->kind == TK_LPAR || t->kind == TK_LSQB || t->kind == TK_LBRACE) return d->depth - 1;
    if (t->kind == TK_RPAR || t->kind == TK_RSQB || t->kind == TK_RBRACE) return d->depth + 1;
    return d->depth;
}

// The diagnosis needed the token after the ones read ahead, and the lexer
// failed there: CPython's second pass fails at that token too, with the
// tokenizer's error. The driver takes the lexer's diag.
static bool lexer_wins(ParseCtx *c) {
    c->lexer_error_wins = true;
    c->failed = true;
    return true;
}

// "Perhaps you forgot a comma?": inside brackets, an expression directly
// followed by another (CPython's invalid_expression).
static bool forgot_comma(PsDiagnosis *d, ParseCtx *c, const Ahead *a) {
    const Token *t = &c->err_tok;
    if (d->count && (d->head[0].kind == TK_FROM || d->head[0].kind == TK_IMPORT)) return false;
    const Token *prev = back(d, 1);
    if (!prev || !starts_expression(t->kind) || a->n < 1) return false;
    const AstNode *left = expr_ending_at(c, ps_tok_span(prev));
    if (!left) return false;
    // !(NAME STRING | SOFT_KEYWORD) at the start of the first expression
    Span ls = ast_tspan(c, left);
    const AstNode *first = left;
    while (first->kind == AST_BIN_OP || first->kind == AST_CALL || first->kind == AST_ATTRIBUTE ||
           first->kind == AST_SUBSCRIPT || first->kind == AST_COMPARE) {
        if (first->pflags & PF_GROUPED) break;
        first = first->kind == AST_BIN_OP ? first->u.binop.left
              : first->kind == AST_CALL ? first->u.call.func
              : first->kind == AST_ATTRIBUTE ? first->u.attribute.value
              : first->kind == AST_SUBSCRIPT ? first->u.subscript.value
                                             : first->u.compare.left;
    }
    if (first->kind == AST_NAME && !(first->pflags & PF_GROUPED)) {
        const AstIdent *id = &first->u.name.id;
        if ((id->len == 5 && memcmp(id->s, "match", 5) == 0) ||
            (id->len == 4 && memcmp(id->s, "case", 4) == 0) || (id->len == 1 && id->s[0] == '_'))
            return false;
        if (left == first && t->kind == TK_STRING) return false;
        if (left == first && ((id->len == 5 && memcmp(id->s, "print", 5) == 0) ||
                              (id->len == 4 && memcmp(id->s, "exec", 4) == 0)))
            return false;
    }
    // only where CPython parses an `expression`: not a comprehension's
    // iterable or condition, not after a `*` or `**` outside a call
    unsigned pi = 0;
    const Token *pre = tok_before(d, ls, &pi);
    if (pre && (pre->kind == TK_IN || pre->kind == TK_IF)) return false;
    // `**x` in a dict is not an expression position (CPython's bitwise_or);
    // `*x` is one at the start of a bracket and in a call's arguments
    if (pre && pre->kind == TK_DOUBLESTAR && open_bracket(d, pi, NULL) == TK_LBRACE) return false;
    if (pre && pre->kind == TK_STAR) {
        const Token *pp = back(d, pi + 1);
        bool opening = pp && (pp->kind == TK_LPAR || pp->kind == TK_LSQB || pp->kind == TK_LBRACE);
        if (!opening && !in_call_parens(d, pi)) return false;
    }
    bool reached_end = false;
    int n = expr_prefix_ex(c, a->toks, a->n, false, &reached_end);
    if (reached_end && a->lex_error) return lexer_wins(c);
    if (n == 0) return false;
    looked_at(c, a, n);
    // CPython checks the bracket level of the last token of the second
    // expression (a closing bracket counts after it closes); d->depth
    // already counts the rejected token (toks[0]).
    int depth = depth_before_last(d);
    for (int i = 0; i < n; i++) {
        int k = a->toks[i].kind;
        if (k == TK_LPAR || k == TK_LSQB || k == TK_LBRACE) depth++;
        if (k == TK_RPAR || k == TK_RSQB || k == TK_RBRACE) depth--;
    }
    if (depth <= 0) return false;
    ps_fail_range(c, ast_span(left), ps_tok_span(&a->toks[n - 1]),
                  "invalid syntax. Perhaps you forgot a comma?");
    return true;
}

// print "x" / exec "x"
static bool legacy_print(PsDiagnosis *d, ParseCtx *c, const Ahead *a) {
    const Token *t = &c->err_tok;
    const Token *prev = back(d, 1), *before = back(d, 2);
    if (!prev || !(tok_is(prev, TK_NAME, "print") || tok_is(prev, TK_NAME, "exec"))) return false;
    if (before && before->kind == TK_DOT) return false;
    if (!starts_expression(t->kind) || t->kind == TK_LPAR) return false;
    bool reached_end = false;
    int n = expr_prefix_ex(c, a->toks, a->n, true, &reached_end);
    if (reached_end && a->lex_error) return lexer_wins(c);
    if (n == 0) return false;
    looked_at(c, a, n);
    ps_fail_range(c, ps_tok_span(prev), ps_tok_span(&a->toks[n - 1]),
                  "Missing parentheses in call to '%.*s'. Did you mean %.*s(...)?", (int)prev->len,
                  prev->s, (int)prev->len, prev->s);
    return true;
}

// x if y <not else>: "expected 'else' after 'if' expression"
static bool missing_else(PsDiagnosis *d, ParseCtx *c) {
    const Token *t = &c->err_tok;
    if (t->kind == TK_ELSE || t->kind == TK_COLON || !ps_expects(c, TK_ELSE)) return false;
    const Token *prev = back(d, 1);
    if (!prev) return false;
    const AstNode *cond = expr_ending_at(c, ps_tok_span(prev));
    if (!cond) return false;
    // the 'if' token before the condition
    Span cs = ast_tspan(c, cond);
    const Token *iftok = NULL, *before_if = NULL;
    for (unsigned i = 1; i < PS_RING; i++) {
        const Token *x = back(d, i);
        if (!x) return false;
        if (x->line == cs.line && x->col == cs.col) {
            iftok = back(d, i + 1);
            before_if = back(d, i + 2);
            break;
        }
    }
    if (!iftok || iftok->kind != TK_IF || !before_if) return false;
    const AstNode *body = expr_ending_at(c, ps_tok_span(before_if));
    if (!body) return false;
    ps_fail_range(c, ast_span(body), ast_span(cond), "expected 'else' after 'if' expression");
    return true;
}

// `if x = 1:` and `f(a, b=1 for ...)`-like uses of '=' where an expression
// was expected (CPython's invalid_named_expression).
static bool misplaced_equal(PsDiagnosis *d, ParseCtx *c, const Ahead *a) {
    const Token *t = &c->err_tok;
    if (t->kind != TK_EQUAL) return false;
    const Token *prev = back(d, 1);
    if (!prev) return false;
    // only where CPython parses a named_expression: if/elif/while
    // conditions, decorators and inside brackets
    int k0 = d->head[0].kind;
    if (d->depth == 0 &&
        !(d->count > 0 && (k0 == TK_IF || k0 == TK_ELIF || k0 == TK_WHILE || k0 == TK_AT)))
        return false;
    const AstNode *left = expr_ending_at(c, ps_tok_span(prev));
    if (!left) return false;
    // Which alternative applies is decided before the right side is read:
    // NAME '=' ..., or a bitwise_or not starting with a display or a
    // True/None/False keyword.
    bool grouped = (left->pflags & PF_GROUPED) != 0;
    bool is_name = left->kind == AST_NAME && !grouped;
    if (!is_name && !grouped) {
        if (left->kind == AST_COMPARE || left->kind == AST_BOOL_OP || left->kind == AST_IF_EXP ||
            left->kind == AST_LAMBDA || left->kind == AST_STARRED ||
            (left->kind == AST_UNARY_OP && left->u.unaryop.op == UOP_NOT))
            return false;
        if (left->kind == AST_LIST || left->kind == AST_GENERATOR_EXP ||
            (left->kind == AST_TUPLE && (left->pflags & PF_PAREN_TUPLE)))
            return false;
        if (left->kind == AST_CONSTANT &&
            (left->u.constant.kind == CONST_TRUE || left->u.constant.kind == CONST_FALSE ||
             left->u.constant.kind == CONST_NONE))
            return false;
    }
    // the right side: a bitwise_or not followed by '=' or ':='
    bool reached_end = false;
    int n = a->n > 1 ? expr_prefix_ex(c, a->toks + 1, a->n - 1, false, &reached_end) : 0;
    if (reached_end && a->lex_error) return lexer_wins(c);
    if (n == 0) return false;
    looked_at(c, a, 1 + n);
    int after = 1 + n < a->n ? a->toks[1 + n].kind : TK_NEWLINE;
    if (after == TK_EQUAL || after == TK_COLONEQUAL) return false;
    if (is_name) {
        ps_fail_range(c, ast_span(left), ps_tok_span(&a->toks[n]),
                      "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
        return true;
    }
    ps_fail_node(c, left, "cannot assign to %s here. Maybe you meant '==' instead of '='?",
                 ast_expr_name(left));
    return true;
}

// Are we among a lambda's parameters (a `lambda` with no ':' after it, at
// the same bracket level)?
static bool in_lambda_params(const PsDiagnosis *d) {
    int depth = 0;
    for (unsigned i = 1; i < PS_RING; i++) {
        const Token *x = back(d, i);
        if (!x) return false;
        switch (x->kind) {
        case TK_RPAR: case TK_RSQB: case TK_RBRACE: depth++; break;
        case TK_LPAR: case TK_LSQB: case TK_LBRACE:
            if (depth-- == 0) return false;
            break;
        case TK_COLON:
            if (depth == 0) return false;
            break;
        case TK_LAMBDA:
            if (depth == 0) return true;
            break;
        default: break;
        }
    }
    return false;
}

// The compound statement a block belongs to, for "expected an indented
// block after ...".
static bool header_name(const Token *h, unsigned n, char *buf, size_t size) {
    if (n == 0) return false;
    int k = h[0].kind;
    if (k == TK_ASYNC && n > 1) k = h[1].kind;
    const char *kw = NULL;
    switch (k) {
    case TK_DEF: snprintf(buf, size, "function definition"); return true;
    case TK_CLASS: snprintf(buf, size, "class definition"); return true;
    case TK_IF: kw = "if"; break;
    case TK_ELIF: kw = "elif"; break;
    case TK_ELSE: kw = "else"; break;
    case TK_WHILE: kw = "while"; break;
    case TK_FOR: kw = "for"; break;
    case TK_WITH: kw = "with"; break;
    case TK_TRY: kw = "try"; break;
    case TK_EXCEPT: kw = n > 1 && h[1].kind == TK_STAR ? "except*" : "except"; break;
    case TK_FINALLY: kw = "finally"; break;
    default:
        if (tok_is(&h[0], TK_NAME, "match")) kw = "match";
        break;
    }
    if (!kw) return false;
    snprintf(buf, size, "'%s' statement", kw);
    return true;
}

static bool is_header_keyword(const Token *h) {
    switch (h->kind) {
    case TK_IF: case TK_ELIF: case TK_ELSE: case TK_WHILE: case TK_FOR: case TK_WITH:
    case TK_TRY: case TK_EXCEPT: case TK_FINALLY: case TK_DEF: case TK_CLASS: case TK_ASYNC:
        return true;
    default:
        return false;
    }
}

// The innermost bracket still open before the rejected token: its kind and
// how many tokens back it is (0 if none is kept).
static int open_bracket(const PsDiagnosis *d, unsigned from, unsigned *at) {
    int depth = 0;
    for (unsigned i = from; i < PS_RING; i++) {
        const Token *x = back(d, i);
        if (!x) return 0;
        switch (x->kind) {
        case TK_RPAR: case TK_RSQB: case TK_RBRACE: depth++; break;
        case TK_LPAR: case TK_LSQB: case TK_LBRACE:
            if (depth-- == 0) {
                if (at) *at = i;
                return x->kind;
            }
            break;
        default: break;
        }
    }
    return 0;
}

// {k: v, x}: "':' expected after dictionary key" (CPython's invalid_kvpair)
static bool dict_key_colon(PsDiagnosis *d, ParseCtx *c) {
    const Token *t = &c->err_tok;
    if (t->kind == TK_COLON || !ps_expects(c, TK_COLON)) return false;
    const Token *prev = back(d, 1);
    if (!prev) return false;
    const AstNode *key = expr_ending_at(c, ps_tok_span(prev));
    if (!key) return false;
    unsigned pi = 0;
    const Token *pre = tok_before(d, ast_tspan(c, key), &pi);
    if (!pre || pre->kind != TK_COMMA || open_bracket(d, 1, NULL) != TK_LBRACE) return false;
    ps_fail(c, DIAG_SYNTAX, key->line, key->end_col - 1, key->end_line, -1,
            "':' expected after dictionary key");
    return true;
}

// f(a=x for x in y): CPython's invalid_kwarg reports the '=' of a keyword
// argument followed by a comprehension.
static bool keyword_genexp(PsDiagnosis *d, ParseCtx *c) {
    const Token *t = &c->err_tok;
    if (t->kind != TK_FOR && t->kind != TK_ASYNC) return false;
    unsigned at = 0;
    if (open_bracket(d, 1, &at) != TK_LPAR) return false;
    // the start of the current argument: after the last top-level ','
    int depth = 0;
    unsigned start = at;
    for (unsigned i = 1; i < at; i++) {
        const Token *x = back(d, i);
        switch (x->kind) {
        case TK_RPAR: case TK_RSQB: case TK_RBRACE: depth++; break;
        case TK_LPAR: case TK_LSQB: case TK_LBRACE: depth--; break;
        case TK_COMMA:
            if (depth == 0 && start == at) start = i;
            break;
        default: break;
        }
    }
    const Token *name = back(d, start - 1), *eq = back(d, start - 2);
    if (!name || !eq || name->kind != TK_NAME || eq->kind != TK_EQUAL) return false;
    ps_fail(c, DIAG_SYNTAX, name->line, name->col, eq->end_line, eq->end_col,
            "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
    return true;
}

static bool is_header_keyword(const Token *h);
static bool in_lambda_params(const PsDiagnosis *d);

static bool is_binary_operator(int k) {
    switch (k) {
    case TK_PLUS: case TK_MINUS: case TK_STAR: case TK_SLASH: case TK_DOUBLESLASH:
    case TK_PERCENT: case TK_AT: case TK_DOUBLESTAR: case TK_VBAR: case TK_AMPER:
    case TK_CIRCUMFLEX: case TK_LEFTSHIFT: case TK_RIGHTSHIFT: case TK_LESS: case TK_GREATER:
    case TK_EQEQUAL: case TK_NOTEQUAL: case TK_LESSEQUAL: case TK_GREATEREQUAL: case TK_NOT:
    case TK_AND: case TK_OR: case TK_IS: case TK_IF:
        return true;
    default:
        return false;
    }
}

// The expression statement CPython's star_expressions would parse at the
// start of toks[0..n): the longest prefix after which the statement could
// end, parsed again on its own. NULL if none.
static const AstNode *star_expressions_prefix(ParseCtx *parent, const Token *toks, int n) {
    int best = 0;
    for (int pass = 0; pass < 2; pass++) {
        Diag diag;
        diag_init(&diag);
        ParseCtx c;
        memset(&c, 0, sizeof c);
        c.arena = parent->arena;
        c.src = parent->src;
        c.diag = &diag;
        c.flags = PARSE_ONLY_AST;
        c.la = c.prev = &c.slots[0];
        diag_init(&c.deferred);
        void *p = ps_lemonAlloc(malloc, &c);
        if (!p) return NULL;
        int limit = pass == 0 ? n : best;
        int depth = 0;
        for (int i = 0; i < limit && !c.failed; i++) {
            int k = toks[i].kind;
            if (k == TK_NEWLINE || k == TK_COLON || k == TK_EQUAL) break;
            if (k == TK_LPAR || k == TK_LSQB || k == TK_LBRACE) depth++;
            if (k == TK_RPAR || k == TK_RSQB || k == TK_RBRACE) {
                if (depth == 0) break;
                depth--;
            }
            c.prev = c.la;
            c.la = &toks[i];
            ps_lemon(p, k, toks[i]);
            if (pass == 0 && !c.failed && depth == 0 && ps_lemon_accepts(p, TK_NEWLINE))
                best = i + 1;
        }
        const AstNode *result = NULL;
        if (pass == 1 && !c.failed) {
            Token nl = toks[best - 1];
            nl.kind = TK_NEWLINE;
            nl.col = nl.end_col;
            nl.line = nl.end_line;
            ps_lemon(p, TK_NEWLINE, nl);
            nl.kind = TK_ENDMARKER;
            if (!c.failed) ps_lemon(p, TK_ENDMARKER, nl);
            if (!c.failed && c.root && c.root->u.module.body.len == 1 &&
                c.root->u.module.body.items[0]->kind == AST_EXPR)
                result = c.root->u.module.body.items[0]->u.expr.value;
        }
        ps_lemonFree(p, free);
        diag_clear(&diag);
        diag_clear(&c.deferred);
        if (pass == 1 || best == 0) return result;
    }
    return NULL;
}

// `for f() in x`, `for x *a in y`: CPython's invalid_for_target parses what
// follows `for` as star_expressions and names its first invalid target.
static bool invalid_for_target(PsDiagnosis *d, ParseCtx *c, Lexer *lx, Ahead *a) {
    // the `for` of the target the rejected token is in (no `in` since)
    int depth = 0;
    unsigned n = d->count < PS_RING ? d->count : PS_RING, at = 0;
    for (unsigned i = 1; i < n && !at; i++) {
        const Token *x = back(d, i);
        switch (x->kind) {
        case TK_RPAR: case TK_RSQB: case TK_RBRACE: depth++; break;
        case TK_LPAR: case TK_LSQB: case TK_LBRACE:
            if (depth-- == 0) return false;
            break;
        case TK_COLON: case TK_EQUAL:
            if (depth == 0) return false;
            break;
        case TK_FOR:
            if (depth == 0) at = i;
            break;
        default: break;
        }
    }
    if (!at) return false;
    read_ahead(d, c, lx, a);
    if (!a->toks) return false;
    // the tokens after `for`: those already pushed, then the read-ahead ones
    int total = (int)at - 1 + a->n;
    Token *toks = malloc((size_t)(total > 0 ? total : 1) * sizeof *toks);
    bool reported = false;
    if (toks) {
        int k = 0;
        for (unsigned i = at - 1; i >= 1; i--) toks[k++] = *back(d, i);
        for (int i = 0; i < a->n; i++) toks[k++] = a->toks[i];
        const AstNode *e = star_expressions_prefix(c, toks, k);
        const AstNode *bad = e ? ast_invalid_target(e, TARGET_FOR) : NULL;
        // a comparison `x in y` is a target followed by its iterable
        if (bad && bad->kind == AST_COMPARE && bad->u.compare.ops[0] == ACMP_IN)
            bad = ast_invalid_target(bad->u.compare.left, TARGET_FOR);
        if (bad) {
            ps_fail_node(c, bad, "cannot assign to %s", ast_expr_name(bad));
            reported = true;
        }
        free(toks);
    }
    return reported;
}

// `for x - in y`: our grammar reads a for target as an expression, CPython
// as a target, so its first pass stops at the first operator of the target.
static bool bad_for_target(PsDiagnosis *d, ParseCtx *c) {
    int depth = 0;
    const Token *op = NULL;
    unsigned n = d->count < PS_RING ? d->count : PS_RING;
    // walk back to the `for` of the target the rejected token is in
    for (unsigned i = 1; i < n; i++) {
        const Token *x = back(d, i);
        switch (x->kind) {
        case TK_RPAR: case TK_RSQB: case TK_RBRACE: depth++; break;
        case TK_LPAR: case TK_LSQB: case TK_LBRACE:
            if (depth-- == 0) return false;
            break;
        case TK_IN:
        case TK_COLON:
        case TK_EQUAL:
            if (depth == 0) return false;
            break;
        case TK_FOR:
            if (depth == 0) {
                if (op) {
                    fail_tok(c, DIAG_SYNTAX, op, "invalid syntax");
                    return true;
                }
                return false;
            }
            break;
        default:
            if (depth == 0 && is_binary_operator(x->kind)) {
                const Token *before = back(d, i + 1);
                // a star target (`for *x in`, `for a, *b in`) is not an operator
                bool prefix_star = x->kind == TK_STAR && before &&
                                   (before->kind == TK_FOR || before->kind == TK_COMMA);
                if (!prefix_star) op = x;
            }
            break;
        }
    }
    return false;
}

// `x as y` inside parentheses other than a with statement's items: CPython
// fails at the `as` (our grammar accepts it there until the parentheses
// close).
static bool stray_as(PsDiagnosis *d, ParseCtx *c) {
    if (d->count && (d->head[0].kind == TK_FROM || d->head[0].kind == TK_IMPORT)) return false;
    unsigned n = d->count < PS_RING ? d->count : PS_RING;
    for (unsigned i = n; i-- > 1;) {
        const Token *x = back(d, i);
        if (x->kind != TK_AS) continue;
        unsigned at = 0;
        if (open_bracket(d, i + 1, &at) != TK_LPAR) continue;
        // still open at the rejected token?
        unsigned at2 = 0;
        if (open_bracket(d, 1, &at2) == 0 || at2 < at) continue;
        // `with (` opens the with-items form, where `as` is allowed
        const Token *w = back(d, at + 1);
        if (w && w->kind == TK_WITH) continue;
        fail_tok(c, DIAG_SYNTAX, x, "invalid syntax");
        return true;
    }
    return false;
}

// `f(x): <bad annotation>`: an annotation after a target CPython cannot
// annotate makes its first pass fail at the ':' (annotation targets are a
// name, an attribute or a subscript).
static bool bad_annotation_target(PsDiagnosis *d, ParseCtx *c) {
    if (!d->count || is_header_keyword(&d->head[0]) || d->head[0].kind == TK_AT) return false;
    // the first ':' of the line outside brackets
    int depth = 0;
    const Token *colon = NULL, *before = NULL;
    unsigned n = d->count < PS_RING ? d->count : PS_RING;
    for (unsigned i = n; i-- > 1;) {
        const Token *x = back(d, i);
        switch (x->kind) {
        case TK_LPAR: case TK_LSQB: case TK_LBRACE: depth++; break;
        case TK_RPAR: case TK_RSQB: case TK_RBRACE: depth--; break;
        case TK_LAMBDA: return false;
        case TK_COLON:
            if (depth == 0) {
                colon = x;
                before = back(d, i + 1);
            }
            break;
        default: break;
        }
        if (colon) break;
    }
    if (!colon || !before) return false;
    const AstNode *target = expr_ending_at(c, ps_tok_span(before));
    if (!target) return false;
    bool grouped = (target->pflags & PF_GROUPED) != 0;
    if (target->kind == AST_NAME || target->kind == AST_ATTRIBUTE || target->kind == AST_SUBSCRIPT)
        return false;
    if (target->kind == AST_TUPLE && !grouped && !(target->pflags & PF_PAREN_TUPLE)) return false;
    fail_tok(c, DIAG_SYNTAX, colon, "invalid syntax");
    return true;
}

// {k: , ...}: "expression expected after dictionary key and ':'"
static bool dict_value_missing(PsDiagnosis *d, ParseCtx *c) {
    const Token *t = &c->err_tok;
    const Token *prev = back(d, 1);
    if ((t->kind != TK_COMMA && t->kind != TK_RBRACE) || !prev || prev->kind != TK_COLON)
        return false;
    if (open_bracket(d, 1, NULL) != TK_LBRACE) return false;
    fail_tok(c, DIAG_SYNTAX, prev, "expression expected after dictionary key and ':'");
    return true;
}

// `(genexp) := ...` with nothing valid after: CPython's first pass stops at
// the ':=' (an assignment expression needs a name before it).
static bool walrus_after_non_name(PsDiagnosis *d, ParseCtx *c) {
    const Token *prev = back(d, 1), *before = back(d, 2);
    if (!prev || prev->kind != TK_COLONEQUAL || !before) return false;
    const AstNode *left = expr_ending_at(c, ps_tok_span(before));
    if (!left || (left->kind == AST_NAME && !(left->pflags & PF_GROUPED))) return false;
    fail_tok(c, DIAG_SYNTAX, prev, "invalid syntax");
    return true;
}

// (x) := 1, f(x) := 1: CPython's invalid_named_expression
static bool walrus_target(PsDiagnosis *d, ParseCtx *c) {
    const Token *t = &c->err_tok;
    const Token *prev = back(d, 1);
    if (t->kind != TK_COLONEQUAL || !prev) return false;
    // not in a def's parameter list or a lambda's (defaults are expressions)
    if (in_lambda_params(d)) return false;
    unsigned at = 0;
    if (open_bracket(d, 1, &at) == TK_LPAR) {
        const Token *name = back(d, at + 1), *kw = back(d, at + 2);
        if (name && kw && name->kind == TK_NAME && kw->kind == TK_DEF) return false;
    }
    const AstNode *left = expr_ending_at(c, ps_tok_span(prev));
    if (!left || (left->kind == AST_NAME && !(left->pflags & PF_GROUPED))) return false;
    ps_fail_node(c, left, "cannot use assignment expressions with %s", ast_expr_name(left));
    return true;
}

// Forced tokens of CPython's grammar (&&':' after else/try/finally and in
// def headers, &&'(' after a def's name): "expected 'X'" at the token found.
static bool forced_token(PsDiagnosis *d, ParseCtx *c) {
    const Token *t = &c->err_tok;
    const Token *prev = back(d, 1);
    if (!prev || d->count < 2) return false;
    int k0 = d->head[0].kind;
    bool is_def = k0 == TK_DEF || (k0 == TK_ASYNC && d->count > 2 && d->head[1].kind == TK_DEF);
    if ((prev->kind == TK_ELSE || prev->kind == TK_TRY || prev->kind == TK_FINALLY) &&
        d->count == 2 && t->kind != TK_COLON) {
        fail_tok(c, DIAG_SYNTAX, t, "expected ':'");
        return true;
    }
    if (is_def && prev->kind == TK_NAME && d->count == (k0 == TK_ASYNC ? 4u : 3u) &&
        t->kind != TK_LPAR) {
        fail_tok(c, DIAG_SYNTAX, t, "expected '('");
        return true;
    }
    if (is_def && prev->kind == TK_RARROW) {
        fail_tok(c, DIAG_SYNTAX, prev, "expected ':'");
        return true;
    }
    // after the parameters (and the return annotation): &&':'
    if (is_def && d->depth == 0 && t->kind != TK_COLON && t->kind != TK_NEWLINE &&
        ps_expects(c, TK_COLON)) {
        fail_tok(c, DIAG_SYNTAX, t, "expected ':'");
        return true;
    }
    return false;
}

// Is the `as` token [as] inside parentheses that directly follow `with`?
static bool as_opens_with_items(const PsDiagnosis *d, const Token *as) {
    unsigned n = d->count < PS_RING ? d->count : PS_RING;
    for (unsigned i = 0; i < n; i++) {
        const Token *x = back(d, i);
        if (x->line != as->line || x->col != as->col) continue;
        unsigned at = 0;
        if (open_bracket(d, i + 1, &at) != TK_LPAR) return false;
        const Token *w = back(d, at + 1);
        return w && w->kind == TK_WITH;
    }
    return false;
}

// An error on a line that starts with `except`, in the order CPython's
// invalid_except_stmt and invalid_try_stmt rules find them:
//   except [*] A, B [as n]:    multiple exception types must be parenthesized
//   except [*] A [as n] NEWLINE / except NEWLINE      expected ':'
//   except * (NEWLINE | ':')   expected one or more exception types
//   a clause of the other kind than the try's first ones, read as far as
//   its ':' (with a type when it is `except*`): cannot have both ...
// The kind of the try shows in the rejected token: lemon refuses the '*'
// after `except` in a try of plain clauses, and wants only the '*' in a try
// of except* clauses.
static bool except_clause(PsDiagnosis *d, ParseCtx *c, Lexer *lx, Ahead *a) {
    const Token *t = &c->err_tok;
    unsigned before = d->count - 1;   // tokens of the line before t
    if (d->count > PS_RING || before > 8) return false;
    read_ahead(d, c, lx, a);
    if (!a->toks) return false;
    int n = (int)before + a->n;
    Token *toks = malloc((size_t)n * sizeof *toks);
    if (!toks) return false;
    for (unsigned i = 0; i < before; i++) toks[i] = *back(d, before - i);
    memcpy(toks + before, a->toks, (size_t)a->n * sizeof *toks);
    bool star = n > 1 && toks[1].kind == TK_STAR;
    // The clause is of the other kind when lemon refused its second token.
    bool other = before == 1 && ((star && t->kind == TK_STAR) ||
                                 (!star && ps_expects(c, TK_STAR) && !ps_expects(c, TK_NAME)));
    int j = star ? 2 : 1, k;
    bool done = false;
    if (j < n && (toks[j].kind == TK_NEWLINE || toks[j].kind == TK_COLON)) {
        if (star) {
            fail_tok(c, DIAG_SYNTAX, &toks[j], "expected one or more exception types");
            done = true;
        } else if (toks[j].kind == TK_NEWLINE) {
            fail_tok(c, DIAG_SYNTAX, &toks[j], "expected ':'");
            done = true;
        } else if (other) {
            fail_tok(c, DIAG_SYNTAX, &toks[0], "cannot have both 'except' and 'except*' on the same 'try'");
            done = true;
        }
        goto out;
    }
    int e = j < n ? expr_prefix(c, toks + j, n - j, false) : 0;
    if (!e) goto out;
    k = j + e;
    if (k < n && toks[k].kind == TK_COMMA) {
        // `expression ',' expressions ['as' NAME] ':'`, from the first type
        // to the start of the ':'.
        int m = expr_prefix(c, toks + j, n - j, true);
        int q = j + m;
        if (m > e && q < n && toks[q].kind == TK_AS && q + 1 < n && toks[q + 1].kind == TK_NAME) q += 2;
        if (m > e && q < n && toks[q].kind == TK_COLON) {
            ps_fail(c, DIAG_SYNTAX, toks[j].line, toks[j].col, toks[q].line, toks[q].col,
                    "multiple exception types must be parenthesized");
            done = true;
        }
        goto out;
    }
    if (k < n && toks[k].kind == TK_AS) {
        if (k + 1 >= n || toks[k + 1].kind != TK_NAME) goto out;
        k += 2;
    }
    if (k < n && toks[k].kind == TK_NEWLINE) {
        fail_tok(c, DIAG_SYNTAX, &toks[k], "expected ':'");
        done = true;
    } else if (k < n && toks[k].kind == TK_COLON && other) {
        const Token *end = star ? &toks[1] : &toks[0];
        ps_fail(c, DIAG_SYNTAX, toks[0].line, toks[0].col, end->end_line, end->end_col,
                "cannot have both 'except' and 'except*' on the same 'try'");
        done = true;
    }
out:
    free(toks);
    return done;
}

void ps_diagnose(PsDiagnosis *d, ParseCtx *c, Lexer *lx) {
    // The flag was set by lemon; the builders' own errors are set directly.
    if (diag_is_set(c->diag)) return;
    c->failed = false;
    const Token *t = &c->err_tok;
    Ahead a = {NULL, 0, false};   // tokens after the rejected one, read on demand
    // An invalid target or an `x as y` outside a with statement came first.
    if (ps_report_pending_target(c)) goto done;
    // `(x as y)` outside a with statement's items: CPython stops at the
    // `as`, unless the parentheses follow `with`, where its with-items
    // alternative reads on to the rejected token.
    if (c->pending_as && !as_opens_with_items(d, &c->pending_as_tok)) {
        ps_fail(c, DIAG_SYNTAX, c->pending_as_tok.line, c->pending_as_tok.col,
                c->pending_as_tok.end_line, c->pending_as_tok.end_col, "invalid syntax");
        goto done;
    }
    if (t->kind == TK_INDENT) {
        // reported without lexing the rest (_PyPegen_set_syntax_error)
        c->skip_rest_check = true;
        fail_tok(c, DIAG_INDENTATION, t, "unexpected indent");
        goto done;
    }
    // DEDENT and ENDMARKER are not tracked; other tokens are, before the push
    bool tracked = !(t->kind == TK_DEDENT || t->kind == TK_ENDMARKER);
    const Token *prev = recent(d, tracked ? 1 : 0);
    // a header line ended with ':' but no indented block follows
    if (ps_expects(c, TK_INDENT) && prev && prev->kind == TK_NEWLINE) {
        char what[64];
        const Token *h = tracked ? d->prev_head : d->head;
        unsigned hn = tracked ? d->prev_count : d->count;
        if (header_name(h, hn, what, sizeof what)) {
            Span s = ps_cpython_span(c, t);
            ps_fail(c, DIAG_INDENTATION, s.line, s.col, s.end_line, s.end_col,
                    "expected an indented block after %s on line %d", what, h[0].line);
            goto done;
        }
    }
    // single mode: a second statement after a simple one
    if (c->mode == PARSE_SINGLE && tracked && ps_expects(c, TK_ENDMARKER) &&
        recent(d, 1) && recent(d, 1)->kind == TK_NEWLINE && d->prev_count && !d->dedent_before_last &&
        !is_header_keyword(&d->prev_head[0]) &&
        d->prev_head[0].kind != TK_AT) {
        Span s = ps_cpython_span_after(c, recent(d, 1), recent(d, 2));
        ps_fail(c, DIAG_SYNTAX, s.line, s.col, s.end_line, s.end_col,
                "multiple statements found while compiling a single statement");
        goto done;
    }
    if (ps_expects(c, TK_EXCEPT) && ps_expects(c, TK_FINALLY)) {
        fail_tok(c, DIAG_SYNTAX, t, "expected 'except' or 'finally' block");
        goto done;
    }
    // aiopy's subset: no match statements, no except*
    if (d->count && tok_is(&d->head[0], TK_NAME, "match") && d->count > 1 &&
        d->head[1].kind != TK_EQUAL && d->head[1].kind != TK_DOT) {
        read_ahead(d, c, lx, &a);
        bool colon_end = false;
        for (int i = 0; i + 1 < a.n; i++)
            if (a.toks[i].kind == TK_COLON && a.toks[i + 1].kind == TK_NEWLINE) colon_end = true;
        if (t->kind == TK_NEWLINE && back(d, 1) && back(d, 1)->kind == TK_COLON) colon_end = true;
        if (colon_end) {
            ps_fail(c, DIAG_SYNTAX, d->head[0].line, d->head[0].col, d->head[0].end_line,
                    d->head[0].end_col, "'match' statements are not supported by aiopy");
            goto done;
        }
    }
    if (tracked && d->count && d->head[0].kind == TK_EXCEPT && except_clause(d, c, lx, &a)) goto done;
    // `def f(a=)`, `lambda a=, b: 0`: CPython's invalid_default
    if (tracked && (t->kind == TK_RPAR || t->kind == TK_COMMA) && back(d, 1) &&
        back(d, 1)->kind == TK_EQUAL && d->count &&
        (d->head[0].kind == TK_DEF || in_lambda_params(d) ||
         (d->head[0].kind == TK_ASYNC && d->count > 1 && d->head[1].kind == TK_DEF))) {
        fail_tok(c, DIAG_SYNTAX, back(d, 1), "expected default value expression");
        goto done;
    }
    if (tracked && forced_token(d, c)) goto done;
    // a compound statement header without its ':'
    if (t->kind == TK_NEWLINE && ps_expects(c, TK_COLON) && d->count &&
        is_header_keyword(&d->head[0])) {
        fail_tok(c, DIAG_SYNTAX, t, "expected ':'");
        goto done;
    }
    if (tracked) {
        bool done_here = false;
        if (dict_key_colon(d, c)) goto done;
        // (**a): CPython's invalid_group, '(' '**' expression ')'
        if (t->kind == TK_DOUBLESTAR && back(d, 1) && back(d, 1)->kind == TK_LPAR) {
            const Token *f = back(d, 2);
            bool call = f && (f->kind == TK_NAME || f->kind == TK_RPAR || f->kind == TK_RSQB);
            if (!call) {
                read_ahead(d, c, lx, &a);
                int n = a.n > 1 ? expr_prefix(c, a.toks + 1, a.n - 1, false) : 0;
                if (n && 1 + n < a.n && a.toks[1 + n].kind == TK_RPAR) {
                    fail_tok(c, DIAG_SYNTAX, t, "cannot use double starred expression here");
                    goto done;
                }
            }
        }
        if (starts_expression(t->kind) || t->kind == TK_EQUAL) {
            read_ahead(d, c, lx, &a);
            done_here = legacy_print(d, c, &a) || forgot_comma(d, c, &a) ||
                        misplaced_equal(d, c, &a);
        }
        if (c->lexer_error_wins) {
            diag_clear(c->diag);
            *c->diag = lx->diag;
            diag_init(&lx->diag);
            c->skip_rest_check = true;
            goto done;
        }
        if (done_here) goto done;
        if (invalid_for_target(d, c, lx, &a)) goto done;
        if (walrus_target(d, c) || walrus_after_non_name(d, c) || dict_value_missing(d, c) ||
            bad_annotation_target(d, c) || stray_as(d, c) || bad_for_target(d, c) ||
            keyword_genexp(d, c) ||
            missing_else(d, c))
            goto done;
    }
    if (t->kind == TK_DEDENT) {
        c->skip_rest_check = true;
        fail_tok(c, DIAG_INDENTATION, t, "unexpected unindent");
        goto done;
    }
    if (t->kind == TK_ENDMARKER && !c->in_fstring) {
        Span s = endmarker_span(c);
        ps_fail(c, DIAG_SYNTAX, s.line, s.col, s.end_line, s.end_col, "invalid syntax");
        goto done;
    }
    fail_tok(c, DIAG_SYNTAX, t, "invalid syntax");
done:
    free(a.toks);
    c->failed = true;
}

void ps_check_rest(PsDiagnosis *d, ParseCtx *c, Lexer *lx, ParseResult *out) {
    (void)d;
    if (c->skip_rest_check) return;
    // CPython compares with the line of the furthest token it read
    int err_line = c->syntax_error ? c->err_tok.line : c->la->line;
    if (c->furthest_line > err_line) err_line = c->furthest_line;
    Token tok;
    while (!diag_is_set(&lx->diag)) {
        if (!lx_next(lx, &tok)) break;
        if (tok.kind == TK_ENDMARKER) return;
    }
    if (!diag_is_set(&lx->diag)) return;
    Diag *ld = &lx->diag;
    if (lx->soft_error) {
        // only an unclosed bracket opened before the error's line counts
        if (!(lx->paren_depth > 0 && lx->incomplete && err_line > ld->line)) return;
    }
    diag_clear(c->diag);
    *c->diag = *ld;
    diag_init(ld);
    out->incomplete = out->incomplete_token = lx->incomplete;
}
