// Unit tests of the builtin-module registry (runtime/modules.c) and of the
// modules through the VM: lazy creation and caching in sys.modules, C and
// Python-bodied modules, the ABC hook of isinstance, open().
#include <criterion/criterion.h>
#include <criterion/redirect.h>
#include <stdio.h>
#include <string.h>

#include "parser/parse.h"
#include "runtime/modules.h"
#include "vm/vm.h"

static int run(const char *text) {
    Vm *vm = vm_new(0, NULL);
    cr_assert(vm);
    Source src;
    Diag d;
    diag_init(&d);
    cr_assert(lx_source_from_string(&src, "<string>", text, strlen(text), &d));
    int status = vm_main_run(vm, &src, REPORT_STRING);
    fflush(stdout);
    fflush(stderr);
    lx_source_free(&src);
    vm_free(vm);
    return status;
}

TestSuite(modules);

Test(modules, registry_finds_by_exact_name) {
    BuiltinModule m;
    cr_assert(rt_module_find("math", 4, &m));
    cr_assert(rt_module_find("collections.abc", 15, &m));
    cr_assert_not(rt_module_find("collections.abcd", 16, &m));
    cr_assert_not(rt_module_find("mat", 3, &m));
    cr_assert_not(rt_module_find("collections.ab", 14, &m));
    cr_assert(rt_module_find("collections", 11, &m) && m.package);
    cr_assert(rt_module_find("types", 5, &m) && m.source && !m.init);
    cr_assert(rt_module_find("time", 4, &m) && m.init && !m.source);
    // A C half and a Python body under one name.
    cr_assert(rt_module_find("traceback", 9, &m) && m.init && m.source);
}

Test(modules, embedded_table_is_sorted) {
    for (size_t i = 1; i < rt_lib_module_count; i++)
        cr_assert_lt(strcmp(rt_lib_modules[i - 1].name, rt_lib_modules[i].name), 0);
}

Test(modules, import_is_lazy_and_cached, .init = cr_redirect_stdout) {
    cr_assert_eq(run("import sys\nprint('math' in sys.modules)\nimport math\n"
                     "print('math' in sys.modules, sys.modules['math'] is math)\n"
                     "import math as m2\nprint(m2 is math)\n"), 0);
    cr_assert_stdout_eq_str("False\nTrue True\nTrue\n");
}

Test(modules, math_keeps_big_ints_exact, .init = cr_redirect_stdout) {
    cr_assert_eq(run("import math\nprint(math.floor(1e20), math.isqrt(10**40), math.factorial(25))\n"), 0);
    cr_assert_stdout_eq_str("100000000000000000000 100000000000000000000 15511210043330985984000000\n");
}

Test(modules, math_domain_error, .init = cr_redirect_stderr) {
    cr_assert_eq(run("import math\nmath.sqrt(-1)\n"), 1);
    cr_assert_stderr_eq_str("Traceback (most recent call last):\n"
                            "  File \"<string>\", line 2, in <module>\n"
                            "ValueError: math domain error\n");
}

Test(modules, abc_hook_answers_isinstance, .init = cr_redirect_stdout) {
    cr_assert_eq(run("from collections.abc import Iterator, Awaitable\n"
                     "class It:\n    def __iter__(self): return self\n    def __next__(self): return 1\n"
                     "class No(It):\n    __next__ = None\n"
                     "print(isinstance(It(), Iterator), isinstance(No(), Iterator), isinstance([], Awaitable))\n"),
                 0);
    cr_assert_stdout_eq_str("True False False\n");
}

Test(modules, failed_import_is_not_cached, .init = cr_redirect_stdout) {
    cr_assert_eq(run("import sys\ntry:\n    import collections.nope\nexcept ImportError as e:\n    print(e)\n"
                     "print('collections.nope' in sys.modules, 'collections' in sys.modules)\n"),
                 0);
    cr_assert_stdout_eq_str("No module named 'collections.nope'\nFalse True\n");
}

Test(modules, open_missing_file, .init = cr_redirect_stdout) {
    cr_assert_eq(run("try:\n    open('/nonexistent/aiopy_x')\nexcept FileNotFoundError as e:\n"
                     "    print(e.errno, e.filename)\n"),
                 0);
    cr_assert_stdout_eq_str("2 /nonexistent/aiopy_x\n");
}

// What aiopy's traceback module leaves out says so by name (CPython has it,
// so no golden test can show it).
Test(modules, traceback_unsupported_parts_are_named, .init = cr_redirect_stdout) {
    cr_assert_eq(run("import traceback\n"
                     "for f in (lambda: traceback.print_stack(), lambda: traceback.extract_tb(None),\n"
                     "          lambda: traceback.format_exc(limit=1)):\n"
                     "    try:\n"
                     "        f()\n"
                     "    except NotImplementedError as e:\n"
                     "        print(e)\n"),
                 0);
    cr_assert_stdout_eq_str("traceback.print_stack is not supported by aiopy\n"
                            "traceback.extract_tb is not supported by aiopy\n"
                            "traceback: the limit argument is not supported by aiopy\n");
}
