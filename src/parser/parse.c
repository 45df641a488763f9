// The parse driver (in the shape of SQLite's tokenize.c): pulls tokens from
// the lexer and pushes them into the lemon parser generated from
// grammar/python.y, stopping at the first diagnostic. Also: error helpers
// shared by the builders, the nested parser for f-string fields, and the
// steps CPython takes around a failed parse:
//  * the failed token and the parser's expectations go to ps_diagnose
//    (diagnose.c), which picks CPython's message;
//  * then the rest of the input is lexed: a tokenizer error anywhere in the
//    file replaces a parser error (CPython's
//    _PyPegen_tokenize_full_source_to_check_for_errors), except the errors
//    CPython raises from its parser (Lexer.soft_error);
//  * errors CPython's compiler would raise (ps_defer) are reported only if
//    everything parsed.
#include "parser/parse.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "lexer/lexer.h"
#include "parser/diagnose.h"
#include "parser/fstring.h"
#include "parser/parse_ctx.h"
#include "util/buf.h"

// lemon's entry points (grammar/python.c)
void *ps_lemonAlloc(void *(*alloc)(size_t), ParseCtx *ctx);
void ps_lemonFree(void *p, void (*dealloc)(void *));
void ps_lemon(void *p, int major, Token minor);

// --- error helpers ---------------------------------------------------------------

Span ps_tok_span(const Token *t) {
    Span s = {t->line, t->col, t->end_line, t->end_col};
    return s;
}

// Inside an f-string field: "f-string: " before the message and columns
// relative to the field's virtual '(' (CPython's nested parser does that).
static void fail_v(ParseCtx *c, DiagKind kind, int line, int col, int end_line, int end_col,
                   const char *fmt, va_list ap) {
    c->failed = true;
    if (diag_is_set(c->diag)) return;
    if (c->in_fstring && kind == DIAG_SYNTAX) {
        Buf b;
        buf_init(&b);
        buf_puts(&b, "f-string: ");
        buf_vprintf(&b, fmt, ap);
        col -= c->fstring_col;
        if (end_col >= 0) end_col -= c->fstring_col;
        diag_set(c->diag, kind, line, col, end_line, end_col, "%s", b.data ? b.data : "");
        buf_free(&b);
        return;
    }
    diag_vset(c->diag, kind, line, col, end_line, end_col, fmt, ap);
}

void ps_fail(ParseCtx *c, DiagKind kind, int line, int col, int end_line, int end_col,
             const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    fail_v(c, kind, line, col, end_line, end_col, fmt, ap);
    va_end(ap);
}

void ps_fail_node(ParseCtx *c, const AstNode *n, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    fail_v(c, DIAG_SYNTAX, n->line, n->col, n->end_line, n->end_col, fmt, ap);
    va_end(ap);
}

void ps_fail_range(ParseCtx *c, Span a, Span b, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    fail_v(c, DIAG_SYNTAX, a.line, a.col, b.end_line, b.end_col, fmt, ap);
    va_end(ap);
}

void ps_fail_last(ParseCtx *c, const char *fmt, ...) {
    Span s = ps_cpython_span(c, c->la);
    va_list ap;
    va_start(ap, fmt);
    fail_v(c, DIAG_SYNTAX, s.line, s.col, s.end_line, s.end_col, fmt, ap);
    va_end(ap);
}

void ps_fail_nomem(ParseCtx *c) {
    ps_fail(c, DIAG_MEMORY, 0, -1, 0, -2, "%s", "");
}

void ps_defer(ParseCtx *c, const AstNode *n, const char *fmt, ...) {
    if (diag_is_set(&c->deferred)) return;
    va_list ap;
    va_start(ap, fmt);
    diag_vset(&c->deferred, DIAG_SYNTAX, n->line, n->col, n->end_line, n->end_col, fmt, ap);
    va_end(ap);
}

bool ps_expects(const ParseCtx *c, int kind) {
    return kind >= 0 && kind < 128 && (c->expected[kind >> 3] >> (kind & 7)) & 1;
}

void ps_on_syntax_error(ParseCtx *c, void *parser, int major, const Token *tok) {
    (void)major;
    if (c->failed) return;
    c->failed = true;
    c->syntax_error = true;
    c->err_tok = *tok;
    memset(c->expected, 0, sizeof c->expected);
    for (int k = 0; k <= TK_EXCLAMATION; k++)
        if (ps_lemon_accepts(parser, k)) c->expected[k >> 3] |= (uint8_t)(1u << (k & 7));
}

void ps_on_stack_overflow(ParseCtx *c) { ps_fail_nomem(c); }

// --- the driver ------------------------------------------------------------------

static void ctx_init(ParseCtx *c, Arena *arena, const Source *src, Diag *diag, int mode,
                     unsigned flags) {
    memset(c, 0, sizeof *c);
    c->arena = arena;
    c->src = src;
    c->diag = diag;
    c->mode = mode;
    c->flags = flags;
    diag_init(&c->deferred);
    c->la = c->prev = &c->slots[0];
}

static void ctx_free(ParseCtx *c) {
    diag_clear(&c->deferred);
}

static void push(ParseCtx *c, void *parser, const Token *t) {
    Token *slot = c->la == &c->slots[0] ? &c->slots[1] : &c->slots[0];
    *slot = *t;
    c->prev = c->la;
    c->la = slot;
    ps_lemon(parser, t->kind, *t);
    // Right-nested input grows lemon's stack; CPython's parser gives up
    // with MemoryError at a comparable nesting.
    if (!c->failed && ps_lemon_depth(parser) > PS_MAX_STACK) ps_fail_nomem(c);
}

static Token synthetic(int kind, int line, int col) {
    Token t;
    memset(&t, 0, sizeof t);
    t.kind = kind;
    t.s = "";
    t.line = t.end_line = line;
    t.col = col;
    t.end_col = col + 1;
    return t;
}

// Copies a lexer error into [c]'s diag.
static void take_lexer_error(ParseCtx *c, Lexer *lx) {
    c->failed = true;
    if (diag_is_set(c->diag)) return;
    Diag *d = &lx->diag;
    if (c->in_fstring) {
        int col = d->col - c->fstring_col;
        int end_col = d->end_col >= 0 ? d->end_col - c->fstring_col : d->end_col;
        diag_set(c->diag, d->kind, d->line, col, d->end_line, end_col, "%s", d->msg ? d->msg : "");
        return;
    }
    *c->diag = *d;
    diag_init(d);
}

bool ps_parse(const Source *src, ParseMode mode, unsigned flags, ParseResult *out) {
    arena_init(&out->arena);
    out->root = NULL;
    diag_init(&out->diag);
    out->incomplete = false;
    out->incomplete_token = false;
    ParseCtx c;
    ctx_init(&c, &out->arena, src, &out->diag, mode, flags);
    Lexer lx;
    lx_init(&lx, src);
    void *parser = ps_lemonAlloc(malloc, &c);
    if (!parser) {
        ps_fail_nomem(&c);
        lx_free(&lx);
        ctx_free(&c);
        return false;
    }

    if (mode != PARSE_FILE) {
        Token m = synthetic(mode == PARSE_EVAL ? TK_EVAL_MODE : TK_SINGLE_MODE, 1, 0);
        push(&c, parser, &m);
    }
    Token tok;
    bool lexer_failed = false;
    PsDiagnosis dg;
    ps_diagnosis_init(&dg);
    while (!c.failed) {
        if (!lx_next(&lx, &tok)) {
            lexer_failed = true;
            break;
        }
        push(&c, parser, &tok);
        if (tok.kind == TK_ENDMARKER) break;
    }
    if (lexer_failed) {
        out->incomplete = out->incomplete_token = lx.incomplete;
        take_lexer_error(&c, &lx);
    } else if (c.syntax_error) {
        PsFeed feed = {false, NULL, NULL, 0, 0, {0}, {0}};
        ps_diagnosis_replay(&dg, &c, &feed);
        ps_diagnose(&dg, &c, &lx);
        // an open block at the end of the input (the REPL continues)
        out->incomplete = c.err_tok.kind == TK_ENDMARKER ||
                          (c.err_tok.kind == TK_DEDENT && c.err_tok.s >= src->text + src->len);
        if (c.lexer_error_wins) out->incomplete = out->incomplete_token = lx.incomplete;
        // CPython then tokenizes the rest of the input: a tokenizer error
        // there replaces a generic parser error.
        ps_check_rest(&dg, &c, &lx, out);
    } else if (c.failed) {
        ps_check_rest(&dg, &c, &lx, out);
    }
    ps_lemonFree(parser, free);
    if (!c.failed && !c.root) ps_fail_nomem(&c);
    if (!c.failed && diag_is_set(&c.deferred) && !(flags & PARSE_ONLY_AST)) {
        out->diag = c.deferred;
        diag_init(&c.deferred);
        c.failed = true;
    }
    if (!diag_is_set(&out->diag) && c.failed) ps_fail_nomem(&c);
    ps_diagnosis_free(&dg);
    lx_free(&lx);
    ctx_free(&c);
    if (c.failed) return false;
    out->root = c.root;
    return true;
}

void ps_result_free(ParseResult *r) {
    arena_free(&r->arena);
    diag_clear(&r->diag);
    r->root = NULL;
}

// --- streaming -------------------------------------------------------------------

// The queued statements can go and the arena be reset when nothing was
// allocated since the last of them was queued (the lemon stack then holds
// no node: the statement was reduced into the module, and the token that
// triggered the reduction was only shifted) and no statement-level state
// points into the arena.
static bool can_flush(const ParseCtx *c) {
    return c->top_len && c->arena->ptr == c->top_mark && !c->pending_as && !c->bad_target;
}

static bool flush(ParseCtx *c, PsSink sink, void *ud) {
    bool ok = sink(ud, c->top, c->top_len, c->arena);
    c->top_len = 0;
    arena_reset(c->arena);
    // Tables keyed by (or holding) nodes and names of the old batch.
    c->intern = NULL;
    c->groups = NULL;
    c->groups_cap = c->groups_len = 0;
    memset(c->recent, 0, sizeof c->recent);
    c->recent_n = 0;
    c->top_mark = c->arena->ptr;
    return ok;
}

bool ps_parse_stream(const Source *src, unsigned flags, size_t batch, PsSink sink, void *ud) {
    Arena arena;
    arena_init(&arena);
    Diag diag;
    diag_init(&diag);
    ParseCtx c;
    ctx_init(&c, &arena, src, &diag, PARSE_FILE, flags);
    c.stream = true;
    Lexer lx;
    lx_init(&lx, src);
    void *parser = ps_lemonAlloc(malloc, &c);
    bool ok = parser != NULL;
    while (ok && !c.failed) {
        Token tok;
        if (!lx_next(&lx, &tok)) {
            ok = false;
            break;
        }
        push(&c, parser, &tok);
        if (c.failed || tok.kind == TK_ENDMARKER) break;
        if (arena_used(&arena) >= batch && can_flush(&c)) ok = flush(&c, sink, ud);
    }
    ok = ok && !c.failed && c.root;
    if (ok && diag_is_set(&c.deferred) && !(flags & PARSE_ONLY_AST)) ok = false;
    if (ok && c.top_len) ok = flush(&c, sink, ud);
    if (parser) ps_lemonFree(parser, free);
    free(c.top);
    lx_free(&lx);
    ctx_free(&c);
    diag_clear(&diag);
    arena_free(&arena);
    return ok;
}

// --- f-string fields ---------------------------------------------------------------

static const char virtual_lpar[] = "(";

AstNode *ps_parse_fstring_expr(ParseCtx *parent, const FsField *f) {
    if (parent->failed) return NULL;
    if (parent->fstring_depth > 8) {
        ps_fail_last(parent, "f-string: expressions nested too deeply");
        return NULL;
    }
    ParseCtx c;
    ctx_init(&c, parent->arena, parent->src, parent->diag, PARSE_EVAL, parent->flags);
    c.in_fstring = true;
    c.fstring_col = f->lpar_col;
    c.fstring_line = f->lpar_line;
    c.fstring_depth = parent->fstring_depth + 1;
    c.fstring_virtual_lpar = virtual_lpar;
    c.intern = parent->intern;
    Lexer lx;
    lx_init_fragment(&lx, parent->src, f->start, f->end, f->start_line, f->start_col);
    void *parser = ps_lemonAlloc(malloc, &c);
    if (!parser) {
        ps_fail_nomem(parent);
        lx_free(&lx);
        ctx_free(&c);
        return NULL;
    }
    Token t = synthetic(TK_EVAL_MODE, f->lpar_line, f->lpar_col);
    push(&c, parser, &t);
    t = synthetic(TK_LPAR, f->lpar_line, f->lpar_col);
    t.s = virtual_lpar;
    t.len = 1;
    push(&c, parser, &t);
    PsFeed feed = {true, f->start, f->end, f->start_line, f->start_col, t, {0}};
    PsDiagnosis dg;
    ps_diagnosis_init(&dg);
    bool lexer_failed = false;
    while (!c.failed) {
        Token tok;
        if (!lx_next(&lx, &tok)) {
            lexer_failed = true;
            break;
        }
        if (tok.kind == TK_ENDMARKER) {
            Token r = synthetic(TK_RPAR, f->rpar_line, f->rpar_col);
            r.s = ")";
            r.len = 1;
            feed.rpar = r;
            push(&c, parser, &r);
            if (c.failed) break;
            Token end = synthetic(TK_ENDMARKER, f->rpar_line, f->rpar_col + 1);
            end.end_col = end.col;
            push(&c, parser, &end);
            break;
        }
        push(&c, parser, &tok);
    }
    if (lexer_failed) take_lexer_error(&c, &lx);
    else if (c.syntax_error) {
        ps_diagnosis_replay(&dg, &c, &feed);
        ps_diagnose(&dg, &c, &lx);
    }
    ps_lemonFree(parser, free);
    parent->intern = c.intern;
    if (!c.failed && !c.root) ps_fail_nomem(&c);
    if (diag_is_set(&c.deferred) && !diag_is_set(&parent->deferred)) {
        parent->deferred = c.deferred;
        diag_init(&c.deferred);
    }
    ps_diagnosis_free(&dg);
    lx_free(&lx);
    ctx_free(&c);
    if (c.failed) {
        parent->failed = true;
        return NULL;
    }
    return c.root->u.expression.body;
}
