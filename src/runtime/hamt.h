// hamt: a persistent map from identity keys to Values, the storage of
// contextvars' Context (runtime/context.c). A Hamt value never changes:
// hamt_set and hamt_del give a new map that shares every untouched node with
// the old one, so copying a map is copying its two words.
//
// Why a hash array mapped trie (as CPython's Python/hamt.c) rather than a
// copy-on-write array: asyncio copies the current Context for every task and
// callback it schedules (10^4 per second and more), so copies must be O(1);
// a set then copies only the path to its key, at most 8 nodes of at most 32
// entries, so n sets cost O(n log32 n) even in a context holding thousands of
// variables, where a copy-on-write array costs O(n^2). Contexts are usually
// tiny: then the map is one node, a get is one bit test and one compare, and
// a set copies that one node, as an array would.
//
// Layout: each level consumes 5 bits of the key's 32-bit hash. A bitmap node
// holds, for each present 5-bit index, either a key/value pair or a child
// node; keys whose whole hashes are equal share a collision node (a plain
// list of pairs). Nodes are GC objects (not visible to Python), so sharing
// needs no reference counts: a map is alive while its root is reachable.
//
// Keys compare by identity: contextvars' keys are ContextVars, whose
// equality is identity. Small ints hash to their low 32 bits (the unit tests
// use that to build collisions); objects to a mix of their address, which
// never changes since objects never move.
#ifndef RUNTIME_HAMT_H
#define RUNTIME_HAMT_H
#include "runtime/object.h"

typedef struct HamtNode HamtNode;

// A map: [root] NULL when empty. Holding a Hamt in an object means marking
// its root (hamt_mark) from the object's trace slot.
typedef struct Hamt {
    HamtNode *root;
    size_t count;
} Hamt;

// Seven bitmap levels (shifts 0, 5, ... 30) and a collision node below.
#define HAMT_MAX_DEPTH 8

// In-order walk of a map. The map must stay alive (its root reachable) for
// as long as the walk goes on; it cannot change, being immutable.
typedef struct HamtIter {
    HamtNode *nodes[HAMT_MAX_DEPTH];
    uint32_t pos[HAMT_MAX_DEPTH];
    int level;           // -1: finished
} HamtIter;

uint32_t hamt_key_hash(Value key);

// Lookup: true with *out set when [key] is present. Never allocates.
bool hamt_get(const Hamt *h, Value key, Value *out);
// [*out] = [h] with [key] mapped to [val]; false on MemoryError. [key] and
// [val] must be kept reachable by the caller, as must [h]'s root.
bool hamt_set(Vm *vm, const Hamt *h, Value key, Value val, Hamt *out);
// [*out] = [h] without [key]: 1 removed, 0 absent (*out = *h), -1 MemoryError.
int hamt_del(Vm *vm, const Hamt *h, Value key, Hamt *out);

void hamt_iter_init(HamtIter *it, const Hamt *h);
// The next pair; false at the end.
bool hamt_iter_next(HamtIter *it, Value *key, Value *val);

// Keeps the map's nodes (and so its keys and values) alive.
void hamt_mark(Vm *vm, const Hamt *h);

extern ObjType hamt_node_type;

#endif // RUNTIME_HAMT_H
