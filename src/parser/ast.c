// AST construction: the node allocator, arena lists, the side table of
// parenthesis spans, identifier interning, tree heights, targets, and the
// builders of expressions. Builders give each node CPython 3.11's position
// (the tokens its PEG rule consumes, see parse_ctx.h) and check what the
// LALR grammar accepts more broadly than Python (targets, walrus targets,
// starred items). Statements are built in stmt.c, calls and parameters in
// args.c, strings in fstring.c.
#include "parser/ast.h"

#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include "lexer/literal.h"
#include "lexer/nfkc.h"
#include "util/buf.h"
#include "util/fnv.h"
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
    case AST_TRY:
    case AST_TRY_STAR: return MEMBER_SIZE(try_);
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

static Span join(Span a, Span b) { return ps_join(a, b); }

static Span tok_span(const Token *t) { return ps_tok_span(t); }

AstNode *ps_node(ParseCtx *c, AstKind kind, Span s) {
    if (c->failed) return NULL;
    AstNode *n = ast_new(c->arena, kind, s.line, s.col, s.end_line, s.end_col);
    if (!n) ps_fail_nomem(c);
    return n;
}

static AstNode *node(ParseCtx *c, AstKind kind, Span s) { return ps_node(c, kind, s); }

// The intern table: open addressing over FNV-1a hashes, power-of-two size.
typedef struct Interned {
    AstIdent *slots;
    uint32_t *hashes;
    uint32_t cap, len;
} Interned;

static uint32_t fnv1a(const char *s, size_t len) { return fnv32(FNV32_SEED, s, len); }

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

static AstIdent intern_ident(ParseCtx *c, const char *s, size_t len, uint32_t h);

// Non-ASCII identifiers are NFKC-normalized, as CPython's parser does
// (PEP 3131): `ﬁ` and `fi` name the same variable.
AstIdent ast_ident(ParseCtx *c, const char *s, size_t len) {
    // One pass both hashes the bytes (fnv1a) and notices a non-ASCII one.
    uint32_t h = FNV32_SEED;
    unsigned any = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char ch = (unsigned char)s[i];
        any |= ch;
        h = fnv32_byte(h, ch);
    }
    if (!(any & 0x80)) return intern_ident(c, s, len, h);
    Buf b;
    buf_init(&b);
    AstIdent id = {NULL, 0, 0};
    if (!lx_nfkc(s, len, &b)) ps_fail_nomem(c);
    else id = intern_ident(c, b.data, b.len, fnv1a(b.data, b.len));
    buf_free(&b);
    return id;
}

// [h]: fnv1a(s, len).
static AstIdent intern_ident(ParseCtx *c, const char *s, size_t len, uint32_t h) {
    AstIdent id = {NULL, 0, 0};
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
    uint32_t j = h & (t->cap - 1);
    for (; t->slots[j].s; j = (j + 1) & (t->cap - 1))
        if (t->hashes[j] == h && t->slots[j].len == len && memcmp(t->slots[j].s, s, len) == 0)
            return t->slots[j];
    id.s = arena_strndup(c->arena, s, len);
    id.len = (uint32_t)len;
    if (!id.s) {
        ps_fail_nomem(c);
        return id;
    }
    id.hash = h;
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

void ast_store_target(ParseCtx *c, AstNode *e) {
    set_ctx(e, CTX_STORE);
    check_starred_target(c, e);
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
    return n;
}

AstNode *ast_list(ParseCtx *c, const Token *lsqb, PsList *elts, const Token *rsqb) {
    if (c->failed) return NULL;
    if (!elts) elts = ps_list_new(c);
    if (!reject_as_items(c, elts)) return NULL;
    AstNode *n = seq_node(c, AST_LIST, join(tok_span(lsqb), tok_span(rsqb)), elts);
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

// Keys and values are kept in two lists; a `**value` item has a NULL key,
// stored through a placeholder push (lists reject NULL items, which mean
// failure elsewhere).
static bool push_key(ParseCtx *c, PsList *keys, AstNode *key, AstNode *placeholder) {
    if (!ps_list_push(c, keys, placeholder)) return false;
    keys->items[keys->len - 1] = key;
    return true;
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
    if (!d->keys || !d->values || !push_key(c, d->keys, key, value)) return NULL;
    return d;
}

DictBuild *ast_dict_merge(ParseCtx *c, DictBuild *d, DictBuild *item) {
    if (c->failed || !d || !item) return NULL;
    AstNode *value = item->values->items[0];
    if (!ps_list_push(c, d->values, value)) return NULL;
    if (!push_key(c, d->keys, item->keys->items[0], value)) return NULL;
    return d;
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
        ps_fail_node(c, elt, "iterable unpacking cannot be used in comprehension");
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

AstNode *ast_namedexpr_arg(ParseCtx *c, AstNode *target, const Token *op, AstNode *value) {
    if (c->failed || !target || !value) return NULL;
    if (target->kind != AST_NAME || (target->pflags & PF_GROUPED)) {
        ps_fail(c, DIAG_SYNTAX, op->line, op->col, op->end_line, op->end_col, "invalid syntax");
        return NULL;
    }
    return ast_namedexpr(c, target, value);
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
    if (value) ast_check_load_starred(c, value);
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
