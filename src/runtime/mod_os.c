// A minimal os module: what scripts need to tidy up the files they make
// (remove/unlink), getcwd, getpid, kill, and pipes (pipe/read/write/close).
// Anything else is absent, so using it raises AttributeError naming it.
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "runtime/bytes.h"
#include "runtime/exc.h"
#include "runtime/gc.h"
#include "runtime/int.h"
#include "runtime/modules.h"
#include "runtime/native.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"

static bool path_arg(Vm *vm, const char *fname, Value v) {
    if (!IS_STR(v))
        return rt_raise(vm, &TypeError_type, "%s: path should be string, bytes or os.PathLike, not %s", fname,
                        type_name(rt_type(v)));
    if (strlen(AS_STR(v)->data) != AS_STR(v)->len)
        return rt_raise(vm, &ValueError_type, "%s: embedded null character in path", fname);
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

static const MethodDef os_defs[] = {
    {"pipe", o_pipe, 0},
    {"read", o_read, 0},
    {"write", o_write, 0},
    {"close", o_close, 0},
    {"kill", o_kill, 0},
    {"remove", o_remove, 0},
    {"unlink", o_unlink, 0},
    {"getcwd", o_getcwd, 0},
    {"getpid", o_getpid, 0},
    {NULL, NULL, 0},
};

bool rt_os_init(Vm *vm, ObjModule *m) { return module_add_functions(vm, m, os_defs); }
