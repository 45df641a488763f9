// Statement builders: modules, simple statements (assignments with
// CPython's target diagnostics, imports) and compound statements. Each
// statement spans the tokens of its rule, so a compound statement ends
// where its block's last token does (a trailing ';' included), and gets a
// depth (one more than its deepest child) that the parser caps the way
// CPython's compiler does (see finish_stmt).
#include <stdlib.h>
#include <string.h>

#include "parser/diagnose.h"
#include "parser/parse_ctx.h"

static Span join(Span a, Span b) { return ps_join(a, b); }
static Span tok_span(const Token *t) { return ps_tok_span(t); }
static AstNode *node(ParseCtx *c, AstKind kind, Span s) { return ps_node(c, kind, s); }
static AstIdent tok_ident(ParseCtx *c, const Token *t) { return ast_ident(c, t->s, t->len); }

static bool is_compound(AstKind k) {
    switch (k) {
    case AST_FUNCTION_DEF: case AST_ASYNC_FUNCTION_DEF: case AST_CLASS_DEF: case AST_FOR:
    case AST_ASYNC_FOR: case AST_WHILE: case AST_IF: case AST_WITH: case AST_ASYNC_WITH:
    case AST_TRY: case AST_TRY_STAR:
        return true;
    default:
        return false;
    }
}

// Where a block ends: at its last statement, or at the ';' after it (a
// compound statement ends with the last token its block consumed).
static Span body_end(const ParseCtx *c, const PsList *body, Span fallback) {
    if (!body || !body->len) return fallback;
    const AstNode *last = body->items[body->len - 1];
    Span s = ast_span(last);
    if (is_compound(last->kind)) return s;
    size_t len;
    const char *text = lx_source_line(c->src, s.end_line, &len);
    for (size_t i = (size_t)s.end_col; text && i < len; i++) {
        if (text[i] == ';') {
            s.end_col = (int)i + 1;
            break;
        }
        if (text[i] != ' ' && text[i] != '\t' && text[i] != '\f') break;
    }
    return s;
}

static unsigned seq_depth(const AstSeq *s) {
    unsigned d = 0;
    for (uint32_t i = 0; i < s->len; i++)
        if (s->items[i] && s->items[i]->depth > d) d = s->items[i]->depth;
    return d;
}

static unsigned node_depth(const AstNode *n) { return n ? n->depth : 0; }

// Statements count toward the same limit as expressions: CPython's
// compiler fails when the nesting of statements and expressions from the
// module down exceeds about 2992 (2990 elifs, or `x = 1+...` with 2991
// terms). A statement's depth is one more than its deepest child.
static AstNode *finish_stmt(ParseCtx *c, AstNode *n) {
    if (!n || c->failed) return NULL;
    unsigned d = 0;
#define MAXD(x) do { unsigned v_ = (x); if (v_ > d) d = v_; } while (0)
    switch (n->kind) {
    case AST_FUNCTION_DEF:
    case AST_ASYNC_FUNCTION_DEF:
        MAXD(node_depth(n->u.funcdef.args));
        MAXD(node_depth(n->u.funcdef.returns));
        MAXD(seq_depth(&n->u.funcdef.body));
        MAXD(seq_depth(&n->u.funcdef.decorators));
        break;
    case AST_CLASS_DEF:
        MAXD(seq_depth(&n->u.classdef.bases));
        MAXD(seq_depth(&n->u.classdef.keywords));
        MAXD(seq_depth(&n->u.classdef.body));
        MAXD(seq_depth(&n->u.classdef.decorators));
        break;
    case AST_RETURN: MAXD(node_depth(n->u.ret.value)); break;
    case AST_DELETE: MAXD(seq_depth(&n->u.del.targets)); break;
    case AST_ASSIGN:
        MAXD(seq_depth(&n->u.assign.targets));
        MAXD(node_depth(n->u.assign.value));
        break;
    case AST_AUG_ASSIGN:
        MAXD(node_depth(n->u.augassign.target));
        MAXD(node_depth(n->u.augassign.value));
        break;
    case AST_ANN_ASSIGN:
        MAXD(node_depth(n->u.annassign.target));
        MAXD(node_depth(n->u.annassign.annotation));
        MAXD(node_depth(n->u.annassign.value));
        break;
    case AST_FOR:
    case AST_ASYNC_FOR:
        MAXD(node_depth(n->u.for_.target));
        MAXD(node_depth(n->u.for_.iter));
        MAXD(seq_depth(&n->u.for_.body));
        MAXD(seq_depth(&n->u.for_.orelse));
        break;
    case AST_WHILE:
    case AST_IF:
        MAXD(node_depth(n->u.while_.test));
        MAXD(seq_depth(&n->u.while_.body));
        MAXD(seq_depth(&n->u.while_.orelse));
        break;
    case AST_WITH:
    case AST_ASYNC_WITH:
        for (uint32_t i = 0; i < n->u.with.items.len; i++) {
            const AstNode *it = n->u.with.items.items[i];
            MAXD(node_depth(it->u.withitem.context_expr));
            MAXD(node_depth(it->u.withitem.optional_vars));
        }
        MAXD(seq_depth(&n->u.with.body));
        break;
    case AST_RAISE:
        MAXD(node_depth(n->u.raise.exc));
        MAXD(node_depth(n->u.raise.cause));
        break;
    case AST_TRY:
    case AST_TRY_STAR:
        MAXD(seq_depth(&n->u.try_.body));
        MAXD(seq_depth(&n->u.try_.handlers));
        MAXD(seq_depth(&n->u.try_.orelse));
        MAXD(seq_depth(&n->u.try_.finalbody));
        break;
    case AST_EXCEPT_HANDLER:
        // not a level of its own in CPython's count
        MAXD(node_depth(n->u.handler.type));
        MAXD(seq_depth(&n->u.handler.body));
        n->depth = (uint16_t)d;
        return n;
    case AST_ASSERT:
        MAXD(node_depth(n->u.assert_.test));
        MAXD(node_depth(n->u.assert_.msg));
        break;
    case AST_EXPR: MAXD(node_depth(n->u.expr.value)); break;
    default: break;
    }
#undef MAXD
    if (d + 1 > PS_MAX_DEPTH + 1) {
        ps_fail(c, DIAG_RECURSION, 0, -1, 0, -2,
                "maximum recursion depth exceeded during compilation");
        return NULL;
    }
    n->depth = (uint16_t)(d + 1);
    return n;
}

// --- modules -----------------------------------------------------------------

AstNode *ast_module(ParseCtx *c, AstKind kind, PsList *body) {
    if (c->failed || !body) return NULL;
    AstNode *m = node(c, kind, (Span){0, 0, 0, 0});
    if (m) m->u.module.body = ps_seq(body);
    return m;
}

// Streaming: queues [n] statements for the driver (parse.c), which hands
// them over and resets the arena once nothing newer is live.
static PsList *top_queue(ParseCtx *c, void *const *items, uint32_t n) {
    if (n > c->top_cap - c->top_len) {
        size_t need = (size_t)c->top_len + n, cap = c->top_cap ? c->top_cap : 64;
        while (cap < need) cap *= 2;
        AstNode **t = cap <= UINT32_MAX ? realloc(c->top, cap * sizeof *t) : NULL;
        if (!t) {
            ps_fail_nomem(c);
            return NULL;
        }
        c->top = t;
        c->top_cap = (uint32_t)cap;
    }
    if (n) memcpy(c->top + c->top_len, items, (size_t)n * sizeof *items);
    c->top_len += n;
    c->top_mark = c->arena->ptr;
    return &c->top_list;
}

PsList *ps_top_push(ParseCtx *c, PsList *l, AstNode *s) {
    if (c->failed || !s) return NULL;
    if (c->stream) {
        void *item = s;
        return top_queue(c, &item, 1);
    }
    return l ? ps_list_push(c, l, s) : ps_list1(c, s);
}

PsList *ps_top_extend(ParseCtx *c, PsList *l, PsList *more) {
    if (c->failed || !more) return NULL;
    if (c->stream) return top_queue(c, more->items, more->len);
    return l ? ps_list_extend(c, l, more) : more;
}

AstNode *ast_expression_mod(ParseCtx *c, AstNode *body) {
    if (c->failed || !body) return NULL;
    if (c->pending_as) {
        ps_fail_last(c, "invalid syntax");
        return NULL;
    }
    AstNode *m = node(c, AST_EXPRESSION, (Span){0, 0, 0, 0});
    if (m) m->u.expression.body = body;
    return m;
}

// --- statements ----------------------------------------------------------------

// End of a logical line of simple statements: nothing may stay pending.
PsList *ps_stmt_end(ParseCtx *c, PsList *stmts) {
    if (c->failed) return NULL;
    if (c->pending_as) {
        ps_fail(c, DIAG_SYNTAX, c->pending_as_tok.line, c->pending_as_tok.col,
                c->pending_as_tok.end_line, c->pending_as_tok.end_col, "invalid syntax");
        return NULL;
    }
    return stmts;
}

AstNode *ast_simple(ParseCtx *c, AstKind kind, const Token *t) { return node(c, kind, tok_span(t)); }

AstNode *ast_return(ParseCtx *c, const Token *t, AstNode *value) {
    Span s = tok_span(t);
    if (value) s = join(s, ast_tspan(c, value));
    AstNode *n = node(c, AST_RETURN, s);
    if (n) n->u.ret.value = value;
    return finish_stmt(c, n);
}

AstNode *ast_raise(ParseCtx *c, const Token *t, AstNode *exc, AstNode *cause) {
    Span s = tok_span(t);
    if (cause) s = join(s, ast_tspan(c, cause));
    else if (exc) s = join(s, ast_tspan(c, exc));
    AstNode *n = node(c, AST_RAISE, s);
    if (n) {
        n->u.raise.exc = exc;
        n->u.raise.cause = cause;
    }
    return finish_stmt(c, n);
}

AstNode *ast_global(ParseCtx *c, AstKind kind, const Token *t, PsList *names) {
    if (c->failed || !names) return NULL;
    AstNode *n = node(c, kind, join(tok_span(t), ast_span(names->items[names->len - 1])));
    if (n) n->u.global.names = ps_seq(names);
    return n;
}

AstNode *ast_assert(ParseCtx *c, const Token *t, AstNode *test, AstNode *msg) {
    if (c->failed || !test) return NULL;
    AstNode *n = node(c, AST_ASSERT, join(tok_span(t), ast_tspan(c, msg ? msg : test)));
    if (n) {
        n->u.assert_.test = test;
        n->u.assert_.msg = msg;
    }
    return finish_stmt(c, n);
}

AstNode *ast_delete(ParseCtx *c, const Token *t, PsList *targets) {
    if (c->failed || !targets) return NULL;
    for (uint32_t i = 0; i < targets->len; i++)
        if (!ast_set_target(c, targets->items[i], TARGET_DEL)) return NULL;
    Span end = ast_tspan(c, targets->items[targets->len - 1]);
    if (c->prev->kind == TK_COMMA) end = tok_span(c->prev);
    AstNode *n = node(c, AST_DELETE, join(tok_span(t), end));
    if (n) n->u.del.targets = ps_seq(targets);
    return finish_stmt(c, n);
}

void ast_check_load_starred(ParseCtx *c, const AstNode *e) {
    if (e->kind == AST_STARRED && !(e->pflags & PF_GROUPED))
        ps_defer(c, e, "can't use starred expression here");
}

AstNode *ast_expr_stmt(ParseCtx *c, AstNode *e) {
    if (c->failed || !e) return NULL;
    AstNode *n = node(c, AST_EXPR, ast_tspan(c, e));
    if (n) n->u.expr.value = e;
    ast_check_load_starred(c, e);
    return finish_stmt(c, n);
}

// Is [e] something CPython's bitwise_or rule matches (an operand of a
// comparison), given that parentheses make anything an atom?
static bool is_bitwise_or(const AstNode *e) {
    if (e->pflags & PF_GROUPED) return true;
    switch (e->kind) {
    case AST_COMPARE:
    case AST_BOOL_OP:
    case AST_IF_EXP:
    case AST_LAMBDA:
    case AST_NAMED_EXPR:
    case AST_STARRED:
    case AST_YIELD:
    case AST_YIELD_FROM:
        return false;
    case AST_TUPLE: return (e->pflags & PF_PAREN_TUPLE) != 0;
    case AST_UNARY_OP: return e->u.unaryop.op != UOP_NOT;
    default: return true;
    }
}

// The leftmost operand of [e] that starts it (the node whose first token is
// e's first token), stopping at parentheses.
static const AstNode *leftmost(const AstNode *e) {
    for (;;) {
        if (e->pflags & PF_GROUPED) return e;
        switch (e->kind) {
        case AST_BIN_OP: e = e->u.binop.left; break;
        case AST_CALL: e = e->u.call.func; break;
        case AST_ATTRIBUTE: e = e->u.attribute.value; break;
        case AST_SUBSCRIPT: e = e->u.subscript.value; break;
        case AST_COMPARE: e = e->u.compare.left; break;
        case AST_BOOL_OP: e = e->u.boolop.values.items[0]; break;
        case AST_IF_EXP: e = e->u.ifexp.body; break;
        case AST_TUPLE:
            if (e->pflags & PF_PAREN_TUPLE || !e->u.seq.elts.len) return e;
            e = e->u.seq.elts.items[0];
            break;
        default: return e;
        }
    }
}

// CPython's !(list|tuple|genexp|'True'|'None'|'False') look-ahead at the
// start of a target.
static bool starts_with_display(const AstNode *e) {
    const AstNode *l = leftmost(e);
    if (l->pflags & PF_GROUPED) return false;
    if (l->kind == AST_LIST) return true;
    if (l->kind == AST_TUPLE && (l->pflags & PF_PAREN_TUPLE)) return true;
    if (l->kind == AST_GENERATOR_EXP && !(l->pflags & PF_BARE_GENEXP)) return true;
    if (l->kind == AST_CONSTANT) {
        ConstKind k = l->u.constant.kind;
        return k == CONST_NONE || k == CONST_TRUE || k == CONST_FALSE;
    }
    return false;
}

// The first bitwise_or CPython would parse at the start of [e], or NULL.
static const AstNode *first_bitwise_or(const AstNode *e) {
    for (;;) {
        if (is_bitwise_or(e)) return e;
        switch (e->kind) {
        case AST_COMPARE: e = e->u.compare.left; break;
        case AST_BOOL_OP: e = e->u.boolop.values.items[0]; break;
        case AST_IF_EXP: e = e->u.ifexp.body; break;
        case AST_TUPLE:
            if (!e->u.seq.elts.len) return NULL;
            e = e->u.seq.elts.items[0];
            break;
        default: return NULL;
        }
    }
}

// Reports an invalid assignment target the way CPython's second pass does
// (see invalid_named_expression and invalid_assignment in its grammar):
// with a single target, its last element directly before '=' gets the
// "Maybe you meant '=='" messages; otherwise the first invalid part is named.
static void report_bad_target(ParseCtx *c, const AstNode *value) {
    const AstNode *t = c->bad_target, *bad = c->bad_target_sub;
    if (bad->pflags & PF_WITH_AS) {
        ps_fail(c, DIAG_SYNTAX, c->pending_as_tok.line, c->pending_as_tok.col,
                c->pending_as_tok.end_line, c->pending_as_tok.end_col, "invalid syntax");
        return;
    }
    if (c->bad_target_index == 0 && c->targets_seen == 1) {
        const AstNode *last = t;
        if (t->kind == AST_TUPLE && !(t->pflags & PF_PAREN_TUPLE) && t->u.seq.elts.len > 1)
            last = t->u.seq.elts.items[t->u.seq.elts.len - 1];
        const AstNode *rhs = value ? first_bitwise_or(value) : NULL;
        bool rhs_ok = value == NULL || rhs != NULL;
        if (rhs_ok && last != t && last->kind == AST_NAME && !(last->pflags & PF_GROUPED)) {
            Span end = rhs ? ast_tspan(c, rhs) : ps_tok_span(c->la);
            ps_fail_range(c, ast_span(last), end,
                          "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
            return;
        }
        if (rhs_ok && is_bitwise_or(last) && !starts_with_display(last)) {
            ps_fail_node(c, last, "cannot assign to %s here. Maybe you meant '==' instead of '='?",
                         ast_expr_name(last));
            return;
        }
    }
    ps_fail_node(c, bad, "cannot assign to %s", ast_expr_name(bad));
}

PsList *ast_assign_target(ParseCtx *c, PsList *targets, AstNode *t, const Token *eq) {
    (void)eq;
    if (c->failed || !t) return NULL;
    if (!targets) {
        targets = ps_list_new(c);
        c->bad_target = c->bad_target_sub = NULL;
        c->targets_seen = 0;
        if (!targets) return NULL;
    }
    int index = c->targets_seen++;
    if ((t->kind == AST_YIELD || t->kind == AST_YIELD_FROM) && !(t->pflags & PF_GROUPED)) {
        ps_fail_node(c, t, "assignment to yield expression not possible");
        return NULL;
    }
    const AstNode *bad = ast_invalid_target(t, TARGET_STORE);
    if (bad) {
        if (!c->bad_target) {
            c->bad_target = t;
            c->bad_target_sub = (AstNode *)bad;
            c->bad_target_index = index;
        }
    } else {
        ast_store_target(c, t);
    }
    return ps_list_push(c, targets, t);
}

// Called by the driver when a syntax error follows an invalid target in the
// same statement: the target error is the one CPython reports.
bool ps_report_pending_target(ParseCtx *c) {
    if (!c->bad_target) return false;
    bool was_failed = c->failed;
    c->failed = false;
    report_bad_target(c, NULL);
    c->failed = c->failed || was_failed;
    c->bad_target = NULL;
    return true;
}

AstNode *ast_assign(ParseCtx *c, PsList *targets, AstNode *value) {
    if (c->failed || !targets || !value) return NULL;
    if (c->bad_target) {
        report_bad_target(c, value);
        c->bad_target = NULL;
        return NULL;
    }
    AstNode *n = node(c, AST_ASSIGN, join(ast_tspan(c, targets->items[0]), ast_tspan(c, value)));
    if (n) {
        n->u.assign.targets = ps_seq(targets);
        n->u.assign.value = value;
    }
    ast_check_load_starred(c, value);
    return finish_stmt(c, n);
}

static AstOperator aug_op(int kind) {
    switch (kind) {
    case TK_PLUSEQUAL: return AOP_ADD;
    case TK_MINEQUAL: return AOP_SUB;
    case TK_STAREQUAL: return AOP_MULT;
    case TK_ATEQUAL: return AOP_MATMULT;
    case TK_SLASHEQUAL: return AOP_DIV;
    case TK_PERCENTEQUAL: return AOP_MOD;
    case TK_AMPEREQUAL: return AOP_BITAND;
    case TK_VBAREQUAL: return AOP_BITOR;
    case TK_CIRCUMFLEXEQUAL: return AOP_BITXOR;
    case TK_LEFTSHIFTEQUAL: return AOP_LSHIFT;
    case TK_RIGHTSHIFTEQUAL: return AOP_RSHIFT;
    case TK_DOUBLESTAREQUAL: return AOP_POW;
    default: return AOP_FLOORDIV;
    }
}

AstNode *ast_augassign(ParseCtx *c, AstNode *target, const Token *op, AstNode *value) {
    if (c->failed || !target || !value) return NULL;
    if (target->kind != AST_NAME && target->kind != AST_ATTRIBUTE &&
        target->kind != AST_SUBSCRIPT) {
        ps_fail_node(c, target, "'%s' is an illegal expression for augmented assignment",
                     ast_expr_name(target));
        return NULL;
    }
    ast_store_target(c, target);
    AstNode *n = node(c, AST_AUG_ASSIGN, join(ast_tspan(c, target), ast_tspan(c, value)));
    if (n) {
        n->u.augassign.target = target;
        n->u.augassign.op = aug_op(op->kind);
        n->u.augassign.value = value;
    }
    ast_check_load_starred(c, value);
    return finish_stmt(c, n);
}

AstNode *ast_annassign(ParseCtx *c, AstNode *target, AstNode *ann, AstNode *value) {
    if (c->failed || !target || !ann) return NULL;
    bool grouped = (target->pflags & PF_GROUPED) != 0;
    if (target->kind == AST_TUPLE && !(target->pflags & PF_PAREN_TUPLE) && !grouped) {
        ps_fail_node(c, target->u.seq.elts.items[0],
                     "only single target (not tuple) can be annotated");
        return NULL;
    }
    if (target->kind == AST_TUPLE || target->kind == AST_LIST) {
        ps_fail_node(c, target, "only single target (not %s) can be annotated",
                     ast_expr_name(target));
        return NULL;
    }
    if (target->kind != AST_NAME && target->kind != AST_ATTRIBUTE &&
        target->kind != AST_SUBSCRIPT) {
        ps_fail_node(c, target, "illegal target for annotation");
        return NULL;
    }
    ast_store_target(c, target);
    AstNode *n = node(c, AST_ANN_ASSIGN,
                      join(ast_tspan(c, target), ast_tspan(c, value ? value : ann)));
    if (n) {
        n->u.annassign.target = target;
        n->u.annassign.annotation = ann;
        n->u.annassign.value = value;
        n->u.annassign.simple = target->kind == AST_NAME && !grouped;
    }
    return finish_stmt(c, n);
}

// --- imports -------------------------------------------------------------------

// Joins the names of a dotted name into one identifier.
static AstIdent dotted_ident(ParseCtx *c, const PsList *d) {
    AstIdent id = {NULL, 0, 0};
    size_t len = 0;
    for (uint32_t i = 0; i < d->len; i++) len += ((AstNode *)d->items[i])->u.name.id.len + 1;
    char *s = arena_alloc(c->arena, len);
    if (!s) {
        ps_fail_nomem(c);
        return id;
    }
    size_t k = 0;
    for (uint32_t i = 0; i < d->len; i++) {
        const AstIdent *part = &((AstNode *)d->items[i])->u.name.id;
        if (i) s[k++] = '.';
        memcpy(s + k, part->s, part->len);
        k += part->len;
    }
    s[k] = '\0';
    id.s = s;
    id.len = (uint32_t)k;
    return id;
}

AstNode *ast_alias(ParseCtx *c, PsList *dotted, const Token *asname) {
    if (c->failed || !dotted) return NULL;
    Span s = join(ast_span(dotted->items[0]),
                  asname ? tok_span(asname) : ast_span(dotted->items[dotted->len - 1]));
    AstNode *n = node(c, AST_ALIAS, s);
    if (!n) return NULL;
    n->u.alias.name = dotted_ident(c, dotted);
    if (asname) n->u.alias.asname = tok_ident(c, asname);
    return c->failed ? NULL : n;
}

AstNode *ast_alias_star(ParseCtx *c, const Token *t) {
    AstNode *n = node(c, AST_ALIAS, tok_span(t));
    if (n) n->u.alias.name = ast_ident(c, "*", 1);
    return n;
}

PsList *ast_import_trailing_comma(ParseCtx *c, PsList *names, const Token *comma) {
    (void)names;
    (void)comma;
    if (c->failed) return NULL;
    // CPython's rule needs the NEWLINE right after the comma
    if (c->la->kind != TK_NEWLINE) {
        Span s = ps_cpython_span(c, c->la);
        ps_fail(c, DIAG_SYNTAX, s.line, s.col, s.end_line, s.end_col, "invalid syntax");
        return NULL;
    }
    ps_fail_last(c, "trailing comma not allowed without surrounding parentheses");
    return NULL;
}

AstNode *ast_import(ParseCtx *c, const Token *t, PsList *names) {
    if (c->failed || !names) return NULL;
    AstNode *n = node(c, AST_IMPORT, join(tok_span(t), ast_span(names->items[names->len - 1])));
    if (n) n->u.import.names = ps_seq(names);
    return n;
}

AstNode *ast_import_from(ParseCtx *c, const Token *t, int level, PsList *module, PsList *names) {
    if (c->failed || !names) return NULL;
    // The statement ends with the last token of the targets: a ')' or the
    // last alias (the driver's previous token is exactly that).
    AstNode *n = node(c, AST_IMPORT_FROM, join(tok_span(t), tok_span(c->prev)));
    if (!n) return NULL;
    if (module) n->u.importfrom.module = dotted_ident(c, module);
    n->u.importfrom.names = ps_seq(names);
    n->u.importfrom.level = level;
    return c->failed ? NULL : n;
}

// --- compound statements ---------------------------------------------------------

static AstNode *if_node(ParseCtx *c, Span start, AstNode *test, PsList *body, PsList *orelse,
                        Span end) {
    AstNode *n = node(c, AST_IF, join(start, end));
    if (n) {
        n->u.while_.test = test;
        n->u.while_.body = ps_seq(body);
        n->u.while_.orelse = ps_seq(orelse);
    }
    return finish_stmt(c, n);
}

// elif clauses are kept as If nodes with an empty orelse; ast_if chains
// them from the last one backwards, so every If ends where the chain ends.
PsList *ast_elif(ParseCtx *c, PsList *elifs, const Token *t, AstNode *test, PsList *body) {
    if (c->failed || !test || !body) return NULL;
    AstNode *n = if_node(c, tok_span(t), test, body, NULL, body_end(c, body, tok_span(t)));
    if (!n) return NULL;
    return elifs ? ps_list_push(c, elifs, n) : ps_list1(c, n);
}

AstNode *ast_if(ParseCtx *c, const Token *t, AstNode *test, PsList *body, PsList *elifs,
                PsList *orelse) {
    if (c->failed || !test || !body) return NULL;
    Span end = body_end(c, body, tok_span(t));
    // CPython's parser recurses once per elif: MemoryError past 5963.
    if (elifs && elifs->len > 5963) {
        ps_fail_nomem(c);
        return NULL;
    }
    if (elifs) {
        Span chain_end = body_end(c, orelse, ast_span(elifs->items[elifs->len - 1]));
        for (uint32_t i = elifs->len; i-- > 0;) {
            AstNode *e = elifs->items[i];
            e->u.while_.orelse = ps_seq(orelse);
            e->end_line = chain_end.end_line;
            e->end_col = chain_end.end_col;
            if (!finish_stmt(c, e)) return NULL;
            orelse = ps_list1(c, e);
            if (!orelse) return NULL;
        }
        end = chain_end;
    } else {
        end = body_end(c, orelse, end);
    }
    return if_node(c, tok_span(t), test, body, orelse, end);
}

AstNode *ast_while(ParseCtx *c, const Token *t, AstNode *test, PsList *body, PsList *orelse) {
    if (c->failed || !test || !body) return NULL;
    AstNode *n = node(c, AST_WHILE, join(tok_span(t), body_end(c, orelse, body_end(c, body, tok_span(t)))));
    if (n) {
        n->u.while_.test = test;
        n->u.while_.body = ps_seq(body);
        n->u.while_.orelse = ps_seq(orelse);
    }
    return finish_stmt(c, n);
}

AstNode *ast_for(ParseCtx *c, const Token *t, AstNode *target, AstNode *iter, PsList *body,
                 PsList *orelse) {
    if (c->failed || !target || !iter || !body) return NULL;
    if (!ast_set_target(c, target, TARGET_FOR)) return NULL;
    AstNode *n = node(c, AST_FOR, join(tok_span(t), body_end(c, orelse, body_end(c, body, tok_span(t)))));
    if (n) {
        n->u.for_.target = target;
        n->u.for_.iter = iter;
        n->u.for_.body = ps_seq(body);
        n->u.for_.orelse = ps_seq(orelse);
    }
    return finish_stmt(c, n);
}

static AstNode *try_node(ParseCtx *c, AstKind kind, const Token *t, PsList *body, PsList *handlers,
                         PsList *orelse, PsList *finalbody) {
    if (c->failed || !body) return NULL;
    Span end = body_end(c, body, tok_span(t));
    if (handlers) end = ast_span(handlers->items[handlers->len - 1]);
    end = body_end(c, orelse, end);
    end = body_end(c, finalbody, end);
    AstNode *n = node(c, kind, join(tok_span(t), end));
    if (n) {
        n->u.try_.body = ps_seq(body);
        n->u.try_.handlers = ps_seq(handlers);
        n->u.try_.orelse = ps_seq(orelse);
        n->u.try_.finalbody = ps_seq(finalbody);
    }
    return finish_stmt(c, n);
}

AstNode *ast_try(ParseCtx *c, const Token *t, PsList *body, PsList *handlers, PsList *orelse,
                 PsList *finalbody) {
    return try_node(c, AST_TRY, t, body, handlers, orelse, finalbody);
}

AstNode *ast_try_star(ParseCtx *c, const Token *t, PsList *body, PsList *handlers, PsList *orelse,
                      PsList *finalbody) {
    return try_node(c, AST_TRY_STAR, t, body, handlers, orelse, finalbody);
}

AstNode *ast_handler(ParseCtx *c, const Token *t, AstNode *type, const Token *name,
                     PsList *body) {
    if (c->failed || !body) return NULL;
    AstNode *n = node(c, AST_EXCEPT_HANDLER, join(tok_span(t), body_end(c, body, tok_span(t))));
    if (!n) return NULL;
    n->u.handler.type = type;
    if (name) n->u.handler.name = tok_ident(c, name);
    n->u.handler.body = ps_seq(body);
    return finish_stmt(c, n);
}

AstNode *ast_withitem(ParseCtx *c, AstNode *e, const Token *as, AstNode *target) {
    if (c->failed || !e) return NULL;
    AstNode *n = node(c, AST_WITHITEM, as ? tok_span(as) : ast_span(e));
    if (!n) return NULL;
    if (target && !ast_set_target(c, target, TARGET_STORE)) return NULL;
    n->u.withitem.context_expr = e;
    n->u.withitem.optional_vars = target;
    return n;
}

// Can [e] be a with item in CPython's `with (item, ...):` form? (an
// `expression`: no starred, no unparenthesized walrus)
static bool plain_with_item(const AstNode *e) {
    if (e->pflags & PF_GROUPED) return true;
    return e->kind != AST_STARRED && e->kind != AST_NAMED_EXPR;
}

// Does [n] start right after token [t] (only blanks between)?
static bool follows_token(const ParseCtx *c, const Token *t, const AstNode *n) {
    if (n->line != t->end_line || n->col < t->end_col) return false;
    size_t len;
    const char *text = lx_source_line(c->src, n->line, &len);
    for (int i = t->end_col; text && i < n->col; i++)
        if (text[i] != ' ' && text[i] != '\t' && text[i] != '\f') return false;
    return text != NULL;
}

static bool word_char(char ch) {
    unsigned char u = (unsigned char)ch;
    return u == '_' || u >= 0x80 || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') ||
           (u >= '0' && u <= '9');
}

// The span of the token after [s] on the same line, found in the text
// (for an error position only): a word, a known operator or one character.
static bool token_after(const ParseCtx *c, Span s, Span *out) {
    size_t len;
    const char *text = lx_source_line(c->src, s.end_line, &len);
    if (!text) return false;
    size_t i = (size_t)s.end_col;
    while (i < len && (text[i] == ' ' || text[i] == '\t' || text[i] == '\f')) i++;
    if (i >= len) return false;
    size_t j = i + 1;
    if (word_char(text[i])) {
        while (j < len && word_char(text[j])) j++;
    } else {
        static const char *const ops[] = {"...", "**=", "//=", ">>=", "<<=", "**", "//", "<<",
                                          ">>", "<=", ">=", "==", "!=", "->", ":=", "+=", "-=",
                                          "*=", "/=", "%=", "&=", "|=", "^=", "@="};
        for (size_t k = 0; k < sizeof ops / sizeof ops[0]; k++) {
            size_t n = strlen(ops[k]);
            if (i + n <= len && memcmp(text + i, ops[k], n) == 0) {
                j = i + n;
                break;
            }
        }
    }
    out->line = out->end_line = s.end_line;
    out->col = (int)i;
    out->end_col = (int)j;
    return true;
}

AstNode *ast_with_head(ParseCtx *c, const Token *t, PsList *items) {
    if (c->failed || !items) return NULL;
    // with (a, b): and with (a as b, c): list their items in parentheses.
    if (items->len == 1) {
        AstNode *it = items->items[0];
        AstNode *e = it->u.withitem.context_expr;
        bool unpack = false;
        if (!it->u.withitem.optional_vars && e->kind == AST_TUPLE &&
            (e->pflags & PF_PAREN_TUPLE) && !(e->pflags & PF_GROUPED) && e->u.seq.elts.len) {
            unpack = true;
            for (uint32_t i = 0; i < e->u.seq.elts.len; i++) {
                AstNode *x = e->u.seq.elts.items[i];
                if (x->kind != AST_WITHITEM && !plain_with_item(x)) unpack = false;
            }
            if (!unpack && (e->pflags & PF_WITH_AS)) {
                ps_fail(c, DIAG_SYNTAX, c->pending_as_tok.line, c->pending_as_tok.col,
                        c->pending_as_tok.end_line, c->pending_as_tok.end_col, "invalid syntax");
                return NULL;
            }
        }
        if (unpack) {
            if (e == c->pending_as) c->pending_as = NULL;
            PsList *l = ps_list_new(c);
            for (uint32_t i = 0; l && i < e->u.seq.elts.len; i++) {
                AstNode *x = e->u.seq.elts.items[i];
                if (x->kind != AST_WITHITEM) x = ast_withitem(c, x, NULL, NULL);
                else if (!ast_set_target(c, x->u.withitem.optional_vars, TARGET_STORE)) return NULL;
                l = ps_list_push(c, l, x);
            }
            if (!l) return NULL;
            items = l;
        }
    }
    if (c->pending_as) {
        // `with (a as b).x:`: CPython's with-items alternative reads up to
        // the token after ')' and fails there; elsewhere it fails at `as`.
        Span after;
        if (follows_token(c, t, c->pending_as) && token_after(c, ast_span(c->pending_as), &after)) {
            ps_fail(c, DIAG_SYNTAX, after.line, after.col, after.end_line, after.end_col,
                    "invalid syntax");
            return NULL;
        }
        ps_fail(c, DIAG_SYNTAX, c->pending_as_tok.line, c->pending_as_tok.col,
                c->pending_as_tok.end_line, c->pending_as_tok.end_col, "invalid syntax");
        return NULL;
    }
    AstNode *n = node(c, AST_WITH, tok_span(t));
    if (n) n->u.with.items = ps_seq(items);
    return n;
}

AstNode *ast_with(ParseCtx *c, AstNode *head, PsList *body) {
    if (c->failed || !head || !body) return NULL;
    ast_set_span(head, join(ast_span(head), body_end(c, body, ast_span(head))));
    head->u.with.body = ps_seq(body);
    return finish_stmt(c, head);
}

AstNode *ast_make_async(ParseCtx *c, const Token *t, AstNode *stmt) {
    if (c->failed || !stmt) return NULL;
    switch (stmt->kind) {
    case AST_FUNCTION_DEF: stmt->kind = AST_ASYNC_FUNCTION_DEF; break;
    case AST_FOR: stmt->kind = AST_ASYNC_FOR; break;
    case AST_WITH: stmt->kind = AST_ASYNC_WITH; break;
    default: break;
    }
    stmt->line = t->line;
    stmt->col = t->col;
    return stmt;
}

AstNode *ast_funcdef(ParseCtx *c, const Token *t, const Token *name, AstNode *args,
                     AstNode *returns, PsList *body) {
    if (c->failed || !args || !body) return NULL;
    AstNode *n = node(c, AST_FUNCTION_DEF, join(tok_span(t), body_end(c, body, tok_span(t))));
    if (!n) return NULL;
    n->u.funcdef.name = tok_ident(c, name);
    n->u.funcdef.args = args;
    n->u.funcdef.body = ps_seq(body);
    n->u.funcdef.returns = returns;
    return finish_stmt(c, n);
}

AstNode *ast_classdef(ParseCtx *c, const Token *t, const Token *name, AstNode *call,
                      PsList *body) {
    if (c->failed || !body) return NULL;
    AstNode *n = node(c, AST_CLASS_DEF, join(tok_span(t), body_end(c, body, tok_span(t))));
    if (!n) return NULL;
    n->u.classdef.name = tok_ident(c, name);
    if (call) {
        n->u.classdef.bases = call->u.call.args;
        n->u.classdef.keywords = call->u.call.keywords;
    }
    n->u.classdef.body = ps_seq(body);
    return finish_stmt(c, n);
}

AstNode *ast_decorate(ParseCtx *c, PsList *decorators, AstNode *def) {
    if (c->failed || !decorators || !def) return NULL;
    if (def->kind == AST_CLASS_DEF) def->u.classdef.decorators = ps_seq(decorators);
    else def->u.funcdef.decorators = ps_seq(decorators);
    return finish_stmt(c, def);
}
