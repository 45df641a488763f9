// Symbol tables: the scope analysis of CPython 3.11 (Python/symtable.c) over
// the AST of parser/ast.h, plus the compile-time errors that CPython's code
// generator raises, so `aiopy --check` reports exactly what `python3` does
// without generating code.
//
// sym_analyze runs four steps, in CPython's order:
//   1. `from __future__` features (CPython's future.c);
//   2. a walk recording raw facts per name (assigned, used, parameter,
//      global/nonlocal declarations...) and creating one SymScope per module,
//      class, def/async def, lambda and comprehension, in source order;
//   3. the analysis deciding each name's binding (local, cell, free, global);
//   4. a walk in code-generation order (symcheck.c) that raises the errors
//      CPython's compile.c raises ('return' outside function, 'await' outside
//      async function, 'break' outside loop, ...) and fixes the order of
//      co_varnames, which CPython also decides while generating code.
// The first error wins, with CPython's message and position; a tree deeper
// than CPython's compile-time limit gives its RecursionError instead.
//
// Everything lives in the Arena given to sym_analyze: no runtime objects, no
// malloc except for the Diag message. The analysis never recurses per name;
// the walks recurse once per AST level with small frames, and stop at the
// depth limit, so a 3000-deep expression is safe.
#ifndef VM_SYMTABLE_H
#define VM_SYMTABLE_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "parser/ast.h"
#include "util/arena.h"
#include "util/diag.h"

// Flags for sym_analyze.
enum {
    SYM_FLAG_TOPLEVEL_AWAIT = 1 << 0,       // REPL: await/async for/async with at module level
    SYM_FLAG_FUTURE_ANNOTATIONS = 1 << 1,   // inherited `from __future__ import annotations`
    SYM_FLAG_FUTURE_BARRY = 1 << 2,         // inherited barry_as_FLUFL
};

// Future features in effect (SymTable.future).
enum {
    SYM_FUTURE_ANNOTATIONS = 1 << 0,
    SYM_FUTURE_BARRY_AS_BDFL = 1 << 1,
};

// What kind of block a scope is. CPython's block type (module, class,
// function) follows from it; the finer kind is what codegen switches on.
typedef enum SymScopeType {
    SYM_SCOPE_MODULE,
    SYM_SCOPE_CLASS,
    SYM_SCOPE_FUNCTION,
    SYM_SCOPE_ASYNC_FUNCTION,
    SYM_SCOPE_LAMBDA,
    SYM_SCOPE_LISTCOMP,
    SYM_SCOPE_SETCOMP,
    SYM_SCOPE_DICTCOMP,
    SYM_SCOPE_GENEXP,
    SYM_SCOPE_ANNOTATION,   // internal: never part of a finished table
} SymScopeType;

// Raw facts about a name in one scope. Same bit values as CPython's DEF_*
// flags, so tests compare them with the `symtable` module directly.
enum {
    SYM_DEF_GLOBAL = 1 << 0,       // `global` statement
    SYM_DEF_LOCAL = 1 << 1,        // assigned, deleted, def/class name, for/with/except target
    SYM_DEF_PARAM = 1 << 2,        // parameter
    SYM_DEF_NONLOCAL = 1 << 3,     // `nonlocal` statement
    SYM_USE = 1 << 4,              // read
    SYM_DEF_FREE_CLASS = 1 << 6,   // class-level name that a method also uses as free
    SYM_DEF_IMPORT = 1 << 7,       // bound by import
    SYM_DEF_ANNOT = 1 << 8,        // annotated (`x: int`)
    SYM_DEF_COMP_ITER = 1 << 9,    // comprehension iteration variable
};
#define SYM_DEF_BOUND (SYM_DEF_LOCAL | SYM_DEF_PARAM | SYM_DEF_IMPORT)

// Where a name lives, as decided by the analysis (CPython's scope values).
typedef enum SymBinding {
    SYM_BIND_NONE = 0,
    SYM_BIND_LOCAL = 1,
    SYM_BIND_GLOBAL_EXPLICIT = 2,
    SYM_BIND_GLOBAL_IMPLICIT = 3,
    SYM_BIND_FREE = 4,
    SYM_BIND_CELL = 5,
} SymBinding;

typedef struct SymName {
    const char *name;       // mangled, NUL-terminated
    uint32_t len;
    uint32_t hash;
    uint32_t flags;         // SYM_DEF_* / SYM_USE
    SymBinding binding;
    // Slot for sym_lookup: varnames index (LOCAL in a function), cellvars
    // index (CELL), freevars index (FREE); -1 otherwise. A function local
    // that code generation never touches (a bare `x: int`) has no slot, as
    // it has none in CPython's co_varnames.
    int32_t index;
    // Location of the first global/nonlocal directive for the name (CPython
    // reports analysis errors there); line 0 if none.
    int dir_line, dir_col, dir_end_line, dir_end_col;
} SymName;

typedef struct SymScope SymScope;
struct SymScope {
    SymScopeType type;
    const AstNode *node;        // MODULE/INTERACTIVE/EXPRESSION, def, class, lambda, comprehension
    SymScope *parent;
    SymScope **children;        // in source order
    uint32_t nchildren;
    uint32_t id;                // index in SymTable.scopes (pre-order)
    const char *name;           // co_name: "<module>", "f", "<lambda>", "<listcomp>", ...
    const char *qualname;       // __qualname__ as CPython computes it
    const char *private_name;   // class name used to mangle `__x` here, or NULL
    int line;                   // first line (of the def/class, not its decorators)

    // Every name seen in the scope, in CPython's ste_symbols order.
    SymName *names;
    uint32_t nnames;

    // Frame layout, in CPython's order: co_varnames (parameters first:
    // positional-only, positional, keyword-only, *args, **kwargs; then the
    // other fast locals in order of first use by codegen), co_cellvars
    // (cell parameters in parameter order, then the other cells sorted;
    // `__class__` for a class needing it), co_freevars (sorted).
    const char **varnames;
    uint32_t nvarnames;
    uint32_t argcount, posonlyargcount, kwonlyargcount;
    const char **cellvars;
    int32_t *cell_arg;          // per cell: its varnames index if a parameter, else -1
    uint32_t ncellvars;
    const char **freevars;
    uint32_t nfreevars;

    bool varargs, varkeywords;
    bool nested;                // inside a function (CO_NESTED)
    bool generator;             // contains yield / yield from (or is a genexp)
    bool coroutine;             // async def, contains await, or async comprehension
    bool has_yield_from;
    bool returns_value;
    bool needs_class_closure;   // class whose methods use __class__ or super

    // Private to symtable.c.
    uint32_t *slots;            // open-addressed index into [names], 0 = empty
    uint32_t nslots, names_cap, children_cap, varnames_cap;
    int comp_iter_expr;
    bool comp_iter_target;
    bool detached;              // inside an annotation block: analysed by nobody
};

// A SyntaxWarning of CPython's code generator ("is" with a literal, ...):
// the CLI prints it as `FILE:LINE: SyntaxWarning: MSG` before running.
typedef struct SymWarning {
    int line, col, end_line, end_col;
    const char *msg;
} SymWarning;

typedef struct SymTable {
    SymScope *top;
    SymScope **scopes;          // every scope, pre-order (= source order)
    uint32_t nscopes;
    unsigned flags;             // SYM_FLAG_* given to sym_analyze
    unsigned future;            // SYM_FUTURE_* in effect
    int future_lineno;          // line of the last leading `from __future__` import, or -1
    // SyntaxWarnings in CPython's order, repeats included (CPython compiles
    // a `finally` body once per exit path and warns each time).
    SymWarning *warnings;
    uint32_t nwarnings, warnings_cap;

    // Private: capacity of [scopes]; node -> scope map (open addressing).
    uint32_t scopes_cap;
    const AstNode **map_keys;
    SymScope **map_vals;
    uint32_t map_cap;
    // Private, streaming only (sym_stream_*): the arena of the module scope,
    // the stand-in module node, the progress of the `from __future__` scan,
    // how many module names earlier batches analysed, and whether one of
    // those became nonlocal (an error: the batch is refused).
    Arena *keep;
    const AstNode *stream_root;
    uint32_t fut_seen;
    int fut_prev_line;
    bool fut_done, fut_finished;
    uint32_t top_frozen;
    bool top_conflict;
    // Streaming: module names of earlier batches that this batch declared
    // global (`global x` in a function, a walrus in a comprehension): their
    // binding becomes GLOBAL_EXPLICIT, and the module code generated for
    // them before must be patched (cg_stream_add does). Indexes into the
    // module scope's names.
    uint32_t *new_globals;
    uint32_t nnew_globals, new_globals_cap;
} SymTable;

// How codegen must access a name (chooses LOAD_FAST, LOAD_DEREF,
// LOAD_GLOBAL or LOAD_NAME and their STORE/DELETE variants).
typedef enum SymRefKind {
    SYM_LOCAL_FAST,         // function local: index into varnames
    SYM_CELL,               // index into cellvars
    SYM_FREE,               // index into freevars (in a class body: LOAD_CLASSDEREF)
    SYM_GLOBAL_EXPLICIT,    // declared global: *_GLOBAL in any scope
    SYM_GLOBAL_IMPLICIT,    // function scope, unbound anywhere: *_GLOBAL
    SYM_NAME,               // module/class scope (or unknown name): *_NAME
} SymRefKind;

typedef struct SymRef {
    SymRefKind kind;
    int32_t index;          // -1 for the global and name kinds
} SymRef;

// Runs the analysis and the compile-time checks over [root] (an AST_MODULE,
// AST_INTERACTIVE or AST_EXPRESSION). Returns true on success; otherwise
// [d] holds CPython's SyntaxError (or RecursionError, MemoryError). *[out]
// is set in both cases (NULL only when memory ran out at once): after a
// failure only its warnings mean something -- CPython prints the warnings
// found before a code-generation error, then the error. All memory comes
// from [a].
bool sym_analyze(const AstNode *root, Arena *a, unsigned flags, SymTable **out, Diag *d);

// Streaming: a module analysed batch by batch of top-level statements (as
// ps_parse_stream delivers them), for code generation after each batch.
// sym_stream_begin makes the table, with the module scope in [keep];
// sym_stream_add analyses and checks one batch, with everything else in
// [a], which the caller may reset once the batch is compiled (the batch's
// scopes and warnings die with it: take the warnings first). A batch must
// be compiled before the next is added. Any failure (an error, or a batch
// that would change code generated for an earlier one) returns false,
// and the diagnosis is not CPython's: compile the whole module with
// sym_analyze to report it. Success means sym_analyze would have succeeded
// with the same scopes, names and warnings.
SymTable *sym_stream_begin(Arena *keep);
bool sym_stream_add(SymTable *st, AstNode *const *stmts, uint32_t n, Arena *a, Diag *d);
// A batch's warnings are dropped beyond this many (per table).
#define SYM_MAX_WARNINGS 100000

// The scope made for a MODULE/INTERACTIVE/EXPRESSION, FUNCTION_DEF,
// ASYNC_FUNCTION_DEF, CLASS_DEF, LAMBDA or comprehension node; NULL otherwise.
SymScope *sym_scope_of(const SymTable *st, const AstNode *node);

// The entry for identifier [name] as written in the source (mangled here
// with the scope's private name), or NULL.
const SymName *sym_find(const SymScope *s, const char *name, size_t len);

// How to load/store/delete source identifier [name] in [s].
SymRef sym_lookup(const SymScope *s, const char *name, size_t len);
// The same for an identifier of the AST, using the hash it carries.
SymRef sym_lookup_ident(const SymScope *s, AstIdent id);

// For building a closure (LOAD_CLOSURE) of a child scope: where [s] holds
// the cell for free variable [mangled] of the child (a name from its
// freevars, already mangled): SYM_CELL or SYM_FREE with an index.
SymRef sym_lookup_closure(const SymScope *s, const char *mangled, size_t len);

// CPython's _Py_Mangle: `__x` in class `C` becomes `_C__x`. Returns [name]
// itself when no mangling applies, else an arena copy (NULL on OOM).
const char *sym_mangle(Arena *a, const char *private_name, const char *name, size_t len,
                       size_t *out_len);

// CPython's code flags for [s]: the SYM_CO_* bits below (same values as CO_*).
enum {
    SYM_CO_OPTIMIZED = 0x1, SYM_CO_NEWLOCALS = 0x2, SYM_CO_VARARGS = 0x4,
    SYM_CO_VARKEYWORDS = 0x8, SYM_CO_NESTED = 0x10, SYM_CO_GENERATOR = 0x20,
    SYM_CO_COROUTINE = 0x80, SYM_CO_ASYNC_GENERATOR = 0x200,
};
unsigned sym_code_flags(const SymTable *st, const SymScope *s);

// True for the function-like scopes (CPython's FunctionBlock).
static inline bool sym_is_function(const SymScope *s) {
    return s->type != SYM_SCOPE_MODULE && s->type != SYM_SCOPE_CLASS &&
           s->type != SYM_SCOPE_ANNOTATION;
}

#endif // VM_SYMTABLE_H
