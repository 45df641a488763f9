// The persistent hash array mapped trie (see hamt.h).
//
// Invariants: a bitmap node has bitmap != 0 and one pair per set bit, in
// index order (so popcount gives an index's position); a collision node has
// bitmap == 0 and n >= 2 pairs whose keys all hash to [hash]; an empty map
// has no root. Nodes are never modified once another node or a Hamt points
// to them: every change copies the path from the root to the key.
//
// GC: a node made here is unreachable until its parent is made, so each new
// child is rooted while its parent is allocated; the old map's nodes are the
// caller's to keep alive (its root is reachable).
#include "runtime/hamt.h"

#include <string.h>

#include "runtime/gc.h"

struct HamtNode {
    Obj hdr;
    uint32_t bitmap;     // bitmap node: the 5-bit indices present; 0: collision node
    uint32_t hash;       // collision node: its keys' common hash
    uint32_t n;          // pairs in items
    Value items[];       // 2n: key, value; key VAL_NULL: value is a child node
};

#define IS_COLLISION(nd) ((nd)->bitmap == 0)
#define CHILD(v) ((HamtNode *)AS_OBJ(v))

uint32_t hamt_key_hash(Value key) {
    if (IS_INT(key)) return (uint32_t)AS_INT(key);
    // A 64-bit finaliser (MurmurHash3's) over the address: all of its bits
    // reach the low 32, which the trie consumes from the bottom up.
    uint64_t x = (uint64_t)key >> 3;
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    x *= 0xc4ceb9fe1a85ec53ULL;
    x ^= x >> 33;
    return (uint32_t)x;
}

// The bit of [hash]'s index at level [shift]. A collision node's pair can
// transiently become a one-pair node at shift 35 (see without()), hence the
// 64-bit shift.
static uint32_t bit_at(uint32_t hash, unsigned shift) {
    return (uint32_t)1 << (((uint64_t)hash >> shift) & 31);
}

static uint32_t position(uint32_t bitmap, uint32_t bit) {
    return (uint32_t)__builtin_popcount(bitmap & (bit - 1));
}

// ---- the node type ----

static void node_trace(Vm *vm, Obj *o) {
    HamtNode *nd = (HamtNode *)o;
    for (uint32_t i = 0; i < 2 * nd->n; i++) gc_mark_value(vm, nd->items[i]);
}

static size_t node_size(const Obj *o) {
    return sizeof(HamtNode) + 2 * (size_t)((const HamtNode *)o)->n * sizeof(Value);
}

ObjType hamt_node_type = {
    .hdr = OBJ_STATIC_HEADER(&type_type),
    .name = "hamt_node",
    .module = "builtins",
    .basicsize = sizeof(HamtNode),
    .flags = TYPE_ABSTRACT_NEW,
    .base = &object_type,
    .trace = node_trace,
    .size = node_size,
};

static HamtNode *node_new(Vm *vm, uint32_t n, uint32_t bitmap) {
    HamtNode *nd = (HamtNode *)gc_alloc(vm, &hamt_node_type, sizeof(HamtNode) + 2 * (size_t)n * sizeof(Value));
    if (!nd) return NULL;
    nd->n = n;
    nd->bitmap = bitmap;
    return nd;
}

// A copy of [nd] with pair [i] set to ([k], [v]); [v] may be a new node, so
// it is rooted across the allocation.
static HamtNode *replaced(Vm *vm, HamtNode *nd, uint32_t i, Value k, Value v) {
    gc_push_root(vm, v);
    HamtNode *c = node_new(vm, nd->n, nd->bitmap);
    gc_pop_root(vm);
    if (!c) return NULL;
    c->hash = nd->hash;
    memcpy(c->items, nd->items, 2 * (size_t)nd->n * sizeof(Value));
    c->items[2 * i] = k;
    c->items[2 * i + 1] = v;
    return c;
}

// A copy of [nd] with ([k], [v]) inserted as pair [i] (the caller roots both).
static HamtNode *inserted(Vm *vm, HamtNode *nd, uint32_t i, uint32_t bitmap, Value k, Value v) {
    HamtNode *c = node_new(vm, nd->n + 1, bitmap);
    if (!c) return NULL;
    c->hash = nd->hash;
    memcpy(c->items, nd->items, 2 * (size_t)i * sizeof(Value));
    c->items[2 * i] = k;
    c->items[2 * i + 1] = v;
    memcpy(c->items + 2 * i + 2, nd->items + 2 * i, 2 * (size_t)(nd->n - i) * sizeof(Value));
    return c;
}

// A copy of [nd] without pair [i] (n >= 2).
static HamtNode *removed(Vm *vm, HamtNode *nd, uint32_t i, uint32_t bitmap) {
    HamtNode *c = node_new(vm, nd->n - 1, bitmap);
    if (!c) return NULL;
    c->hash = nd->hash;
    memcpy(c->items, nd->items, 2 * (size_t)i * sizeof(Value));
    memcpy(c->items + 2 * i, nd->items + 2 * i + 2, 2 * (size_t)(nd->n - i - 1) * sizeof(Value));
    return c;
}

// ---- lookup ----

bool hamt_get(const Hamt *h, Value key, Value *out) {
    uint32_t hash = hamt_key_hash(key);
    unsigned shift = 0;
    for (HamtNode *nd = h->root; nd;) {
        if (IS_COLLISION(nd)) {
            if (nd->hash != hash) return false;
            for (uint32_t i = 0; i < nd->n; i++)
                if (nd->items[2 * i] == key) {
                    *out = nd->items[2 * i + 1];
                    return true;
                }
            return false;
        }
        uint32_t bit = bit_at(hash, shift);
        if (!(nd->bitmap & bit)) return false;
        uint32_t i = position(nd->bitmap, bit);
        Value k = nd->items[2 * i], v = nd->items[2 * i + 1];
        if (!k) {
            nd = CHILD(v);
            shift += 5;
            continue;
        }
        if (k != key) return false;
        *out = v;
        return true;
    }
    return false;
}

// ---- insertion ----

// The node at level [shift] holding two pairs whose keys shared every index
// above it.
static HamtNode *pair(Vm *vm, unsigned shift, Value k1, uint32_t h1, Value v1, Value k2, uint32_t h2,
                      Value v2) {
    if (h1 == h2) {
        HamtNode *nd = node_new(vm, 2, 0);
        if (!nd) return NULL;
        nd->hash = h1;
        nd->items[0] = k1, nd->items[1] = v1, nd->items[2] = k2, nd->items[3] = v2;
        return nd;
    }
    // Distinct 32-bit hashes differ at some index by shift 30.
    assert(shift <= 30);
    uint32_t b1 = bit_at(h1, shift), b2 = bit_at(h2, shift);
    if (b1 == b2) {
        HamtNode *sub = pair(vm, shift + 5, k1, h1, v1, k2, h2, v2);
        if (!sub) return NULL;
        gc_push_root(vm, OBJ_VAL(sub));
        HamtNode *nd = node_new(vm, 1, b1);
        gc_pop_root(vm);
        if (!nd) return NULL;
        nd->items[1] = OBJ_VAL(sub);
        return nd;
    }
    HamtNode *nd = node_new(vm, 2, b1 | b2);
    if (!nd) return NULL;
    int first = b1 < b2 ? 0 : 2;
    nd->items[first] = k1, nd->items[first + 1] = v1;
    nd->items[2 - first] = k2, nd->items[3 - first] = v2;
    return nd;
}

// [nd] (at level [shift]) with [key] mapped to [val]: [nd] itself when that
// changes nothing, NULL on MemoryError. *added tells a new key from a
// replaced value.
static HamtNode *assoc(Vm *vm, HamtNode *nd, unsigned shift, uint32_t hash, Value key, Value val,
                       bool *added) {
    if (IS_COLLISION(nd)) {
        if (hash == nd->hash) {
            for (uint32_t i = 0; i < nd->n; i++)
                if (nd->items[2 * i] == key)
                    return nd->items[2 * i + 1] == val ? nd : replaced(vm, nd, i, key, val);
            *added = true;
            return inserted(vm, nd, nd->n, 0, key, val);
        }
        // Another hash reaches this collision node: put it under a bitmap
        // node at this level and insert there.
        HamtNode *w = node_new(vm, 1, bit_at(nd->hash, shift));
        if (!w) return NULL;
        w->items[1] = OBJ_VAL(nd);
        gc_push_root(vm, OBJ_VAL(w));
        HamtNode *r = assoc(vm, w, shift, hash, key, val, added);
        gc_pop_root(vm);
        return r;
    }
    assert(shift <= 30);
    uint32_t bit = bit_at(hash, shift), i = position(nd->bitmap, bit);
    if (!(nd->bitmap & bit)) {
        *added = true;
        return inserted(vm, nd, i, nd->bitmap | bit, key, val);
    }
    Value k = nd->items[2 * i], v = nd->items[2 * i + 1];
    if (!k) {
        HamtNode *child = CHILD(v), *nc = assoc(vm, child, shift + 5, hash, key, val, added);
        if (!nc) return NULL;
        return nc == child ? nd : replaced(vm, nd, i, VAL_NULL, OBJ_VAL(nc));
    }
    if (k == key) return v == val ? nd : replaced(vm, nd, i, key, val);
    HamtNode *sub = pair(vm, shift + 5, k, hamt_key_hash(k), v, key, hash, val);
    if (!sub) return NULL;
    *added = true;
    return replaced(vm, nd, i, VAL_NULL, OBJ_VAL(sub));
}

bool hamt_set(Vm *vm, const Hamt *h, Value key, Value val, Hamt *out) {
    uint32_t hash = hamt_key_hash(key);
    size_t count = h->count;
    if (!h->root) {
        HamtNode *nd = node_new(vm, 1, bit_at(hash, 0));
        if (!nd) return false;
        nd->items[0] = key;
        nd->items[1] = val;
        *out = (Hamt){nd, 1};
        return true;
    }
    bool added = false;
    HamtNode *r = assoc(vm, h->root, 0, hash, key, val, &added);
    if (!r) return false;
    *out = (Hamt){r, count + added};
    return true;
}

// ---- deletion ----

// [nd] without pair [i] at level [shift]: NULL in *out when it was the last.
static int drop(Vm *vm, HamtNode *nd, uint32_t i, uint32_t bit, HamtNode **out) {
    if (nd->n == 1) {
        *out = NULL;
        return 1;
    }
    *out = removed(vm, nd, i, nd->bitmap & ~bit);
    return *out ? 1 : -1;
}

// [nd] (at level [shift]) without [key]: 1 removed (*out the new node, NULL
// when empty), 0 absent, -1 MemoryError.
static int without(Vm *vm, HamtNode *nd, unsigned shift, uint32_t hash, Value key, HamtNode **out) {
    if (IS_COLLISION(nd)) {
        if (hash != nd->hash) return 0;
        uint32_t i = 0;
        while (i < nd->n && nd->items[2 * i] != key) i++;
        if (i == nd->n) return 0;
        if (nd->n > 2) {
            *out = removed(vm, nd, i, 0);
            return *out ? 1 : -1;
        }
        // One pair left: a one-pair bitmap node, which the parent pulls up
        // into itself (below the last level, at shift 35, it never stays).
        HamtNode *c = node_new(vm, 1, bit_at(hash, shift));
        if (!c) return -1;
        c->items[0] = nd->items[2 * (1 - i)];
        c->items[1] = nd->items[2 * (1 - i) + 1];
        *out = c;
        return 1;
    }
    uint32_t bit = bit_at(hash, shift), i = position(nd->bitmap, bit);
    if (!(nd->bitmap & bit)) return 0;
    Value k = nd->items[2 * i], v = nd->items[2 * i + 1];
    if (k) return k == key ? drop(vm, nd, i, bit, out) : 0;
    HamtNode *nc;
    int r = without(vm, CHILD(v), shift + 5, hash, key, &nc);
    if (r <= 0) return r;
    if (!nc) return drop(vm, nd, i, bit, out);
    gc_push_root(vm, OBJ_VAL(nc));
    // A child left with one pair gives it to this node, so the trie stays
    // as shallow as its keys require.
    if (!IS_COLLISION(nc) && nc->n == 1 && nc->items[0])
        *out = replaced(vm, nd, i, nc->items[0], nc->items[1]);
    else
        *out = replaced(vm, nd, i, VAL_NULL, OBJ_VAL(nc));
    gc_pop_root(vm);
    return *out ? 1 : -1;
}

int hamt_del(Vm *vm, const Hamt *h, Value key, Hamt *out) {
    if (!h->root) {
        *out = *h;
        return 0;
    }
    HamtNode *r;
    size_t count = h->count;
    int res = without(vm, h->root, 0, hamt_key_hash(key), key, &r);
    if (res == 0) *out = *h;
    if (res == 1) *out = (Hamt){r, count - 1};
    return res;
}

// ---- iteration and GC ----

void hamt_iter_init(HamtIter *it, const Hamt *h) {
    it->level = h->root ? 0 : -1;
    it->nodes[0] = h->root;
    it->pos[0] = 0;
}

bool hamt_iter_next(HamtIter *it, Value *key, Value *val) {
    while (it->level >= 0) {
        HamtNode *nd = it->nodes[it->level];
        uint32_t i = it->pos[it->level];
        if (i == nd->n) {
            it->level--;
            continue;
        }
        it->pos[it->level] = i + 1;
        Value k = nd->items[2 * i], v = nd->items[2 * i + 1];
        if (k) {
            *key = k;
            *val = v;
            return true;
        }
        assert(it->level + 1 < HAMT_MAX_DEPTH);
        it->level++;
        it->nodes[it->level] = CHILD(v);
        it->pos[it->level] = 0;
    }
    return false;
}

void hamt_mark(Vm *vm, const Hamt *h) {
    if (h->root) gc_mark_obj(vm, &h->root->hdr);
}
