// Unit tests of the code generator and assembler: the shape of the code
// objects (stack size, exception table, positions, EXTENDED_ARG widths)
// and CPython's compile-time errors passing through.
#include <criterion/criterion.h>
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
            const CodeLoc *l = code_loc_at(co, i);
            cr_assert_eq(l->line, 3);
            cr_assert_eq(l->col, 4);
            cr_assert_eq(l->end_col, 11);
            found = true;
        }
    cr_assert(found);
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
