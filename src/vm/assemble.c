// The assembler: turns a unit's instruction list (compile_int.h) into the
// arrays of a code object.
//   1. Stack depth analysis over the control-flow graph, driven by the
//      effects in opcodes.h; it also measures each handler's depth at its
//      SETUP_HANDLER pseudo-instruction and gives the frame size (stacksize).
//   2. Widths: an operand above 24 bits takes one EXTENDED_ARG word. Jump
//      operands are word offsets, so their widths are iterated to a fixpoint
//      (sizes only grow, so it terminates).
//   3. The position table (code.h: runs of words with the same span) and
//      the exception table (consecutive words with the same handler become
//      one entry).
//   4. Superinstructions: adjacent pairs fused in place (superinstr.c).
// Everything is linear in the number of instructions, so 70,000 constants
// or a 40,000-statement block assemble in one pass each.
#include <stdlib.h>
#include <string.h>

#include "runtime/exc.h"
#include "runtime/gc.h"
#include "vm/compile_int.h"
#include "vm/superinstr.h"

// The stack effect, forced inline: the depth walk below then gets the
// switch (a jump table) without a call per instruction, which GCC would
// otherwise not inline for the switch's size.
__attribute__((always_inline)) static inline int stack_effect(int op, uint32_t a, bool jump) {
    switch (op) {
#define OP_EFF(name, kind, eff, jeff) \
    case OP_##name: return jump ? (jeff) : (eff);
        VM_OPCODES(OP_EFF)
#undef OP_EFF
    default: return 0;
    }
}

int asm_stack_effect(int op, uint32_t a, bool jump) { return stack_effect(op, a, jump); }

// What the passes below ask about every instruction (each pass sees all of
// them), answered by one load from a table built from opcodes.h instead of
// a switch or a chain of compares per question.
enum {
    AF_JUMP = 1,        // operand is a label (OPK_JUMP)
    AF_TERMINAL = 2,    // control never falls through to the next instruction
    AF_PSEUDO = 4,      // SETUP_HANDLER, LABEL_: assembled to no word
    AF_CACHE = 8,       // operand becomes an inline cache's number (OPK_CACHE)
};

#define AF_IS(name, op) (OP_##name == OP_##op)
#define OP_AF(name, kind, eff, jeff)                                                         \
    [OP_##name] = (uint8_t)(((kind) == OPK_JUMP ? AF_JUMP : 0) |                             \
                            ((kind) == OPK_CACHE ? AF_CACHE : 0) |                           \
                            (AF_IS(name, JUMP) || AF_IS(name, JUMP_BACKWARD) ||              \
                                     AF_IS(name, RETURN_VALUE) || AF_IS(name, RAISE_VARARGS) || \
                                     AF_IS(name, RERAISE)                                    \
                                 ? AF_TERMINAL                                               \
                                 : 0) |                                                      \
                            (AF_IS(name, SETUP_HANDLER) || AF_IS(name, LABEL_) ? AF_PSEUDO : 0)),
static const uint8_t asm_flags[OP_COUNT_] = {VM_OPCODES(OP_AF)};
#undef OP_AF
#undef AF_IS

typedef struct Work {
    uint32_t *stack;
    uint32_t n;
    int32_t *depth;
    bool bad;
} Work;

static void propagate(Work *w, uint32_t i, int32_t d) {
    if (w->depth[i] < 0) {
        w->depth[i] = d;
        w->stack[w->n++] = i;
    } else if (w->depth[i] != d) {
        w->bad = true;
    }
}

// Returns the maximum depth, or -1 on inconsistent code (a compiler bug).
static int32_t stack_depths(CgUnit *u, int32_t *depth, uint32_t *stack) {
    Work w = {stack, 0, depth, false};
    uint32_t n = u->ncode;
    const CgInstr *code = u->code;
    for (uint32_t i = 0; i <= n; i++) depth[i] = -1;
    int32_t max = 0;
    propagate(&w, 0, 0);
    while (w.n) {
        uint32_t i = w.stack[--w.n];
        int32_t d = depth[i];
        for (;;) {
            if (i >= n) break;
            const CgInstr *in = &code[i];
            unsigned f = asm_flags[in->op];
            if (f & (AF_JUMP | AF_PSEUDO)) {
                if (in->op == OP_SETUP_HANDLER) {
                    CgHandler *h = &u->handlers[in->arg];
                    h->depth = d + h->adjust;
                    if (h->depth + 1 > max) max = h->depth + 1;
                    propagate(&w, (uint32_t)u->labels[h->label], h->depth + 1);
                } else if (f & AF_JUMP) {
                    int32_t td = d + stack_effect(in->op, in->arg, true);
                    if (td < 0) return -1;
                    if (td > max) max = td;
                    propagate(&w, (uint32_t)u->labels[in->arg], td);
                }
            }
            int32_t nd = d + stack_effect(in->op, in->arg, false);
            if (nd < 0) return -1;
            if (nd > max) max = nd;
            if (f & AF_TERMINAL) break;
            i++;
            if (depth[i] >= 0) {
                if (depth[i] != nd) return -1;
                break;
            }
            depth[i] = nd;
            d = nd;
        }
        if (w.bad) return -1;
    }
    return max;
}

static bool same_loc(const CodeLoc *a, const CgLoc *b) {
    return a->line == b->line && a->end_line == b->end_line && a->col == b->col &&
           a->end_col == b->end_col;
}

// Room for one more position entry in the scratch table.
static bool lt_reserve(AsmScratch *s, size_t used) {
    if (s->ltcap - used >= CODE_LOC_MAX_BYTES) return true;
    size_t cap = s->ltcap ? s->ltcap * 2 : 1024;
    uint8_t *lt = realloc(s->lt, cap);
    if (!lt) return false;
    s->lt = lt;
    s->ltcap = cap;
    return true;
}

// The position table (encoded once, into the scratch: asm_write copies it)
// and the number of exception-table entries, once the offsets are final.
static bool tables(CgUnit *u, AsmScratch *s, AsmPlan *p) {
    const uint32_t *offset = p->offset;
    const uint8_t *size = p->size;
    size_t used = 0;
    CodeLoc prev = {0}, cur = {0};
    bool have_prev = false, open = false;
    uint32_t nexcs = 0, prev_end = 0;
    int32_t prevh = -1;
    for (uint32_t i = 0; i < u->ncode; i++) {
        if (!size[i]) continue;
        const CgInstr *in = &u->code[i];
        uint32_t o = offset[i];
        if (!open || !same_loc(&cur, &in->loc)) {
            if (open) {
                if (!lt_reserve(s, used)) return false;
                used += code_loc_put(s->lt + used, have_prev ? &prev : NULL, o - cur.start, &cur);
                prev = cur;
                have_prev = true;
            }
            cur = (CodeLoc){o, in->loc.line, in->loc.end_line, in->loc.col, in->loc.end_col};
            open = true;
        }
        int32_t h = in->handler >= 0 && u->handlers[in->handler].depth >= 0 ? in->handler : -1;
        if (h >= 0 && !(h == prevh && prev_end == o)) nexcs++;
        prevh = h;
        prev_end = o + size[i];
    }
    // An empty code is one NOP word without a position.
    uint32_t end = open ? offset[u->ncode] : 1;
    if (!open) cur = (CodeLoc){0, 0, 0, -1, -1};
    if (!lt_reserve(s, used)) return false;
    used += code_loc_put(s->lt + used, have_prev ? &prev : NULL, end - cur.start, &cur);
    p->nlinetable = used;
    p->nexcs = nexcs;
    return true;
}

// The operand an instruction is assembled with: a cached instruction's is
// its cache's number (counted by [ncaches]), its name index goes to
// [cache_names] when that is given.
static uint32_t operand(const CgInstr *in, uint32_t *ncaches, uint32_t *cache_names) {
    if (!(asm_flags[in->op] & AF_CACHE)) return in->arg;
    if (cache_names) cache_names[*ncaches] = in->arg;
    return (*ncaches)++;
}

bool asm_plan(Vm *vm, CgUnit *u, AsmScratch *s, AsmPlan *p) {
    uint32_t n = u->ncode;
    // One block for the four per-instruction arrays (n + 1 entries each).
    size_t m = (size_t)n + 1, need = m * (sizeof(int32_t) + 2 * sizeof(uint32_t) + 1);
    if (need > s->cap) {
        free(s->block);
        s->cap = 0;
        if (!(s->block = malloc(need))) return rt_raise_nomem(vm);
        s->cap = need;
    }
    *p = (AsmPlan){0};
    int32_t *depth = (int32_t *)s->block;
    uint32_t *work = (uint32_t *)(depth + m);
    uint32_t *offset = p->offset = work + m;
    uint8_t *size = p->size = (uint8_t *)(offset + m);
    int32_t max = stack_depths(u, depth, work);
    if (max < 0) return rt_raise(vm, &SystemError_type, "compiler produced inconsistent stack depths");
    p->stacksize = (uint32_t)max + 1;
    // Widths and offsets. A jump needs EXTENDED_ARG only for a target past
    // 24 bits, which only code that long can have: then the jump widths are
    // iterated to a fixpoint.
    uint32_t off = 0, ncaches = 0;
    for (uint32_t i = 0; i < n; i++) {
        CgInstr *in = &u->code[i];
        unsigned f = asm_flags[in->op];
        size[i] = f & AF_PSEUDO                                                  ? 0
                  : !(f & AF_JUMP) && operand(in, &ncaches, NULL) >> INSTR_ARG_BITS ? 2
                                                                                 : 1;
        offset[i] = off;
        off += size[i];
    }
    offset[n] = off;
    for (bool changed = off >> INSTR_ARG_BITS; changed;) {
        changed = false;
        for (uint32_t i = 0; i < n; i++) {
            CgInstr *in = &u->code[i];
            if (!(asm_flags[in->op] & AF_JUMP)) continue;
            uint32_t t = offset[u->labels[in->arg]];
            if ((t >> INSTR_ARG_BITS) && size[i] == 1) {
                size[i] = 2;
                changed = true;
            }
        }
        if (!changed) break;
        off = 0;
        for (uint32_t i = 0; i < n; i++) {
            offset[i] = off;
            off += size[i];
        }
        offset[n] = off;
    }
    p->empty = offset[n] == 0;
    p->nwords = p->empty ? 1 : offset[n];
    p->ncaches = ncaches;
    p->linetable = NULL;
    if (!tables(u, s, p)) return rt_raise_nomem(vm);
    p->linetable = s->lt;
    return true;
}

void asm_write(CgUnit *u, const AsmPlan *p, ObjCode *co) {
    const uint32_t *offset = p->offset;
    const uint8_t *size = p->size;
    uint32_t *words = co->words, *cache_names = co->cache_names;
    CodeExc *excs = co->excs;
    uint32_t ei = 0, ci = 0;
    int32_t prevh = -1;
    uint32_t prev_end = 0;
    for (uint32_t i = 0; i < u->ncode; i++) {
        if (!size[i]) continue;
        CgInstr *in = &u->code[i];
        uint32_t arg = asm_flags[in->op] & AF_JUMP ? offset[u->labels[in->arg]] : operand(in, &ci, cache_names);
        uint32_t o = offset[i];
        if (size[i] == 2) {
            words[o] = INSTR_MAKE(OP_EXTENDED_ARG, arg >> INSTR_ARG_BITS);
            words[o + 1] = INSTR_MAKE(in->op, arg & 0xffffff);
        } else {
            words[o] = INSTR_MAKE(in->op, arg);
        }
        int32_t h = in->handler >= 0 && u->handlers[in->handler].depth >= 0 ? in->handler : -1;
        if (h >= 0) {
            if (h == prevh && prev_end == o) {
                excs[ei - 1].end = o + size[i];
            } else {
                CgHandler *hd = &u->handlers[h];
                excs[ei++] = (CodeExc){o, o + size[i], offset[u->labels[hd->label]], (uint32_t)hd->depth};
            }
        }
        prevh = h;
        prev_end = o + size[i];
    }
    if (p->empty) words[0] = INSTR_MAKE(OP_NOP, 0);
    else asm_fuse(words, p->nwords);
    memcpy(co->linetable, p->linetable, p->nlinetable);
    co->stacksize = p->stacksize;
}

void asm_scratch_free(AsmScratch *s) {
    free(s->block);
    free(s->lt);
    *s = (AsmScratch){0};
}
