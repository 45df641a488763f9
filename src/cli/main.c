// aiopy's entry point: parse the command line, read the program, compile
// it whole, then run it (or print its tokens or AST, or only check it).
// The order matters for CPython compatibility: a SyntaxError anywhere in the
// file is reported before anything runs, exactly as `python3 FILE` prints
// it, with exit status 1. Usage errors exit with 2 (cli/args.c), unopenable
// scripts with 2 (cli/load.c).
//
// run_program() hands the AST to the compiler and the VM; the REPL
// (src/repl) starts on a terminal with no program, with -i (after the
// program, in its __main__), and for `-m asyncio`.
#include <stdbool.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/args.h"
#include "cli/load.h"
#include "config.h"
#include "lexer/dump.h"
#include "parser/astdump.h"
#include "vm/signals.h"
#include "parser/parse.h"
#include "parser/report.h"
#include "repl/repl.h"
#include "runtime/builtins.h"
#include "runtime/exc.h"
#include "runtime/gc.h"
#include "runtime/modules.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "util/buf.h"
#include "util/hugemem.h"
#include "vm/vm.h"

static void print_version(const CliArgs *a) {
    if (a->show_version < 2) {
        printf("aiopy %s\n", AIOPY_VERSION);
        return;
    }
    // -VV: what the build is, as CPython's -VV gives its compiler.
#if defined(__clang__)
    const char *cc = "Clang " __clang_version__;
#elif defined(__GNUC__)
    const char *cc = "GCC " __VERSION__;
#else
    const char *cc = "unknown compiler";
#endif
    printf("aiopy %s (Python 3.11 semantics; %s, %s) [%s]\n", AIOPY_VERSION,
           AIOPY_COMPUTED_GOTO ? "computed goto" : "switch dispatch",
           AIOPY_GC_STRESS ? "gc stress" : "no gc stress", cc);
}

static Vm *new_vm(const CliArgs *a) {
    Vm *vm = vm_new(a->prog_argc, a->prog_argv);
    if (!vm) {
        fputs("MemoryError\n", stderr);
        return NULL;
    }
    vm_signals_install(vm);
    const char *pythonpath = a->ignore_environment ? NULL : getenv("PYTHONPATH");
    if (pythonpath && *pythonpath && !rt_sys_add_pythonpath(vm, pythonpath)) {
        fputs("MemoryError\n", stderr);
        vm_free(vm);
        return NULL;
    }
    vm->aio_virtual_time = a->virtual_time;
    vm->inspect = a->inspect;
    return vm;
}

// The session after a program (-i) or instead of one: [banner] and the
// startup file only when there is no program, as CPython.
static int repl_session(const CliArgs *a, Vm *vm, bool no_program) {
    ReplOptions o = {
        .banner = no_program && !a->quiet,
        .startup = no_program && a->source != CLI_SRC_MODULE,
        .use_env = !a->ignore_environment,
        .asyncio_repl = a->source == CLI_SRC_MODULE,
    };
    return repl_run(vm, &o);
}

// Ends the process's use of [vm], dying by SIGINT after an uncaught
// KeyboardInterrupt as CPython does (a shell then sees 130).
static int end_vm(Vm *vm, int status) {
    vm_signals_uninstall();
    vm_free(vm);
    if (status == VM_EXIT_SIGINT) {
        fflush(stdout);
        fflush(stderr);
        vm_signals_exit_by_sigint();
        status = 130;   // reached only if SIGINT is blocked
    }
    return status;
}

// The REPL with no program (or after one that could not be read or
// compiled, with -i).
static int start_repl(const CliArgs *a, bool no_program) {
    Vm *vm = new_vm(a);
    if (!vm) return 1;
    vm_main_module(vm, NULL);
    return end_vm(vm, repl_session(a, vm, no_program));
}

// Set when the program ran with -i: its REPL has run too.
static bool repl_done;

// Runs a parsed program as __main__ (vm/vm.h): compile, run, report; with
// -i, the REPL follows in the same __main__.
static int run_program(const CliArgs *a, CliProgram *p, ParseResult *r) {
    Vm *vm = new_vm(a);
    if (!vm) return 1;
    int status = vm_main_run_ast(vm, r->root, &p->src, p->how);
    if (a->inspect) {
        repl_done = true;
        status = repl_session(a, vm, false);
    }
    return end_vm(vm, status);
}

// -m MODULE (other than asyncio): lib/runpy.py's _run_module_as_main runs
// it as __main__, called by a one-line program named as CPython's own
// "<frozen runpy>" (tracebacks leave such frames out). sys.executable is
// set for runpy's messages ("EXE: No module named X").
static int run_module(const CliArgs *a) {
    Buf b;
    buf_init(&b);
    buf_puts(&b, "__import__('runpy')._run_module_as_main('");
    for (const unsigned char *p = (const unsigned char *)a->target; *p; p++) {
        if (*p == '\'' || *p == '\\' || *p < 0x20 || *p == 0x7f) buf_printf(&b, "\\x%02x", *p);
        else buf_putc(&b, (char)*p);
    }
    buf_puts(&b, "')\n");
    if (!b.data) {
        fputs("MemoryError\n", stderr);
        return 1;
    }
    Vm *vm = new_vm(a);
    if (!vm) {
        buf_free(&b);
        return 1;
    }
    char *exe = cli_executable_path(a->prog);
    size_t mark = gc_roots_mark(vm);
    Value sys;
    ObjStr *sys_name = str_from_cstr(vm, "sys"), *exe_str = NULL;
    if (sys_name) gc_push_root(vm, OBJ_VAL(sys_name));
    bool ok = sys_name && vm_import_module(vm, OBJ_VAL(sys_name), &sys);
    if (ok) gc_push_root(vm, sys);
    if (ok) exe_str = str_from_cstr(vm, exe ? exe : "");
    if (exe_str) gc_push_root(vm, OBJ_VAL(exe_str));
    ObjStr *attr = exe_str ? str_from_cstr(vm, "executable") : NULL;
    ok = attr && rt_setattr(vm, sys, attr, OBJ_VAL(exe_str));
    free(exe);
    if (!ok) rt_exc_clear(vm);
    gc_roots_reset(vm, mark);
    Source src;
    Diag d;
    diag_init(&d);
    int status;
    if (lx_source_from_string(&src, "<frozen runpy>", b.data, b.len, &d)) {
        status = vm_main_run(vm, &src, REPORT_STRING);
        lx_source_free(&src);
    } else {
        ps_report_from(stderr, "<frozen runpy>", NULL, &d, REPORT_STRING);
        diag_clear(&d);
        status = 1;
    }
    buf_free(&b);
    if (a->inspect) {
        repl_done = true;
        status = repl_session(a, vm, false);
    }
    return end_vm(vm, status);
}

static int report(CliProgram *p, const Diag *d) {
    ps_report_from(stderr, p->filename, p->have_src ? &p->src : NULL, d, p->how);
    return 1;
}

// --tokens: the tokens go to stdout only when the whole program lexes, so
// a lexical error prints exactly what `python3 FILE` prints for it.
static int dump_tokens(CliProgram *p) {
    char *text = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&text, &len);
    if (!mem) {
        fputs("MemoryError\n", stderr);
        return 1;
    }
    Diag d;
    diag_init(&d);
    bool ok = lx_dump_tokens(mem, &p->src, &d);
    bool written = fclose(mem) == 0;
    int status = 0;
    if (!ok) {
        status = report(p, &d);
    } else if (!written) {
        fputs("MemoryError\n", stderr);
        status = 1;
    } else {
        fwrite(text, 1, len, stdout);
    }
    free(text);
    diag_clear(&d);
    return status;
}

static int process(const CliArgs *a, CliProgram *p) {
    if (diag_is_set(&p->diag)) return report(p, &p->diag);
    if (a->mode == CLI_MODE_TOKENS) return dump_tokens(p);
    ParseResult r;
    int status = 0;
    // Files and piped stdin go through CPython's file tokenizer, whose errors
    // at the end of input carry no column; -c strings do carry one.
    unsigned flags = PARSE_ONLY_AST | (p->how == REPORT_STRING ? 0 : PARSE_FROM_FILE);
    // A program that compiles takes the streaming path (bounded memory);
    // any error is then diagnosed on the whole tree below.
    if (a->mode == CLI_MODE_CHECK && vm_check_stream(&p->src, flags)) return 0;
    if (!ps_parse(&p->src, PARSE_FILE, flags, &r)) {
        status = report(p, &r.diag);
    } else if (a->mode == CLI_MODE_AST) {
        if (!ps_dump_ast(stdout, r.root, a->ast_positions)) status = 1;
    } else if (a->mode == CLI_MODE_RUN) {
        status = run_program(a, p, &r);
    } else if (a->mode == CLI_MODE_CHECK) {
        status = vm_check(r.root, &p->src, p->how);
    } else if (a->mode == CLI_MODE_DIS) {
        status = vm_dis(stdout, r.root, &p->src, p->how);
    }
    ps_result_free(&r);
    return status;
}

// How much of the malloc heap start-up writes to: an empty script writes 12
// pages scattered over its first 150 KB (the parser's stacks, the Vm, the
// intern table, the builtins' dicts, the first frame chunk).
#define STARTUP_HEAP_BYTES ((size_t)160 << 10)

int main(int argc, char **argv) {
    heap_prefault(STARTUP_HEAP_BYTES);
    rt_modules_use_frozen(rt_frozen_lib, rt_frozen_lib_count);   // built by src/cli/freeze.c
    CliArgs args;
    int status;
    if (!cli_parse_args(argc, argv, &args, &status)) {
        cli_args_free(&args);
        return status;
    }
    // As CPython: writing to a closed pipe is an error (BrokenPipeError,
    // exit status 1), not a SIGPIPE that kills the process.
    signal(SIGPIPE, SIG_IGN);
    if (args.unbuffered) {
        setvbuf(stdout, NULL, _IONBF, 0);
        setvbuf(stderr, NULL, _IONBF, 0);
    }
    if (args.show_version) {
        print_version(&args);
        cli_args_free(&args);
        return 0;
    }
    if (args.source == CLI_SRC_MODULE) {
        // `-m asyncio` is the asyncio REPL; other modules run as __main__.
        if (strcmp(args.target, "asyncio") == 0) {
            status = start_repl(&args, true);
        } else {
            status = run_module(&args);
        }
        cli_args_free(&args);
        return status;
    }
    // No program: the REPL on a tty, or with -i whatever stdin is; otherwise
    // stdin is the program.
    if (args.source == CLI_SRC_NONE && args.mode == CLI_MODE_RUN &&
        (args.inspect || isatty(0))) {
        status = start_repl(&args, true);
        cli_args_free(&args);
        return status;
    }
    CliProgram prog;
    status = cli_load_program(&args, &prog);
    if (status == 0) status = process(&args, &prog);
    cli_program_free(&prog);
    // -i: the REPL follows even a program that could not be read or
    // compiled (CPython starts it after the error).
    if (args.inspect && args.mode == CLI_MODE_RUN && !repl_done) status = start_repl(&args, false);
    cli_args_free(&args);
    if (fflush(stdout) != 0 && status == 0) status = 1;
    return status;
}
