// deque's ring buffer: growth keeps the order of a wrapped ring, a drained
// buffer shrinks, a bounded deque never grows past its bound, rotation of a
// full ring only moves the head, and the items survive collections.
#include "rt_testutil.h"
#include "runtime/deque.h"

TestSuite(deque, .init = tu_setup, .fini = tu_teardown);

static ObjDeque *D(int64_t maxlen) {
    ObjDeque *d = deque_new(vm, maxlen);
    cr_assert(d);
    K(OBJ_VAL(d));
    return d;
}

// The items left to right must be lo, lo+1, ..., lo+n-1.
static void assert_run(const ObjDeque *d, int64_t lo, size_t n) {
    cr_assert_eq(d->len, n);
    for (size_t i = 0; i < n; i++) cr_assert_eq(deque_at(d, i), INT_VAL(lo + (int64_t)i), "item %zu", i);
}

Test(deque, first_append_allocates_eight_slots) {
    ObjDeque *d = D(-1);
    cr_assert_eq(d->cap, 0);
    cr_assert(deque_append(vm, d, INT_VAL(1)));
    cr_assert_eq(d->cap, 8);
}

Test(deque, growth_of_a_wrapped_ring_keeps_the_order) {
    // A short wrapped part moves past the old end; the head stays.
    ObjDeque *d = D(-1);
    for (int64_t i = 0; i < 8; i++) cr_assert(deque_append(vm, d, INT_VAL(i)));
    Value v;
    cr_assert(deque_popleft(vm, d, &v));
    cr_assert(deque_popleft(vm, d, &v));
    cr_assert(deque_append(vm, d, INT_VAL(8)));
    cr_assert(deque_append(vm, d, INT_VAL(9)));
    cr_assert_eq(d->cap, 8);
    cr_assert_eq(d->head, 2);   // slots 2..7, then 0 and 1
    cr_assert(deque_append(vm, d, INT_VAL(10)));
    cr_assert_eq(d->cap, 16);
    cr_assert_eq(d->head, 2);
    assert_run(d, 2, 9);
    // A long wrapped part stays; the tail segment moves to the new end.
    ObjDeque *e = D(-1);
    for (int64_t i = 2; i < 8; i++) cr_assert(deque_append(vm, e, INT_VAL(i)));
    cr_assert(deque_appendleft(vm, e, INT_VAL(1)));
    cr_assert(deque_appendleft(vm, e, INT_VAL(0)));
    cr_assert_eq(e->head, 6);   // slots 6, 7, then 0..5
    cr_assert(deque_append(vm, e, INT_VAL(8)));
    cr_assert_eq(e->cap, 16);
    cr_assert_eq(e->head, 14);
    assert_run(e, 0, 9);
}

Test(deque, drained_buffer_shrinks_and_clear_frees_it) {
    ObjDeque *d = D(-1);
    for (int64_t i = 0; i < 1000; i++) cr_assert(deque_append(vm, d, INT_VAL(i)));
    cr_assert_eq(d->cap, 1024);
    Value v;
    for (int64_t i = 0; i < 800; i++) {
        cr_assert(deque_popleft(vm, d, &v));
        cr_assert_eq(v, INT_VAL(i));
    }
    cr_assert_eq(d->cap, 512);   // halved at 256 left, not yet at 200
    assert_run(d, 800, 200);
    while (d->len) cr_assert(deque_pop(vm, d, &v));
    cr_assert_eq(d->cap, 64);    // small buffers are kept for reuse
    cr_assert(!vm->exc);
    for (int64_t i = 0; i < 500; i++) cr_assert(deque_appendleft(vm, d, INT_VAL(i)));
    deque_clear(vm, d);
    cr_assert_eq(d->cap, 0);
    cr_assert_eq(d->len, 0);
    cr_assert(!deque_pop(vm, d, &v));
    ASSERT_STR(EXC(), "IndexError: pop from an empty deque");
}

Test(deque, bounded_deque_never_grows_past_its_bound) {
    ObjDeque *d = D(5);
    for (int64_t i = 0; i < 100; i++) cr_assert(deque_append(vm, d, INT_VAL(i)));
    cr_assert_eq(d->cap, 8);
    assert_run(d, 95, 5);
    for (int64_t i = 94; i >= 0; i--) cr_assert(deque_appendleft(vm, d, INT_VAL(i)));
    cr_assert_eq(d->cap, 8);
    assert_run(d, 0, 5);
    ObjDeque *z = D(0);
    cr_assert(deque_append(vm, z, INT_VAL(1)));
    cr_assert_eq(z->len, 0);
    cr_assert_eq(z->cap, 0);
}

Test(deque, rotation_of_a_full_ring_moves_only_the_head) {
    ObjDeque *d = D(-1);
    for (int64_t i = 0; i < 8; i++) cr_assert(deque_append(vm, d, INT_VAL(i)));
    uint64_t state = d->state;
    deque_rotate(d, 3);   // 5 6 7 0 1 2 3 4
    cr_assert_eq(d->head, 5);
    cr_assert_eq(deque_at(d, 0), INT_VAL(5));
    cr_assert_eq(deque_at(d, 7), INT_VAL(4));
    deque_rotate(d, -11);   // back by 3
    assert_run(d, 0, 8);
    cr_assert_neq(d->state, state);
    // Not full: items move between the ends.
    Value v;
    cr_assert(deque_pop(vm, d, &v));
    deque_rotate(d, -2);
    cr_assert_eq(deque_at(d, 0), INT_VAL(2));
    cr_assert_eq(deque_at(d, 6), INT_VAL(1));
    deque_rotate(d, 2);
    assert_run(d, 0, 7);
}

Test(deque, items_survive_collections_while_growing) {
    ObjDeque *d = D(-1);
    for (int i = 0; i < 300; i++) {
        ObjStr *s = rt_format_cmsg(vm, "s%d", i);
        cr_assert(s);
        cr_assert(i % 2 ? deque_append(vm, d, OBJ_VAL(s)) : deque_appendleft(vm, d, OBJ_VAL(s)));
        if (i % 37 == 0) gc_collect(vm);
    }
    gc_collect(vm);
    ASSERT_STR(STR(deque_at(d, 0)), "s298");
    ASSERT_STR(STR(deque_at(d, 150)), "s1");
    ASSERT_STR(STR(deque_at(d, 299)), "s299");
}

Test(deque, extend_trims_like_repeated_appends) {
    ObjDeque *d = D(3);
    ObjList *l = list_new(vm, 0);
    cr_assert(l);
    K(OBJ_VAL(l));
    for (int64_t i = 0; i < 10; i++) cr_assert(list_append(vm, l, INT_VAL(i)));
    cr_assert(deque_extend(vm, d, OBJ_VAL(l)));
    ASSERT_STR(REPR(OBJ_VAL(d)), "deque([7, 8, 9], maxlen=3)");
    cr_assert(deque_extendleft(vm, d, OBJ_VAL(l)));
    ASSERT_STR(REPR(OBJ_VAL(d)), "deque([9, 8, 7], maxlen=3)");
    cr_assert(deque_extend(vm, d, OBJ_VAL(d)));
    ASSERT_STR(REPR(OBJ_VAL(d)), "deque([9, 8, 7], maxlen=3)");
    cr_assert(!deque_extend(vm, d, INT_VAL(5)));
    ASSERT_STR(EXC(), "TypeError: 'int' object is not iterable");
}
