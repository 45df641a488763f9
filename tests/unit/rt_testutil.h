// Helpers shared by the runtime unit tests: one Vm per test, and shortcuts
// that turn values into C strings (repr/str) and pending exceptions into
// "Type: message" so assertions compare against CPython's output text.
#ifndef TESTS_RT_TESTUTIL_H
#define TESTS_RT_TESTUTIL_H
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "runtime/dict.h"
#include "runtime/exc.h"
#include "runtime/float.h"
#include "runtime/gc.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/native.h"
#include "runtime/ops.h"
#include "runtime/slice.h"
#include "runtime/state.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"

static Vm *vm;
static char tu_buf[8][4096];
static int tu_next;
static ObjList *tu_keep;   // values made by the helpers stay alive for the test

static void tu_setup(void) {
    vm = rt_vm_new();
    cr_assert(vm);
    tu_keep = list_new(vm, 0);
    cr_assert(tu_keep);
    gc_push_root(vm, OBJ_VAL(tu_keep));
}
static void tu_teardown(void) {
    cr_assert_eq(vm->ntemp_roots, 1, "unbalanced temp roots: %zu", vm->ntemp_roots);
    gc_pop_root(vm);
    rt_vm_free(vm);
}

// Keeps [v] alive until the end of the test.
static inline Value K(Value v) {
    cr_assert(list_append(vm, tu_keep, v));
    return v;
}

static inline char *tu_slot(void) { return tu_buf[tu_next++ & 7]; }

// "Type: message" of the pending exception (cleared), or "" when none.
static inline const char *EXC(void) {
    char *b = tu_slot();
    b[0] = 0;
    if (!vm->exc) return b;
    Value e = rt_exc_take(vm), s;
    gc_push_root(vm, e);
    if (!exc_str(vm, e, &s)) {
        rt_exc_clear(vm);
        gc_pop_root(vm);
        snprintf(b, 4096, "%s: <str failed>", type_name(rt_type(e)));
        return b;
    }
    gc_pop_root(vm);
    if (AS_STR(s)->len)
        snprintf(b, 4096, "%s: %s", type_name(rt_type(e)), AS_STR(s)->data);
    else
        snprintf(b, 4096, "%s", type_name(rt_type(e)));
    return b;
}

static inline const char *REPR(Value v) {
    Value s;
    if (!rt_repr(vm, v, &s)) return EXC();
    char *b = tu_slot();
    snprintf(b, 4096, "%s", AS_STR(s)->data);
    return b;
}

static inline const char *STR(Value v) {
    Value s;
    if (!rt_str(vm, v, &s)) return EXC();
    char *b = tu_slot();
    snprintf(b, 4096, "%s", AS_STR(s)->data);
    return b;
}

static inline Value S(const char *s) {
    ObjStr *o = str_from_cstr(vm, s);
    cr_assert(o);
    return K(OBJ_VAL(o));
}

// An interned name kept alive for the test.
static inline ObjStr *NM(const char *s) {
    ObjStr *o = str_intern_cstr(vm, s);
    cr_assert(o);
    K(OBJ_VAL(o));
    return o;
}

static inline Value F(double d) {
    Value v;
    cr_assert(float_new(vm, d, &v));
    return K(v);
}

// Parses a Python int literal (any size).
static inline Value N(const char *s) {
    Value v;
    cr_assert(int_parse(vm, s, strlen(s), 0, &v), "%s", EXC());
    return K(v);
}

// Applies a binary operator; gives repr of the result or the exception text.
static inline const char *BIN(int op, Value a, Value b) {
    Value r;
    if (!rt_binary_op(vm, op, a, b, &r)) return EXC();
    return REPR(r);
}

static inline const char *CALLM(Value self, const char *name, Value *args, size_t n) {
    Value r;
    ObjStr *nm = NM(name);
    if (!rt_call_method(vm, self, nm, args, n, &r)) return EXC();
    return REPR(r);
}

#define ASSERT_STR(got, want) cr_assert_str_eq((got), (want))

#endif // TESTS_RT_TESTUTIL_H
