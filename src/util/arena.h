// Arena: bump allocation for data that dies all at once (the AST, token text
// decoded by the lexer). Chunks grow geometrically, so building N bytes of AST
// costs O(N) and freeing is one walk over the chunk list.
#ifndef UTIL_ARENA_H
#define UTIL_ARENA_H
#include <stddef.h>
#include <stdint.h>

typedef struct ArenaChunk ArenaChunk;

typedef struct Arena {
    ArenaChunk *head;     // newest chunk first
    char *ptr, *end;      // free space in the head chunk
    size_t total;         // bytes obtained from malloc, for limits and tests
} Arena;

void arena_init(Arena *a);
void arena_free(Arena *a);
// Empties [a] for reuse, keeping its memory as one chunk (several are
// replaced by one of their total size), so a loop that fills and resets
// an arena soon touches only the same, already mapped memory.
void arena_reset(Arena *a);
// Bytes handed out since the last init or reset (alignment padding and the
// unused ends of older chunks included).
size_t arena_used(const Arena *a);
// arena_alloc's slow path: a new chunk, then [size] (already rounded) bytes.
void *arena_alloc_chunk(Arena *a, size_t size);
// Returns [size] bytes aligned for any object, or NULL when malloc fails.
// Inline: the parser and the symbol table allocate a million small blocks
// for a 2 MB source, and the call cost more than the bump itself.
static inline void *arena_alloc(Arena *a, size_t size) {
    const size_t align = _Alignof(max_align_t);
    if (size > SIZE_MAX - align) return NULL;
    size = (size + align - 1) & ~(align - 1);
    if (size == 0) size = align;
    if ((size_t)(a->end - a->ptr) < size || a->ptr == NULL) return arena_alloc_chunk(a, size);
    void *p = a->ptr;
    a->ptr += size;
    return p;
}
// Zero-filled variant; NULL on failure or when [n] * [size] overflows.
void *arena_calloc(Arena *a, size_t n, size_t size);
// Copies [len] bytes and appends a NUL.
char *arena_strndup(Arena *a, const char *s, size_t len);

#endif // UTIL_ARENA_H
