// Huge-page memory: see hugemem.h.
#include "util/hugemem.h"

#include <stdint.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

void *huge_map(size_t bytes, size_t *mapped) {
    if (bytes > SIZE_MAX - 2 * HUGE_PAGE) return NULL;
    bytes = (bytes + HUGE_PAGE - 1) & ~(HUGE_PAGE - 1);
    // Over-map by one huge page so the block can start on a 2 MB boundary,
    // which THP needs; the unaligned ends are unmapped.
    size_t span = bytes + HUGE_PAGE;
    char *raw = mmap(NULL, span, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (raw == MAP_FAILED) return NULL;
    char *start = (char *)(((uintptr_t)raw + HUGE_PAGE - 1) & ~(uintptr_t)(HUGE_PAGE - 1));
    if (start > raw) munmap(raw, (size_t)(start - raw));
    size_t tail = (size_t)(raw + span - (start + bytes));
    if (tail) munmap(start + bytes, tail);
#ifdef MADV_HUGEPAGE
    madvise(start, bytes, MADV_HUGEPAGE);
#endif
    *mapped = bytes;
    return start;
}

void huge_unmap(void *p, size_t mapped) {
    if (p) munmap(p, mapped);
}

void huge_prefault(void *p, size_t n) {
#ifdef MADV_POPULATE_WRITE
    const uintptr_t page = 4096;
    uintptr_t start = (uintptr_t)p & ~(page - 1), end = ((uintptr_t)p + n + page - 1) & ~(page - 1);
    if (end > start) madvise((void *)start, end - start, MADV_POPULATE_WRITE);
#else
    (void)p;
    (void)n;
#endif
}

void heap_prefault(size_t bytes) {
    // The heap's next blocks come from above the first free one; sbrk(0) is
    // where the heap ends. Under a sanitizer malloc is not brk-based: the
    // probe then lies above sbrk(0) and nothing is done.
    char *probe = malloc(1);
    if (!probe) return;
    char *top = sbrk(0);
    if (top != (char *)-1 && top > probe)
        huge_prefault(probe, (size_t)(top - probe) < bytes ? (size_t)(top - probe) : bytes);
    free(probe);
}
