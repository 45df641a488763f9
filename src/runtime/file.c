// File objects made by open(): one ObjFile over a stdio FILE for the four
// io classes CPython would return (TextIOWrapper for text, BufferedReader /
// BufferedWriter / BufferedRandom for binary). Text is UTF-8 only, with
// universal newlines on reading ("\r\n" and "\r" read as "\n"). Invariant:
// fp is NULL exactly when the file is closed; the FILE is closed when the
// object is freed if Python code never closed it.
#include <errno.h>
#include <stdio.h>
#include <stdio_ext.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#include <sys/stat.h>

#include "runtime/builtins.h"
#include "runtime/bytes.h"
#include "runtime/dict.h"
#include "runtime/exc.h"
#include "runtime/file.h"
#include "runtime/gc.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/native.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"
#include "util/buf.h"
#include "util/utf8.h"

typedef struct ObjFile {
    Obj hdr;
    FILE *fp;
    Value name;              // the str given to open()
    Value encoding;          // text: the str given to open(), VAL_NULL = "UTF-8"
    char mode[8];            // as CPython reports it ("r", "rb", "w+", ...)
    bool binary, readable, writable;
    bool borrowed;           // sys.stdin/stdout/stderr: the C stream is not ours to fclose
    int last;                // 'r' / 'w': the last direction, to seek between them
} ObjFile;

#define AS_FILE(v) ((ObjFile *)AS_OBJ(v))

static void file_trace(Vm *vm, Obj *o) {
    gc_mark_value(vm, ((ObjFile *)o)->name);
    gc_mark_value(vm, ((ObjFile *)o)->encoding);
}
static void file_free(Vm *vm, Obj *o) {
    (void)vm;
    ObjFile *f = (ObjFile *)o;
    if (f->fp && !f->borrowed) fclose(f->fp);
    f->fp = NULL;
}

// io.UnsupportedOperation (an OSError and a ValueError) is a class of
// lib/io.py: once io is imported, that is what is raised; before, nobody
// can name it, and its base OSError is raised. CPython's message either way.
static bool unsupported(Vm *vm, const char *what) {
    ObjType *t = &OSError_type;
    ObjStr *name = str_intern_cstr(vm, "io");
    Value mod, cls;
    if (name && IS_DICT(vm->modules) && dict_get_str(vm, AS_DICT(vm->modules), name, &mod) == 1) {
        ObjStr *attr = str_intern_cstr(vm, "UnsupportedOperation");
        int r = attr ? rt_getattr_opt(vm, mod, attr, &cls) : -1;
        if (r < 0) rt_exc_clear(vm);
        if (r == 1 && IS_TYPE(cls) && type_is_subtype(AS_TYPE(cls), &OSError_type)) t = AS_TYPE(cls);
    }
    return rt_raise(vm, t, "%s", what);
}

static bool check_open(Vm *vm, ObjFile *f) {
    if (f->fp) return true;
    return rt_raise(vm, &ValueError_type, "I/O operation on closed file.");
}

// Switches the stream direction: C requires a seek between reads and writes.
static void direction(ObjFile *f, int dir) {
    if (f->last && f->last != dir) fseek(f->fp, 0, SEEK_CUR);
    f->last = dir;
}

static bool check_read(Vm *vm, ObjFile *f) {
    TRY(check_open(vm, f));
    // A binary file names the operation, as CPython's buffered classes do.
    if (!f->readable) return unsupported(vm, f->binary ? "read" : "not readable");
    direction(f, 'r');
    return true;
}

// One character of text (a whole UTF-8 sequence, newlines translated) or
// one byte of binary data appended to [b]; false at end of file.
static bool get_unit(ObjFile *f, Buf *b, bool *oom) {
    int c = fgetc(f->fp);
    if (c == EOF) return false;
    if (!f->binary && !f->borrowed && c == '\r') {   // CPython's sys.stdin keeps \r
        int d = fgetc(f->fp);
        if (d != '\n' && d != EOF) ungetc(d, f->fp);
        c = '\n';
    }
    if (!buf_putc(b, (char)c)) return *oom = true, false;
    if (f->binary || (unsigned char)c < 0xC0) return true;
    int more = (unsigned char)c >= 0xF0 ? 3 : (unsigned char)c >= 0xE0 ? 2 : 1;
    for (int i = 0; i < more; i++) {
        int d = fgetc(f->fp);
        if (d == EOF) break;
        if (((unsigned char)d & 0xC0) != 0x80) {
            ungetc(d, f->fp);
            break;
        }
        if (!buf_putc(b, (char)d)) return *oom = true, false;
    }
    return true;
}

static bool make_result(Vm *vm, ObjFile *f, Buf *b, Value *out) {
    if (f->binary) {
        ObjBytes *r = bytes_new(vm, b->data ? b->data : "", b->len);
        buf_free(b);
        TRY(r);
        *out = OBJ_VAL(r);
        return true;
    }
    size_t bad = b->len ? utf8_validate((const unsigned char *)b->data, b->len) : 0;
    if (bad < b->len) {
        unsigned char c = (unsigned char)b->data[bad];
        // CPython's reasons: a byte that cannot start a sequence, a
        // sequence cut short by the end, or a bad byte inside it.
        int need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
        const char *why = (c < 0xC2 || c > 0xF4) ? "invalid start byte"
                        : bad + (size_t)need > b->len ? "unexpected end of data" : "invalid continuation byte";
        char msg[128];
        snprintf(msg, sizeof msg, "'utf-8' codec can't decode byte 0x%02x in position %zu: %s", c, bad, why);
        buf_free(b);
        return rt_raise(vm, &UnicodeDecodeError_type, "%s", msg);
    }
    ObjStr *r = str_new(vm, b->data ? b->data : "", b->len);
    buf_free(b);
    TRY(r);
    *out = OBJ_VAL(r);
    return true;
}

// Reads up to [limit] units (-1: no limit), stopping after a newline when
// [line]; the result is str or bytes.
static bool read_units(Vm *vm, ObjFile *f, int64_t limit, bool line, Value *out) {
    Buf b;
    buf_init(&b);
    bool oom = false;
    for (int64_t n = 0; limit < 0 || n < limit; n++) {
        if (!get_unit(f, &b, &oom)) {
            // A read interrupted by a signal (Ctrl-C at input()) is not the
            // end of the file: raise what the signal asks for, or go on.
            if (!oom && ferror(f->fp) && errno == EINTR) {
                clearerr(f->fp);
                if (vm->hooks.check_signals && !vm->hooks.check_signals(vm)) {
                    buf_free(&b);
                    return false;
                }
                n--;
                continue;
            }
            break;
        }
        if (line && b.data[b.len - 1] == '\n') break;
    }
    if (oom) {
        buf_free(&b);
        return rt_raise_nomem(vm);
    }
    return make_result(vm, f, &b, out);
}

static bool size_arg(Vm *vm, Value *args, size_t nargs, int64_t *n) {
    *n = -1;
    if (nargs < 2 || IS_NONE(args[1])) return true;
    if (!IS_ANYINT(args[1]))
        return rt_raise(vm, &TypeError_type, "argument should be integer or None, not '%s'",
                        type_name(rt_type(args[1])));
    return rt_index(vm, args[1], n);
}

static bool f_read(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "read", kw));
    TRY(rt_check_nargs(vm, "read", nargs - 1, 0, 1));
    ObjFile *f = AS_FILE(args[0]);
    int64_t n;
    TRY(check_read(vm, f));
    TRY(size_arg(vm, args, nargs, &n));
    return read_units(vm, f, n, false, out);
}

static bool f_readline(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "readline", kw));
    TRY(rt_check_nargs(vm, "readline", nargs - 1, 0, 1));
    ObjFile *f = AS_FILE(args[0]);
    int64_t n;
    TRY(check_read(vm, f));
    TRY(size_arg(vm, args, nargs, &n));
    return read_units(vm, f, n, true, out);
}

static bool f_readlines(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "readlines", kw));
    TRY(rt_check_nargs(vm, "readlines", nargs - 1, 0, 1));
    ObjFile *f = AS_FILE(args[0]);
    TRY(check_read(vm, f));
    ObjList *l = list_new(vm, 0);
    TRY(l);
    gc_push_root(vm, OBJ_VAL(l));
    bool ok = true;
    for (;;) {
        Value line;
        if (!(ok = read_units(vm, f, -1, true, &line))) break;
        bool empty = f->binary ? AS_BYTES(line)->len == 0 : AS_STR(line)->len == 0;
        if (empty) break;
        if (!(ok = list_append(vm, l, line))) break;
    }
    gc_pop_root(vm);
    if (ok) *out = OBJ_VAL(l);
    return ok;
}

static bool f_iter(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    (void)nargs;
    (void)kw;
    TRY(check_open(vm, AS_FILE(args[0])));
    *out = args[0];
    return true;
}

static bool file_iter(Vm *vm, Value self, Value *out) {
    TRY(check_open(vm, AS_FILE(self)));
    *out = self;
    return true;
}

static IterResult file_iternext(Vm *vm, Value self, Value *out) {
    ObjFile *f = AS_FILE(self);
    if (!check_read(vm, f) || !read_units(vm, f, -1, true, out)) return ITER_ERROR;
    bool empty = f->binary ? AS_BYTES(*out)->len == 0 : AS_STR(*out)->len == 0;
    return empty ? ITER_DONE : ITER_NEXT;
}

static bool write_value(Vm *vm, ObjFile *f, Value v, Value *count) {
    TRY(check_open(vm, f));
    if (vm->hooks.before_output) vm->hooks.before_output(vm);
    if (!f->writable) return unsupported(vm, f->binary ? "write" : "not writable");
    const char *data;
    size_t len;
    if (f->binary) {
        if (!IS_BYTES(v))
            return rt_raise(vm, &TypeError_type, "a bytes-like object is required, not '%s'",
                            type_name(rt_type(v)));
        data = AS_BYTES(v)->data;
        len = AS_BYTES(v)->len;
        *count = INT_VAL((int64_t)len);
    } else {
        if (!IS_STR(v))
            return rt_raise(vm, &TypeError_type, "write() argument must be str, not %s", type_name(rt_type(v)));
        data = AS_STR(v)->data;
        len = AS_STR(v)->len;
        *count = INT_VAL((int64_t)AS_STR(v)->cplen);
    }
    direction(f, 'w');
    if (len && fwrite(data, 1, len, f->fp) != len) return rt_raise_errno(vm, errno, f->name);
    return true;
}

static bool f_write(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "write", kw));
    TRY(rt_check_nargs(vm, "write", nargs - 1, 1, 1));
    return write_value(vm, AS_FILE(args[0]), args[1], out);
}

static bool f_writelines(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "writelines", kw));
    TRY(rt_check_nargs(vm, "writelines", nargs - 1, 1, 1));
    ObjFile *f = AS_FILE(args[0]);
    TRY(check_open(vm, f));
    if (!f->writable) return unsupported(vm, f->binary ? "write" : "not writable");
    Value it, v, n;
    TRY(rt_iter(vm, args[1], &it));
    gc_push_root(vm, it);
    IterResult r;
    bool ok = true;
    while (ok && (r = rt_next(vm, it, &v)) == ITER_NEXT) ok = write_value(vm, f, v, &n);
    gc_pop_root(vm);
    if (ok && r == ITER_ERROR) ok = false;
    if (ok) *out = NONE_VAL;
    return ok;
}

static bool f_seek(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "seek", kw));
    TRY(rt_check_nargs(vm, "seek", nargs - 1, 1, 2));
    ObjFile *f = AS_FILE(args[0]);
    TRY(check_open(vm, f));
    int64_t off, whence = 0;
    if (!IS_ANYINT(args[1]))
        return rt_raise(vm, &TypeError_type, "'%s' object cannot be interpreted as an integer",
                        type_name(rt_type(args[1])));
    TRY(rt_index(vm, args[1], &off));
    if (nargs > 2) TRY(rt_index(vm, args[2], &whence));
    if (whence < 0 || whence > 2)
        return rt_raise(vm, &ValueError_type, "invalid whence (%lld, should be 0, 1 or 2)", (long long)whence);
    if (!f->binary && whence == 1 && off != 0) return unsupported(vm, "can't do nonzero cur-relative seeks");
    if (!f->binary && whence == 2 && off != 0) return unsupported(vm, "can't do nonzero end-relative seeks");
    if (!f->binary && off < 0) return rt_raise(vm, &ValueError_type, "negative seek position %lld", (long long)off);
    if (fseek(f->fp, (long)off, (int)whence) != 0) return rt_raise_errno(vm, errno, VAL_NULL);
    f->last = 0;
    return int_from_i64(vm, (int64_t)ftell(f->fp), out);
}

static bool f_tell(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "tell", kw));
    TRY(rt_check_nargs(vm, "tell", nargs - 1, 0, 0));
    ObjFile *f = AS_FILE(args[0]);
    TRY(check_open(vm, f));
    return int_from_i64(vm, (int64_t)ftell(f->fp), out);
}

static bool f_flush(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "flush", kw));
    TRY(rt_check_nargs(vm, "flush", nargs - 1, 0, 0));
    ObjFile *f = AS_FILE(args[0]);
    TRY(check_open(vm, f));
    if (fflush(f->fp) != 0) {
        // Unwritable (a closed pipe): raised once, the data dropped.
        int e = errno;
        __fpurge(f->fp);
        clearerr(f->fp);
        return rt_raise_errno(vm, e, VAL_NULL);
    }
    *out = NONE_VAL;
    return true;
}

static bool f_close(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "close", kw));
    TRY(rt_check_nargs(vm, "close", nargs - 1, 0, 0));
    ObjFile *f = AS_FILE(args[0]);
    if (f->fp && f->borrowed) {
        fflush(f->fp);
        f->fp = NULL;
    } else if (f->fp) {
        int r = fclose(f->fp);
        f->fp = NULL;
        if (r != 0) return rt_raise_errno(vm, errno, VAL_NULL);
    }
    *out = NONE_VAL;
    return true;
}

static bool f_exit(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    (void)nargs;
    return f_close(vm, args, 1, kw, out);
}

static bool f_enter(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    (void)nargs;
    (void)kw;
    TRY(check_open(vm, AS_FILE(args[0])));
    *out = args[0];
    return true;
}

#define FLAG_METHOD(pyname, expr)                                                     \
    static bool f_##pyname(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) { \
        TRY(rt_no_kwargs(vm, #pyname, kw));                                           \
        TRY(rt_check_nargs(vm, #pyname, nargs - 1, 0, 0));                            \
        ObjFile *f = AS_FILE(args[0]);                                                \
        TRY(check_open(vm, f));                                                       \
        *out = expr;                                                                  \
        return true;                                                                  \
    }
FLAG_METHOD(readable, rt_bool(f->readable))
FLAG_METHOD(writable, rt_bool(f->writable))
FLAG_METHOD(seekable, TRUE_VAL)
FLAG_METHOD(fileno, INT_VAL(fileno(f->fp)))
FLAG_METHOD(isatty, rt_bool(isatty(fileno(f->fp))))

static const MethodDef file_methods[] = {
    {"read", f_read, 0}, {"readline", f_readline, 0}, {"readlines", f_readlines, 0},
    {"write", f_write, 0}, {"writelines", f_writelines, 0}, {"seek", f_seek, 0},
    {"tell", f_tell, 0}, {"flush", f_flush, 0}, {"close", f_close, 0},
    {"readable", f_readable, 0}, {"writable", f_writable, 0}, {"seekable", f_seekable, 0},
    {"fileno", f_fileno, 0}, {"isatty", f_isatty, 0}, {"__enter__", f_enter, 0}, {"__exit__", f_exit, 0},
    {"__iter__", f_iter, 0}, {NULL, NULL, 0},
};

static bool get_closed(Vm *vm, Value self, Value *out) {
    (void)vm;
    *out = rt_bool(AS_FILE(self)->fp == NULL);
    return true;
}
static bool get_name(Vm *vm, Value self, Value *out) {
    (void)vm;
    *out = AS_FILE(self)->name;
    return true;
}
static bool get_mode(Vm *vm, Value self, Value *out) {
    ObjStr *s = str_from_cstr(vm, AS_FILE(self)->mode);
    TRY(s);
    *out = OBJ_VAL(s);
    return true;
}
static bool get_encoding(Vm *vm, Value self, Value *out) {
    if (AS_FILE(self)->encoding) {
        *out = AS_FILE(self)->encoding;
        return true;
    }
    ObjStr *s = str_from_cstr(vm, "UTF-8");
    TRY(s);
    *out = OBJ_VAL(s);
    return true;
}

static const GetSetDef file_getsets[] = {
    {"closed", get_closed, NULL}, {"name", get_name, NULL}, {"mode", get_mode, NULL}, {NULL, NULL, NULL},
};
static const GetSetDef text_getsets[] = {
    {"encoding", get_encoding, NULL}, {NULL, NULL, NULL},
};

static bool file_repr(Vm *vm, Value self, Value *out) {
    ObjFile *f = AS_FILE(self);
    Value nr;
    TRY(rt_repr(vm, f->name, &nr));
    gc_push_root(vm, nr);
    ObjStr *r = f->binary ? rt_format_cmsg(vm, "<_io.%s name=%U>", rt_type(self)->name, AS_STR(nr))
                          : rt_format_cmsg(vm, "<_io.TextIOWrapper name=%U mode='%s' encoding='%s'>",
                                           AS_STR(nr), f->mode,
                                           f->encoding ? AS_STR(f->encoding)->data : "UTF-8");
    gc_pop_root(vm);
    TRY(r);
    *out = OBJ_VAL(r);
    return true;
}

// The methods live on one base (CPython's _io._IOBase) so that their
// descriptors, cached per table entry, apply to all four classes.
static ObjType iobase_type = {
    .hdr = OBJ_STATIC_HEADER(&type_type),
    .name = "_IOBase",
    .module = "_io",
    .basicsize = sizeof(ObjFile),
    .flags = TYPE_ABSTRACT_NEW,
    .base = &object_type,
    .methods = file_methods,
    .getsets = file_getsets,
};

#define FILE_TYPE(var, pyname, gs)                  \
    ObjType var = {                                 \
        .hdr = OBJ_STATIC_HEADER(&type_type),       \
        .name = pyname,                             \
        .module = "_io",                            \
        .basicsize = sizeof(ObjFile),               \
        .flags = TYPE_ABSTRACT_NEW,                 \
        .base = &iobase_type,                       \
        .getsets = gs,                              \
        .trace = file_trace,                        \
        .free = file_free,                          \
        .repr = file_repr,                          \
        .iter = file_iter,                          \
        .iternext = file_iternext,                  \
    };
FILE_TYPE(textio_type, "TextIOWrapper", text_getsets)
FILE_TYPE(bufreader_type, "BufferedReader", NULL)
FILE_TYPE(bufwriter_type, "BufferedWriter", NULL)
FILE_TYPE(bufrandom_type, "BufferedRandom", NULL)

Value rt_file_from_stdio(Vm *vm, FILE *fp, const char *name, bool writable) {
    ObjStr *n = str_from_cstr(vm, name);
    if (!n) return VAL_NULL;
    gc_push_root(vm, OBJ_VAL(n));
    ObjStr *enc = str_from_cstr(vm, "utf-8");
    if (enc) gc_push_root(vm, OBJ_VAL(enc));
    ObjFile *f = enc ? (ObjFile *)gc_alloc(vm, &textio_type, sizeof(ObjFile)) : NULL;
    if (enc) gc_pop_root(vm);
    gc_pop_root(vm);
    if (!f) return VAL_NULL;
    f->fp = fp;
    f->name = OBJ_VAL(n);
    f->encoding = OBJ_VAL(enc);
    f->readable = !writable;
    f->writable = writable;
    f->borrowed = true;
    snprintf(f->mode, sizeof f->mode, "%s", writable ? "w" : "r");
    return OBJ_VAL(f);
}

FILE *rt_file_write_fp(Value v) {
    if (!IS_TYPE_EXACT(v, textio_type)) return NULL;
    ObjFile *f = AS_FILE(v);
    if (!f->fp || !f->writable) return NULL;
    direction(f, 'w');
    return f->fp;
}

// open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None, closefd=True)
bool rt_open(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    static const char *const names[] = {"file", "mode", "buffering", "encoding", "errors", "newline", "closefd"};
    Value a[7];
    TRY(rt_parse_args(vm, "open", args, nargs, kw, names, 7, 7, 1, a));
    Value file = a[0];
    if (IS_ANYINT(file)) return rt_raise(vm, &OSError_type, "open() of a file descriptor is not supported by aiopy");
    if (!IS_STR(file))
        return rt_raise(vm, &TypeError_type, "expected str, bytes or os.PathLike object, not %s",
                        type_name(rt_type(file)));
    const char *mode = "r";
    if (a[1]) {
        if (!IS_STR(a[1]))
            return rt_raise(vm, &TypeError_type, "open() argument 'mode' must be str, not %s",
                            type_name(rt_type(a[1])));
        mode = AS_STR(a[1])->data;
    }
    int r = 0, w = 0, x = 0, ap = 0, plus = 0, t = 0, b = 0;
    for (const char *p = mode; *p; p++) {
        int *slot = *p == 'r' ? &r : *p == 'w' ? &w : *p == 'x' ? &x : *p == 'a' ? &ap
                  : *p == '+' ? &plus : *p == 't' ? &t : *p == 'b' ? &b : NULL;
        if (!slot || (*slot)++) return rt_raise(vm, &ValueError_type, "invalid mode: '%s'", mode);
    }
    if (t && b) return rt_raise(vm, &ValueError_type, "can't have text and binary mode at once");
    if (r + w + x + ap != 1)
        return rt_raise(vm, &ValueError_type, "must have exactly one of create/read/write/append mode");
    for (int i = 3; i <= 5; i++)
        if (b && a[i] && !IS_NONE(a[i]))
            return rt_raise(vm, &ValueError_type, "binary mode doesn't take a%s %s argument",
                            i == 5 ? "" : "n", names[i]);
    if (a[3] && !IS_NONE(a[3])) {
        if (!IS_STR(a[3]))
            return rt_raise(vm, &TypeError_type, "open() argument 'encoding' must be str or None, not %s",
                            type_name(rt_type(a[3])));
        const char *e = AS_STR(a[3])->data;
        if (strcasecmp(e, "utf-8") != 0 && strcasecmp(e, "utf8") != 0 && strcasecmp(e, "utf_8") != 0)
            return rt_raise(vm, &LookupError_type, "unknown encoding: %s (aiopy supports only utf-8)", e);
    }
    if (strlen(AS_STR(file)->data) != AS_STR(file)->len)
        return rt_raise(vm, &ValueError_type, "embedded null byte");
    char cmode[4] = {r ? 'r' : w ? 'w' : x ? 'w' : 'a', 0, 0, 0};
    size_t ci = 1;
    if (plus) cmode[ci++] = '+';
    if (x) cmode[ci++] = 'x';
    FILE *fp = fopen(AS_STR(file)->data, cmode);
    if (!fp) return rt_raise_errno(vm, errno, file);
    struct stat st;
    if (fstat(fileno(fp), &st) == 0 && S_ISDIR(st.st_mode)) {   // fopen accepts directories
        fclose(fp);
        return rt_raise_errno(vm, EISDIR, file);
    }
    ObjType *type = !b ? &textio_type : plus ? &bufrandom_type : r ? &bufreader_type : &bufwriter_type;
    ObjFile *f = (ObjFile *)gc_alloc(vm, type, sizeof(ObjFile));
    if (!f) {
        fclose(fp);
        return false;
    }
    f->fp = fp;
    f->name = file;
    f->binary = b;
    f->encoding = a[3] && !IS_NONE(a[3]) ? a[3] : VAL_NULL;
    f->readable = r || plus;
    f->writable = !r || plus;
    // CPython's mode attribute: binary files drop '+' variants to "rb+"
    // style; text files report the mode string as given.
    snprintf(f->mode, sizeof f->mode, "%s", b ? (plus ? (r || w ? "rb+" : x ? "xb+" : "ab+")
                                                 : (r ? "rb" : w ? "wb" : x ? "xb" : "ab"))
                                               : mode);
    *out = OBJ_VAL(f);
    return true;
}
