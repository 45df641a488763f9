// The REPL's side of the VM (vm.h, vm_run_input): one input parsed as an
// interactive statement, compiled with echo and top-level await, run in
// __main__, its errors printed as CPython's prompt prints them.
#include <stdio.h>

#include "parser/parse.h"
#include "runtime/dict.h"
#include "runtime/exc.h"
#include "runtime/func.h"
#include "runtime/gc.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "vm/compile.h"
#include "vm/vm.h"
#include "vm/vm_int.h"

// Statements with a body: at the prompt they end only at a blank line, even
// when the body is on the header's line (`for i in x: print(i)`).
static bool is_compound(const AstNode *s) {
    switch (s->kind) {
    case AST_IF: case AST_WHILE: case AST_FOR: case AST_ASYNC_FOR: case AST_TRY: case AST_TRY_STAR:
    case AST_WITH: case AST_ASYNC_WITH: case AST_FUNCTION_DEF: case AST_ASYNC_FUNCTION_DEF:
    case AST_CLASS_DEF:
        return true;
    default:
        return false;
    }
}

bool vm_import_module(Vm *vm, Value name, Value *out) {
    return vm_import_name(vm, NULL, name, NONE_VAL, INT_VAL(0), out);
}

// Calls lib/_repl.py's [fn] with [arg]: the session's event loop.
static bool call_session(Vm *vm, const char *fn, Value arg, Value *out) {
    Value mod, f;
    ObjStr *name = str_intern_cstr(vm, "_repl");
    TRY(name);
    gc_push_root(vm, OBJ_VAL(name));   // interned strs are weak
    bool ok = vm_import_module(vm, OBJ_VAL(name), &mod);
    gc_pop_root(vm);
    TRY(ok);
    TRY(rt_getattr_cstr(vm, mod, fn, &f));
    return rt_call1(vm, f, arg, out);
}

// Runs [co] in __main__. Code that awaits (compiled as a coroutine, as
// CPython's PyCF_ALLOW_TOP_LEVEL_AWAIT makes it) runs through a function
// made of it, like the asyncio REPL's types.FunctionType(code, globals)(),
// as a task of the session's loop; with [in_loop] other code runs inside
// that loop too.
static bool run_code(Vm *vm, ObjCode *co, ObjModule *m, bool in_loop) {
    Value r;
    bool awaits = co->flags & CODE_COROUTINE;
    if (!awaits && !in_loop) return vm_exec_code(vm, co, m->dict, &r);
    ObjFunction *fn = func_new(vm, co, m->dict, vm->builtins);
    TRY(fn);
    gc_push_root(vm, OBJ_VAL(fn));
    bool ok;
    if (awaits) {
        Value coro;
        ok = vm_call_function(vm, OBJ_VAL(fn), NULL, 0, VAL_NULL, &coro);
        if (ok) {
            gc_push_root(vm, coro);
            ok = call_session(vm, "run", coro, &r);
            gc_pop_root(vm);
        }
    } else {
        ok = call_session(vm, "run_in_loop", OBJ_VAL(fn), &r);
    }
    gc_pop_root(vm);
    return ok;
}

static void report_syntax(const Source *src, const Diag *d) {
    fflush(stdout);
    ps_report_from(stderr, src->name, src, d, REPORT_STRING);
}

// An exception out of a statement or out of the session loop: SystemExit
// ends the session, anything else is printed as CPython's REPL prints it.
static VmInput report_uncaught(Vm *vm, int *exit_status) {
    Value exc = rt_exc_take(vm);
    gc_push_root(vm, exc);
    VmInput result = VM_INPUT_DONE;
    if (IS_INSTANCE(exc, SystemExit_type)) {
        *exit_status = vm_system_exit_status(vm, exc);
        result = VM_INPUT_EXIT;
    } else {
        vm_print_exception(vm, exc);
    }
    gc_pop_root(vm);
    return result;
}

VmInput vm_wait_for_input(Vm *vm, int fd, int *exit_status) {
    ObjStr *name = str_intern_cstr(vm, "_repl");
    Value mod;
    // No statement has awaited yet: no loop, nothing to run.
    if (!name || dict_get_str(vm, AS_DICT(vm->modules), name, &mod) != 1) return VM_INPUT_DONE;
    Value r;
    bool ok = call_session(vm, "wait_for_input", INT_VAL(fd), &r);
    fflush(stdout);
    if (ok) return VM_INPUT_DONE;
    if (rt_exc_matches(vm, &KeyboardInterrupt_type)) {
        rt_exc_clear(vm);
        return VM_INPUT_INTERRUPTED;
    }
    return report_uncaught(vm, exit_status);
}

VmInput vm_run_input(Vm *vm, Source *src, unsigned flags, int *exit_status) {
    bool block = flags & VM_INPUT_BLOCK;
    bool blank_ended = block || (flags & VM_INPUT_BLANK_ENDED);
    ParseResult pr;
    if (!ps_parse(src, block ? PARSE_FILE : PARSE_SINGLE, PARSE_TOPLEVEL_AWAIT | PARSE_ONLY_AST, &pr)) {
        bool more = !block && pr.incomplete && (pr.incomplete_token || !blank_ended) &&
                    !(flags & VM_INPUT_AT_EOF);
        if (!more) report_syntax(src, &pr.diag);
        ps_result_free(&pr);
        return more ? VM_INPUT_MORE : VM_INPUT_DONE;
    }
    const AstSeq *body = &pr.root->u.module.body;
    if (!blank_ended && body->len && is_compound(body->items[0])) {
        ps_result_free(&pr);
        return VM_INPUT_MORE;
    }
    Diag d;
    diag_init(&d);
    ObjCode *co = cg_compile(vm, pr.root, src->name, CG_INTERACTIVE | CG_TOPLEVEL_AWAIT, &d);
    ps_result_free(&pr);
    if (!co && diag_is_set(&d)) {
        report_syntax(src, &d);
        diag_clear(&d);
        return VM_INPUT_DONE;
    }
    bool ok = co != NULL;
    if (ok) {
        gc_push_root(vm, OBJ_VAL(co));
        ObjModule *m = vm_main_module(vm, NULL);
        ok = m && run_code(vm, co, m, flags & VM_INPUT_IN_LOOP);
        gc_pop_root(vm);
    }
    fflush(stdout);
    if (ok) return VM_INPUT_DONE;
    return report_uncaught(vm, exit_status);
}

void vm_run_startup(Vm *vm, const char *path, const char *variable) {
    Source src;
    Diag d;
    diag_init(&d);
    if (!lx_source_load_file(&src, path, &d)) {
        // CPython's words, with the OS error of the open.
        fflush(stdout);
        fprintf(stderr, "Could not open %s\nFileNotFoundError: [Errno 2] No such file or directory: '%s'\n",
                variable, path);
        diag_clear(&d);
        return;
    }
    ObjCode *co = vm_compile_module(vm, &src, path);
    bool ok = co != NULL;
    if (ok) {
        gc_push_root(vm, OBJ_VAL(co));
        ObjModule *m = vm_main_module(vm, NULL);
        Value r;
        ok = m && vm_exec_code(vm, co, m->dict, &r);
        gc_pop_root(vm);
    }
    lx_source_free(&src);
    fflush(stdout);
    if (!ok) {
        Value exc = rt_exc_take(vm);
        gc_push_root(vm, exc);
        vm_print_exception(vm, exc);
        gc_pop_root(vm);
    }
}
