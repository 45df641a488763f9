// Unit tests of the code generator and assembler: the shape of the code
// objects (stack size, exception table, positions, EXTENDED_ARG widths)
// and CPython's compile-time errors passing through.
#include <criterion/criterion.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "parser/parse.h"
#include "runtime/code.h"
#include "runtime/exc.h"
#include "runtime/gc.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "vm/compile.h"
#include "vm/opcodes.h"
#include "vm/vm.h"

static Vm *vm;
static void setup(void) { vm = vm_new(0, NULL); cr_assert(vm); }
static void teardown(void) { vm_free(vm); }

// Compiles [text]; NULL with *d set on a compile-time error.
static ObjCode *compile(const char *text, Diag *d) {
    Source src;
    Diag ld;
    diag_init(&ld);
    diag_init(d);
    cr_assert(lx_source_from_string(&src, "<test>", text, strlen(text), &ld));
    ParseResult pr;
    cr_assert(ps_parse(&src, PARSE_FILE, 0, &pr), "parse failed: %s", pr.diag.msg);
    ObjCode *co = cg_compile(vm, pr.root, "<test>", 0, d);
    ps_result_free(&pr);
    lx_source_free(&src);
    return co;
}

static int count_op(ObjCode *co, int op) {
    int n = 0;
    for (uint32_t i = 0; i < co->nwords; i++) n += (int)INSTR_OP(co->words[i]) == op;
    return n;
}

static ObjCode *const_code(ObjCode *co, uint32_t which) {
    for (uint32_t i = 0; i < co->nconsts; i++)
        if (IS_CODE(co->consts[i]) && which-- == 0) return AS_CODE(co->consts[i]);
    return NULL;
}

TestSuite(compile, .init = setup, .fini = teardown);

Test(compile, module_ends_with_return_none) {
    Diag d;
    ObjCode *co = compile("x = 1\n", &d);
    cr_assert(co);
    cr_assert_eq(INSTR_OP(co->words[co->nwords - 1]), OP_RETURN_VALUE);
    cr_assert_str_eq(AS_STR(co->name)->data, "<module>");
}

Test(compile, stack_size_covers_the_deepest_expression) {
    Diag d;
    ObjCode *co = compile("x = [1, 2, [3, 4, (5, 6, 7)]]\n", &d);
    cr_assert(co);
    cr_assert_geq(co->stacksize, 7);
}

Test(compile, try_except_builds_an_exception_table) {
    Diag d;
    ObjCode *co = compile("try:\n    x = 1\nexcept ValueError:\n    pass\n", &d);
    cr_assert(co);
    cr_assert_geq(co->nexcs, 2);   // the body, and the handler's cleanup
    const CodeExc *e = code_handler_at(co, 0);
    cr_assert(e);
    cr_assert_eq(e->depth, 0);
    cr_assert_eq(code_handler_at(co, co->nwords - 1), NULL);
}

Test(compile, positions_give_lines_and_columns) {
    Diag d;
    ObjCode *co = compile("a = 1\n\nb = a +   2\n", &d);
    cr_assert(co);
    bool found = false;
    for (uint32_t i = 0; i < co->nwords; i++)
        if (INSTR_OP(co->words[i]) == OP_BINARY_OP) {
            CodeLocCursor cur;
            const CodeLoc *l = code_loc_at(co, i, &cur);
            cr_assert_eq(l->line, 3);
            cr_assert_eq(l->col, 4);
            cr_assert_eq(l->end_col, 11);
            found = true;
        }
    cr_assert(found);
}

// The position table's long forms: long runs, big and negative line
// steps, spans over lines, unknown columns and extreme values decode to
// what was written.
Test(compile, position_table_round_trips_extreme_runs) {
    static const CodeLoc runs[] = {
        {0, 0, 0, -1, -1},        {1, 1, 1, 0, 5},          {8, 3, 7, 120, 2},
        {9, 2, 2, 127, 128},      {300, 100000, 100000, 4, 4}, {301, 99999, 1, -1, 7},
        {70301, 1, 1, 0, 0},      {70302, INT32_MAX, INT32_MIN, INT32_MAX, INT32_MIN},
        {70310, 0, 0, -1, -1},
    };
    size_t nruns = sizeof runs / sizeof runs[0];
    uint32_t nwords = 70400;
    uint8_t table[sizeof runs / sizeof runs[0] * CODE_LOC_MAX_BYTES];
    size_t n = 0;
    for (size_t i = 0; i < nruns; i++) {
        uint32_t end = i + 1 < nruns ? runs[i + 1].start : nwords;
        size_t k = code_loc_put(table + n, i ? &runs[i - 1] : NULL, end - runs[i].start, &runs[i]);
        cr_assert_leq(k, CODE_LOC_MAX_BYTES);
        n += k;
    }
    ObjCode co = {.linetable = table, .nlinetable = (uint32_t)n};
    CodeLocCursor cur;
    code_loc_cursor_init(&co, &cur);
    for (size_t i = 0; i < nruns; i++) {
        uint32_t end = i + 1 < nruns ? runs[i + 1].start : nwords + 5;   // the last run goes on
        for (uint32_t o = runs[i].start; o < end; o += o + 7 < end ? 7 : 1) {
            const CodeLoc *l = code_loc_cursor_seek(&cur, o);
            cr_assert(l);
            cr_assert(memcmp(l, &runs[i], sizeof *l) == 0, "run %zu at word %u", i, o);
        }
        CodeLocCursor fresh;
        const CodeLoc *l = code_loc_at(&co, runs[i].start, &fresh);
        cr_assert(l && memcmp(l, &runs[i], sizeof *l) == 0);
    }
}

// 24-bit operands: 70,000 constants need no EXTENDED_ARG, and the last
// LOAD_CONST still names the right constant.
Test(compile, seventy_thousand_constants_keep_their_indexes) {
    size_t n = 70000;
    char *text = malloc(n * 16 + 16);
    char *p = text;
    p += sprintf(p, "x = [");
    for (size_t i = 0; i < n; i++) p += sprintf(p, "%zu.5,", i);
    sprintf(p, "]\n");
    Diag d;
    ObjCode *co = compile(text, &d);
    free(text);
    cr_assert(co);
    cr_assert_geq(co->nconsts, n);
    uint32_t last = 0;
    for (uint32_t i = 0; i < co->nwords; i++)
        if (INSTR_OP(co->words[i]) == OP_LOAD_CONST) last = INSTR_ARG(co->words[i]);
    cr_assert_gt(last, 65535);
    Value r;
    cr_assert(rt_repr(vm, co->consts[last - 1], &r));
    cr_assert_str_eq(AS_STR(r)->data, "69999.5");
}

Test(compile, forty_thousand_statement_block_jumps_resolve) {
    size_t n = 40000;
    char *text = malloc(n * 16 + 64);
    char *p = text;
    p += sprintf(p, "i = 0\nwhile i < 2:\n");
    for (size_t k = 0; k < n; k++) p += sprintf(p, "    x = %zu\n", k);
    sprintf(p, "    i += 1\n");
    Diag d;
    ObjCode *co = compile(text, &d);
    free(text);
    cr_assert(co);
    // The backward jump lands on the loop test at the start.
    bool found = false;
    for (uint32_t i = 0; i < co->nwords; i++)
        if (INSTR_OP(co->words[i]) == OP_JUMP_BACKWARD) {
            cr_assert_lt(INSTR_ARG(co->words[i]), 10);
            found = true;
        }
    cr_assert(found);
}

Test(compile, closures_load_cells) {
    Diag d;
    ObjCode *co = compile("def f():\n    x = 1\n    def g():\n        return x\n    return g\n", &d);
    cr_assert(co);
    ObjCode *f = const_code(co, 0);
    cr_assert(f);
    cr_assert_eq(f->ncells, 1);
    cr_assert_gt(count_op(f, OP_LOAD_CLOSURE), 0);
    ObjCode *g = const_code(f, 0);
    cr_assert(g);
    cr_assert_eq(g->nfrees, 1);
    cr_assert_eq(count_op(g, OP_LOAD_DEREF), 1);
}

Test(compile, generator_functions_start_with_return_generator) {
    Diag d;
    ObjCode *co = compile("def f():\n    yield 1\n", &d);
    cr_assert(co);
    ObjCode *f = const_code(co, 0);
    cr_assert(f->flags & CODE_GENERATOR);
    cr_assert_eq(INSTR_OP(f->words[0]), OP_RETURN_GENERATOR);
}

Test(compile, symtable_errors_come_back_as_diags) {
    Diag d;
    ObjCode *co = compile("def f():\n    nonlocal q\n", &d);
    cr_assert_null(co);
    cr_assert_eq(d.kind, DIAG_SYNTAX);
    cr_assert_str_eq(d.msg, "no binding for nonlocal 'q' found");
    diag_clear(&d);
    co = compile("while 1:\n    pass\nbreak\n", &d);
    cr_assert_null(co);
    cr_assert_str_eq(d.msg, "'break' outside loop");
    diag_clear(&d);
}

Test(compile, docstring_is_first_constant) {
    Diag d;
    ObjCode *co = compile("def f():\n    'doc'\n    return 1\n", &d);
    cr_assert(co);
    ObjCode *f = const_code(co, 0);
    cr_assert(f->flags & CODE_HAS_DOC);
    cr_assert_str_eq(AS_STR(f->consts[0])->data, "doc");
}

// --- streaming (cg_stream_*, fed by ps_parse_stream) ---------------------------

static bool stream_sink(void *ud, AstNode *const *stmts, uint32_t n, Arena *a) {
    return cg_stream_add(ud, stmts, n, a);
}

// Compiles [text] batch by batch, every top-level statement in a batch of
// its own where the parser allows; NULL when the stream refuses it.
static ObjCode *compile_stream(const char *text) {
    Source src;
    Diag ld;
    diag_init(&ld);
    cr_assert(lx_source_from_string(&src, "<test>", text, strlen(text), &ld));
    CgStream *s = cg_stream_begin(vm, "<test>");
    cr_assert(s);
    ObjCode *co = NULL;
    if (ps_parse_stream(&src, 0, 1, stream_sink, s)) co = cg_stream_end(s);
    else cg_stream_free(s);
    lx_source_free(&src);
    return co;
}

static void assert_same_code(ObjCode *a, ObjCode *b) {
    cr_assert_eq(a->nwords, b->nwords);
    cr_assert(memcmp(a->words, b->words, a->nwords * sizeof *a->words) == 0);
    cr_assert_eq(a->nlinetable, b->nlinetable);
    cr_assert(memcmp(a->linetable, b->linetable, a->nlinetable) == 0);
    cr_assert_eq(a->nexcs, b->nexcs);
    if (a->nexcs) cr_assert(memcmp(a->excs, b->excs, a->nexcs * sizeof *a->excs) == 0);
    cr_assert_eq(a->flags, b->flags);
    cr_assert_eq(a->stacksize, b->stacksize);
    cr_assert_eq(a->firstlineno, b->firstlineno);
    cr_assert_eq(a->argcount, b->argcount);
    cr_assert_eq(a->nlocals, b->nlocals);
    cr_assert_eq(a->ncells, b->ncells);
    cr_assert_eq(a->nfrees, b->nfrees);
    cr_assert_eq(rt_eq(vm, a->qualname, b->qualname), 1);
    cr_assert_eq(a->nnames, b->nnames);
    for (uint32_t i = 0; i < a->nnames; i++) cr_assert_eq(a->names[i], b->names[i]);
    cr_assert_eq(a->nlocalsplus, b->nlocalsplus);
    for (uint32_t i = 0; i < a->nlocalsplus; i++) cr_assert_eq(a->localnames[i], b->localnames[i]);
    cr_assert_eq(a->nconsts, b->nconsts);
    for (uint32_t i = 0; i < a->nconsts; i++) {
        Value x = a->consts[i], y = b->consts[i];
        if (IS_CODE(x)) {
            cr_assert(IS_CODE(y));
            assert_same_code(AS_CODE(x), AS_CODE(y));
        } else {
            cr_assert_eq(rt_eq(vm, x, y), 1, "constant %u differs", i);
        }
    }
}

static void assert_stream_matches(const char *text) {
    Diag d;
    ObjCode *whole = compile(text, &d);
    cr_assert(whole, "%s", d.msg ? d.msg : "");
    gc_push_root(vm, OBJ_VAL(whole));
    ObjCode *streamed = compile_stream(text);
    cr_assert(streamed, "the stream refused:\n%s", text);
    gc_push_root(vm, OBJ_VAL(streamed));
    assert_same_code(whole, streamed);
    gc_pop_roots(vm, 2);
}

Test(compile, stream_makes_the_code_of_the_whole_tree) {
    // A docstring, a module annotation late in the file (SETUP_ANNOTATIONS
    // goes first), jumps and handlers across top-level statements, closures,
    // classes, comprehensions, a walrus binding a new module global.
    assert_stream_matches(
        "'''doc'''\n"
        "from __future__ import annotations\n"
        "import os.path as p, sys\n"
        "x = 1\n"
        "while x < 10:\n"
        "    x += 1\n"
        "    if x == 5: break\n"
        "else:\n"
        "    pass\n"
        "def outer(a, *b, c=2, **d):\n"
        "    n = 0\n"
        "    def inner():\n"
        "        nonlocal n\n"
        "        n += 1\n"
        "        return n, x\n"
        "    return inner\n"
        "class C(object, metaclass=type):\n"
        "    __slots = 1\n"
        "    def m(self):\n"
        "        return super().m(), __class__, self.__slots\n"
        "try:\n"
        "    y = [i * i for i in range(3) if i]\n"
        "except (ValueError, KeyError) as e:\n"
        "    raise\n"
        "finally:\n"
        "    z = {k: v for k, v in {}.items()}\n"
        "async def co():\n"
        "    async with a as b:\n"
        "        await b\n"
        "    return [w async for w in b]\n"
        "print(any((t := q) for q in range(3)), t)\n"
        "def g():\n"
        "    global late\n"
        "    late = 1\n"
        "late = 2\n"
        "ann: int = 3\n"
        "f = lambda *a: a\n");
}

Test(compile, stream_matches_without_docstring_or_annotations) {
    assert_stream_matches("x = 1\nfor i in range(3):\n    x += i\nprint(x)\n");
    assert_stream_matches("");
    assert_stream_matches("'only a docstring'\n");
}

Test(compile, stream_patches_module_names_declared_global_later) {
    // Module code made before the declaration used *_NAME: now *_GLOBAL.
    assert_stream_matches("x = 1\nprint(x)\ndel x\ndef f():\n    global x\n    x = 2\nx = 3\n");
    assert_stream_matches("x = 1\n[x := 2 for i in y]\nprint(x)\n");
    assert_stream_matches("def f():\n    global x\nx = 1\ndef g():\n    global x\n");
}

Test(compile, stream_refuses_what_the_whole_tree_must_decide) {
    // Errors, whatever their kind, are left to the whole-tree path.
    cr_assert_null(compile_stream("x = 1\nnonlocal x\n"));
    cr_assert_null(compile_stream("x = 1\ny = (\n"));
    cr_assert_null(compile_stream("x = 1\nbreak\n"));
    cr_assert_null(compile_stream("x = 1\ndef f():\n    nonlocal q\n"));
    cr_assert_null(compile_stream("x = 1\nfrom __future__ import annotations\n"));
    cr_assert(rt_exc_take(vm) == VAL_NULL);
}
