// A minimal os module: what scripts need to tidy up the files they make
// (remove/unlink), getcwd, chdir, getpid, kill, pipes (pipe/read/write/close) and
// urandom (random.SystemRandom), listdir and stat (os.stat_result; for
// unittest discovery).
// Anything else is absent, so using it raises AttributeError naming it.
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/random.h>
#include <sys/stat.h>

#include "runtime/bytes.h"
#include "runtime/exc.h"
#include "runtime/float.h"
#include "runtime/gc.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/modules.h"
#include "runtime/native.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"
#include "util/buf.h"

static bool path_arg(Vm *vm, const char *fname, Value v) {
    if (!IS_STR(v))
        return rt_raise(vm, &TypeError_type, "%s: path should be string, bytes or os.PathLike, not %s", fname,
                        type_name(rt_type(v)));
    if (strlen(AS_STR(v)->data) != AS_STR(v)->len)
        return rt_raise(vm, &ValueError_type, "embedded null byte");   // CPython's words
    return true;
}

static bool remove_file(Vm *vm, const char *fname, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, fname, kw));
    TRY(rt_check_nargs(vm, fname, nargs, 1, 1));
    TRY(path_arg(vm, fname, args[0]));
    if (unlink(AS_STR(args[0])->data) != 0) return rt_raise_errno(vm, errno, args[0]);
    *out = NONE_VAL;
    return true;
}

static bool o_remove(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    return remove_file(vm, "remove", args, nargs, kw, out);
}
static bool o_unlink(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    return remove_file(vm, "unlink", args, nargs, kw, out);
}

static bool o_getcwd(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    (void)args;
    TRY(rt_no_kwargs(vm, "getcwd", kw));
    TRY(rt_check_nargs(vm, "getcwd", nargs, 0, 0));
    char *cwd = getcwd(NULL, 0);
    if (!cwd) return rt_raise_errno(vm, errno, VAL_NULL);
    ObjStr *s = str_from_cstr(vm, cwd);
    free(cwd);
    TRY(s);
    *out = OBJ_VAL(s);
    return true;
}

// chdir(path): for contextlib.chdir; errors name the path, as in CPython.
static bool o_chdir(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "chdir", kw));
    TRY(rt_check_nargs(vm, "chdir", nargs, 1, 1));
    TRY(path_arg(vm, "chdir", args[0]));
    if (chdir(AS_STR(args[0])->data) != 0) return rt_raise_errno(vm, errno, args[0]);
    *out = NONE_VAL;
    return true;
}

static bool o_getpid(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    (void)args;
    TRY(rt_no_kwargs(vm, "getpid", kw));
    TRY(rt_check_nargs(vm, "getpid", nargs, 0, 0));
    *out = INT_VAL(getpid());
    return true;
}

// kill(pid, sig). A signal sent to this process is handled before the next
// line runs, as in CPython.
static bool o_kill(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "kill", kw));
    TRY(rt_check_nargs(vm, "kill", nargs, 2, 2));
    int64_t pid, sig;
    TRY(int_as_i64(vm, args[0], &pid));
    TRY(int_as_i64(vm, args[1], &sig));
    if (kill((pid_t)pid, (int)sig) != 0) return rt_raise_errno(vm, errno, VAL_NULL);
    if (vm->hooks.check_signals) TRY(vm->hooks.check_signals(vm));
    *out = NONE_VAL;
    return true;
}

// pipe() -> (r, w); read(fd, n); write(fd, data); close(fd): the raw file
// descriptors event-loop programs watch with add_reader/add_writer.
static bool o_pipe(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    (void)args;
    TRY(rt_no_kwargs(vm, "pipe", kw));
    TRY(rt_check_nargs(vm, "pipe", nargs, 0, 0));
    int p[2];
    if (pipe(p) != 0) return rt_raise_errno(vm, errno, VAL_NULL);
    fcntl(p[0], F_SETFD, FD_CLOEXEC);
    fcntl(p[1], F_SETFD, FD_CLOEXEC);
    ObjTuple *t = tuple_pack2(vm, INT_VAL(p[0]), INT_VAL(p[1]));
    if (!t) {
        close(p[0]);
        close(p[1]);
        return false;
    }
    *out = OBJ_VAL(t);
    return true;
}

static bool fd_arg(Vm *vm, Value v, int *fd) {
    int64_t n;
    TRY(int_as_i64(vm, v, &n));
    if (n < 0 || n > 1 << 30) return rt_raise_errno(vm, EBADF, VAL_NULL);
    *fd = (int)n;
    return true;
}

static bool o_read(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "read", kw));
    TRY(rt_check_nargs(vm, "read", nargs, 2, 2));
    int fd = -1;
    int64_t n;
    TRY(fd_arg(vm, args[0], &fd));
    TRY(int_as_i64(vm, args[1], &n));
    if (n < 0) return rt_raise(vm, &ValueError_type, "negative count");
    char *buf = malloc(n ? (size_t)n : 1);
    if (!buf) return rt_raise_nomem(vm);
    ssize_t r;
    while ((r = read(fd, buf, (size_t)n)) < 0 && errno == EINTR) {
        if (vm->hooks.check_signals && !vm->hooks.check_signals(vm)) {
            free(buf);
            return false;
        }
    }
    if (r < 0) {
        int e = errno;
        free(buf);
        return rt_raise_errno(vm, e, VAL_NULL);
    }
    ObjBytes *b = bytes_new(vm, buf, (size_t)r);
    free(buf);
    TRY(b);
    *out = OBJ_VAL(b);
    return true;
}

static bool o_write(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "write", kw));
    TRY(rt_check_nargs(vm, "write", nargs, 2, 2));
    int fd = -1;
    TRY(fd_arg(vm, args[0], &fd));
    if (!IS_BYTES(args[1]))
        return rt_raise(vm, &TypeError_type, "a bytes-like object is required, not '%s'",
                        type_name(rt_type(args[1])));
    ObjBytes *b = AS_BYTES(args[1]);
    ssize_t r;
    while ((r = write(fd, b->data, b->len)) < 0 && errno == EINTR) {
        if (vm->hooks.check_signals && !vm->hooks.check_signals(vm)) return false;
    }
    if (r < 0) return rt_raise_errno(vm, errno, VAL_NULL);
    *out = INT_VAL(r);
    return true;
}

static bool o_close(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "close", kw));
    TRY(rt_check_nargs(vm, "close", nargs, 1, 1));
    int fd = -1;
    TRY(fd_arg(vm, args[0], &fd));
    if (close(fd) != 0) return rt_raise_errno(vm, errno, VAL_NULL);
    *out = NONE_VAL;
    return true;
}

// urandom(size): bytes from the kernel's random source (getrandom).
static bool o_urandom(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "urandom", kw));
    TRY(rt_check_nargs(vm, "urandom", nargs, 1, 1));
    int64_t n;
    TRY(rt_index(vm, args[0], &n));
    if (n < 0) return rt_raise(vm, &ValueError_type, "negative argument not allowed");
    char *buf = rt_alloc(vm, n ? (size_t)n : 1);
    TRY(buf);
    for (size_t done = 0; done < (size_t)n;) {
        ssize_t got = getrandom(buf + done, (size_t)n - done, 0);
        if (got < 0 && errno == EINTR) continue;
        if (got < 0) {
            int e = errno;
            rt_free(vm, buf, n ? (size_t)n : 1);
            return rt_raise_errno(vm, e, VAL_NULL);
        }
        done += (size_t)got;
    }
    ObjBytes *b = bytes_new(vm, buf, (size_t)n);
    rt_free(vm, buf, n ? (size_t)n : 1);
    TRY(b);
    *out = OBJ_VAL(b);
    return true;
}

// ---- listdir, stat ----

// listdir(path='.'): the names in a directory, without '.' and '..', in
// the order the system gives them (as CPython).
static bool o_listdir(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "listdir", kw));
    TRY(rt_check_nargs(vm, "listdir", nargs, 0, 1));
    if (nargs) TRY(path_arg(vm, "listdir", args[0]));
    const char *path = nargs ? AS_STR(args[0])->data : ".";
    DIR *d = opendir(path);
    if (!d) return rt_raise_errno(vm, errno, nargs ? args[0] : VAL_NULL);
    ObjList *l = list_new(vm, 0);
    bool ok = l != NULL;
    if (ok) gc_push_root(vm, OBJ_VAL(l));
    struct dirent *e;
    errno = 0;
    while (ok && (e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) continue;
        ObjStr *name = str_from_cstr(vm, e->d_name);
        ok = name != NULL;
        if (ok) {
            gc_push_root(vm, OBJ_VAL(name));   // the list may grow (allocate)
            ok = list_append(vm, l, OBJ_VAL(name));
            gc_pop_root(vm);
        }
        errno = 0;
    }
    int err = errno;
    closedir(d);
    if (l) gc_pop_root(vm);
    if (ok && err) return rt_raise_errno(vm, err, nargs ? args[0] : VAL_NULL);
    TRY(ok);
    *out = OBJ_VAL(l);
    return true;
}

// os.stat_result: a tuple of CPython's ten fields, named st_mode ...
// st_ctime. Difference: the times are floats also when indexed (CPython's
// items 7-9 are whole seconds; its attributes are floats, as here).
static const char *const stat_fields[] = {"st_mode", "st_ino",   "st_dev",   "st_nlink", "st_uid",
                                          "st_gid",  "st_size",  "st_atime", "st_mtime", "st_ctime"};

#define STAT_GETTER(fn, i)                           \
    static bool fn(Vm *vm, Value self, Value *out) { \
        (void)vm;                                    \
        *out = AS_TUPLE(self)->items[i];             \
        return true;                                 \
    }
STAT_GETTER(sr_mode, 0)
STAT_GETTER(sr_ino, 1)
STAT_GETTER(sr_dev, 2)
STAT_GETTER(sr_nlink, 3)
STAT_GETTER(sr_uid, 4)
STAT_GETTER(sr_gid, 5)
STAT_GETTER(sr_size, 6)
STAT_GETTER(sr_atime, 7)
STAT_GETTER(sr_mtime, 8)
STAT_GETTER(sr_ctime, 9)

static const GetSetDef stat_getsets[] = {
    {"st_mode", sr_mode, rt_member_readonly},   {"st_ino", sr_ino, rt_member_readonly},
    {"st_dev", sr_dev, rt_member_readonly},     {"st_nlink", sr_nlink, rt_member_readonly},
    {"st_uid", sr_uid, rt_member_readonly},     {"st_gid", sr_gid, rt_member_readonly},
    {"st_size", sr_size, rt_member_readonly},   {"st_atime", sr_atime, rt_member_readonly},
    {"st_mtime", sr_mtime, rt_member_readonly}, {"st_ctime", sr_ctime, rt_member_readonly},
    {NULL, NULL, NULL},
};

static bool stat_repr(Vm *vm, Value self, Value *out) {
    ObjTuple *t = AS_TUPLE(self);
    Buf b;
    buf_init(&b);
    buf_puts(&b, "os.stat_result(");
    bool ok = true;
    for (size_t i = 0; ok && i < 10; i++) {
        Value r;
        ok = rt_repr(vm, t->items[i], &r);
        if (!ok) break;
        if (i) buf_puts(&b, ", ");
        buf_puts(&b, stat_fields[i]);
        buf_putc(&b, '=');
        buf_append(&b, AS_STR(r)->data, AS_STR(r)->len);
    }
    buf_putc(&b, ')');
    ObjStr *s = ok && b.data ? str_new(vm, b.data, b.len) : NULL;
    if (ok && !b.data) rt_raise_nomem(vm);
    buf_free(&b);
    TRY(s);
    *out = OBJ_VAL(s);
    return true;
}

static ObjType stat_result_type = {
    .hdr = OBJ_STATIC_HEADER(&type_type),
    .name = "os.stat_result",
    .basicsize = sizeof(ObjTuple),
    .base = &tuple_type,
    .getsets = stat_getsets,
    .repr = stat_repr,
    .flags = TYPE_ABSTRACT_NEW,
};

static bool time_value(Vm *vm, struct timespec ts, Value *out) {
    return float_new(vm, (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9, out);
}

// stat(path): the file's os.stat_result, following symbolic links.
static bool o_stat(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "stat", kw));
    TRY(rt_check_nargs(vm, "stat", nargs, 1, 1));
    TRY(path_arg(vm, "stat", args[0]));
    struct stat st;
    if (stat(AS_STR(args[0])->data, &st) != 0) return rt_raise_errno(vm, errno, args[0]);
    stat_result_type.trace = tuple_type.trace;   // tuple's layout (as sys.version_info)
    stat_result_type.size = tuple_type.size;
    ObjTuple *t = tuple_new(vm, 10);
    TRY(t);
    gc_push_root(vm, OBJ_VAL(t));
    int64_t ints[7] = {st.st_mode, (int64_t)st.st_ino, (int64_t)st.st_dev, (int64_t)st.st_nlink,
                       st.st_uid,  st.st_gid,          (int64_t)st.st_size};
    bool ok = true;
    for (int i = 0; ok && i < 7; i++) ok = int_from_i64(vm, ints[i], &t->items[i]);
    ok = ok && time_value(vm, st.st_atim, &t->items[7]) && time_value(vm, st.st_mtim, &t->items[8]) &&
         time_value(vm, st.st_ctim, &t->items[9]);
    gc_pop_root(vm);
    TRY(ok);
    t->hdr.type = &stat_result_type;
    *out = OBJ_VAL(t);
    return true;
}

static const MethodDef os_defs[] = {
    {"urandom", o_urandom, 0},
    {"listdir", o_listdir, 0},
    {"stat", o_stat, 0},
    {"pipe", o_pipe, 0},
    {"read", o_read, 0},
    {"write", o_write, 0},
    {"close", o_close, 0},
    {"kill", o_kill, 0},
    {"remove", o_remove, 0},
    {"unlink", o_unlink, 0},
    {"getcwd", o_getcwd, 0},
    {"chdir", o_chdir, 0},
    {"getpid", o_getpid, 0},
    {NULL, NULL, 0},
};

bool rt_os_init(Vm *vm, ObjModule *m) { return module_add_functions(vm, m, os_defs); }
