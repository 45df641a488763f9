// hamt: the persistent map behind contextvars' Context. Inserting,
// replacing and deleting many keys, old versions staying as they were,
// keys whose whole hashes collide, iteration, and the GC keeping values.
// Small-int keys hash to their low 32 bits, so k and k + 2**32 collide.
#include "rt_testutil.h"
#include "runtime/hamt.h"

TestSuite(hamt, .init = tu_setup, .fini = tu_teardown);

// Keeps [h]'s nodes alive for the rest of the test.
static Hamt keep(Hamt h) {
    if (h.root) K(OBJ_VAL(h.root));
    return h;
}

static Hamt SET(Hamt h, int64_t k, Value v) {
    Hamt o;
    cr_assert(hamt_set(vm, &h, INT_VAL(k), v, &o), "%s", EXC());
    return keep(o);
}

static Hamt DEL(Hamt h, int64_t k, int expect) {
    Hamt o;
    int r = hamt_del(vm, &h, INT_VAL(k), &o);
    cr_assert_eq(r, expect, "del %lld: %d", (long long)k, r);
    return keep(o);
}

static bool HAS(Hamt h, int64_t k, Value *v) { return hamt_get(&h, INT_VAL(k), v); }

static void assert_value(Hamt h, int64_t k, Value want) {
    Value v = VAL_NULL;
    cr_assert(HAS(h, k, &v), "key %lld missing", (long long)k);
    cr_assert_eq(v, want, "key %lld: wrong value", (long long)k);
}

// Iteration gives exactly count distinct keys.
static void assert_walk(Hamt h) {
    HamtIter it;
    hamt_iter_init(&it, &h);
    Value k, v, w;
    size_t n = 0;
    while (hamt_iter_next(&it, &k, &v)) {
        n++;
        cr_assert(hamt_get(&h, k, &w) && w == v);
    }
    cr_assert_eq(n, h.count);
}

// Spread keys: every bit of the 32-bit hash varies.
static int64_t spread(int64_t i) { return (int64_t)(((uint64_t)i * 2654435761u) & 0xffffffffu); }

Test(hamt, empty_map_finds_nothing) {
    Hamt e = {NULL, 0};
    Value v;
    cr_assert(!HAS(e, 1, &v));
    Hamt o = DEL(e, 1, 0);
    cr_assert_eq(o.root, NULL);
    assert_walk(e);
}

Test(hamt, insert_many_keys_then_find_each) {
    Hamt h = {NULL, 0};
    for (int64_t i = 0; i < 3000; i++) {
        h = SET(h, spread(i), INT_VAL(i));
        cr_assert_eq(h.count, (size_t)i + 1);
    }
    for (int64_t i = 0; i < 3000; i++) assert_value(h, spread(i), INT_VAL(i));
    Value v;
    cr_assert(!HAS(h, spread(3000), &v));
    assert_walk(h);
}

Test(hamt, replacing_keeps_the_count_and_an_equal_value_changes_nothing) {
    Hamt h = {NULL, 0};
    for (int64_t i = 0; i < 100; i++) h = SET(h, spread(i), INT_VAL(i));
    Hamt r = SET(h, spread(42), INT_VAL(-1));
    cr_assert_eq(r.count, 100);
    assert_value(r, spread(42), INT_VAL(-1));
    assert_value(h, spread(42), INT_VAL(42));
    Hamt same = SET(r, spread(42), INT_VAL(-1));
    cr_assert_eq(same.root, r.root);
}

Test(hamt, copies_are_unaffected_by_later_changes) {
    enum { N = 600, EVERY = 50 };
    Hamt snaps[N / EVERY + 1];
    size_t nsnap = 0;
    Hamt h = {NULL, 0};
    for (int64_t i = 0; i < N; i++) {
        if (i % EVERY == 0) snaps[nsnap++] = h;   // a copy is the two words
        h = SET(h, spread(i), INT_VAL(i));
        if (i % 3 == 0) h = SET(h, spread(i / 2), INT_VAL(-i));
        if (i % 7 == 0) h = DEL(h, spread(i / 3), 1);   // set before, never deleted yet
    }
    // Each snapshot is whatever the map was then: replay to check it.
    for (size_t s = 0; s < nsnap; s++) {
        Hamt m = {NULL, 0};
        for (int64_t i = 0; i < (int64_t)(s * EVERY); i++) {
            m = SET(m, spread(i), INT_VAL(i));
            if (i % 3 == 0) m = SET(m, spread(i / 2), INT_VAL(-i));
            if (i % 7 == 0) m = DEL(m, spread(i / 3), 1);
        }
        cr_assert_eq(snaps[s].count, m.count, "snapshot %zu", s);
        HamtIter it;
        hamt_iter_init(&it, &m);
        Value k, v, w;
        while (hamt_iter_next(&it, &k, &v)) cr_assert(hamt_get(&snaps[s], k, &w) && w == v);
    }
}

Test(hamt, deleting_many_keys_leaves_the_others) {
    Hamt h = {NULL, 0};
    enum { N = 2000 };
    for (int64_t i = 0; i < N; i++) h = SET(h, spread(i), INT_VAL(i));
    Hamt full = h;
    // Odd keys first, backwards, then the even ones.
    for (int64_t i = N - 1; i >= 0; i -= 2) h = DEL(h, spread(i), 1);
    cr_assert_eq(h.count, N / 2);
    Value v;
    for (int64_t i = 0; i < N; i++) {
        if (i % 2) cr_assert(!HAS(h, spread(i), &v));
        else assert_value(h, spread(i), INT_VAL(i));
    }
    h = DEL(h, spread(1), 0);
    assert_walk(h);
    for (int64_t i = 0; i < N; i += 2) h = DEL(h, spread(i), 1);
    cr_assert_eq(h.count, 0);
    cr_assert_eq(h.root, NULL);
    cr_assert_eq(full.count, N);
    for (int64_t i = 0; i < N; i++) assert_value(full, spread(i), INT_VAL(i));
}

Test(hamt, keys_with_equal_hashes_share_a_collision_node) {
    const int64_t base = 7, step = (int64_t)1 << 32;
    for (int64_t k = 0; k < 6; k++) cr_assert_eq(hamt_key_hash(INT_VAL(base + k * step)), (uint32_t)base);
    Hamt h = {NULL, 0};
    for (int64_t k = 0; k < 6; k++) h = SET(h, base + k * step, INT_VAL(k));
    h = SET(h, 8, INT_VAL(100));   // a neighbour outside the collision
    cr_assert_eq(h.count, 7);
    for (int64_t k = 0; k < 6; k++) assert_value(h, base + k * step, INT_VAL(k));
    Value v;
    cr_assert(!HAS(h, base + 6 * step, &v));
    Hamt r = SET(h, base + 3 * step, INT_VAL(-3));
    assert_value(r, base + 3 * step, INT_VAL(-3));
    assert_value(h, base + 3 * step, INT_VAL(3));
    assert_walk(h);
    // Down to one, then none, in a scattered order.
    static const int order[] = {2, 5, 0, 4, 1, 3};
    Hamt d = h;
    for (int i = 0; i < 6; i++) {
        d = DEL(d, base + order[i] * step, 1);
        d = DEL(d, base + order[i] * step, 0);
        for (int j = i + 1; j < 6; j++) assert_value(d, base + order[j] * step, INT_VAL(order[j]));
        assert_walk(d);
    }
    cr_assert_eq(d.count, 1);
    assert_value(d, 8, INT_VAL(100));
    for (int64_t k = 0; k < 6; k++) assert_value(h, base + k * step, INT_VAL(k));
}

Test(hamt, collision_nodes_below_a_long_shared_prefix) {
    // a and a2 collide fully; b and c share all but the top bits of their
    // hash with them, so they meet the collision node level after level
    // down to the last one (shift 30).
    const int64_t a = 5, a2 = 5 + ((int64_t)1 << 32), b = 5 + ((int64_t)1 << 30),
                  c = 5 + ((int64_t)1 << 31);
    Hamt h = SET(SET((Hamt){NULL, 0}, a, INT_VAL(1)), a2, INT_VAL(2));
    h = SET(SET(h, b, INT_VAL(3)), c, INT_VAL(4));
    cr_assert_eq(h.count, 4);
    assert_value(h, a, INT_VAL(1));
    assert_value(h, a2, INT_VAL(2));
    assert_value(h, b, INT_VAL(3));
    assert_value(h, c, INT_VAL(4));
    assert_walk(h);
    Hamt d = DEL(DEL(h, b, 1), c, 1);
    // The last pair of the collision node moves back up to the root.
    d = DEL(d, a, 1);
    cr_assert_eq(d.count, 1);
    assert_value(d, a2, INT_VAL(2));
    assert_walk(d);
    d = SET(d, b, INT_VAL(30));
    assert_value(d, b, INT_VAL(30));
    assert_value(d, a2, INT_VAL(2));
    d = DEL(DEL(d, a2, 1), b, 1);
    cr_assert_eq(d.root, NULL);
    // The other order: the single keys first, then the collision.
    Hamt e = SET(SET((Hamt){NULL, 0}, b, INT_VAL(3)), c, INT_VAL(4));
    e = SET(SET(e, a, INT_VAL(1)), a2, INT_VAL(2));
    for (int64_t k = 0; k < 2; k++) e = DEL(e, k ? a : a2, 1);
    cr_assert_eq(e.count, 2);
    assert_value(e, b, INT_VAL(3));
    assert_value(e, c, INT_VAL(4));
}

Test(hamt, values_and_old_versions_survive_collections) {
    Hamt h = {NULL, 0}, old;
    for (int64_t i = 0; i < 200; i++) {
        char buf[32];
        snprintf(buf, sizeof buf, "value %lld", (long long)i);
        ObjStr *s = str_from_cstr(vm, buf);
        cr_assert(s);
        gc_push_root(vm, OBJ_VAL(s));
        Hamt o;
        cr_assert(hamt_set(vm, &h, INT_VAL(spread(i)), OBJ_VAL(s), &o));
        gc_pop_root(vm);
        h = keep(o);
        if (i == 99) old = h;
    }
    gc_collect(vm);
    for (int64_t i = 0; i < 200; i++) {
        char buf[32];
        snprintf(buf, sizeof buf, "value %lld", (long long)i);
        Value v;
        cr_assert(HAS(h, spread(i), &v) && str_eq_cstr(AS_STR(v), buf));
        cr_assert_eq(HAS(old, spread(i), &v), i < 100);
    }
}

// Random operations over a key space dense in collisions (64 hashes, four
// keys each, some differing only in high bits), checked against a plain
// array; every so often a snapshot is taken and checked at the end.
Test(hamt, random_operations_match_a_model) {
    enum { KEYS = 256, OPS = 6000, SNAPS = 12 };
    static int64_t model[KEYS], snapmodel[SNAPS][KEYS];   // -1: absent
    Hamt snaps[SNAPS];
    uint64_t seed = 12345;
    for (int i = 0; i < KEYS; i++) model[i] = -1;
    Hamt h = {NULL, 0};
    int nsnap = 0;
    for (int op = 0; op < OPS; op++) {
        seed = seed * 6364136223846793005ull + 1442695040888963407ull;
        int ki = (int)((seed >> 33) % KEYS);
        int64_t key = (ki % 64) | (int64_t)(ki / 64 % 2) << 30 | (int64_t)(ki / 128) << 32;
        if ((seed >> 20) % 3 == 0) {
            h = DEL(h, key, model[ki] >= 0);
            model[ki] = -1;
        } else {
            h = SET(h, key, INT_VAL(op));
            model[ki] = op;
        }
        if (op % (OPS / SNAPS) == 0 && nsnap < SNAPS) {
            snaps[nsnap] = h;
            memcpy(snapmodel[nsnap++], model, sizeof model);
        }
    }
    for (int s = -1; s < nsnap; s++) {
        Hamt m = s < 0 ? h : snaps[s];
        const int64_t *want = s < 0 ? model : snapmodel[s];
        size_t n = 0;
        for (int ki = 0; ki < KEYS; ki++) {
            int64_t key = (ki % 64) | (int64_t)(ki / 64 % 2) << 30 | (int64_t)(ki / 128) << 32;
            Value v;
            bool has = HAS(m, key, &v);
            cr_assert_eq(has, want[ki] >= 0, "snapshot %d key %d", s, ki);
            if (has) cr_assert_eq(v, INT_VAL(want[ki]));
            n += has;
        }
        cr_assert_eq(m.count, n);
        assert_walk(m);
    }
}
