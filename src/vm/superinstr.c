// Superinstructions: see VM_SUPEROPS in opcodes.h for what they are and why
// rewriting only the first word keeps every offset valid.
#include "vm/superinstr.h"

#include "vm/opcodes.h"

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
        int op = fused(INSTR_OP(words[i]), INSTR_OP(words[i + 1]));
        if (op < 0) continue;
        words[i] = INSTR_MAKE(op, INSTR_ARG(words[i]));
        i++;
    }
}
