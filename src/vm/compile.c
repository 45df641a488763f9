// Code generation: one walk over the AST per scope, emitting instructions
// into a CgUnit that assemble.c turns into a code object. The shape of the
// generated code follows CPython 3.11's compile.c (see opcodes.h for the
// stack conventions):
//   * names are resolved with the symbol table (sym_lookup), so each access
//     is LOAD_FAST / LOAD_DEREF / LOAD_GLOBAL / LOAD_NAME as in CPython;
//   * exception handling uses SETUP_HANDLER pseudo-instructions and the
//     current handler of each instruction; there is no block stack at run
//     time. Leaving a try/with/except block early (return, break, continue)
//     emits the cleanup inline (finally bodies are compiled again there),
//     driven by the fblock stack, as CPython does;
//   * every instruction carries the span of the AST node it came from, for
//     traceback lines and carets.
// GC: constants and names live in ObjLists rooted for the unit's lifetime.
#include "vm/compile.h"

#include <stdlib.h>
#include <string.h>

#include "runtime/dict.h"
#include "runtime/exc.h"
#include "runtime/float.h"
#include "runtime/gc.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "vm/compile_int.h"
#include "vm/symtable.h"

#define CHECK(x) do { if (!(x)) return false; } while (0)

typedef enum FbType { FB_WHILE, FB_FOR, FB_TRY_EXCEPT, FB_FINALLY_TRY, FB_FINALLY_END, FB_WITH,
                      FB_HANDLER_CLEANUP, FB_POP_VALUE, FB_EXCEPTION_HANDLER } FbType;

typedef struct FBlock {
    FbType type;
    uint32_t start, exit;      // loops: labels
    const AstSeq *final;       // FB_FINALLY_TRY
    const AstIdent *name;      // FB_HANDLER_CLEANUP: `except E as name`
    int32_t outer_handler;     // the handler in effect outside the block
} FBlock;

#define MAX_FBLOCKS 64

// A Value -> index map (open addressing) for deduplicating constants and names.
typedef struct VMap {
    Value *keys;
    uint32_t *vals;
    uint32_t cap, n;
} VMap;

typedef struct Unit {
    CgUnit cg;
    struct Unit *parent;
    SymScope *scope;
    CgLoc loc;
    int32_t handler;           // current exception handler, -1 none
    FBlock fb[MAX_FBLOCKS];
    int nfb;
    VMap cmap, nmap;
    size_t roots;              // temp-root mark to restore
    bool has_doc;
} Unit;

typedef struct Compiler {
    Vm *vm;
    SymTable *st;
    Arena *arena;
    const char *filename;
    Value filename_str;
    unsigned flags;
    Unit *u;
} Compiler;

static bool expr(Compiler *c, const AstNode *e);
static bool stmt(Compiler *c, const AstNode *s);
static bool stmts(Compiler *c, const AstSeq *body);
static bool nomem(Compiler *c) { return rt_raise_nomem(c->vm); }

// ------------------------------------------------------------ maps

static uint32_t vhash(Value v) {
    uint64_t x = (uint64_t)v * 0x9E3779B97F4A7C15ull;
    return (uint32_t)(x >> 32);
}

static bool vmap_grow(VMap *m) {
    uint32_t ncap = m->cap ? m->cap * 2 : 64;
    Value *k = calloc(ncap, sizeof *k);
    uint32_t *v = calloc(ncap, sizeof *v);
    if (!k || !v) {
        free(k);
        free(v);
        return false;
    }
    for (uint32_t i = 0; i < m->cap; i++) {
        if (!m->keys[i]) continue;
        uint32_t j = vhash(m->keys[i]) & (ncap - 1);
        while (k[j]) j = (j + 1) & (ncap - 1);
        k[j] = m->keys[i];
        v[j] = m->vals[i];
    }
    free(m->keys);
    free(m->vals);
    m->keys = k;
    m->vals = v;
    m->cap = ncap;
    return true;
}

// Index of [key] or -1; with [add] >= 0 inserts it with that index when missing.
static int64_t vmap_find(VMap *m, Value key, int64_t add) {
    if (m->cap) {
        uint32_t j = vhash(key) & (m->cap - 1);
        while (m->keys[j]) {
            if (m->keys[j] == key) return m->vals[j];
            j = (j + 1) & (m->cap - 1);
        }
    }
    if (add < 0) return -1;
    if ((m->n + 1) * 2 > m->cap && !vmap_grow(m)) return -2;
    uint32_t j = vhash(key) & (m->cap - 1);
    while (m->keys[j]) j = (j + 1) & (m->cap - 1);
    m->keys[j] = key;
    m->vals[j] = (uint32_t)add;
    m->n++;
    return add;
}

static void vmap_free(VMap *m) {
    free(m->keys);
    free(m->vals);
    memset(m, 0, sizeof *m);
}

// ------------------------------------------------------------ emission

static bool emit(Compiler *c, int op, uint32_t arg) {
    CgUnit *u = &c->u->cg;
    if (u->ncode == u->capcode) {
        uint32_t ncap = u->capcode ? u->capcode * 2 : 64;
        CgInstr *n = realloc(u->code, ncap * sizeof *n);
        if (!n) return nomem(c);
        u->code = n;
        u->capcode = ncap;
    }
    u->code[u->ncode++] = (CgInstr){(uint8_t)op, arg, c->u->handler, c->u->loc};
    return true;
}

static bool new_label(Compiler *c, uint32_t *out) {
    CgUnit *u = &c->u->cg;
    if (u->nlabels == u->caplabels) {
        uint32_t ncap = u->caplabels ? u->caplabels * 2 : 32;
        int32_t *n = realloc(u->labels, ncap * sizeof *n);
        if (!n) return nomem(c);
        u->labels = n;
        u->caplabels = ncap;
    }
    u->labels[u->nlabels] = -1;
    *out = u->nlabels++;
    return true;
}

static void place(Compiler *c, uint32_t label) { c->u->cg.labels[label] = (int32_t)c->u->cg.ncode; }

// Declares a handler at [label] covering what is emitted from now on (until
// the caller restores c->u->handler). [adjust] corrects the stack depth
// measured here (BEFORE_WITH leaves the __enter__ result above the __exit__
// the handler keeps).
static bool setup_handler(Compiler *c, uint32_t label, int32_t adjust) {
    CgUnit *u = &c->u->cg;
    if (u->nhandlers == u->caphandlers) {
        uint32_t ncap = u->caphandlers ? u->caphandlers * 2 : 16;
        CgHandler *n = realloc(u->handlers, ncap * sizeof *n);
        if (!n) return nomem(c);
        u->handlers = n;
        u->caphandlers = ncap;
    }
    uint32_t h = u->nhandlers++;
    u->handlers[h] = (CgHandler){label, adjust, -1};
    CHECK(emit(c, OP_SETUP_HANDLER, h));
    c->u->handler = (int32_t)h;
    return true;
}

static bool emit_jump(Compiler *c, int op, uint32_t label) { return emit(c, op, label); }

static void set_loc(Compiler *c, const AstNode *n) {
    c->u->loc = (CgLoc){n->line, n->end_line, n->col, n->end_col};
}

// ------------------------------------------------------------ constants and names

static bool add_const(Compiler *c, Value v, uint32_t *out) {
    Unit *u = c->u;
    // Dedup by identity: small ints, singletons and interned strings.
    bool dedup = IS_INT(v) || v == NONE_VAL || v == TRUE_VAL || v == FALSE_VAL ||
                 v == ELLIPSIS_VAL || (IS_TYPE_EXACT(v, str_type) && AS_STR(v)->interned);
    if (dedup) {
        int64_t i = vmap_find(&u->cmap, v, -1);
        if (i >= 0) {
            *out = (uint32_t)i;
            return true;
        }
    }
    gc_push_root(c->vm, v);
    bool ok = list_append(c->vm, u->cg.consts, v);
    gc_pop_root(c->vm);
    CHECK(ok);
    uint32_t idx = (uint32_t)(u->cg.consts->len - 1);
    if (dedup && vmap_find(&u->cmap, v, idx) == -2) return nomem(c);
    *out = idx;
    return true;
}

static bool load_const(Compiler *c, Value v) {
    uint32_t i;
    CHECK(add_const(c, v, &i));
    return emit(c, OP_LOAD_CONST, i);
}

static bool add_name_str(Compiler *c, const char *s, size_t len, uint32_t *out) {
    ObjStr *str = str_intern(c->vm, s, len);
    CHECK(str);
    Unit *u = c->u;
    int64_t i = vmap_find(&u->nmap, OBJ_VAL(str), -1);
    if (i >= 0) {
        *out = (uint32_t)i;
        return true;
    }
    gc_push_root(c->vm, OBJ_VAL(str));
    bool ok = list_append(c->vm, u->cg.names, OBJ_VAL(str));
    gc_pop_root(c->vm);
    CHECK(ok);
    uint32_t idx = (uint32_t)(u->cg.names->len - 1);
    if (vmap_find(&u->nmap, OBJ_VAL(str), idx) == -2) return nomem(c);
    *out = idx;
    return true;
}

static const char *mangle(Compiler *c, const char *s, size_t len, size_t *out_len) {
    const char *m = sym_mangle(c->arena, c->u->scope->private_name, s, len, out_len);
    if (!m) nomem(c);
    return m;
}

// A name operand (attribute, global, import), mangled in class context.
static bool add_name(Compiler *c, AstIdent id, uint32_t *out) {
    size_t ml;
    const char *m = mangle(c, id.s, id.len, &ml);
    CHECK(m);
    return add_name_str(c, m, ml, out);
}

static bool emit_name(Compiler *c, int op, AstIdent id) {
    uint32_t i;
    CHECK(add_name(c, id, &i));
    return emit(c, op, i);
}

static bool str_const(Compiler *c, const char *s, size_t len, Value *out) {
    ObjStr *str = str_intern(c->vm, s, len);
    CHECK(str);
    *out = OBJ_VAL(str);
    return true;
}

static bool load_str(Compiler *c, const char *s, size_t len) {
    Value v;
    CHECK(str_const(c, s, len, &v));
    return load_const(c, v);
}

static bool const_value(Compiler *c, const AstConst *k, Value *out) {
    Vm *vm = c->vm;
    switch (k->kind) {
    case CONST_NONE: *out = NONE_VAL; return true;
    case CONST_TRUE: *out = TRUE_VAL; return true;
    case CONST_FALSE: *out = FALSE_VAL; return true;
    case CONST_ELLIPSIS: *out = ELLIPSIS_VAL; return true;
    case CONST_INT:
        if (k->is_small) return int_from_i64(vm, k->ival, out);
        return int_parse(vm, k->s, k->len, k->base, out);
    case CONST_FLOAT: return float_new(vm, k->fval, out);
    case CONST_STR: return str_const(c, k->s, k->len, out);
    case CONST_BYTES: {
        // bytes(list of ints) through the runtime's bytes type.
        ObjList *l = list_new(vm, k->len);
        CHECK(l);
        for (size_t i = 0; i < k->len; i++) l->items[i] = INT_VAL((unsigned char)k->s[i]);
        l->len = k->len;
        gc_push_root(vm, OBJ_VAL(l));
        bool ok = rt_call1(vm, OBJ_VAL(&bytes_type), OBJ_VAL(l), out);
        gc_pop_root(vm);
        return ok;
    }
    }
    return rt_raise(vm, &SystemError_type, "unknown constant kind");
}

// A tuple of identifier strings (keyword names of a call, import lists).
static bool names_tuple(Compiler *c, const AstSeq *seq, bool keywords, Value *out) {
    size_t n = 0;
    for (uint32_t i = 0; i < seq->len; i++)
        if (!keywords || seq->items[i]->u.keyword.arg.s) n++;
    ObjTuple *t = tuple_new(c->vm, n);
    CHECK(t);
    gc_push_root(c->vm, OBJ_VAL(t));
    size_t j = 0;
    for (uint32_t i = 0; i < seq->len; i++) {
        const AstIdent *id = keywords ? &seq->items[i]->u.keyword.arg : &seq->items[i]->u.alias.name;
        if (!id->s) continue;
        Value s;
        if (!str_const(c, id->s, id->len, &s)) {
            gc_pop_root(c->vm);
            return false;
        }
        t->items[j++] = s;
    }
    gc_pop_root(c->vm);
    *out = OBJ_VAL(t);
    return true;
}

// ------------------------------------------------------------ units

static bool unit_enter(Compiler *c, SymScope *scope, Unit *u, const AstNode *node) {
    memset(u, 0, sizeof *u);
    u->parent = c->u;
    u->scope = scope;
    u->handler = -1;
    u->roots = gc_roots_mark(c->vm);
    u->cg.consts = list_new(c->vm, 0);
    CHECK(u->cg.consts);
    gc_push_root(c->vm, OBJ_VAL(u->cg.consts));
    u->cg.names = list_new(c->vm, 0);
    if (!u->cg.names) return gc_roots_reset(c->vm, u->roots), false;
    gc_push_root(c->vm, OBJ_VAL(u->cg.names));
    if (node) u->loc = (CgLoc){node->line, node->line, -1, -1};
    c->u = u;
    return true;
}

static void unit_leave(Compiler *c, Unit *u) {
    free(u->cg.code);
    free(u->cg.labels);
    free(u->cg.handlers);
    vmap_free(&u->cmap);
    vmap_free(&u->nmap);
    gc_roots_reset(c->vm, u->roots);
    c->u = u->parent;
}

static bool copy_strs(Compiler *c, Value *dst, const char **src, uint32_t n) {
    for (uint32_t i = 0; i < n; i++) {
        ObjStr *s = str_intern_cstr(c->vm, src[i]);
        CHECK(s);
        dst[i] = OBJ_VAL(s);
    }
    return true;
}

// Assembles the current unit into a code object (rooted by the caller's
// const list once added there; here the result is returned unrooted, so the
// caller must root or store it before allocating).
static ObjCode *unit_finish(Compiler *c, int firstline) {
    Vm *vm = c->vm;
    Unit *u = c->u;
    SymScope *s = u->scope;
    ObjCode *co = code_new(vm);
    if (!co) return NULL;
    gc_push_root(vm, OBJ_VAL(co));
    co->filename = c->filename_str;
    co->firstlineno = firstline;
    co->flags = sym_code_flags(c->st, s) | (u->has_doc ? CODE_HAS_DOC : 0);
    ObjStr *name = str_intern_cstr(vm, s->name), *qn;
    if (!name) goto fail;
    co->name = OBJ_VAL(name);
    qn = str_from_cstr(vm, s->qualname ? s->qualname : s->name);
    if (!qn) goto fail;
    co->qualname = OBJ_VAL(qn);
    if (!asm_assemble(vm, &u->cg, co)) goto fail;
    size_t nc = u->cg.consts->len, nn = u->cg.names->len;
    co->consts = rt_alloc(vm, (nc ? nc : 1) * sizeof(Value));
    if (!co->consts) goto fail;
    if (nc) memcpy(co->consts, u->cg.consts->items, nc * sizeof(Value));
    co->nconsts = (uint32_t)(nc ? nc : 1);
    if (!nc) co->consts[0] = NONE_VAL;
    co->names = rt_alloc(vm, (nn ? nn : 1) * sizeof(Value));
    if (!co->names) goto fail;
    if (nn) memcpy(co->names, u->cg.names->items, nn * sizeof(Value));
    else co->names[0] = NONE_VAL;
    co->nnames = (uint32_t)(nn ? nn : 1);
    bool fn = sym_is_function(s);
    uint32_t nlocals = fn ? s->nvarnames : 0;
    uint32_t total = nlocals + s->ncellvars + s->nfreevars;
    co->localnames = rt_alloc(vm, (total ? total : 1) * sizeof(Value));
    if (!co->localnames) goto fail;
    for (uint32_t i = 0; i < (total ? total : 1); i++) co->localnames[i] = NONE_VAL;
    co->nlocalsplus = total ? total : 1;
    if (!total) co->nlocalsplus = 0, rt_free(vm, co->localnames, sizeof(Value)), co->localnames = NULL;
    co->nlocals = nlocals;
    co->ncells = s->ncellvars;
    co->nfrees = s->nfreevars;
    if (total) {
        if (!copy_strs(c, co->localnames, s->varnames, nlocals) ||
            !copy_strs(c, co->localnames + nlocals, s->cellvars, s->ncellvars) ||
            !copy_strs(c, co->localnames + nlocals + s->ncellvars, s->freevars, s->nfreevars))
            goto fail;
    }
    if (s->ncellvars) {
        co->cell2arg = rt_alloc(vm, s->ncellvars * sizeof(int32_t));
        if (!co->cell2arg) goto fail;
        for (uint32_t i = 0; i < s->ncellvars; i++) co->cell2arg[i] = s->cell_arg ? s->cell_arg[i] : -1;
    }
    co->argcount = fn ? s->argcount : 0;
    co->posonlyargcount = fn ? s->posonlyargcount : 0;
    co->kwonlyargcount = fn ? s->kwonlyargcount : 0;
    gc_pop_root(vm);
    return co;
fail:
    gc_pop_root(vm);
    return NULL;
}

// ------------------------------------------------------------ names

static bool nameop(Compiler *c, AstIdent id, AstCtx ctx) {
    SymScope *s = c->u->scope;
    SymRef r = sym_lookup(s, id.s, id.len);
    int op;
    uint32_t arg = r.index >= 0 ? (uint32_t)r.index : 0;
    static const int fast[3] = {OP_LOAD_FAST, OP_STORE_FAST, OP_DELETE_FAST};
    static const int deref[3] = {OP_LOAD_DEREF, OP_STORE_DEREF, OP_DELETE_DEREF};
    static const int glob[3] = {OP_LOAD_GLOBAL, OP_STORE_GLOBAL, OP_DELETE_GLOBAL};
    static const int name[3] = {OP_LOAD_NAME, OP_STORE_NAME, OP_DELETE_NAME};
    switch (r.kind) {
    case SYM_LOCAL_FAST: op = fast[ctx]; break;
    case SYM_CELL: op = deref[ctx]; break;
    case SYM_FREE:
        arg += s->ncellvars;
        op = deref[ctx];
        if (ctx == CTX_LOAD && s->type == SYM_SCOPE_CLASS) op = OP_LOAD_CLASSDEREF;
        break;
    case SYM_GLOBAL_EXPLICIT: case SYM_GLOBAL_IMPLICIT:
        return emit_name(c, glob[ctx], id);
    default:
        return emit_name(c, name[ctx], id);
    }
    return emit(c, op, arg);
}

static bool nameop_cstr(Compiler *c, const char *s, AstCtx ctx) {
    AstIdent id = {s, (uint32_t)strlen(s)};
    return nameop(c, id, ctx);
}

// ------------------------------------------------------------ fblocks

static bool push_fblock(Compiler *c, FBlock fb) {
    if (c->u->nfb == MAX_FBLOCKS)
        return rt_raise(c->vm, &SystemError_type, "too many statically nested blocks");
    fb.outer_handler = c->u->handler;
    c->u->fb[c->u->nfb++] = fb;
    return true;
}

static void pop_fblock(Compiler *c) { c->u->nfb--; }

static bool call_exit_with_nones(Compiler *c) {
    CHECK(load_const(c, NONE_VAL));
    CHECK(load_const(c, NONE_VAL));
    CHECK(load_const(c, NONE_VAL));
    return emit(c, OP_CALL, 2);
}

// Emits what leaving [fb] early requires. With [preserve_tos] the value on
// top of the stack (a return value) is kept above whatever is removed.
static bool unwind_fblock(Compiler *c, FBlock *fb, bool preserve_tos) {
    int32_t saved = c->u->handler;
    c->u->handler = fb->outer_handler;
    bool ok = true;
    switch (fb->type) {
    case FB_WHILE: case FB_EXCEPTION_HANDLER: case FB_TRY_EXCEPT:
        break;
    case FB_FOR:
        if (preserve_tos) ok = emit(c, OP_SWAP, 2);
        ok = ok && emit(c, OP_POP_TOP, 0);
        break;
    case FB_POP_VALUE:
        if (preserve_tos) ok = emit(c, OP_SWAP, 2);
        ok = ok && emit(c, OP_POP_TOP, 0);
        break;
    case FB_FINALLY_TRY: {
        // The finally body runs here, covered by the handlers outside the try.
        if (preserve_tos) ok = push_fblock(c, (FBlock){.type = FB_POP_VALUE});
        ok = ok && stmts(c, fb->final);
        if (preserve_tos && ok) pop_fblock(c);
        break;
    }
    case FB_FINALLY_END:
        if (preserve_tos) ok = emit(c, OP_SWAP, 2);
        ok = ok && emit(c, OP_POP_TOP, 0);   // the exception
        if (preserve_tos) ok = ok && emit(c, OP_SWAP, 2);
        ok = ok && emit(c, OP_POP_EXCEPT, 0);
        break;
    case FB_WITH:
        if (preserve_tos) ok = emit(c, OP_SWAP, 2);
        ok = ok && call_exit_with_nones(c) && emit(c, OP_POP_TOP, 0);
        break;
    case FB_HANDLER_CLEANUP:
        if (preserve_tos) ok = emit(c, OP_SWAP, 2);
        ok = ok && emit(c, OP_POP_EXCEPT, 0);
        if (ok && fb->name) {
            ok = load_const(c, NONE_VAL) && nameop(c, *fb->name, CTX_STORE) &&
                 nameop(c, *fb->name, CTX_DEL);
        }
        break;
    }
    c->u->handler = saved;
    return ok;
}

// Unwinds every block up to (not including) the innermost loop, or all of
// them when [loop] is NULL. The handler in effect afterwards is the one
// outside the last unwound block.
static bool unwind_stack(Compiler *c, bool preserve_tos, FBlock **loop) {
    Unit *u = c->u;
    int32_t handler = u->handler;
    for (int i = u->nfb - 1; i >= 0; i--) {
        FBlock *fb = &u->fb[i];
        if (loop && (fb->type == FB_WHILE || fb->type == FB_FOR)) {
            *loop = fb;
            u->handler = handler;
            return true;
        }
        // Blocks above fb are gone while fb's cleanup code runs; that code
        // may push blocks of its own over them, so the stack is restored.
        FBlock copy = *fb, saved[MAX_FBLOCKS];
        int nfb = u->nfb;
        memcpy(saved, u->fb, sizeof(FBlock) * (size_t)nfb);
        u->nfb = i;
        bool ok = unwind_fblock(c, &copy, preserve_tos);
        memcpy(u->fb, saved, sizeof(FBlock) * (size_t)nfb);
        u->nfb = nfb;
        CHECK(ok);
        handler = copy.outer_handler;
    }
    u->handler = handler;
    return true;
}

// ------------------------------------------------------------ expressions

static int binop_of(AstOperator op) {
    static const int map[] = {
        [AOP_ADD] = BINOP_ADD, [AOP_SUB] = BINOP_SUB, [AOP_MULT] = BINOP_MUL,
        [AOP_MATMULT] = BINOP_MATMUL, [AOP_DIV] = BINOP_TRUEDIV, [AOP_MOD] = BINOP_MOD,
        [AOP_POW] = BINOP_POW, [AOP_LSHIFT] = BINOP_LSHIFT, [AOP_RSHIFT] = BINOP_RSHIFT,
        [AOP_BITOR] = BINOP_OR, [AOP_BITXOR] = BINOP_XOR, [AOP_BITAND] = BINOP_AND,
        [AOP_FLOORDIV] = BINOP_FLOORDIV,
    };
    return map[op];
}

static bool compare_op(Compiler *c, AstCmpOp op) {
    switch (op) {
    case ACMP_EQ: return emit(c, OP_COMPARE_OP, CMP_EQ);
    case ACMP_NOTEQ: return emit(c, OP_COMPARE_OP, CMP_NE);
    case ACMP_LT: return emit(c, OP_COMPARE_OP, CMP_LT);
    case ACMP_LTE: return emit(c, OP_COMPARE_OP, CMP_LE);
    case ACMP_GT: return emit(c, OP_COMPARE_OP, CMP_GT);
    case ACMP_GTE: return emit(c, OP_COMPARE_OP, CMP_GE);
    case ACMP_IS: return emit(c, OP_IS_OP, 0);
    case ACMP_ISNOT: return emit(c, OP_IS_OP, 1);
    case ACMP_IN: return emit(c, OP_CONTAINS_OP, 0);
    case ACMP_NOTIN: return emit(c, OP_CONTAINS_OP, 1);
    }
    return false;
}

static bool compare(Compiler *c, const AstNode *e) {
    uint32_t n = e->u.compare.comparators.len;
    CHECK(expr(c, e->u.compare.left));
    if (n == 1) {
        CHECK(expr(c, e->u.compare.comparators.items[0]));
        return compare_op(c, e->u.compare.ops[0]);
    }
    uint32_t cleanup, end;
    CHECK(new_label(c, &cleanup) && new_label(c, &end));
    for (uint32_t i = 0; i + 1 < n; i++) {
        CHECK(expr(c, e->u.compare.comparators.items[i]));
        CHECK(emit(c, OP_SWAP, 2) && emit(c, OP_COPY, 2));
        CHECK(compare_op(c, e->u.compare.ops[i]));
        CHECK(emit_jump(c, OP_JUMP_IF_FALSE_OR_POP, cleanup));
    }
    CHECK(expr(c, e->u.compare.comparators.items[n - 1]));
    CHECK(compare_op(c, e->u.compare.ops[n - 1]));
    CHECK(emit_jump(c, OP_JUMP, end));
    place(c, cleanup);
    CHECK(emit(c, OP_SWAP, 2) && emit(c, OP_POP_TOP, 0));
    place(c, end);
    return true;
}

// Jumps to [label] when [e] is true ([cond]) or false (!cond).
static bool jump_if(Compiler *c, const AstNode *e, uint32_t label, bool cond) {
    if (e->kind == AST_UNARY_OP && e->u.unaryop.op == UOP_NOT)
        return jump_if(c, e->u.unaryop.operand, label, !cond);
    if (e->kind == AST_BOOL_OP) {
        bool is_or = e->u.boolop.op == BOOL_OR;
        uint32_t next2 = label;
        if (cond != is_or) CHECK(new_label(c, &next2));
        const AstSeq *v = &e->u.boolop.values;
        for (uint32_t i = 0; i + 1 < v->len; i++) CHECK(jump_if(c, v->items[i], next2, is_or));
        CHECK(jump_if(c, v->items[v->len - 1], label, cond));
        if (next2 != label) place(c, next2);
        return true;
    }
    if (e->kind == AST_IF_EXP) {
        uint32_t end, next;
        CHECK(new_label(c, &end) && new_label(c, &next));
        CHECK(jump_if(c, e->u.ifexp.test, next, false));
        CHECK(jump_if(c, e->u.ifexp.body, label, cond));
        CHECK(emit_jump(c, OP_JUMP, end));
        place(c, next);
        CHECK(jump_if(c, e->u.ifexp.orelse, label, cond));
        place(c, end);
        return true;
    }
    CHECK(expr(c, e));
    CgLoc saved = c->u->loc;
    set_loc(c, e);
    bool ok = emit_jump(c, cond ? OP_POP_JUMP_IF_TRUE : OP_POP_JUMP_IF_FALSE, label);
    c->u->loc = saved;
    return ok;
}

static bool has_starred(const AstSeq *elts) {
    for (uint32_t i = 0; i < elts->len; i++)
        if (elts->items[i]->kind == AST_STARRED) return true;
    return false;
}

// List/tuple/set displays: BUILD_x n, or with starred items a list built by
// LIST_APPEND/LIST_EXTEND (SET_ADD/SET_UPDATE).
static bool sequence(Compiler *c, const AstSeq *elts, AstKind kind) {
    int build = kind == AST_SET ? OP_BUILD_SET : OP_BUILD_LIST;
    if (!has_starred(elts)) {
        for (uint32_t i = 0; i < elts->len; i++) CHECK(expr(c, elts->items[i]));
        return emit(c, kind == AST_TUPLE ? OP_BUILD_TUPLE : build, elts->len);
    }
    uint32_t lead = 0;
    while (lead < elts->len && elts->items[lead]->kind != AST_STARRED) {
        CHECK(expr(c, elts->items[lead]));
        lead++;
    }
    CHECK(emit(c, build, lead));
    for (uint32_t i = lead; i < elts->len; i++) {
        const AstNode *e = elts->items[i];
        if (e->kind == AST_STARRED) {
            CHECK(expr(c, e->u.starred.value));
            CHECK(emit(c, kind == AST_SET ? OP_SET_UPDATE : OP_LIST_EXTEND, 1));
        } else {
            CHECK(expr(c, e));
            CHECK(emit(c, kind == AST_SET ? OP_SET_ADD : OP_LIST_APPEND, 1));
        }
    }
    if (kind == AST_TUPLE) CHECK(emit(c, OP_LIST_TO_TUPLE, 0));
    return true;
}

static bool dict_display(Compiler *c, const AstNode *e) {
    const AstSeq *keys = &e->u.dict.keys, *vals = &e->u.dict.values;
    uint32_t pending = 0;
    bool have_dict = false;
    for (uint32_t i = 0; i < vals->len; i++) {
        if (keys->items[i]) {
            CHECK(expr(c, keys->items[i]));
            CHECK(expr(c, vals->items[i]));
            pending++;
            continue;
        }
        if (pending || !have_dict) {
            CHECK(emit(c, OP_BUILD_MAP, pending));
            if (have_dict) CHECK(emit(c, OP_DICT_UPDATE, 1));
            have_dict = true;
            pending = 0;
        }
        CHECK(expr(c, vals->items[i]));
        CHECK(emit(c, OP_DICT_UPDATE, 1));
    }
    if (pending || !have_dict) {
        CHECK(emit(c, OP_BUILD_MAP, pending));
        if (have_dict) CHECK(emit(c, OP_DICT_UPDATE, 1));
    }
    return true;
}

// Arguments of a call whose callable (and self or NULL) are on the stack,
// plus [pushed] positional arguments already there (class name and body).
static bool call_args(Compiler *c, uint32_t pushed, const AstSeq *args, const AstSeq *kws) {
    bool star = has_starred(args);
    for (uint32_t i = 0; i < kws->len; i++)
        if (!kws->items[i]->u.keyword.arg.s) star = true;
    if (!star) {
        for (uint32_t i = 0; i < args->len; i++) CHECK(expr(c, args->items[i]));
        for (uint32_t i = 0; i < kws->len; i++) CHECK(expr(c, kws->items[i]->u.keyword.value));
        if (kws->len) {
            Value names;
            CHECK(names_tuple(c, kws, true, &names));
            uint32_t k;
            CHECK(add_const(c, names, &k));
            CHECK(emit(c, OP_KW_NAMES, k));
        }
        return emit(c, OP_CALL, pushed + args->len + kws->len);
    }
    // Positional arguments as one tuple.
    if (pushed == 0 && args->len == 1 && args->items[0]->kind == AST_STARRED) {
        CHECK(expr(c, args->items[0]->u.starred.value));
    } else {
        uint32_t lead = 0;
        while (lead < args->len && args->items[lead]->kind != AST_STARRED) {
            CHECK(expr(c, args->items[lead]));
            lead++;
        }
        CHECK(emit(c, OP_BUILD_LIST, pushed + lead));
        for (uint32_t i = lead; i < args->len; i++) {
            const AstNode *a = args->items[i];
            if (a->kind == AST_STARRED) {
                CHECK(expr(c, a->u.starred.value));
                CHECK(emit(c, OP_LIST_EXTEND, 1));
            } else {
                CHECK(expr(c, a));
                CHECK(emit(c, OP_LIST_APPEND, 1));
            }
        }
        CHECK(emit(c, OP_LIST_TO_TUPLE, 0));
    }
    if (!kws->len) return emit(c, OP_CALL_FUNCTION_EX, 0);
    CHECK(emit(c, OP_BUILD_MAP, 0));
    for (uint32_t i = 0; i < kws->len; i++) {
        const AstNode *k = kws->items[i];
        if (k->u.keyword.arg.s) {
            CHECK(load_str(c, k->u.keyword.arg.s, k->u.keyword.arg.len));
            CHECK(expr(c, k->u.keyword.value));
            CHECK(emit(c, OP_BUILD_MAP, 1));
        } else {
            CHECK(expr(c, k->u.keyword.value));
        }
        CHECK(emit(c, OP_DICT_MERGE, 1));
    }
    return emit(c, OP_CALL_FUNCTION_EX, 1);
}

static bool call(Compiler *c, const AstNode *e) {
    const AstNode *f = e->u.call.func;
    const AstSeq *args = &e->u.call.args, *kws = &e->u.call.keywords;
    bool star = has_starred(args);
    for (uint32_t i = 0; i < kws->len; i++)
        if (!kws->items[i]->u.keyword.arg.s) star = true;
    if (f->kind == AST_ATTRIBUTE && !star) {
        CHECK(expr(c, f->u.attribute.value));
        CgLoc saved = c->u->loc;
        set_loc(c, f);
        CHECK(emit_name(c, OP_LOAD_METHOD, f->u.attribute.attr));
        c->u->loc = saved;
    } else {
        CHECK(emit(c, OP_PUSH_NULL, 0));
        CHECK(expr(c, f));
    }
    return call_args(c, 0, args, kws);
}

static bool joined_str(Compiler *c, const AstNode *e);

static bool formatted_value(Compiler *c, const AstNode *e) {
    CHECK(expr(c, e->u.formatted.value));
    uint32_t flags = FV_NONE;
    switch (e->u.formatted.conversion) {
    case 's': flags = FV_STR; break;
    case 'r': flags = FV_REPR; break;
    case 'a': flags = FV_ASCII; break;
    default: break;
    }
    if (e->u.formatted.format_spec) {
        CHECK(expr(c, e->u.formatted.format_spec));
        flags |= FV_SPEC;
    }
    return emit(c, OP_FORMAT_VALUE, flags);
}

static bool joined_str(Compiler *c, const AstNode *e) {
    const AstSeq *v = &e->u.joined.values;
    if (v->len == 0) return load_str(c, "", 0);
    for (uint32_t i = 0; i < v->len; i++) CHECK(expr(c, v->items[i]));
    if (v->len == 1 && v->items[0]->kind == AST_FORMATTED_VALUE) return true;
    if (v->len == 1) return true;
    return emit(c, OP_BUILD_STRING, v->len);
}

static bool slice_expr(Compiler *c, const AstNode *s) {
    int n = 2;
    if (s->u.slice.lower) CHECK(expr(c, s->u.slice.lower));
    else CHECK(load_const(c, NONE_VAL));
    if (s->u.slice.upper) CHECK(expr(c, s->u.slice.upper));
    else CHECK(load_const(c, NONE_VAL));
    if (s->u.slice.step) {
        CHECK(expr(c, s->u.slice.step));
        n = 3;
    }
    return emit(c, OP_BUILD_SLICE, (uint32_t)n);
}

static bool function_like(Compiler *c, const AstNode *node);
static bool comprehension(Compiler *c, const AstNode *e);

static bool expr_inner(Compiler *c, const AstNode *e) {
    switch (e->kind) {
    case AST_CONSTANT: {
        Value v;
        CHECK(const_value(c, &e->u.constant, &v));
        return load_const(c, v);
    }
    case AST_NAME: return nameop(c, e->u.name.id, e->u.name.ctx);
    case AST_BIN_OP:
        CHECK(expr(c, e->u.binop.left));
        CHECK(expr(c, e->u.binop.right));
        return emit(c, OP_BINARY_OP, (uint32_t)binop_of(e->u.binop.op));
    case AST_UNARY_OP: {
        const AstNode *o = e->u.unaryop.operand;
        // Fold -<number> so negative literals are constants, as CPython does.
        if (e->u.unaryop.op == UOP_USUB && o->kind == AST_CONSTANT &&
            ((o->u.constant.kind == CONST_INT && o->u.constant.is_small &&
              o->u.constant.ival != INT64_MIN) || o->u.constant.kind == CONST_FLOAT)) {
            Value v;
            if (o->u.constant.kind == CONST_INT) CHECK(int_from_i64(c->vm, -o->u.constant.ival, &v));
            else CHECK(float_new(c->vm, -o->u.constant.fval, &v));
            return load_const(c, v);
        }
        CHECK(expr(c, o));
        switch (e->u.unaryop.op) {
        case UOP_INVERT: return emit(c, OP_UNARY_INVERT, 0);
        case UOP_NOT: return emit(c, OP_UNARY_NOT, 0);
        case UOP_UADD: return emit(c, OP_UNARY_POSITIVE, 0);
        case UOP_USUB: return emit(c, OP_UNARY_NEGATIVE, 0);
        }
        return false;
    }
    case AST_BOOL_OP: {
        uint32_t end;
        CHECK(new_label(c, &end));
        int op = e->u.boolop.op == BOOL_AND ? OP_JUMP_IF_FALSE_OR_POP : OP_JUMP_IF_TRUE_OR_POP;
        const AstSeq *v = &e->u.boolop.values;
        for (uint32_t i = 0; i + 1 < v->len; i++) {
            CHECK(expr(c, v->items[i]));
            CHECK(emit_jump(c, op, end));
        }
        CHECK(expr(c, v->items[v->len - 1]));
        place(c, end);
        return true;
    }
    case AST_COMPARE: return compare(c, e);
    case AST_CALL: return call(c, e);
    case AST_ATTRIBUTE:
        CHECK(expr(c, e->u.attribute.value));
        set_loc(c, e);
        switch (e->u.attribute.ctx) {
        case CTX_LOAD: return emit_name(c, OP_LOAD_ATTR, e->u.attribute.attr);
        case CTX_STORE: return emit_name(c, OP_STORE_ATTR, e->u.attribute.attr);
        case CTX_DEL: return emit_name(c, OP_DELETE_ATTR, e->u.attribute.attr);
        }
        return false;
    case AST_SUBSCRIPT:
        CHECK(expr(c, e->u.subscript.value));
        CHECK(expr(c, e->u.subscript.slice));
        set_loc(c, e);
        switch (e->u.subscript.ctx) {
        case CTX_LOAD: return emit(c, OP_BINARY_SUBSCR, 0);
        case CTX_STORE: return emit(c, OP_STORE_SUBSCR, 0);
        case CTX_DEL: return emit(c, OP_DELETE_SUBSCR, 0);
        }
        return false;
    case AST_SLICE: return slice_expr(c, e);
    case AST_LIST: case AST_TUPLE:
        if (e->u.seq.ctx == CTX_STORE) {
            // Handled by assign_target; reaching here is a nested target.
            return rt_raise(c->vm, &SystemError_type, "unexpected store context");
        }
        return sequence(c, &e->u.seq.elts, e->kind);
    case AST_SET: return sequence(c, &e->u.seq.elts, AST_SET);
    case AST_DICT: return dict_display(c, e);
    case AST_IF_EXP: {
        uint32_t end, orelse;
        CHECK(new_label(c, &end) && new_label(c, &orelse));
        CHECK(jump_if(c, e->u.ifexp.test, orelse, false));
        CHECK(expr(c, e->u.ifexp.body));
        CHECK(emit_jump(c, OP_JUMP, end));
        place(c, orelse);
        CHECK(expr(c, e->u.ifexp.orelse));
        place(c, end);
        return true;
    }
    case AST_NAMED_EXPR:
        CHECK(expr(c, e->u.namedexpr.value));
        CHECK(emit(c, OP_COPY, 1));
        return nameop(c, e->u.namedexpr.target->u.name.id, CTX_STORE);
    case AST_JOINED_STR: return joined_str(c, e);
    case AST_FORMATTED_VALUE: return formatted_value(c, e);
    case AST_LAMBDA: return function_like(c, e);
    case AST_LIST_COMP: case AST_SET_COMP: case AST_DICT_COMP: case AST_GENERATOR_EXP:
        return comprehension(c, e);
    case AST_STARRED:
        return rt_raise(c->vm, &SystemError_type, "can't use starred expression here");
    case AST_YIELD:
        if (e->u.await_.value) CHECK(expr(c, e->u.await_.value));
        else CHECK(load_const(c, NONE_VAL));
        return emit(c, OP_YIELD_VALUE, 0);
    case AST_YIELD_FROM: case AST_AWAIT: {
        uint32_t send, exit, cleanup;
        CHECK(expr(c, e->u.await_.value));
        CHECK(emit(c, e->kind == AST_AWAIT ? OP_GET_AWAITABLE : OP_GET_YIELD_FROM_ITER, 0));
        CHECK(load_const(c, NONE_VAL));
        CHECK(new_label(c, &send) && new_label(c, &exit) && new_label(c, &cleanup));
        place(c, send);
        CHECK(emit_jump(c, OP_SEND, exit));
        int32_t saved = c->u->handler;
        CHECK(setup_handler(c, cleanup, -1));
        CHECK(emit(c, OP_YIELD_VALUE, 0));
        c->u->handler = saved;
        CHECK(emit_jump(c, OP_JUMP_BACKWARD, send));
        place(c, cleanup);
        CHECK(emit(c, OP_CLEANUP_THROW, 0));
        place(c, exit);
        return true;
    }
    default:
        return rt_raise(c->vm, &SystemError_type, "unexpected expression node %s", ast_kind_name(e->kind));
    }
}

static bool expr(Compiler *c, const AstNode *e) {
    CgLoc saved = c->u->loc;
    set_loc(c, e);
    bool ok = expr_inner(c, e);
    c->u->loc = saved;
    return ok;
}

// ------------------------------------------------------------ assignment targets

static bool assign_target(Compiler *c, const AstNode *t) {
    CgLoc saved = c->u->loc;
    set_loc(c, t);
    bool ok = true;
    switch (t->kind) {
    case AST_NAME:
        ok = nameop(c, t->u.name.id, CTX_STORE);
        break;
    case AST_ATTRIBUTE:
        ok = expr(c, t->u.attribute.value) && emit_name(c, OP_STORE_ATTR, t->u.attribute.attr);
        break;
    case AST_SUBSCRIPT:
        ok = expr(c, t->u.subscript.value) && expr(c, t->u.subscript.slice) &&
             emit(c, OP_STORE_SUBSCR, 0);
        break;
    case AST_LIST: case AST_TUPLE: {
        const AstSeq *elts = &t->u.seq.elts;
        int64_t star = -1;
        for (uint32_t i = 0; i < elts->len; i++)
            if (elts->items[i]->kind == AST_STARRED) star = i;
        if (star < 0) {
            ok = emit(c, OP_UNPACK_SEQUENCE, elts->len);
        } else {
            uint32_t before = (uint32_t)star, after = elts->len - (uint32_t)star - 1;
            ok = emit(c, OP_UNPACK_EX, before | (after << 8));
        }
        for (uint32_t i = 0; ok && i < elts->len; i++) {
            const AstNode *x = elts->items[i];
            ok = assign_target(c, x->kind == AST_STARRED ? x->u.starred.value : x);
        }
        break;
    }
    default:
        ok = rt_raise(c->vm, &SystemError_type, "bad assignment target");
    }
    c->u->loc = saved;
    return ok;
}

static bool delete_target(Compiler *c, const AstNode *t) {
    if (t->kind == AST_LIST || t->kind == AST_TUPLE) {
        for (uint32_t i = 0; i < t->u.seq.elts.len; i++) CHECK(delete_target(c, t->u.seq.elts.items[i]));
        return true;
    }
    return expr(c, t);
}

// ------------------------------------------------------------ functions, classes

// Loads the cells a child scope closes over and builds the closure tuple.
static bool make_closure(Compiler *c, SymScope *child, ObjCode *co, uint32_t flags) {
    if (child->nfreevars) {
        for (uint32_t i = 0; i < child->nfreevars; i++) {
            const char *n = child->freevars[i];
            SymRef r = sym_lookup_closure(c->u->scope, n, strlen(n));
            uint32_t idx = (uint32_t)r.index + (r.kind == SYM_FREE ? c->u->scope->ncellvars : 0);
            CHECK(emit(c, OP_LOAD_CLOSURE, idx));
        }
        CHECK(emit(c, OP_BUILD_TUPLE, child->nfreevars));
        flags |= MF_CLOSURE;
    }
    CHECK(load_const(c, OBJ_VAL(co)));
    return emit(c, OP_MAKE_FUNCTION, flags);
}

static bool is_docstring(const AstSeq *body) {
    if (!body->len) return false;
    const AstNode *s = body->items[0];
    return s->kind == AST_EXPR && s->u.expr.value->kind == AST_CONSTANT &&
           s->u.expr.value->u.constant.kind == CONST_STR;
}

static bool defaults(Compiler *c, const AstNode *args, uint32_t *flags) {
    const AstSeq *d = &args->u.arguments.defaults;
    if (d->len) {
        for (uint32_t i = 0; i < d->len; i++) CHECK(expr(c, d->items[i]));
        CHECK(emit(c, OP_BUILD_TUPLE, d->len));
        *flags |= MF_DEFAULTS;
    }
    const AstSeq *kw = &args->u.arguments.kwonlyargs, *kd = &args->u.arguments.kw_defaults;
    uint32_t n = 0;
    for (uint32_t i = 0; i < kw->len && i < kd->len; i++) {
        if (!kd->items[i]) continue;
        const AstIdent *id = &kw->items[i]->u.arg.arg;
        size_t ml;
        const char *m = mangle(c, id->s, id->len, &ml);
        CHECK(m);
        CHECK(load_str(c, m, ml));
        CHECK(expr(c, kd->items[i]));
        n++;
    }
    if (n) {
        CHECK(emit(c, OP_BUILD_MAP, n));
        *flags |= MF_KWDEFAULTS;
    }
    return true;
}

// def, async def, lambda: defaults, the body's code object, MAKE_FUNCTION.
static bool function_like(Compiler *c, const AstNode *node) {
    bool lambda = node->kind == AST_LAMBDA;
    const AstNode *args = lambda ? node->u.lambda.args : node->u.funcdef.args;
    uint32_t flags = 0;
    CHECK(defaults(c, args, &flags));
    SymScope *s = sym_scope_of(c->st, node);
    if (!s) return rt_raise(c->vm, &SystemError_type, "no scope for function");
    Unit u;
    CHECK(unit_enter(c, s, &u, node));
    bool ok = true;
    if (s->generator || s->coroutine) ok = emit(c, OP_RETURN_GENERATOR, 0) && emit(c, OP_POP_TOP, 0);
    if (lambda) {
        ok = ok && expr(c, node->u.lambda.body);
        if (ok && !(s->generator && !s->coroutine)) ok = emit(c, OP_RETURN_VALUE, 0);
        else if (ok) ok = emit(c, OP_POP_TOP, 0) && load_const(c, NONE_VAL) && emit(c, OP_RETURN_VALUE, 0);
    } else {
        const AstSeq *body = &node->u.funcdef.body;
        uint32_t start = 0;
        if (ok && is_docstring(body)) {
            Value doc;
            uint32_t k;
            const AstConst *dc = &body->items[0]->u.expr.value->u.constant;
            ok = str_const(c, dc->s, dc->len, &doc) && add_const(c, doc, &k);
            u.has_doc = true;
            start = 1;
        }
        for (uint32_t i = start; ok && i < body->len; i++) ok = stmt(c, body->items[i]);
        ok = ok && load_const(c, NONE_VAL) && emit(c, OP_RETURN_VALUE, 0);
    }
    ObjCode *co = ok ? unit_finish(c, node->line) : NULL;
    unit_leave(c, &u);
    CHECK(co);
    gc_push_root(c->vm, OBJ_VAL(co));
    ok = make_closure(c, s, co, flags);
    gc_pop_root(c->vm);
    return ok;
}

static bool decorators_then(Compiler *c, const AstSeq *decs) {
    for (uint32_t i = 0; i < decs->len; i++) {
        CHECK(emit(c, OP_PUSH_NULL, 0));
        CHECK(expr(c, decs->items[i]));
    }
    return true;
}

static bool apply_decorators(Compiler *c, const AstSeq *decs) {
    for (uint32_t i = decs->len; i-- > 0;) {
        CgLoc saved = c->u->loc;
        set_loc(c, decs->items[i]);
        bool ok = emit(c, OP_CALL, 1);
        c->u->loc = saved;
        CHECK(ok);
    }
    return true;
}

static bool funcdef(Compiler *c, const AstNode *s) {
    CHECK(decorators_then(c, &s->u.funcdef.decorators));
    CHECK(function_like(c, s));
    CHECK(apply_decorators(c, &s->u.funcdef.decorators));
    return nameop(c, s->u.funcdef.name, CTX_STORE);
}

static bool has_annotations(const AstSeq *body);

static bool classdef(Compiler *c, const AstNode *s) {
    CHECK(decorators_then(c, &s->u.classdef.decorators));
    SymScope *sc = sym_scope_of(c->st, s);
    if (!sc) return rt_raise(c->vm, &SystemError_type, "no scope for class");
    Unit u;
    CHECK(unit_enter(c, sc, &u, s));
    // __module__ = __name__; __qualname__ = 'Q'; docstring; body.
    bool ok = nameop_cstr(c, "__name__", CTX_LOAD) && nameop_cstr(c, "__module__", CTX_STORE) &&
              load_str(c, sc->qualname, strlen(sc->qualname)) &&
              nameop_cstr(c, "__qualname__", CTX_STORE);
    const AstSeq *body = &s->u.classdef.body;
    if (ok && has_annotations(body)) ok = emit(c, OP_SETUP_ANNOTATIONS, 0);
    uint32_t start = 0;
    if (ok && is_docstring(body)) {
        ok = expr(c, body->items[0]->u.expr.value) && nameop_cstr(c, "__doc__", CTX_STORE);
        start = 1;
    }
    for (uint32_t i = start; ok && i < body->len; i++) ok = stmt(c, body->items[i]);
    if (ok) {
        if (sc->needs_class_closure) {
            // Return the __class__ cell: __build_class__ fills it with the class.
            uint32_t idx = 0;
            for (; idx < sc->ncellvars; idx++)
                if (strcmp(sc->cellvars[idx], "__class__") == 0) break;
            ok = emit(c, OP_LOAD_CLOSURE, idx) && emit(c, OP_RETURN_VALUE, 0);
        } else {
            ok = load_const(c, NONE_VAL) && emit(c, OP_RETURN_VALUE, 0);
        }
    }
    ObjCode *co = ok ? unit_finish(c, s->line) : NULL;
    unit_leave(c, &u);
    CHECK(co);
    gc_push_root(c->vm, OBJ_VAL(co));
    ok = emit(c, OP_PUSH_NULL, 0) && emit(c, OP_LOAD_BUILD_CLASS, 0) && make_closure(c, sc, co, 0);
    gc_pop_root(c->vm);
    CHECK(ok);
    CHECK(load_str(c, s->u.classdef.name.s, s->u.classdef.name.len));
    CHECK(call_args(c, 2, &s->u.classdef.bases, &s->u.classdef.keywords));
    CHECK(apply_decorators(c, &s->u.classdef.decorators));
    return nameop(c, s->u.classdef.name, CTX_STORE);
}

// ------------------------------------------------------------ comprehensions

static bool comp_generator(Compiler *c, const AstNode *e, uint32_t gen_index, uint32_t depth) {
    const AstSeq *gens = &e->u.comp.generators;
    const AstNode *g = gens->items[gen_index];
    uint32_t start, cleanup, if_cleanup;
    CHECK(new_label(c, &start) && new_label(c, &cleanup) && new_label(c, &if_cleanup));
    if (gen_index == 0) {
        CHECK(emit(c, OP_LOAD_FAST, 0));   // the `.0` argument: an iterator already
    } else {
        CHECK(expr(c, g->u.comprehension.iter));
        CHECK(emit(c, OP_GET_ITER, 0));
    }
    place(c, start);
    CHECK(emit_jump(c, OP_FOR_ITER, cleanup));
    CHECK(assign_target(c, g->u.comprehension.target));
    for (uint32_t i = 0; i < g->u.comprehension.ifs.len; i++)
        CHECK(jump_if(c, g->u.comprehension.ifs.items[i], if_cleanup, false));
    depth++;
    if (gen_index + 1 < gens->len) {
        CHECK(comp_generator(c, e, gen_index + 1, depth));
    } else {
        switch (e->kind) {
        case AST_GENERATOR_EXP:
            CHECK(expr(c, e->u.comp.elt));
            CHECK(emit(c, OP_YIELD_VALUE, 0));
            CHECK(emit(c, OP_POP_TOP, 0));
            break;
        case AST_LIST_COMP:
            CHECK(expr(c, e->u.comp.elt));
            CHECK(emit(c, OP_LIST_APPEND, depth + 1));
            break;
        case AST_SET_COMP:
            CHECK(expr(c, e->u.comp.elt));
            CHECK(emit(c, OP_SET_ADD, depth + 1));
            break;
        default:   // DICT_COMP
            CHECK(expr(c, e->u.comp.elt));
            CHECK(expr(c, e->u.comp.value));
            CHECK(emit(c, OP_MAP_ADD, depth + 1));
            break;
        }
    }
    place(c, if_cleanup);
    CHECK(emit_jump(c, OP_JUMP_BACKWARD, start));
    place(c, cleanup);
    return true;
}

static bool comprehension(Compiler *c, const AstNode *e) {
    SymScope *s = sym_scope_of(c->st, e);
    if (!s) return rt_raise(c->vm, &SystemError_type, "no scope for comprehension");
    Unit u;
    CHECK(unit_enter(c, s, &u, e));
    bool ok = true;
    bool gen = e->kind == AST_GENERATOR_EXP;
    if (s->generator || s->coroutine) ok = emit(c, OP_RETURN_GENERATOR, 0) && emit(c, OP_POP_TOP, 0);
    if (ok && !gen)
        ok = emit(c, e->kind == AST_LIST_COMP ? OP_BUILD_LIST : e->kind == AST_SET_COMP ? OP_BUILD_SET
                                                                                      : OP_BUILD_MAP, 0);
    ok = ok && comp_generator(c, e, 0, 0);
    if (ok && gen) ok = load_const(c, NONE_VAL);
    ok = ok && emit(c, OP_RETURN_VALUE, 0);
    ObjCode *co = ok ? unit_finish(c, e->line) : NULL;
    unit_leave(c, &u);
    CHECK(co);
    gc_push_root(c->vm, OBJ_VAL(co));
    ok = emit(c, OP_PUSH_NULL, 0) && make_closure(c, s, co, 0);
    gc_pop_root(c->vm);
    CHECK(ok);
    const AstNode *g0 = e->u.comp.generators.items[0];
    CHECK(expr(c, g0->u.comprehension.iter));
    CHECK(emit(c, OP_GET_ITER, 0));
    return emit(c, OP_CALL, 1);
}

// ------------------------------------------------------------ statements

static bool loop_body(Compiler *c, const AstSeq *body, FBlock fb) {
    CHECK(push_fblock(c, fb));
    CHECK(stmts(c, body));
    pop_fblock(c);
    return true;
}

static bool while_stmt(Compiler *c, const AstNode *s) {
    uint32_t start, body, orelse, exit;
    CHECK(new_label(c, &start) && new_label(c, &body) && new_label(c, &orelse) && new_label(c, &exit));
    const AstNode *test = s->u.while_.test;
    bool always = test->kind == AST_CONSTANT &&
                  (test->u.constant.kind == CONST_TRUE ||
                   (test->u.constant.kind == CONST_INT && test->u.constant.is_small && test->u.constant.ival));
    place(c, start);
    if (!always) CHECK(jump_if(c, test, orelse, false));
    place(c, body);
    CHECK(loop_body(c, &s->u.while_.body, (FBlock){.type = FB_WHILE, .start = start, .exit = exit}));
    set_loc(c, s);
    c->u->loc.end_line = c->u->loc.line;
    CHECK(emit_jump(c, OP_JUMP_BACKWARD, start));
    place(c, orelse);
    CHECK(stmts(c, &s->u.while_.orelse));
    place(c, exit);
    return true;
}

static bool for_stmt(Compiler *c, const AstNode *s) {
    uint32_t start, cleanup, exit;
    CHECK(new_label(c, &start) && new_label(c, &cleanup) && new_label(c, &exit));
    CHECK(expr(c, s->u.for_.iter));
    CHECK(emit(c, OP_GET_ITER, 0));
    place(c, start);
    CHECK(emit_jump(c, OP_FOR_ITER, cleanup));
    CHECK(push_fblock(c, (FBlock){.type = FB_FOR, .start = start, .exit = exit}));
    CHECK(assign_target(c, s->u.for_.target));
    CHECK(stmts(c, &s->u.for_.body));
    pop_fblock(c);
    set_loc(c, s->u.for_.target);
    CHECK(emit_jump(c, OP_JUMP_BACKWARD, start));
    place(c, cleanup);
    CHECK(stmts(c, &s->u.for_.orelse));
    place(c, exit);
    return true;
}

static bool if_stmt(Compiler *c, const AstNode *s) {
    uint32_t end, next;
    CHECK(new_label(c, &end));
    if (s->u.while_.orelse.len) {
        CHECK(new_label(c, &next));
    } else {
        next = end;
    }
    CHECK(jump_if(c, s->u.while_.test, next, false));
    CHECK(stmts(c, &s->u.while_.body));
    if (s->u.while_.orelse.len) {
        CHECK(emit_jump(c, OP_JUMP, end));
        place(c, next);
        CHECK(stmts(c, &s->u.while_.orelse));
    }
    place(c, end);
    return true;
}

static bool return_stmt(Compiler *c, const AstNode *s) {
    if (s->u.ret.value) CHECK(expr(c, s->u.ret.value));
    else CHECK(load_const(c, NONE_VAL));
    CHECK(unwind_stack(c, true, NULL));
    set_loc(c, s);
    return emit(c, OP_RETURN_VALUE, 0);
}

static bool break_continue(Compiler *c, const AstNode *s, bool is_break) {
    FBlock *loop = NULL;
    int32_t saved = c->u->handler;
    CHECK(unwind_stack(c, false, &loop));
    if (!loop) return rt_raise(c->vm, &SystemError_type, "'break' outside loop");
    set_loc(c, s);
    if (is_break) {
        FBlock copy = *loop;
        int nfb = c->u->nfb;
        c->u->nfb = (int)(loop - c->u->fb);
        bool ok = unwind_fblock(c, &copy, false);
        c->u->nfb = nfb;
        CHECK(ok);
        CHECK(emit_jump(c, OP_JUMP, loop->exit));
    } else {
        CHECK(emit_jump(c, OP_JUMP_BACKWARD, loop->start));
    }
    c->u->handler = saved;
    return true;
}

// try: body / except...: handlers / else: orelse (no finally).
static bool try_except(Compiler *c, const AstNode *s) {
    uint32_t except, end, cleanup;
    CHECK(new_label(c, &except) && new_label(c, &end) && new_label(c, &cleanup));
    int32_t outer = c->u->handler;
    CHECK(setup_handler(c, except, 0));
    CHECK(push_fblock(c, (FBlock){.type = FB_TRY_EXCEPT}));
    c->u->fb[c->u->nfb - 1].outer_handler = outer;
    CHECK(stmts(c, &s->u.try_.body));
    pop_fblock(c);
    c->u->handler = outer;
    CHECK(stmts(c, &s->u.try_.orelse));
    CHECK(emit_jump(c, OP_JUMP, end));
    place(c, except);
    const AstSeq *hs = &s->u.try_.handlers;
    set_loc(c, hs->items[0]);
    CHECK(setup_handler(c, cleanup, 0));
    int32_t h_cleanup = c->u->handler;
    CHECK(emit(c, OP_PUSH_EXC_INFO, 0));
    CHECK(push_fblock(c, (FBlock){.type = FB_EXCEPTION_HANDLER}));
    c->u->fb[c->u->nfb - 1].outer_handler = outer;
    for (uint32_t i = 0; i < hs->len; i++) {
        const AstNode *h = hs->items[i];
        uint32_t next;
        CHECK(new_label(c, &next));
        set_loc(c, h);
        if (h->u.handler.type) {
            CHECK(expr(c, h->u.handler.type));
            CHECK(emit(c, OP_CHECK_EXC_MATCH, 0));
            CHECK(emit_jump(c, OP_POP_JUMP_IF_FALSE, next));
        }
        if (h->u.handler.name.s) {
            uint32_t cleanup_end, cleanup_body;
            CHECK(new_label(c, &cleanup_end) && new_label(c, &cleanup_body));
            CHECK(nameop(c, h->u.handler.name, CTX_STORE));
            CHECK(setup_handler(c, cleanup_end, 0));
            CHECK(push_fblock(c, (FBlock){.type = FB_HANDLER_CLEANUP, .name = &h->u.handler.name}));
            c->u->fb[c->u->nfb - 1].outer_handler = outer;
            CHECK(stmts(c, &h->u.handler.body));
            pop_fblock(c);
            c->u->handler = h_cleanup;
            c->u->handler = outer;
            CHECK(emit(c, OP_POP_EXCEPT, 0));
            CHECK(load_const(c, NONE_VAL) && nameop(c, h->u.handler.name, CTX_STORE) &&
                  nameop(c, h->u.handler.name, CTX_DEL));
            CHECK(emit_jump(c, OP_JUMP, end));
            // An exception in the handler body: unbind the name, re-raise.
            place(c, cleanup_end);
            c->u->handler = h_cleanup;
            CHECK(load_const(c, NONE_VAL) && nameop(c, h->u.handler.name, CTX_STORE) &&
                  nameop(c, h->u.handler.name, CTX_DEL));
            CHECK(emit(c, OP_RERAISE, 0));
        } else {
            CHECK(emit(c, OP_POP_TOP, 0));
            CHECK(push_fblock(c, (FBlock){.type = FB_HANDLER_CLEANUP}));
            c->u->fb[c->u->nfb - 1].outer_handler = outer;
            CHECK(stmts(c, &h->u.handler.body));
            pop_fblock(c);
            c->u->handler = outer;
            CHECK(emit(c, OP_POP_EXCEPT, 0));
            CHECK(emit_jump(c, OP_JUMP, end));
        }
        c->u->handler = h_cleanup;
        place(c, next);
    }
    pop_fblock(c);
    // No handler matched: re-raise, restoring the previously handled exception.
    CHECK(emit(c, OP_RERAISE, 0));
    c->u->handler = outer;
    place(c, cleanup);
    CHECK(emit(c, OP_SWAP, 2) && emit(c, OP_POP_EXCEPT, 0) && emit(c, OP_RERAISE, 0));
    place(c, end);
    return true;
}

static bool try_finally(Compiler *c, const AstNode *s) {
    uint32_t end, exit, cleanup;
    CHECK(new_label(c, &end) && new_label(c, &exit) && new_label(c, &cleanup));
    int32_t outer = c->u->handler;
    CHECK(setup_handler(c, end, 0));
    CHECK(push_fblock(c, (FBlock){.type = FB_FINALLY_TRY, .final = &s->u.try_.finalbody}));
    c->u->fb[c->u->nfb - 1].outer_handler = outer;
    if (s->u.try_.handlers.len) CHECK(try_except(c, s));
    else CHECK(stmts(c, &s->u.try_.body));
    pop_fblock(c);
    c->u->handler = outer;
    CHECK(stmts(c, &s->u.try_.finalbody));
    CHECK(emit_jump(c, OP_JUMP, exit));
    // The exceptional path: run the finally body with the exception handled.
    place(c, end);
    CHECK(setup_handler(c, cleanup, 0));
    CHECK(emit(c, OP_PUSH_EXC_INFO, 0));
    CHECK(push_fblock(c, (FBlock){.type = FB_FINALLY_END}));
    c->u->fb[c->u->nfb - 1].outer_handler = outer;
    CHECK(stmts(c, &s->u.try_.finalbody));
    pop_fblock(c);
    CHECK(emit(c, OP_RERAISE, 0));
    c->u->handler = outer;
    place(c, cleanup);
    CHECK(emit(c, OP_SWAP, 2) && emit(c, OP_POP_EXCEPT, 0) && emit(c, OP_RERAISE, 0));
    place(c, exit);
    return true;
}

static bool with_items(Compiler *c, const AstNode *s, uint32_t i) {
    const AstNode *item = s->u.with.items.items[i];
    uint32_t final, exit, cleanup, suppress;
    CHECK(new_label(c, &final) && new_label(c, &exit) && new_label(c, &cleanup) && new_label(c, &suppress));
    CHECK(expr(c, item->u.withitem.context_expr));
    set_loc(c, s);
    CHECK(emit(c, OP_BEFORE_WITH, 0));
    int32_t outer = c->u->handler;
    CHECK(setup_handler(c, final, -1));
    CHECK(push_fblock(c, (FBlock){.type = FB_WITH}));
    c->u->fb[c->u->nfb - 1].outer_handler = outer;
    if (item->u.withitem.optional_vars) CHECK(assign_target(c, item->u.withitem.optional_vars));
    else CHECK(emit(c, OP_POP_TOP, 0));
    if (i + 1 < s->u.with.items.len) CHECK(with_items(c, s, i + 1));
    else CHECK(stmts(c, &s->u.with.body));
    pop_fblock(c);
    c->u->handler = outer;
    set_loc(c, s);
    CHECK(call_exit_with_nones(c) && emit(c, OP_POP_TOP, 0));
    CHECK(emit_jump(c, OP_JUMP, exit));
    // Exception in the body: [exit, exc] -> __exit__(type, exc, tb).
    place(c, final);
    CHECK(setup_handler(c, cleanup, 0));
    CHECK(emit(c, OP_PUSH_EXC_INFO, 0));
    CHECK(emit(c, OP_WITH_EXCEPT_START, 0));
    CHECK(emit_jump(c, OP_POP_JUMP_IF_TRUE, suppress));
    CHECK(emit(c, OP_RERAISE, 0));
    place(c, suppress);
    CHECK(emit(c, OP_POP_TOP, 0) && emit(c, OP_POP_EXCEPT, 0) && emit(c, OP_POP_TOP, 0));
    c->u->handler = outer;
    CHECK(emit_jump(c, OP_JUMP, exit));
    place(c, cleanup);
    CHECK(emit(c, OP_SWAP, 2) && emit(c, OP_POP_EXCEPT, 0) && emit(c, OP_RERAISE, 0));
    place(c, exit);
    return true;
}

static bool import_stmt(Compiler *c, const AstNode *s) {
    const AstSeq *names = &s->u.import.names;
    for (uint32_t i = 0; i < names->len; i++) {
        const AstNode *a = names->items[i];
        CHECK(load_const(c, INT_VAL(0)) && load_const(c, NONE_VAL));
        CHECK(emit_name(c, OP_IMPORT_NAME, a->u.alias.name));
        if (a->u.alias.asname.s) {
            // `import a.b.c as d` binds the innermost module.
            const char *n = a->u.alias.name.s, *dot;
            while ((dot = strchr(n, '.'))) {
                n = dot + 1;
                const char *next = strchr(n, '.');
                size_t len = next ? (size_t)(next - n) : strlen(n);
                uint32_t k;
                CHECK(add_name_str(c, n, len, &k));
                CHECK(emit(c, OP_IMPORT_FROM, k) && emit(c, OP_SWAP, 2) && emit(c, OP_POP_TOP, 0));
            }
            CHECK(nameop(c, a->u.alias.asname, CTX_STORE));
        } else {
            const char *dot = strchr(a->u.alias.name.s, '.');
            AstIdent top = a->u.alias.name;
            if (dot) top.len = (uint32_t)(dot - top.s);
            char *t = arena_strndup(c->arena, top.s, top.len);
            if (!t) return nomem(c);
            top.s = t;
            CHECK(nameop(c, top, CTX_STORE));
        }
    }
    return true;
}

static bool import_from(Compiler *c, const AstNode *s) {
    const AstSeq *names = &s->u.importfrom.names;
    CHECK(load_const(c, INT_VAL(s->u.importfrom.level)));
    Value fromlist;
    CHECK(names_tuple(c, names, false, &fromlist));
    CHECK(load_const(c, fromlist));
    AstIdent mod = s->u.importfrom.module;
    if (!mod.s) mod = (AstIdent){"", 0};
    uint32_t k;
    CHECK(add_name_str(c, mod.s, mod.len, &k));
    CHECK(emit(c, OP_IMPORT_NAME, k));
    if (names->len == 1 && names->items[0]->u.alias.name.len == 1 &&
        names->items[0]->u.alias.name.s[0] == '*')
        return emit(c, OP_IMPORT_STAR, 0);
    for (uint32_t i = 0; i < names->len; i++) {
        const AstNode *a = names->items[i];
        CHECK(add_name_str(c, a->u.alias.name.s, a->u.alias.name.len, &k));
        CHECK(emit(c, OP_IMPORT_FROM, k));
        CHECK(nameop(c, a->u.alias.asname.s ? a->u.alias.asname : a->u.alias.name, CTX_STORE));
    }
    return emit(c, OP_POP_TOP, 0);
}

static bool aug_assign(Compiler *c, const AstNode *s) {
    const AstNode *t = s->u.augassign.target;
    uint32_t op = (uint32_t)binop_of(s->u.augassign.op) | BINOP_INPLACE;
    switch (t->kind) {
    case AST_NAME:
        CHECK(nameop(c, t->u.name.id, CTX_LOAD));
        CHECK(expr(c, s->u.augassign.value));
        set_loc(c, s);
        CHECK(emit(c, OP_BINARY_OP, op));
        return nameop(c, t->u.name.id, CTX_STORE);
    case AST_ATTRIBUTE:
        CHECK(expr(c, t->u.attribute.value));
        set_loc(c, t);
        CHECK(emit(c, OP_COPY, 1));
        CHECK(emit_name(c, OP_LOAD_ATTR, t->u.attribute.attr));
        CHECK(expr(c, s->u.augassign.value));
        set_loc(c, s);
        CHECK(emit(c, OP_BINARY_OP, op));
        set_loc(c, t);
        CHECK(emit(c, OP_SWAP, 2));
        return emit_name(c, OP_STORE_ATTR, t->u.attribute.attr);
    case AST_SUBSCRIPT:
        CHECK(expr(c, t->u.subscript.value));
        CHECK(expr(c, t->u.subscript.slice));
        set_loc(c, t);
        CHECK(emit(c, OP_COPY, 2) && emit(c, OP_COPY, 2) && emit(c, OP_BINARY_SUBSCR, 0));
        CHECK(expr(c, s->u.augassign.value));
        set_loc(c, s);
        CHECK(emit(c, OP_BINARY_OP, op));
        set_loc(c, t);
        CHECK(emit(c, OP_SWAP, 3) && emit(c, OP_SWAP, 2));
        return emit(c, OP_STORE_SUBSCR, 0);
    default:
        return rt_raise(c->vm, &SystemError_type, "bad augmented assignment target");
    }
}

static bool ann_assign(Compiler *c, const AstNode *s) {
    const AstNode *t = s->u.annassign.target;
    if (s->u.annassign.value) {
        CHECK(expr(c, s->u.annassign.value));
        CHECK(assign_target(c, t));
    }
    // Module and class level simple names: __annotations__[name] = annotation.
    SymScope *sc = c->u->scope;
    if (t->kind == AST_NAME && s->u.annassign.simple && !sym_is_function(sc) &&
        !(c->st->future & SYM_FUTURE_ANNOTATIONS)) {
        CHECK(expr(c, s->u.annassign.annotation));
        CHECK(nameop_cstr(c, "__annotations__", CTX_LOAD));
        size_t ml;
        const char *m = mangle(c, t->u.name.id.s, t->u.name.id.len, &ml);
        CHECK(m);
        CHECK(load_str(c, m, ml));
        CHECK(emit(c, OP_STORE_SUBSCR, 0));
    }
    return true;
}

static bool stmt_inner(Compiler *c, const AstNode *s) {
    switch (s->kind) {
    case AST_FUNCTION_DEF: case AST_ASYNC_FUNCTION_DEF: return funcdef(c, s);
    case AST_CLASS_DEF: return classdef(c, s);
    case AST_RETURN: return return_stmt(c, s);
    case AST_DELETE:
        for (uint32_t i = 0; i < s->u.del.targets.len; i++) CHECK(delete_target(c, s->u.del.targets.items[i]));
        return true;
    case AST_ASSIGN: {
        const AstSeq *ts = &s->u.assign.targets;
        CHECK(expr(c, s->u.assign.value));
        for (uint32_t i = 0; i < ts->len; i++) {
            if (i + 1 < ts->len) CHECK(emit(c, OP_COPY, 1));
            CHECK(assign_target(c, ts->items[i]));
        }
        return true;
    }
    case AST_AUG_ASSIGN: return aug_assign(c, s);
    case AST_ANN_ASSIGN: return ann_assign(c, s);
    case AST_FOR: return for_stmt(c, s);
    case AST_WHILE: return while_stmt(c, s);
    case AST_IF: return if_stmt(c, s);
    case AST_WITH: return with_items(c, s, 0);
    case AST_RAISE: {
        uint32_t n = 0;
        if (s->u.raise.exc) {
            CHECK(expr(c, s->u.raise.exc));
            n = 1;
            if (s->u.raise.cause) {
                CHECK(expr(c, s->u.raise.cause));
                n = 2;
            }
        }
        set_loc(c, s);
        return emit(c, OP_RAISE_VARARGS, n);
    }
    case AST_TRY:
        if (s->u.try_.finalbody.len) return try_finally(c, s);
        return try_except(c, s);
    case AST_ASSERT: {
        uint32_t end;
        CHECK(new_label(c, &end));
        CHECK(jump_if(c, s->u.assert_.test, end, true));
        set_loc(c, s->u.assert_.test);
        if (s->u.assert_.msg) {
            CHECK(emit(c, OP_PUSH_NULL, 0) && emit(c, OP_LOAD_ASSERTION_ERROR, 0));
            CHECK(expr(c, s->u.assert_.msg));
            CHECK(emit(c, OP_CALL, 1));
        } else {
            CHECK(emit(c, OP_LOAD_ASSERTION_ERROR, 0));
        }
        CHECK(emit(c, OP_RAISE_VARARGS, 1));
        place(c, end);
        return true;
    }
    case AST_IMPORT: return import_stmt(c, s);
    case AST_IMPORT_FROM: return import_from(c, s);
    case AST_GLOBAL: case AST_NONLOCAL: case AST_PASS: return true;
    case AST_EXPR: {
        const AstNode *v = s->u.expr.value;
        if ((c->flags & CG_INTERACTIVE) && c->u->scope->type == SYM_SCOPE_MODULE) {
            CHECK(expr(c, v));
            return emit(c, OP_PRINT_EXPR, 0);
        }
        if (v->kind == AST_CONSTANT) return true;   // docstrings and `...` do nothing
        CHECK(expr(c, v));
        return emit(c, OP_POP_TOP, 0);
    }
    case AST_BREAK: return break_continue(c, s, true);
    case AST_CONTINUE: return break_continue(c, s, false);
    case AST_ASYNC_FOR: case AST_ASYNC_WITH: {
        // Not generated yet (issue 4): the program compiles, and reaching
        // the statement raises NotImplementedError naming it.
        Value msg;
        const char *what = s->kind == AST_ASYNC_FOR ? "'async for' is not supported yet"
                                                    : "'async with' is not supported yet";
        CHECK(str_const(c, what, strlen(what), &msg));
        CHECK(emit(c, OP_PUSH_NULL, 0) && load_const(c, OBJ_VAL(&NotImplementedError_type)));
        CHECK(load_const(c, msg) && emit(c, OP_CALL, 1));
        return emit(c, OP_RAISE_VARARGS, 1);
    }
    default:
        return rt_raise(c->vm, &SystemError_type, "unexpected statement node %s", ast_kind_name(s->kind));
    }
}

static bool stmt(Compiler *c, const AstNode *s) {
    set_loc(c, s);
    return stmt_inner(c, s);
}

static bool stmts(Compiler *c, const AstSeq *body) {
    for (uint32_t i = 0; i < body->len; i++) CHECK(stmt(c, body->items[i]));
    return true;
}

// Whether a module or class body has annotated simple names (CPython's
// find_ann: recursion into compound statements, not into defs/classes).
static bool has_annotations(const AstSeq *body) {
    for (uint32_t i = 0; i < body->len; i++) {
        const AstNode *s = body->items[i];
        switch (s->kind) {
        case AST_ANN_ASSIGN: return true;
        case AST_FOR: case AST_ASYNC_FOR:
            if (has_annotations(&s->u.for_.body) || has_annotations(&s->u.for_.orelse)) return true;
            break;
        case AST_WHILE: case AST_IF:
            if (has_annotations(&s->u.while_.body) || has_annotations(&s->u.while_.orelse)) return true;
            break;
        case AST_WITH: case AST_ASYNC_WITH:
            if (has_annotations(&s->u.with.body)) return true;
            break;
        case AST_TRY:
            if (has_annotations(&s->u.try_.body) || has_annotations(&s->u.try_.orelse) ||
                has_annotations(&s->u.try_.finalbody))
                return true;
            for (uint32_t k = 0; k < s->u.try_.handlers.len; k++)
                if (has_annotations(&s->u.try_.handlers.items[k]->u.handler.body)) return true;
            break;
        default: break;
        }
    }
    return false;
}

// ------------------------------------------------------------ entry

ObjCode *cg_compile(Vm *vm, const AstNode *root, const char *filename, unsigned flags, Diag *d) {
    Arena arena;
    arena_init(&arena);
    SymTable *st;
    unsigned sflags = (flags & CG_TOPLEVEL_AWAIT) ? SYM_FLAG_TOPLEVEL_AWAIT : 0;
    if (!sym_analyze(root, &arena, sflags, &st, d)) {
        arena_free(&arena);
        return NULL;
    }
    Compiler c = {vm, st, &arena, filename, VAL_NULL, flags, NULL};
    ObjStr *fn = str_from_cstr(vm, filename);
    if (!fn) {
        arena_free(&arena);
        return NULL;
    }
    c.filename_str = OBJ_VAL(fn);
    size_t mark = gc_roots_mark(vm);
    gc_push_root(vm, c.filename_str);
    Unit u;
    ObjCode *co = NULL;
    if (unit_enter(&c, st->top, &u, NULL)) {
        bool ok = true;
        const AstSeq *body = NULL;
        if (root->kind == AST_EXPRESSION) {
            ok = expr(&c, root->u.expression.body) && emit(&c, OP_RETURN_VALUE, 0);
        } else {
            body = &root->u.module.body;
            if (has_annotations(body)) ok = emit(&c, OP_SETUP_ANNOTATIONS, 0);
            uint32_t start = 0;
            if (ok && root->kind == AST_MODULE && is_docstring(body)) {
                set_loc(&c, body->items[0]);
                ok = expr(&c, body->items[0]->u.expr.value) && nameop_cstr(&c, "__doc__", CTX_STORE);
                start = 1;
            }
            for (uint32_t i = start; ok && i < body->len; i++) ok = stmt(&c, body->items[i]);
            ok = ok && load_const(&c, NONE_VAL) && emit(&c, OP_RETURN_VALUE, 0);
        }
        if (ok) co = unit_finish(&c, 1);
        unit_leave(&c, &u);
    }
    gc_roots_reset(vm, mark);
    arena_free(&arena);
    return co;
}
