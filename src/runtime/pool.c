// Small-block pools (see pool.h).
#include "runtime/pool.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/hugemem.h"

#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/asan_interface.h>
#define POISON(p, n) ASAN_POISON_MEMORY_REGION((p), (n))
#define UNPOISON(p, n) ASAN_UNPOISON_MEMORY_REGION((p), (n))
#else
#define POISON(p, n) ((void)(p), (void)(n))
#define UNPOISON(p, n) ((void)(p), (void)(n))
#endif

#define CHUNK_BYTES ((size_t)256 << 10)
// A pool that already holds this much is a big program's (a compiled 10 MB
// module is 30 MB of small objects): its further chunks are huge-page
// memory, which takes a page fault per 2 MB instead of per 4 KB. A small
// program never gets there, so its footprint stays in 4 KB pages.
#define HUGE_AFTER ((size_t)8 << 20)
#define HUGE_CHUNK_BYTES ((size_t)4 << 20)
// A chunk of 4 KB pages is populated this much at a time, just ahead of the
// carving: blocks are carved in address order, so those pages are about to be
// written anyway, and one madvise for eight pages beats eight page faults
// (on a virtual machine a fault costs ~10 us, populating a page ~1.5 us).
// An empty script carves ~30 KB at start-up: 8 faults became 1 call.
#define POPULATE_STEP ((size_t)32 << 10)

// A chunk starts with this header (16 bytes, so blocks stay 16-byte aligned).
typedef struct Chunk {
    struct Chunk *next;
    size_t mapped;             // huge_map'd bytes, or 0: malloc'd CHUNK_BYTES
} Chunk;

// Debug builds put a header before every block, pooled or not, with the size
// it was allocated with: releasing it with another size is a bug that would
// hand the block out again in the wrong class.
#ifndef NDEBUG
#define HDR 16
#else
#define HDR 0
#endif

static size_t class_of(size_t size) { return ((size ? size : 1) + 15) >> 4; }
static bool pooled(size_t size) { return size <= POOL_MAX; }

#ifndef NDEBUG
static void *stamp(void *raw, size_t size) {
    *(size_t *)raw = size;
    return (char *)raw + HDR;
}
static void *check(void *block, size_t size) {
    char *raw = (char *)block - HDR;
    size_t had = *(size_t *)raw;
    if (pooled(had) != pooled(size) || (pooled(size) && class_of(had) != class_of(size))) {
        fprintf(stderr, "aiopy: block of %zu bytes released as %zu bytes\n", had, size);
        abort();
    }
    return raw;
}
#else
static void *stamp(void *raw, size_t size) { (void)size; return raw; }
static void *check(void *block, size_t size) { (void)size; return block; }
#endif

static void *carve(Pool *p, size_t bytes) {
    if ((size_t)(p->end - p->cur) < bytes) {
        size_t mapped = 0, size = CHUNK_BYTES;
        Chunk *chunk = NULL;
        if (p->chunk_bytes >= HUGE_AFTER && (chunk = huge_map(HUGE_CHUNK_BYTES, &mapped)))
            size = mapped;
        if (!chunk && !(chunk = malloc(CHUNK_BYTES))) return NULL;
        chunk->next = p->chunks;
        chunk->mapped = mapped;
        p->chunks = chunk;
        p->chunk_bytes += size;
        p->cur = (char *)(chunk + 1);
        p->end = (char *)chunk + size;
        p->populated = mapped ? p->end : (char *)chunk;
        POISON(p->cur, (size_t)(p->end - p->cur));
    }
    if (p->cur + bytes > p->populated) {
        size_t step = (size_t)(p->end - p->populated) < POPULATE_STEP ? (size_t)(p->end - p->populated)
                                                                       : POPULATE_STEP;
        huge_prefault(p->populated, step);
        p->populated += step;
    }
    void *b = p->cur;
    p->cur += bytes;
    return b;
}

void *pool_alloc(Pool *p, size_t size) {
    if (!pooled(size)) {
        void *raw = malloc(size + HDR);
        return raw ? stamp(raw, size) : NULL;
    }
    size_t cls = class_of(size), bytes = cls * 16 + HDR;
    void *raw = p->free[cls];
    if (raw) {
        UNPOISON(raw, bytes);
        p->free[cls] = *(void **)raw;
    } else {
        raw = carve(p, bytes);
        if (!raw) return NULL;
        UNPOISON(raw, bytes);
    }
    return stamp(raw, size);
}

void pool_free(Pool *p, void *block, size_t size) {
    if (!block) return;
    void *raw = check(block, size);
    if (!pooled(size)) {
        free(raw);
        return;
    }
    size_t cls = class_of(size);
    *(void **)raw = p->free[cls];
    p->free[cls] = raw;
    POISON((char *)raw + sizeof(void *), cls * 16 + HDR - sizeof(void *));
}

void *pool_resize(Pool *p, void *block, size_t old_size, size_t new_size) {
    if (!block) return pool_alloc(p, new_size);
    if (!pooled(old_size) && !pooled(new_size)) {
        void *raw = realloc(check(block, old_size), new_size + HDR);
        return raw ? stamp(raw, new_size) : NULL;
    }
    if (pooled(old_size) && pooled(new_size) && class_of(old_size) == class_of(new_size)) {
        check(block, old_size);
        return stamp((char *)block - HDR, new_size);
    }
    void *n = pool_alloc(p, new_size);
    if (!n) return NULL;
    memcpy(n, block, old_size < new_size ? old_size : new_size);
    pool_free(p, block, old_size);
    return n;
}

void pool_destroy(Pool *p) {
    for (Chunk *c = p->chunks, *next; c; c = next) {
        UNPOISON(c, c->mapped ? c->mapped : CHUNK_BYTES);
        next = c->next;
        if (c->mapped) huge_unmap(c, c->mapped);
        else free(c);
    }
    memset(p, 0, sizeof *p);
}
