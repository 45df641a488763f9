// Symbol tables, after CPython 3.11's Python/symtable.c and Python/future.c:
// the `from __future__` scan, the fact-gathering walk, and the analysis that
// gives every name its binding. The codegen-order checks are in symcheck.c.
//
// Invariants:
//  * Scopes are created in CPython's visiting order, so SymTable.scopes is a
//    pre-order of the scope tree; the analysis is one loop over it (no
//    recursion), and its errors come out in CPython's order: a scope's own
//    names (in first-seen order) before its children's.
//  * Names are stored mangled (`__x` in class C is `_C__x`), like CPython's
//    ste_symbols; errors raised while walking quote the name as written,
//    errors raised by the analysis quote the mangled name, as CPython does.
//  * The walk keeps going after the first error (only the first is kept), so
//    a subtree deeper than SYM_MAX_DEPTH is still found: CPython's AST
//    optimiser raises that RecursionError before the symtable runs.
//  * SymName pointers are invalidated when their scope grows: nothing holds
//    one across an insertion into the same scope.
#include "vm/symtable.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "util/fnv.h"
#include "vm/symtable_int.h"

// ------------------------------------------------------------------ names

// An identifier as stored: "_" + [cls] + [s] when mangled (clen > 0), else [s].
typedef struct NameKey {
    const char *cls;
    size_t clen;
    const char *s;
    size_t len;
    uint32_t hash;
} NameKey;


// CPython's _Py_Mangle, without building the string: `__x` (not `__x__`,
// not dotted) in a class whose name is not all underscores. [hash] is
// fnv32(FNV32_SEED, s, len) when the caller has it (an AstIdent's), else 0; it
// is the key's hash unless the name is mangled.
static NameKey make_key_h(const char *priv, const char *s, size_t len, uint32_t hash) {
    NameKey k = {NULL, 0, s, len, 0};
    if (priv && len >= 2 && s[0] == '_' && s[1] == '_' &&
        !(s[len - 1] == '_' && s[len - 2] == '_') && !memchr(s, '.', len)) {
        while (*priv == '_') priv++;
        if (*priv) {
            k.cls = priv;
            k.clen = strlen(priv);
        }
    }
    uint32_t h = FNV32_SEED;
    if (k.clen) {
        h = fnv32(h, "_", 1);
        h = fnv32(h, k.cls, k.clen);
    } else if (hash) {
        k.hash = hash;
        return k;
    }
    k.hash = fnv32(h, s, len);
    return k;
}

static NameKey make_key(const char *priv, const char *s, size_t len) {
    return make_key_h(priv, s, len, 0);
}

static NameKey ident_key(const char *priv, AstIdent id) {
    return make_key_h(priv, id.s, id.len, id.hash);
}

static size_t key_len(const NameKey *k) { return k->clen ? 1 + k->clen + k->len : k->len; }

static bool key_eq(const SymName *e, const NameKey *k) {
    if (e->hash != k->hash || e->len != key_len(k)) return false;
    if (!k->clen) return memcmp(e->name, k->s, k->len) == 0;
    return e->name[0] == '_' && memcmp(e->name + 1, k->cls, k->clen) == 0 &&
           memcmp(e->name + 1 + k->clen, k->s, k->len) == 0;
}

static SymName *find_key(const SymScope *s, const NameKey *k) {
    if (!s->nslots) return NULL;
    uint32_t mask = s->nslots - 1;
    for (uint32_t i = k->hash & mask;; i = (i + 1) & mask) {
        uint32_t v = s->slots[i];
        if (!v) return NULL;
        if (key_eq(&s->names[v - 1], k)) return &s->names[v - 1];
    }
}

// Grows an arena array to hold [need] elements (doubling; the old block is
// left to the arena, which costs at most the final size again). The new
// tail is not zeroed: every user writes an element before counting it.
static bool grow(Arena *a, void **arr, uint32_t *cap, size_t elem, uint32_t need) {
    if (need <= *cap) return true;
    uint32_t ncap = *cap ? *cap : 4;
    while (ncap < need) {
        if (ncap > UINT32_MAX / 2) return false;
        ncap *= 2;
    }
    if ((size_t)ncap > SIZE_MAX / elem) return false;
    void *p = arena_alloc(a, (size_t)ncap * elem);
    if (!p) return false;
    if (*cap) memcpy(p, *arr, (size_t)*cap * elem);
    *arr = p;
    *cap = ncap;
    return true;
}

static bool rehash(Arena *a, SymScope *s) {
    uint32_t n = s->nslots ? s->nslots * 2 : 16;
    uint32_t *slots = arena_calloc(a, n, sizeof *slots);
    if (!slots) return false;
    for (uint32_t i = 0; i < s->nnames; i++) {
        uint32_t j = s->names[i].hash & (n - 1);
        while (slots[j]) j = (j + 1) & (n - 1);
        slots[j] = i + 1;
    }
    s->slots = slots;
    s->nslots = n;
    return true;
}

static SymName *add_key(Arena *a, SymScope *s, const NameKey *k) {
    if (!grow(a, (void **)&s->names, &s->names_cap, sizeof(SymName), s->nnames + 1)) return NULL;
    if ((s->nnames + 1) * 2 > s->nslots && !rehash(a, s)) return NULL;
    size_t len = key_len(k);
    char *str = arena_alloc(a, len + 1);
    if (!str) return NULL;
    if (k->clen) {
        str[0] = '_';
        memcpy(str + 1, k->cls, k->clen);
        memcpy(str + 1 + k->clen, k->s, k->len);
    } else {
        memcpy(str, k->s, k->len);
    }
    str[len] = '\0';
    SymName *e = &s->names[s->nnames];
    memset(e, 0, sizeof *e);
    e->name = str;
    e->len = (uint32_t)len;
    e->hash = k->hash;
    e->index = -1;
    uint32_t mask = s->nslots - 1, j = k->hash & mask;
    while (s->slots[j]) j = (j + 1) & mask;
    s->slots[j] = ++s->nnames;
    return e;
}

SymName *sym_entry(const SymScope *s, const char *name, size_t len) {
    NameKey k = make_key(s->private_name, name, len);
    return find_key(s, &k);
}

SymName *sym_entry_ident(const SymScope *s, AstIdent id) {
    NameKey k = ident_key(s->private_name, id);
    return find_key(s, &k);
}

const SymName *sym_find(const SymScope *s, const char *name, size_t len) {
    return sym_entry(s, name, len);
}

const char *sym_mangle(Arena *a, const char *private_name, const char *name, size_t len,
                       size_t *out_len) {
    NameKey k = make_key(private_name, name, len);
    *out_len = key_len(&k);
    if (!k.clen) return name;
    char *s = arena_alloc(a, *out_len + 1);
    if (!s) return NULL;
    s[0] = '_';
    memcpy(s + 1, k.cls, k.clen);
    memcpy(s + 1 + k.clen, name, len);
    s[*out_len] = '\0';
    return s;
}

bool sym_add_varname(Arena *a, SymScope *s, SymName *e) {
    if (!grow(a, (void **)&s->varnames, &s->varnames_cap, sizeof(char *), s->nvarnames + 1))
        return false;
    e->index = (int32_t)s->nvarnames;
    s->varnames[s->nvarnames++] = e->name;
    return true;
}

// ------------------------------------------------------------ node map

static uint32_t ptr_hash(const void *p) {
    uintptr_t v = (uintptr_t)p;
    v ^= v >> 17;
    v *= 0x9E3779B1u;
    return (uint32_t)(v ^ (v >> 15));
}

static bool map_put(Arena *a, SymTable *st, const AstNode *node, SymScope *s) {
    if ((st->nscopes + 1) * 2 > st->map_cap) {
        uint32_t n = st->map_cap ? st->map_cap * 2 : 16;
        const AstNode **keys = arena_calloc(a, n, sizeof *keys);
        SymScope **vals = arena_calloc(a, n, sizeof *vals);
        if (!keys || !vals) return false;
        for (uint32_t i = 0; i < st->map_cap; i++) {
            if (!st->map_keys[i]) continue;
            uint32_t j = ptr_hash(st->map_keys[i]) & (n - 1);
            while (keys[j]) j = (j + 1) & (n - 1);
            keys[j] = st->map_keys[i];
            vals[j] = st->map_vals[i];
        }
        st->map_keys = keys;
        st->map_vals = vals;
        st->map_cap = n;
    }
    uint32_t mask = st->map_cap - 1, j = ptr_hash(node) & mask;
    while (st->map_keys[j]) j = (j + 1) & mask;
    st->map_keys[j] = node;
    st->map_vals[j] = s;
    return true;
}

SymScope *sym_scope_of(const SymTable *st, const AstNode *node) {
    if (!st->map_cap || !node) return NULL;
    uint32_t mask = st->map_cap - 1;
    for (uint32_t j = ptr_hash(node) & mask; st->map_keys[j]; j = (j + 1) & mask)
        if (st->map_keys[j] == node) return st->map_vals[j];
    return NULL;
}

// ------------------------------------------------------------ lookups

static SymRef lookup(const SymScope *s, const SymName *e) {
    SymRef r = {SYM_NAME, -1};
    bool fn = sym_is_function(s);
    switch (e ? e->binding : SYM_BIND_NONE) {
    case SYM_BIND_FREE: r.kind = SYM_FREE; r.index = e->index; break;
    case SYM_BIND_CELL: r.kind = SYM_CELL; r.index = e->index; break;
    case SYM_BIND_LOCAL:
        if (fn) {
            r.kind = SYM_LOCAL_FAST;
            r.index = e->index;
        }
        break;
    case SYM_BIND_GLOBAL_IMPLICIT:
        if (fn) r.kind = SYM_GLOBAL_IMPLICIT;
        break;
    case SYM_BIND_GLOBAL_EXPLICIT: r.kind = SYM_GLOBAL_EXPLICIT; break;
    case SYM_BIND_NONE: break;
    }
    return r;
}

SymRef sym_lookup(const SymScope *s, const char *name, size_t len) {
    return lookup(s, sym_find(s, name, len));
}

SymRef sym_lookup_ident(const SymScope *s, AstIdent id) {
    return lookup(s, sym_entry_ident(s, id));
}

SymRef sym_lookup_closure(const SymScope *s, const char *mangled, size_t len) {
    SymRef r = {SYM_FREE, -1};
    if (s->type == SYM_SCOPE_CLASS && len == 9 && memcmp(mangled, "__class__", 9) == 0) {
        r.kind = SYM_CELL;
        r.index = 0;
        return r;
    }
    NameKey k = make_key(NULL, mangled, len);
    const SymName *e = find_key(s, &k);
    if (!e) return r;
    if (e->binding == SYM_BIND_CELL) r.kind = SYM_CELL;
    // FREE names, and class names also free in a method (DEF_FREE_CLASS),
    // keep their freevars slot in [index].
    if (e->binding == SYM_BIND_CELL || e->binding == SYM_BIND_FREE ||
        (e->flags & SYM_DEF_FREE_CLASS))
        r.index = e->index;
    return r;
}

unsigned sym_code_flags(const SymTable *st, const SymScope *s) {
    unsigned f = 0;
    if (sym_is_function(s)) {
        f |= SYM_CO_OPTIMIZED | SYM_CO_NEWLOCALS;
        if (s->nested) f |= SYM_CO_NESTED;
        if (s->generator && !s->coroutine) f |= SYM_CO_GENERATOR;
        if (!s->generator && s->coroutine) f |= SYM_CO_COROUTINE;
        if (s->generator && s->coroutine) f |= SYM_CO_ASYNC_GENERATOR;
        if (s->varargs) f |= SYM_CO_VARARGS;
        if (s->varkeywords) f |= SYM_CO_VARKEYWORDS;
    } else if (s->type == SYM_SCOPE_MODULE && (st->flags & SYM_FLAG_TOPLEVEL_AWAIT) &&
               s->coroutine && !s->generator) {
        f |= SYM_CO_COROUTINE;
    }
    return f;
}

// ------------------------------------------------------------ the walk

typedef struct Builder {
    Arena *a;
    Arena *top_a;       // for the module scope's names (SymTable.keep when streaming)
    SymTable *st;
    SymScope *cur;
    const char *priv;   // CPython's st_private: the innermost class name
    unsigned depth;
    bool too_deep, oom;
    Diag err;           // first error; later ones are ignored
} Builder;

static void fail(Builder *b, const AstNode *at, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void fail(Builder *b, const AstNode *at, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    diag_vset(&b->err, DIAG_SYNTAX, at->line, at->col, at->end_line, at->end_col, fmt, ap);
    va_end(ap);
}

static bool is_comprehension(const SymScope *s) {
    return s->type >= SYM_SCOPE_LISTCOMP && s->type <= SYM_SCOPE_GENEXP;
}

static SymScope *enter_scope(Builder *b, SymScopeType type, const AstNode *node,
                             const char *name, int line) {
    if (b->oom) return NULL;
    SymScope *s = arena_calloc(b->a, 1, sizeof *s);
    if (!s) goto oom;
    SymScope *p = b->cur;
    s->type = type;
    s->node = node;
    s->parent = p;
    s->name = name;
    s->line = line;
    s->private_name = b->priv;
    s->nested = p && (p->nested || sym_is_function(p));
    s->comp_iter_expr = p ? p->comp_iter_expr : 0;
    // A scope inside an annotation block (only with future annotations) is
    // analysed by nobody, as in CPython: it is never linked into the table.
    s->detached = type == SYM_SCOPE_ANNOTATION || (p && p->detached);
    if (!s->detached) {
        SymTable *st = b->st;
        if (p) {
            if (!grow(b->a, (void **)&p->children, &p->children_cap, sizeof(SymScope *),
                      p->nchildren + 1))
                goto oom;
            p->children[p->nchildren++] = s;
        }
        if (!grow(b->a, (void **)&st->scopes, &st->scopes_cap, sizeof(SymScope *),
                  st->nscopes + 1))
            goto oom;
        if (!map_put(b->a, st, node, s)) goto oom;
        s->id = st->nscopes;
        st->scopes[st->nscopes++] = s;
    }
    b->cur = s;
    return s;
oom:
    b->oom = true;
    return NULL;
}

static void exit_scope(Builder *b) { b->cur = b->cur->parent; }

// Streaming: a module name analysed in an earlier batch, whose code is
// already generated, keeps its binding through plain uses and bindings
// (module code accesses it by name either way). Declared global now, it
// is listed for patching; declared nonlocal, the batch is refused.
static void note_top_flags(Builder *b, uint32_t index, uint32_t flags) {
    SymTable *st = b->st;
    SymName *e = &st->top->names[index];
    uint32_t gained = flags & ~e->flags;
    if (index >= st->top_frozen || !(gained & (SYM_DEF_GLOBAL | SYM_DEF_NONLOCAL))) return;
    if (flags & SYM_DEF_NONLOCAL) {
        st->top_conflict = true;
        return;
    }
    if (e->binding == SYM_BIND_GLOBAL_EXPLICIT) return;
    if (!grow(b->a, (void **)&st->new_globals, &st->new_globals_cap, sizeof(uint32_t),
              st->nnew_globals + 1)) {
        b->oom = true;
        return;
    }
    st->new_globals[st->nnew_globals++] = index;
}

// CPython's symtable_add_def_helper: records [flag] for [name] in [ste].
// [hash]: as for make_key_h.
static bool add_def_in(Builder *b, const char *name, size_t len, uint32_t hash, uint32_t flag,
                       SymScope *ste, const AstNode *at) {
    NameKey k = make_key_h(b->priv, name, len, hash);
    SymName *e = find_key(ste, &k);
    uint32_t val = flag;
    if (e) {
        if ((flag & SYM_DEF_PARAM) && (e->flags & SYM_DEF_PARAM)) {
            fail(b, at, "duplicate argument '%.*s' in function definition", (int)len, name);
            return false;
        }
        val |= e->flags;
    } else {
        e = add_key(ste == b->st->top ? b->top_a : b->a, ste, &k);
        if (!e) {
            b->oom = true;
            return false;
        }
    }
    if (ste == b->st->top) note_top_flags(b, (uint32_t)(e - ste->names), val);
    if (ste->comp_iter_target) {
        // An iteration variable of a comprehension: an assignment
        // expression may not have bound it already.
        if (val & (SYM_DEF_GLOBAL | SYM_DEF_NONLOCAL)) {
            fail(b, at, "comprehension inner loop cannot rebind assignment expression target '%.*s'",
                 (int)len, name);
            return false;
        }
        val |= SYM_DEF_COMP_ITER;
    }
    e->flags = val;
    if (flag & SYM_DEF_PARAM) {
        if (!sym_add_varname(b->a, ste, e)) {
            b->oom = true;
            return false;
        }
    } else if (flag & SYM_DEF_GLOBAL) {
        // CPython also records the declaration in the module's table.
        SymScope *top = b->st->top;
        SymName *g = find_key(top, &k);
        if (!g && !(g = add_key(b->top_a, top, &k))) {
            b->oom = true;
            return false;
        }
        note_top_flags(b, (uint32_t)(g - top->names), g->flags | flag);
        g->flags |= flag;
    }
    return true;
}

static bool add_def(Builder *b, const char *name, size_t len, uint32_t flag, const AstNode *at) {
    return add_def_in(b, name, len, 0, flag, b->cur, at);
}

static bool add_ident(Builder *b, AstIdent id, uint32_t flag, const AstNode *at) {
    return add_def_in(b, id.s, id.len, id.hash, flag, b->cur, at);
}

// Keeps the first global/nonlocal directive of a name: analysis errors
// about the name are reported there.
static void record_directive(Builder *b, AstIdent id, const AstNode *at) {
    NameKey k = ident_key(b->priv, id);
    SymName *e = find_key(b->cur, &k);
    if (!e || e->dir_line) return;
    e->dir_line = at->line;
    e->dir_col = at->col;
    e->dir_end_line = at->end_line;
    e->dir_end_col = at->end_col;
}

static bool ident_is(AstIdent id, const char *s) {
    size_t n = strlen(s);
    return id.len == n && memcmp(id.s, s, n) == 0;
}

static void visit_stmt(Builder *b, const AstNode *s);
static void visit_expr(Builder *b, const AstNode *e);

static void visit_stmts(Builder *b, const AstSeq *q) {
    for (uint32_t i = 0; i < q->len; i++) visit_stmt(b, q->items[i]);
}

// Skips NULL items (kw_defaults, dict keys of `**x`).
static void visit_exprs(Builder *b, const AstSeq *q) {
    for (uint32_t i = 0; i < q->len; i++)
        if (q->items[i]) visit_expr(b, q->items[i]);
}

static void visit_opt(Builder *b, const AstNode *e) {
    if (e) visit_expr(b, e);
}

// Each statement and expression level counts against CPython's limit; a
// deeper subtree is not entered, which also bounds the C stack.
static bool enter_level(Builder *b) {
    if (b->depth >= SYM_MAX_DEPTH) {
        b->too_deep = true;
        return false;
    }
    b->depth++;
    return true;
}

static void visit_annotation(Builder *b, const AstNode *ann) {
    bool future = b->st->future & SYM_FUTURE_ANNOTATIONS;
    if (future && !enter_scope(b, SYM_SCOPE_ANNOTATION, ann, "_annotation", ann->line)) return;
    visit_expr(b, ann);
    if (future) exit_scope(b);
}

static void visit_argannotations(Builder *b, const AstSeq *args) {
    for (uint32_t i = 0; i < args->len; i++) visit_opt(b, args->items[i]->u.arg.annotation);
}

// A def's annotations, evaluated in the enclosing scope (or one throwaway
// annotation block under `from __future__ import annotations`).
static void visit_annotations(Builder *b, const AstNode *def, const AstNode *args,
                              const AstNode *returns) {
    bool future = b->st->future & SYM_FUTURE_ANNOTATIONS;
    if (future && !enter_scope(b, SYM_SCOPE_ANNOTATION, def, "_annotation", def->line)) return;
    visit_argannotations(b, &args->u.arguments.posonlyargs);
    visit_argannotations(b, &args->u.arguments.args);
    if (args->u.arguments.vararg) visit_opt(b, args->u.arguments.vararg->u.arg.annotation);
    if (args->u.arguments.kwarg) visit_opt(b, args->u.arguments.kwarg->u.arg.annotation);
    visit_argannotations(b, &args->u.arguments.kwonlyargs);
    if (future) exit_scope(b);
    if (returns) visit_annotation(b, returns);
}

static void visit_params(Builder *b, const AstSeq *args) {
    for (uint32_t i = 0; i < args->len; i++)
        add_ident(b, args->items[i]->u.arg.arg, SYM_DEF_PARAM, args->items[i]);
}

// Parameters, in co_varnames order.
static void visit_arguments(Builder *b, const AstNode *args) {
    SymScope *s = b->cur;
    const AstNode *va = args->u.arguments.vararg, *kw = args->u.arguments.kwarg;
    visit_params(b, &args->u.arguments.posonlyargs);
    visit_params(b, &args->u.arguments.args);
    visit_params(b, &args->u.arguments.kwonlyargs);
    if (va) {
        add_ident(b, va->u.arg.arg, SYM_DEF_PARAM, va);
        s->varargs = true;
    }
    if (kw) {
        add_ident(b, kw->u.arg.arg, SYM_DEF_PARAM, kw);
        s->varkeywords = true;
    }
    s->posonlyargcount = args->u.arguments.posonlyargs.len;
    s->argcount = s->posonlyargcount + args->u.arguments.args.len;
    s->kwonlyargcount = args->u.arguments.kwonlyargs.len;
}

static __attribute__((noinline)) void visit_funcdef(Builder *b, const AstNode *s) {
    const AstNode *args = s->u.funcdef.args;
    bool is_async = s->kind == AST_ASYNC_FUNCTION_DEF;
    add_ident(b, s->u.funcdef.name, SYM_DEF_LOCAL, s);
    visit_exprs(b, &args->u.arguments.defaults);
    visit_exprs(b, &args->u.arguments.kw_defaults);
    visit_annotations(b, s, args, s->u.funcdef.returns);
    visit_exprs(b, &s->u.funcdef.decorators);
    SymScope *sc = enter_scope(b, is_async ? SYM_SCOPE_ASYNC_FUNCTION : SYM_SCOPE_FUNCTION, s,
                               s->u.funcdef.name.s, s->line);
    if (!sc) return;
    if (is_async) sc->coroutine = true;
    visit_arguments(b, args);
    visit_stmts(b, &s->u.funcdef.body);
    exit_scope(b);
}

static __attribute__((noinline)) void visit_classdef(Builder *b, const AstNode *s) {
    add_ident(b, s->u.classdef.name, SYM_DEF_LOCAL, s);
    visit_exprs(b, &s->u.classdef.bases);
    for (uint32_t i = 0; i < s->u.classdef.keywords.len; i++)
        visit_expr(b, s->u.classdef.keywords.items[i]->u.keyword.value);
    visit_exprs(b, &s->u.classdef.decorators);
    SymScope *sc = enter_scope(b, SYM_SCOPE_CLASS, s, s->u.classdef.name.s, s->line);
    if (!sc) return;
    const char *saved = b->priv;
    b->priv = sc->private_name = s->u.classdef.name.s;
    visit_stmts(b, &s->u.classdef.body);
    b->priv = saved;
    exit_scope(b);
}

// `global` / `nonlocal`: rejected after a use, an assignment or an
// annotation of the name in the same scope (walk-time errors).
static __attribute__((noinline)) void visit_decl(Builder *b, const AstNode *s) {
    bool global = s->kind == AST_GLOBAL;
    const char *what = global ? "global" : "nonlocal";
    for (uint32_t i = 0; i < s->u.global.names.len; i++) {
        AstIdent id = s->u.global.names.items[i]->u.name.id;
        NameKey k = ident_key(b->priv, id);
        const SymName *e = find_key(b->cur, &k);
        uint32_t cur = e ? e->flags : 0;
        if (cur & (SYM_DEF_PARAM | SYM_DEF_LOCAL | SYM_USE | SYM_DEF_ANNOT)) {
            if (cur & SYM_DEF_PARAM)
                fail(b, s, "name '%.*s' is parameter and %s", (int)id.len, id.s, what);
            else if (cur & SYM_USE)
                fail(b, s, "name '%.*s' is used prior to %s declaration", (int)id.len, id.s, what);
            else if (cur & SYM_DEF_ANNOT)
                fail(b, s, "annotated name '%.*s' can't be %s", (int)id.len, id.s, what);
            else
                fail(b, s, "name '%.*s' is assigned to before %s declaration", (int)id.len, id.s,
                     what);
            continue;
        }
        if (add_ident(b, id, global ? SYM_DEF_GLOBAL : SYM_DEF_NONLOCAL, s))
            record_directive(b, id, s);
    }
}

static __attribute__((noinline)) void visit_annassign(Builder *b, const AstNode *s) {
    const AstNode *t = s->u.annassign.target;
    if (t->kind == AST_NAME) {
        AstIdent id = t->u.name.id;
        NameKey k = ident_key(b->priv, id);
        const SymName *e = find_key(b->cur, &k);
        uint32_t cur = e ? e->flags : 0;
        if ((cur & (SYM_DEF_GLOBAL | SYM_DEF_NONLOCAL)) && b->cur != b->st->top &&
            s->u.annassign.simple) {
            fail(b, s, "annotated name '%.*s' can't be %s", (int)id.len, id.s,
                 (cur & SYM_DEF_GLOBAL) ? "global" : "nonlocal");
        } else if (s->u.annassign.simple) {
            add_ident(b, id, SYM_DEF_ANNOT | SYM_DEF_LOCAL, t);
        } else if (s->u.annassign.value) {
            add_ident(b, id, SYM_DEF_LOCAL, t);
        }
    } else {
        visit_expr(b, t);
    }
    visit_annotation(b, s->u.annassign.annotation);
    visit_opt(b, s->u.annassign.value);
}

// `import a.b as c` binds c, `import a.b` binds a; `*` only at module level.
static void visit_alias(Builder *b, const AstNode *al) {
    AstIdent name = al->u.alias.asname.s ? al->u.alias.asname : al->u.alias.name;
    if (name.len == 1 && name.s[0] == '*') {
        if (b->cur->type != SYM_SCOPE_MODULE) fail(b, al, "import * only allowed at module level");
        return;
    }
    const char *dot = memchr(name.s, '.', name.len);
    add_def(b, name.s, dot ? (size_t)(dot - name.s) : name.len, SYM_DEF_IMPORT, al);
}

static __attribute__((noinline)) void visit_try(Builder *b, const AstNode *s) {
    visit_stmts(b, &s->u.try_.body);
    visit_stmts(b, &s->u.try_.orelse);
    for (uint32_t i = 0; i < s->u.try_.handlers.len; i++) {
        const AstNode *h = s->u.try_.handlers.items[i];
        visit_opt(b, h->u.handler.type);
        if (h->u.handler.name.s) add_ident(b, h->u.handler.name, SYM_DEF_LOCAL, h);
        visit_stmts(b, &h->u.handler.body);
    }
    visit_stmts(b, &s->u.try_.finalbody);
}

static void visit_stmt(Builder *b, const AstNode *s) {
    if (!enter_level(b)) return;
    switch (s->kind) {
    case AST_FUNCTION_DEF:
    case AST_ASYNC_FUNCTION_DEF: visit_funcdef(b, s); break;
    case AST_CLASS_DEF: visit_classdef(b, s); break;
    case AST_RETURN:
        if (s->u.ret.value) {
            visit_expr(b, s->u.ret.value);
            b->cur->returns_value = true;
        }
        break;
    case AST_DELETE: visit_exprs(b, &s->u.del.targets); break;
    case AST_ASSIGN:
        visit_exprs(b, &s->u.assign.targets);
        visit_expr(b, s->u.assign.value);
        break;
    case AST_ANN_ASSIGN: visit_annassign(b, s); break;
    case AST_AUG_ASSIGN:
        visit_expr(b, s->u.augassign.target);
        visit_expr(b, s->u.augassign.value);
        break;
    case AST_FOR:
    case AST_ASYNC_FOR:
        visit_expr(b, s->u.for_.target);
        visit_expr(b, s->u.for_.iter);
        visit_stmts(b, &s->u.for_.body);
        visit_stmts(b, &s->u.for_.orelse);
        break;
    case AST_WHILE:
    case AST_IF:
        visit_expr(b, s->u.while_.test);
        visit_stmts(b, &s->u.while_.body);
        visit_stmts(b, &s->u.while_.orelse);
        break;
    case AST_WITH:
    case AST_ASYNC_WITH:
        for (uint32_t i = 0; i < s->u.with.items.len; i++) {
            const AstNode *it = s->u.with.items.items[i];
            visit_expr(b, it->u.withitem.context_expr);
            visit_opt(b, it->u.withitem.optional_vars);
        }
        visit_stmts(b, &s->u.with.body);
        break;
    case AST_RAISE:
        if (s->u.raise.exc) {
            visit_expr(b, s->u.raise.exc);
            visit_opt(b, s->u.raise.cause);
        }
        break;
    case AST_TRY:
    case AST_TRY_STAR: visit_try(b, s); break;
    case AST_ASSERT:
        visit_expr(b, s->u.assert_.test);
        visit_opt(b, s->u.assert_.msg);
        break;
    case AST_IMPORT:
    case AST_IMPORT_FROM: {
        const AstSeq *names = s->kind == AST_IMPORT ? &s->u.import.names : &s->u.importfrom.names;
        for (uint32_t i = 0; i < names->len; i++) visit_alias(b, names->items[i]);
        break;
    }
    case AST_GLOBAL:
    case AST_NONLOCAL: visit_decl(b, s); break;
    case AST_EXPR: visit_expr(b, s->u.expr.value); break;
    default: break;   // pass, break, continue
    }
    b->depth--;
}

// An assignment expression inside a comprehension binds in the nearest
// enclosing function or module (CPython's symtable_extend_namedexpr_scope).
// Lookups here use the unmangled name, as CPython's do.
static __attribute__((noinline)) bool extend_namedexpr_scope(Builder *b, const AstNode *target) {
    AstIdent id = target->u.name.id;
    NameKey raw = ident_key(NULL, id);
    for (SymScope *ste = b->cur; ste; ste = ste->parent) {
        if (is_comprehension(ste)) {
            const SymName *e = find_key(ste, &raw);
            if (e && (e->flags & SYM_DEF_COMP_ITER)) {
                fail(b, target,
                     "assignment expression cannot rebind comprehension iteration variable '%.*s'",
                     (int)id.len, id.s);
                return false;
            }
            continue;
        }
        if (sym_is_function(ste)) {
            const SymName *e = find_key(ste, &raw);
            uint32_t flag = (e && (e->flags & SYM_DEF_GLOBAL)) ? SYM_DEF_GLOBAL : SYM_DEF_NONLOCAL;
            if (!add_ident(b, id, flag, target)) return false;
            record_directive(b, id, target);
            return add_def_in(b, id.s, id.len, id.hash, SYM_DEF_LOCAL, ste, target);
        }
        if (ste->type == SYM_SCOPE_MODULE) {
            if (!add_ident(b, id, SYM_DEF_GLOBAL, target)) return false;
            record_directive(b, id, target);
            return add_def_in(b, id.s, id.len, id.hash, SYM_DEF_GLOBAL, ste, target);
        }
        if (ste->type == SYM_SCOPE_CLASS) {
            fail(b, target, "assignment expression within a comprehension cannot be used in a class body");
            return false;
        }
    }
    return false;
}

static const char *comp_name(SymScopeType t) {
    switch (t) {
    case SYM_SCOPE_LISTCOMP: return "<listcomp>";
    case SYM_SCOPE_SETCOMP: return "<setcomp>";
    case SYM_SCOPE_DICTCOMP: return "<dictcomp>";
    default: return "<genexpr>";
    }
}

static void visit_comprehension(Builder *b, const AstNode *g) {
    b->cur->comp_iter_target = true;
    visit_expr(b, g->u.comprehension.target);
    b->cur->comp_iter_target = false;
    b->cur->comp_iter_expr++;
    visit_expr(b, g->u.comprehension.iter);
    b->cur->comp_iter_expr--;
    visit_exprs(b, &g->u.comprehension.ifs);
    if (g->u.comprehension.is_async) b->cur->coroutine = true;
}

// The first iterable is evaluated in the enclosing scope and passed in as
// the implicit parameter `.0`; everything else runs in the new scope.
static __attribute__((noinline)) void visit_comp(Builder *b, const AstNode *e, SymScopeType type) {
    const AstSeq *gens = &e->u.comp.generators;
    const AstNode *outer = gens->items[0];
    b->cur->comp_iter_expr++;
    visit_expr(b, outer->u.comprehension.iter);
    b->cur->comp_iter_expr--;
    SymScope *sc = enter_scope(b, type, e, comp_name(type), e->line);
    if (!sc) return;
    if (outer->u.comprehension.is_async) sc->coroutine = true;
    add_def(b, ".0", 2, SYM_DEF_PARAM, e);
    sc->argcount = 1;
    sc->comp_iter_target = true;
    visit_expr(b, outer->u.comprehension.target);
    sc->comp_iter_target = false;
    visit_exprs(b, &outer->u.comprehension.ifs);
    for (uint32_t i = 1; i < gens->len; i++) visit_comprehension(b, gens->items[i]);
    visit_opt(b, e->u.comp.value);
    visit_expr(b, e->u.comp.elt);
    sc->generator = type == SYM_SCOPE_GENEXP;
    bool is_async = sc->coroutine && type != SYM_SCOPE_GENEXP;
    exit_scope(b);
    // A list/set/dict comprehension runs to completion where it stands, so
    // awaiting inside it makes the enclosing scope a coroutine.
    if (is_async) b->cur->coroutine = true;
}

static __attribute__((noinline)) void visit_lambda(Builder *b, const AstNode *e) {
    const AstNode *args = e->u.lambda.args;
    visit_exprs(b, &args->u.arguments.defaults);
    visit_exprs(b, &args->u.arguments.kw_defaults);
    if (!enter_scope(b, SYM_SCOPE_LAMBDA, e, "<lambda>", e->line)) return;
    visit_arguments(b, args);
    visit_expr(b, e->u.lambda.body);
    exit_scope(b);
}

// yield/await/walrus are refused directly inside an annotation block.
static bool in_annotation(Builder *b, const char *what, const AstNode *e) {
    if (b->cur->type != SYM_SCOPE_ANNOTATION) return false;
    fail(b, e, "'%s' can not be used within an annotation", what);
    return true;
}

static __attribute__((noinline)) void visit_yield(Builder *b, const AstNode *e) {
    bool err = in_annotation(b, "yield expression", e);
    visit_opt(b, e->u.await_.value);
    if (err) return;
    SymScope *s = b->cur;
    s->generator = true;
    if (e->kind == AST_YIELD_FROM) s->has_yield_from = true;
    if (is_comprehension(s)) {
        const char *what = s->type == SYM_SCOPE_LISTCOMP  ? "list comprehension"
                         : s->type == SYM_SCOPE_SETCOMP   ? "set comprehension"
                         : s->type == SYM_SCOPE_DICTCOMP  ? "dict comprehension"
                                                          : "generator expression";
        fail(b, e, "'yield' inside %s", what);
    }
}

static __attribute__((noinline)) void visit_namedexpr(Builder *b, const AstNode *e) {
    const AstNode *target = e->u.namedexpr.target;
    if (in_annotation(b, "named expression", e)) {
        // Error recorded; keep walking for the depth check only.
    } else if (b->cur->comp_iter_expr > 0) {
        fail(b, e, "assignment expression cannot be used in a comprehension iterable expression");
    } else if (is_comprehension(b->cur) && target->kind == AST_NAME) {
        extend_namedexpr_scope(b, target);
    }
    visit_expr(b, e->u.namedexpr.value);
    visit_expr(b, target);
}

static void visit_name(Builder *b, const AstNode *e) {
    AstIdent id = e->u.name.id;
    bool load = e->u.name.ctx == CTX_LOAD;
    // CPython's AST optimiser has already made `__debug__` a constant.
    if (load && ident_is(id, "__debug__")) return;
    add_ident(b, id, load ? SYM_USE : SYM_DEF_LOCAL, e);
    // Zero-argument super() needs the __class__ cell.
    if (load && sym_is_function(b->cur) && ident_is(id, "super"))
        add_def(b, "__class__", 9, SYM_USE, e);
}

static void visit_expr(Builder *b, const AstNode *e) {
    if (!enter_level(b)) return;
    switch (e->kind) {
    case AST_NAMED_EXPR: visit_namedexpr(b, e); break;
    case AST_BOOL_OP: visit_exprs(b, &e->u.boolop.values); break;
    case AST_BIN_OP:
        visit_expr(b, e->u.binop.left);
        visit_expr(b, e->u.binop.right);
        break;
    case AST_UNARY_OP: visit_expr(b, e->u.unaryop.operand); break;
    case AST_LAMBDA: visit_lambda(b, e); break;
    case AST_IF_EXP:
        visit_expr(b, e->u.ifexp.test);
        visit_expr(b, e->u.ifexp.body);
        visit_expr(b, e->u.ifexp.orelse);
        break;
    case AST_DICT:
        visit_exprs(b, &e->u.dict.keys);
        visit_exprs(b, &e->u.dict.values);
        break;
    case AST_SET:
    case AST_LIST:
    case AST_TUPLE: visit_exprs(b, &e->u.seq.elts); break;
    case AST_LIST_COMP: visit_comp(b, e, SYM_SCOPE_LISTCOMP); break;
    case AST_SET_COMP: visit_comp(b, e, SYM_SCOPE_SETCOMP); break;
    case AST_DICT_COMP: visit_comp(b, e, SYM_SCOPE_DICTCOMP); break;
    case AST_GENERATOR_EXP: visit_comp(b, e, SYM_SCOPE_GENEXP); break;
    case AST_YIELD:
    case AST_YIELD_FROM: visit_yield(b, e); break;
    case AST_AWAIT:
        if (in_annotation(b, "await expression", e)) {
            visit_expr(b, e->u.await_.value);
            break;
        }
        visit_expr(b, e->u.await_.value);
        b->cur->coroutine = true;
        break;
    case AST_COMPARE:
        visit_expr(b, e->u.compare.left);
        visit_exprs(b, &e->u.compare.comparators);
        break;
    case AST_CALL:
        visit_expr(b, e->u.call.func);
        visit_exprs(b, &e->u.call.args);
        for (uint32_t i = 0; i < e->u.call.keywords.len; i++)
            visit_expr(b, e->u.call.keywords.items[i]->u.keyword.value);
        break;
    case AST_FORMATTED_VALUE:
        visit_expr(b, e->u.formatted.value);
        visit_opt(b, e->u.formatted.format_spec);
        break;
    case AST_JOINED_STR: visit_exprs(b, &e->u.joined.values); break;
    case AST_ATTRIBUTE: visit_expr(b, e->u.attribute.value); break;
    case AST_SUBSCRIPT:
        visit_expr(b, e->u.subscript.value);
        visit_expr(b, e->u.subscript.slice);
        break;
    case AST_STARRED: visit_expr(b, e->u.starred.value); break;
    case AST_SLICE:
        visit_opt(b, e->u.slice.lower);
        visit_opt(b, e->u.slice.upper);
        visit_opt(b, e->u.slice.step);
        break;
    case AST_NAME: visit_name(b, e); break;
    default: break;   // constants
    }
    b->depth--;
}

// ------------------------------------------------------------ future

static void future_error(Diag *d, const AstNode *s, int col, const char *fmt, const char *arg) {
    // CPython gives these a start column only (one caret).
    diag_set(d, DIAG_SYNTAX, s->line, col, s->line, -1, fmt, arg);
}

// CPython's future.c: leading `from __future__ import` statements (after
// an optional docstring) set features; unknown ones are errors. One step
// per module statement, in order (the state is in [st], so a streamed
// module is scanned batch by batch); false with [d] set on an error.
static bool future_step(SymTable *st, const AstNode *s, Diag *d) {
    if (st->fut_finished) return true;
    if (st->fut_seen++ == 0 && s->kind == AST_EXPR) {
        const AstNode *v = s->u.expr.value;
        if (v->kind == AST_CONSTANT && v->u.constant.kind == CONST_STR) return true;
    }
    if (st->fut_done && s->line > st->fut_prev_line) {
        st->fut_finished = true;
        return true;
    }
    st->fut_prev_line = s->line;
    if (s->kind != AST_IMPORT_FROM || !s->u.importfrom.module.s ||
        strcmp(s->u.importfrom.module.s, "__future__") != 0) {
        st->fut_done = true;
        return true;
    }
    if (st->fut_done) {
        // CPython passes the 0-based column where a 1-based one belongs.
        future_error(d, s, s->col - 1, "%s",
                     "from __future__ imports must occur at the beginning of the file");
        return false;
    }
    const AstSeq *names = &s->u.importfrom.names;
    for (uint32_t j = 0; j < names->len; j++) {
        const char *f = names->items[j]->u.alias.name.s;
        static const char *const ignored[] = {
            "nested_scopes", "generators", "division", "absolute_import", "with_statement",
            "print_function", "unicode_literals", "generator_stop",
        };
        bool known = false;
        for (size_t k = 0; k < sizeof ignored / sizeof *ignored; k++)
            if (strcmp(f, ignored[k]) == 0) known = true;
        if (strcmp(f, "barry_as_FLUFL") == 0) {
            st->future |= SYM_FUTURE_BARRY_AS_BDFL;
        } else if (strcmp(f, "annotations") == 0) {
            st->future |= SYM_FUTURE_ANNOTATIONS;
        } else if (strcmp(f, "braces") == 0) {
            future_error(d, s, s->col, "%s", "not a chance");
            return false;
        } else if (!known) {
            future_error(d, s, s->col, "future feature %.100s is not defined", f);
            return false;
        }
    }
    st->future_lineno = s->line;
    return true;
}

static bool parse_future(SymTable *st, const AstNode *root, Diag *d) {
    if (root->kind != AST_MODULE && root->kind != AST_INTERACTIVE) return true;
    const AstSeq *body = &root->u.module.body;
    for (uint32_t i = 0; i < body->len && !st->fut_finished; i++)
        if (!future_step(st, body->items[i], d)) return false;
    return true;
}

// ------------------------------------------------------------ analysis

static void fail_at_directive(Diag *d, const SymName *e, const char *fmt) {
    diag_set(d, DIAG_SYNTAX, e->dir_line, e->dir_col, e->dir_end_line, e->dir_end_col, fmt,
             e->name);
}

// Is [k] bound in a function enclosing [s] (CPython's `bound` set)? Class
// bodies are skipped, except that a class binds __class__ for its methods;
// a `global` declaration hides outer bindings. Returns the binding scope.
static SymScope *find_binder(const SymScope *s, const NameKey *k) {
    bool dunder_class = k->len == 9 && !k->clen && memcmp(k->s, "__class__", 9) == 0;
    for (SymScope *p = s->parent; p; p = p->parent) {
        if (p->type == SYM_SCOPE_MODULE) return NULL;
        if (p->type == SYM_SCOPE_CLASS) {
            if (dunder_class) return p;
            continue;
        }
        const SymName *e = find_key(p, k);
        if (!e) continue;
        if (e->flags & SYM_DEF_GLOBAL) return NULL;
        if ((e->flags & SYM_DEF_BOUND) && !(e->flags & SYM_DEF_NONLOCAL)) return p;
    }
    return NULL;
}

// [e] of [s] is free and bound in [binder]: the binder keeps it in a cell,
// and every scope in between passes it through as free (a class that also
// binds the name gets DEF_FREE_CLASS instead).
static bool link_free(Arena *a, const SymScope *s, const NameKey *k, SymScope *binder) {
    if (binder->type == SYM_SCOPE_CLASS) {
        binder->needs_class_closure = true;
    } else {
        SymName *be = find_key(binder, k);
        if (be->binding == SYM_BIND_LOCAL) be->binding = SYM_BIND_CELL;
    }
    for (SymScope *p = s->parent; p != binder; p = p->parent) {
        SymName *e = find_key(p, k);
        if (e) {
            if (p->type == SYM_SCOPE_CLASS && (e->flags & (SYM_DEF_BOUND | SYM_DEF_GLOBAL)))
                e->flags |= SYM_DEF_FREE_CLASS;
            continue;
        }
        if (!(e = add_key(a, p, k))) return false;
        e->binding = SYM_BIND_FREE;
    }
    return true;
}

// Decides the binding of [s]'s names from index [from] on.
static bool analyze_names(Arena *a, SymScope *s, uint32_t from, Diag *d) {
    // Entries are only ever added to ancestors while [s] is analysed.
    for (uint32_t i = from; i < s->nnames; i++) {
        SymName *e = &s->names[i];
        uint32_t f = e->flags;
        if (f & SYM_DEF_GLOBAL) {
            if (f & SYM_DEF_NONLOCAL) {
                fail_at_directive(d, e, "name '%s' is nonlocal and global");
                return false;
            }
            e->binding = SYM_BIND_GLOBAL_EXPLICIT;
            continue;
        }
        NameKey k = make_key_h(NULL, e->name, e->len, e->hash);
        if (f & SYM_DEF_NONLOCAL) {
            if (s->type == SYM_SCOPE_MODULE) {
                fail_at_directive(d, e, "nonlocal declaration not allowed at module level");
                return false;
            }
        } else if (f & SYM_DEF_BOUND) {
            e->binding = SYM_BIND_LOCAL;
            continue;
        }
        SymScope *binder = find_binder(s, &k);
        if (!binder) {
            if (f & SYM_DEF_NONLOCAL) {
                fail_at_directive(d, e, "no binding for nonlocal '%s' found");
                return false;
            }
            e->binding = SYM_BIND_GLOBAL_IMPLICIT;
            continue;
        }
        e->binding = SYM_BIND_FREE;
        if (!link_free(a, s, &k, binder)) return false;
    }
    return true;
}

static bool analyze_scope(Arena *a, SymScope *s, Diag *d) { return analyze_names(a, s, 0, d); }

static int cmp_str(const void *x, const void *y) {
    return strcmp(*(const char *const *)x, *(const char *const *)y);
}

// co_cellvars and co_freevars, and the slot of each cell/free name.
static bool layout_scope(Arena *a, SymScope *s) {
    uint32_t ncell = 0, nfree = 0;
    for (uint32_t i = 0; i < s->nnames; i++) {
        const SymName *e = &s->names[i];
        if (e->binding == SYM_BIND_CELL) ncell++;
        if (e->binding == SYM_BIND_FREE || (e->flags & SYM_DEF_FREE_CLASS)) nfree++;
    }
    if (s->needs_class_closure) ncell++;
    // Most scopes have neither: they share one empty array.
    static const char *no_names[1];
    static int32_t no_args[1];
    s->cellvars = ncell ? arena_alloc(a, ncell * sizeof(char *)) : no_names;
    s->cell_arg = ncell ? arena_alloc(a, ncell * sizeof(int32_t)) : no_args;
    s->freevars = nfree ? arena_alloc(a, nfree * sizeof(char *)) : no_names;
    if (!s->cellvars || !s->cell_arg || !s->freevars) return false;
    if (s->needs_class_closure) {
        s->cellvars[s->ncellvars] = "__class__";
        s->cell_arg[s->ncellvars++] = -1;
    }
    // Cell parameters first, in parameter order (they share the frame slot
    // of the argument), then the other cells sorted.
    for (uint32_t i = 0; i < s->nvarnames; i++) {
        // varnames hold mangled names already: look them up as they are.
        NameKey k = make_key(NULL, s->varnames[i], strlen(s->varnames[i]));
        SymName *e = find_key(s, &k);
        if (e && e->binding == SYM_BIND_CELL) {
            s->cellvars[s->ncellvars] = e->name;
            s->cell_arg[s->ncellvars++] = (int32_t)i;
        }
    }
    uint32_t first_plain = s->ncellvars;
    for (uint32_t i = 0; i < s->nnames; i++) {
        const SymName *e = &s->names[i];
        if (e->binding == SYM_BIND_CELL && !(e->flags & SYM_DEF_PARAM)) {
            s->cellvars[s->ncellvars] = e->name;
            s->cell_arg[s->ncellvars++] = -1;
        }
        if (e->binding == SYM_BIND_FREE || (e->flags & SYM_DEF_FREE_CLASS))
            s->freevars[s->nfreevars++] = e->name;
    }
    qsort(s->cellvars + first_plain, s->ncellvars - first_plain, sizeof(char *), cmp_str);
    qsort(s->freevars, s->nfreevars, sizeof(char *), cmp_str);
    for (uint32_t i = 0; i < s->ncellvars; i++) {
        NameKey k = make_key(NULL, s->cellvars[i], strlen(s->cellvars[i]));
        SymName *e = find_key(s, &k);
        if (e && e->binding == SYM_BIND_CELL) e->index = (int32_t)i;
    }
    for (uint32_t i = 0; i < s->nfreevars; i++) {
        NameKey k = make_key(NULL, s->freevars[i], strlen(s->freevars[i]));
        find_key(s, &k)->index = (int32_t)i;
    }
    return true;
}

// qualname as CPython's compiler_set_qualname: nested functions get
// `.<locals>`, a name declared global in its parent starts afresh.
static bool set_qualname(Arena *a, SymScope *s) {
    SymScope *p = s->parent;
    if (!p) {
        s->qualname = s->name;
        return true;
    }
    if (p->type == SYM_SCOPE_MODULE) {
        s->qualname = s->name;
        return true;
    }
    if (s->type == SYM_SCOPE_FUNCTION || s->type == SYM_SCOPE_ASYNC_FUNCTION ||
        s->type == SYM_SCOPE_CLASS) {
        const SymName *e = sym_find(p, s->name, strlen(s->name));
        if (e && e->binding == SYM_BIND_GLOBAL_EXPLICIT) {
            s->qualname = s->name;
            return true;
        }
    }
    bool locals = p->type == SYM_SCOPE_FUNCTION || p->type == SYM_SCOPE_ASYNC_FUNCTION ||
                  p->type == SYM_SCOPE_LAMBDA;
    size_t pl = strlen(p->qualname), nl = strlen(s->name);
    size_t len = pl + (locals ? 9 : 0) + 1 + nl;
    char *q = arena_alloc(a, len + 1);
    if (!q) return false;
    memcpy(q, p->qualname, pl);
    if (locals) memcpy(q + pl, ".<locals>", 9);
    q[len - nl - 1] = '.';
    memcpy(q + len - nl, s->name, nl + 1);
    s->qualname = q;
    return true;
}

static void set_oom(Diag *d) { diag_set(d, DIAG_MEMORY, 0, 0, 0, 0, "%s", ""); }

bool sym_analyze(const AstNode *root, Arena *a, unsigned flags, SymTable **out, Diag *d) {
    *out = NULL;
    SymTable *st = arena_calloc(a, 1, sizeof *st);
    if (!st) {
        set_oom(d);
        return false;
    }
    *out = st;
    st->flags = flags;
    st->future_lineno = -1;
    if (flags & SYM_FLAG_FUTURE_ANNOTATIONS) st->future |= SYM_FUTURE_ANNOTATIONS;
    if (flags & SYM_FLAG_FUTURE_BARRY) st->future |= SYM_FUTURE_BARRY_AS_BDFL;
    if (!parse_future(st, root, d)) return false;

    Builder b = {.a = a, .top_a = a, .st = st};
    diag_init(&b.err);
    st->top = enter_scope(&b, SYM_SCOPE_MODULE, root, "<module>", 0);
    if (st->top) {
        if (root->kind == AST_EXPRESSION) visit_expr(&b, root->u.expression.body);
        else visit_stmts(&b, &root->u.module.body);
    }
    if (b.oom) {
        diag_clear(&b.err);
        set_oom(d);
        return false;
    }
    if (b.too_deep) {
        diag_clear(&b.err);
        diag_set(d, DIAG_RECURSION, 0, 0, 0, 0, "%s",
                 "maximum recursion depth exceeded during compilation");
        return false;
    }
    if (diag_is_set(&b.err)) {
        *d = b.err;
        return false;
    }

    for (uint32_t i = 0; i < st->nscopes; i++)
        if (!analyze_scope(a, st->scopes[i], d)) {
            if (!diag_is_set(d)) set_oom(d);
            return false;
        }
    for (uint32_t i = 0; i < st->nscopes; i++)
        if (!layout_scope(a, st->scopes[i]) || !set_qualname(a, st->scopes[i])) {
            set_oom(d);
            return false;
        }
    return sym_check_codegen(st, a, root, d);
}

// ------------------------------------------------------------ streaming

SymTable *sym_stream_begin(Arena *keep) {
    SymTable *st = arena_calloc(keep, 1, sizeof *st);
    AstNode *root = ast_new(keep, AST_MODULE, 0, 0, 0, 0);
    if (!st || !root) return NULL;
    st->future_lineno = -1;
    st->keep = keep;
    st->stream_root = root;
    Builder b = {.a = keep, .top_a = keep, .st = st};
    st->top = enter_scope(&b, SYM_SCOPE_MODULE, root, "<module>", 0);
    // A module scope never gets cells or free names (only a function or
    // class binds what a nested scope uses), so its layout is final now.
    if (!st->top || !layout_scope(keep, st->top) || !set_qualname(keep, st->top)) return NULL;
    return st;
}

bool sym_stream_add(SymTable *st, AstNode *const *stmts, uint32_t n, Arena *a, Diag *d) {
    for (uint32_t i = 0; i < n && !st->fut_finished; i++)
        if (!future_step(st, stmts[i], d)) return false;
    // The previous batch's scopes, map and warnings died with its arena.
    SymScope *top = st->top;
    st->scopes = NULL;
    st->nscopes = st->scopes_cap = 0;
    st->map_keys = NULL;
    st->map_vals = NULL;
    st->map_cap = 0;
    st->warnings = NULL;
    st->nwarnings = st->warnings_cap = 0;
    st->new_globals = NULL;
    st->nnew_globals = st->new_globals_cap = 0;
    top->children = NULL;
    top->nchildren = top->children_cap = 0;
    st->top_frozen = top->nnames;
    Builder b = {.a = a, .top_a = st->keep, .st = st, .cur = top};
    diag_init(&b.err);
    if (!grow(a, (void **)&st->scopes, &st->scopes_cap, sizeof(SymScope *), 1) ||
        !map_put(a, st, st->stream_root, top)) {
        set_oom(d);
        return false;
    }
    st->scopes[st->nscopes++] = top;
    for (uint32_t i = 0; i < n; i++) visit_stmt(&b, stmts[i]);
    if (b.oom || b.too_deep || diag_is_set(&b.err) || st->top_conflict) {
        diag_clear(&b.err);
        return false;
    }
    // Only the module names new in this batch: the earlier ones keep their
    // binding, unless declared global now (note_top_flags).
    if (!analyze_names(a, top, st->top_frozen, d)) return false;
    for (uint32_t i = 0; i < st->nnew_globals; i++)
        top->names[st->new_globals[i]].binding = SYM_BIND_GLOBAL_EXPLICIT;
    for (uint32_t i = 1; i < st->nscopes; i++)
        if (!analyze_scope(a, st->scopes[i], d)) return false;
    for (uint32_t i = 1; i < st->nscopes; i++)
        if (!layout_scope(a, st->scopes[i]) || !set_qualname(a, st->scopes[i])) return false;
    return sym_check_stmts(st, a, st->stream_root, stmts, n, d);
}
