// ParseCtx: the state the lemon actions share with the parse driver, and the
// builder functions the actions call (internal to src/parser and
// grammar/python.y).
//
// Invariants:
//  * every node, list and copied token lives in [arena];
//  * the first error wins: ps_fail* record it in [diag] and set [failed];
//    the driver then stops feeding tokens. Builders are NULL-safe and
//    return NULL once [failed] is set, because lemon may still run a few
//    reductions for the token being pushed;
//  * node positions follow CPython 3.11: a node's own span excludes the
//    parentheses around it, but the span of the rule that contains it
//    includes them. Grouped nodes carry PF_GROUPED and their outer span is
//    kept in a side table (ast_tspan returns it).
#ifndef PARSER_PARSE_CTX_H
#define PARSER_PARSE_CTX_H
#include <stdbool.h>
#include <stdint.h>

#include "lexer/source.h"
#include "lexer/token.h"
#include "parser/ast.h"
#include "util/arena.h"
#include "util/diag.h"

// Height limit of expression trees. CPython 3.11 raises RecursionError
// ("maximum recursion depth exceeded during compilation") when compiling a
// tree deeper than about 2990 (1+1+... with 2991 terms fails, 2990 works).
enum { PS_MAX_DEPTH = 2990 };
// Parser stack limit: right-nested input (10^5 unary minus signs, long `**`
// or `lambda:` chains) grows lemon's stack one or two entries per level;
// CPython's parser gives MemoryError past 6000 levels of its own recursion.
enum { PS_MAX_STACK = 6000 };

// AstNode.pflags
enum {
    PF_GROUPED = 1 << 0,      // was written inside (...) (outer span in the side table)
    PF_PAREN_TUPLE = 1 << 1,  // a tuple with its own parentheses: (a, b)
    PF_WITH_AS = 1 << 2,      // (a as b, ...): only valid as a with statement's items
    PF_BARE_GENEXP = 1 << 3,  // f(x for x in y): generator argument without parentheses
};

typedef struct Span {
    int32_t line, col, end_line, end_col;
} Span;

// A growable list in the arena (old storage is abandoned on growth: the
// waste is bounded by the final size, so building stays linear).
typedef struct PsList {
    void **items;
    uint32_t len, cap;
} PsList;

typedef enum ParamKind { PARAM_PLAIN, PARAM_STAR, PARAM_DSTAR, PARAM_SLASH } ParamKind;

// One item of a def/lambda parameter list, before validation.
typedef struct ParamItem {
    ParamKind kind;
    bool has_default;
    Span tok;             // the '*', '**' or '/' token
    Span eq;              // the '=' before the default
    AstNode *arg;         // ARG node, NULL for a bare '*' or '/'
    AstNode *dflt;
} ParamItem;

typedef struct CmpChain {
    AstNode *left;
    PsList *ops;          // AstCmpOp values stored as (void *)(intptr_t)
    PsList *comparators;
} CmpChain;

typedef struct DictBuild {
    PsList *keys;         // NULL item for `**value`
    PsList *values;
} DictBuild;

// Position of a node's outer parentheses (PF_GROUPED nodes only).
typedef struct GroupEntry {
    const AstNode *node;
    Span span;
} GroupEntry;

typedef struct ParseCtx {
    Arena *arena;
    const Source *src;
    AstNode *root;
    Diag *diag;
    bool failed;
    int mode;                 // ParseMode
    unsigned flags;
    const Token *la;          // the token being pushed (CPython's "last token")
    const Token *prev;        // the token pushed before it
    Token slots[2];           // storage for the two
    // f-string fields are parsed by a nested parser: errors get the
    // "f-string: " prefix and columns relative to the field.
    bool in_fstring;
    int fstring_col;          // column subtracted from error positions
    const char *fstring_virtual_lpar;   // text of the field's virtual '('
    int fstring_line;
    int fstring_depth;        // nesting of f-strings inside replacement fields
    // outer spans of grouped nodes (open addressing, power-of-two size)
    GroupEntry *groups;
    uint32_t groups_cap, groups_len;
    // identifiers already copied into the arena (shared with the nested
    // parsers of f-string fields): each name is stored once
    struct Interned *intern;
    // a (x as y) atom waiting to be claimed by a with statement
    AstNode *pending_as;
    Token pending_as_tok;
    // an invalid assignment target seen at its '=': reported when the
    // statement ends, or instead of a later syntax error in it
    AstNode *bad_target;       // the whole target expression
    AstNode *bad_target_sub;   // the part that cannot be assigned
    int bad_target_index;      // its position among the statement's targets
    int targets_seen;
    // errors CPython's compiler (not its parser) reports: kept until the
    // whole input has parsed, since a later syntax error takes precedence
    Diag deferred;
    // the expressions built last (a ring), for diagnoses that need the
    // expression ending at some token ("Perhaps you forgot a comma?")
    AstNode *recent[32];
    unsigned recent_n;
    // set by ps_on_syntax_error: the token lemon rejected and what it
    // would have accepted there
    bool syntax_error;
    bool skip_rest_check;     // CPython does not lex on after this error
    bool lexer_error_wins;    // the diagnosis ran into the lexer's error
    int furthest_line;        // line of the furthest token the diagnosis read
    Token err_tok;
    uint8_t expected[16];     // bitset over TK_* codes (< 128)
    // ps_parse_stream: the module's statements not yet handed over (a
    // malloc'd array: the arena is reset under it), and the arena position
    // just after the last one was added (nothing newer may be live when
    // the arena is reset)
    bool stream;
    AstNode **top;
    uint32_t top_len, top_cap;
    const char *top_mark;
    PsList top_list;          // what file_stmts reduces to while streaming
} ParseCtx;

// --- errors (parse.c) -------------------------------------------------------
void ps_fail(ParseCtx *c, DiagKind kind, int line, int col, int end_line, int end_col,
             const char *fmt, ...) __attribute__((format(printf, 7, 8)));
// At a node's own span / from the start of [a] to the end of [b].
void ps_fail_node(ParseCtx *c, const AstNode *n, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void ps_fail_range(ParseCtx *c, Span a, Span b, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
// At CPython's "last token": the lookahead token.
void ps_fail_last(ParseCtx *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void ps_fail_nomem(ParseCtx *c);
// A compiler-level error, reported only if the whole input parses.
void ps_defer(ParseCtx *c, const AstNode *n, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
Span ps_tok_span(const Token *t);
bool ps_expects(const ParseCtx *c, int kind);
// Called by lemon (python.y).
void ps_on_syntax_error(ParseCtx *c, void *parser, int major, const Token *tok);
void ps_on_stack_overflow(ParseCtx *c);
int ps_lemon_depth(void *parser);
bool ps_lemon_accepts(void *parser, int token);

// --- lists and spans (ast.c) -----------------------------------------------
PsList *ps_list_new(ParseCtx *c);
PsList *ps_list1(ParseCtx *c, void *item);
PsList *ps_list2(ParseCtx *c, void *a, void *b);
PsList *ps_list_push(ParseCtx *c, PsList *l, void *item);
PsList *ps_list_extend(ParseCtx *c, PsList *l, PsList *more);
// Appends to *[l], creating the list on first use; false on failure.
bool ps_list_add(ParseCtx *c, PsList **l, void *item);
AstSeq ps_seq(const PsList *l);
PsList *ps_tok_list1(ParseCtx *c, const Token *t);
PsList *ps_tok_list_push(ParseCtx *c, PsList *l, const Token *t);
static inline Span ps_join(Span a, Span b) {
    Span s = {a.line, a.col, b.end_line, b.end_col};
    return s;
}
// A new node with span [s]; NULL (and the failure recorded) on OOM.
AstNode *ps_node(ParseCtx *c, AstKind kind, Span s);
Span ast_span(const AstNode *n);
Span ast_tspan(const ParseCtx *c, const AstNode *n);
void ast_set_span(AstNode *n, Span s);
AstIdent ast_ident(ParseCtx *c, const char *s, size_t len);
// Reports an invalid assignment target recorded by ast_assign_target
// (called when a syntax error follows it in the same statement).
bool ps_report_pending_target(ParseCtx *c);
// Remembers a new expression node for diagnostics; returns it.
AstNode *ps_note(ParseCtx *c, AstNode *n);
// CPython's _PyPegen_get_expr_name: "function call", "literal", ...
const char *ast_expr_name(const AstNode *e);
// Checks the tree height of a new node from its children; fails past
// PS_MAX_DEPTH. Returns [n] or NULL.
AstNode *ast_finish_depth(ParseCtx *c, AstNode *n, const AstNode *a, const AstNode *b);

// --- module and statements (stmt.c) ----------------------------------------
// The module's statements so far [l] followed by [s] / by the list [more];
// [l] is NULL for the first. While streaming they are queued in ctx->top
// instead of a list.
PsList *ps_top_push(ParseCtx *c, PsList *l, AstNode *s);
PsList *ps_top_extend(ParseCtx *c, PsList *l, PsList *more);
AstNode *ast_module(ParseCtx *c, AstKind kind, PsList *body);
AstNode *ast_expression_mod(ParseCtx *c, AstNode *body);
PsList *ps_stmt_end(ParseCtx *c, PsList *stmts);
// `*x` used as a value (`x = *a`, `*a` alone): a compiler error, deferred.
void ast_check_load_starred(ParseCtx *c, const AstNode *e);
AstNode *ast_simple(ParseCtx *c, AstKind kind, const Token *t);
AstNode *ast_return(ParseCtx *c, const Token *t, AstNode *value);
AstNode *ast_raise(ParseCtx *c, const Token *t, AstNode *exc, AstNode *cause);
AstNode *ast_global(ParseCtx *c, AstKind kind, const Token *t, PsList *names);
AstNode *ast_assert(ParseCtx *c, const Token *t, AstNode *test, AstNode *msg);
AstNode *ast_delete(ParseCtx *c, const Token *t, PsList *targets);
AstNode *ast_expr_stmt(ParseCtx *c, AstNode *e);
PsList *ast_assign_target(ParseCtx *c, PsList *targets, AstNode *t, const Token *eq);
AstNode *ast_assign(ParseCtx *c, PsList *targets, AstNode *value);
AstNode *ast_augassign(ParseCtx *c, AstNode *target, const Token *op, AstNode *value);
AstNode *ast_annassign(ParseCtx *c, AstNode *target, AstNode *ann, AstNode *value);
AstNode *ast_import(ParseCtx *c, const Token *t, PsList *names);
AstNode *ast_import_from(ParseCtx *c, const Token *t, int level, PsList *module, PsList *names);
PsList *ast_import_trailing_comma(ParseCtx *c, PsList *names, const Token *comma);
AstNode *ast_alias(ParseCtx *c, PsList *dotted, const Token *asname);
AstNode *ast_alias_star(ParseCtx *c, const Token *t);
AstNode *ast_if(ParseCtx *c, const Token *t, AstNode *test, PsList *body, PsList *elifs,
                PsList *orelse);
PsList *ast_elif(ParseCtx *c, PsList *elifs, const Token *t, AstNode *test, PsList *body);
AstNode *ast_while(ParseCtx *c, const Token *t, AstNode *test, PsList *body, PsList *orelse);
AstNode *ast_for(ParseCtx *c, const Token *t, AstNode *target, AstNode *iter, PsList *body,
                 PsList *orelse);
AstNode *ast_try(ParseCtx *c, const Token *t, PsList *body, PsList *handlers, PsList *orelse,
                 PsList *finalbody);
AstNode *ast_try_star(ParseCtx *c, const Token *t, PsList *body, PsList *handlers, PsList *orelse,
                      PsList *finalbody);
AstNode *ast_handler(ParseCtx *c, const Token *t, AstNode *type, const Token *name,
                     PsList *body);
AstNode *ast_with_head(ParseCtx *c, const Token *t, PsList *items);
AstNode *ast_with(ParseCtx *c, AstNode *head, PsList *body);
AstNode *ast_withitem(ParseCtx *c, AstNode *e, const Token *as, AstNode *target);
AstNode *ast_make_async(ParseCtx *c, const Token *t, AstNode *stmt);
AstNode *ast_funcdef(ParseCtx *c, const Token *t, const Token *name, AstNode *args,
                     AstNode *returns, PsList *body);
AstNode *ast_classdef(ParseCtx *c, const Token *t, const Token *name, AstNode *call,
                      PsList *body);
AstNode *ast_decorate(ParseCtx *c, PsList *decorators, AstNode *def);

// --- expressions (ast.c) ---------------------------------------------------
AstNode *ast_name(ParseCtx *c, const Token *t);
AstNode *ast_number(ParseCtx *c, const Token *t);
AstNode *ast_const_tok(ParseCtx *c, const Token *t, ConstKind kind);
AstNode *ast_group(ParseCtx *c, const Token *lpar, AstNode *e, const Token *rpar);
AstNode *ast_paren(ParseCtx *c, const Token *lpar, PsList *elts, const Token *rpar);
AstNode *ast_tuple_bare(ParseCtx *c, PsList *elts, const Token *trailing_comma);
AstNode *ast_list(ParseCtx *c, const Token *lsqb, PsList *elts, const Token *rsqb);
AstNode *ast_set(ParseCtx *c, const Token *lbrace, PsList *elts, const Token *rbrace);
AstNode *ast_dict(ParseCtx *c, const Token *lbrace, DictBuild *d, const Token *rbrace);
DictBuild *ast_dict_item(ParseCtx *c, AstNode *key, AstNode *value);
DictBuild *ast_dict_merge(ParseCtx *c, DictBuild *d, DictBuild *item);
AstNode *ast_comp(ParseCtx *c, AstKind kind, const Token *open, AstNode *elt, AstNode *value,
                  PsList *gens, const Token *close);
AstNode *ast_dict_unpack_comp(ParseCtx *c, const Token *open, const Token *dstar,
                              AstNode *value, PsList *gens, const Token *close);
AstNode *ast_comprehension(ParseCtx *c, const Token *async, const Token *t, AstNode *target,
                           AstNode *iter);
PsList *ast_comp_if(ParseCtx *c, PsList *gens, AstNode *cond);
AstNode *ast_as_item(ParseCtx *c, AstNode *e, const Token *as, AstNode *target);
AstNode *ast_starred(ParseCtx *c, const Token *star, AstNode *e);
AstNode *ast_binop(ParseCtx *c, AstNode *l, AstOperator op, AstNode *r);
AstNode *ast_unary(ParseCtx *c, const Token *t, AstUnaryOp op, AstNode *e);
// a OP b; appends to [a] when it is an unparenthesized BoolOp of the same op.
AstNode *ast_boolop(ParseCtx *c, AstBoolOp op, AstNode *a, AstNode *b);
CmpChain *ast_cmp_chain(ParseCtx *c, CmpChain *chain, AstNode *left, int op, AstNode *right);
AstNode *ast_compare(ParseCtx *c, CmpChain *chain);
AstNode *ast_ifexp_head(ParseCtx *c, AstNode *body, AstNode *test);
AstNode *ast_ifexp(ParseCtx *c, AstNode *head, AstNode *orelse);
AstNode *ast_lambda(ParseCtx *c, const Token *t, AstNode *args, AstNode *body);
AstNode *ast_namedexpr(ParseCtx *c, AstNode *target, AstNode *value);
// The same as a call argument, where CPython only accepts NAME := ....
AstNode *ast_namedexpr_arg(ParseCtx *c, AstNode *target, const Token *op, AstNode *value);
AstNode *ast_await(ParseCtx *c, const Token *t, AstNode *e);
AstNode *ast_yield(ParseCtx *c, AstKind kind, const Token *t, AstNode *value);
AstNode *ast_attribute(ParseCtx *c, AstNode *value, const Token *name);
AstNode *ast_subscript(ParseCtx *c, AstNode *value, AstNode *slice, const Token *rsqb);
AstNode *ast_slice(ParseCtx *c, AstNode *lower, const Token *colon1, AstNode *upper,
                   const Token *colon2, AstNode *step);

// --- targets (ast.c) ---------------------------------------------------------
typedef enum TargetKind { TARGET_STORE, TARGET_DEL, TARGET_FOR } TargetKind;
// The first sub-expression of [e] that cannot be a target, or NULL.
const AstNode *ast_invalid_target(const AstNode *e, TargetKind kind);
// Sets Store/Del context on [e] and its elements; fails with CPython's
// message if [e] is not a valid target.
bool ast_set_target(ParseCtx *c, AstNode *e, TargetKind kind);
// Store context for a target already checked, plus the compiler's
// deferred checks of starred targets.
void ast_store_target(ParseCtx *c, AstNode *e);

// --- calls and parameters (args.c) -----------------------------------------
AstNode *ast_call(ParseCtx *c, AstNode *func, PsList *args, const Token *lpar,
                  const Token *rpar);
// Validates an argument list and returns a Call node holding args and
// keywords (func NULL): used for class bases.
AstNode *ast_call_args(ParseCtx *c, PsList *args, const Token *lpar, const Token *rpar);
PsList *ps_args_trailing_comma(ParseCtx *c, PsList *args, const Token *comma);
AstNode *ast_keyword(ParseCtx *c, AstNode *key, const Token *eq, AstNode *value);
AstNode *ast_keyword_dstar(ParseCtx *c, const Token *t, AstNode *value);
AstNode *ast_bare_genexp(ParseCtx *c, AstNode *elt, PsList *gens);
ParamItem *ps_param(ParseCtx *c, ParamKind kind, const Token *t, AstNode *arg, const Token *eq,
                    AstNode *dflt);
AstNode *ast_arg(ParseCtx *c, const Token *name, AstNode *annotation);
AstNode *ast_arguments(ParseCtx *c, PsList *items, const Token *open, const Token *close,
                       bool lambda);

// --- strings (fstring.c) -----------------------------------------------------
// Adjacent string literals -> Constant or JoinedStr (f-strings parsed).
AstNode *ast_strings(ParseCtx *c, PsList *toks);

#endif // PARSER_PARSE_CTX_H
