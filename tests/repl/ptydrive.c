// ptydrive PROGRAM ARGS... < KEYS: runs PROGRAM under a pseudo-terminal,
// types what KEYS says, and prints what a person would have seen: the
// terminal's output with escape sequences and carriage returns removed,
// then "[exit N]" (or "[signal N]"). The REPL's pty tests compare that with
// their expected transcript (tests/golden/run-golden, mode pty).
//
// KEYS, one command per line:
//   > TEXT    wait for a prompt (the output ends with ">>> " or "... "), then type TEXT
//   ! TEXT    wait until the output has been quiet for 0.4 s, then type TEXT
//   ~ TEXT    wait until TEXT shows in the output since the last keys were
//             typed (what a task prints while the prompt waits); type nothing
//   colours   show colour sequences in the transcript, as {1;35m}
//   setenv NAME=VALUE   for the program from the next restart on
//   restart   wait for the program to exit, then start it again (same HOME:
//             history carries over)
//   # ...     a comment
// TEXT takes the escapes \r \n \t \e \\ and \xHH (\x03 is Ctrl-C, \x04 Ctrl-D).
// HOME is a fresh directory, removed at the end. Every wait gives up after
// 10 s (scaled by PTYDRIVE_SLOW, e.g. 5 under sanitizers) and says so.
#define _XOPEN_SOURCE 700   // posix_openpt, grantpt, unlockpt, ptsname
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static char *out;        // everything the program wrote
static size_t out_len, out_cap;
static int master = -1;
static pid_t child = -1;
static double slow = 1.0;

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void append(const char *p, size_t n) {
    if (out_len + n + 1 > out_cap) {
        out_cap = (out_len + n + 1) * 2;
        out = realloc(out, out_cap);
        if (!out) abort();
    }
    memcpy(out + out_len, p, n);
    out_len += n;
    out[out_len] = '\0';
}

// Reads what is there for up to [ms]; false once the program closed the pty.
static bool pump(int ms) {
    struct pollfd p = {master, POLLIN, 0};
    if (poll(&p, 1, ms) <= 0) return true;
    char buf[4096];
    ssize_t n = read(master, buf, sizeof buf);
    if (n <= 0) return false;
    append(buf, (size_t)n);
    return true;
}

static bool at_prompt(void) {
    return out_len >= 4 && (memcmp(out + out_len - 4, ">>> ", 4) == 0 || memcmp(out + out_len - 4, "... ", 4) == 0);
}

// A prompt, and nothing more for 0.1 s (the editor may redraw a line).
static void wait_prompt(void) {
    double end = now() + 10 * slow;
    for (;;) {
        while (!at_prompt() && now() < end)
            if (!pump(20)) return;
        if (!at_prompt()) {
            append("[ptydrive: no prompt]\n", 22);
            return;
        }
        size_t seen = out_len;
        double settle = now() + 0.1 * slow;
        while (now() < settle && out_len == seen)
            if (!pump(10)) return;
        if (out_len == seen) return;
    }
}

// Where the output stood when keys were last typed.
static size_t typed_at;

static bool shown_since_typed(const char *text, size_t n) {
    for (size_t i = typed_at; i + n <= out_len; i++)
        if (memcmp(out + i, text, n) == 0) return true;
    return false;
}

static void wait_text(const char *text, size_t n) {
    double end = now() + 10 * slow;
    while (!shown_since_typed(text, n) && now() < end)
        if (!pump(20)) return;
    if (!shown_since_typed(text, n)) append("[ptydrive: text never shown]\n", 29);
}

static void wait_quiet(void) {
    double end = now() + 10 * slow, quiet = 0.4 * slow;
    size_t seen = out_len;
    double since = now();
    while (now() < end) {
        if (!pump(20)) return;
        if (out_len != seen) {
            seen = out_len;
            since = now();
        } else if (now() - since >= quiet) {
            return;
        }
    }
}

static void start(char **argv) {
    master = posix_openpt(O_RDWR | O_NOCTTY);
    if (master < 0 || grantpt(master) || unlockpt(master)) {
        perror("ptydrive: pty");
        exit(2);
    }
    // Wide enough that no line of a test wraps (the editor would insert
    // its own line breaks).
    struct winsize ws = {.ws_row = 50, .ws_col = 250};
    ioctl(master, TIOCSWINSZ, &ws);
    const char *name = ptsname(master);
    child = fork();
    if (child < 0) {
        perror("ptydrive: fork");
        exit(2);
    }
    if (child == 0) {
        setsid();
        int slave = open(name, O_RDWR);
        if (slave < 0) _exit(127);
        dup2(slave, 0);
        dup2(slave, 1);
        dup2(slave, 2);
        if (slave > 2) close(slave);
        close(master);
        signal(SIGINT, SIG_DFL);
        execvp(argv[0], argv);
        _exit(127);
    }
}

// Waits for the program to exit (reading its last output) and notes how.
static void finish(void) {
    double end = now() + 10 * slow;
    int status = 0;
    pid_t r = 0;
    while ((r = waitpid(child, &status, WNOHANG)) == 0 && now() < end) pump(20);
    while (pump(50)) {
    }
    char note[64];
    if (r == 0) {
        kill(child, SIGKILL);
        waitpid(child, &status, 0);
        snprintf(note, sizeof note, "[ptydrive: still running, killed]\n");
    } else if (WIFEXITED(status)) {
        snprintf(note, sizeof note, "[exit %d]\n", WEXITSTATUS(status));
    } else {
        snprintf(note, sizeof note, "[signal %d]\n", WTERMSIG(status));
    }
    // The note starts a line of its own (SOH tells print_clean: unless the
    // cursor is at the start of an empty one).
    append("\x01", 1);
    append(note, strlen(note));
    close(master);
    master = -1;
}

static size_t unescape(const char *s, char *d) {
    size_t n = 0;
    while (*s && *s != '\n') {
        if (*s != '\\') {
            d[n++] = *s++;
            continue;
        }
        s++;
        switch (*s) {
        case 'r': d[n++] = '\r'; s++; break;
        case 'n': d[n++] = '\n'; s++; break;
        case 't': d[n++] = '\t'; s++; break;
        case 'e': d[n++] = 27; s++; break;
        case '\\': d[n++] = '\\'; s++; break;
        case 'x': {
            char hex[3] = {s[1], s[2], 0};
            d[n++] = (char)strtol(hex, NULL, 16);
            s += 3;
            break;
        }
        default: d[n++] = '\\'; break;
        }
    }
    return n;
}

// The transcript as a terminal shows it: a screen of lines rebuilt from the
// program's output (carriage return, backspace, cursor moves left, right
// and up, erasing and inserting); other escape sequences are dropped, and
// only the final text of each line is printed.
enum { COLS = 8192 };
typedef struct ScreenLine {
    char text[COLS];
    size_t len;
} ScreenLine;
static ScreenLine *screen;
static size_t nrows, row, cursor;
static bool show_sgr;    // the keys said `colours`
static char *line_buf;   // screen[row].text
static size_t line_len;   // (kept in screen[row].len by the helpers)

static void go_to_row(size_t r) {
    if (screen) screen[row].len = line_len;
    if (r >= nrows) {
        screen = realloc(screen, (r + 1) * sizeof *screen);
        if (!screen) abort();
        for (size_t i = nrows; i <= r; i++) screen[i].len = 0;
        nrows = r + 1;
    }
    row = r;
    line_buf = screen[row].text;
    line_len = screen[row].len;
}

static void put_at_cursor(char c) {
    if (cursor >= COLS - 1) return;
    if (cursor > line_len) memset(line_buf + line_len, ' ', cursor - line_len);
    line_buf[cursor++] = c;
    if (cursor > line_len) line_len = cursor;
}

static void emit_line(void) {   // a newline: the next row, first column
    go_to_row(row + 1);
    cursor = 0;
}

static void print_clean(void) {
    go_to_row(0);
    for (size_t i = 0; i < out_len; i++) {
        unsigned char c = (unsigned char)out[i];
        if (c == 27 && i + 1 < out_len && out[i + 1] == '[') {
            i += 2;
            size_t params = i;
            int n = 0;
            bool has_n = false;
            while (i < out_len && ((out[i] >= '0' && out[i] <= '9') || out[i] == ';' || out[i] == '?')) {
                if (out[i] >= '0' && out[i] <= '9') {
                    n = n * 10 + (out[i] - '0');
                    has_n = true;
                }
                i++;
            }
            if (i >= out_len) break;
            if (!has_n) n = 1;
            switch (out[i]) {
            case 'C': cursor += (size_t)n; if (cursor > COLS - 1) cursor = COLS - 1; if (cursor > line_len) { memset(line_buf + line_len, ' ', cursor - line_len); line_len = cursor; } break;
            case 'D': cursor = cursor > (size_t)n ? cursor - (size_t)n : 0; break;
            case 'G':
                cursor = (size_t)(n > 0 ? n - 1 : 0);
                if (cursor > COLS - 1) cursor = COLS - 1;
                if (cursor > line_len) {
                    memset(line_buf + line_len, ' ', cursor - line_len);
                    line_len = cursor;
                }
                break;
            case 'K': if (cursor < line_len) line_len = cursor; break;
            case 'A': go_to_row(row > (size_t)n ? row - (size_t)n : 0); break;
            case 'P': {
                size_t k = (size_t)n;
                if (cursor + k > line_len) k = line_len - cursor;
                memmove(line_buf + cursor, line_buf + cursor + k, line_len - cursor - k);
                line_len -= k;
                break;
            }
            case '@': {
                size_t k = (size_t)n;
                if (line_len + k >= COLS) break;
                memmove(line_buf + cursor + k, line_buf + cursor, line_len - cursor);
                memset(line_buf + cursor, ' ', k);
                line_len += k;
                break;
            }
            case 'm':
                if (show_sgr) {
                    put_at_cursor('{');
                    for (size_t k = params; k <= i; k++) put_at_cursor(out[k]);
                    put_at_cursor('}');
                }
                break;
            default: break;   // modes: nothing to show
            }
            continue;
        }
        if (c == 27) {
            i++;
            continue;
        }
        if (c == '\r') cursor = 0;
        else if (c == '\n') emit_line();
        else if (c == '\b') cursor = cursor ? cursor - 1 : 0;
        else if (c == 7) continue;
        else if (c == 1) {
            if (line_len || cursor) emit_line();
        }
        else put_at_cursor((char)c);
    }
    go_to_row(row);
    // Every row the output reached, the last only when something is on it.
    for (size_t r = 0; r < nrows; r++) {
        if (r == nrows - 1 && !screen[r].len) break;
        fwrite(screen[r].text, 1, screen[r].len, stdout);
        putchar('\n');
    }
    free(screen);
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: ptydrive PROGRAM ARGS... < KEYS\n");
        return 2;
    }
    const char *s = getenv("PTYDRIVE_SLOW");
    if (s && atof(s) > 0) slow = atof(s);
    char home[] = "/tmp/ptydrive.XXXXXX";
    if (!mkdtemp(home)) {
        perror("ptydrive: mkdtemp");
        return 2;
    }
    setenv("HOME", home, 1);
    setenv("TERM", "xterm", 1);
    unsetenv("PYTHONSTARTUP");
    unsetenv("AIOPY_STARTUP");
    unsetenv("NO_COLOR");
    start(argv + 1);
    char line[4096], text[4096];
    while (fgets(line, sizeof line, stdin)) {
        if (line[0] == '#' || line[0] == '\n') continue;
        if (strncmp(line, "setenv ", 7) == 0) {
            line[strcspn(line, "\n")] = '\0';
            char *eq = strchr(line + 7, '=');
            if (eq) {
                *eq = '\0';
                setenv(line + 7, eq + 1, 1);
            }
            continue;
        }
        if (strncmp(line, "colours", 7) == 0) {
            show_sgr = true;
            continue;
        }
        if (strncmp(line, "restart", 7) == 0) {
            finish();
            start(argv + 1);
            continue;
        }
        if ((line[0] != '>' && line[0] != '!' && line[0] != '~') || line[1] != ' ') {
            fprintf(stderr, "ptydrive: bad line: %s", line);
            return 2;
        }
        line[strcspn(line, "\n")] = '\0';
        size_t n = unescape(line + 2, text);
        if (line[0] == '~') {
            wait_text(text, n);
            continue;
        }
        if (line[0] == '>') wait_prompt();
        else wait_quiet();
        typed_at = out_len;
        if (write(master, text, n) != (ssize_t)n) break;
    }
    finish();
    print_clean();
    char cmd[64];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", home);
    if (system(cmd) != 0) return 2;
    return 0;
}
