// The collector: unreachable objects are freed, roots keep objects alive,
// deep structures mark without C recursion, the intern table is weak,
// finalisers run once and resurrect for one cycle, allocation failure
// gives the preallocated MemoryError, size overflow gives OverflowError.
#include "config.h"
#include "rt_testutil.h"

TestSuite(gc, .init = tu_setup, .fini = tu_teardown);

static size_t count_objects(void) {
    size_t n = 0;
    for (Obj *o = vm->objects; o; o = (Obj *)(o->gcword & ~GC_BITS)) n++;
    return n;
}

Test(gc, unreachable_objects_are_freed) {
    gc_collect(vm);
    size_t base = count_objects(), bytes = vm->bytes_allocated;
    for (int i = 0; i < 1000; i++) {
        ObjList *l = list_new(vm, 4);
        cr_assert(l);
    }
    gc_collect(vm);
    cr_assert_eq(count_objects(), base);
    cr_assert_eq(vm->bytes_allocated, bytes);
}

Test(gc, temp_roots_keep_objects_alive) {
    ObjList *l = list_new(vm, 0);
    gc_push_root(vm, OBJ_VAL(l));
    for (int i = 0; i < 100; i++) {
        ObjStr *s = rt_format_cmsg(vm, "item %d", i);
        cr_assert(s);
        cr_assert(list_append(vm, l, OBJ_VAL(s)));
    }
    gc_collect(vm);
    ASSERT_STR(REPR(l->items[42]), "'item 42'");
    gc_pop_root(vm);
}

Test(gc, deep_nesting_marks_and_frees_without_recursion) {
    // 10^6 levels normally; gc_stress collects on every allocation, which makes
    // building quadratic, so it uses fewer levels there.
    const int depth = AIOPY_GC_STRESS ? 3000 : 1000000;
    ObjList *outer = list_new(vm, 0);
    gc_push_root(vm, OBJ_VAL(outer));
    ObjList *cur = outer;
    for (int i = 0; i < depth; i++) {
        ObjList *l = list_new(vm, 0);
        cr_assert(l);
        cr_assert(list_append(vm, cur, OBJ_VAL(l)));
        cur = l;
    }
    size_t n = count_objects();
    gc_collect(vm);
    cr_assert_eq(count_objects(), n);
    gc_pop_root(vm);
    gc_collect(vm);
    cr_assert(count_objects() < n - (size_t)depth);
}

Test(gc, intern_table_is_weak) {
    gc_collect(vm);
    size_t used = vm->interned.used;
    ObjStr *s = str_intern_cstr(vm, "a_name_nobody_keeps");
    cr_assert(s);
    cr_assert_eq(vm->interned.used, used + 1);
    cr_assert_eq(str_intern_cstr(vm, "a_name_nobody_keeps"), s);
    gc_collect(vm);
    cr_assert_eq(vm->interned.used, used);
    // Names the runtime uses stay interned.
    cr_assert_eq(str_intern_cstr(vm, "__init__"), NAME(vm, init));
}

static int finalized;

static void fin_hook(Vm *v, Value obj) {
    (void)v; (void)obj;
    finalized++;
}

static void count_fin(Vm *v, Obj *o) {
    (void)v; (void)o;
    finalized++;
}

static ObjType fin_type = {
    .hdr = OBJ_STATIC_HEADER(&type_type),
    .name = "Fin",
    .module = "builtins",
    .basicsize = sizeof(ObjInstance),
    .flags = TYPE_HAS_FINALIZER,
    .base = &object_type,
    .finalize = count_fin,
};

Test(gc, finalizer_runs_once_and_object_survives_one_cycle) {
    finalized = 0;
    vm->hooks.finalize = fin_hook;
    gc_collect(vm);
    size_t base = count_objects();
    Obj *o = gc_alloc(vm, &fin_type, sizeof(ObjInstance));
    cr_assert(o);
    gc_collect(vm);
    cr_assert_eq(finalized, 1);
    cr_assert_eq(count_objects(), base + 1);   // resurrected for this cycle
    gc_collect(vm);
    cr_assert_eq(finalized, 1);                // never twice
    cr_assert_eq(count_objects(), base);
}

Test(gc, allocation_failure_raises_preallocated_memory_error) {
    vm->fail_at = 1;
    vm->alloc_count = 0;
    ObjList *l = list_new(vm, 0);
    cr_assert_null(l);
    cr_assert_eq(vm->exc, vm->memory_error);
    ASSERT_STR(EXC(), "MemoryError");
    vm->fail_at = 0;
    cr_assert_not_null(list_new(vm, 0));
}

Test(gc, size_overflow) {
    size_t out;
    cr_assert_not(rt_size_mul(vm, SIZE_MAX / 2, 4, &out));
    ASSERT_STR(EXC(), "MemoryError");
    cr_assert_not(rt_size_mul(vm, (size_t)1 << 40, (size_t)1 << 23, &out));
    ASSERT_STR(EXC(), "MemoryError");
}

Test(gc, heap_classes_live_while_instances_do) {
    ObjTuple *bt = tuple_new(vm, 0);
    ObjDict *d = dict_new(vm);
    gc_push_root(vm, OBJ_VAL(d));
    Value cls, inst;
    cr_assert(type_new_class(vm, &type_type, NM("Tmp"), OBJ_VAL(bt), OBJ_VAL(d), &cls));
    gc_pop_root(vm);
    gc_push_root(vm, cls);
    cr_assert(rt_call0(vm, cls, &inst));
    gc_pop_root(vm);
    gc_push_root(vm, inst);   // only the instance is rooted
    gc_collect(vm);
    ASSERT_STR(REPR(OBJ_VAL(rt_type(inst))), "<class 'Tmp'>");
    gc_pop_root(vm);
    gc_collect(vm);
}
