// Command-line parsing: argv -> CliArgs, with CPython 3.11's option syntax
// and messages (clustered short options, `-cCMD`, `-c` and `-m` ending the
// option list, `--` , usage errors with exit status 2). See
// /work/shared/design/cli-and-repl.md §1 for the behaviour it follows.
#ifndef CLI_ARGS_H
#define CLI_ARGS_H
#include <stdbool.h>

enum { EXIT_USAGE = 2 };

// Where the program comes from.
typedef enum CliSource {
    CLI_SRC_NONE,      // no program: the REPL on a tty, else stdin as a program
    CLI_SRC_FILE,      // FILE (a path as typed)
    CLI_SRC_COMMAND,   // -c CMD
    CLI_SRC_STDIN,     // `-`
    CLI_SRC_MODULE,    // -m MOD
} CliSource;

// What to do with the program once it is read.
typedef enum CliMode {
    CLI_MODE_RUN,      // compile, then run
    CLI_MODE_CHECK,    // --check / -X compile_only: compile only
    CLI_MODE_DIS,      // --dis: compile, print the bytecode
    CLI_MODE_AST,      // --ast, --ast-positions: print the AST
    CLI_MODE_TOKENS,   // --tokens: print the token stream
} CliMode;

typedef struct CliArgs {
    const char *prog;          // argv[0] as typed, for messages
    CliSource source;
    const char *target;        // the path, the command or the module name
    // sys.argv for the program: [0] is the path as typed, "-c", "-" or "";
    // it points into the process argv (argv[0] slot is written by the parser).
    int prog_argc;
    char **prog_argv;
    CliMode mode;
    bool ast_positions;        // --ast-positions
    int show_version;          // -V count (2: build details)
    bool inspect;              // -i: a REPL after the program
    bool quiet;                // -q: no REPL banner
    bool unbuffered;           // -u or PYTHONUNBUFFERED
    bool ignore_environment;   // -E, -I
    bool skip_first_line;      // -x
    int optimize;              // -O count: drop asserts; -OO also docstrings
    // -W filters in command-line order, checked by the warnings module later.
    int nwarn;
    const char **warn;
    // -X switches (unknown names are ignored, as CPython does)
    bool no_debug_ranges;      // -X no_debug_ranges or PYTHONNODEBUGRANGES
    bool virtual_time;         // -X virtual_time
    const char *trace_coro;    // -X trace_coro[=json]: NULL when off, else "" or "json"
    const char *shuffle_seed;  // -X shuffle_ready=SEED, NULL when off
} CliArgs;

// Parses [argv]. Returns true to go on; false when the process must exit
// now with *[exit_status] (after --help, or a usage error already printed
// to stderr). Reads the PYTHON* variables it honours unless -E/-I is given.
bool cli_parse_args(int argc, char **argv, CliArgs *a, int *exit_status);
void cli_args_free(CliArgs *a);
// The usage line and the "Try ..." hint, as printed after a usage error.
void cli_print_usage_hint(const CliArgs *a);

#endif // CLI_ARGS_H
