// FNV-1a (32-bit): the identifier hash of the front end. The parser stores it
// in AstIdent.hash and the symbol table uses that value as its key hash, so
// both must hash through this one definition.
#ifndef UTIL_FNV_H
#define UTIL_FNV_H
#include <stddef.h>
#include <stdint.h>

#define FNV32_SEED 2166136261u

static inline uint32_t fnv32_byte(uint32_t h, unsigned char b) { return (h ^ b) * 16777619u; }

// Continues hash [h] over [s, s + n); fnv32(FNV32_SEED, s, n) hashes s alone.
static inline uint32_t fnv32(uint32_t h, const char *s, size_t n) {
    for (size_t i = 0; i < n; i++) h = fnv32_byte(h, (unsigned char)s[i]);
    return h;
}

#endif // UTIL_FNV_H
