// Unit tests of the symbol table (src/vm/symtable.c and symcheck.c). Every
// expected value was taken from CPython 3.11: co_varnames, co_cellvars,
// co_freevars, co_flags, co_qualname and the symtable module for the scope
// results; compile() for the errors (message, lineno, offset - 1,
// end_lineno, end_offset - 1: Diag columns are 0-based bytes).
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lexer/source.h"
#include "parser/parse.h"
#include "vm/symtable.h"

typedef struct Compiled {
    Source src;
    ParseResult pr;
    Arena arena;
    SymTable *st;
    Diag d;
    bool ok;
} Compiled;

// Parses [text] and runs the symbol table over it; NULL (and a failed
// expectation) if the parser rejects the text.
static Compiled *compile_text(const char *text, unsigned flags) {
    Compiled *c = calloc(1, sizeof *c);
    cr_assert_not_null(c);
    Diag sd;
    diag_init(&sd);
    cr_assert(lx_source_from_string(&c->src, "f.py", text, strlen(text), &sd));
    // The parser leaves the compiler's errors to the symbol table: they must
    // come out in CPython's order, after those of the whole-module walk.
    unsigned pflags = PARSE_ONLY_AST | ((flags & SYM_FLAG_TOPLEVEL_AWAIT) ? PARSE_TOPLEVEL_AWAIT : 0);
    if (!ps_parse(&c->src, PARSE_FILE, pflags, &c->pr)) {
        char msg[512];
        snprintf(msg, sizeof msg, "%s at %d:%d", c->pr.diag.msg ? c->pr.diag.msg : "?",
                 c->pr.diag.line, c->pr.diag.col);
        ps_result_free(&c->pr);
        lx_source_free(&c->src);
        free(c);
        cr_expect_fail("the parser rejected the source: %s\n%s", msg, text);
        return NULL;
    }
    arena_init(&c->arena);
    diag_init(&c->d);
    c->ok = sym_analyze(c->pr.root, &c->arena, flags, &c->st, &c->d);
    return c;
}

static void compiled_free(Compiled *c) {
    diag_clear(&c->d);
    arena_free(&c->arena);
    ps_result_free(&c->pr);
    lx_source_free(&c->src);
    free(c);
}

static Compiled *compile_ok(const char *text, unsigned flags) {
    Compiled *c = compile_text(text, flags);
    cr_assert_not_null(c);
    cr_assert(c->ok, "unexpected error: %s at %d:%d", c->d.msg, c->d.line, c->d.col);
    return c;
}

static const SymScope *scope(const Compiled *c, const char *qualname) {
    for (uint32_t i = 0; i < c->st->nscopes; i++)
        if (strcmp(c->st->scopes[i]->qualname, qualname) == 0) return c->st->scopes[i];
    cr_assert_fail("no scope %s", qualname);
    return NULL;
}

// "a,b,c" from a name array, in a static buffer.
static const char *joined(const char *const *v, uint32_t n) {
    static char buf[4096];
    buf[0] = '\0';
    for (uint32_t i = 0; i < n; i++) {
        if (i) strcat(buf, ",");
        strcat(buf, v[i]);
    }
    return buf;
}

// co_varnames, co_cellvars and co_freevars of [qualname].
static void expect_layout(const Compiled *c, const char *qualname, const char *vars,
                          const char *cells, const char *frees) {
    const SymScope *s = scope(c, qualname);
    cr_expect_str_eq(joined(s->varnames, s->nvarnames), vars, "%s varnames", qualname);
    cr_expect_str_eq(joined(s->cellvars, s->ncellvars), cells, "%s cellvars", qualname);
    cr_expect_str_eq(joined(s->freevars, s->nfreevars), frees, "%s freevars", qualname);
}

static SymRef lookup(const Compiled *c, const char *qualname, const char *name) {
    return sym_lookup(scope(c, qualname), name, strlen(name));
}

static void expect_ref(const Compiled *c, const char *qualname, const char *name, SymRefKind kind,
                       int index) {
    SymRef r = lookup(c, qualname, name);
    cr_expect_eq(r.kind, kind, "%s: %s kind %d, expected %d", qualname, name, r.kind, kind);
    cr_expect_eq(r.index, index, "%s: %s index %d, expected %d", qualname, name, r.index, index);
}

// ------------------------------------------------------------ scopes

// co_varnames: parameters first, then fast locals in order of first use by codegen.
Test(symtable, function_frame_layout) {
    {   // parameters come first, in CPython order
        Compiled *c = compile_ok("def f(a, b=1, /, c=2, *d, e, f=3, **g):\n    z = 1\n    y = 2\n", 0);
        expect_layout(c, "f", "a,b,c,e,f,d,g,z,y", "", "");
        const SymScope *f = scope(c, "f");
        cr_expect_eq(f->argcount, 3);
        cr_expect_eq(f->posonlyargcount, 2);
        cr_expect_eq(f->kwonlyargcount, 2);
        cr_expect_eq(sym_code_flags(c->st, f), 0xf);   // OPTIMIZED|NEWLOCALS|VARARGS|VARKEYWORDS
        compiled_free(c);
    }
    {   // locals are numbered in codegen order
        // Value before target, try-else before the handlers, a load counts.
        Compiled *c = compile_ok("def f():\n    x = (y := 1)\n    for i in r:\n        pass\n"
                                 "    try:\n        pass\n    except E as e:\n        pass\n"
                                 "    else:\n        q = 1\n    finally:\n        w = 1\n"
                                 "    print(u)\n    u = 2\n", 0);
        expect_layout(c, "f", "y,x,i,q,e,w,u", "", "");
        compiled_free(c);
    }
    {   // finally body counts where a break unwinds it
        Compiled *c = compile_ok("def f():\n    for i in x:\n        try:\n            break\n"
                                 "            c = 1\n        finally:\n            a = 1\n    b = 2\n", 0);
        expect_layout(c, "f", "i,a,c,b", "", "");
        compiled_free(c);
    }
    {   // annotation only local has no slot
        Compiled *c = compile_ok("def f():\n    x: int\n    y = 1\n", 0);
        expect_layout(c, "f", "y", "", "");
        const SymName *x = sym_find(scope(c, "f"), "x", 1);
        cr_assert_not_null(x);
        cr_expect_eq(x->binding, SYM_BIND_LOCAL);
        cr_expect_eq(x->flags, SYM_DEF_LOCAL | SYM_DEF_ANNOT);
        cr_expect_eq(x->index, -1);
        compiled_free(c);
    }
    {   // del and imports bind locals
        Compiled *c = compile_ok("def f(a):\n    a += b\n    del c\n    import x.y as z, p.q\n"
                                 "    from m import n as o, r\n    with k as (l, m2):\n        pass\n", 0);
        expect_layout(c, "f", "a,c,z,p,o,r,l,m2", "", "");
        const SymName *z = sym_find(scope(c, "f"), "z", 1);
        cr_expect_eq(z->flags, SYM_DEF_IMPORT);
        compiled_free(c);
    }
}

// Cells in the binding function, free variables down to the user.
Test(symtable, cells_and_free_variables) {
    {   // cells are parameters first then sorted
        Compiled *c = compile_ok("def f(b, a, *, k, **kw):\n    z = 1\n    y = 2\n    def g():\n"
                                 "        return a, b, z, y, kw\n    x = 3\n    return g\n", 0);
        expect_layout(c, "f", "b,a,k,kw,g,x", "b,a,kw,y,z", "");
        expect_layout(c, "f.<locals>.g", "", "", "a,b,kw,y,z");
        const SymScope *f = scope(c, "f");
        cr_expect_eq(f->cell_arg[0], 0);    // b
        cr_expect_eq(f->cell_arg[1], 1);    // a
        cr_expect_eq(f->cell_arg[2], 3);    // kw
        cr_expect_eq(f->cell_arg[3], -1);   // y
        expect_ref(c, "f", "a", SYM_CELL, 1);
        expect_ref(c, "f", "z", SYM_CELL, 4);
        expect_ref(c, "f", "x", SYM_LOCAL_FAST, 5);
        expect_ref(c, "f.<locals>.g", "kw", SYM_FREE, 2);
        cr_expect_eq(sym_code_flags(c->st, scope(c, "f.<locals>.g")), 0x13);   // NESTED
        compiled_free(c);
    }
    {   // free variable passes through enclosing function
        Compiled *c = compile_ok("def f():\n    def g():\n        def h():\n            return x\n"
                                 "        return h\n    x = 1\n    return g\n", 0);
        expect_layout(c, "f", "g", "x", "");
        expect_layout(c, "f.<locals>.g", "h", "", "x");
        expect_layout(c, "f.<locals>.g.<locals>.h", "", "", "x");
        const SymName *x = sym_find(scope(c, "f.<locals>.g"), "x", 1);
        cr_assert_not_null(x);
        cr_expect_eq(x->binding, SYM_BIND_FREE);
        cr_expect_eq(x->flags, 0u);   // only passed through
        compiled_free(c);
    }
    {   // nonlocal makes a cell in the binder
        Compiled *c = compile_ok("def f():\n    x = 1\n    def g():\n        nonlocal x\n        x = 2\n"
                                 "    return g\n", 0);
        expect_layout(c, "f", "g", "x", "");
        expect_layout(c, "f.<locals>.g", "", "", "x");
        expect_ref(c, "f.<locals>.g", "x", SYM_FREE, 0);
        compiled_free(c);
    }
}

// Class bodies: invisible to methods, __class__ cell, DEF_FREE_CLASS, LOAD_CLASSDEREF.
Test(symtable, class_scopes) {
    {   // class body names are invisible to methods
        Compiled *c = compile_ok("class C:\n    x = 1\n    def m(self):\n        return x\n", 0);
        expect_layout(c, "C.m", "self", "", "");
        expect_ref(c, "C.m", "x", SYM_GLOBAL_IMPLICIT, -1);
        expect_ref(c, "C", "x", SYM_NAME, -1);
        expect_ref(c, "<module>", "C", SYM_NAME, -1);
        compiled_free(c);
    }
    {   // super and dunder class need the class cell
        Compiled *c = compile_ok("class C:\n    def m(self):\n        return super().m()\n"
                                 "    def n(self):\n        def inner():\n            return __class__\n"
                                 "        return inner\n", 0);
        const SymScope *k = scope(c, "C");
        cr_expect(k->needs_class_closure);
        expect_layout(c, "C", "", "__class__", "");
        expect_layout(c, "C.m", "self", "", "__class__");
        expect_layout(c, "C.n", "self,inner", "", "__class__");
        expect_layout(c, "C.n.<locals>.inner", "", "", "__class__");
        SymRef r = sym_lookup_closure(k, "__class__", 9);
        cr_expect_eq(r.kind, SYM_CELL);
        cr_expect_eq(r.index, 0);
        compiled_free(c);
    }
    {   // class name also free in method is free class
        Compiled *c = compile_ok("def f():\n    x = 1\n    class C:\n        y = x\n        x = 2\n"
                                 "        def m(self):\n            return x\n    return C\n", 0);
        expect_layout(c, "f", "C", "x", "");
        expect_layout(c, "f.<locals>.C", "", "", "x");
        expect_layout(c, "f.<locals>.C.m", "self", "", "x");
        const SymName *x = sym_find(scope(c, "f.<locals>.C"), "x", 1);
        cr_assert_not_null(x);
        cr_expect_eq(x->binding, SYM_BIND_LOCAL);
        cr_expect_eq(x->flags, SYM_DEF_LOCAL | SYM_USE | SYM_DEF_FREE_CLASS);
        expect_ref(c, "f.<locals>.C", "x", SYM_NAME, -1);   // the class body reads its own x
        SymRef r = sym_lookup_closure(scope(c, "f.<locals>.C"), "x", 1);
        cr_expect_eq(r.kind, SYM_FREE);
        cr_expect_eq(r.index, 0);
        compiled_free(c);
    }
    {   // class body reads enclosing function local as free
        Compiled *c = compile_ok("def f():\n    x = 1\n    class C:\n        print(x)\n    return C\n", 0);
        expect_layout(c, "f", "C", "x", "");
        expect_layout(c, "f.<locals>.C", "", "", "x");
        expect_ref(c, "f.<locals>.C", "x", SYM_FREE, 0);   // LOAD_CLASSDEREF
        compiled_free(c);
    }
}

Test(symtable, global_declarations) {
    Compiled *c = compile_ok("def f():\n    global a\n    a = b\n    def g():\n        return a, b\n", 0);
    expect_layout(c, "f", "g", "", "");
    expect_ref(c, "f", "a", SYM_GLOBAL_EXPLICIT, -1);
    expect_ref(c, "f", "b", SYM_GLOBAL_IMPLICIT, -1);
    expect_ref(c, "f.<locals>.g", "a", SYM_GLOBAL_IMPLICIT, -1);
    // CPython records a function's global declaration in the module too.
    expect_ref(c, "<module>", "a", SYM_GLOBAL_EXPLICIT, -1);
    expect_ref(c, "<module>", "f", SYM_NAME, -1);
    compiled_free(c);
}

// Comprehensions are functions; assignment expressions bind outside them.
Test(symtable, comprehension_scopes) {
    {   // comprehension is a function with implicit parameter
        Compiled *c = compile_ok("def f(y):\n    return [x + y for x in y if x for z in x]\n", 0);
        expect_layout(c, "f", "y", "y", "");
        expect_layout(c, "f.<locals>.<listcomp>", ".0,x,z", "", "y");
        const SymScope *lc = scope(c, "f.<locals>.<listcomp>");
        cr_expect_eq(lc->type, SYM_SCOPE_LISTCOMP);
        cr_expect_eq(lc->argcount, 1);
        cr_expect_str_eq(lc->name, "<listcomp>");
        // The first iterable is evaluated in f: it reads y there.
        const SymName *y = sym_find(scope(c, "f"), "y", 1);
        cr_expect_eq(y->flags, SYM_DEF_PARAM | SYM_USE);
        compiled_free(c);
    }
    {   // walrus in comprehension binds in enclosing function
        Compiled *c = compile_ok("def f(a):\n    [y for x in a if (y := x)]\n    return y\n", 0);
        expect_layout(c, "f", "a", "y", "");
        expect_layout(c, "f.<locals>.<listcomp>", ".0,x", "", "y");
        const SymName *y = sym_find(scope(c, "f.<locals>.<listcomp>"), "y", 1);
        cr_expect_eq(y->flags, SYM_DEF_NONLOCAL | SYM_DEF_LOCAL | SYM_USE);
        compiled_free(c);
    }
    {   // walrus in module comprehension is global
        Compiled *c = compile_ok("[y := x for x in z]\n", 0);
        expect_ref(c, "<module>", "y", SYM_GLOBAL_EXPLICIT, -1);
        expect_ref(c, "<listcomp>", "y", SYM_GLOBAL_EXPLICIT, -1);
        compiled_free(c);
    }
}

// co_flags of generators, coroutines and async generators.
Test(symtable, generator_and_coroutine_flags) {
    {   // generator and coroutine flags
        Compiled *c = compile_ok("def gen():\n    yield 1\ndef yf():\n    yield from x\n"
                                 "async def coro():\n    await x\nasync def agen():\n    yield 1\n"
                                 "def genexp():\n    return (i async for i in x)\n"
                                 "async def alist():\n    return [i async for i in x]\n"
                                 "lam = lambda: (yield)\n", 0);
        struct { const char *q; unsigned flags; } want[] = {
            {"gen", 0x23}, {"yf", 0x23}, {"coro", 0x83}, {"agen", 0x203}, {"genexp", 0x3},
            {"genexp.<locals>.<genexpr>", 0x213}, {"alist", 0x83},
            {"alist.<locals>.<listcomp>", 0x93}, {"<lambda>", 0x23}, {"<module>", 0},
        };
        for (size_t i = 0; i < sizeof want / sizeof *want; i++)
            cr_expect_eq(sym_code_flags(c->st, scope(c, want[i].q)), want[i].flags, "%s", want[i].q);
        cr_expect(scope(c, "yf")->has_yield_from);
        cr_expect_not(scope(c, "gen")->has_yield_from);
        cr_expect(scope(c, "coro")->coroutine);
        cr_expect_eq(scope(c, "coro")->type, SYM_SCOPE_ASYNC_FUNCTION);
        compiled_free(c);
    }
    {   // await in genexp of plain function makes async generator
        Compiled *c = compile_ok("def f():\n    return (await i for i in x)\n", 0);
        cr_expect_eq(sym_code_flags(c->st, scope(c, "f")), 0x3);
        cr_expect_eq(sym_code_flags(c->st, scope(c, "f.<locals>.<genexpr>")), 0x213);
        compiled_free(c);
    }
}

Test(symtable, private_names_are_mangled) {
    Compiled *c = compile_ok("class C:\n    def __m(self, __a):\n        __b = __a\n        def g():\n"
                             "            return __b, __c, __d__\n        __c = 1\n        return g\n", 0);
    expect_layout(c, "C.__m", "self,_C__a,g", "_C__b,_C__c", "");
    expect_layout(c, "C.__m.<locals>.g", "", "", "_C__b,_C__c");
    expect_ref(c, "C.__m", "__a", SYM_LOCAL_FAST, 1);
    expect_ref(c, "C.__m.<locals>.g", "__d__", SYM_GLOBAL_IMPLICIT, -1);
    cr_expect_not_null(sym_find(scope(c, "C"), "__m", 3));
    cr_expect_str_eq(sym_find(scope(c, "C"), "__m", 3)->name, "_C__m");
    Arena a;
    arena_init(&a);
    size_t n;
    cr_expect_str_eq(sym_mangle(&a, "_C", "__x", 3, &n), "_C__x");
    cr_expect_str_eq(sym_mangle(&a, "__", "__x", 3, &n), "__x");     // all underscores
    cr_expect_str_eq(sym_mangle(&a, "C", "__x__", 5, &n), "__x__");  // dunder
    cr_expect_str_eq(sym_mangle(&a, "C", "__a.b", 5, &n), "__a.b");  // dotted import
    cr_expect_str_eq(sym_mangle(&a, NULL, "__x", 3, &n), "__x");
    arena_free(&a);
    compiled_free(c);
}

Test(symtable, qualnames_follow_cpython) {
    Compiled *c = compile_ok("def f():\n    def g():\n        return [lambda: 0 for x in y]\n"
                             "    class K:\n        def m(self): pass\n    return g\n"
                             "def h():\n    global q\n    def q(): pass\n", 0);
    scope(c, "f.<locals>.g.<locals>.<listcomp>.<lambda>");
    scope(c, "f.<locals>.K.m");
    cr_expect_eq(scope(c, "q")->parent, scope(c, "h"));   // declared global: no prefix
    cr_expect_str_eq(c->st->top->qualname, "<module>");
    compiled_free(c);
}

Test(symtable, scopes_map_to_their_nodes_in_source_order) {
    Compiled *c = compile_ok("def f():\n    pass\nclass C:\n    pass\nx = lambda: [i for i in y]\n", 0);
    const SymScope *top = c->st->top;
    cr_assert_eq(top->nchildren, 3);
    cr_expect_str_eq(top->children[0]->name, "f");
    cr_expect_str_eq(top->children[1]->name, "C");
    cr_expect_str_eq(top->children[2]->name, "<lambda>");
    cr_expect_str_eq(top->children[2]->children[0]->name, "<listcomp>");
    const AstSeq *body = &c->pr.root->u.module.body;
    cr_expect_eq(sym_scope_of(c->st, body->items[0]), top->children[0]);
    cr_expect_eq(sym_scope_of(c->st, body->items[1]), top->children[1]);
    cr_expect_eq(sym_scope_of(c->st, body->items[2]->u.assign.value), top->children[2]);
    cr_expect_eq(sym_scope_of(c->st, c->pr.root), top);
    cr_expect_null(sym_scope_of(c->st, body->items[2]));
    for (uint32_t i = 0; i < c->st->nscopes; i++) cr_expect_eq(c->st->scopes[i]->id, i);
    compiled_free(c);
}

Test(symtable, future_annotations_are_not_evaluated) {
    const char *src = "def f():\n    T = 1\n    def g():\n        def h(a: T) -> T:\n"
                      "            pass\n        x: T = 1\n        return h\n    return g\n";
    Compiled *plain = compile_ok(src, 0);
    expect_layout(plain, "f", "g", "T", "");
    expect_layout(plain, "f.<locals>.g", "h,x", "", "T");
    char fut[512];
    snprintf(fut, sizeof fut, "from __future__ import annotations\n%s", src);
    Compiled *c = compile_ok(fut, 0);
    cr_expect_eq(c->st->future, (unsigned)SYM_FUTURE_ANNOTATIONS);
    cr_expect_eq(c->st->future_lineno, 1);
    expect_layout(c, "f", "T,g", "", "");
    expect_layout(c, "f.<locals>.g", "h,x", "", "");
    compiled_free(plain);
    compiled_free(c);
}

Test(symtable, toplevel_await_flag_allows_module_await) {
    Compiled *c = compile_ok("await x\nasync for i in y:\n    pass\nz = [i async for i in y]\n",
                             SYM_FLAG_TOPLEVEL_AWAIT);
    cr_expect(c->st->top->coroutine);
    cr_expect_eq(sym_code_flags(c->st, c->st->top), (unsigned)SYM_CO_COROUTINE);
    compiled_free(c);
}

// ------------------------------------------------------------ errors

typedef struct ErrorCase {
    const char *name, *src;
    unsigned flags;
    const char *msg;
    int line, col, end_line, end_col;
} ErrorCase;

// Each case fails on its own (cr_expect), named in the message.
static void expect_errors(const ErrorCase *cases, size_t n) {
    for (size_t i = 0; i < n; i++) {
        const ErrorCase *e = &cases[i];
        Compiled *c = compile_text(e->src, e->flags);
        if (!c) continue;
        if (c->ok) {
            cr_expect_fail("%s: no error", e->name);
        } else {
            cr_expect_eq(c->d.kind, DIAG_SYNTAX, "%s: kind %d", e->name, c->d.kind);
            cr_expect_str_eq(c->d.msg, e->msg, "%s: message", e->name);
            int got[4] = {c->d.line, c->d.col, c->d.end_line, c->d.end_col};
            int want[4] = {e->line, e->col, e->end_line, e->end_col};
            cr_expect_arr_eq(got, want, sizeof got, "%s: at %d:%d-%d:%d, expected %d:%d-%d:%d",
                             e->name, got[0], got[1], got[2], got[3], want[0], want[1], want[2],
                             want[3]);
        }
        compiled_free(c);
    }
}

#define CASES(t) expect_errors(t, sizeof t / sizeof *t)

// Return/yield/await and the async statements where CPython refuses them.
Test(symtable, placement_of_return_yield_and_await) {
    static const ErrorCase cases[] = {
        {"return_outside_function", "x = 1\nreturn x\n", 0, "'return' outside function", 2, 0, 2, 8},
        {"return_in_class_body", "class C:\n    return 1\n", 0, "'return' outside function", 2, 4, 2, 12},
        {"yield_outside_function", "yield 1\n", 0, "'yield' outside function", 1, 0, 1, 7},
        {"yield_in_class_body", "class C:\n    yield 1\n", 0, "'yield' outside function", 2, 4, 2, 11},
        {"yield_from_outside_function", "x = yield from y\n", 0, "'yield' outside function", 1, 4, 1, 16},
        {"await_outside_function", "await x\n", 0, "'await' outside function", 1, 0, 1, 7},
        {"await_in_class_body_with_toplevel_await", "class C:\n    await x\n",
         SYM_FLAG_TOPLEVEL_AWAIT, "'await' outside function", 2, 4, 2, 11},
        {"await_outside_async_function", "def f():\n    await x\n", 0,
         "'await' outside async function", 2, 4, 2, 11},
        {"await_in_lambda", "async def f():\n    return lambda: await x\n", 0,
         "'await' outside async function", 2, 19, 2, 26},
        {"await_in_listcomp_of_plain_function", "def f():\n    return [await x for x in y]\n", 0,
         "asynchronous comprehension outside of an asynchronous function", 2, 11, 2, 31},
        {"await_in_first_iterable_of_plain_function", "def f():\n    return [x for x in await y]\n",
         0, "'await' outside async function", 2, 23, 2, 30},
        {"yield_from_inside_async_function", "async def f():\n    yield from x\n", 0,
         "'yield from' inside async function", 2, 4, 2, 16},
        {"return_value_in_async_generator", "async def f():\n    yield 1\n    return 2\n", 0,
         "'return' with value in async generator", 3, 4, 3, 12},
        {"return_value_in_async_generator_made_by_await", "def f():\n    return 2\n    await x\n    yield 1\n",
         0, "'return' with value in async generator", 2, 4, 2, 12},
        {"async_for_outside_async_function", "def f():\n    async for x in y:\n        pass\n", 0,
         "'async for' outside async function", 2, 4, 3, 12},
        {"async_with_outside_async_function", "def f():\n    async with x:\n        pass\n", 0,
         "'async with' outside async function", 2, 4, 3, 12},
        {"async_comprehension_outside_async_function", "def f():\n    return [x async for x in y]\n",
         0, "asynchronous comprehension outside of an asynchronous function", 2, 11, 2, 31},
        {"async_comprehension_at_module_level", "x = [i async for i in y]\n", 0,
         "asynchronous comprehension outside of an asynchronous function", 1, 4, 1, 24},
    };
    CASES(cases);
}

// Break/continue outside loops, block nesting, handler order.
Test(symtable, loop_and_block_errors) {
    static const ErrorCase cases[] = {
        {"break_outside_loop", "break\n", 0, "'break' outside loop", 1, 0, 1, 5},
        {"continue_not_properly_in_loop", "def f():\n    continue\n", 0,
         "'continue' not properly in loop", 2, 4, 2, 12},
        {"break_in_function_inside_loop", "for i in x:\n    def f():\n        break\n", 0,
         "'break' outside loop", 3, 8, 3, 13},
        {"continue_in_finally_is_allowed", "for i in x:\n    try:\n        pass\n    finally:\n        continue\nbreak\n",
         0, "'break' outside loop", 6, 0, 6, 5},
        {"too_many_statically_nested_blocks", "for x0 in y:\n    for x1 in y:\n        for x2 in y:\n            for x3 in y:\n"
         "                for x4 in y:\n                    for x5 in y:\n"
         "                        for x6 in y:\n                            for x7 in y:\n"
         "                                for x8 in y:\n                                    for x9 in y:\n"
         "                                        for x10 in y:\n"
         "                                            for x11 in y:\n"
         "                                                for x12 in y:\n"
         "                                                    for x13 in y:\n"
         "                                                        for x14 in y:\n"
         "                                                            for x15 in y:\n"
         "                                                                for x16 in y:\n"
         "                                                                    for x17 in y:\n"
         "                                                                        for x18 in y:\n"
         "                                                                            for x19 in y:\n"
         "                                                                                for x20 in y:\n"
         "                                                                                    pass\n",
         0, "too many statically nested blocks", 21, 80, 22, 88},
        {"default_except_must_be_last", "try:\n    pass\nexcept:\n    pass\nexcept ValueError:\n    pass\n", 0,
         "default 'except:' must be last", 3, 0, 4, 8},
    };
    CASES(cases);
}

// Global/nonlocal declarations.
Test(symtable, global_and_nonlocal_declaration_errors) {
    static const ErrorCase cases[] = {
        {"nonlocal_at_module_level", "nonlocal x\n", 0,
         "nonlocal declaration not allowed at module level", 1, 0, 1, 10},
        {"no_binding_for_nonlocal", "def f():\n    nonlocal x\n", 0,
         "no binding for nonlocal 'x' found", 2, 4, 2, 14},
        {"nonlocal_in_class_at_module_level", "class C:\n    nonlocal x\n", 0,
         "no binding for nonlocal 'x' found", 2, 4, 2, 14},
        {"nonlocal_cannot_reach_a_global", "def f():\n    global a\n    def g():\n        nonlocal a\n", 0,
         "no binding for nonlocal 'a' found", 4, 8, 4, 18},
        {"parameter_and_global", "def f(x):\n    global x\n", 0, "name 'x' is parameter and global", 2, 4, 2, 12},
        {"parameter_and_nonlocal", "def f(x):\n    nonlocal x\n", 0,
         "name 'x' is parameter and nonlocal", 2, 4, 2, 14},
        {"nonlocal_and_global", "def f():\n    x = 1\n    def g():\n        global x\n        nonlocal x\n", 0,
         "name 'x' is nonlocal and global", 4, 8, 4, 16},
        {"used_prior_to_global", "def f():\n    print(x)\n    global x\n", 0,
         "name 'x' is used prior to global declaration", 3, 4, 3, 12},
        {"assigned_before_global", "def f():\n    x = 1\n    global x\n", 0,
         "name 'x' is assigned to before global declaration", 3, 4, 3, 12},
        {"used_prior_to_nonlocal", "def f():\n    x = 1\n    def g():\n        print(x)\n        nonlocal x\n", 0,
         "name 'x' is used prior to nonlocal declaration", 5, 8, 5, 18},
        {"assigned_before_nonlocal", "def f():\n    x = 1\n    def g():\n        x = 2\n        nonlocal x\n", 0,
         "name 'x' is assigned to before nonlocal declaration", 5, 8, 5, 18},
        {"annotated_name_cannot_be_global", "def f():\n    x: int\n    global x\n", 0,
         "annotated name 'x' can't be global", 3, 4, 3, 12},
    };
    CASES(cases);
}

// Parameters, keywords, imports, starred targets, __debug__.
Test(symtable, binding_errors) {
    static const ErrorCase cases[] = {
        {"duplicate_argument", "def f(a, b, a):\n    pass\n", 0,
         "duplicate argument 'a' in function definition", 1, 12, 1, 13},
        {"duplicate_argument_in_lambda", "f = lambda x, *, x: 0\n", 0,
         "duplicate argument 'x' in function definition", 1, 17, 1, 18},
        {"import_star_in_function", "def f():\n    from os import *\n", 0,
         "import * only allowed at module level", 2, 19, 2, 20},
        {"keyword_argument_repeated", "print(end=\"\", sep=\"\", end=\"\")\n", 0,
         "keyword argument repeated: end", 1, 22, 1, 28},
        {"starred_assignment_target", "*a = [1, 2]\n", 0,
         "starred assignment target must be in a list or tuple", 1, 0, 1, 2},
        {"multiple_starred_expressions", "a, *b, *c = [1, 2, 3]\n", 0,
         "multiple starred expressions in assignment", 1, 0, 1, 9},
        {"starred_expression_here", "x = *a\n", 0, "can't use starred expression here", 1, 4, 1, 6},
        {"assign_to_debug", "__debug__ = 1\n", 0, "cannot assign to __debug__", 1, 0, 1, 9},
        {"delete_debug", "del __debug__\n", 0, "cannot delete __debug__", 1, 4, 1, 13},
        {"debug_parameter", "def f(__debug__):\n    pass\n", 0, "cannot assign to __debug__", 1, 0, 2, 8},
    };
    CASES(cases);
}

// Yield and assignment expressions in comprehensions.
Test(symtable, comprehension_errors) {
    static const ErrorCase cases[] = {
        {"yield_inside_list_comprehension", "def f():\n    return [(yield x) for x in y]\n", 0,
         "'yield' inside list comprehension", 2, 13, 2, 20},
        {"yield_inside_set_comprehension", "def f():\n    return {(yield x) for x in y}\n", 0,
         "'yield' inside set comprehension", 2, 13, 2, 20},
        {"yield_inside_dict_comprehension", "def f():\n    return {x: (yield) for x in y}\n", 0,
         "'yield' inside dict comprehension", 2, 16, 2, 21},
        {"yield_inside_generator_expression", "def f():\n    return ((yield x) for x in y)\n", 0,
         "'yield' inside generator expression", 2, 13, 2, 20},
        {"walrus_in_comprehension_in_class_body", "class C:\n    xs = [(y := x) for x in z]\n", 0,
         "assignment expression within a comprehension cannot be used in a class body", 2, 11, 2, 12},
        {"walrus_cannot_rebind_iteration_variable", "def f():\n    return [(x := 1) for x in y]\n", 0,
         "assignment expression cannot rebind comprehension iteration variable 'x'", 2, 13, 2, 14},
        {"walrus_in_comprehension_iterable", "def f():\n    return [x for x in (y := z)]\n", 0,
         "assignment expression cannot be used in a comprehension iterable expression", 2, 24, 2, 30},
        {"inner_loop_cannot_rebind_walrus_target", "def f():\n    return [i for j in y if (i := j) for i in z]\n",
         0, "comprehension inner loop cannot rebind assignment expression target 'i'", 2, 41, 2, 42},
    };
    CASES(cases);
}

// `from __future__` imports (CPython gives some only a start column: end -1).
Test(symtable, future_import_errors) {
    static const ErrorCase cases[] = {
        {"future_import_not_first", "import os\nfrom __future__ import annotations\n", 0,
         "from __future__ imports must occur at the beginning of the file", 2, 0, 2, 34},
        {"future_feature_not_defined", "from __future__ import nonsense\n", 0,
         "future feature nonsense is not defined", 1, 0, 1, -1},
        {"future_braces", "from __future__ import braces\n", 0, "not a chance", 1, 0, 1, -1},
        {"yield_in_annotation_with_future_annotations", "from __future__ import annotations\ndef f(a: (yield)):\n    pass\n", 0,
         "'yield expression' can not be used within an annotation", 2, 10, 2, 15},
    };
    CASES(cases);
}

// Positions are byte columns, as CPython's compiler reports them.
Test(symtable, error_columns_are_bytes) {
    static const ErrorCase cases[] = {
        {"columns_are_bytes", "x = \"\xc3\xa9\xc3\xa9\"; return 1\n", 0, "'return' outside function", 1, 12, 1, 20},
    };
    CASES(cases);
}

// Which error wins: the symbol table walk (whole module), then its analysis (outer scopes first), then code generation in its own order.
Test(symtable, first_error_in_cpython_order_wins) {
    static const ErrorCase cases[] = {
        {"walk_errors_come_before_codegen_errors", "return 1\ndef f(a, a):\n    pass\n", 0,
         "duplicate argument 'a' in function definition", 2, 9, 2, 10},
        {"walk_errors_come_before_analysis_errors", "nonlocal x\ndef f(a, a):\n    pass\n", 0,
         "duplicate argument 'a' in function definition", 2, 9, 2, 10},
        {"analysis_reports_outer_scope_first", "def f():\n    def g():\n        nonlocal y\n    nonlocal z\n", 0,
         "no binding for nonlocal 'z' found", 4, 4, 4, 14},
        {"break_compiles_the_finally_body_first", "for i in x:\n    try:\n        break\n        await a\n    finally:\n        return 1\n", 0,
         "'return' outside function", 6, 8, 6, 16},
        {"class_body_is_compiled_before_bases", "class C(await x):\n    return 1\n", 0,
         "'return' outside function", 2, 4, 2, 12},
        {"call_keywords_are_checked_before_arguments", "f(await x, a=1, a=2)\n", 0,
         "keyword argument repeated: a", 1, 16, 1, 19},
        {"comprehension_body_is_compiled_before_first_iterable", "def f():\n    return [(await z) for x in await y]\n", 0,
         "asynchronous comprehension outside of an asynchronous function", 2, 11, 2, 39},
        {"defaults_are_compiled_before_annotations", "def f(a: (await x), b=(yield)):\n    pass\n", 0,
         "'yield' outside function", 1, 23, 1, 28},
    };
    CASES(cases);
}

// Close to the errors, but accepted.
Test(symtable, programs_cpython_accepts) {
    {   // generator expression may await in plain function
        Compiled *c = compile_ok("def f():\n    return (await x for x in y)\nz = (await x for x in y)\n", 0);
        compiled_free(c);
    }
    {   // break and continue in finally are allowed
        Compiled *c = compile_ok("while x:\n    try:\n        pass\n    finally:\n        break\n"
                                 "for y in z:\n    try:\n        pass\n    finally:\n        continue\n", 0);
        compiled_free(c);
    }
    {   // twenty nested blocks are allowed
        char src[8192] = "";
        for (int i = 0; i < 20; i++) {
            char line[128];
            snprintf(line, sizeof line, "%*swhile x%d:\n", i * 2, "", i);
            strcat(src, line);
        }
        strcat(src, "                                        pass\n");
        Compiled *c = compile_ok(src, 0);
        compiled_free(c);
    }
}

// ------------------------------------------------------------ warnings

typedef struct Warn {
    int line;
    const char *msg;
} Warn;

static const char IS_LITERAL[] = "\"is\" with a literal. Did you mean \"==\"?";

static void expect_warnings(const Compiled *c, const Warn *want, uint32_t n) {
    cr_assert_not_null(c->st);
    cr_assert_eq(c->st->nwarnings, n, "%u warnings, expected %u", c->st->nwarnings, n);
    for (uint32_t i = 0; i < n; i++) {
        cr_expect_eq(c->st->warnings[i].line, want[i].line, "warning %u line", i);
        cr_expect_str_eq(c->st->warnings[i].msg, want[i].msg, "warning %u", i);
    }
}

// SyntaxWarnings in codegen order, repeated where CPython compiles twice.
Test(symtable, syntax_warnings) {
    {   // syntax warnings in codegen order
        Compiled *c = compile_ok("x = 1\nif x is 1:\n    pass\nassert (x, 1)\nprint(1(2))\n"
                                 "print(x is not \"s\", () is x)\n", 0);
        Warn want[] = {
            {2, IS_LITERAL},
            {4, "assertion is always true, perhaps remove parentheses?"},
            {5, "'int' object is not callable; perhaps you missed a comma?"},
            {6, "\"is not\" with a literal. Did you mean \"!=\"?"},
            {6, IS_LITERAL},
        };
        expect_warnings(c, want, 5);
        compiled_free(c);
    }
    {   // warnings repeat where cpython compiles twice
        // A finally body is compiled for each exit path, a while test twice.
        Compiled *c = compile_ok("x = 1\ntry:\n    pass\nfinally:\n    print(x is 1)\n"
                                 "for i in [1]:\n    try:\n        break\n    finally:\n"
                                 "        print(x is 2)\nwhile x is -1:\n    y = [1, 2][\"a\"]\n", 0);
        Warn want[] = {
            {5, IS_LITERAL}, {5, IS_LITERAL}, {10, IS_LITERAL}, {10, IS_LITERAL}, {10, IS_LITERAL},
            {11, IS_LITERAL},
            {12, "list indices must be integers or slices, not str; perhaps you missed a comma?"},
            {11, IS_LITERAL},
        };
        expect_warnings(c, want, 8);
        compiled_free(c);
    }
}

// Warnings found before a codegen error stay; a symtable error means none.
Test(symtable, warnings_and_errors) {
    {   // warnings before a codegen error are kept
        Compiled *c = compile_text("x = 1\nprint(x is 1)\nreturn 5\n", 0);
        cr_assert_not_null(c);
        cr_expect_not(c->ok);
        cr_expect_str_eq(c->d.msg, "'return' outside function");
        Warn want[] = {{2, IS_LITERAL}};
        expect_warnings(c, want, 1);
        compiled_free(c);
    }
    {   // no warnings when the symbol table fails
        Compiled *c = compile_text("print(x is 1)\nnonlocal x\n", 0);
        cr_assert_not_null(c);
        cr_expect_not(c->ok);
        expect_warnings(c, NULL, 0);
        compiled_free(c);
    }
}

// ------------------------------------------------------------ depth

// Module > Expr > [n] unary minus > constant, built directly: the tree
// height is the point here, whatever the parser's own limits.
static AstNode *deep_unary(Arena *a, int n) {
    AstNode *e = ast_new(a, AST_CONSTANT, 1, 0, 1, 1);
    e->u.constant.kind = CONST_INT;
    e->u.constant.is_small = true;
    e->u.constant.ival = 1;
    for (int i = 0; i < n; i++) {
        AstNode *u = ast_new(a, AST_UNARY_OP, 1, 0, 1, 1);
        u->u.unaryop.op = UOP_USUB;
        u->u.unaryop.operand = e;
        e = u;
    }
    AstNode *stmt = ast_new(a, AST_EXPR, 1, 0, 1, 1);
    stmt->u.expr.value = e;
    AstNode *mod = ast_new(a, AST_MODULE, 1, 0, 1, 1);
    mod->u.module.body.items = arena_alloc(a, sizeof(AstNode *));
    mod->u.module.body.items[0] = stmt;
    mod->u.module.body.len = 1;
    return mod;
}

// CPython's limit: 3000 levels pass, deeper is a RecursionError, not a crash.
Test(symtable, tree_height_limit) {
    {   // tree of cpython height limit is analysed
        Arena a;
        arena_init(&a);
        SymTable *st;
        Diag d;
        diag_init(&d);
        // Statement + 2998 operators + constant = 3000 levels: CPython's limit.
        cr_expect(sym_analyze(deep_unary(&a, 2998), &a, 0, &st, &d));
        arena_free(&a);
    }
    {   // deeper tree is recursion error not crash
        int heights[] = {2999, 100000};
        for (int i = 0; i < 2; i++) {
            Arena a;
            arena_init(&a);
            SymTable *st;
            Diag d;
            diag_init(&d);
            cr_expect_not(sym_analyze(deep_unary(&a, heights[i]), &a, 0, &st, &d));
            cr_expect_eq(d.kind, DIAG_RECURSION);
            cr_expect_str_eq(d.msg, "maximum recursion depth exceeded during compilation");
            diag_clear(&d);
            arena_free(&a);
        }
    }
}

// Deep expressions from source: within the C stack; the height error wins.
Test(symtable, deep_source) {
    {   // recursion error wins over earlier errors
        // CPython's AST optimiser meets the deep tree (3000 operands: 3001
        // levels) before the symtable meets the duplicate argument. The parser
        // may stop at the height itself, with the same error.
        char *src = malloc(8000);
        strcpy(src, "def f(a, a): pass\nx = ");
        for (int i = 0; i < 3000; i++) strcat(src, i ? "+1" : "1");
        strcat(src, "\n");
        Source s;
        Diag sd;
        diag_init(&sd);
        cr_assert(lx_source_from_string(&s, "f.py", src, strlen(src), &sd));
        ParseResult pr;
        Diag d;
        diag_init(&d);
        Arena a;
        arena_init(&a);
        if (ps_parse(&s, PARSE_FILE, PARSE_ONLY_AST, &pr)) {
            SymTable *st;
            cr_expect_not(sym_analyze(pr.root, &a, 0, &st, &d));
        } else {
            d = pr.diag;
            diag_init(&pr.diag);
        }
        cr_expect_eq(d.kind, DIAG_RECURSION, "got %s", d.msg);
        diag_clear(&d);
        arena_free(&a);
        ps_result_free(&pr);
        lx_source_free(&s);
        free(src);
    }
    {   // deep expression from source is analysed
        // x = ------...1: the walks recurse once per level with small frames,
        // so this runs within the C stack under ASan (CPython's own limit is
        // tested on a hand-built tree above).
        char *src = malloc(4000);
        strcpy(src, "x = ");
        memset(src + 4, '-', 2980);
        strcpy(src + 4 + 2980, "1\n");
        Compiled *c = compile_ok(src, 0);
        compiled_free(c);
        free(src);
    }
}

