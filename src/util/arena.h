// Arena: bump allocation for data that dies all at once (the AST, token text
// decoded by the lexer). Chunks grow geometrically, so building N bytes of AST
// costs O(N) and freeing is one walk over the chunk list.
#ifndef UTIL_ARENA_H
#define UTIL_ARENA_H
#include <stddef.h>

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
// Returns [size] bytes aligned for any object, or NULL when malloc fails.
void *arena_alloc(Arena *a, size_t size);
// Zero-filled variant; NULL on failure or when [n] * [size] overflows.
void *arena_calloc(Arena *a, size_t n, size_t size);
// Copies [len] bytes and appends a NUL.
char *arena_strndup(Arena *a, const char *s, size_t len);

#endif // UTIL_ARENA_H
