// Superinstructions: see VM_SUPEROPS in opcodes.h for what they are and why
// rewriting only the first word keeps every offset valid.
#include "vm/superinstr.h"

#include "vm/opcodes.h"

// The opcodes that begin some pair, as a bitmap (opcodes are below 256):
// most words begin none, and one bit test rejects them before the pairs
// are compared. Built by OR-ing, so a first half shared by several pairs is
// simply set again.
#define FIRST_BIT(name, a, b, k) | (OP_##a / 64 == (k) ? (uint64_t)1 << (OP_##a % 64) : 0)
#define FIRST_BIT0(name, a, b) FIRST_BIT(name, a, b, 0)
#define FIRST_BIT1(name, a, b) FIRST_BIT(name, a, b, 1)
#define FIRST_BIT2(name, a, b) FIRST_BIT(name, a, b, 2)
#define FIRST_BIT3(name, a, b) FIRST_BIT(name, a, b, 3)
_Static_assert(OP_COUNT_ <= 256, "an opcode fits the bitmap (and a word's low byte)");
static const uint64_t first_ops[4] = {
    0 VM_SUPEROPS(FIRST_BIT0),
    0 VM_SUPEROPS(FIRST_BIT1),
    0 VM_SUPEROPS(FIRST_BIT2),
    0 VM_SUPEROPS(FIRST_BIT3),
};

static int fused(uint32_t first, uint32_t second) {
#define OP_FUSE(name, a, b) \
    if (first == OP_##a && second == OP_##b) return OP_##name;
    VM_SUPEROPS(OP_FUSE)
#undef OP_FUSE
    return -1;
}

void asm_fuse(uint32_t *words, uint32_t n) {
    // The second word is matched by its own opcode, so it never carries an
    // EXTENDED_ARG prefix (that prefix would be the word matched instead):
    // a fused handler may read the second operand straight from it.
    for (uint32_t i = 0; i + 1 < n; i++) {
        uint32_t first = INSTR_OP(words[i]);
        if (!(first_ops[first >> 6] >> (first & 63) & 1)) continue;
        int op = fused(first, INSTR_OP(words[i + 1]));
        if (op < 0) continue;
        words[i] = INSTR_MAKE(op, INSTR_ARG(words[i]));
        i++;
    }
}
