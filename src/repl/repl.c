// The interactive prompt: see repl.h.
//
// One input is every line typed from a `>>>` prompt until the VM says it is
// complete (vm_run_input: brackets, strings and continuations are closed,
// and a compound statement has had its blank line). The input then runs and
// the prompt starts over. What the session prints follows CPython's REPL:
// prompts on stderr when reading through a pipe, results on stdout,
// tracebacks on stderr, a newline on stderr at EOF.
#include "repl/repl.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"
#include "repl/lineread.h"
#include "runtime/dict.h"
#include "runtime/exc.h"
#include "runtime/gc.h"
#include "runtime/list.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "util/buf.h"
#include "vm/signals.h"

static Value sys_module(Vm *vm) {
    Value sys;
    ObjStr *name = str_intern_cstr(vm, "sys");
    return name && dict_get_str(vm, AS_DICT(vm->modules), name, &sys) == 1 ? sys : VAL_NULL;
}

// sys.ps1 and sys.ps2 exist in an interactive session (CPython sets them
// when the prompt starts), and a program may change them.
static void set_prompts(Vm *vm) {
    Value sys = sys_module(vm);
    if (!sys) return;
    static const char *const names[2][2] = {{"ps1", ">>> "}, {"ps2", "... "}};
    for (int i = 0; i < 2; i++) {
        Value v;
        if (rt_getattr_cstr(vm, sys, names[i][0], &v)) continue;
        rt_exc_clear(vm);
        ObjStr *n = str_intern_cstr(vm, names[i][0]);
        if (!n) {
            rt_exc_clear(vm);
            continue;
        }
        gc_push_root(vm, OBJ_VAL(n));
        ObjStr *s = str_from_cstr(vm, names[i][1]);
        if (!s || !rt_setattr(vm, sys, n, OBJ_VAL(s))) rt_exc_clear(vm);
        gc_pop_root(vm);
    }
}

// str(sys.ps1) or str(sys.ps2), malloc'd; the default when that fails.
static char *prompt_text(Vm *vm, bool more) {
    const char *dflt = more ? "... " : ">>> ";
    Value sys = sys_module(vm), v, s;
    if (sys && rt_getattr_cstr(vm, sys, more ? "ps2" : "ps1", &v) && rt_str(vm, v, &s))
        return strdup(AS_STR(s)->data);
    rt_exc_clear(vm);
    return strdup(dflt);
}

static void print_banner(const ReplOptions *o) {
    if (o->asyncio_repl) {
        fprintf(stderr,
                "asyncio REPL aiopy %s (Python 3.11 semantics) on linux\n"
                "Use \"await\" directly instead of \"asyncio.run()\".\n"
                "Type \"exit()\" or Ctrl-D (i.e. EOF) to exit.\n"
                ">>> import asyncio\n",
                AIOPY_VERSION);
    } else if (o->banner) {
        fprintf(stderr,
                "aiopy %s (Python 3.11 semantics) on linux\n"
                "Type \"exit()\" or Ctrl-D (i.e. EOF) to exit; \"await\" works at the prompt.\n",
                AIOPY_VERSION);
    }
}

// `-m asyncio` preimports asyncio into the session, as CPython's does.
static void import_asyncio(Vm *vm) {
    Source src;
    Diag d;
    diag_init(&d);
    static const char text[] = "import asyncio\n";
    if (!lx_source_from_string(&src, "<stdin>", text, sizeof text - 1, &d)) {
        diag_clear(&d);
        return;
    }
    int status;
    vm_run_input(vm, &src, VM_INPUT_BLANK_ENDED, &status);
    lx_source_free(&src);
}

static void run_startup_file(Vm *vm, const ReplOptions *o) {
    if (!o->startup || !o->use_env) return;
    static const char *const vars[] = {"AIOPY_STARTUP", "PYTHONSTARTUP"};
    for (size_t i = 0; i < 2; i++) {
        const char *path = getenv(vars[i]);
        if (path && *path) {
            vm_run_startup(vm, path, vars[i]);
            return;
        }
    }
}

// The history file: ~/.aiopy_history (NULL without a home).
static char *history_path(const ReplOptions *o) {
    const char *home = o->use_env ? getenv("HOME") : NULL;
    if (!home || !*home) return NULL;
    size_t n = strlen(home) + sizeof "/.aiopy_history";
    char *p = malloc(n);
    if (p) snprintf(p, n, "%s/.aiopy_history", home);
    return p;
}

static bool is_blank(const char *line) {
    for (; *line; line++)
        if (*line != ' ' && *line != '\t' && *line != '\f' && *line != '\r') return false;
    return true;
}

static bool is_comment(const char *line) {
    while (*line == ' ' || *line == '\t' || *line == '\f') line++;
    return *line == '#';
}

// A Ctrl-C at the prompt: the pending signal is consumed (it would raise
// KeyboardInterrupt at the next statement) and CPython's line printed.
static void interrupted(Vm *vm) {
    if (!vm_signals_check(vm)) rt_exc_clear(vm);
    fflush(stdout);
    fputs("\nKeyboardInterrupt\n", stderr);
}

// At the end of the session the event loop of top-level await, if one was
// made, is closed (lib/_repl.py).
static void close_session_loop(Vm *vm) {
    Value mod, fn, r;
    ObjStr *name = str_intern_cstr(vm, "_repl");
    if (!name || dict_get_str(vm, AS_DICT(vm->modules), name, &mod) != 1) return;
    if (!rt_getattr_cstr(vm, mod, "close", &fn) || !rt_call0(vm, fn, &r)) rt_exc_clear(vm);
}

// While the prompt waits (lineread.h), the session's event loop runs its
// tasks. A Ctrl-C or a SystemExit meanwhile ends the wait (the line being
// edited is dropped); the session looks at why.
typedef struct Session {
    Vm *vm;
    LineReader *lr;
    VmInput idle_end;   // how the last wait ended
    int status;         // the exit status a SystemExit gave
} Session;

static LineReader *waiting_reader;   // for the hooks below, while it waits

static void hide_prompt(Vm *vm) {
    (void)vm;
    lr_hide(waiting_reader);
}

static void show_prompt(Vm *vm) {
    (void)vm;
    lr_show(waiting_reader);
}

static bool wait_for_input(void *ctx) {
    Session *s = ctx;
    waiting_reader = s->lr;
    s->vm->hooks.before_output = hide_prompt;
    s->vm->hooks.before_wait = show_prompt;
    s->idle_end = vm_wait_for_input(s->vm, 0, &s->status);
    s->vm->hooks.before_output = NULL;
    s->vm->hooks.before_wait = NULL;
    return s->idle_end == VM_INPUT_DONE;
}

// Tab completion (lineread.h): lib/_repl.py's complete(word) in __main__.
static char **complete_word(void *ctx, const char *word) {
    Vm *vm = ctx;
    Value mod, fn, r;
    ObjStr *w = str_from_cstr(vm, word);
    if (!w) goto fail;
    gc_push_root(vm, OBJ_VAL(w));
    ObjStr *name = str_intern_cstr(vm, "_repl");   // (interned strs are weak: used at once)
    bool ok = name && vm_import_module(vm, OBJ_VAL(name), &mod) && rt_getattr_cstr(vm, mod, "complete", &fn) &&
              rt_call1(vm, fn, OBJ_VAL(w), &r);
    gc_pop_root(vm);
    if (!ok || !IS_LIST(r)) goto fail;
    ObjList *l = AS_LIST(r);
    char **out = calloc(l->len + 1, sizeof *out);
    if (!out) goto fail;
    size_t n = 0;
    for (size_t i = 0; i < l->len; i++)
        if (IS_STR(l->items[i])) out[n++] = strdup(AS_STR(l->items[i])->data);
    return out;
fail:
    rt_exc_clear(vm);
    return NULL;
}

// A pasted block (with any lines typed before it) runs as one input: its
// statements in turn, echoed. Returns the exit status when it raised
// SystemExit, else -1.
static int run_block(Vm *vm, const ReplOptions *o, LineReader *lr, Buf *input, const char *text, bool *more) {
    int status = -1;
    if (!buf_puts(input, text)) {
        fputs("MemoryError\n", stderr);
        buf_clear(input);
        *more = false;
        return -1;
    }
    Source src;
    Diag d;
    diag_init(&d);
    const char *name = o->asyncio_repl ? "<console>" : "<stdin>";
    unsigned flags = VM_INPUT_BLOCK | (o->asyncio_repl ? VM_INPUT_IN_LOOP : 0);
    VmInput r = VM_INPUT_DONE;
    int exit_status = 0;
    if (lx_source_from_string(&src, name, input->data, input->len, &d)) {
        r = vm_run_input(vm, &src, flags, &exit_status);
        lx_source_free(&src);
    } else {
        ps_report_from(stderr, "<stdin>", NULL, &d, REPORT_STRING);
        diag_clear(&d);
    }
    while (input->len && (input->data[input->len - 1] == '\n' || input->data[input->len - 1] == ' '))
        input->data[--input->len] = '\0';
    if (lr && input->len) lr_remember(lr, input->data);
    buf_clear(input);
    *more = false;
    if (r == VM_INPUT_EXIT) status = exit_status;
    return status;
}

int repl_run(Vm *vm, const ReplOptions *o) {
    set_prompts(vm);
    print_banner(o);
    if (o->asyncio_repl) import_asyncio(vm);
    run_startup_file(vm, o);
    char *history = history_path(o);
    LineReader *lr = lr_open(true, history, o->asyncio_repl);
    free(history);
    Session session = {vm, lr, VM_INPUT_DONE, 0};
    // Colour only for a person at a terminal who has not asked for none
    // (https://no-color.org: NO_COLOR set and not empty).
    const char *no_color = o->use_env ? getenv("NO_COLOR") : NULL;
    const char *term = getenv("TERM");
    vm->color_tracebacks = lr && lr_is_terminal(lr) && isatty(2) && !(no_color && *no_color) &&
                           !(term && strcmp(term, "dumb") == 0);
    if (lr) {
        lr_set_completer(lr, complete_word, vm);
        lr_set_idle(lr, wait_for_input, &session);
    }
    Buf input;
    buf_init(&input);
    int status = 0;
    bool more = false;
    for (;;) {
        char *prompt = prompt_text(vm, more);
        char *line = NULL;
        LrStatus st = lr ? lr_read(lr, prompt ? prompt : ">>> ", &line) : LR_EOF;
        free(prompt);
        if (st == LR_BLOCK) {
            status = run_block(vm, o, lr, &input, line, &more);
            free(line);
            if (status >= 0) break;
            status = 0;
            continue;
        }
        bool at_eof = st == LR_EOF && more;
        if (st == LR_EOF) {
            fflush(stdout);
            fputc('\n', stderr);
            if (!more) break;
        }
        if (st == LR_INTERRUPT && session.idle_end == VM_INPUT_EXIT) {
            status = session.status;
            break;
        }
        if (st == LR_INTERRUPT) {
            session.idle_end = VM_INPUT_DONE;
            interrupted(vm);
            buf_clear(&input);
            more = false;
            continue;
        }
        // The end of the input ends a pending statement as a blank line
        // would, and one still open is then an error (CPython's words).
        bool blank = at_eof || is_blank(line);
        if (!more && (blank || is_comment(line))) {   // at `>>>`: only a fresh prompt
            free(line);
            continue;
        }
        bool ok = at_eof || (buf_puts(&input, line) && buf_putc(&input, '\n'));
        free(line);
        if (!ok) {
            fputs("MemoryError\n", stderr);
            buf_clear(&input);
            more = false;
            continue;
        }
        Source src;
        Diag d;
        diag_init(&d);
        VmInput r = VM_INPUT_DONE;
        // CPython's asyncio REPL runs on code.InteractiveConsole, whose
        // tracebacks name the input "<console>".
        const char *name = o->asyncio_repl ? "<console>" : "<stdin>";
        unsigned flags = (blank ? VM_INPUT_BLANK_ENDED : 0) | (o->asyncio_repl ? VM_INPUT_IN_LOOP : 0) |
                         (at_eof ? VM_INPUT_AT_EOF : 0);
        if (lx_source_from_string(&src, name, input.data, input.len, &d)) {
            r = vm_run_input(vm, &src, flags, &status);
            lx_source_free(&src);
        } else {
            ps_report_from(stderr, "<stdin>", NULL, &d, REPORT_STRING);
            diag_clear(&d);
        }
        if (r == VM_INPUT_MORE) {
            more = true;
            continue;
        }
        // One history entry per input, without its last newline.
        if (lr) {
            while (input.len && (input.data[input.len - 1] == '\n' || input.data[input.len - 1] == ' '))
                input.data[--input.len] = '\0';
            if (input.len) lr_remember(lr, input.data);
        }
        buf_clear(&input);
        more = false;
        if (r == VM_INPUT_EXIT) break;
    }
    buf_free(&input);
    lr_close(lr);
    if (o->asyncio_repl && status == 0) fputs("exiting asyncio REPL...\n", stderr);
    close_session_loop(vm);
    return vm_finish(vm, status);
}
