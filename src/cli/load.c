// Reading the program text: see load.h. CPython's behaviours kept here:
//  * a script path is made absolute by joining the working directory
//    (getcwd, no normalisation: "./x.py" stays "/cwd/./x.py");
//  * an unopenable path prints `PROG: can't open file 'ABS': [Errno N] TEXT`
//    (exit 2), with the path quoted as Python's repr() would;
//  * a directory runs its __main__.py, or prints `EXE: can't find
//    '__main__' module in 'ABS'` (exit 1), EXE being sys.executable;
//  * -x drops the first line but keeps its newline, so line numbers stay true;
//  * -c gets a newline appended, as CPython does before compiling it;
//  * a -c argument that is not UTF-8 cannot become a str: CPython prints
//    a UnicodeEncodeError for the surrogate the bad byte decoded to.
#include "cli/load.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/buf.h"
#include "util/hugemem.h"
#include "util/utf8.h"

static char *make_absolute(const char *path);

// The working directory, malloc'd, or NULL.
static char *current_dir(void) {
    size_t cap = 256;
    for (;;) {
        char *b = malloc(cap);
        if (!b) return NULL;
        if (getcwd(b, cap)) return b;
        free(b);
        if (errno != ERANGE || cap > (1u << 20)) return NULL;
        cap *= 2;
    }
}

char *cli_executable_path(const char *argv0) {
    if (strchr(argv0, '/')) {
        if (argv0[0] == '/') return strdup(argv0);
        while (argv0[0] == '.' && argv0[1] == '/') argv0 += 2;   // as CPython: ./x -> x
        return make_absolute(argv0);
    }
    const char *path = getenv("PATH");
    while (path && *path) {
        const char *colon = strchr(path, ':');
        size_t n = colon ? (size_t)(colon - path) : strlen(path);
        Buf b;
        buf_init(&b);
        buf_append(&b, n ? path : ".", n ? n : 1);
        buf_putc(&b, '/');
        buf_puts(&b, argv0);
        struct stat st;
        if (b.data && access(b.data, X_OK) == 0 && stat(b.data, &st) == 0 &&
            S_ISREG(st.st_mode)) {
            char *found = b.data[0] == '/' ? buf_steal(&b, NULL) : make_absolute(b.data);
            buf_free(&b);
            return found;
        }
        buf_free(&b);
        path = colon ? colon + 1 : NULL;
    }
    return strdup("");
}

static char *make_absolute(const char *path) {
    Buf b;
    buf_init(&b);
    if (path[0] != '/') {
        char *cwd = current_dir();
        if (cwd) {
            buf_puts(&b, cwd);
            if (*path) buf_putc(&b, '/');
            free(cwd);
        }
    }
    if (!buf_puts(&b, path)) {
        buf_free(&b);
        return NULL;
    }
    return buf_steal(&b, NULL);
}

// Appends [s] quoted as Python's repr() of the str it decodes to (with
// surrogateescape for bytes that are not UTF-8).
static void put_repr(Buf *b, const char *s) {
    bool has_single = strchr(s, '\'') != NULL, has_double = strchr(s, '"') != NULL;
    char quote = has_single && !has_double ? '"' : '\'';
    buf_putc(b, quote);
    size_t n = strlen(s);
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            if (c == (unsigned char)quote || c == '\\') { buf_putc(b, '\\'); buf_putc(b, (char)c); }
            else if (c == '\t') buf_puts(b, "\\t");
            else if (c == '\n') buf_puts(b, "\\n");
            else if (c == '\r') buf_puts(b, "\\r");
            else if (c < 0x20 || c == 0x7f) buf_printf(b, "\\x%02x", c);
            else buf_putc(b, (char)c);
            i++;
            continue;
        }
        uint32_t cp;
        size_t k = utf8_decode((const unsigned char *)s + i, n - i, &cp, false);
        if (k == 0) {
            buf_printf(b, "\\udc%02x", c);
            i++;
        } else if (cp < 0xA1 || cp == 0xAD) {   // C1 controls, NBSP, soft hyphen
            buf_printf(b, "\\x%02x", (unsigned)cp);
            i += k;
        } else {
            buf_append(b, s + i, k);
            i += k;
        }
    }
    buf_putc(b, quote);
}

static void print_cannot_open(const char *prog, const char *abs, int err) {
    Buf b;
    buf_init(&b);
    put_repr(&b, abs);
    fprintf(stderr, "%s: can't open file %s: [Errno %d] %s\n", prog, b.data ? b.data : "''",
            err, strerror(err));
    buf_free(&b);
}

// Reads [fd] to its end into [out]. A regular file's buffer is sized from
// fstat (+2 for lx_source_adopt), so a big file is read into one buffer
// that is never grown or copied.
static bool read_fd(int fd, Buf *out) {
    struct stat st;
    if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0 &&
        (uintmax_t)st.st_size < SIZE_MAX / 2) {
        if (!buf_reserve(out, (size_t)st.st_size + 1)) {
            errno = ENOMEM;
            return false;
        }
        // A script of a few pages faults them in at no more cost than the
        // system call that would map them.
        if (st.st_size >= 64 << 10) huge_prefault(out->data, (size_t)st.st_size);
    }
    for (;;) {
        // Keep two bytes free: the NUL, and one to see the end of input
        // without growing a buffer sized for the file.
        if (out->cap - out->len < 3 && !buf_reserve(out, 65536)) {
            errno = ENOMEM;
            return false;
        }
        ssize_t got = read(fd, out->data + out->len, out->cap - out->len - 2);
        if (got < 0) {
            if (errno == EINTR) continue;
            return false;
        }
        if (got == 0) return true;
        out->len += (size_t)got;
        out->data[out->len] = '\0';
    }
}

// Opens and reads the script [path] (already made absolute as [abs] for
// messages). Returns 0, or the exit status after printing the error.
static int read_script(const CliArgs *a, const char *path, char **abs_io, Buf *text) {
    int fd = open(*path ? path : ".", O_RDONLY);   // "" names the working directory
    if (fd < 0) {
        print_cannot_open(a->prog, *abs_io, errno);
        return EXIT_USAGE;
    }
    struct stat st;
    if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
        // A directory is run through its __main__.py, as CPython does.
        close(fd);
        Buf main_path;
        buf_init(&main_path);
        buf_printf(&main_path, "%s/__main__.py", *path ? path : ".");
        fd = main_path.data ? open(main_path.data, O_RDONLY) : -1;
        buf_free(&main_path);
        if (fd < 0 || (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode))) {
            if (fd >= 0) close(fd);
            Buf b;
            buf_init(&b);
            put_repr(&b, *abs_io);
            char *exe = cli_executable_path(a->prog);
            fprintf(stderr, "%s: can't find '__main__' module in %s\n", exe ? exe : "",
                    b.data ? b.data : "''");
            free(exe);
            buf_free(&b);
            return 1;
        }
        Buf shown;
        buf_init(&shown);
        buf_printf(&shown, "%s/__main__.py", *abs_io);
        if (shown.data) {
            free(*abs_io);
            *abs_io = buf_steal(&shown, NULL);
        }
    }
    bool ok = read_fd(fd, text);
    int err = errno;
    close(fd);
    if (!ok) {
        print_cannot_open(a->prog, *abs_io, err);
        return EXIT_USAGE;
    }
    if (a->skip_first_line && text->len) {
        char *nl = memchr(text->data, '\n', text->len);
        size_t drop = nl ? (size_t)(nl - text->data) : text->len;
        memmove(text->data, text->data + drop, text->len - drop + 1);
        text->len -= drop;
    }
    return 0;
}

// CPython cannot turn a -c argument with bytes that are not UTF-8 into a
// str; it reports the first such byte as the surrogate it decoded to.
static bool command_is_utf8(const char *cmd) {
    size_t n = strlen(cmd);
    size_t bad = utf8_validate((const unsigned char *)cmd, n);
    if (bad == n) return true;
    fprintf(stderr,
            "Unable to decode the command from the command line:\n"
            "UnicodeEncodeError: 'utf-8' codec can't encode character '\\udc%02x' in "
            "position %zu: surrogates not allowed\n",
            (unsigned char)cmd[bad], utf8_count(cmd, bad));
    return false;
}

int cli_load_program(const CliArgs *a, CliProgram *p) {
    memset(p, 0, sizeof *p);
    diag_init(&p->diag);
    Buf text;
    buf_init(&text);
    int status = 0;
    switch (a->source) {
    case CLI_SRC_FILE:
        p->how = REPORT_FILE;
        p->filename = make_absolute(a->target);
        if (!p->filename) goto oom;
        status = read_script(a, a->target, &p->filename, &text);
        break;
    case CLI_SRC_COMMAND:
        p->how = REPORT_STRING;
        p->filename = strdup("<string>");
        if (!p->filename) goto oom;
        if (!command_is_utf8(a->target)) {
            status = 1;
            break;
        }
        if (!buf_puts(&text, a->target) || !buf_putc(&text, '\n')) goto oom;
        break;
    case CLI_SRC_STDIN:
    case CLI_SRC_NONE:
        p->how = REPORT_STDIN;
        p->filename = strdup("<stdin>");
        if (!p->filename) goto oom;
        if (!read_fd(0, &text)) {
            fprintf(stderr, "%s: can't read <stdin>: [Errno %d] %s\n", a->prog, errno,
                    strerror(errno));
            status = 1;
        }
        break;
    case CLI_SRC_MODULE:
        status = 1;   // main.c handles -m before loading anything
        break;
    }
    if (status != 0) {
        buf_free(&text);
        return status;
    }
    // Bad bytes (invalid UTF-8, NUL) do not fail the load: the Source keeps
    // them as a defect that the lexer reports at its line, after any earlier
    // error, as CPython does. A failure here is a Diag without a line (an
    // unsupported coding declaration) or memory. The Source takes the
    // buffer (which has the two spare bytes it needs) rather than a copy.
    if (!buf_reserve(&text, 1)) goto oom;
    size_t len;
    char *bytes = buf_steal(&text, &len);
    if (lx_source_adopt(&p->src, p->filename, bytes, len, &p->diag))
        p->have_src = true;
    else if (!diag_is_set(&p->diag))
        goto oom;
    return 0;

oom:
    buf_free(&text);
    fputs("MemoryError\n", stderr);
    return 1;
}

void cli_program_free(CliProgram *p) {
    if (p->have_src) lx_source_free(&p->src);
    p->have_src = false;
    diag_clear(&p->diag);
    free(p->filename);
    p->filename = NULL;
}
