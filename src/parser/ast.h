// AST: the checked syntax tree, modelled on CPython 3.11's `ast` module
// (same node kinds, same fields, same positions), so `aiopy --ast` can be
// compared with `ast.dump()` and the compiler can follow CPython's codegen.
// Nodes live in an Arena owned by the parse result and die with it; the tree
// is not GC-managed. Every node records its source span (1-based lines,
// 0-based byte columns), exactly like CPython's lineno/col_offset/...
#ifndef PARSER_AST_H
#define PARSER_AST_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/arena.h"

// X(kind, CPython class name). Order: mod, stmt, expr, helper nodes.
#define AST_KINDS(X) \
    X(MODULE, "Module") X(INTERACTIVE, "Interactive") X(EXPRESSION, "Expression") \
    X(FUNCTION_DEF, "FunctionDef") X(ASYNC_FUNCTION_DEF, "AsyncFunctionDef") \
    X(CLASS_DEF, "ClassDef") X(RETURN, "Return") X(DELETE, "Delete") X(ASSIGN, "Assign") \
    X(AUG_ASSIGN, "AugAssign") X(ANN_ASSIGN, "AnnAssign") X(FOR, "For") \
    X(ASYNC_FOR, "AsyncFor") X(WHILE, "While") X(IF, "If") X(WITH, "With") \
    X(ASYNC_WITH, "AsyncWith") X(RAISE, "Raise") X(TRY, "Try") X(TRY_STAR, "TryStar") \
    X(ASSERT, "Assert") \
    X(IMPORT, "Import") X(IMPORT_FROM, "ImportFrom") X(GLOBAL, "Global") \
    X(NONLOCAL, "Nonlocal") X(EXPR, "Expr") X(PASS, "Pass") X(BREAK, "Break") \
    X(CONTINUE, "Continue") \
    X(BOOL_OP, "BoolOp") X(NAMED_EXPR, "NamedExpr") X(BIN_OP, "BinOp") \
    X(UNARY_OP, "UnaryOp") X(LAMBDA, "Lambda") X(IF_EXP, "IfExp") X(DICT, "Dict") \
    X(SET, "Set") X(LIST_COMP, "ListComp") X(SET_COMP, "SetComp") \
    X(DICT_COMP, "DictComp") X(GENERATOR_EXP, "GeneratorExp") X(AWAIT, "Await") \
    X(YIELD, "Yield") X(YIELD_FROM, "YieldFrom") X(COMPARE, "Compare") X(CALL, "Call") \
    X(FORMATTED_VALUE, "FormattedValue") X(JOINED_STR, "JoinedStr") \
    X(CONSTANT, "Constant") X(ATTRIBUTE, "Attribute") X(SUBSCRIPT, "Subscript") \
    X(STARRED, "Starred") X(NAME, "Name") X(LIST, "List") X(TUPLE, "Tuple") \
    X(SLICE, "Slice") \
    X(COMPREHENSION, "comprehension") X(EXCEPT_HANDLER, "ExceptHandler") \
    X(ARGUMENTS, "arguments") X(ARG, "arg") X(KEYWORD, "keyword") X(ALIAS, "alias") \
    X(WITHITEM, "withitem")

typedef enum AstKind {
#define AST_ENUM(k, name) AST_##k,
    AST_KINDS(AST_ENUM)
#undef AST_ENUM
    AST_KIND_COUNT
} AstKind;

typedef enum AstCtx { CTX_LOAD, CTX_STORE, CTX_DEL } AstCtx;
typedef enum AstBoolOp { BOOL_AND, BOOL_OR } AstBoolOp;
// Same order as CPython's ast.operator. Prefixed AOP_/ACMP_ so they never
// clash with the VM's OP_* opcodes or the runtime's CmpOp.
typedef enum AstOperator {
    AOP_ADD, AOP_SUB, AOP_MULT, AOP_MATMULT, AOP_DIV, AOP_MOD, AOP_POW, AOP_LSHIFT,
    AOP_RSHIFT, AOP_BITOR, AOP_BITXOR, AOP_BITAND, AOP_FLOORDIV
} AstOperator;
typedef enum AstUnaryOp { UOP_INVERT, UOP_NOT, UOP_UADD, UOP_USUB } AstUnaryOp;
typedef enum AstCmpOp {
    ACMP_EQ, ACMP_NOTEQ, ACMP_LT, ACMP_LTE, ACMP_GT, ACMP_GTE, ACMP_IS, ACMP_ISNOT, ACMP_IN, ACMP_NOTIN
} AstCmpOp;

typedef struct AstNode AstNode;

// A sequence of nodes (body, elts, args...). Arena-allocated.
typedef struct AstSeq {
    AstNode **items;
    uint32_t len;
} AstSeq;

// An identifier: arena copy, NUL-terminated, UTF-8.
typedef struct AstIdent {
    const char *s;
    uint32_t len;
    // FNV-1a of s[0, len), as computed when the parser interned it, so the
    // symbol table does not hash the name again at every use; 0 when not
    // known (an identifier made or shortened elsewhere: users then hash the
    // bytes). Whoever changes s or len resets it.
    uint32_t hash;
} AstIdent;

typedef enum ConstKind {
    CONST_NONE, CONST_TRUE, CONST_FALSE, CONST_ELLIPSIS,
    CONST_INT,      // small: ival; big: digits + base (see NumLit)
    CONST_FLOAT,    // fval
    CONST_STR,      // s/len: UTF-8 (may carry surrogates, encoded as UTF-8)
    CONST_BYTES,    // s/len: raw bytes
} ConstKind;

typedef struct AstConst {
    ConstKind kind;
    bool is_small;          // CONST_INT fits int64
    bool u_prefix;          // CPython's Constant.kind == 'u'
    int base;               // big CONST_INT: base of [s]
    int64_t ival;
    double fval;
    const char *s;          // CONST_STR/BYTES data, or big-int digits
    size_t len;
} AstConst;

struct AstNode {
    AstKind kind;
    int32_t line, col, end_line, end_col;   // span; unset (0) for arguments
    // Parser bookkeeping (fits in padding): the expression tree's height,
    // capped by the parser so recursive walkers stay bounded, and flags
    // the grammar needs (parentheses seen, see parser/parse_ctx.h).
    uint16_t depth;
    uint16_t pflags;
    union {
        // --- modules
        struct { AstSeq body; } module;                 // MODULE, INTERACTIVE
        struct { AstNode *body; } expression;           // EXPRESSION
        // --- statements
        struct {                                        // FUNCTION_DEF, ASYNC_FUNCTION_DEF
            AstIdent name; AstNode *args;               // args: ARGUMENTS
            AstSeq body, decorators; AstNode *returns;  // returns may be NULL
        } funcdef;
        struct {                                        // CLASS_DEF
            AstIdent name; AstSeq bases, keywords, body, decorators;
        } classdef;
        struct { AstNode *value; } ret;                 // RETURN (value may be NULL)
        struct { AstSeq targets; } del;                 // DELETE
        struct { AstSeq targets; AstNode *value; } assign;   // ASSIGN
        struct { AstNode *target; AstOperator op; AstNode *value; } augassign;
        struct {                                        // ANN_ASSIGN
            AstNode *target, *annotation, *value;       // value may be NULL
            bool simple;
        } annassign;
        struct { AstNode *target, *iter; AstSeq body, orelse; } for_;  // FOR, ASYNC_FOR
        struct { AstNode *test; AstSeq body, orelse; } while_;         // WHILE, IF
        struct { AstSeq items, body; } with;            // WITH, ASYNC_WITH (items: WITHITEM)
        struct { AstNode *exc, *cause; } raise;         // RAISE (both may be NULL)
        struct { AstSeq body, handlers, orelse, finalbody; } try_;     // TRY, TRY_STAR
        struct { AstNode *test, *msg; } assert_;        // ASSERT (msg may be NULL)
        struct { AstSeq names; } import;                // IMPORT (names: ALIAS)
        struct {                                        // IMPORT_FROM
            AstIdent module;                            // s == NULL for `from . import x`
            AstSeq names; int level;
        } importfrom;
        struct { AstSeq names; } global;                // GLOBAL, NONLOCAL (names: NAME nodes)
        struct { AstNode *value; } expr;                // EXPR
        // --- expressions
        struct { AstBoolOp op; AstSeq values; } boolop;
        struct { AstNode *target, *value; } namedexpr;
        struct { AstNode *left; AstOperator op; AstNode *right; } binop;
        struct { AstUnaryOp op; AstNode *operand; } unaryop;
        struct { AstNode *args, *body; } lambda;
        struct { AstNode *test, *body, *orelse; } ifexp;
        struct { AstSeq keys, values; } dict;           // a NULL key is `**value`
        struct { AstSeq elts; AstCtx ctx; } seq;        // SET, LIST, TUPLE (SET ignores ctx)
        struct {                                        // LIST_COMP, SET_COMP, GENERATOR_EXP, DICT_COMP
            AstNode *elt, *value;                       // value: DICT_COMP only (elt is the key)
            AstSeq generators;                          // COMPREHENSION nodes
        } comp;
        struct { AstNode *value; } await_;              // AWAIT, YIELD (may be NULL), YIELD_FROM
        struct { AstNode *left; AstCmpOp *ops; AstSeq comparators; } compare;  // ops[comparators.len]
        struct { AstNode *func; AstSeq args, keywords; } call;
        struct {                                        // FORMATTED_VALUE
            AstNode *value; int conversion;             // -1, 's', 'r', 'a'
            AstNode *format_spec;                       // JOINED_STR or NULL
        } formatted;
        struct { AstSeq values; } joined;               // JOINED_STR
        AstConst constant;                              // CONSTANT
        struct { AstNode *value; AstIdent attr; AstCtx ctx; } attribute;
        struct { AstNode *value, *slice; AstCtx ctx; } subscript;
        struct { AstNode *value; AstCtx ctx; } starred;
        struct { AstIdent id; AstCtx ctx; } name;
        struct { AstNode *lower, *upper, *step; } slice;    // each may be NULL
        // --- helper nodes
        struct { AstNode *target, *iter; AstSeq ifs; bool is_async; } comprehension;
        struct { AstNode *type; AstIdent name; AstSeq body; } handler;  // EXCEPT_HANDLER
        struct {                                        // ARGUMENTS
            AstSeq posonlyargs, args, kwonlyargs;       // ARG nodes
            AstSeq kw_defaults;                         // NULL items for no default
            AstSeq defaults;
            AstNode *vararg, *kwarg;                    // ARG or NULL
        } arguments;
        struct { AstIdent arg; AstNode *annotation; } arg;          // ARG
        struct { AstIdent arg; AstNode *value; } keyword;           // arg.s NULL for **kw
        struct { AstIdent name, asname; } alias;                    // asname.s may be NULL
        struct { AstNode *context_expr, *optional_vars; } withitem;
    } u;
};

// CPython's class name for [kind] ("FunctionDef", "arg", ...).
const char *ast_kind_name(AstKind kind);
// Allocates a zeroed node of [kind] with the given span; NULL on OOM. The
// storage covers the union member of [kind] only: never copy a node by
// value or use another kind's member.
AstNode *ast_new(Arena *a, AstKind kind, int line, int col, int end_line, int end_col);

#endif // PARSER_AST_H
