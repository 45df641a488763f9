// The compile-time errors of CPython 3.11's code generator (Python/compile.c)
// without generating code: one walk over the AST in exactly the order
// compile.c visits it, keeping what decides those errors -- the current
// scope, the stack of loop/try/with blocks (CPython's fblocks), and the
// "current location" that compile.c reports errors at. The same walk
// fixes co_varnames: CPython numbers a function's fast locals in order of
// first use by codegen (assignment value before targets, comprehension body
// before its first iterable, try-else before the handlers, ...).
//
// Codegen order quirks reproduced here, each checked against python3:
//  * a class body is compiled before its bases and keywords, a function
//    body after its decorators, defaults and annotations (in that order:
//    positional annotations before positional-only ones);
//  * a call validates its keywords before compiling anything else;
//  * a comprehension body is compiled before its first iterable;
//  * `break`, `continue` and `return` compile the enclosing `finally`
//    bodies again at the jump; a `finally` body is compiled twice (normal
//    and exceptional path, one block deeper the second time).
// Repeated `finally` walks are memoised on (body, block depth): their
// outcome depends on nothing else, and CPython's doubling per nesting level
// would otherwise be exponential. A memoised walk replays the warnings of
// the first one, since CPython warns again each time it compiles the body.
//
// The SyntaxWarnings of compile.c come from here too ("is" with a literal,
// uncallable or unsubscriptable displays, parenthesised assert). They look
// at constants after CPython's AST optimiser has folded them: `-1`, `1+1`,
// `(1, 2)` count as literals. Folding is modelled for unary operators,
// tuples and the arithmetic that cannot fail or grow (+ - * on numbers,
// division by a non-zero constant, bit operations, str/bytes concatenation);
// `**`, `<<` and sequence repetition are taken as not folded.
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "util/fnv.h"
#include "vm/symtable_int.h"

typedef enum FbType {
    FB_WHILE, FB_FOR, FB_TRY_EXCEPT, FB_FINALLY_TRY, FB_FINALLY_END, FB_WITH,
    FB_HANDLER_CLEANUP, FB_POP_VALUE, FB_EXCEPTION_HANDLER, FB_EXCEPTION_GROUP_HANDLER,
    FB_ASYNC_COMP,
} FbType;

typedef struct FBlock {
    FbType type;
    const AstSeq *final;    // FB_FINALLY_TRY: the finally body
} FBlock;

typedef struct Loc {
    int line, col, end_line, end_col;
} Loc;

// One code object being "compiled" (CPython's compiler_unit).
typedef struct Unit {
    SymScope *scope;
    FBlock fb[SYM_MAX_BLOCKS];
    int nfb;
    Loc loc;                // where an error raised now would point
} Unit;

typedef struct Checker {
    SymTable *st;
    Arena *a;
    Diag *d;
    Unit *u;
    Unit **pool;            // units by nesting level, reused
    uint32_t level, pool_cap;
    // (finally body, block depth) pairs already walked: a hash set, with
    // the range of warnings the walk produced.
    const AstSeq **memo_seq;
    int *memo_depth;
    uint32_t *memo_wfrom, *memo_wto;
    uint32_t memo_n, memo_cap;
} Checker;

// Beyond this many warnings (only nested `finally` bodies full of them get
// there) the rest are dropped rather than eating memory.
#define MAX_WARNINGS SYM_MAX_WARNINGS

#define TRY(x) do { if (!(x)) return false; } while (0)

static Loc loc_of(const AstNode *n) {
    Loc l = {n->line, n->col, n->end_line, n->end_col};
    return l;
}

static bool error(Checker *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static bool error(Checker *c, const char *fmt, ...) {
    Loc l = c->u->loc;
    va_list ap;
    va_start(ap, fmt);
    diag_vset(c->d, DIAG_SYNTAX, l.line, l.col, l.end_line, l.end_col, fmt, ap);
    va_end(ap);
    return false;
}

static bool oom(Checker *c) {
    diag_set(c->d, DIAG_MEMORY, 0, 0, 0, 0, "%s", "");
    return false;
}

static bool add_warning(Checker *c, SymWarning w) {
    SymTable *st = c->st;
    if (st->nwarnings >= MAX_WARNINGS) return true;
    if (st->nwarnings == st->warnings_cap) {
        uint32_t n = st->warnings_cap ? st->warnings_cap * 2 : 8;
        SymWarning *v = arena_alloc(c->a, n * sizeof *v);
        if (!v) return oom(c);
        if (st->nwarnings) memcpy(v, st->warnings, st->nwarnings * sizeof *v);
        st->warnings = v;
        st->warnings_cap = n;
    }
    st->warnings[st->nwarnings++] = w;
    return true;
}

static bool warn(Checker *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static bool warn(Checker *c, const char *fmt, ...) {
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    Loc l = c->u->loc;
    SymWarning w = {l.line, l.col, l.end_line, l.end_col, arena_strndup(c->a, buf, strlen(buf))};
    if (!w.msg) return oom(c);
    return add_warning(c, w);
}

static bool is_comp(const SymScope *s) {
    return s->type >= SYM_SCOPE_LISTCOMP && s->type <= SYM_SCOPE_GENEXP;
}

static bool toplevel_await(const Checker *c) {
    return (c->st->flags & SYM_FLAG_TOPLEVEL_AWAIT) && c->u->scope->type == SYM_SCOPE_MODULE;
}

static bool ident_eq(const char *s, size_t len, const char *lit) {
    return len == strlen(lit) && memcmp(s, lit, len) == 0;
}

// ------------------------------------------------------------ units

static bool enter_unit(Checker *c, const AstNode *node) {
    SymScope *s = sym_scope_of(c->st, node);
    if (!s) return oom(c);   // every scope node was mapped by the first walk
    if (c->level == c->pool_cap) {
        uint32_t n = c->pool_cap ? c->pool_cap * 2 : 8;
        Unit **p = arena_calloc(c->a, n, sizeof *p);
        if (!p) return oom(c);
        if (c->pool_cap) memcpy(p, c->pool, c->pool_cap * sizeof *p);
        c->pool = p;
        c->pool_cap = n;
    }
    if (!c->pool[c->level] && !(c->pool[c->level] = arena_alloc(c->a, sizeof(Unit))))
        return oom(c);
    Unit *u = c->pool[c->level++];
    u->scope = s;
    u->nfb = 0;
    u->loc = loc_of(node);
    c->u = u;
    return true;
}

static void exit_unit(Checker *c) {
    c->level--;
    c->u = c->level ? c->pool[c->level - 1] : NULL;
}

static bool push_block(Checker *c, FbType type, const AstSeq *final) {
    Unit *u = c->u;
    if (u->nfb >= SYM_MAX_BLOCKS) return error(c, "too many statically nested blocks");
    u->fb[u->nfb].type = type;
    u->fb[u->nfb].final = final;
    u->nfb++;
    return true;
}

static void pop_block(Checker *c) { c->u->nfb--; }

// ------------------------------------------------------------ names

static bool forbidden(Checker *c, const char *name, size_t len, AstCtx ctx) {
    if (!ident_eq(name, len, "__debug__")) return false;
    if (ctx == CTX_STORE) error(c, "cannot assign to __debug__");
    else if (ctx == CTX_DEL) error(c, "cannot delete __debug__");
    else return false;
    return true;
}

// CPython's compiler_nameop: a fast local gets its co_varnames slot at
// its first load, store or delete.
static bool nameop(Checker *c, AstIdent id, AstCtx ctx) {
    if (forbidden(c, id.s, id.len, ctx)) return false;
    SymScope *s = c->u->scope;
    if (!sym_is_function(s)) return true;
    SymName *e = sym_entry_ident(s, id);
    if (e && e->binding == SYM_BIND_LOCAL && e->index < 0 && !sym_add_varname(c->a, s, e))
        return oom(c);
    return true;
}

static bool nameop_ident(Checker *c, AstIdent id, AstCtx ctx) {
    return nameop(c, id, ctx);
}

// ------------------------------------------------------------ warnings

// What CPython's AST optimiser makes of an expression, as far as the
// warnings care: not a constant (F_NOT), or a constant of this type.
typedef enum Folded {
    F_NOT, F_NONE, F_BOOL, F_ELLIPSIS, F_INT, F_FLOAT, F_STR, F_BYTES, F_TUPLE,
} Folded;

static const char *folded_name(Folded f) {
    static const char *const names[] = {"", "NoneType", "bool", "ellipsis", "int", "float",
                                        "str", "bytes", "tuple"};
    return names[f];
}

static bool is_number(Folded f) { return f == F_BOOL || f == F_INT || f == F_FLOAT; }

static bool nonzero_literal(const AstNode *e) {
    if (e->kind != AST_CONSTANT) return false;
    const AstConst *k = &e->u.constant;
    switch (k->kind) {
    case CONST_TRUE: return true;
    case CONST_INT: return !k->is_small || k->ival != 0;
    case CONST_FLOAT: return k->fval != 0.0;
    default: return false;
    }
}

static bool small_number_literal(const AstNode *e) {
    if (e->kind != AST_CONSTANT) return false;
    ConstKind k = e->u.constant.kind;
    return k == CONST_TRUE || k == CONST_FALSE || k == CONST_FLOAT ||
           (k == CONST_INT && e->u.constant.is_small);
}

static Folded fold(const AstNode *e);

static Folded fold_binop(const AstNode *e) {
    Folded l = fold(e->u.binop.left), r = fold(e->u.binop.right);
    if (l == F_NOT || r == F_NOT) return F_NOT;
    Folded num = (l == F_FLOAT || r == F_FLOAT) ? F_FLOAT : F_INT;
    switch (e->u.binop.op) {
    case AOP_ADD:
        if (is_number(l) && is_number(r)) return num;
        if (l == r && (l == F_STR || l == F_BYTES || l == F_TUPLE)) return l;
        return F_NOT;
    case AOP_SUB: return is_number(l) && is_number(r) ? num : F_NOT;
    case AOP_MULT:   // CPython refuses results over 128 bits: fine for small ints
        return small_number_literal(e->u.binop.left) && small_number_literal(e->u.binop.right)
                   ? num : F_NOT;
    case AOP_DIV:
        return is_number(l) && is_number(r) && nonzero_literal(e->u.binop.right) ? F_FLOAT : F_NOT;
    case AOP_FLOORDIV:
    case AOP_MOD:
        return is_number(l) && is_number(r) && nonzero_literal(e->u.binop.right) ? num : F_NOT;
    case AOP_BITAND:
    case AOP_BITOR:
    case AOP_BITXOR:
        if (l == F_BOOL && r == F_BOOL) return F_BOOL;
        return (l == F_INT || l == F_BOOL) && (r == F_INT || r == F_BOOL) ? F_INT : F_NOT;
    case AOP_RSHIFT:
        return (l == F_INT || l == F_BOOL) && (r == F_INT || r == F_BOOL) ? F_INT : F_NOT;
    default: return F_NOT;   // ** << @ may fail or be refused as too large
    }
}

static Folded fold(const AstNode *e) {
    switch (e->kind) {
    case AST_CONSTANT:
        switch (e->u.constant.kind) {
        case CONST_NONE: return F_NONE;
        case CONST_TRUE:
        case CONST_FALSE: return F_BOOL;
        case CONST_ELLIPSIS: return F_ELLIPSIS;
        case CONST_INT: return F_INT;
        case CONST_FLOAT: return F_FLOAT;
        case CONST_STR: return F_STR;
        case CONST_BYTES: return F_BYTES;
        }
        return F_NOT;
    case AST_NAME:
        return e->u.name.ctx == CTX_LOAD && ident_eq(e->u.name.id.s, e->u.name.id.len, "__debug__")
                   ? F_BOOL : F_NOT;
    case AST_TUPLE:
        if (e->u.seq.ctx != CTX_LOAD) return F_NOT;
        for (uint32_t i = 0; i < e->u.seq.elts.len; i++)
            if (fold(e->u.seq.elts.items[i]) == F_NOT) return F_NOT;
        return F_TUPLE;
    case AST_UNARY_OP: {
        Folded f = fold(e->u.unaryop.operand);
        if (f == F_NOT) return F_NOT;
        switch (e->u.unaryop.op) {
        case UOP_NOT: return F_BOOL;
        case UOP_INVERT: return f == F_INT || f == F_BOOL ? F_INT : F_NOT;
        default: return f == F_FLOAT ? F_FLOAT : (f == F_INT || f == F_BOOL) ? F_INT : F_NOT;
        }
    }
    case AST_BIN_OP: return fold_binop(e);
    default: return F_NOT;
    }
}

// CPython's infer_type: the type name of a display or (folded) constant.
static const char *infer_type(const AstNode *e) {
    Folded f = fold(e);
    if (f != F_NOT) return folded_name(f);
    switch (e->kind) {
    case AST_TUPLE: return "tuple";
    case AST_LIST:
    case AST_LIST_COMP: return "list";
    case AST_DICT:
    case AST_DICT_COMP: return "dict";
    case AST_SET:
    case AST_SET_COMP: return "set";
    case AST_GENERATOR_EXP: return "generator";
    case AST_LAMBDA: return "function";
    case AST_JOINED_STR:
    case AST_FORMATTED_VALUE: return "str";
    default: return NULL;
    }
}

// A literal for `is`: a constant other than None, True, False, Ellipsis.
static bool is_literal(const AstNode *e) {
    Folded f = fold(e);
    return f != F_NOT && f != F_NONE && f != F_BOOL && f != F_ELLIPSIS;
}

static bool check_compare(Checker *c, const AstNode *e) {
    bool left = is_literal(e->u.compare.left);
    for (uint32_t i = 0; i < e->u.compare.comparators.len; i++) {
        AstCmpOp op = e->u.compare.ops[i];
        bool right = is_literal(e->u.compare.comparators.items[i]);
        if ((op == ACMP_IS || op == ACMP_ISNOT) && (left || right))
            return warn(c, op == ACMP_IS ? "\"is\" with a literal. Did you mean \"==\"?"
                                        : "\"is not\" with a literal. Did you mean \"!=\"?");
        left = right;
    }
    return true;
}

static bool check_caller(Checker *c, const AstNode *f) {
    switch (f->kind) {
    case AST_TUPLE: case AST_LIST: case AST_LIST_COMP: case AST_DICT: case AST_DICT_COMP:
    case AST_SET: case AST_SET_COMP: case AST_GENERATOR_EXP: case AST_JOINED_STR:
    case AST_FORMATTED_VALUE:
        break;
    default:
        if (fold(f) == F_NOT) return true;
    }
    return warn(c, "'%.200s' object is not callable; perhaps you missed a comma?", infer_type(f));
}

static bool check_subscripter(Checker *c, const AstNode *v) {
    Folded f = fold(v);
    if (f != F_NOT) {
        if (f == F_STR || f == F_BYTES || f == F_TUPLE) return true;
    } else if (v->kind != AST_SET && v->kind != AST_SET_COMP && v->kind != AST_GENERATOR_EXP &&
               v->kind != AST_LAMBDA) {
        return true;
    }
    return warn(c, "'%.200s' object is not subscriptable; perhaps you missed a comma?",
                infer_type(v));
}

static bool check_index(Checker *c, const AstNode *v, const AstNode *slice) {
    const char *index_type = infer_type(slice);
    Folded fs = fold(slice);
    if (!index_type || fs == F_INT || fs == F_BOOL) return true;
    Folded f = fold(v);
    if (f != F_NOT) {
        if (f != F_STR && f != F_BYTES && f != F_TUPLE) return true;
    } else if (v->kind != AST_TUPLE && v->kind != AST_LIST && v->kind != AST_LIST_COMP &&
               v->kind != AST_JOINED_STR && v->kind != AST_FORMATTED_VALUE) {
        return true;
    }
    return warn(c, "%.200s indices must be integers or slices, not %.200s; perhaps you missed a comma?",
                infer_type(v), index_type);
}

// ------------------------------------------------------------ walk

static bool visit_stmt(Checker *c, const AstNode *s);
static bool visit_expr(Checker *c, const AstNode *e);

static bool visit_stmts(Checker *c, const AstSeq *q) {
    for (uint32_t i = 0; i < q->len; i++) TRY(visit_stmt(c, q->items[i]));
    return true;
}

static bool visit_exprs(Checker *c, const AstSeq *q) {
    for (uint32_t i = 0; i < q->len; i++)
        if (q->items[i]) TRY(visit_expr(c, q->items[i]));
    return true;
}

static bool visit_opt(Checker *c, const AstNode *e) { return !e || visit_expr(c, e); }

// A condition (CPython's compiler_jump_if): `not`, `and`/`or`, `x if c
// else y` and chained comparisons are compiled without becoming the
// current location, which only shows in where their warnings point.
static bool visit_test(Checker *c, const AstNode *e) {
    switch (e->kind) {
    case AST_UNARY_OP:
        if (e->u.unaryop.op != UOP_NOT) break;
        return visit_test(c, e->u.unaryop.operand);
    case AST_BOOL_OP:
        for (uint32_t i = 0; i < e->u.boolop.values.len; i++)
            TRY(visit_test(c, e->u.boolop.values.items[i]));
        return true;
    case AST_IF_EXP:
        TRY(visit_test(c, e->u.ifexp.test));
        TRY(visit_test(c, e->u.ifexp.body));
        return visit_test(c, e->u.ifexp.orelse);
    case AST_COMPARE:
        if (e->u.compare.comparators.len < 2) break;
        TRY(check_compare(c, e));
        TRY(visit_expr(c, e->u.compare.left));
        return visit_exprs(c, &e->u.compare.comparators);
    default: break;
    }
    return visit_expr(c, e);
}

static bool visit_tests(Checker *c, const AstSeq *q) {
    for (uint32_t i = 0; i < q->len; i++) TRY(visit_test(c, q->items[i]));
    return true;
}

// Elements of a list/tuple/set display or call arguments: `*x` allowed.
static bool visit_starunpack(Checker *c, const AstSeq *q) {
    for (uint32_t i = 0; i < q->len; i++) {
        const AstNode *e = q->items[i];
        TRY(visit_expr(c, e->kind == AST_STARRED ? e->u.starred.value : e));
    }
    return true;
}

static uint32_t memo_hash(const AstSeq *body, int depth) {
    uintptr_t v = (uintptr_t)body ^ ((uintptr_t)depth << 3);
    v ^= v >> 16;
    v *= 0x45D9F3Bu;
    return (uint32_t)(v ^ (v >> 16));
}

// A `finally` body, unless already walked at this block depth; then its
// warnings are repeated.
static bool visit_finally(Checker *c, const AstSeq *body) {
    int depth = c->u->nfb;
    uint32_t mask = c->memo_cap - 1, j = 0;
    if (c->memo_cap) {
        for (j = memo_hash(body, depth) & mask; c->memo_seq[j]; j = (j + 1) & mask) {
            if (c->memo_seq[j] != body || c->memo_depth[j] != depth) continue;
            for (uint32_t w = c->memo_wfrom[j]; w < c->memo_wto[j]; w++)
                TRY(add_warning(c, c->st->warnings[w]));
            return true;
        }
    }
    uint32_t wfrom = c->st->nwarnings;
    TRY(visit_stmts(c, body));
    uint32_t wto = c->st->nwarnings;
    if ((c->memo_n + 1) * 2 > c->memo_cap) {
        uint32_t n = c->memo_cap ? c->memo_cap * 2 : 16;
        const AstSeq **seqs = arena_calloc(c->a, n, sizeof *seqs);
        int *depths = arena_calloc(c->a, n, sizeof *depths);
        uint32_t *from = arena_calloc(c->a, n, sizeof *from);
        uint32_t *to = arena_calloc(c->a, n, sizeof *to);
        if (!seqs || !depths || !from || !to) return oom(c);
        for (uint32_t i = 0; i < c->memo_cap; i++) {
            if (!c->memo_seq[i]) continue;
            uint32_t k = memo_hash(c->memo_seq[i], c->memo_depth[i]) & (n - 1);
            while (seqs[k]) k = (k + 1) & (n - 1);
            seqs[k] = c->memo_seq[i];
            depths[k] = c->memo_depth[i];
            from[k] = c->memo_wfrom[i];
            to[k] = c->memo_wto[i];
        }
        c->memo_seq = seqs;
        c->memo_depth = depths;
        c->memo_wfrom = from;
        c->memo_wto = to;
        c->memo_cap = n;
    }
    mask = c->memo_cap - 1;
    for (j = memo_hash(body, depth) & mask; c->memo_seq[j]; j = (j + 1) & mask) {}
    c->memo_seq[j] = body;
    c->memo_depth[j] = depth;
    c->memo_wfrom[j] = wfrom;
    c->memo_wto[j] = wto;
    c->memo_n++;
    return true;
}

// CPython's compiler_unwind_fblock_stack: leaving blocks for a jump runs
// (compiles) the finally bodies on the way out, innermost first, each with
// the blocks above it popped. Stops at a loop when [want_loop]. Leaving an
// except* handler is an error, reported where compile.c stands then: the
// jump, or no line at all once a `with` exit or a finally body has been
// emitted (CPython marks those instructions artificial).
static bool unwind(Checker *c, bool preserve_tos, bool want_loop, bool *found_loop) {
    Unit *u = c->u;
    int n = u->nfb;
    FBlock saved[SYM_MAX_BLOCKS];
    memcpy(saved, u->fb, (size_t)n * sizeof *saved);
    bool ok = true;
    *found_loop = false;
    for (int i = n - 1; i >= 0 && ok; i--) {
        if (want_loop && (saved[i].type == FB_WHILE || saved[i].type == FB_FOR)) {
            *found_loop = true;
            break;
        }
        u->nfb = i;
        if (saved[i].type == FB_FINALLY_TRY) {
            if (preserve_tos) ok = push_block(c, FB_POP_VALUE, NULL);
            ok = ok && visit_finally(c, saved[i].final);
            u->loc = (Loc){-1, -1, -1, -1};
        } else if (saved[i].type == FB_WITH) {
            u->loc = (Loc){-1, -1, -1, -1};
        } else if (saved[i].type == FB_EXCEPTION_GROUP_HANDLER) {
            ok = error(c, "'break', 'continue' and 'return' cannot appear in an except* block");
        }
    }
    memcpy(u->fb, saved, (size_t)n * sizeof *saved);
    u->nfb = n;
    return ok;
}

static bool visit_jump(Checker *c, const AstNode *s) {
    bool found;
    TRY(unwind(c, false, true, &found));
    if (found) return true;
    c->u->loc = loc_of(s);
    return error(c, s->kind == AST_BREAK ? "'break' outside loop"
                                          : "'continue' not properly in loop");
}

static bool visit_return(Checker *c, const AstNode *s) {
    SymScope *sc = c->u->scope;
    const AstNode *v = s->u.ret.value;
    if (!sym_is_function(sc)) return error(c, "'return' outside function");
    if (v && sc->coroutine && sc->generator)
        return error(c, "'return' with value in async generator");
    // compile.c keeps a (folded) constant for after the unwinding, and
    // points there at it when it is on the statement's line.
    bool preserve = v && fold(v) == F_NOT;
    if (preserve) TRY(visit_expr(c, v));
    else if (v) c->u->loc = loc_of(v);
    if (!v || v->line != s->line) c->u->loc = loc_of(s);
    bool found;
    return unwind(c, preserve, false, &found);
}

// Parameter names may not be __debug__ (reported at the def or lambda).
static bool check_debug_args(Checker *c, const AstNode *args) {
    const AstSeq *seqs[3] = {&args->u.arguments.posonlyargs, &args->u.arguments.args,
                             &args->u.arguments.kwonlyargs};
    for (int i = 0; i < 3; i++)
        for (uint32_t j = 0; j < seqs[i]->len; j++) {
            AstIdent id = seqs[i]->items[j]->u.arg.arg;
            if (forbidden(c, id.s, id.len, CTX_STORE)) return false;
        }
    const AstNode *one[2] = {args->u.arguments.vararg, args->u.arguments.kwarg};
    for (int i = 0; i < 2; i++)
        if (one[i] && forbidden(c, one[i]->u.arg.arg.s, one[i]->u.arg.arg.len, CTX_STORE))
            return false;
    return true;
}

static bool visit_defaults(Checker *c, const AstNode *args) {
    TRY(visit_exprs(c, &args->u.arguments.defaults));
    return visit_exprs(c, &args->u.arguments.kw_defaults);
}

// `*args: *Ts` evaluates Ts.
static bool visit_annexpr(Checker *c, const AstNode *ann) {
    if (!ann) return true;
    return visit_expr(c, ann->kind == AST_STARRED ? ann->u.starred.value : ann);
}

static bool visit_argannotations(Checker *c, const AstSeq *q) {
    for (uint32_t i = 0; i < q->len; i++) TRY(visit_annexpr(c, q->items[i]->u.arg.annotation));
    return true;
}

static bool visit_funcdef(Checker *c, const AstNode *s) {
    const AstNode *args = s->u.funcdef.args;
    TRY(check_debug_args(c, args));
    TRY(visit_exprs(c, &s->u.funcdef.decorators));
    TRY(visit_defaults(c, args));
    if (!(c->st->future & SYM_FUTURE_ANNOTATIONS)) {
        TRY(visit_argannotations(c, &args->u.arguments.args));
        TRY(visit_argannotations(c, &args->u.arguments.posonlyargs));
        if (args->u.arguments.vararg)
            TRY(visit_annexpr(c, args->u.arguments.vararg->u.arg.annotation));
        TRY(visit_argannotations(c, &args->u.arguments.kwonlyargs));
        if (args->u.arguments.kwarg)
            TRY(visit_annexpr(c, args->u.arguments.kwarg->u.arg.annotation));
        TRY(visit_annexpr(c, s->u.funcdef.returns));
    }
    TRY(enter_unit(c, s));
    bool ok = visit_stmts(c, &s->u.funcdef.body);
    exit_unit(c);
    return ok && nameop_ident(c, s->u.funcdef.name, CTX_STORE);
}

static uint32_t ident_hash(AstIdent id) { return id.hash ? id.hash : fnv32(FNV32_SEED, id.s, id.len); }

static bool ident_same(AstIdent a, AstIdent b) {
    return a.len == b.len && memcmp(a.s, b.s, a.len) == 0;
}

// For each keyword, the index of its next repetition (-1 if none), found
// in linear time with a hash table: calls may have 100k keywords.
static int32_t *next_repeats(Checker *c, const AstSeq *kws) {
    uint32_t n = kws->len, cap = 16;
    while (cap < 2 * n) cap *= 2;
    int32_t *next = arena_alloc(c->a, n * sizeof *next);
    int32_t *table = arena_alloc(c->a, cap * sizeof *table);
    if (!next || !table) return NULL;
    memset(table, 0xff, cap * sizeof *table);
    for (uint32_t j = n; j-- > 0;) {
        AstIdent a = kws->items[j]->u.keyword.arg;
        next[j] = -1;
        if (!a.s) continue;
        uint32_t k = ident_hash(a) & (cap - 1);
        while (table[k] >= 0 && !ident_same(kws->items[table[k]]->u.keyword.arg, a))
            k = (k + 1) & (cap - 1);
        next[j] = table[k];
        table[k] = (int32_t)j;
    }
    return next;
}

// CPython's validate_keywords: `f(__debug__=1)`, and `f(a=1, a=2)`
// reported at the next repetition of the first keyword repeated later.
static bool validate_keywords(Checker *c, const AstSeq *kws) {
    if (!kws->len) return true;
    int32_t *next = next_repeats(c, kws);
    if (!next) return oom(c);
    for (uint32_t i = 0; i < kws->len; i++) {
        AstIdent a = kws->items[i]->u.keyword.arg;
        if (!a.s) continue;
        if (forbidden(c, a.s, a.len, CTX_STORE)) return false;
        if (next[i] >= 0) {
            c->u->loc = loc_of(kws->items[next[i]]);
            return error(c, "keyword argument repeated: %.*s", (int)a.len, a.s);
        }
    }
    return true;
}

static bool visit_keywords(Checker *c, const AstSeq *kws) {
    for (uint32_t i = 0; i < kws->len; i++) TRY(visit_expr(c, kws->items[i]->u.keyword.value));
    return true;
}

static bool visit_classdef(Checker *c, const AstNode *s) {
    TRY(visit_exprs(c, &s->u.classdef.decorators));
    TRY(enter_unit(c, s));
    bool ok = visit_stmts(c, &s->u.classdef.body);
    exit_unit(c);
    TRY(ok);
    TRY(validate_keywords(c, &s->u.classdef.keywords));
    TRY(visit_starunpack(c, &s->u.classdef.bases));
    TRY(visit_keywords(c, &s->u.classdef.keywords));
    return nameop_ident(c, s->u.classdef.name, CTX_STORE);
}

static bool visit_augassign(Checker *c, const AstNode *s) {
    const AstNode *t = s->u.augassign.target;
    c->u->loc = loc_of(t);
    switch (t->kind) {
    case AST_ATTRIBUTE: TRY(visit_expr(c, t->u.attribute.value)); break;
    case AST_SUBSCRIPT:
        TRY(visit_expr(c, t->u.subscript.value));
        TRY(visit_expr(c, t->u.subscript.slice));
        break;
    case AST_NAME: TRY(nameop_ident(c, t->u.name.id, CTX_LOAD)); break;
    default: break;
    }
    c->u->loc = loc_of(s);
    TRY(visit_expr(c, s->u.augassign.value));
    c->u->loc = loc_of(t);
    if (t->kind == AST_NAME) TRY(nameop_ident(c, t->u.name.id, CTX_STORE));
    return true;
}

// CPython's check_ann_subscr: the parts of `x[i]: T` that still run.
static bool visit_ann_subscr(Checker *c, const AstNode *e) {
    if (e->kind == AST_SLICE) {
        TRY(visit_opt(c, e->u.slice.lower));
        TRY(visit_opt(c, e->u.slice.upper));
        return visit_opt(c, e->u.slice.step);
    }
    if (e->kind == AST_TUPLE) {
        for (uint32_t i = 0; i < e->u.seq.elts.len; i++)
            TRY(visit_ann_subscr(c, e->u.seq.elts.items[i]));
        return true;
    }
    return visit_expr(c, e);
}

// Annotations run only at module and class level (and never under the
// annotations future); the assignment comes first.
static bool visit_annassign(Checker *c, const AstNode *s) {
    const AstNode *t = s->u.annassign.target, *v = s->u.annassign.value;
    bool future = c->st->future & SYM_FUTURE_ANNOTATIONS;
    SymScopeType st = c->u->scope->type;
    bool runs = st == SYM_SCOPE_MODULE || st == SYM_SCOPE_CLASS;
    if (v) {
        TRY(visit_expr(c, v));
        TRY(visit_expr(c, t));
    }
    switch (t->kind) {
    case AST_NAME:
        if (forbidden(c, t->u.name.id.s, t->u.name.id.len, CTX_STORE)) return false;
        if (s->u.annassign.simple && runs && !future)
            TRY(visit_expr(c, s->u.annassign.annotation));
        break;
    case AST_ATTRIBUTE:
        if (forbidden(c, t->u.attribute.attr.s, t->u.attribute.attr.len, CTX_STORE)) return false;
        if (!v) TRY(visit_expr(c, t->u.attribute.value));
        break;
    case AST_SUBSCRIPT:
        if (!v) {
            TRY(visit_expr(c, t->u.subscript.value));
            TRY(visit_ann_subscr(c, t->u.subscript.slice));
        }
        break;
    default: break;
    }
    if (!s->u.annassign.simple && runs && !future)
        TRY(visit_expr(c, s->u.annassign.annotation));
    return true;
}

static bool visit_for(Checker *c, const AstNode *s) {
    if (s->kind == AST_ASYNC_FOR) {
        if (toplevel_await(c))
            c->u->scope->coroutine = true;
        else if (c->u->scope->type != SYM_SCOPE_ASYNC_FUNCTION)
            return error(c, "'async for' outside async function");
    }
    TRY(visit_expr(c, s->u.for_.iter));
    TRY(push_block(c, FB_FOR, NULL));
    TRY(visit_expr(c, s->u.for_.target));
    TRY(visit_stmts(c, &s->u.for_.body));
    pop_block(c);
    return visit_stmts(c, &s->u.for_.orelse);
}

// One block per item: `with a, b:` nests like `with a: with b:`.
static bool visit_with(Checker *c, const AstNode *s, uint32_t pos) {
    for (;;) {
        if (s->kind == AST_ASYNC_WITH) {
            if (toplevel_await(c))
                c->u->scope->coroutine = true;
            else if (c->u->scope->type != SYM_SCOPE_ASYNC_FUNCTION)
                return error(c, "'async with' outside async function");
        }
        const AstNode *it = s->u.with.items.items[pos];
        TRY(visit_expr(c, it->u.withitem.context_expr));
        TRY(push_block(c, FB_WITH, NULL));
        TRY(visit_opt(c, it->u.withitem.optional_vars));
        if (++pos == s->u.with.items.len) break;
    }
    TRY(visit_stmts(c, &s->u.with.body));
    c->u->nfb -= (int)s->u.with.items.len;
    return true;
}

static bool visit_try_except(Checker *c, const AstNode *s) {
    TRY(push_block(c, FB_TRY_EXCEPT, NULL));
    TRY(visit_stmts(c, &s->u.try_.body));
    pop_block(c);
    TRY(visit_stmts(c, &s->u.try_.orelse));
    TRY(push_block(c, s->kind == AST_TRY_STAR ? FB_EXCEPTION_GROUP_HANDLER : FB_EXCEPTION_HANDLER, NULL));
    const AstSeq *hs = &s->u.try_.handlers;
    for (uint32_t i = 0; i < hs->len; i++) {
        const AstNode *h = hs->items[i];
        c->u->loc = loc_of(h);
        if (!h->u.handler.type && i + 1 < hs->len)
            return error(c, "default 'except:' must be last");
        TRY(visit_opt(c, h->u.handler.type));
        if (h->u.handler.name.s) TRY(nameop_ident(c, h->u.handler.name, CTX_STORE));
        TRY(push_block(c, FB_HANDLER_CLEANUP, NULL));
        TRY(visit_stmts(c, &h->u.handler.body));
        pop_block(c);
    }
    pop_block(c);
    return true;
}

static bool visit_try(Checker *c, const AstNode *s) {
    const AstSeq *fin = &s->u.try_.finalbody;
    if (!fin->len) return visit_try_except(c, s);
    TRY(push_block(c, FB_FINALLY_TRY, fin));
    TRY(s->u.try_.handlers.len ? visit_try_except(c, s) : visit_stmts(c, &s->u.try_.body));
    pop_block(c);
    TRY(visit_finally(c, fin));             // normal exit
    TRY(push_block(c, FB_FINALLY_END, NULL));
    TRY(visit_finally(c, fin));             // exceptional exit
    pop_block(c);
    return true;
}

static bool visit_import(Checker *c, const AstNode *s) {
    const AstSeq *names;
    if (s->kind == AST_IMPORT_FROM) {
        const char *mod = s->u.importfrom.module.s;
        if (s->line > c->st->future_lineno && mod && strcmp(mod, "__future__") == 0)
            return error(c, "from __future__ imports must occur at the beginning of the file");
        names = &s->u.importfrom.names;
    } else {
        names = &s->u.import.names;
    }
    for (uint32_t i = 0; i < names->len; i++) {
        const AstNode *al = names->items[i];
        AstIdent n = al->u.alias.asname.s ? al->u.alias.asname : al->u.alias.name;
        if (n.len == 1 && n.s[0] == '*') continue;
        size_t len = n.len;
        if (s->kind == AST_IMPORT && !al->u.alias.asname.s) {
            const char *dot = memchr(n.s, '.', n.len);
            if (dot) len = (size_t)(dot - n.s);
        }
        TRY(nameop(c, (AstIdent){n.s, (uint32_t)len, 0}, CTX_STORE));
    }
    return true;
}

static bool visit_stmt(Checker *c, const AstNode *s) {
    c->u->loc = loc_of(s);
    switch (s->kind) {
    case AST_FUNCTION_DEF:
    case AST_ASYNC_FUNCTION_DEF: return visit_funcdef(c, s);
    case AST_CLASS_DEF: return visit_classdef(c, s);
    case AST_RETURN: return visit_return(c, s);
    case AST_DELETE: return visit_exprs(c, &s->u.del.targets);
    case AST_ASSIGN:
        TRY(visit_expr(c, s->u.assign.value));
        return visit_exprs(c, &s->u.assign.targets);
    case AST_AUG_ASSIGN: return visit_augassign(c, s);
    case AST_ANN_ASSIGN: return visit_annassign(c, s);
    case AST_FOR:
    case AST_ASYNC_FOR: return visit_for(c, s);
    case AST_WHILE: {
        TRY(push_block(c, FB_WHILE, NULL));
        uint32_t wfrom = c->st->nwarnings;
        TRY(visit_test(c, s->u.while_.test));
        uint32_t wto = c->st->nwarnings;
        TRY(visit_stmts(c, &s->u.while_.body));
        // The test is compiled again after the body: its warnings repeat.
        c->u->loc = loc_of(s);
        for (uint32_t w = wfrom; w < wto; w++) TRY(add_warning(c, c->st->warnings[w]));
        pop_block(c);
        return visit_stmts(c, &s->u.while_.orelse);
    }
    case AST_IF:
        TRY(visit_test(c, s->u.while_.test));
        TRY(visit_stmts(c, &s->u.while_.body));
        return visit_stmts(c, &s->u.while_.orelse);
    case AST_WITH:
    case AST_ASYNC_WITH: return visit_with(c, s, 0);
    case AST_RAISE:
        if (!s->u.raise.exc) return true;
        TRY(visit_expr(c, s->u.raise.exc));
        return visit_opt(c, s->u.raise.cause);
    case AST_TRY:
    case AST_TRY_STAR: return visit_try(c, s);
    case AST_ASSERT: {
        const AstNode *t = s->u.assert_.test;
        if (t->kind == AST_TUPLE && t->u.seq.elts.len > 0)
            TRY(warn(c, "assertion is always true, perhaps remove parentheses?"));
        TRY(visit_test(c, t));
        return visit_opt(c, s->u.assert_.msg);
    }
    case AST_IMPORT:
    case AST_IMPORT_FROM: return visit_import(c, s);
    case AST_BREAK:
    case AST_CONTINUE: return visit_jump(c, s);
    case AST_EXPR:
        if (s->u.expr.value->kind == AST_CONSTANT) return true;
        return visit_expr(c, s->u.expr.value);
    default: return true;   // global, nonlocal, pass
    }
}

static bool visit_lambda(Checker *c, const AstNode *e) {
    const AstNode *args = e->u.lambda.args;
    TRY(check_debug_args(c, args));
    TRY(visit_defaults(c, args));
    TRY(enter_unit(c, e));
    bool ok = visit_expr(c, e->u.lambda.body);
    exit_unit(c);
    return ok;
}

// The body runs in its own unit (where an async comprehension outside an
// async function is refused up front); the first iterable is compiled
// afterwards, in the enclosing unit.
static bool visit_comp(Checker *c, const AstNode *e) {
    const AstSeq *gens = &e->u.comp.generators;
    SymScopeType outer = c->u->scope->type;
    bool tla = toplevel_await(c);
    TRY(enter_unit(c, e));
    bool ok = true;
    if (c->u->scope->coroutine && e->kind != AST_GENERATOR_EXP &&
        outer != SYM_SCOPE_ASYNC_FUNCTION && !(outer >= SYM_SCOPE_LISTCOMP && outer <= SYM_SCOPE_GENEXP) &&
        !tla)
        ok = error(c, "asynchronous comprehension outside of an asynchronous function");
    for (uint32_t i = 0; ok && i < gens->len; i++) {
        const AstNode *g = gens->items[i];
        if (i > 0) ok = visit_expr(c, g->u.comprehension.iter);
        if (ok && g->u.comprehension.is_async) ok = push_block(c, FB_ASYNC_COMP, NULL);
        ok = ok && visit_expr(c, g->u.comprehension.target) &&
             visit_tests(c, &g->u.comprehension.ifs);
    }
    ok = ok && visit_expr(c, e->u.comp.elt) && visit_opt(c, e->u.comp.value);
    bool is_async = c->u->scope->coroutine;
    exit_unit(c);
    // At the REPL's top level any asynchronous comprehension, even a
    // generator expression, makes the module code a coroutine.
    if (tla && is_async) c->u->scope->coroutine = true;
    return ok && visit_expr(c, gens->items[0]->u.comprehension.iter);
}

static bool visit_call(Checker *c, const AstNode *e) {
    TRY(validate_keywords(c, &e->u.call.keywords));
    TRY(check_caller(c, e->u.call.func));
    TRY(visit_expr(c, e->u.call.func));
    TRY(visit_starunpack(c, &e->u.call.args));
    return visit_keywords(c, &e->u.call.keywords);
}

// Assignment targets `a, *b = ...`: at most one starred, before index 256.
static bool visit_unpack(Checker *c, const AstSeq *elts) {
    bool seen = false;
    for (uint32_t i = 0; i < elts->len; i++) {
        if (elts->items[i]->kind != AST_STARRED) continue;
        if (seen) return error(c, "multiple starred expressions in assignment");
        if (i >= (1u << 8) || (size_t)(elts->len - i - 1) >= (size_t)(0x7fffffff >> 8))
            return error(c, "too many expressions in star-unpacking assignment");
        seen = true;
    }
    return visit_starunpack(c, elts);
}

static bool visit_seq(Checker *c, const AstNode *e) {
    switch (e->u.seq.ctx) {
    case CTX_STORE: return visit_unpack(c, &e->u.seq.elts);
    case CTX_LOAD: return visit_starunpack(c, &e->u.seq.elts);
    default: return visit_exprs(c, &e->u.seq.elts);
    }
}

static size_t utf8_chars(const char *s, size_t len) {
    size_t n = 0;
    for (size_t i = 0; i < len; i++) n += ((unsigned char)s[i] & 0xC0) != 0x80;
    return n;
}

// `obj.attr = v`: CPython points at the attribute's line when the access
// spans lines (update_start_location_to_match_attr).
static bool visit_attribute(Checker *c, const AstNode *e) {
    TRY(visit_expr(c, e->u.attribute.value));
    if (e->u.attribute.ctx != CTX_STORE) return true;
    Loc *l = &c->u->loc;
    if (l->line != e->end_line) {
        l->line = e->end_line;
        int len = (int)utf8_chars(e->u.attribute.attr.s, e->u.attribute.attr.len);
        if (len <= e->end_col) {
            l->col = e->end_col - len;
        } else {
            l->col = -1;
            l->end_col = -1;
        }
        if (l->end_line < l->line) l->end_line = l->line;
        if (l->line == l->end_line && l->end_col < l->col) l->end_col = l->col;
    }
    return !forbidden(c, e->u.attribute.attr.s, e->u.attribute.attr.len, CTX_STORE);
}

static bool visit_await(Checker *c, const AstNode *e) {
    SymScope *s = c->u->scope;
    switch (e->kind) {
    case AST_AWAIT:
        if (!toplevel_await(c)) {
            if (!sym_is_function(s)) return error(c, "'await' outside function");
            if (s->type != SYM_SCOPE_ASYNC_FUNCTION && !is_comp(s))
                return error(c, "'await' outside async function");
        }
        break;
    case AST_YIELD:
        if (!sym_is_function(s)) return error(c, "'yield' outside function");
        break;
    default:   // AST_YIELD_FROM
        if (!sym_is_function(s)) return error(c, "'yield' outside function");
        if (s->type == SYM_SCOPE_ASYNC_FUNCTION)
            return error(c, "'yield from' inside async function");
        break;
    }
    return visit_opt(c, e->u.await_.value);
}

static bool visit_expr1(Checker *c, const AstNode *e) {
    switch (e->kind) {
    case AST_NAMED_EXPR:
        TRY(visit_expr(c, e->u.namedexpr.value));
        return visit_expr(c, e->u.namedexpr.target);
    case AST_BOOL_OP: return visit_exprs(c, &e->u.boolop.values);
    case AST_BIN_OP:
        TRY(visit_expr(c, e->u.binop.left));
        return visit_expr(c, e->u.binop.right);
    case AST_UNARY_OP: return visit_expr(c, e->u.unaryop.operand);
    case AST_LAMBDA: return visit_lambda(c, e);
    case AST_IF_EXP:
        TRY(visit_test(c, e->u.ifexp.test));
        TRY(visit_expr(c, e->u.ifexp.body));
        return visit_expr(c, e->u.ifexp.orelse);
    case AST_DICT:
        for (uint32_t i = 0; i < e->u.dict.values.len; i++) {
            TRY(visit_opt(c, e->u.dict.keys.items[i]));
            TRY(visit_expr(c, e->u.dict.values.items[i]));
        }
        return true;
    case AST_SET: return visit_starunpack(c, &e->u.seq.elts);
    case AST_LIST_COMP:
    case AST_SET_COMP:
    case AST_DICT_COMP:
    case AST_GENERATOR_EXP: return visit_comp(c, e);
    case AST_AWAIT:
    case AST_YIELD:
    case AST_YIELD_FROM: return visit_await(c, e);
    case AST_COMPARE:
        TRY(check_compare(c, e));
        TRY(visit_expr(c, e->u.compare.left));
        return visit_exprs(c, &e->u.compare.comparators);
    case AST_CALL: return visit_call(c, e);
    case AST_FORMATTED_VALUE:
        TRY(visit_expr(c, e->u.formatted.value));
        return visit_opt(c, e->u.formatted.format_spec);
    case AST_JOINED_STR: return visit_exprs(c, &e->u.joined.values);
    case AST_ATTRIBUTE: return visit_attribute(c, e);
    case AST_SUBSCRIPT:
        if (e->u.subscript.ctx == CTX_LOAD) {
            TRY(check_subscripter(c, e->u.subscript.value));
            TRY(check_index(c, e->u.subscript.value, e->u.subscript.slice));
        }
        TRY(visit_expr(c, e->u.subscript.value));
        return visit_expr(c, e->u.subscript.slice);
    case AST_STARRED:
        return error(c, e->u.starred.ctx == CTX_STORE
                            ? "starred assignment target must be in a list or tuple"
                            : "can't use starred expression here");
    case AST_SLICE:
        TRY(visit_opt(c, e->u.slice.lower));
        TRY(visit_opt(c, e->u.slice.upper));
        return visit_opt(c, e->u.slice.step);
    case AST_NAME:
        // A load of __debug__ was folded to a constant by CPython's optimiser.
        if (e->u.name.ctx == CTX_LOAD && ident_eq(e->u.name.id.s, e->u.name.id.len, "__debug__"))
            return true;
        return nameop_ident(c, e->u.name.id, e->u.name.ctx);
    case AST_LIST:
    case AST_TUPLE: return visit_seq(c, e);
    default: return true;   // constants
    }
}

// Like compile.c, an expression is the error location while it is being
// compiled, and the enclosing location comes back afterwards.
static bool visit_expr(Checker *c, const AstNode *e) {
    Loc saved = c->u->loc;
    c->u->loc = loc_of(e);
    TRY(visit_expr1(c, e));
    c->u->loc = saved;
    return true;
}

bool sym_check_codegen(SymTable *st, Arena *a, const AstNode *root, Diag *d) {
    if (root->kind == AST_EXPRESSION) {
        Checker c = {.st = st, .a = a, .d = d};
        TRY(enter_unit(&c, root));
        c.u->loc = (Loc){1, 0, 1, 0};
        bool ok = visit_expr(&c, root->u.expression.body);
        exit_unit(&c);
        return ok;
    }
    return sym_check_stmts(st, a, root, root->u.module.body.items, root->u.module.body.len, d);
}

bool sym_check_stmts(SymTable *st, Arena *a, const AstNode *root, AstNode *const *stmts,
                     uint32_t n, Diag *d) {
    Checker c = {.st = st, .a = a, .d = d};
    TRY(enter_unit(&c, root));
    c.u->loc = (Loc){1, 0, 1, 0};
    bool ok = true;
    for (uint32_t i = 0; ok && i < n; i++) ok = visit_stmt(&c, stmts[i]);
    exit_unit(&c);
    return ok;
}
