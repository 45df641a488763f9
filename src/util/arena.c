// Arena allocator: see arena.h.
#include "util/arena.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/hugemem.h"

struct ArenaChunk {
    ArenaChunk *next;
    size_t mapped;        // bytes of a chunk from mmap, 0 for malloc
    size_t payload;       // usable bytes after the header
    max_align_t data[];   // aligned start of the payload
};

// Chunks of at least HUGE_CHUNK bytes are huge-page memory (hugemem.h): a
// 10 MB source builds well over 100 MB of AST, and touching it 4 KB page by
// page was a quarter of `--check`'s time (page faults). The first chunk is
// small: a short script's arenas then share malloc's first pages instead of
// each touching a page of its own (and malloc's header after it), which was
// six of an empty script's page faults; geometric growth keeps a large AST
// to a few more chunks.
enum { ARENA_MIN_CHUNK = 4096 - 64, HUGE_CHUNK = 2 * 1024 * 1024 };

static ArenaChunk *chunk_new(size_t payload) {
    size_t bytes = sizeof(ArenaChunk) + payload;
    if (bytes >= HUGE_CHUNK) {
        size_t mapped;
        ArenaChunk *c = huge_map(bytes, &mapped);
        if (c) c->mapped = mapped;
        return c;
    }
    ArenaChunk *c = malloc(bytes);
    if (c) c->mapped = 0;
    return c;
}

void arena_init(Arena *a) {
    a->head = NULL;
    a->ptr = a->end = NULL;
    a->total = 0;
}

void arena_free(Arena *a) {
    ArenaChunk *c = a->head;
    while (c) {
        ArenaChunk *next = c->next;
        if (c->mapped) huge_unmap(c, c->mapped);
        else free(c);
        c = next;
    }
    arena_init(a);
}

void arena_reset(Arena *a) {
    ArenaChunk *keep = a->head;
    if (!keep) return;
    if (keep->next) {
        // Several chunks: trade them for one as large as all of them, so
        // the next fill of the same size needs no new memory at all.
        size_t want = a->total;
        arena_free(a);
        keep = chunk_new(want);
        if (!keep) return;   // an empty arena is a valid reset one
        keep->payload = want;
        keep->next = NULL;
        a->head = keep;
    }
    a->ptr = (char *)keep->data;
    a->end = a->ptr + keep->payload;
    a->total = keep->payload;
}

size_t arena_used(const Arena *a) { return a->head ? a->total - (size_t)(a->end - a->ptr) : 0; }

void *arena_alloc_chunk(Arena *a, size_t size) {
    // Grow geometrically so a large AST needs O(log n) chunks.
    size_t want = a->total < ARENA_MIN_CHUNK ? ARENA_MIN_CHUNK : a->total;
    if (want < size) want = size;
    if (want > SIZE_MAX - sizeof(ArenaChunk)) return NULL;
    ArenaChunk *c = chunk_new(want);
    if (!c) return NULL;
    c->payload = want;
    c->next = a->head;
    a->head = c;
    a->ptr = (char *)c->data;
    a->end = a->ptr + want;
    a->total += want;
    void *p = a->ptr;
    a->ptr += size;
    return p;
}

void *arena_calloc(Arena *a, size_t n, size_t size) {
    if (size != 0 && n > SIZE_MAX / size) return NULL;
    void *p = arena_alloc(a, n * size);
    if (p) memset(p, 0, n * size);
    return p;
}

char *arena_strndup(Arena *a, const char *s, size_t len) {
    if (len == SIZE_MAX) return NULL;
    char *p = arena_alloc(a, len + 1);
    if (!p) return NULL;
    if (len) memcpy(p, s, len);
    p[len] = '\0';
    return p;
}
