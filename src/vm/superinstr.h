// Superinstructions (opcodes.h, VM_SUPEROPS): the pass that fuses adjacent
// instruction pairs of assembled bytecode.
#ifndef VM_SUPERINSTR_H
#define VM_SUPERINSTR_H

#include <stdint.h>

// Rewrites, in place, the first word of every fusable pair of [words, n).
// Pairs do not overlap: in a run of three loads, the third starts a new pair.
void asm_fuse(uint32_t *words, uint32_t n);

#endif // VM_SUPERINSTR_H
