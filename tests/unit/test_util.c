// Unit tests of src/util: the bump arena (small chunks from malloc, large
// ones mapped on huge-page boundaries), the growable buffer and UTF-8.
#include <criterion/criterion.h>
#include <stdint.h>
#include <string.h>

#include "lexer/nfkc.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/utf8.h"

Test(util, arena_allocations_are_aligned_and_distinct) {
    Arena a;
    arena_init(&a);
    char *prev = NULL;
    for (size_t i = 1; i < 2000; i++) {
        char *p = arena_alloc(&a, i % 37 + 1);
        cr_assert_not_null(p);
        cr_assert_eq((uintptr_t)p % _Alignof(max_align_t), 0);
        cr_assert_neq(p, prev);
        memset(p, 0xAB, i % 37 + 1);   // ASan: the whole block is ours
        prev = p;
    }
    arena_free(&a);
    cr_assert_eq(a.total, 0);
}

Test(util, arena_grows_into_huge_chunks_and_frees_them) {
    Arena a;
    arena_init(&a);
    // 48 MB in 1 MB blocks: the later chunks are past the 8 MB mmap threshold.
    char *blocks[48];
    for (int i = 0; i < 48; i++) {
        blocks[i] = arena_alloc(&a, 1 << 20);
        cr_assert_not_null(blocks[i]);
        memset(blocks[i], i, 1 << 20);
    }
    for (int i = 0; i < 48; i++) cr_assert_eq(blocks[i][(1 << 20) - 1], (char)i);
    cr_assert_geq(a.total, (size_t)48 << 20);
    // One allocation larger than everything so far gets a chunk of its own.
    char *big = arena_alloc(&a, (size_t)100 << 20);
    cr_assert_not_null(big);
    big[0] = 1;
    big[((size_t)100 << 20) - 1] = 2;
    arena_free(&a);
}

Test(util, arena_calloc_zeroes_and_rejects_overflow) {
    Arena a;
    arena_init(&a);
    int *v = arena_calloc(&a, 100, sizeof *v);
    cr_assert_not_null(v);
    for (int i = 0; i < 100; i++) cr_assert_eq(v[i], 0);
    cr_assert_null(arena_calloc(&a, SIZE_MAX / 2, 4));
    char *s = arena_strndup(&a, "hello world", 5);
    cr_assert_str_eq(s, "hello");
    arena_free(&a);
}

Test(util, buf_appends_and_formats) {
    Buf b;
    buf_init(&b);
    cr_assert(buf_puts(&b, "x="));
    cr_assert(buf_printf(&b, "%d", 42));
    cr_assert(buf_putc(&b, ' '));
    cr_assert(buf_put_utf8(&b, 0xE9));
    cr_assert(buf_put_utf8(&b, 0x1F600));
    cr_assert_eq(b.len, 2 + 2 + 1 + 2 + 4);
    cr_assert_eq(memcmp(b.data, "x=42 \xc3\xa9\xf0\x9f\x98\x80", b.len), 0);
    cr_assert_eq(b.data[b.len], '\0');
    size_t len;
    char *s = buf_steal(&b, &len);
    cr_assert_eq(len, 11);
    cr_assert_eq(b.len, 0);
    free(s);
    buf_free(&b);
}

Test(util, utf8_decodes_and_rejects_bad_sequences) {
    uint32_t cp;
    cr_assert_eq(utf8_decode((const unsigned char *)"\xc3\xa9", 2, &cp, false), 2);
    cr_assert_eq(cp, 0xE9);
    cr_assert_eq(utf8_decode((const unsigned char *)"\xf0\x9f\x98\x80", 4, &cp, false), 4);
    cr_assert_eq(cp, 0x1F600);
    cr_assert_eq(utf8_decode((const unsigned char *)"\xc0\x80", 2, &cp, false), 0);   // overlong
    cr_assert_eq(utf8_decode((const unsigned char *)"\xed\xa0\x80", 3, &cp, false), 0); // surrogate
    cr_assert_eq(utf8_decode((const unsigned char *)"\xed\xa0\x80", 3, &cp, true), 3);
    cr_assert_eq(utf8_decode((const unsigned char *)"\xf4\x90\x80\x80", 4, &cp, false), 0);
    cr_assert_eq(utf8_decode((const unsigned char *)"\xe2\x82", 2, &cp, false), 0);  // truncated
    cr_assert_eq(utf8_validate((const unsigned char *)"ab\xc3\xa9\xff", 5), 4);
    cr_assert_eq(utf8_count("a\xc3\xa9\xf0\x9f\x98\x80", 7), 3);
}

// utf8_count takes eight bytes at a time: sequences that straddle a word,
// pure-ASCII words and the byte-wise tail must all count the same.
Test(util, utf8_count_across_words) {
    const char *s = "abcdefg\xc3\xa9hijklm\xe2\x82\xacnop\xf0\x9f\x98\x80qrstuvwxyz0123456789";
    size_t n = strlen(s), slow = 0;
    for (size_t i = 0; i < n; i++) slow += ((unsigned char)s[i] & 0xC0) != 0x80;
    cr_assert_eq(utf8_count(s, n), slow);
    cr_assert_eq(utf8_count(s, 8), 8);      // the word ends inside é
    cr_assert_eq(utf8_count(s, 9), 8);
    cr_assert_eq(utf8_count("0123456789abcdef", 16), 16);
    cr_assert_eq(utf8_count("\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9", 8), 4);
}

// NFKC of identifiers (src/lexer/nfkc.c); the expected forms are CPython's
// unicodedata.normalize('NFKC', ...).
static void expect_nfkc(const char *in, const char *want) {
    Buf b;
    buf_init(&b);
    cr_assert(lx_nfkc(in, strlen(in), &b));
    cr_assert_eq(b.len, strlen(want), "NFKC(%s): length %zu", in, b.len);
    cr_assert_eq(memcmp(b.data, want, b.len), 0, "NFKC(%s)", in);
    buf_free(&b);
}

Test(util, nfkc_matches_cpython) {
    expect_nfkc("\xef\xac\x81", "fi");                       // U+FB01 ligature
    expect_nfkc("\xe2\x84\x8c", "H");                        // U+210C
    expect_nfkc("e\xcc\x81", "\xc3\xa9");                    // e + U+0301 -> U+00E9
    expect_nfkc("\xe1\x84\x92\xe1\x85\xa1\xe1\x86\xab", "\xed\x95\x9c");  // jamo -> U+D55C
    expect_nfkc("\xe1\xba\x9b\xcc\xa3", "\xe1\xb9\xa9");     // U+1E9B U+0323 -> U+1E69
    expect_nfkc("a\xcc\xa3\xcc\x87", "\xe1\xba\xa1\xcc\x87"); // marks reordered, then composed
    expect_nfkc("\xc2\xb5", "\xce\xbc");                     // MICRO SIGN -> mu
    expect_nfkc("\xea\xb0\x80", "\xea\xb0\x80");             // precomposed Hangul stays
}

Test(util, arena_reset_reuses_the_newest_chunk) {
    Arena a;
    arena_init(&a);
    cr_assert_eq(arena_used(&a), 0);
    arena_reset(&a);   // an empty arena stays empty
    cr_assert_eq(a.total, 0);
    for (int i = 0; i < 1000; i++) cr_assert_not_null(arena_alloc(&a, 1000));
    cr_assert_geq(arena_used(&a), (size_t)1000 * 1000);
    arena_reset(&a);
    cr_assert_eq(arena_used(&a), 0);
    // The chunks became one of their total size, rewound to its start.
    size_t kept = a.total;
    cr_assert_geq(kept, (size_t)1000 * 1000);
    char *start = a.ptr;
    char *p = arena_alloc(&a, 16);
    cr_assert_eq(p, start);
    memset(p, 1, 16);
    cr_assert_eq(a.total, kept);
    cr_assert_eq(arena_used(&a), 16);
    // Filling it again takes no new chunk.
    arena_reset(&a);
    for (int i = 0; i < 1000; i++) cr_assert_not_null(arena_alloc(&a, 1000));
    cr_assert_eq(a.total, kept);
    arena_free(&a);
}
