// The warnings the VM issues itself, printed on stderr in the layout of
// CPython's default warnings filter (there is no warnings module yet):
// - "coroutine 'NAME' was never awaited" (RuntimeWarning). The "default"
//   action (once per location) is kept with a registry dict stored as
//   __warningregistry__ in the module's globals, as CPython does. The
//   location is the code running when the coroutine died (see gen.c); with
//   no frame running (the collection at exit) it is "sys:1" without a source
//   line, as in CPython.
// - the compiler's SyntaxWarnings (vm/warn.h), all of them: CPython warns
//   from compile() without a registry, so nothing is deduplicated.
// The source line is read back from the file by name, as CPython's linecache
// does, so "<string>" and "<stdin>" programs show none.
#include <stdio.h>
#include <string.h>

#include "runtime/dict.h"
#include "runtime/gc.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "vm/gen_int.h"
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

// True when this location warned already (or the registry cannot be used).
static bool seen_before(Vm *vm, Value globals, const char *key) {
    if (!globals || !IS_DICT(globals)) return false;
    ObjDict *g = AS_DICT(globals);
    ObjStr *regname = str_intern_cstr(vm, "__warningregistry__");
    if (!regname) return false;
    Value reg;
    if (dict_get_str(vm, g, regname, &reg) != 1 || !IS_DICT(reg)) {
        gc_push_root(vm, OBJ_VAL(regname));
        ObjDict *d = dict_new(vm);
        bool ok = d != NULL;
        if (ok) {
            reg = OBJ_VAL(d);
            gc_push_root(vm, reg);
            ok = dict_set(vm, g, OBJ_VAL(regname), reg);
            gc_pop_root(vm);
        }
        gc_pop_root(vm);
        if (!ok) return false;
    }
    gc_push_root(vm, reg);
    ObjStr *k = str_from_cstr(vm, key);
    bool seen = false;
    if (k) {
        Value v;
        seen = dict_get_str(vm, AS_DICT(reg), k, &v) == 1;
        if (!seen) {
            gc_push_root(vm, OBJ_VAL(k));
            dict_set(vm, AS_DICT(reg), OBJ_VAL(k), TRUE_VAL);
            gc_pop_root(vm);
        }
    }
    gc_pop_root(vm);
    return seen;
}

void vm_warn_never_awaited(Vm *vm, ObjCode *co, uint32_t lasti, Value globals, ObjStr *qualname) {
    fflush(stdout);
    if (!VM_TS(vm)->current) {
        fprintf(stderr, "sys:1: RuntimeWarning: coroutine '%s' was never awaited\n", qualname->data);
        if (vm->teardown_warnings_alive)
            fputs("RuntimeWarning: Enable tracemalloc to get the object allocation traceback\n", stderr);
        return;
    }
    const char *path = IS_STR(co->filename) ? AS_STR(co->filename)->data : "<unknown>";
    int line = code_line_at(co, lasti);
    char key[512];
    snprintf(key, sizeof key, "coroutine '%.300s' was never awaited:%d", qualname->data, line);
    if (seen_before(vm, globals, key)) return;
    fprintf(stderr, "%s:%d: RuntimeWarning: coroutine '%s' was never awaited\n", path, line, qualname->data);
    print_source_line(path, line);
    fputs("RuntimeWarning: Enable tracemalloc to get the object allocation traceback\n", stderr);
}

void vm_warn_syntax(const char *path, const SymWarning *w, uint32_t n) {
    fflush(stdout);
    for (uint32_t i = 0; i < n; i++) {
        fprintf(stderr, "%s:%d: SyntaxWarning: %s\n", path, w[i].line, w[i].msg);
        print_source_line(path, w[i].line);
    }
}
