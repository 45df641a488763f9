// The warnings the VM issues itself, and the _warnings module that the
// Python warnings module (lib/warnings.py) builds on.
//
// The VM's warnings:
// - "coroutine 'NAME' was never awaited" (RuntimeWarning). The location is
//   the code running when the coroutine died (see gen.c); with no frame
//   running (the collection at exit) it is "sys:1" without a source line,
//   as in CPython.
// - the compiler's SyntaxWarnings (vm/warn.h): CPython warns from compile()
//   without a registry, so nothing is deduplicated.
// Once a program has imported warnings, they go through its warn_explicit,
// so its filters, showwarning and catch_warnings apply (made an error, a
// never-awaited warning is reported as "Exception ignored in", as CPython's
// unraisable hook does, and a SyntaxWarning becomes the SyntaxError of the
// compilation, as in CPython's compiler). Before, this file applies CPython's default
// filters itself, cheaply: "default" for both, which is once per location
// through the module's __warningregistry__, with the same keys and version
// entry warn_explicit would write.
// The source line is read back from the file by name, as CPython's linecache
// does, so "<string>" and "<stdin>" programs show none.
//
// _warnings._caller(n) gives warnings.warn the location n frames up:
// (filename, lineno, globals), or None past the outermost frame.
#include <stdio.h>
#include <string.h>

#include "runtime/dict.h"
#include "runtime/exc.h"
#include "runtime/gc.h"
#include "runtime/module.h"
#include "runtime/modules.h"
#include "runtime/native.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "vm/gen_int.h"
#include "vm/vm_int.h"
#include "vm/warn.h"

// Prints line [lineno] of [path] without its leading whitespace.
static void print_source_line(const char *path, int lineno) {
    if (path[0] == '<') return;   // <string>, <stdin>: no file to read
    FILE *f = fopen(path, "r");
    if (!f) return;
    char buf[4096];
    int line = 1;
    bool found = false;
    while (fgets(buf, sizeof buf, f)) {
        size_t n = strlen(buf);
        if (line == lineno) {
            found = true;
            break;
        }
        if (n && buf[n - 1] == '\n') line++;
    }
    fclose(f);
    if (!found) return;
    char *s = buf;
    while (*s == ' ' || *s == '\t' || *s == '\f') s++;
    size_t n = strlen(s);
    while (n && (s[n - 1] == '\n' || s[n - 1] == '\r' || s[n - 1] == ' ' || s[n - 1] == '\t')) n--;
    if (!n) return;
    fprintf(stderr, "  %.*s\n", (int)n, s);
}

// The warnings module once the program imported it, else VAL_NULL. Warnings
// are rare: a dict lookup each time is cheap enough.
static Value warnings_module(Vm *vm) {
    ObjStr *name = str_intern_cstr(vm, "warnings");
    Value m;
    if (!name) {
        rt_exc_clear(vm);
        return VAL_NULL;
    }
    if (!vm->modules || !IS_DICT(vm->modules) || dict_get_str(vm, AS_DICT(vm->modules), name, &m) != 1)
        return VAL_NULL;
    return IS_MODULE(m) ? m : VAL_NULL;
}

// True when this location warned already, else records it: the registry
// is [globals]' __warningregistry__, keyed (text, category, lineno) under
// filters version 0, as warn_explicit keeps it (the version of filters
// nobody changed). No registry can be used: false.
static bool seen_before(Vm *vm, Value globals, Value text, ObjType *category, int lineno) {
    if (!globals || !IS_DICT(globals)) return false;
    size_t mark = gc_roots_mark(vm);
    ObjDict *g = AS_DICT(globals);
    bool seen = false;
    // Interned strs are weak: each is rooted before the next allocation.
    ObjStr *regname = str_intern_cstr(vm, "__warningregistry__");
    if (!regname) goto done;
    gc_push_root(vm, OBJ_VAL(regname));
    ObjStr *version = str_intern_cstr(vm, "version");
    if (!version) goto done;
    gc_push_root(vm, OBJ_VAL(version));
    Value reg, v;
    if (dict_get_str(vm, g, regname, &reg) != 1 || !IS_DICT(reg)) {
        ObjDict *d = dict_new(vm);
        if (!d) goto done;
        reg = OBJ_VAL(d);
        gc_push_root(vm, reg);
        if (!dict_set(vm, g, OBJ_VAL(regname), reg)) goto done;
    } else {
        gc_push_root(vm, reg);
    }
    if (dict_get_str(vm, AS_DICT(reg), version, &v) != 1 || v != INT_VAL(0)) {
        dict_clear(vm, AS_DICT(reg));
        if (!dict_set(vm, AS_DICT(reg), OBJ_VAL(version), INT_VAL(0))) goto done;
    }
    Value items[3] = {text, OBJ_VAL(category), INT_VAL(lineno)};
    ObjTuple *key = tuple_from(vm, items, 3);
    if (!key) goto done;
    gc_push_root(vm, OBJ_VAL(key));
    int r = dict_get(vm, AS_DICT(reg), OBJ_VAL(key), &v);
    if (r == 1) {
        int t = rt_is_true(vm, v);
        seen = t > 0;
        if (t != 0) goto done;
    }
    if (r >= 0) dict_set(vm, AS_DICT(reg), OBJ_VAL(key), TRUE_VAL);
done:
    rt_exc_clear(vm);
    gc_roots_reset(vm, mark);
    return seen;
}

// warnings.warn_explicit(text, category, filename, lineno[, module,
// registry, globals, source]): the module and registry come from [globals]
// when given (as warnings.warn finds them); without, none (a compiler
// warning). False with the exception set when the filters made it an error.
static bool py_warn_explicit(Vm *vm, Value wmod, ObjType *category, Value text, Value filename, int lineno,
                             Value globals, Value source) {
    size_t mark = gc_roots_mark(vm);
    Value fn, args[8] = {text, OBJ_VAL(category), filename, INT_VAL(lineno), NONE_VAL, NONE_VAL, NONE_VAL,
                         source ? source : NONE_VAL};
    size_t nargs = 4;
    bool ok = rt_getattr_cstr(vm, wmod, "warn_explicit", &fn);
    if (ok) gc_push_root(vm, fn);
    if (ok && globals && IS_DICT(globals)) {
        // Interned strs are weak: each is rooted before the next allocation.
        ObjStr *name = str_intern_cstr(vm, "__name__"), *regname = NULL;
        if (name) {
            gc_push_root(vm, OBJ_VAL(name));
            regname = str_intern_cstr(vm, "__warningregistry__");
        }
        if (regname) gc_push_root(vm, OBJ_VAL(regname));
        ok = regname != NULL;
        Value module, reg;
        if (ok && dict_get_str(vm, AS_DICT(globals), name, &module) == 1) {
            args[4] = module;
        } else if (ok) {
            ObjStr *s = str_from_cstr(vm, "<string>");
            ok = s != NULL;
            if (ok) args[4] = OBJ_VAL(s);
        }
        if (ok) gc_push_root(vm, args[4]);
        if (ok && dict_get_str(vm, AS_DICT(globals), regname, &reg) != 1) {
            ObjDict *d = dict_new(vm);
            ok = d != NULL;
            if (ok) {
                reg = OBJ_VAL(d);
                gc_push_root(vm, reg);
                ok = dict_set(vm, AS_DICT(globals), OBJ_VAL(regname), reg);
            }
        }
        if (ok) {
            args[5] = reg;
            args[6] = globals;
            nargs = 8;
        }
    } else if (ok && source) {
        nargs = 8;
    }
    Value r;
    ok = ok && rt_call(vm, fn, args, nargs, VAL_NULL, &r);
    gc_roots_reset(vm, mark);
    return ok;
}

// CPython's unraisable hook for an error raised while warning about [obj].
static void write_unraisable(Vm *vm, Value obj) {
    Value exc = rt_exc_take(vm);
    if (!exc) return;
    gc_push_root(vm, exc);
    fflush(stdout);
    fputs("Exception ignored in: ", stderr);
    Value r;
    if (rt_repr(vm, obj, &r)) fputs(AS_STR(r)->data, stderr);
    else rt_exc_clear(vm);
    fputc('\n', stderr);
    vm_print_exception(vm, exc);
    gc_pop_root(vm);
}

void vm_warn_never_awaited(Vm *vm, Value coro, ObjCode *co, uint32_t lasti, Value globals, ObjStr *qualname) {
    fflush(stdout);
    if (!VM_TS(vm)->current) {
        fprintf(stderr, "sys:1: RuntimeWarning: coroutine '%s' was never awaited\n", qualname->data);
        if (vm->teardown_warnings_alive)
            fputs("RuntimeWarning: Enable tracemalloc to get the object allocation traceback\n", stderr);
        return;
    }
    // A finaliser runs between two instructions of some other code: its
    // pending exception (if any) is kept aside.
    Value saved = rt_exc_take(vm);
    gc_push_root(vm, saved);
    ObjStr *text = rt_format_cmsg(vm, "coroutine '%U' was never awaited", qualname);
    int line = code_line_at(co, lasti);
    if (text) {
        gc_push_root(vm, OBJ_VAL(text));
        Value wmod = warnings_module(vm);
        if (wmod) {
            if (!py_warn_explicit(vm, wmod, &RuntimeWarning_type, OBJ_VAL(text), co->filename, line, globals, coro))
                write_unraisable(vm, coro);
        } else if (!seen_before(vm, globals, OBJ_VAL(text), &RuntimeWarning_type, line)) {
            const char *path = IS_STR(co->filename) ? AS_STR(co->filename)->data : "<unknown>";
            fprintf(stderr, "%s:%d: RuntimeWarning: %s\n", path, line, text->data);
            print_source_line(path, line);
            fputs("RuntimeWarning: Enable tracemalloc to get the object allocation traceback\n", stderr);
        }
        gc_pop_root(vm);
    }
    rt_exc_clear(vm);
    gc_pop_root(vm);
    vm->exc = saved;
}

bool vm_warn_syntax(Vm *vm, const char *path, const SymWarning *w, uint32_t n, Diag *d) {
    fflush(stdout);
    Value wmod = warnings_module(vm);
    for (uint32_t i = 0; i < n; i++) {
        if (!wmod) {
            fprintf(stderr, "%s:%d: SyntaxWarning: %s\n", path, w[i].line, w[i].msg);
            print_source_line(path, w[i].line);
            continue;
        }
        size_t mark = gc_roots_mark(vm);
        ObjStr *file = str_from_cstr(vm, path), *msg = NULL;
        if (file) {
            gc_push_root(vm, OBJ_VAL(file));
            msg = str_from_cstr(vm, w[i].msg);
        }
        if (msg) {
            gc_push_root(vm, OBJ_VAL(msg));
            if (py_warn_explicit(vm, wmod, &SyntaxWarning_type, OBJ_VAL(msg), OBJ_VAL(file), w[i].line, VAL_NULL,
                                 VAL_NULL))
                msg = file;   // done
            else
                msg = NULL;
        }
        gc_roots_reset(vm, mark);
        if (msg) continue;
        if (d && rt_exc_matches(vm, &SyntaxWarning_type)) {
            rt_exc_clear(vm);
            diag_set(d, DIAG_SYNTAX, w[i].line, w[i].col, w[i].end_line, w[i].end_col, "%s", w[i].msg);
            return false;
        }
        if (d) return false;
        rt_exc_clear(vm);
    }
    return true;
}

// ---- the _warnings module ----

// _caller(n): (filename, lineno, globals) of the frame n levels up from the
// one calling it (0: that frame), None past the outermost.
static bool w_caller(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "_caller", kw));
    TRY(rt_check_nargs(vm, "_caller", nargs, 1, 1));
    if (!IS_INT(args[0]) || AS_INT(args[0]) < 0)
        return rt_raise(vm, &ValueError_type, "_caller() expects a depth >= 0");
    Frame *f = VM_TS(vm) ? VM_TS(vm)->current : NULL;
    for (int64_t n = AS_INT(args[0]); f && n > 0; n--) f = f->previous;
    if (!f || !f->code) {
        *out = NONE_VAL;
        return true;
    }
    Value items[3] = {f->code->filename, INT_VAL(code_line_at(f->code, frame_lasti(f))), f->globals};
    ObjTuple *t = tuple_from(vm, items, 3);
    TRY(t);
    *out = OBJ_VAL(t);
    return true;
}

static const MethodDef warnings_defs[] = {
    {"_caller", w_caller, 0},
    {NULL, NULL, 0},
};

bool vm_warnings_init(Vm *vm, ObjModule *m) { return module_add_functions(vm, m, warnings_defs); }
