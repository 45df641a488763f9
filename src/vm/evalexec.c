// eval(), exec(), compile() and __import__(): Python source compiled, and modules
// imported, while the program runs.
//
// The text goes through the same front end and compiler as a module (the
// compiler's own checks included, as for an import), under the file name
// compile() was given or "<string>". The code then runs in a frame of its own
// whose globals and locals are the given namespaces, or the caller's: its
// globals, and its locals (a snapshot of a function's, as CPython 3.11 gives).
#include "vm/evalexec.h"

#include <string.h>

#include "lexer/source.h"
#include "parser/parse.h"
#include "runtime/bytes.h"
#include "runtime/dict.h"
#include "runtime/exc.h"
#include "runtime/gc.h"
#include "runtime/module.h"
#include "runtime/native.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"
#include "vm/compile.h"
#include "vm/vm_int.h"

// The text of [source] (str or bytes) in [*data, *len]; false with
// TypeError "NAME() arg 1 must be a string, bytes or code object" otherwise.
static bool source_text(Vm *vm, const char *fname, Value source, const char **data, size_t *len) {
    if (IS_STR(source)) {
        *data = AS_STR(source)->data;
        *len = AS_STR(source)->len;
    } else if (IS_BYTES(source)) {
        *data = AS_BYTES(source)->data;
        *len = AS_BYTES(source)->len;
    } else {
        return rt_raise(vm, &TypeError_type, "%s() arg 1 must be a string, bytes or code object", fname);
    }
    if (memchr(*data, '\0', *len))
        return rt_raise(vm, &SyntaxError_type, "source code string cannot contain null bytes");
    return true;
}

// Compiles [len] bytes of [data] as a module (PARSE_FILE) or an expression
// (PARSE_EVAL) named [filename]; a SyntaxError on bad source.
static ObjCode *compile_text(Vm *vm, const char *data, size_t len, const char *filename, ParseMode mode) {
    Diag d;
    diag_init(&d);
    Source src;
    if (!lx_source_from_string(&src, filename, data, len, &d)) {
        vm_raise_diag(vm, &d, filename, NULL, 0);
        diag_clear(&d);
        return NULL;
    }
    ParseResult pr;
    ObjCode *co = NULL;
    // PARSE_ONLY_AST: the compiler checks the rest, as for an import.
    if (!ps_parse(&src, mode, PARSE_ONLY_AST, &pr)) {
        // An expression that does not end its line reaches CPython's
        // tokenizer without the newline exec() adds: "invalid syntax" at its
        // very end then has no column.
        Diag *pd = &pr.diag;
        size_t last_len = 0;
        const char *last = lx_source_line(&src, pd->line, &last_len);
        if (mode == PARSE_EVAL && len && data[len - 1] != '\n' && last && last + last_len == src.text + src.len &&
            pd->col >= (int)last_len && pd->msg && strcmp(pd->msg, "invalid syntax") == 0)
            pd->col = pd->end_col = -1;
        vm_raise_diag(vm, pd, filename, &src, mode == PARSE_EVAL ? 0 : VM_DIAG_EXEC);
    } else {
        co = cg_compile(vm, pr.root, filename, 0, &d);
        if (!co && diag_is_set(&d)) vm_raise_diag(vm, &d, filename, &src, VM_DIAG_NO_TEXT);
    }
    diag_clear(&d);
    ps_result_free(&pr);
    lx_source_free(&src);
    return co;
}

// The namespaces eval() and exec() run in: [globals] must be a dict, [locals]
// any mapping; both default to the caller's.
static bool namespaces(Vm *vm, const char *fname, Value *globals, Value *locals) {
    if (*globals && IS_NONE(*globals)) *globals = VAL_NULL;
    if (*locals && IS_NONE(*locals)) *locals = VAL_NULL;
    if (*globals && !IS_DICT(*globals)) {
        if (strcmp(fname, "eval") == 0)
            return rt_raise(vm, &TypeError_type, "globals must be a real dict; try eval(expr, {}, mapping)");
        return rt_raise(vm, &TypeError_type, "exec() globals must be a dict, not %s", type_name(rt_type(*globals)));
    }
    if (*locals && !IS_DICT(*locals)) {
        Value getitem;
        int r = type_lookup(vm, rt_type(*locals), NAME(vm, getitem), &getitem, NULL);
        if (r < 0) return false;
        if (!r) return rt_raise(vm, &TypeError_type, "locals must be a mapping");
    }
    if (*globals) {
        if (!*locals) *locals = *globals;
        return true;
    }
    Frame *f = VM_TS(vm) ? VM_TS(vm)->current : NULL;
    if (!f) return rt_raise(vm, &SystemError_type, "%s(): no current frame", fname);
    *globals = f->globals;
    if (!*locals) TRY(frame_locals(vm, f, locals));
    return true;
}

static bool run_code(Vm *vm, ObjCode *co, Value globals, Value locals, Value *out) {
    Frame *f = vm_frame_push(vm, co, VAL_NULL, globals, locals);
    TRY(f);
    return vm_run(vm, f, out);
}

// eval() and exec(): [mode] PARSE_EVAL or PARSE_FILE for source text.
static bool eval_or_exec(Vm *vm, const char *fname, ParseMode mode, Value *args, size_t nargs, Value kw,
                         Value *out) {
    static const char *const names[] = {"source", "globals", "locals"};
    Value a[3];
    TRY(rt_parse_args(vm, fname, args, nargs, kw, names, 3, 3, 1, a));
    Value globals = a[1], locals = a[2];
    size_t mark = gc_roots_mark(vm);
    if (!namespaces(vm, fname, &globals, &locals)) return false;
    gc_push_root(vm, globals);
    gc_push_root(vm, locals);
    ObjCode *co;
    if (IS_CODE(a[0])) {
        co = AS_CODE(a[0]);
    } else {
        const char *data;
        size_t len;
        if (!source_text(vm, fname, a[0], &data, &len)) return gc_roots_reset(vm, mark), false;
        // eval() drops the spaces and tabs an expression is indented by.
        if (mode == PARSE_EVAL)
            while (len && (*data == ' ' || *data == '\t')) data++, len--;
        co = compile_text(vm, data, len, "<string>", mode);
        if (!co) return gc_roots_reset(vm, mark), false;
    }
    gc_push_root(vm, OBJ_VAL(co));
    Value r;
    bool ok = run_code(vm, co, globals, locals, &r);
    gc_roots_reset(vm, mark);
    if (ok) *out = mode == PARSE_EVAL ? r : NONE_VAL;
    return ok;
}

static bool b_eval(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    return eval_or_exec(vm, "eval", PARSE_EVAL, args, nargs, kw, out);
}

static bool b_exec(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    return eval_or_exec(vm, "exec", PARSE_FILE, args, nargs, kw, out);
}

static bool b_compile(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    static const char *const names[] = {"source", "filename", "mode", "flags", "dont_inherit", "optimize",
                                        "_feature_version"};
    Value a[7];
    TRY(rt_parse_args(vm, "compile", args, nargs, kw, names, 7, 6, 3, a));
    if (!IS_STR(a[0]) && !IS_BYTES(a[0]))
        return rt_raise(vm, &TypeError_type, "compile() arg 1 must be a string, bytes or AST object");
    if (!IS_STR(a[2])) return rt_raise(vm, &TypeError_type, "compile() argument 'mode' must be str, not %s",
                                       type_name(rt_type(a[2])));
    ParseMode mode;
    if (str_eq_cstr(AS_STR(a[2]), "exec")) mode = PARSE_FILE;
    else if (str_eq_cstr(AS_STR(a[2]), "eval")) mode = PARSE_EVAL;
    else if (str_eq_cstr(AS_STR(a[2]), "single"))
        return rt_raise(vm, &NotImplementedError_type, "compile() mode 'single' is not supported by aiopy");
    else return rt_raise(vm, &ValueError_type, "compile() mode must be 'exec', 'eval' or 'single'");
    for (size_t i = 3; i < 6; i++)
        if (a[i] && !(IS_INT(a[i]) && (AS_INT(a[i]) == 0 || (i == 5 && AS_INT(a[i]) == -1))))
            return rt_raise(vm, &NotImplementedError_type, "compile() argument '%s' is not supported by aiopy",
                            names[i]);
    if (!IS_STR(a[1]))
        return rt_raise(vm, &TypeError_type, "compile() argument 'filename' must be str, not %s",
                        type_name(rt_type(a[1])));
    const char *data;
    size_t len;
    TRY(source_text(vm, "compile", a[0], &data, &len));
    ObjCode *co = compile_text(vm, data, len, AS_STR(a[1])->data, mode);
    TRY(co);
    *out = OBJ_VAL(co);
    return true;
}

// __import__(name, globals=None, locals=None, fromlist=(), level=0): the
// import statement's machinery as a function.
static bool b_import(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    static const char *const names[] = {"name", "globals", "locals", "fromlist", "level"};
    Value a[5];
    TRY(rt_parse_args(vm, "__import__", args, nargs, kw, names, 5, 5, 1, a));
    if (!IS_STR(a[0]))
        return rt_raise(vm, &TypeError_type, "__import__() argument 1 must be str, not %s",
                        type_name(rt_type(a[0])));
    if (AS_STR(a[0])->len == 0 && (!a[4] || (IS_INT(a[4]) && AS_INT(a[4]) == 0)))
        return rt_raise(vm, &ValueError_type, "Empty module name");
    Value fromlist = a[3] && !IS_NONE(a[3]) ? a[3] : VAL_NULL;
    if (fromlist && !IS_TUPLE(fromlist)) TRY(tuple_from_iterable(vm, fromlist, &fromlist));
    gc_push_root(vm, fromlist);
    bool ok = vm_import_name(vm, VM_TS(vm)->current, a[0], fromlist, a[4] ? a[4] : INT_VAL(0), out);
    gc_pop_root(vm);
    return ok;
}

static const MethodDef evalexec_builtins[] = {
    {"__import__", b_import, 0},
    {"eval", b_eval, 0},
    {"exec", b_exec, 0},
    {"compile", b_compile, 0},
    {NULL, NULL, 0},
};

bool vm_evalexec_init(Vm *vm) {
    for (const MethodDef *m = evalexec_builtins; m->name; m++) {
        ObjNative *fn = native_new_function(vm, m, VAL_NULL);
        if (!fn || !dict_set_cstr(vm, AS_DICT(vm->builtins), m->name, OBJ_VAL(fn))) return false;
    }
    return true;
}
