// Command-line parsing with CPython 3.11's getopt rules and messages.
// Short options may be clustered (`-uc CMD`), an option's argument may be
// attached (`-cCMD`, `-Xdev`), `-c` and `-m` end the option list, `--`
// ends it too, and `--help`/`--version` must match whole. Every usage error
// prints CPython's message, the usage line and a hint, and exits with 2.
// aiopy adds its front-end modes as long options (--check, --ast,
// --ast-positions, --tokens, --dis), which CPython would reject.
#include "cli/args.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// CPython's short options; a ':' follows those taking an argument. aiopy
// accepts them all so that `python3` habits keep working; most are no-ops.
static const char short_opts[] = "bBc:dEhiIJm:OPqRsStuvVW:xX:?";

typedef enum LongOpt {
    LONG_TOKENS, LONG_AST, LONG_AST_POSITIONS, LONG_CHECK, LONG_DIS, LONG_HASH_PYCS,
} LongOpt;

static const struct {
    const char *name;
    bool has_arg;
    LongOpt id;
} long_opts[] = {
    {"tokens", false, LONG_TOKENS},
    {"ast", false, LONG_AST},
    {"ast-positions", false, LONG_AST_POSITIONS},
    {"check", false, LONG_CHECK},
    {"dis", false, LONG_DIS},
    {"check-hash-based-pycs", true, LONG_HASH_PYCS},
};

static const char usage_line[] =
    "usage: %s [option] ... [-c cmd | -m mod | file | -] [arg] ...\n";

static const char help_text[] =
    "Options (and corresponding environment variables):\n"
    "-c cmd : program passed in as string (terminates option list)\n"
    "-E     : ignore PYTHON* environment variables (such as PYTHONUNBUFFERED)\n"
    "-h     : print this help message and exit (also -? or --help)\n"
    "-i     : inspect interactively after running script; forces a prompt even\n"
    "         if stdin does not appear to be a terminal\n"
    "-I     : isolate aiopy from the user's environment (implies -E)\n"
    "-m mod : run library module as a script (terminates option list);\n"
    "         only asyncio (the asyncio REPL)\n"
    "-O     : remove assert and __debug__-dependent statements\n"
    "-OO    : do -O changes and also discard docstrings\n"
    "-q     : don't print version and copyright messages on interactive startup\n"
    "-u     : force the stdout and stderr streams to be unbuffered;\n"
    "         this option has no effect on stdin; also PYTHONUNBUFFERED=x\n"
    "-V     : print the aiopy version number and exit (also --version)\n"
    "         when given twice, print more information about the build\n"
    "-W arg : warning control; arg is action::category (actions: ignore,\n"
    "         error, default)\n"
    "-x     : skip first line of source, allowing use of non-Unix forms of #!cmd\n"
    "-X opt : set implementation-specific option (unknown names are ignored):\n"
    "         -X no_debug_ranges: no carets in tracebacks; also PYTHONNODEBUGRANGES\n"
    "         -X compile_only: compile the program, run nothing (as --check)\n"
    "         -X trace_coro[=json]: trace coroutine events on stderr\n"
    "         -X virtual_time: the event loop's clock jumps to the next timer\n"
    "         -X shuffle_ready=SEED: shuffle same-tick ready callbacks\n"
    "-b -B -d -P -R -s -S -t -v: accepted for compatibility; no effect\n"
    "\n"
    "Front-end modes (aiopy only):\n"
    "--check         : compile the program and exit: status 0, or 1 with\n"
    "                  the SyntaxError\n"
    "--dis           : compile the program and print its bytecode\n"
    "--ast           : print the program's AST as ast.dump(tree, indent=2)\n"
    "--ast-positions : the same with line and column attributes\n"
    "--tokens        : print the tokens as `python3 -m tokenize -e` does\n"
    "                  (without COMMENT, NL and ENCODING)\n"
    "\n"
    "Arguments:\n"
    "file   : program read from script file\n"
    "-      : program read from stdin (default; interactive mode if a tty)\n"
    "arg ...: arguments passed to program in sys.argv[1:]\n";

void cli_print_usage_hint(const CliArgs *a) {
    fprintf(stderr, usage_line, a->prog);
    fputs("Try `aiopy -h' for more information.\n", stderr);
}

static void print_help(const CliArgs *a) {
    printf(usage_line, a->prog);
    fputs(help_text, stdout);
    fflush(stdout);
}

static bool env_set(const char *name) {
    const char *v = getenv(name);
    return v && *v;
}

// -X NAME[=VALUE]: aiopy's own switches; anything else is ignored.
static void parse_xoption(CliArgs *a, const char *opt) {
    const char *eq = strchr(opt, '=');
    size_t n = eq ? (size_t)(eq - opt) : strlen(opt);
    const char *value = eq ? eq + 1 : NULL;
#define IS(name) (n == sizeof(name) - 1 && memcmp(opt, name, n) == 0)
    if (IS("no_debug_ranges")) a->no_debug_ranges = true;
    else if (IS("compile_only")) a->mode = CLI_MODE_CHECK;
    else if (IS("virtual_time")) a->virtual_time = true;
    else if (IS("trace_coro")) a->trace_coro = value ? value : "";
    else if (IS("shuffle_ready")) a->shuffle_seed = value ? value : "0";
#undef IS
}

// One usage error: CPython's message, then the usage line and the hint.
static bool usage_error(const CliArgs *a, int *exit_status, const char *fmt, const char *what) {
    fprintf(stderr, fmt, what);
    cli_print_usage_hint(a);
    *exit_status = EXIT_USAGE;
    return false;
}

static bool add_warning(CliArgs *a, const char *w) {
    const char **grown = realloc(a->warn, sizeof *a->warn * (size_t)(a->nwarn + 1));
    if (!grown) return false;
    a->warn = grown;
    a->warn[a->nwarn++] = w;
    return true;
}

// sys.argv[0] for -c, -m and no program; the slot before the program's
// arguments in the process argv is pointed at one of these.
static char argv0_command[] = "-c", argv0_module[] = "-m", argv0_none[] = "";

bool cli_parse_args(int argc, char **argv, CliArgs *a, int *exit_status) {
    memset(a, 0, sizeof *a);
    static char *no_args[] = {"aiopy", NULL};
    if (argc < 1 || !argv[0]) {
        argc = 1;
        argv = no_args;
    }
    a->prog = argv[0];
    int i = 1;
    bool stop = false;   // -c or -m seen: the rest belongs to the program
    while (!stop && i < argc) {
        const char *arg = argv[i];
        if (arg[0] != '-' || arg[1] == '\0') break;   // a file, or `-`
        i++;
        if (strcmp(arg, "--") == 0) break;
        if (strcmp(arg, "--help") == 0) {
            print_help(a);
            *exit_status = 0;
            return false;
        }
        if (strcmp(arg, "--version") == 0) {
            a->show_version++;
            continue;
        }
        if (arg[1] == '-') {
            size_t k = 0, nlong = sizeof long_opts / sizeof long_opts[0];
            while (k < nlong && strcmp(arg + 2, long_opts[k].name) != 0) k++;
            if (k == nlong) return usage_error(a, exit_status, "unknown option %s\n", arg);
            if (long_opts[k].has_arg) {
                if (i >= argc)
                    return usage_error(a, exit_status,
                                       "Argument expected for the %s options\n", arg);
                const char *v = argv[i++];
                if (strcmp(v, "default") && strcmp(v, "always") && strcmp(v, "never"))
                    return usage_error(a, exit_status,
                        "%s must be one of 'default', 'always', or 'never'\n", arg);
                continue;
            }
            switch (long_opts[k].id) {
            case LONG_TOKENS: a->mode = CLI_MODE_TOKENS; break;
            case LONG_AST: a->mode = CLI_MODE_AST; a->ast_positions = false; break;
            case LONG_AST_POSITIONS: a->mode = CLI_MODE_AST; a->ast_positions = true; break;
            case LONG_CHECK: a->mode = CLI_MODE_CHECK; break;
            case LONG_DIS: a->mode = CLI_MODE_DIS; break;
            case LONG_HASH_PYCS: break;
            }
            continue;
        }
        // A cluster of short options: -uc CMD, -cCMD, -Xopt.
        for (const char *p = arg + 1; *p && !stop; p++) {
            char opt[2] = {*p, '\0'};
            if (*p == 'J') return usage_error(a, exit_status, "-J is reserved for Jython\n%s", "");
            const char *spec = *p != ':' ? strchr(short_opts, *p) : NULL;
            if (!spec) return usage_error(a, exit_status, "Unknown option: -%s\n", opt);
            const char *optarg = NULL;
            if (spec[1] == ':') {
                if (p[1]) optarg = p + 1;
                else if (i < argc) optarg = argv[i++];
                else return usage_error(a, exit_status,
                                        "Argument expected for the -%s option\n", opt);
            }
            switch (*p) {
            case 'c':
                a->source = CLI_SRC_COMMAND;
                a->target = optarg;
                stop = true;
                break;
            case 'm':
                a->source = CLI_SRC_MODULE;
                a->target = optarg;
                stop = true;
                break;
            case 'h': case '?':
                print_help(a);
                *exit_status = 0;
                return false;
            case 'V': a->show_version++; break;
            case 'i': a->inspect = true; break;
            case 'q': a->quiet = true; break;
            case 'u': a->unbuffered = true; break;
            case 'E': case 'I': a->ignore_environment = true; break;
            case 'x': a->skip_first_line = true; break;
            case 'O': a->optimize++; break;
            case 'W':
                if (!add_warning(a, optarg)) {
                    fputs("aiopy: out of memory\n", stderr);
                    *exit_status = 1;
                    return false;
                }
                break;
            case 'X': parse_xoption(a, optarg); break;
            default: break;   // accepted for compatibility, no effect
            }
            if (optarg) break;   // the argument used up the rest of the cluster
        }
    }
    // The program and its sys.argv. For -c and -m, sys.argv[0] is the option
    // itself; for a file, the path as typed; for stdin, "-" (or "" when
    // nothing was given).
    if (a->source == CLI_SRC_COMMAND || a->source == CLI_SRC_MODULE) {
        i--;
        argv[i] = a->source == CLI_SRC_COMMAND ? argv0_command : argv0_module;
    } else if (i < argc && strcmp(argv[i], "-") == 0) {
        a->source = CLI_SRC_STDIN;
    } else if (i < argc) {
        a->source = CLI_SRC_FILE;
        a->target = argv[i];
    } else {
        a->source = CLI_SRC_NONE;
        i--;
        argv[i] = argv0_none;
    }
    a->prog_argc = argc - i;
    a->prog_argv = argv + i;
    if (!a->ignore_environment) {
        if (env_set("PYTHONUNBUFFERED")) a->unbuffered = true;
        if (env_set("PYTHONNODEBUGRANGES")) a->no_debug_ranges = true;
    }
    return true;
}

void cli_args_free(CliArgs *a) {
    free(a->warn);
    a->warn = NULL;
    a->nwarn = 0;
}
