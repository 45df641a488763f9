// SHA-512 (FIPS 180-4): random.seed() turns a str/bytes seed into an int
// through it, as CPython's version-2 seeding does.
#ifndef UTIL_SHA512_H
#define UTIL_SHA512_H
#include <stddef.h>
#include <stdint.h>

#define SHA512_DIGEST_SIZE 64

// Writes the 64-byte digest of data[0..len) to [out].
void sha512(const void *data, size_t len, unsigned char out[SHA512_DIGEST_SIZE]);

#endif // UTIL_SHA512_H
