// Calls and parameter lists. The grammar accepts arguments and parameters
// in any order (LALR cannot express Python's ordering rules without
// conflicts); this file checks the order and builds Call and `arguments`
// nodes, with CPython 3.11's messages and positions:
//   f(a=1, b)       positional argument follows keyword argument
//   f(**k, *a)      iterable argument unpacking follows keyword argument unpacking
//   f(x for x in y, 1)  Generator expression must be parenthesized
//   def f(a=1, b)   non-default argument follows default argument
//   def f(*)        named arguments must follow bare *   (and the / rules)
#include <string.h>

#include "parser/parse_ctx.h"

static Span join(Span a, Span b) {
    Span s = {a.line, a.col, b.end_line, b.end_col};
    return s;
}

static AstNode *new_node(ParseCtx *c, AstKind kind, Span s) {
    if (c->failed) return NULL;
    AstNode *n = ast_new(c->arena, kind, s.line, s.col, s.end_line, s.end_col);
    if (!n) ps_fail_nomem(c);
    return n;
}

// --- call arguments ------------------------------------------------------------

AstNode *ast_keyword(ParseCtx *c, AstNode *key, const Token *eq, AstNode *value) {
    if (c->failed || !key || !value) return NULL;
    if (key->kind != AST_NAME || (key->pflags & PF_GROUPED)) {
        if (key->kind == AST_CONSTANT && !(key->pflags & PF_GROUPED) &&
            (key->u.constant.kind == CONST_TRUE || key->u.constant.kind == CONST_FALSE ||
             key->u.constant.kind == CONST_NONE)) {
            ps_fail_range(c, ast_span(key), ps_tok_span(eq), "cannot assign to %s",
                          ast_expr_name(key));
            return NULL;
        }
        ps_fail_range(c, ast_span(key), ps_tok_span(eq),
                      "expression cannot contain assignment, perhaps you meant \"==\"?");
        return NULL;
    }
    AstNode *n = new_node(c, AST_KEYWORD, join(ast_span(key), ast_tspan(c, value)));
    if (!n) return NULL;
    n->u.keyword.arg = key->u.name.id;
    n->u.keyword.value = value;
    return ast_finish_depth(c, n, value, NULL);
}

AstNode *ast_keyword_dstar(ParseCtx *c, const Token *t, AstNode *value) {
    if (c->failed || !value) return NULL;
    AstNode *n = new_node(c, AST_KEYWORD, join(ps_tok_span(t), ast_tspan(c, value)));
    if (!n) return NULL;
    n->u.keyword.value = value;
    return ast_finish_depth(c, n, value, NULL);
}

// The last item of a comprehension: its last `if`, or the last iterable.
static const AstNode *last_comp_item(const AstNode *genexp) {
    const AstSeq *g = &genexp->u.comp.generators;
    const AstNode *last = g->items[g->len - 1];
    if (last->u.comprehension.ifs.len)
        return last->u.comprehension.ifs.items[last->u.comprehension.ifs.len - 1];
    return last->u.comprehension.iter;
}

static void fail_genexp(ParseCtx *c, const AstNode *g) {
    ps_fail_range(c, ast_tspan(c, g->u.comp.elt), ast_tspan(c, last_comp_item(g)),
                  "Generator expression must be parenthesized");
}

AstNode *ast_bare_genexp(ParseCtx *c, AstNode *elt, PsList *gens) {
    if (c->failed || !elt || !gens) return NULL;
    // Positioned for now from the element to the last clause; ast_call
    // widens it to the call's parentheses when it is the only argument.
    AstNode *g = new_node(c, AST_GENERATOR_EXP,
                          join(ast_tspan(c, elt), ast_span(gens->items[gens->len - 1])));
    if (!g) return NULL;
    g->u.comp.elt = elt;
    g->u.comp.generators = ps_seq(gens);
    g->pflags |= PF_BARE_GENEXP;
    if (elt->kind == AST_STARRED && !(elt->pflags & PF_GROUPED)) {
        ps_fail_node(c, elt, "iterable unpacking cannot be used in comprehension");
        return NULL;
    }
    const AstNode *deepest = elt;
    for (uint32_t i = 0; i < gens->len; i++) {
        const AstNode *x = gens->items[i];
        if (x->depth > deepest->depth) deepest = x;
    }
    return ast_finish_depth(c, g, deepest, NULL);
}

PsList *ps_args_trailing_comma(ParseCtx *c, PsList *args, const Token *comma) {
    (void)comma;
    if (c->failed || !args) return NULL;
    // f(x for x in y,) is rejected like f(x for x in y, z).
    const AstNode *first = args->items[0];
    if (first->kind == AST_GENERATOR_EXP && (first->pflags & PF_BARE_GENEXP)) {
        fail_genexp(c, first);
        return NULL;
    }
    return args;
}

static bool is_dstar_keyword(const AstNode *a) {
    return a->kind == AST_KEYWORD && a->u.keyword.arg.s == NULL;
}

// Splits [args] into positional arguments and keywords, checking CPython's
// order: positional and *x, then name=x and *x, then name=x and **x.
static bool split_args(ParseCtx *c, PsList *args, const Token *lpar, const Token *rpar,
                       PsList **pos, PsList **kw) {
    *pos = *kw = NULL;
    if (!args) return true;
    // Generator expressions first: their message wins.
    for (uint32_t i = 0; i < args->len; i++) {
        AstNode *a = args->items[i];
        if (a->kind == AST_GENERATOR_EXP && (a->pflags & PF_BARE_GENEXP)) {
            if (args->len > 1) {
                fail_genexp(c, a);
                return false;
            }
            ast_set_span(a, join(ps_tok_span(lpar), ps_tok_span(rpar)));
        }
    }
    bool seen_kw = false, seen_dstar = false;
    for (uint32_t i = 0; i < args->len; i++) {
        AstNode *a = args->items[i];
        if (a->kind == AST_KEYWORD) {
            if (is_dstar_keyword(a)) {
                seen_dstar = true;
            } else {
                seen_kw = true;
                for (uint32_t j = 0; *kw && j < (*kw)->len; j++) {
                    const AstNode *k = (*kw)->items[j];
                    if (k->u.keyword.arg.s && strcmp(k->u.keyword.arg.s, a->u.keyword.arg.s) == 0) {
                        ps_defer(c, a, "keyword argument repeated: %s", a->u.keyword.arg.s);
                        break;
                    }
                }
            }
            if (!ps_list_add(c, kw, a)) return false;
            continue;
        }
        if (a->kind == AST_STARRED && !(a->pflags & PF_GROUPED)) {
            if (seen_dstar) {
                ps_fail(c, DIAG_SYNTAX, a->line, a->col, a->line, a->col + 1,
                        "iterable argument unpacking follows keyword argument unpacking");
                return false;
            }
        } else if (seen_kw || seen_dstar) {
            ps_fail(c, DIAG_SYNTAX, rpar->line, rpar->col, rpar->end_line, rpar->end_col,
                    seen_dstar ? "positional argument follows keyword argument unpacking"
                               : "positional argument follows keyword argument");
            return false;
        }
        if (!ps_list_add(c, pos, a)) return false;
    }
    return true;
}

AstNode *ast_call_args(ParseCtx *c, PsList *args, const Token *lpar, const Token *rpar) {
    if (c->failed) return NULL;
    PsList *pos, *kw;
    if (!split_args(c, args, lpar, rpar, &pos, &kw)) return NULL;
    AstNode *n = new_node(c, AST_CALL, join(ps_tok_span(lpar), ps_tok_span(rpar)));
    if (!n) return NULL;
    n->u.call.args = ps_seq(pos);
    n->u.call.keywords = ps_seq(kw);
    return n;
}

AstNode *ast_call(ParseCtx *c, AstNode *func, PsList *args, const Token *lpar,
                  const Token *rpar) {
    if (c->failed || !func) return NULL;
    AstNode *n = ast_call_args(c, args, lpar, rpar);
    if (!n) return NULL;
    ast_set_span(n, join(ast_tspan(c, func), ps_tok_span(rpar)));
    n->u.call.func = func;
    const AstNode *deepest = func;
    if (args)
        for (uint32_t i = 0; i < args->len; i++) {
            const AstNode *a = args->items[i];
            if (a->depth > deepest->depth) deepest = a;
        }
    ps_note(c, n);
    return ast_finish_depth(c, n, deepest, NULL);
}

// --- parameters ----------------------------------------------------------------

AstNode *ast_arg(ParseCtx *c, const Token *name, AstNode *annotation) {
    if (c->failed) return NULL;
    Span s = ps_tok_span(name);
    if (annotation) s = join(s, ast_tspan(c, annotation));
    AstNode *n = new_node(c, AST_ARG, s);
    if (!n) return NULL;
    n->u.arg.arg = ast_ident(c, name->s, name->len);
    n->u.arg.annotation = annotation;
    return c->failed ? NULL : ast_finish_depth(c, n, annotation, NULL);
}

ParamItem *ps_param(ParseCtx *c, ParamKind kind, const Token *t, AstNode *arg, const Token *eq,
                    AstNode *dflt) {
    if (c->failed) return NULL;
    if ((kind == PARAM_PLAIN || kind == PARAM_DSTAR) && !arg) return NULL;
    ParamItem *p = arena_alloc(c->arena, sizeof *p);
    if (!p) {
        ps_fail_nomem(c);
        return NULL;
    }
    memset(p, 0, sizeof *p);
    p->kind = kind;
    if (t) p->tok = ps_tok_span(t);
    p->arg = arg;
    if (eq) {
        if (!dflt) return NULL;
        p->has_default = true;
        p->eq = ps_tok_span(eq);
        p->dflt = dflt;
    }
    return p;
}

static Span item_span(const ParamItem *p) {
    if (p->kind == PARAM_PLAIN) return ast_span(p->arg);
    return p->tok;
}

// CPython names the error only when the parameters before item [k] are
// plain ones without defaults, then ones with defaults, then maybe a '/'
// (its invalid_parameters_helper); otherwise it is a plain syntax error.
static bool defaults_run_before(const PsList *items, uint32_t k) {
    uint32_t i = 0;
    while (i < k && ((const ParamItem *)items->items[i])->kind == PARAM_PLAIN &&
           !((const ParamItem *)items->items[i])->has_default)
        i++;
    uint32_t run = i;
    while (i < k && ((const ParamItem *)items->items[i])->kind == PARAM_PLAIN &&
           ((const ParamItem *)items->items[i])->has_default)
        i++;
    if (i == run) return false;
    if (i < k && ((const ParamItem *)items->items[i])->kind == PARAM_SLASH) i++;
    return i == k;
}

// Checks the order of the items (CPython's invalid_parameters rules, first
// problem from the left) and reports duplicate names as the symbol table
// would (deferred: a later syntax error takes precedence).
static bool check_params(ParseCtx *c, PsList *items, const Token *close, bool lambda) {
    bool seen_slash = false, seen_star = false, seen_dstar = false, seen_default = false;
    for (uint32_t i = 0; i < items->len; i++) {
        const ParamItem *p = items->items[i];
        const ParamItem *next = i + 1 < items->len ? items->items[i + 1] : NULL;
        if (seen_dstar) {
            Span s = item_span(p);
            ps_fail(c, DIAG_SYNTAX, s.line, s.col, s.end_line, s.end_col,
                    "arguments cannot follow var-keyword argument");
            return false;
        }
        switch (p->kind) {
        case PARAM_SLASH:
            if (i == 0) {
                ps_fail(c, DIAG_SYNTAX, p->tok.line, p->tok.col, p->tok.end_line, p->tok.end_col,
                        next ? "at least one argument must precede /" : "invalid syntax");
                return false;
            }
            if (seen_star || seen_slash) {
                ps_fail(c, DIAG_SYNTAX, p->tok.line, p->tok.col, p->tok.end_line, p->tok.end_col,
                        seen_star ? "/ must be ahead of *" : "/ may appear only once");
                return false;
            }
            seen_slash = true;
            break;
        case PARAM_STAR:
            if (p->has_default) {
                ps_fail(c, DIAG_SYNTAX, p->eq.line, p->eq.col, p->eq.end_line, p->eq.end_col,
                        "var-positional argument cannot have default value");
                return false;
            }
            if (seen_star) {
                bool last_bare = !p->arg && !next;
                ps_fail(c, DIAG_SYNTAX, p->tok.line, p->tok.col, p->tok.end_line, p->tok.end_col,
                        last_bare ? "invalid syntax" : "* argument may appear only once");
                return false;
            }
            if (!p->arg && (!next || next->kind == PARAM_DSTAR)) {
                // lambda's rule reports at the token after `*` or `*,`
                Span at = !lambda ? p->tok : next ? next->tok : ps_tok_span(close);
                ps_fail(c, DIAG_SYNTAX, at.line, at.col, at.end_line, at.end_col,
                        "named arguments must follow bare *");
                return false;
            }
            seen_star = true;
            break;
        case PARAM_DSTAR:
            if (p->has_default) {
                ps_fail(c, DIAG_SYNTAX, p->eq.line, p->eq.col, p->eq.end_line, p->eq.end_col,
                        "var-keyword argument cannot have default value");
                return false;
            }
            seen_dstar = true;
            break;
        case PARAM_PLAIN:
            if (!seen_star) {
                if (p->has_default) {
                    seen_default = true;
                } else if (seen_default) {
                    ps_fail_node(c, p->arg, defaults_run_before(items, i)
                                                ? "non-default argument follows default argument"
                                                : "invalid syntax");
                    return false;
                }
            }
            break;
        }
    }
    // Duplicate names: a symbol-table error in CPython.
    for (uint32_t i = 1; i < items->len; i++) {
        const ParamItem *p = items->items[i];
        if (!p->arg) continue;
        for (uint32_t j = 0; j < i; j++) {
            const ParamItem *q = items->items[j];
            if (q->arg && strcmp(q->arg->u.arg.arg.s, p->arg->u.arg.arg.s) == 0) {
                ps_defer(c, p->arg, "duplicate argument '%s' in function definition",
                         p->arg->u.arg.arg.s);
                return true;
            }
        }
    }
    return true;
}

AstNode *ast_arguments(ParseCtx *c, PsList *items, const Token *open, const Token *close,
                       bool lambda) {
    (void)open;
    if (c->failed) return NULL;
    AstNode *n = new_node(c, AST_ARGUMENTS, (Span){0, 0, 0, 0});
    if (!n) return NULL;
    // A lambda's parameters may be reduced by default before a token that
    // cannot follow them: the syntax error at that token comes first.
    if (lambda && items && c->la->kind != TK_COLON) return n;
    PsList *posonly = NULL, *args = NULL, *kwonly = NULL, *kwdefaults = NULL, *defaults = NULL;
    const AstNode *deepest = NULL;
    if (items) {
        if (!check_params(c, items, close, lambda)) return NULL;
        bool after_star = false;
        for (uint32_t i = 0; i < items->len; i++) {
            const ParamItem *p = items->items[i];
            if (p->arg && (!deepest || p->arg->depth > deepest->depth)) deepest = p->arg;
            if (p->dflt && (!deepest || p->dflt->depth > deepest->depth)) deepest = p->dflt;
            switch (p->kind) {
            case PARAM_SLASH:
                // everything so far was positional-only
                posonly = args;
                args = NULL;
                break;
            case PARAM_STAR:
                n->u.arguments.vararg = p->arg;
                after_star = true;
                break;
            case PARAM_DSTAR:
                n->u.arguments.kwarg = p->arg;
                break;
            case PARAM_PLAIN:
                if (after_star) {
                    if (!ps_list_add(c, &kwonly, p->arg)) return NULL;
                    // kw_defaults holds NULL for a missing default
                    if (!ps_list_add(c, &kwdefaults, p->arg)) return NULL;
                    kwdefaults->items[kwdefaults->len - 1] = p->dflt;
                } else {
                    if (!ps_list_add(c, &args, p->arg)) return NULL;
                    if (p->has_default && !ps_list_add(c, &defaults, p->dflt)) return NULL;
                }
                break;
            }
        }
    }
    n->u.arguments.posonlyargs = ps_seq(posonly);
    n->u.arguments.args = ps_seq(args);
    n->u.arguments.kwonlyargs = ps_seq(kwonly);
    n->u.arguments.kw_defaults = ps_seq(kwdefaults);
    n->u.arguments.defaults = ps_seq(defaults);
    return ast_finish_depth(c, n, deepest, NULL);
}
