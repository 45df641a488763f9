// Exceptions: hierarchy, str()/repr() as CPython prints them, special
// attributes, chaining fields, the preallocated MemoryError and the C
// recursion guard.
#include "rt_testutil.h"

TestSuite(exc, .init = tu_setup, .fini = tu_teardown);

static Value make(ObjType *t, Value *args, size_t n) {
    Value e;
    cr_assert(rt_call(vm, OBJ_VAL(t), args, n, VAL_NULL, &e), "%s", EXC());
    return K(e);
}

Test(exc, str_and_repr) {
    Value k = S("k");
    ASSERT_STR(STR(make(&KeyError_type, &k, 1)), "'k'");
    Value ab[2] = {S("a"), S("b")};
    ASSERT_STR(STR(make(&KeyError_type, ab, 2)), "('a', 'b')");
    ASSERT_STR(STR(make(&KeyError_type, NULL, 0)), "");
    ASSERT_STR(REPR(make(&ValueError_type, NULL, 0)), "ValueError()");
    Value one = INT_VAL(1), two[2] = {INT_VAL(1), INT_VAL(2)};
    ASSERT_STR(REPR(make(&ValueError_type, &one, 1)), "ValueError(1)");
    ASSERT_STR(REPR(make(&ValueError_type, two, 2)), "ValueError(1, 2)");
    ASSERT_STR(STR(make(&ValueError_type, two, 2)), "(1, 2)");
}

Test(exc, raise_formats_messages) {
    cr_assert_not(rt_raise(vm, &TypeError_type, "'%s' object is not callable", "NoneType"));
    ASSERT_STR(EXC(), "TypeError: 'NoneType' object is not callable");
    cr_assert_not(rt_raise(vm, &ValueError_type, "bad %R and %S (%d, %zu)", S("q'"), S("s"), -3, (size_t)7));
    ASSERT_STR(EXC(), "ValueError: bad \"q'\" and s (-3, 7)");
    cr_assert_not(rt_raise_arg(vm, &KeyError_type, INT_VAL(5)));
    ASSERT_STR(EXC(), "KeyError: 5");
}

Test(exc, hierarchy_and_mro) {
    cr_assert(type_is_subtype(&FileNotFoundError_type, &OSError_type));
    cr_assert(type_is_subtype(&ModuleNotFoundError_type, &ImportError_type));
    cr_assert(type_is_subtype(&TabError_type, &SyntaxError_type));
    cr_assert_not(type_is_subtype(&KeyboardInterrupt_type, &Exception_type));
    Value mro;
    cr_assert(rt_getattr(vm, OBJ_VAL(&ZeroDivisionError_type), NAME(vm, mro), &mro));
    ASSERT_STR(REPR(mro), "(<class 'ZeroDivisionError'>, <class 'ArithmeticError'>, "
                          "<class 'Exception'>, <class 'BaseException'>, <class 'object'>)");
}

Test(exc, stop_iteration_value_and_system_exit_code) {
    Value five = INT_VAL(5), v, two[2] = {INT_VAL(1), INT_VAL(2)};
    cr_assert(rt_getattr(vm, make(&StopIteration_type, &five, 1), NAME(vm, value), &v));
    ASSERT_STR(REPR(v), "5");
    cr_assert(rt_getattr(vm, make(&StopIteration_type, NULL, 0), NAME(vm, value), &v));
    ASSERT_STR(REPR(v), "None");
    cr_assert(rt_getattr(vm, make(&SystemExit_type, two, 2), NAME(vm, code), &v));
    ASSERT_STR(REPR(v), "(1, 2)");
    cr_assert_eq(rt_getattr_opt(vm, make(&ValueError_type, NULL, 0), NAME(vm, value), &v), 0);
}

Test(exc, oserror_and_syntax_error_str) {
    Value a[3] = {INT_VAL(2), S("No such file or directory"), S("x.txt")};
    Value e = make(&OSError_type, a, 3), args;
    gc_push_root(vm, e);
    ASSERT_STR(STR(e), "[Errno 2] No such file or directory: 'x.txt'");
    cr_assert(rt_getattr(vm, e, NAME(vm, args), &args));
    ASSERT_STR(REPR(args), "(2, 'No such file or directory')");
    gc_pop_root(vm);
    ASSERT_STR(STR(make(&OSError_type, a, 2)), "[Errno 2] No such file or directory");
    Value info[6] = {S("/a/f.py"), INT_VAL(1), INT_VAL(2), S("x"), INT_VAL(1), INT_VAL(3)};
    ObjTuple *t = tuple_from(vm, info, 6);
    K(OBJ_VAL(t));
    Value sa[2] = {S("invalid syntax"), OBJ_VAL(t)};
    ASSERT_STR(STR(make(&SyntaxError_type, sa, 2)), "invalid syntax (f.py, line 1)");
}

Test(exc, keywords_rejected) {
    Value r, kwn, x = INT_VAL(1);
    ObjTuple *kt = tuple_from(vm, &(Value){S("x")}, 1);
    kwn = K(OBJ_VAL(kt));
    cr_assert_not(rt_call(vm, OBJ_VAL(&ValueError_type), &x, 0, kwn, &r));
    ASSERT_STR(EXC(), "TypeError: ValueError() takes no keyword arguments");
}

Test(exc, cause_sets_suppress_context) {
    Value e = make(&ValueError_type, NULL, 0), k = make(&KeyError_type, NULL, 0), v;
    gc_push_root(vm, e);
    ObjStr *cause = NM("__cause__"), *sup = NM("__suppress_context__");
    cr_assert(rt_setattr(vm, e, cause, k));
    cr_assert(rt_getattr(vm, e, sup, &v));
    cr_assert_eq(v, TRUE_VAL);
    cr_assert_not(rt_setattr(vm, e, cause, INT_VAL(1)));
    ASSERT_STR(EXC(), "TypeError: exception cause must be None or derive from BaseException");
    gc_pop_root(vm);
}

Test(exc, traceback_entries_chain) {
    Value e = make(&ValueError_type, NULL, 0), tb, lasti;
    gc_push_root(vm, e);
    cr_assert(exc_add_traceback(vm, e, NONE_VAL, 10));
    cr_assert(exc_add_traceback(vm, e, NONE_VAL, 4));
    ObjStr *n = NM("__traceback__");
    cr_assert(rt_getattr(vm, e, n, &tb));
    cr_assert(rt_getattr_cstr(vm, tb, "tb_lasti", &lasti));
    ASSERT_STR(REPR(lasti), "4");
    cr_assert(rt_getattr_cstr(vm, tb, "tb_next", &tb));
    cr_assert(rt_getattr_cstr(vm, tb, "tb_lasti", &lasti));
    ASSERT_STR(REPR(lasti), "10");
    gc_pop_root(vm);
}

Test(exc, memory_error_is_preallocated) {
    size_t before = vm->bytes_allocated;
    Obj *head = vm->objects;
    cr_assert_not(rt_raise_nomem(vm));
    cr_assert_eq(vm->objects, head);
    cr_assert_eq(vm->bytes_allocated, before);
    cr_assert_eq(vm->exc, vm->memory_error);
    ASSERT_STR(EXC(), "MemoryError");
}

Test(exc, recursion_guard_in_repr) {
    // [[[...]]] nested 5000 deep (over the C depth limit): repr must fail cleanly.
    ObjList *outer = list_new(vm, 0);
    gc_push_root(vm, OBJ_VAL(outer));
    ObjList *cur = outer;
    for (int i = 0; i < 5000; i++) {
        ObjList *l = list_new(vm, 0);
        cr_assert(list_append(vm, cur, OBJ_VAL(l)));
        cur = l;
    }
    ASSERT_STR(REPR(OBJ_VAL(outer)),
               "RecursionError: maximum recursion depth exceeded while getting the repr of an object");
    cr_assert_eq(vm->c_depth, 0);
    gc_pop_root(vm);
}
