// A minimal os module: what scripts need to tidy up the files they make
// (remove/unlink), getcwd, getpid and kill. Anything else is absent, so
// using it raises AttributeError naming it.
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "runtime/exc.h"
#include "runtime/gc.h"
#include "runtime/int.h"
#include "runtime/modules.h"
#include "runtime/native.h"
#include "runtime/ops.h"
#include "runtime/str.h"
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

static const MethodDef os_defs[] = {
    {"kill", o_kill, 0},
    {"remove", o_remove, 0},
    {"unlink", o_unlink, 0},
    {"getcwd", o_getcwd, 0},
    {"getpid", o_getpid, 0},
    {NULL, NULL, 0},
};

bool rt_os_init(Vm *vm, ObjModule *m) { return module_add_functions(vm, m, os_defs); }
