// context: the C interface the event loop uses (context.h): copying the
// current Context, entering and leaving one around a step, the "already
// entered" check, and the errors of a misused exit.
#include "rt_testutil.h"
#include "runtime/context.h"

TestSuite(context, .init = tu_setup, .fini = tu_teardown);

static ObjContextVar *VAR(const char *name, Value dflt) {
    ObjContextVar *v = cvar_new(vm, S(name), dflt);
    cr_assert(v);
    K(OBJ_VAL(v));
    return v;
}

static Value GET(ObjContextVar *v) {
    Value r;
    cr_assert(cvar_get(vm, v, VAL_NULL, &r), "%s", EXC());
    return r;
}

static ObjContext *COPY(void) {
    Value c;
    cr_assert(ctx_copy_current(vm, &c));
    K(c);
    return AS_CONTEXT(c);
}

// "Type: message" with the address normalised, as the golden tests do.
static const char *EXCN(void) {
    char *e = (char *)EXC();
    for (char *p = strstr(e, " at 0x"); p; p = strstr(p + 6, " at 0x")) {
        char *q = p + 6;
        while ((*q >= '0' && *q <= '9') || (*q >= 'a' && *q <= 'f')) q++;
        memmove(p + 6, q, strlen(q) + 1);
    }
    return e;
}

Test(context, no_current_context_until_needed) {
    cr_assert_eq(vm->context, VAL_NULL);
    ObjContextVar *v = VAR("v", INT_VAL(7));
    cr_assert_eq(GET(v), INT_VAL(7));
    cr_assert_eq(vm->context, VAL_NULL);   // get does not make one
    Value r;
    cr_assert(!cvar_get(vm, VAR("w", VAL_NULL), VAL_NULL, &r));
    ASSERT_STR(EXCN(), "LookupError: <ContextVar name='w' at 0x>");
    cr_assert(cvar_set(vm, v, INT_VAL(8), NULL));
    cr_assert_neq(vm->context, VAL_NULL);
    cr_assert_eq(GET(v), INT_VAL(8));
}

Test(context, a_copy_shares_the_map_and_then_diverges) {
    ObjContextVar *v = VAR("v", VAL_NULL);
    cr_assert(cvar_set(vm, v, INT_VAL(1), NULL));
    ObjContext *c = COPY();
    cr_assert_eq(c->vars.root, AS_CONTEXT(vm->context)->vars.root);   // O(1): nothing copied
    cr_assert(!c->entered);
    cr_assert(ctx_enter(vm, c));
    cr_assert(cvar_set(vm, v, INT_VAL(2), NULL));
    cr_assert_eq(GET(v), INT_VAL(2));
    cr_assert(ctx_exit(vm, c));
    cr_assert_eq(GET(v), INT_VAL(1));
    Value r;
    cr_assert(hamt_get(&c->vars, OBJ_VAL(v), &r) && r == INT_VAL(2));
}

Test(context, enter_and_exit_restore_the_previous_context) {
    ObjContext *a = COPY(), *b = COPY();   // made the base context current
    Value base = vm->context;
    cr_assert(ctx_enter(vm, a));
    cr_assert_eq(vm->context, OBJ_VAL(a));
    cr_assert(ctx_enter(vm, b));
    cr_assert_eq(vm->context, OBJ_VAL(b));
    cr_assert(ctx_exit(vm, b));
    cr_assert_eq(vm->context, OBJ_VAL(a));
    cr_assert(ctx_exit(vm, a));
    cr_assert_eq(vm->context, base);
    cr_assert(!a->entered && !b->entered && !a->prev && !b->prev);
}

Test(context, entering_with_no_current_context_leaves_none_after) {
    ObjContext *c = ctx_new(vm);
    cr_assert(c);
    K(OBJ_VAL(c));
    cr_assert(ctx_enter(vm, c));
    cr_assert(ctx_exit(vm, c));
    cr_assert_eq(vm->context, VAL_NULL);
}

Test(context, a_context_is_entered_once_at_a_time) {
    ObjContext *a = COPY(), *b = COPY();
    cr_assert(ctx_enter(vm, a));
    cr_assert(!ctx_enter(vm, a));
    ASSERT_STR(EXCN(), "RuntimeError: cannot enter context: <_contextvars.Context object at 0x> is already entered");
    cr_assert(ctx_enter(vm, b));
    cr_assert(!ctx_enter(vm, a));   // further up the chain
    ASSERT_STR(EXCN(), "RuntimeError: cannot enter context: <_contextvars.Context object at 0x> is already entered");
    cr_assert_eq(vm->context, OBJ_VAL(b));
    cr_assert(ctx_exit(vm, b));
    cr_assert(ctx_exit(vm, a));
    cr_assert(ctx_enter(vm, a));   // free again
    cr_assert(ctx_exit(vm, a));
}

Test(context, a_misused_exit_changes_nothing) {
    ObjContext *a = COPY(), *b = COPY();
    Value base = vm->context;
    cr_assert(!ctx_exit(vm, a));
    ASSERT_STR(EXCN(), "RuntimeError: cannot exit context: <_contextvars.Context object at 0x> has not been entered");
    cr_assert(ctx_enter(vm, a));
    cr_assert(ctx_enter(vm, b));
    cr_assert(!ctx_exit(vm, a));
    ASSERT_STR(EXCN(), "RuntimeError: cannot exit context: thread state references a different context object");
    // An exception already on its way is kept.
    rt_raise(vm, &ValueError_type, "pending");
    cr_assert(!ctx_exit(vm, a));
    ASSERT_STR(EXC(), "ValueError: pending");
    cr_assert_eq(vm->context, OBJ_VAL(b));
    // A correct exit leaves a pending exception alone too.
    rt_raise(vm, &ValueError_type, "step failed");
    cr_assert(ctx_exit(vm, b));
    ASSERT_STR(EXC(), "ValueError: step failed");
    cr_assert(ctx_exit(vm, a));
    cr_assert_eq(vm->context, base);
}

Test(context, tokens_reset_only_in_their_context) {
    ObjContextVar *v = VAR("v", VAL_NULL), *w = VAR("w", VAL_NULL);
    Value t;
    cr_assert(cvar_set(vm, v, INT_VAL(1), &t));
    K(t);
    cr_assert_eq(AS_TOKEN(t)->old, VAL_NULL);
    cr_assert(!cvar_reset(vm, w, AS_TOKEN(t)));
    ASSERT_STR(EXCN(), "ValueError: <Token var=<ContextVar name='v' at 0x> at 0x> was created by a different ContextVar");
    ObjContext *c = COPY();
    cr_assert(ctx_enter(vm, c));
    cr_assert(!cvar_reset(vm, v, AS_TOKEN(t)));
    ASSERT_STR(EXCN(), "ValueError: <Token var=<ContextVar name='v' at 0x> at 0x> was created in a different Context");
    cr_assert(ctx_exit(vm, c));
    cr_assert(cvar_reset(vm, v, AS_TOKEN(t)));
    Value r;
    cr_assert(!cvar_get(vm, v, VAL_NULL, &r));
    EXC();
    cr_assert(!cvar_reset(vm, v, AS_TOKEN(t)));
    ASSERT_STR(EXCN(), "RuntimeError: <Token used var=<ContextVar name='v' at 0x> at 0x> has already been used once");
}

Test(context, run_calls_inside_the_context) {
    ObjContext *c = COPY();
    Value r, arg = INT_VAL(-5);
    cr_assert(ctx_run(vm, c, OBJ_VAL(&int_type), &arg, 1, VAL_NULL, &r));
    cr_assert_eq(r, INT_VAL(-5));
    cr_assert(!c->entered);
    // A failing call leaves the context too.
    Value bad = S("x");
    cr_assert(!ctx_run(vm, c, OBJ_VAL(&int_type), &bad, 1, VAL_NULL, &r));
    ASSERT_STR(EXC(), "ValueError: invalid literal for int() with base 10: 'x'");
    cr_assert(!c->entered);
}
