// Arena allocator: see arena.h.
#include "util/arena.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct ArenaChunk {
    ArenaChunk *next;
    max_align_t data[];   // aligned start of the payload
};

enum { ARENA_MIN_CHUNK = 64 * 1024 };

void arena_init(Arena *a) {
    a->head = NULL;
    a->ptr = a->end = NULL;
    a->total = 0;
}

void arena_free(Arena *a) {
    ArenaChunk *c = a->head;
    while (c) {
        ArenaChunk *next = c->next;
        free(c);
        c = next;
    }
    arena_init(a);
}

void *arena_alloc(Arena *a, size_t size) {
    const size_t align = _Alignof(max_align_t);
    if (size > SIZE_MAX - align) return NULL;
    size = (size + align - 1) & ~(align - 1);
    if (size == 0) size = align;
    if ((size_t)(a->end - a->ptr) < size || a->ptr == NULL) {
        // Grow geometrically so a large AST needs O(log n) chunks.
        size_t want = a->total < ARENA_MIN_CHUNK ? ARENA_MIN_CHUNK : a->total;
        if (want < size) want = size;
        if (want > SIZE_MAX - sizeof(ArenaChunk)) return NULL;
        ArenaChunk *c = malloc(sizeof(ArenaChunk) + want);
        if (!c) return NULL;
        c->next = a->head;
        a->head = c;
        a->ptr = (char *)c->data;
        a->end = a->ptr + want;
        a->total += want;
    }
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
