// Unit tests of the VM: programs run from strings with their stdout and
// stderr captured, exit statuses, recursion without C recursion, and GC
// safety of frames.
#include <criterion/criterion.h>
#include <criterion/redirect.h>
#include <stdio.h>
#include <string.h>

#include "parser/parse.h"
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

TestSuite(vm);

Test(vm, prints_arithmetic, .init = cr_redirect_stdout) {
    cr_assert_eq(run("print(1 + 2, 7 // 2, -7 % 3, 2 ** 70)\n"), 0);
    cr_assert_stdout_eq_str("3 3 2 1180591620717411303424\n");
}

Test(vm, python_calls_do_not_recurse_in_c, .init = cr_redirect_stdout) {
    // 50,000 nested Python calls: fine with a raised limit, because calls
    // push heap frames instead of C frames.
    cr_assert_eq(run("import sys\nsys.setrecursionlimit(60000)\n"
                     "def d(n):\n    return 0 if n == 0 else 1 + d(n - 1)\nprint(d(50000))\n"), 0);
    cr_assert_stdout_eq_str("50000\n");
}

Test(vm, recursion_error_is_catchable, .init = cr_redirect_stdout) {
    cr_assert_eq(run("def f(n):\n    try:\n        return f(n + 1)\n    except RecursionError:\n"
                     "        return n\nprint(f(1))\n"), 0);
    cr_assert_stdout_eq_str("999\n");
}

Test(vm, uncaught_exception_exits_one, .init = cr_redirect_stderr) {
    cr_assert_eq(run("def f():\n    raise ValueError('bad')\nf()\n"), 1);
    cr_assert_stderr_eq_str("Traceback (most recent call last):\n"
                            "  File \"<string>\", line 3, in <module>\n"
                            "  File \"<string>\", line 2, in f\n"
                            "ValueError: bad\n");
}

Test(vm, system_exit_codes) {
    cr_assert_eq(run("raise SystemExit(3)\n"), 3);
    cr_assert_eq(run("import sys\nsys.exit(256)\n"), 0);
    cr_assert_eq(run("raise SystemExit\n"), 0);
}

Test(vm, exceptions_unwind_through_handlers, .init = cr_redirect_stdout) {
    cr_assert_eq(run("def f():\n    try:\n        try:\n            1/0\n        finally:\n"
                     "            print('inner')\n    except ZeroDivisionError as e:\n"
                     "        print('caught', e)\n    return 'ok'\nprint(f())\n"), 0);
    cr_assert_stdout_eq_str("inner\ncaught division by zero\nok\n");
}

Test(vm, generators_suspend_and_resume, .init = cr_redirect_stdout) {
    cr_assert_eq(run("def g():\n    x = yield 1\n    yield x * 2\nit = g()\n"
                     "print(next(it), it.send(21))\n"), 0);
    cr_assert_stdout_eq_str("1 42\n");
}

Test(vm, many_objects_survive_collections, .init = cr_redirect_stdout) {
    cr_assert_eq(run("def build(n):\n    out = []\n    i = 0\n    while i < n:\n"
                     "        out.append([i, str(i), {i: i}])\n        i += 1\n    return out\n"
                     "d = build(20000)\nprint(len(d), d[-1])\n"), 0);
    cr_assert_stdout_eq_str("20000 [19999, '19999', {19999: 19999}]\n");
}
