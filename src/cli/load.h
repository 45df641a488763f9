// Loading the program named on the command line (a file, -c, stdin) into a
// Source, with CPython's messages when it cannot be read: the path is made
// absolute as CPython 3.9+ does, so messages and tracebacks show it that way.
#ifndef CLI_LOAD_H
#define CLI_LOAD_H
#include <stdbool.h>

#include "cli/args.h"
#include "lexer/source.h"
#include "parser/report.h"
#include "util/diag.h"

typedef struct CliProgram {
    char *filename;       // as shown in errors: absolute path, "<string>", "<stdin>"
    ReportInput how;      // how CPython would have read it (report.h)
    Source src;
    bool have_src;        // src is loaded
    // A SyntaxError found while loading (bad UTF-8, NUL byte). When it has a
    // line, src holds the text before the first NUL byte so the report can
    // show the line as CPython does.
    Diag diag;
} CliProgram;

// Reads the program [a] names. Returns 0 on success (check [p->diag] for
// a load-time SyntaxError), or the exit status after printing CPython's
// message (unopenable file: 2, directory without __main__.py: 1).
int cli_load_program(const CliArgs *a, CliProgram *p);
void cli_program_free(CliProgram *p);
// The interpreter's path as CPython computes sys.executable: [argv0] made
// absolute when it holds a '/', else looked up on PATH; "" when not found.
// malloc'd (NULL when out of memory). CPython names it in the messages for
// `-m` and for a directory without __main__.py.
char *cli_executable_path(const char *argv0);

#endif // CLI_LOAD_H
