// Small-block pools under the allocation choke point (gc.c's rt_realloc):
// blocks up to POOL_MAX bytes come from per-size-class free lists carved out
// of big chunks, so the short-lived objects a coroutine or an exception makes
// cost a list pop and push instead of malloc and free. Larger blocks go to
// malloc. Every block is released with the size it was allocated with (the
// choke point passes it); debug builds record the size in a header and abort
// on a mismatch, and AddressSanitizer builds poison free blocks.
//
// Chunks are never returned to the system before pool_destroy: a size class
// keeps the memory it once needed, as CPython's small-object allocator keeps
// its arenas while any block in them lives.
#ifndef RUNTIME_POOL_H
#define RUNTIME_POOL_H
#include <stddef.h>

// 2048 rather than CPython's 512: most code objects (header and arrays in
// one block, 550 bytes on average) then come from the pool, whose big
// chunks are huge pages, instead of malloc's 4 KB pages (--check of 10 MB:
// 17,000 page faults -> 12,500). The classes stay 16 bytes apart.
#define POOL_MAX 2048
#define POOL_NCLASS (POOL_MAX / 16 + 1)

typedef struct Pool {
    void *free[POOL_NCLASS];   // per size class (16-byte steps): free blocks
    char *cur, *end;           // the chunk being carved
    char *populated;           // its pages below this are mapped in
    struct Chunk *chunks;      // every chunk, linked through its first word
    size_t chunk_bytes;        // their total size
} Pool;

// A block of [size] bytes (16-byte aligned), or NULL when out of memory.
void *pool_alloc(Pool *p, size_t size);
// Releases a block of pool_alloc's [size].
void pool_free(Pool *p, void *block, size_t size);
// A block of [new_size] holding the first bytes of [block] (of [old_size]);
// NULL when out of memory (the old block is then untouched).
void *pool_resize(Pool *p, void *block, size_t old_size, size_t new_size);
// Releases every chunk (the Vm is being freed).
void pool_destroy(Pool *p);

#endif // RUNTIME_POOL_H
