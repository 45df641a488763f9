// The sys module: argv, path (the script's directory first), modules,
// the standard streams, version data, maxsize, the recursion limit (kept
// in the thread state, which the VM checks on every frame push), exit and
// exc_info.
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"
#include "runtime/builtins.h"
#include "runtime/dict.h"
#include "runtime/exc.h"
#include "runtime/file.h"
#include "runtime/frame.h"
#include "runtime/gc.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/module.h"
#include "runtime/namespace.h"
#include "runtime/native.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"


static bool s_exit(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    (void)out;
    TRY(rt_no_kwargs(vm, "exit", kw));
    TRY(rt_check_nargs(vm, "exit", nargs, 0, 1));
    if (!nargs) return rt_raise_empty(vm, &SystemExit_type);
    return rt_raise_arg(vm, &SystemExit_type, args[0]);
}

static bool s_getrecursionlimit(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    (void)args;
    TRY(rt_no_kwargs(vm, "getrecursionlimit", kw));
    TRY(rt_check_nargs(vm, "getrecursionlimit", nargs, 0, 0));
    *out = INT_VAL(VM_TS(vm)->recursion_limit);
    return true;
}

static bool s_setrecursionlimit(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "setrecursionlimit", kw));
    TRY(rt_check_nargs(vm, "setrecursionlimit", nargs, 1, 1));
    if (!IS_ANYINT(args[0]))
        return rt_raise(vm, &TypeError_type, "'%s' object cannot be interpreted as an integer",
                        type_name(rt_type(args[0])));
    int64_t n;
    TRY(int_as_i64(vm, args[0], &n));
    if (n < 1) return rt_raise(vm, &ValueError_type, "recursion limit must be greater or equal than 1");
    if (n > INT_MAX) return rt_raise(vm, &OverflowError_type, "Python int too large to convert to C int");
    ThreadState *ts = VM_TS(vm);
    if (n <= ts->py_depth)
        return rt_raise(vm, &RecursionError_type,
                        "cannot set the recursion limit to %lld at the recursion depth %d: the limit is too low",
                        (long long)n, ts->py_depth);
    ts->recursion_limit = (int)n;
    *out = NONE_VAL;
    return true;
}

static bool s_exc_info(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    (void)args;
    TRY(rt_no_kwargs(vm, "exc_info", kw));
    TRY(rt_check_nargs(vm, "exc_info", nargs, 0, 0));
    Value e = VM_TS(vm)->exc_info;
    Value items[3] = {NONE_VAL, NONE_VAL, NONE_VAL};
    if (e) {
        items[0] = OBJ_VAL(rt_type(e));
        items[1] = e;
        items[2] = AS_EXC(e)->traceback ? AS_EXC(e)->traceback : NONE_VAL;
    }
    ObjTuple *t = tuple_from(vm, items, 3);
    TRY(t);
    *out = OBJ_VAL(t);
    return true;
}

static bool s_exception(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    (void)args;
    TRY(rt_no_kwargs(vm, "exception", kw));
    TRY(rt_check_nargs(vm, "exception", nargs, 0, 0));
    Value e = VM_TS(vm)->exc_info;
    *out = e ? e : NONE_VAL;
    return true;
}

static bool s_intern(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "intern", kw));
    TRY(rt_check_nargs(vm, "intern", nargs, 1, 1));
    if (!IS_TYPE_EXACT(args[0], str_type))
        return rt_raise(vm, &TypeError_type, "intern() argument must be str, not %s", type_name(rt_type(args[0])));
    ObjStr *s = str_intern_obj(vm, AS_STR(args[0]));
    TRY(s);
    *out = OBJ_VAL(s);
    return true;
}

// ---- async generator hooks ----
//
// sys.set_asyncgen_hooks(firstiter=..., finalizer=...): the VM calls
// firstiter(gen) at an async generator's first iteration and, when it is
// collected unfinished, finalizer(gen) instead of closing it (vm/asyncgen.c,
// gen.c): asyncio's loops use them to close async generators themselves.
// get_asyncgen_hooks() returns the pair as a named tuple, as CPython's
// structseq `sys.asyncgen_hooks`.

static Value or_none(Value v) { return v ? v : NONE_VAL; }

static bool hooks_get_firstiter(Vm *vm, Value self, Value *out) {
    (void)vm;
    *out = AS_TUPLE(self)->items[0];
    return true;
}
static bool hooks_get_finalizer(Vm *vm, Value self, Value *out) {
    (void)vm;
    *out = AS_TUPLE(self)->items[1];
    return true;
}

static bool hooks_repr(Vm *vm, Value self, Value *out) {
    ObjStr *s = rt_format_cmsg(vm, "asyncgen_hooks(firstiter=%R, finalizer=%R)", AS_TUPLE(self)->items[0],
                               AS_TUPLE(self)->items[1]);
    TRY(s);
    *out = OBJ_VAL(s);
    return true;
}

static const GetSetDef hooks_getsets[] = {
    {"firstiter", hooks_get_firstiter, NULL},
    {"finalizer", hooks_get_finalizer, NULL},
    {NULL, NULL, NULL},
};

static ObjType asyncgen_hooks_type = {
    .hdr = OBJ_STATIC_HEADER(&type_type),
    .name = "asyncgen_hooks",
    .module = "sys",
    .basicsize = sizeof(ObjTuple),
    .base = &tuple_type,
    .getsets = hooks_getsets,
    .repr = hooks_repr,
};

static bool s_get_asyncgen_hooks(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    (void)args;
    TRY(rt_no_kwargs(vm, "get_asyncgen_hooks", kw));
    TRY(rt_check_nargs(vm, "get_asyncgen_hooks", nargs, 0, 0));
    // The layout slots the collector calls directly are tuple's (their
    // functions are private to tuple.c): the same values on every call.
    asyncgen_hooks_type.trace = tuple_type.trace;
    asyncgen_hooks_type.size = tuple_type.size;
    ThreadState *ts = VM_TS(vm);
    Value items[2] = {or_none(ts->agen_firstiter), or_none(ts->agen_finalizer)};
    ObjTuple *t = tuple_from(vm, items, 2);
    TRY(t);
    t->hdr.type = &asyncgen_hooks_type;
    *out = OBJ_VAL(t);
    return true;
}

static bool s_set_asyncgen_hooks(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    static const char *const names[] = {"firstiter", "finalizer"};
    Value a[2];
    TRY(rt_parse_args(vm, "set_asyncgen_hooks", args, nargs, kw, names, 2, 2, 0, a));
    // Both are checked before either is set, as CPython does.
    if (a[1] && !IS_NONE(a[1]) && !rt_callable(a[1]))
        return rt_raise(vm, &TypeError_type, "callable finalizer expected, got %s", type_name(rt_type(a[1])));
    if (a[0] && !IS_NONE(a[0]) && !rt_callable(a[0]))
        return rt_raise(vm, &TypeError_type, "callable firstiter expected, got %s", type_name(rt_type(a[0])));
    ThreadState *ts = VM_TS(vm);
    if (a[1]) ts->agen_finalizer = IS_NONE(a[1]) ? VAL_NULL : a[1];
    if (a[0]) ts->agen_firstiter = IS_NONE(a[0]) ? VAL_NULL : a[0];
    *out = NONE_VAL;
    return true;
}

// ---- version_info, implementation ----
//
// sys.version_info is a structseq as in CPython: a tuple whose items are
// also named. sys.implementation is a types.SimpleNamespace naming aiopy;
// its version is the language version aiopy implements, so code comparing
// it with sys.version_info (as CPython's importlib does) agrees.

static const char *const version_fields[] = {"major", "minor", "micro", "releaselevel", "serial"};

#define VERSION_GETTER(fn, i)                              \
    static bool fn(Vm *vm, Value self, Value *out) {       \
        (void)vm;                                          \
        *out = AS_TUPLE(self)->items[i];                   \
        return true;                                       \
    }
VERSION_GETTER(vi_major, 0)
VERSION_GETTER(vi_minor, 1)
VERSION_GETTER(vi_micro, 2)
VERSION_GETTER(vi_releaselevel, 3)
VERSION_GETTER(vi_serial, 4)

static bool vi_repr(Vm *vm, Value self, Value *out) {
    ObjTuple *t = AS_TUPLE(self);
    ObjStr *s = rt_format_cmsg(vm, "sys.version_info(%s=%R, %s=%R, %s=%R, %s=%R, %s=%R)", version_fields[0],
                               t->items[0], version_fields[1], t->items[1], version_fields[2], t->items[2],
                               version_fields[3], t->items[3], version_fields[4], t->items[4]);
    TRY(s);
    *out = OBJ_VAL(s);
    return true;
}

static const GetSetDef vi_getsets[] = {
    {"major", vi_major, rt_member_readonly},
    {"minor", vi_minor, rt_member_readonly},
    {"micro", vi_micro, rt_member_readonly},
    {"releaselevel", vi_releaselevel, rt_member_readonly},
    {"serial", vi_serial, rt_member_readonly},
    {NULL, NULL, NULL},
};

static ObjType version_info_type = {
    .hdr = OBJ_STATIC_HEADER(&type_type),
    .name = "sys.version_info",
    .basicsize = sizeof(ObjTuple),
    .base = &tuple_type,
    .getsets = vi_getsets,
    .repr = vi_repr,
    .flags = TYPE_ABSTRACT_NEW,   // "cannot create 'sys.version_info' instances"
};

// Sets sys.version_info, sys.hexversion and sys.implementation in [d].
static bool add_version(Vm *vm, ObjDict *d) {
    version_info_type.trace = tuple_type.trace;   // tuple's layout (see asyncgen_hooks)
    version_info_type.size = tuple_type.size;
    size_t mark = gc_roots_mark(vm);
    Value vi[5] = {INT_VAL(3), INT_VAL(11), INT_VAL(0), VAL_NULL, INT_VAL(0)};
    ObjStr *fin = str_from_cstr(vm, "final");
    if (!fin) return false;
    vi[3] = OBJ_VAL(fin);
    gc_push_root(vm, vi[3]);
    ObjTuple *t = tuple_from(vm, vi, 5);
    if (!t) return gc_roots_reset(vm, mark), false;
    t->hdr.type = &version_info_type;
    gc_push_root(vm, OBJ_VAL(t));
    Value hex = INT_VAL(0x030B00F0), impl, name;
    bool ok = dict_set_cstr(vm, d, "version_info", OBJ_VAL(t)) && dict_set_cstr(vm, d, "hexversion", hex) &&
              namespace_new(vm, &impl);
    if (ok) gc_push_root(vm, impl);
    ObjStr *n = ok ? str_from_cstr(vm, "aiopy") : NULL;
    ok = n != NULL;
    if (ok) {
        name = OBJ_VAL(n);
        ok = namespace_set(vm, impl, "name", name) && namespace_set(vm, impl, "cache_tag", NONE_VAL) &&
             namespace_set(vm, impl, "version", OBJ_VAL(t)) && namespace_set(vm, impl, "hexversion", hex) &&
             dict_set_cstr(vm, d, "implementation", impl);
    }
    gc_roots_reset(vm, mark);
    return ok;
}

static const MethodDef sys_defs[] = {
    {"get_asyncgen_hooks", s_get_asyncgen_hooks, 0},
    {"set_asyncgen_hooks", s_set_asyncgen_hooks, 0},
    {"exit", s_exit, 0},
    {"getrecursionlimit", s_getrecursionlimit, 0},
    {"setrecursionlimit", s_setrecursionlimit, 0},
    {"exc_info", s_exc_info, 0},
    {"exception", s_exception, 0},
    {"intern", s_intern, 0},
    {NULL, NULL, 0},
};

static bool set_str(Vm *vm, ObjDict *d, const char *key, const char *val) {
    ObjStr *s = str_from_cstr(vm, val);
    TRY(s);
    return dict_set_cstr(vm, d, key, OBJ_VAL(s));
}

// sys.path[0]: the script's directory made absolute, or '' for -c and stdin.
static bool script_dir(Vm *vm, const char *script, Value *out) {
    if (!script || !*script || strcmp(script, "-c") == 0 || strcmp(script, "-") == 0) {
        *out = vm->empty_str;
        return true;
    }
    char *real = realpath(script, NULL);
    const char *p = real ? real : script;
    const char *slash = strrchr(p, '/');
    ObjStr *s = slash ? str_new(vm, p, slash == p ? 1 : (size_t)(slash - p)) : str_from_cstr(vm, "");
    free(real);
    TRY(s);
    *out = OBJ_VAL(s);
    return true;
}

bool rt_sys_add_pythonpath(Vm *vm, const char *pythonpath) {
    ThreadState *ts = VM_TS(vm);
    if (!ts->search_path || !IS_LIST(ts->search_path)) return true;
    ObjList *path = AS_LIST(ts->search_path);
    size_t at = path->len ? 1 : 0;
    for (const char *p = pythonpath;;) {
        const char *end = strchr(p, ':');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        // Relative entries are made absolute, as CPython makes them.
        char buf[8192], cwd[4096];
        ObjStr *dir = NULL;
        if (len && p[0] == '/') {
            dir = str_new(vm, p, len);
            TRY(dir);
        } else if (getcwd(cwd, sizeof cwd)) {
            int n = len ? snprintf(buf, sizeof buf, "%s/%.*s", cwd, (int)len, p) : snprintf(buf, sizeof buf, "%s", cwd);
            if (n > 0 && (size_t)n < sizeof buf) {
                dir = str_new(vm, buf, (size_t)n);
                TRY(dir);
            }
        }
        if (!dir) {   // no working directory, or too long: left out
            if (!end) break;
            p = end + 1;
            continue;
        }
        TRY(list_insert(vm, path, at++, OBJ_VAL(dir)));
        if (!end) break;
        p = end + 1;
    }
    return true;
}

bool rt_sys_init(Vm *vm, int argc, char **argv, Value *out) {
    ObjModule *m = module_new(vm, "sys");
    TRY(m);
    size_t mark = gc_roots_mark(vm);
    gc_push_root(vm, OBJ_VAL(m));
    ObjDict *d = AS_DICT(m->dict);
    bool ok = module_add_functions(vm, m, sys_defs);
    ObjList *av = ok ? list_new(vm, 0) : NULL;
    ok = av != NULL;
    if (ok) gc_push_root(vm, OBJ_VAL(av));
    for (int i = 0; ok && i < argc; i++) {
        ObjStr *s = str_from_cstr(vm, argv[i]);
        ok = s && list_append(vm, av, OBJ_VAL(s));
    }
    if (ok && argc == 0) ok = list_append(vm, av, vm->empty_str);
    ok = ok && dict_set_cstr(vm, d, "argv", OBJ_VAL(av));
    Value dir = VAL_NULL;
    ok = ok && script_dir(vm, argc ? argv[0] : NULL, &dir);
    if (ok) gc_push_root(vm, dir);
    ObjList *path = ok ? list_from(vm, &dir, 1) : NULL;
    ok = path && dict_set_cstr(vm, d, "path", OBJ_VAL(path));
    ok = ok && dict_set_cstr(vm, d, "modules", vm->modules);
    Value so = ok ? rt_file_from_stdio(vm, stdout, "<stdout>", true) : VAL_NULL;
    if (so) gc_push_root(vm, so);
    ok = so && dict_set_cstr(vm, d, "stdout", so) && dict_set_cstr(vm, d, "__stdout__", so);
    Value se = ok ? rt_file_from_stdio(vm, stderr, "<stderr>", true) : VAL_NULL;
    if (se) gc_push_root(vm, se);
    ok = se && dict_set_cstr(vm, d, "stderr", se) && dict_set_cstr(vm, d, "__stderr__", se);
    Value si = ok ? rt_file_from_stdio(vm, stdin, "<stdin>", false) : VAL_NULL;
    if (si) gc_push_root(vm, si);
    ok = si && dict_set_cstr(vm, d, "stdin", si) && dict_set_cstr(vm, d, "__stdin__", si);
    ok = ok && set_str(vm, d, "version", "3.11.0 (aiopy " AIOPY_VERSION ")") &&
         set_str(vm, d, "platform", "linux") && set_str(vm, d, "byteorder", "little") &&
         set_str(vm, d, "executable", "");
    ok = ok && add_version(vm, d);
    Value maxsize;
    ok = ok && int_from_i64(vm, INT64_MAX, &maxsize) && dict_set_cstr(vm, d, "maxsize", maxsize);
    ok = ok && dict_set_cstr(vm, AS_DICT(vm->modules), "sys", OBJ_VAL(m));
    gc_roots_reset(vm, mark);
    TRY(ok);
    *out = OBJ_VAL(m);
    return true;
}
