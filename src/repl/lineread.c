// Reading the REPL's lines: see lineread.h.
#include "repl/lineread.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"
#include "repl/isearch.h"
#include "vm/signals.h"

#if AIOPY_EDITLINE
#include <editline/readline.h>
#endif

// Entries kept in the history file: enough for weeks of sessions, small
// enough to load at once.
enum { HISTORY_MAX = 1000 };

struct LineReader {
    bool terminal;    // reading through libedit
    char *history;    // its file, or NULL
    FILE *prompts;    // where plain reads show the prompt
    LrIdle idle;      // runs the event loop while waiting
    void *idle_ctx;
    bool editing;     // the editor shows a prompt
    bool hidden;      // ... which output has cleared (lr_hide)
};

static bool run_idle(LineReader *lr) { return !lr->idle || lr->idle(lr->idle_ctx); }

#if AIOPY_EDITLINE
// libedit runs through its callback interface: aiopy waits in poll() for a
// key or for the wakeup pipe the SIGINT handler writes to, then hands the
// key to libedit. A Ctrl-C therefore always interrupts the wait (libedit
// keeps signals blocked while it reads, so inside readline() a SIGINT would
// only be seen at the next key), and an idle prompt takes no CPU.
static int wake[2] = {-1, -1};
static char *got_line;   // what the line handler received
static bool got;         // ... and whether it was called

static void on_line(char *line) {
    got_line = line;
    got = true;
}

// The key read by the wait loop, handed to libedit through its getc hook
// (which reads on by itself for the rest of an escape sequence). Ctrl-C
// arrives as a key when the editor has turned the terminal's ISIG off.
static int pending_key = -1;

// Bytes read after an ESC to see whether a paste starts, when it did not:
// the editor gets them next.
static unsigned char held[8];
static size_t nheld, iheld;

static int editor_getc(FILE *f) {
    if (pending_key >= 0) {
        int c = pending_key;
        pending_key = -1;
        return c;
    }
    if (iheld < nheld) return held[iheld++];
    unsigned char c;
    for (;;) {
        ssize_t n = read(fileno(f), &c, 1);
        if (n == 1) return c;
        if (n < 0 && errno == EINTR) continue;
        return EOF;
    }
}

void lr_hide(LineReader *lr) {
    if (!lr->editing || lr->hidden) return;
    lr->hidden = true;
    fputs("\r\x1b[K", rl_outstream ? rl_outstream : stdout);
    fflush(rl_outstream ? rl_outstream : stdout);
}

void lr_show(LineReader *lr) {
    if (!lr->editing || !lr->hidden) return;
    lr->hidden = false;
    fflush(stdout);
    fflush(stderr);
    rl_forced_update_display();
}

// Bracketed paste: the terminal wraps pasted text in ESC[200~ ... ESC[201~
// (once the prompt asks with ESC[?2004h), so a pasted block arrives as one
// piece instead of as keys, and runs as one input.
static const char paste_start[] = "[200~", paste_end[] = "\x1b[201~";

// The next byte of the input within [ms] milliseconds, or -1.
static int byte_within(int ms) {
    struct pollfd p = {0, POLLIN, 0};
    if (poll(&p, 1, ms) <= 0) return -1;
    unsigned char c;
    return read(0, &c, 1) == 1 ? c : -1;
}

// After an ESC: whether a paste starts. If not, the bytes read stay held
// for the editor.
static bool paste_starts(void) {
    nheld = iheld = 0;
    for (size_t i = 0; paste_start[i]; i++) {
        int c = byte_within(50);
        if (c < 0) return false;
        held[nheld++] = (unsigned char)c;
        if (c != paste_start[i]) return false;
    }
    nheld = 0;
    return true;
}

// The pasted text up to the end marker, with the terminal's carriage
// returns as newlines (malloc'd; NULL when the input ends first).
static char *read_paste(void) {
    size_t len = 0, cap = 256, endlen = sizeof paste_end - 1;
    char *text = malloc(cap);
    while (text) {
        int c = byte_within(-1);
        if (c < 0) break;
        if (len + 1 >= cap) {
            char *bigger = realloc(text, cap *= 2);
            if (!bigger) break;
            text = bigger;
        }
        text[len++] = c == '\r' ? '\n' : (char)c;
        if (len >= endlen && memcmp(text + len - endlen, paste_end, endlen) == 0) {
            len -= endlen;
            text[len] = '\0';
            return text;
        }
    }
    free(text);
    return NULL;
}

// A paste of one line is typed into the line; one of several lines is shown
// as if typed at "... " prompts and becomes the input (LR_BLOCK).
static LrStatus take_paste(const char *prompt, char **line) {
    char *text = read_paste();
    if (!text) return LR_EOF;
    size_t len = strlen(text);
    while (len && text[len - 1] == '\n') text[--len] = '\0';
    if (!strchr(text, '\n')) {
        rl_insert_text(text);
        free(text);
        fputs("\r\x1b[K", stdout);
        fflush(stdout);
        rl_forced_update_display();
        return LR_LINE;   // (not a line yet: the caller reads on)
    }
    // The editor's line with the paste in it, as Enter hands it over
    // (libedit's rl_line_buffer is not kept current between keys).
    rl_insert_text(text);
    free(text);
    got = false;
    got_line = NULL;
    pending_key = '\r';
    rl_callback_read_char();
    if (!got || !got_line) return LR_EOF;
    size_t n = strlen(got_line) + 2;
    char *all = malloc(n);
    if (!all) return LR_EOF;
    snprintf(all, n, "%s\n", got_line);
    free(got_line);
    got_line = NULL;
    // libedit's Enter went to the next line: back to the prompt's, drawn
    // again with the whole block.
    fputs("\x1b[A\r\x1b[K", stdout);
    fputs(prompt, stdout);
    for (const char *p = all; *p; p++) {
        fputc(*p, stdout);
        if (*p == '\n' && p[1]) fputs("... ", stdout);
    }
    fflush(stdout);
    *line = all;
    return LR_BLOCK;
}

// The edited line becomes [text], the cursor at its end: through libedit's
// own keys (Ctrl-E, Ctrl-U) and insertion, so that its cursor follows.
static void replace_line(const char *text) {
    static const char keys[] = {5, 21};
    for (size_t i = 0; i < sizeof keys; i++) {
        pending_key = keys[i];
        rl_callback_read_char();
    }
    rl_insert_text(text);
}

// A key for the history search, waited for as read_edited waits.
static int search_key(void) {
    for (;;) {
        if (vm_signals_pending()) return ISEARCH_INTERRUPT;
        struct pollfd p[2] = {{0, POLLIN, 0}, {wake[0], POLLIN, 0}};
        int r = poll(p, wake[0] >= 0 ? 2 : 1, -1);
        if (r < 0 && errno != EINTR) return ISEARCH_EOF;
        if (r <= 0) continue;
        if (wake[0] >= 0 && (p[1].revents & POLLIN)) {
            char drain[64];
            while (read(wake[0], drain, sizeof drain) > 0) {
            }
            continue;
        }
        unsigned char c;
        ssize_t n = read(0, &c, 1);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return ISEARCH_EOF;
        return c == 3 ? ISEARCH_INTERRUPT : c;
    }
}

static LrStatus read_edited(LineReader *lr, const char *prompt, char **line) {
    got = false;
    got_line = NULL;
    fputs("\x1b[?2004h", stdout);   // bracketed paste on, while the prompt is up
    fflush(stdout);
    rl_callback_handler_install(prompt, on_line);
    // libedit installs its own signal handlers while it edits (whatever
    // rl_catch_signals says) and re-sends a signal only once it is called
    // again: the VM's handler goes back in, so a Ctrl-C ends the wait.
    vm_signals_catch(SIGINT);
    int old_wakeup = vm_signals_set_wakeup_fd(wake[1]);
    LrStatus st = LR_EOF;
    // libedit may leave SIGINT blocked after handling a key (it blocks
    // signals while it reads): the wait must see it.
    sigset_t sigint;
    sigemptyset(&sigint);
    sigaddset(&sigint, SIGINT);
    for (;;) {
        sigprocmask(SIG_UNBLOCK, &sigint, NULL);
        lr->editing = true;
        bool go_on = !vm_signals_pending() && run_idle(lr);
        lr_show(lr);
        lr->editing = false;
        if (!go_on) {
            st = LR_INTERRUPT;
            break;
        }
        struct pollfd p[2] = {{0, POLLIN, 0}, {wake[0], POLLIN, 0}};
        int r = poll(p, wake[0] >= 0 ? 2 : 1, -1);
        if (r < 0 && errno != EINTR) break;
        if (r <= 0) continue;
        if (wake[0] >= 0 && (p[1].revents & POLLIN)) {
            char drain[64];
            while (read(wake[0], drain, sizeof drain) > 0) {
            }
            continue;   // the pending flag says what came
        }
        if (p[0].revents & (POLLIN | POLLHUP | POLLERR)) {
            unsigned char c;
            ssize_t n = read(0, &c, 1);
            if (n < 0 && errno == EINTR) continue;
            if (n == 1 && c == 3) {
                st = LR_INTERRUPT;
                break;
            }
            pending_key = n == 1 ? c : -1;
            if (n == 0) {   // the terminal is gone: as Ctrl-D
                st = LR_EOF;
                break;
            }
            if (c == 27 && paste_starts()) {
                pending_key = -1;
                char *block = NULL;
                LrStatus ps = take_paste(prompt, &block);
                if (ps == LR_LINE) continue;
                st = ps;
                got_line = block;
                break;
            }
            if (c == 18) {   // Ctrl-R
                int key;
                const char *found;
                IsearchEnd end = isearch_run(search_key, &found, &key);
                if (end == ISEARCH_STOPPED) {
                    st = key == ISEARCH_EOF ? LR_EOF : LR_INTERRUPT;
                    break;
                }
                // The edits draw from where libedit thinks the cursor is:
                // the line is cleared after them and drawn whole.
                if (found) replace_line(found);
                fputs("\r\x1b[K", stdout);
                fflush(stdout);
                rl_forced_update_display();
                if (end == ISEARCH_CANCELLED || (end == ISEARCH_KEEP && key < 0)) continue;
                pending_key = end == ISEARCH_RUN ? '\r' : key;
            }
            rl_callback_read_char();
            vm_signals_catch(SIGINT);
            if (got) {
                st = got_line ? LR_LINE : LR_EOF;
                break;
            }
        }
    }
    vm_signals_set_wakeup_fd(old_wakeup);
    rl_callback_handler_remove();
    fputs("\x1b[?2004l", stdout);
    fflush(stdout);
    bool has_line = st == LR_LINE || st == LR_BLOCK;
    *line = has_line ? got_line : NULL;
    if (!has_line) free(got_line);
    return st;
}
#endif

#if AIOPY_EDITLINE
static LrCompleter completer;
static void *completer_ctx;

// The longest common prefix of [m] goes first, as readline wants it.
static char **matches_for(char **cands) {
    size_t n = 0;
    while (cands[n]) n++;
    char **m = malloc((n + 2) * sizeof *m);
    if (!m) return NULL;
    size_t common = strlen(cands[0]);
    for (size_t i = 1; i < n; i++) {
        size_t k = 0;
        while (k < common && cands[i][k] == cands[0][k]) k++;
        common = k;
    }
    m[0] = strndup(cands[0], common);
    for (size_t i = 0; i < n; i++) m[i + 1] = cands[i];
    m[n + 1] = NULL;
    if (n == 1) {   // one candidate: it replaces the word, nothing to list
        free(m[0]);
        m[0] = m[1];
        m[1] = NULL;
    }
    return m;
}

static char **attempt_completion(const char *text, int start, int end) {
    (void)end;
    rl_attempted_completion_over = 1;   // never fall back to file names
    bool blank = true;
    for (int i = 0; i < start; i++)
        if (rl_line_buffer[i] != ' ' && rl_line_buffer[i] != '\t') blank = false;
    if (blank && !text[0]) {
        rl_insert_text("\t");
        return NULL;
    }
    if (!completer) return NULL;
    char **cands = completer(completer_ctx, text);
    if (!cands) return NULL;
    if (!cands[0]) {
        free(cands);
        return NULL;
    }
    char **m = matches_for(cands);
    free(cands);
    return m;
}
#endif

LineReader *lr_open(bool edit, const char *history, bool prompt_to_stdout) {
    LineReader *lr = calloc(1, sizeof *lr);
    if (!lr) return NULL;
    lr->prompts = prompt_to_stdout ? stdout : stderr;
#if AIOPY_EDITLINE
    lr->terminal = edit && isatty(0) && isatty(1);
    if (lr->terminal) {
        // The VM's SIGINT handler stays in charge: a Ctrl-C interrupts the
        // read (EINTR) and the REPL prints KeyboardInterrupt.
        rl_catch_signals = 0;
        rl_getc_function = editor_getc;
        rl_attempted_completion_function = attempt_completion;
        rl_completion_append_character = '\0';
        // Python's delimiters: a dot stays inside the word (obj.attr).
        rl_completer_word_break_characters = (char *)" \t\n\"\\'`@$><=;|&{}()[],+-*/%^~!:";
        if (wake[0] < 0 && pipe(wake) == 0) {
            fcntl(wake[0], F_SETFL, O_NONBLOCK);
            fcntl(wake[1], F_SETFL, O_NONBLOCK);
        }
        rl_readline_name = "aiopy";
        using_history();
        stifle_history(HISTORY_MAX);
        if (history) {
            lr->history = strdup(history);
            read_history(history);
        }
    }
#else
    (void)edit;
    (void)history;
#endif
    return lr;
}

bool lr_is_terminal(const LineReader *lr) { return lr->terminal; }

// Whether stdin's buffer still holds input read ahead: then fd 0 may stay
// unreadable although a line is there, and the event loop must not wait.
static bool input_buffered(void) {
#ifdef __GLIBC__
    return stdin->_IO_read_ptr < stdin->_IO_read_end;
#else
    return true;   // no way to know: the loop only runs while statements await
#endif
}

static LrStatus read_plain(LineReader *lr, const char *prompt, char **line) {
    // CPython's prompt goes to stderr when stdin is not a terminal; what
    // the program printed goes out first, so a shared file keeps the order.
    fflush(stdout);
    fputs(prompt, lr->prompts);
    fflush(lr->prompts);
    if (!input_buffered() && !run_idle(lr)) return LR_INTERRUPT;
    char *buf = NULL;
    size_t cap = 0;
    errno = 0;
    ssize_t n = getline(&buf, &cap, stdin);
    if (n < 0) {
        free(buf);
        bool interrupted = errno == EINTR;
        clearerr(stdin);
        return interrupted ? LR_INTERRUPT : LR_EOF;
    }
    if (n > 0 && buf[n - 1] == '\n') buf[--n] = '\0';
    *line = buf;
    return LR_LINE;
}

LrStatus lr_read(LineReader *lr, const char *prompt, char **line) {
    *line = NULL;
#if AIOPY_EDITLINE
    if (lr->terminal) {
        fflush(stdout);
        return read_edited(lr, prompt, line);
    }
#else
    (void)lr;
#endif
    return read_plain(lr, prompt, line);
}

#if !AIOPY_EDITLINE
void lr_hide(LineReader *lr) { (void)lr; }
void lr_show(LineReader *lr) { (void)lr; }
#endif

void lr_set_idle(LineReader *lr, LrIdle fn, void *ctx) {
    lr->idle = fn;
    lr->idle_ctx = ctx;
}

void lr_set_completer(LineReader *lr, LrCompleter fn, void *ctx) {
    (void)lr;
#if AIOPY_EDITLINE
    completer = fn;
    completer_ctx = ctx;
#else
    (void)fn;
    (void)ctx;
#endif
}

void lr_remember(LineReader *lr, const char *input) {
#if AIOPY_EDITLINE
    if (lr->terminal && input[0]) add_history(input);
#else
    (void)lr;
    (void)input;
#endif
}

void lr_close(LineReader *lr) {
    if (!lr) return;
#if AIOPY_EDITLINE
    if (lr->terminal && lr->history) write_history(lr->history);
#endif
    free(lr->history);
    free(lr);
}
