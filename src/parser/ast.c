// AST construction: the node allocator, arena lists, the side table of
// parenthesis spans, and the builders the grammar actions call for
// modules, statements and expressions. Builders give each node CPython
// 3.11's position (the tokens its PEG rule consumes, see parse_ctx.h) and
// check what the LALR grammar accepts more broadly than Python: targets,
// annotation targets, walrus targets, tree height.
// Calls, parameters and strings live in args.c and fstring.c.
#include "parser/ast.h"

#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include "lexer/literal.h"
#include "parser/diagnose.h"
#include "parser/parse_ctx.h"

static const char *const kind_names[] = {
#define AST_NAME(k, name) name,
    AST_KINDS(AST_NAME)
#undef AST_NAME
};

const char *ast_kind_name(AstKind kind) {
    return (unsigned)kind < AST_KIND_COUNT ? kind_names[kind] : "?";
}

// Each node is allocated with room for its own union member only: the
// union's largest member (`arguments`) is twice the size of most, and the
// AST of a 10 MB file has millions of nodes.
#define MEMBER_SIZE(m) (offsetof(AstNode, u) + sizeof(((AstNode *)0)->u.m))

static size_t node_size(AstKind kind) {
    switch (kind) {
    case AST_MODULE:
    case AST_INTERACTIVE: return MEMBER_SIZE(module);
    case AST_EXPRESSION: return MEMBER_SIZE(expression);
    case AST_FUNCTION_DEF:
    case AST_ASYNC_FUNCTION_DEF: return MEMBER_SIZE(funcdef);
    case AST_CLASS_DEF: return MEMBER_SIZE(classdef);
    case AST_RETURN: return MEMBER_SIZE(ret);
    case AST_DELETE: return MEMBER_SIZE(del);
    case AST_ASSIGN: return MEMBER_SIZE(assign);
    case AST_AUG_ASSIGN: return MEMBER_SIZE(augassign);
    case AST_ANN_ASSIGN: return MEMBER_SIZE(annassign);
    case AST_FOR:
    case AST_ASYNC_FOR: return MEMBER_SIZE(for_);
    case AST_WHILE:
    case AST_IF: return MEMBER_SIZE(while_);
    case AST_WITH:
    case AST_ASYNC_WITH: return MEMBER_SIZE(with);
    case AST_RAISE: return MEMBER_SIZE(raise);
    case AST_TRY: return MEMBER_SIZE(try_);
    case AST_ASSERT: return MEMBER_SIZE(assert_);
    case AST_IMPORT: return MEMBER_SIZE(import);
    case AST_IMPORT_FROM: return MEMBER_SIZE(importfrom);
    case AST_GLOBAL:
    case AST_NONLOCAL: return MEMBER_SIZE(global);
    case AST_EXPR: return MEMBER_SIZE(expr);
    case AST_PASS:
    case AST_BREAK:
    case AST_CONTINUE: return offsetof(AstNode, u);
    case AST_BOOL_OP: return MEMBER_SIZE(boolop);
    case AST_NAMED_EXPR: return MEMBER_SIZE(namedexpr);
    case AST_BIN_OP: return MEMBER_SIZE(binop);
    case AST_UNARY_OP: return MEMBER_SIZE(unaryop);
    case AST_LAMBDA: return MEMBER_SIZE(lambda);
    case AST_IF_EXP: return MEMBER_SIZE(ifexp);
    case AST_DICT: return MEMBER_SIZE(dict);
    case AST_SET:
    case AST_LIST:
    case AST_TUPLE: return MEMBER_SIZE(seq);
    case AST_LIST_COMP:
    case AST_SET_COMP:
    case AST_DICT_COMP:
    case AST_GENERATOR_EXP: return MEMBER_SIZE(comp);
    case AST_AWAIT:
    case AST_YIELD:
    case AST_YIELD_FROM: return MEMBER_SIZE(await_);
    case AST_COMPARE: return MEMBER_SIZE(compare);
    case AST_CALL: return MEMBER_SIZE(call);
    case AST_FORMATTED_VALUE: return MEMBER_SIZE(formatted);
    case AST_JOINED_STR: return MEMBER_SIZE(joined);
    case AST_CONSTANT: return MEMBER_SIZE(constant);
    case AST_ATTRIBUTE: return MEMBER_SIZE(attribute);
    case AST_SUBSCRIPT: return MEMBER_SIZE(subscript);
    case AST_STARRED: return MEMBER_SIZE(starred);
    case AST_NAME: return MEMBER_SIZE(name);
    case AST_SLICE: return MEMBER_SIZE(slice);
    case AST_COMPREHENSION: return MEMBER_SIZE(comprehension);
    case AST_EXCEPT_HANDLER: return MEMBER_SIZE(handler);
    case AST_ARGUMENTS: return MEMBER_SIZE(arguments);
    case AST_ARG: return MEMBER_SIZE(arg);
    case AST_KEYWORD: return MEMBER_SIZE(keyword);
    case AST_ALIAS: return MEMBER_SIZE(alias);
    case AST_WITHITEM: return MEMBER_SIZE(withitem);
    case AST_KIND_COUNT: break;
    }
    return sizeof(AstNode);
}

AstNode *ast_new(Arena *a, AstKind kind, int line, int col, int end_line, int end_col) {
    size_t size = node_size(kind);
    AstNode *n = arena_alloc(a, size);
    if (!n) return NULL;
    memset(n, 0, size);
    n->kind = kind;
    n->line = line;
    n->col = col;
    n->end_line = end_line;
    n->end_col = end_col;
    return n;
}

// --- lists -------------------------------------------------------------------

PsList *ps_list_new(ParseCtx *c) {
    if (c->failed) return NULL;
    PsList *l = arena_alloc(c->arena, sizeof *l);
    if (!l) {
        ps_fail_nomem(c);
        return NULL;
    }
    l->items = NULL;
    l->len = l->cap = 0;
    return l;
}

PsList *ps_list_push(ParseCtx *c, PsList *l, void *item) {
    if (c->failed || !l || !item) return NULL;
    if (l->len == l->cap) {
        uint32_t cap = l->cap ? l->cap * 2 : 4;
        if (cap < l->cap) {
            ps_fail_nomem(c);
            return NULL;
        }
        void **items = arena_alloc(c->arena, (size_t)cap * sizeof *items);
        if (!items) {
            ps_fail_nomem(c);
            return NULL;
        }
        if (l->len) memcpy(items, l->items, (size_t)l->len * sizeof *items);
        l->items = items;
        l->cap = cap;
    }
    l->items[l->len++] = item;
    return l;
}

PsList *ps_list1(ParseCtx *c, void *item) { return ps_list_push(c, ps_list_new(c), item); }

bool ps_list_add(ParseCtx *c, PsList **l, void *item) {
    if (!*l) *l = ps_list_new(c);
    return ps_list_push(c, *l, item) != NULL;
}

PsList *ps_list2(ParseCtx *c, void *a, void *b) { return ps_list_push(c, ps_list1(c, a), b); }

PsList *ps_list_extend(ParseCtx *c, PsList *l, PsList *more) {
    if (c->failed || !l || !more) return NULL;
    for (uint32_t i = 0; i < more->len; i++)
        if (!ps_list_push(c, l, more->items[i])) return NULL;
    return l;
}

AstSeq ps_seq(const PsList *l) {
    AstSeq s = {NULL, 0};
    if (l) {
        s.items = (AstNode **)l->items;
        s.len = l->len;
    }
    return s;
}

PsList *ps_tok_list_push(ParseCtx *c, PsList *l, const Token *t) {
    if (c->failed) return NULL;
    Token *copy = arena_alloc(c->arena, sizeof *copy);
    if (!copy) {
        ps_fail_nomem(c);
        return NULL;
    }
    *copy = *t;
    return ps_list_push(c, l, copy);
}

PsList *ps_tok_list1(ParseCtx *c, const Token *t) { return ps_tok_list_push(c, ps_list_new(c), t); }

// --- spans -------------------------------------------------------------------

Span ast_span(const AstNode *n) {
    Span s = {n->line, n->col, n->end_line, n->end_col};
    return s;
}

void ast_set_span(AstNode *n, Span s) {
    n->line = s.line;
    n->col = s.col;
    n->end_line = s.end_line;
    n->end_col = s.end_col;
}

static uint32_t hash_ptr(const void *p, uint32_t mask) {
    uintptr_t v = (uintptr_t)p;
    v ^= v >> 17;
    v *= 0x9E3779B1u;
    return (uint32_t)(v ^ (v >> 15)) & mask;
}

static GroupEntry *group_find(const ParseCtx *c, const AstNode *n) {
    if (!c->groups_cap) return NULL;
    uint32_t mask = c->groups_cap - 1;
    for (uint32_t i = hash_ptr(n, mask);; i = (i + 1) & mask) {
        GroupEntry *e = &c->groups[i];
        if (e->node == n || !e->node) return e;
    }
}

// Records the outer parentheses of [n]; the outermost pair wins because
// groups are built inside out.
static bool group_put(ParseCtx *c, const AstNode *n, Span s) {
    if ((c->groups_len + 1) * 2 > c->groups_cap) {
        uint32_t cap = c->groups_cap ? c->groups_cap * 2 : 8;
        GroupEntry *old = c->groups;
        uint32_t old_cap = c->groups_cap;
        c->groups = arena_calloc(c->arena, cap, sizeof *c->groups);
        if (!c->groups) {
            c->groups = old;
            return false;
        }
        c->groups_cap = cap;
        for (uint32_t i = 0; i < old_cap; i++)
            if (old[i].node) *group_find(c, old[i].node) = old[i];
    }
    GroupEntry *e = group_find(c, n);
    if (!e->node) c->groups_len++;
    e->node = n;
    e->span = s;
    return true;
}

Span ast_tspan(const ParseCtx *c, const AstNode *n) {
    if (n->pflags & PF_GROUPED) {
        const GroupEntry *e = group_find(c, n);
        if (e && e->node == n) return e->span;
    }
    return ast_span(n);
}

static Span join(Span a, Span b) {
    Span s = {a.line, a.col, b.end_line, b.end_col};
    return s;
}

static Span tok_span(const Token *t) { return ps_tok_span(t); }

static bool is_compound(AstKind k) {
    switch (k) {
    case AST_FUNCTION_DEF: case AST_ASYNC_FUNCTION_DEF: case AST_CLASS_DEF: case AST_FOR:
    case AST_ASYNC_FOR: case AST_WHILE: case AST_IF: case AST_WITH: case AST_ASYNC_WITH:
    case AST_TRY:
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

static AstNode *node(ParseCtx *c, AstKind kind, Span s) {
    if (c->failed) return NULL;
    AstNode *n = ast_new(c->arena, kind, s.line, s.col, s.end_line, s.end_col);
    if (!n) ps_fail_nomem(c);
    return n;
}

// The intern table: open addressing over FNV-1a hashes, power-of-two size.
typedef struct Interned {
    AstIdent *slots;
    uint32_t *hashes;
    uint32_t cap, len;
} Interned;

static uint32_t fnv1a(const char *s, size_t len) {
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < len; i++) h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

static bool intern_grow(ParseCtx *c, Interned *t) {
    uint32_t cap = t->cap ? t->cap * 2 : 256;
    AstIdent *slots = arena_calloc(c->arena, cap, sizeof *slots);
    uint32_t *hashes = arena_alloc(c->arena, cap * sizeof *hashes);
    if (!slots || !hashes) return false;
    for (uint32_t i = 0; i < t->cap; i++) {
        if (!t->slots[i].s) continue;
        uint32_t j = t->hashes[i] & (cap - 1);
        while (slots[j].s) j = (j + 1) & (cap - 1);
        slots[j] = t->slots[i];
        hashes[j] = t->hashes[i];
    }
    t->slots = slots;
    t->hashes = hashes;
    t->cap = cap;
    return true;
}

AstIdent ast_ident(ParseCtx *c, const char *s, size_t len) {
    AstIdent id = {NULL, 0};
    if (c->failed) return id;
    Interned *t = c->intern;
    if (!t) {
        t = c->intern = arena_calloc(c->arena, 1, sizeof *t);
        if (!t) {
            ps_fail_nomem(c);
            return id;
        }
    }
    if ((t->len + 1) * 2 > t->cap && !intern_grow(c, t)) {
        ps_fail_nomem(c);
        return id;
    }
    uint32_t h = fnv1a(s, len), j = h & (t->cap - 1);
    for (; t->slots[j].s; j = (j + 1) & (t->cap - 1))
        if (t->hashes[j] == h && t->slots[j].len == len && memcmp(t->slots[j].s, s, len) == 0)
            return t->slots[j];
    id.s = arena_strndup(c->arena, s, len);
    id.len = (uint32_t)len;
    if (!id.s) {
        ps_fail_nomem(c);
        return id;
    }
    t->slots[j] = id;
    t->hashes[j] = h;
    t->len++;
    return id;
}

static AstIdent tok_ident(ParseCtx *c, const Token *t) { return ast_ident(c, t->s, t->len); }

AstNode *ps_note(ParseCtx *c, AstNode *n) {
    if (n) c->recent[c->recent_n++ % 32] = n;
    return n;
}

// --- tree height ---------------------------------------------------------------

AstNode *ast_finish_depth(ParseCtx *c, AstNode *n, const AstNode *a, const AstNode *b) {
    if (!n) return NULL;
    unsigned d = 0;
    if (a && a->depth > d) d = a->depth;
    if (b && b->depth > d) d = b->depth;
    d++;
    if (d > PS_MAX_DEPTH) {
        ps_fail(c, DIAG_RECURSION, 0, -1, 0, -2,
                "maximum recursion depth exceeded during compilation");
        return NULL;
    }
    n->depth = (uint16_t)d;
    return n;
}

static AstNode *depth_of_seq(ParseCtx *c, AstNode *n, const PsList *l) {
    const AstNode *deepest = NULL;
    if (l)
        for (uint32_t i = 0; i < l->len; i++) {
            const AstNode *e = l->items[i];
            if (e && (!deepest || e->depth > deepest->depth)) deepest = e;
        }
    return ast_finish_depth(c, n, deepest, NULL);
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

// --- expression names and targets ------------------------------------------------

const char *ast_expr_name(const AstNode *e) {
    switch (e->kind) {
    case AST_ATTRIBUTE: return "attribute";
    case AST_SUBSCRIPT: return "subscript";
    case AST_STARRED: return "starred";
    case AST_NAME: return "name";
    case AST_LIST: return "list";
    case AST_TUPLE: return "tuple";
    case AST_LAMBDA: return "lambda";
    case AST_CALL: return "function call";
    case AST_BOOL_OP:
    case AST_BIN_OP:
    case AST_UNARY_OP: return "expression";
    case AST_GENERATOR_EXP: return "generator expression";
    case AST_YIELD:
    case AST_YIELD_FROM: return "yield expression";
    case AST_AWAIT: return "await expression";
    case AST_LIST_COMP: return "list comprehension";
    case AST_SET_COMP: return "set comprehension";
    case AST_DICT_COMP: return "dict comprehension";
    case AST_DICT: return "dict literal";
    case AST_SET: return "set display";
    case AST_JOINED_STR:
    case AST_FORMATTED_VALUE: return "f-string expression";
    case AST_CONSTANT:
        switch (e->u.constant.kind) {
        case CONST_NONE: return "None";
        case CONST_FALSE: return "False";
        case CONST_TRUE: return "True";
        case CONST_ELLIPSIS: return "ellipsis";
        default: return "literal";
        }
    case AST_COMPARE: return "comparison";
    case AST_IF_EXP: return "conditional expression";
    case AST_NAMED_EXPR: return "named expression";
    default: return "expression";
    }
}

const AstNode *ast_invalid_target(const AstNode *e, TargetKind kind) {
    if (!e) return NULL;
    switch (e->kind) {
    case AST_LIST:
    case AST_TUPLE:
        if (e->pflags & PF_WITH_AS) return e;
        for (uint32_t i = 0; i < e->u.seq.elts.len; i++) {
            const AstNode *bad = ast_invalid_target(e->u.seq.elts.items[i], kind);
            if (bad) return bad;
        }
        return NULL;
    case AST_STARRED:
        if (kind == TARGET_DEL) return e;
        return ast_invalid_target(e->u.starred.value, kind);
    case AST_NAME:
    case AST_SUBSCRIPT:
    case AST_ATTRIBUTE:
        return NULL;
    default:
        return e;
    }
}

static void set_ctx(AstNode *e, AstCtx ctx) {
    switch (e->kind) {
    case AST_NAME: e->u.name.ctx = ctx; break;
    case AST_ATTRIBUTE: e->u.attribute.ctx = ctx; break;
    case AST_SUBSCRIPT: e->u.subscript.ctx = ctx; break;
    case AST_STARRED:
        e->u.starred.ctx = ctx;
        set_ctx(e->u.starred.value, ctx);
        break;
    case AST_LIST:
    case AST_TUPLE:
        e->u.seq.ctx = ctx;
        for (uint32_t i = 0; i < e->u.seq.elts.len; i++) set_ctx(e->u.seq.elts.items[i], ctx);
        break;
    default: break;
    }
}

// Starred targets the compiler rejects ("starred assignment target must be
// in a list or tuple", "multiple starred expressions in assignment").
static void check_starred_target(ParseCtx *c, const AstNode *e) {
    if (e->kind == AST_STARRED) {
        ps_defer(c, e, "starred assignment target must be in a list or tuple");
        return;
    }
    if (e->kind != AST_LIST && e->kind != AST_TUPLE) return;
    int stars = 0;
    for (uint32_t i = 0; i < e->u.seq.elts.len; i++) {
        const AstNode *x = e->u.seq.elts.items[i];
        if (x->kind == AST_STARRED) {
            if (++stars == 2) ps_defer(c, e, "multiple starred expressions in assignment");
            if (x->u.starred.value->kind == AST_STARRED)
                ps_defer(c, x->u.starred.value,
                         "starred assignment target must be in a list or tuple");
            check_starred_target(c, x->u.starred.value);
        } else {
            check_starred_target(c, x);
        }
    }
}

bool ast_set_target(ParseCtx *c, AstNode *e, TargetKind kind) {
    if (c->failed || !e) return false;
    const AstNode *bad = ast_invalid_target(e, kind);
    if (bad) {
        if (bad->pflags & PF_WITH_AS) {
            ps_fail(c, DIAG_SYNTAX, c->pending_as_tok.line, c->pending_as_tok.col,
                    c->pending_as_tok.end_line, c->pending_as_tok.end_col, "invalid syntax");
            return false;
        }
        ps_fail_node(c, bad, kind == TARGET_DEL ? "cannot delete %s" : "cannot assign to %s",
                     ast_expr_name(bad));
        return false;
    }
    set_ctx(e, kind == TARGET_DEL ? CTX_DEL : CTX_STORE);
    if (kind != TARGET_DEL) check_starred_target(c, e);
    return true;
}

// --- modules -----------------------------------------------------------------

AstNode *ast_module(ParseCtx *c, AstKind kind, PsList *body) {
    if (c->failed || !body) return NULL;
    AstNode *m = node(c, kind, (Span){0, 0, 0, 0});
    if (m) m->u.module.body = ps_seq(body);
    return m;
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
    if (n && value && value->kind == AST_STARRED)
        ps_defer(c, value, "can't use starred expression here");
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

static void check_load_starred(ParseCtx *c, const AstNode *e) {
    if (e->kind == AST_STARRED && !(e->pflags & PF_GROUPED))
        ps_defer(c, e, "can't use starred expression here");
}

AstNode *ast_expr_stmt(ParseCtx *c, AstNode *e) {
    if (c->failed || !e) return NULL;
    AstNode *n = node(c, AST_EXPR, ast_tspan(c, e));
    if (n) n->u.expr.value = e;
    check_load_starred(c, e);
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
        set_ctx(t, CTX_STORE);
        check_starred_target(c, t);
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
    check_load_starred(c, value);
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
    set_ctx(target, CTX_STORE);
    AstNode *n = node(c, AST_AUG_ASSIGN, join(ast_tspan(c, target), ast_tspan(c, value)));
    if (n) {
        n->u.augassign.target = target;
        n->u.augassign.op = aug_op(op->kind);
        n->u.augassign.value = value;
    }
    check_load_starred(c, value);
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
    set_ctx(target, CTX_STORE);
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
    AstIdent id = {NULL, 0};
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

AstNode *ast_try(ParseCtx *c, const Token *t, PsList *body, PsList *handlers, PsList *orelse,
                 PsList *finalbody) {
    if (c->failed || !body) return NULL;
    Span end = body_end(c, body, tok_span(t));
    if (handlers) end = ast_span(handlers->items[handlers->len - 1]);
    end = body_end(c, orelse, end);
    end = body_end(c, finalbody, end);
    AstNode *n = node(c, AST_TRY, join(tok_span(t), end));
    if (n) {
        n->u.try_.body = ps_seq(body);
        n->u.try_.handlers = ps_seq(handlers);
        n->u.try_.orelse = ps_seq(orelse);
        n->u.try_.finalbody = ps_seq(finalbody);
    }
    return finish_stmt(c, n);
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
                      const Token *rpar, PsList *body) {
    (void)rpar;
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

// --- atoms -------------------------------------------------------------------

AstNode *ast_name(ParseCtx *c, const Token *t) {
    AstNode *n = node(c, AST_NAME, tok_span(t));
    if (!n) return NULL;
    n->u.name.id = tok_ident(c, t);
    n->depth = 1;
    ps_note(c, n);
    return c->failed ? NULL : n;
}

AstNode *ast_number(ParseCtx *c, const Token *t) {
    AstNode *n = node(c, AST_CONSTANT, tok_span(t));
    if (!n) return NULL;
    NumLit lit;
    if (!lx_decode_number(t->s, t->len, c->arena, &lit, c->diag, t->line, t->col)) {
        if (!diag_is_set(c->diag)) ps_fail_nomem(c);
        c->failed = true;
        return NULL;
    }
    AstConst *k = &n->u.constant;
    if (lit.is_float) {
        k->kind = CONST_FLOAT;
        k->fval = lit.fval;
    } else {
        k->kind = CONST_INT;
        k->is_small = lit.is_small;
        k->ival = lit.ival;
        k->s = lit.digits;
        k->len = lit.digits ? strlen(lit.digits) : 0;
        k->base = lit.base;
    }
    n->depth = 1;
    ps_note(c, n);
    return n;
}

AstNode *ast_const_tok(ParseCtx *c, const Token *t, ConstKind kind) {
    AstNode *n = node(c, AST_CONSTANT, tok_span(t));
    if (!n) return NULL;
    n->u.constant.kind = kind;
    n->depth = 1;
    ps_note(c, n);
    return n;
}

AstNode *ast_group(ParseCtx *c, const Token *lpar, AstNode *e, const Token *rpar) {
    if (c->failed || !e) return NULL;
    if (e->kind == AST_STARRED && !(e->pflags & PF_GROUPED)) {
        ps_fail_node(c, e, "cannot use starred expression here");
        return NULL;
    }
    if (e->kind == AST_WITHITEM) {
        // (a as b): kept as a one-item parenthesized tuple marked PF_WITH_AS,
        // which only a with statement accepts.
        return ast_paren(c, lpar, ps_list1(c, e), rpar);
    }
    // The virtual parentheses around an f-string field enclose nothing else:
    // no need to remember them.
    if (c->in_fstring && lpar->line == c->fstring_line && lpar->col == c->fstring_col &&
        lpar->len == 1 && lpar->s[0] == '(' && lpar->end_col == lpar->col + 1 &&
        c->fstring_virtual_lpar == lpar->s)
        return e;
    if (!group_put(c, e, join(tok_span(lpar), tok_span(rpar)))) {
        ps_fail_nomem(c);
        return NULL;
    }
    e->pflags |= PF_GROUPED;
    ps_note(c, e);
    return e;
}

static AstNode *seq_node(ParseCtx *c, AstKind kind, Span s, PsList *elts) {
    AstNode *n = node(c, kind, s);
    if (!n) return NULL;
    n->u.seq.elts = ps_seq(elts);
    n->u.seq.ctx = CTX_LOAD;
    return depth_of_seq(c, n, elts);
}

// Elements of a display other than (...): `x as y` is not allowed.
static bool reject_as_items(ParseCtx *c, PsList *elts) {
    if (!elts) return true;
    for (uint32_t i = 0; i < elts->len; i++) {
        const AstNode *e = elts->items[i];
        if (e->kind == AST_WITHITEM) {
            ps_fail(c, DIAG_SYNTAX, e->line, e->col, e->end_line, e->end_col, "invalid syntax");
            return false;
        }
    }
    return true;
}

AstNode *ast_paren(ParseCtx *c, const Token *lpar, PsList *elts, const Token *rpar) {
    if (c->failed) return NULL;
    if (!elts) elts = ps_list_new(c);
    AstNode *n = seq_node(c, AST_TUPLE, join(tok_span(lpar), tok_span(rpar)), elts);
    if (!n) return NULL;
    n->pflags |= PF_PAREN_TUPLE;
    for (uint32_t i = 0; i < elts->len; i++) {
        const AstNode *e = elts->items[i];
        if (e->kind == AST_WITHITEM) {
            n->pflags |= PF_WITH_AS;
            if (!c->pending_as) {
                c->pending_as = n;
                c->pending_as_tok.line = e->line;
                c->pending_as_tok.col = e->col;
                c->pending_as_tok.end_line = e->end_line;
                c->pending_as_tok.end_col = e->end_col;
            }
        }
    }
    ps_note(c, n);
    return n;
}

AstNode *ast_tuple_bare(ParseCtx *c, PsList *elts, const Token *trailing_comma) {
    if (c->failed || !elts) return NULL;
    Span s = ast_tspan(c, elts->items[0]);
    Span e = trailing_comma ? tok_span(trailing_comma) : ast_tspan(c, elts->items[elts->len - 1]);
    AstNode *n = seq_node(c, AST_TUPLE, join(s, e), elts);
    if (n && trailing_comma) n->pflags |= PF_TRAILING_COMMA;
    return n;
}

AstNode *ast_list(ParseCtx *c, const Token *lsqb, PsList *elts, const Token *rsqb) {
    if (c->failed) return NULL;
    if (!elts) elts = ps_list_new(c);
    if (!reject_as_items(c, elts)) return NULL;
    AstNode *n = seq_node(c, AST_LIST, join(tok_span(lsqb), tok_span(rsqb)), elts);
    if (n) n->pflags |= PF_BRACKETS;
    ps_note(c, n);
    return n;
}

AstNode *ast_set(ParseCtx *c, const Token *lbrace, PsList *elts, const Token *rbrace) {
    if (c->failed || !elts) return NULL;
    if (!reject_as_items(c, elts)) return NULL;
    AstNode *n = seq_node(c, AST_SET, join(tok_span(lbrace), tok_span(rbrace)), elts);
    ps_note(c, n);
    return n;
}

DictBuild *ast_dict_item(ParseCtx *c, AstNode *key, AstNode *value) {
    if (c->failed || !value) return NULL;
    DictBuild *d = arena_alloc(c->arena, sizeof *d);
    if (!d) {
        ps_fail_nomem(c);
        return NULL;
    }
    d->keys = ps_list_new(c);
    d->values = ps_list1(c, value);
    if (d->keys) {
        // A NULL key (for **value) must still take a slot.
        if (d->keys->cap == 0 && !ps_list_push(c, d->keys, value)) return NULL;
        d->keys->items[0] = key;
        d->keys->len = 1;
    }
    return c->failed ? NULL : d;
}

DictBuild *ast_dict_merge(ParseCtx *c, DictBuild *d, DictBuild *item) {
    if (c->failed || !d || !item) return NULL;
    if (!ps_list_push(c, d->values, item->values->items[0])) return NULL;
    // push a placeholder, then store the (possibly NULL) key
    if (!ps_list_push(c, d->keys, item->values->items[0])) return NULL;
    d->keys->items[d->keys->len - 1] = item->keys->items[0];
    return d;
}

AstNode *ast_dstar_value(ParseCtx *c, const Token *t, AstNode *value) {
    (void)t;
    if (c->failed || !value) return NULL;
    return value;
}

AstNode *ast_dict(ParseCtx *c, const Token *lbrace, DictBuild *d, const Token *rbrace) {
    if (c->failed) return NULL;
    AstNode *n = node(c, AST_DICT, join(tok_span(lbrace), tok_span(rbrace)));
    if (!n) return NULL;
    const AstNode *deepest = NULL;
    if (d) {
        n->u.dict.keys = ps_seq(d->keys);
        n->u.dict.values = ps_seq(d->values);
        for (uint32_t i = 0; i < d->values->len; i++) {
            const AstNode *v = d->values->items[i], *k = d->keys->items[i];
            if (!deepest || v->depth > deepest->depth) deepest = v;
            if (k && k->depth > deepest->depth) deepest = k;
        }
    }
    ps_note(c, n);
    return ast_finish_depth(c, n, deepest, NULL);
}

AstNode *ast_comprehension(ParseCtx *c, const Token *async, const Token *t, AstNode *target,
                           AstNode *iter) {
    if (c->failed || !target || !iter) return NULL;
    if (!ast_set_target(c, target, TARGET_FOR)) return NULL;
    AstNode *n = node(c, AST_COMPREHENSION, join(tok_span(async ? async : t), ast_tspan(c, iter)));
    if (!n) return NULL;
    n->u.comprehension.target = target;
    n->u.comprehension.iter = iter;
    n->u.comprehension.is_async = async != NULL;
    return ast_finish_depth(c, n, target, iter);
}

PsList *ast_comp_if(ParseCtx *c, PsList *gens, AstNode *cond) {
    if (c->failed || !gens || !cond) return NULL;
    AstNode *last = gens->items[gens->len - 1];
    AstSeq *ifs = &last->u.comprehension.ifs;
    // The ifs of one clause are few; rebuild the array in the arena.
    AstNode **items = arena_alloc(c->arena, (ifs->len + 1) * sizeof *items);
    if (!items) {
        ps_fail_nomem(c);
        return NULL;
    }
    if (ifs->len) memcpy(items, ifs->items, ifs->len * sizeof *items);
    items[ifs->len] = cond;
    ifs->items = items;
    ifs->len++;
    if (cond->depth >= last->depth && !ast_finish_depth(c, last, cond, NULL)) return NULL;
    return gens;
}

AstNode *ast_comp(ParseCtx *c, AstKind kind, const Token *open, AstNode *elt, AstNode *value,
                  PsList *gens, const Token *close) {
    if (c->failed || !elt || !gens) return NULL;
    if (elt->kind == AST_WITHITEM) {
        ps_fail(c, DIAG_SYNTAX, elt->line, elt->col, elt->end_line, elt->end_col,
                "invalid syntax");
        return NULL;
    }
    if (elt->kind == AST_STARRED && !(elt->pflags & PF_GROUPED) && kind != AST_DICT_COMP) {
        ps_fail_node(c, elt, kind == AST_LIST_COMP ? "iterable unpacking cannot be used in comprehension"
                                                   : "iterable unpacking cannot be used in comprehension");
        return NULL;
    }
    AstNode *n = node(c, kind, join(tok_span(open), tok_span(close)));
    if (!n) return NULL;
    n->u.comp.elt = elt;
    n->u.comp.value = value;
    n->u.comp.generators = ps_seq(gens);
    const AstNode *deepest = elt;
    if (value && value->depth > deepest->depth) deepest = value;
    for (uint32_t i = 0; i < gens->len; i++) {
        const AstNode *g = gens->items[i];
        if (g->depth > deepest->depth) deepest = g;
    }
    ps_note(c, n);
    return ast_finish_depth(c, n, deepest, NULL);
}

AstNode *ast_dict_unpack_comp(ParseCtx *c, const Token *open, const Token *dstar,
                              AstNode *value, PsList *gens, const Token *close) {
    (void)open;
    (void)gens;
    (void)close;
    if (c->failed || !value) return NULL;
    ps_fail(c, DIAG_SYNTAX, dstar->line, dstar->col, dstar->end_line, dstar->end_col,
            "dict unpacking cannot be used in dict comprehension");
    return NULL;
}

AstNode *ast_as_item(ParseCtx *c, AstNode *e, const Token *as, AstNode *target) {
    if (c->failed || !e || !target) return NULL;
    // Positioned at the `as` token: withitem has no position in CPython's
    // AST, and this is where a misuse is reported.
    AstNode *n = node(c, AST_WITHITEM, tok_span(as));
    if (!n) return NULL;
    n->u.withitem.context_expr = e;
    n->u.withitem.optional_vars = target;
    return n;
}

// --- operators -------------------------------------------------------------------

AstNode *ast_starred(ParseCtx *c, const Token *star, AstNode *e) {
    if (c->failed || !e) return NULL;
    AstNode *n = node(c, AST_STARRED, join(tok_span(star), ast_tspan(c, e)));
    if (!n) return NULL;
    n->u.starred.value = e;
    n->u.starred.ctx = CTX_LOAD;
    return ast_finish_depth(c, n, e, NULL);
}

AstNode *ast_binop(ParseCtx *c, AstNode *l, AstOperator op, AstNode *r) {
    if (c->failed || !l || !r) return NULL;
    AstNode *n = node(c, AST_BIN_OP, join(ast_tspan(c, l), ast_tspan(c, r)));
    if (!n) return NULL;
    n->u.binop.left = l;
    n->u.binop.op = op;
    n->u.binop.right = r;
    ps_note(c, n);
    return ast_finish_depth(c, n, l, r);
}

AstNode *ast_unary(ParseCtx *c, const Token *t, AstUnaryOp op, AstNode *e) {
    if (c->failed || !e) return NULL;
    AstNode *n = node(c, AST_UNARY_OP, join(tok_span(t), ast_tspan(c, e)));
    if (!n) return NULL;
    n->u.unaryop.op = op;
    n->u.unaryop.operand = e;
    ps_note(c, n);
    return ast_finish_depth(c, n, e, NULL);
}

// BoolOp values grow in place: the array's capacity is its length rounded
// up to a power of two (at least 2), so a full array is recognised by its
// length alone.
AstNode *ast_boolop(ParseCtx *c, AstBoolOp op, AstNode *a, AstNode *b) {
    if (c->failed || !a || !b) return NULL;
    if (a->kind == AST_BOOL_OP && a->u.boolop.op == op && !(a->pflags & PF_GROUPED)) {
        AstSeq *v = &a->u.boolop.values;
        if (v->len >= 2 && (v->len & (v->len - 1)) == 0) {
            AstNode **items = arena_alloc(c->arena, (size_t)v->len * 2 * sizeof *items);
            if (!items) {
                ps_fail_nomem(c);
                return NULL;
            }
            memcpy(items, v->items, v->len * sizeof *items);
            v->items = items;
        }
        v->items[v->len++] = b;
        Span e = ast_tspan(c, b);
        a->end_line = e.end_line;
        a->end_col = e.end_col;
        ps_note(c, a);
        if (b->depth >= a->depth) return ast_finish_depth(c, a, b, NULL);
        return a;
    }
    AstNode *n = node(c, AST_BOOL_OP, join(ast_tspan(c, a), ast_tspan(c, b)));
    AstNode **items = n ? arena_alloc(c->arena, 2 * sizeof *items) : NULL;
    if (!items) {
        if (n) ps_fail_nomem(c);
        return NULL;
    }
    items[0] = a;
    items[1] = b;
    n->u.boolop.op = op;
    n->u.boolop.values.items = items;
    n->u.boolop.values.len = 2;
    ps_note(c, n);
    return ast_finish_depth(c, n, a, b);
}

CmpChain *ast_cmp_chain(ParseCtx *c, CmpChain *chain, AstNode *left, int op, AstNode *right) {
    if (c->failed || !right) return NULL;
    if (!chain) {
        if (!left) return NULL;
        chain = arena_alloc(c->arena, sizeof *chain);
        if (!chain) {
            ps_fail_nomem(c);
            return NULL;
        }
        chain->left = left;
        chain->ops = ps_list_new(c);
        chain->comparators = ps_list_new(c);
    }
    // ops are stored as small integers + 1 so that none is NULL
    if (!ps_list_push(c, chain->ops, (void *)(intptr_t)(op + 1))) return NULL;
    if (!ps_list_push(c, chain->comparators, right)) return NULL;
    return chain;
}

AstNode *ast_compare(ParseCtx *c, CmpChain *chain) {
    if (c->failed || !chain) return NULL;
    PsList *cmp = chain->comparators;
    AstNode *n = node(c, AST_COMPARE, join(ast_tspan(c, chain->left),
                                           ast_tspan(c, cmp->items[cmp->len - 1])));
    if (!n) return NULL;
    AstCmpOp *ops = arena_alloc(c->arena, cmp->len * sizeof *ops);
    if (!ops) {
        ps_fail_nomem(c);
        return NULL;
    }
    for (uint32_t i = 0; i < cmp->len; i++) ops[i] = (AstCmpOp)((intptr_t)chain->ops->items[i] - 1);
    n->u.compare.left = chain->left;
    n->u.compare.ops = ops;
    n->u.compare.comparators = ps_seq(cmp);
    ps_note(c, n);
    return ast_finish_depth(c, depth_of_seq(c, n, cmp), chain->left, NULL);
}

AstNode *ast_ifexp_head(ParseCtx *c, AstNode *body, AstNode *test) {
    if (c->failed || !body || !test) return NULL;
    AstNode *n = node(c, AST_IF_EXP, ast_tspan(c, body));
    if (!n) return NULL;
    n->u.ifexp.test = test;
    n->u.ifexp.body = body;
    return n;
}

AstNode *ast_ifexp(ParseCtx *c, AstNode *n, AstNode *orelse) {
    if (c->failed || !n || !orelse) return NULL;
    ast_set_span(n, join(ast_span(n), ast_tspan(c, orelse)));
    n->u.ifexp.orelse = orelse;
    const AstNode *body = n->u.ifexp.body, *test = n->u.ifexp.test;
    const AstNode *deep = body->depth > test->depth ? body : test;
    return ast_finish_depth(c, n, deep, orelse);
}

AstNode *ast_lambda(ParseCtx *c, const Token *t, AstNode *args, AstNode *body) {
    if (c->failed || !args || !body) return NULL;
    AstNode *n = node(c, AST_LAMBDA, join(tok_span(t), ast_tspan(c, body)));
    if (!n) return NULL;
    n->u.lambda.args = args;
    n->u.lambda.body = body;
    return ast_finish_depth(c, n, body, args);
}

AstNode *ast_namedexpr(ParseCtx *c, AstNode *target, AstNode *value) {
    if (c->failed || !target || !value) return NULL;
    if (target->kind != AST_NAME || (target->pflags & PF_GROUPED)) {
        ps_fail_node(c, target, "cannot use assignment expressions with %s",
                     ast_expr_name(target));
        return NULL;
    }
    target->u.name.ctx = CTX_STORE;
    AstNode *n = node(c, AST_NAMED_EXPR, join(ast_span(target), ast_tspan(c, value)));
    if (!n) return NULL;
    n->u.namedexpr.target = target;
    n->u.namedexpr.value = value;
    return ast_finish_depth(c, n, value, NULL);
}

AstNode *ast_await(ParseCtx *c, const Token *t, AstNode *e) {
    if (c->failed || !e) return NULL;
    AstNode *n = node(c, AST_AWAIT, join(tok_span(t), ast_tspan(c, e)));
    if (!n) return NULL;
    n->u.await_.value = e;
    ps_note(c, n);
    return ast_finish_depth(c, n, e, NULL);
}

AstNode *ast_yield(ParseCtx *c, AstKind kind, const Token *t, AstNode *value) {
    if (c->failed) return NULL;
    Span s = tok_span(t);
    if (value) s = join(s, ast_tspan(c, value));
    AstNode *n = node(c, kind, s);
    if (!n) return NULL;
    n->u.await_.value = value;
    if (value) check_load_starred(c, value);
    return ast_finish_depth(c, n, value, NULL);
}

AstNode *ast_attribute(ParseCtx *c, AstNode *value, const Token *name) {
    if (c->failed || !value) return NULL;
    AstNode *n = node(c, AST_ATTRIBUTE, join(ast_tspan(c, value), tok_span(name)));
    if (!n) return NULL;
    n->u.attribute.value = value;
    n->u.attribute.attr = tok_ident(c, name);
    n->u.attribute.ctx = CTX_LOAD;
    ps_note(c, n);
    return ast_finish_depth(c, n, value, NULL);
}

AstNode *ast_subscript(ParseCtx *c, AstNode *value, AstNode *slice, const Token *rsqb) {
    if (c->failed || !value || !slice) return NULL;
    if (slice->kind == AST_STARRED && !(slice->pflags & PF_GROUPED)) {
        // a[*b] is a one-element tuple (CPython's slices rule).
        slice = seq_node(c, AST_TUPLE, ast_span(slice), ps_list1(c, slice));
        if (!slice) return NULL;
    }
    AstNode *n = node(c, AST_SUBSCRIPT, join(ast_tspan(c, value), tok_span(rsqb)));
    if (!n) return NULL;
    n->u.subscript.value = value;
    n->u.subscript.slice = slice;
    n->u.subscript.ctx = CTX_LOAD;
    ps_note(c, n);
    return ast_finish_depth(c, n, value, slice);
}

AstNode *ast_slice(ParseCtx *c, AstNode *lower, const Token *colon1, AstNode *upper,
                   const Token *colon2, AstNode *step) {
    if (c->failed) return NULL;
    Span s = lower ? ast_tspan(c, lower) : tok_span(colon1);
    Span e = step ? ast_tspan(c, step)
                  : colon2 ? tok_span(colon2) : upper ? ast_tspan(c, upper) : tok_span(colon1);
    AstNode *n = node(c, AST_SLICE, join(s, e));
    if (!n) return NULL;
    n->u.slice.lower = lower;
    n->u.slice.upper = upper;
    n->u.slice.step = step;
    const AstNode *deep = lower;
    if (upper && (!deep || upper->depth > deep->depth)) deep = upper;
    return ast_finish_depth(c, n, deep, step);
}
