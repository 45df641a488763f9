// Huge-page memory: big blocks mapped on a 2 MB boundary and advised to use
// transparent huge pages. On this kind of machine a page fault costs several
// microseconds, and a program that touches 100 MB page by page pays 25,000 of
// them; in 2 MB pages it pays fifty. Only for memory that is known to be
// filled: a huge page is resident as a whole once touched. The kernel falls
// back to small pages where THP is unavailable.
#ifndef UTIL_HUGEMEM_H
#define UTIL_HUGEMEM_H
#include <stddef.h>

#define HUGE_PAGE ((size_t)2 << 20)

// At least [bytes] (rounded up to whole huge pages, stored in [*mapped]),
// zero-filled, 2 MB-aligned; NULL when the mapping fails.
void *huge_map(size_t bytes, size_t *mapped);
// Releases a block of huge_map's [mapped] bytes.
void huge_unmap(void *p, size_t mapped);
// Maps in every page that [p, p + n) touches with one system call (Linux
// 5.14's MADV_POPULATE_WRITE; elsewhere nothing), for memory about to be
// written: a 10 MB read would otherwise fault 2,500 times. The range must lie
// in one writable mapping; a failure only leaves the pages to fault later.
void huge_prefault(void *p, size_t n);
// Maps in up to [bytes] of the malloc heap above its first free block, as
// far as the heap reaches: for a program's start-up, whose first mallocs
// write a page here and a page there (block headers, the first entries of
// big tables) and would take a fault for each.
void heap_prefault(size_t bytes);

#endif // UTIL_HUGEMEM_H
