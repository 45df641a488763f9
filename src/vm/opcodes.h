// The one opcode table. Every other list of opcodes (the enum, the dispatch
// labels, the disassembler's names, the assembler's stack-depth analysis) is
// generated from it, so adding an opcode touches this file and its handler.
//
// X(name, operand kind, stack effect, stack effect when the jump is taken)
// The effects are C expressions of the operand `a`. For a non-jump the last
// column is unused (0). Instructions are 32-bit words: the opcode in the low
// 8 bits, the operand in the high 24; EXTENDED_ARG words in front supply the
// higher bits, so operands (constant and name indexes, jump targets, which are
// absolute word offsets) may use the full 32 bits.
//
// Stack layout conventions (CPython 3.11's, simplified):
//   calls       [NULL or method] [callable or self] args...  CALL n
//   handlers    an exception-table entry restores the stack to its depth and
//               pushes the exception; PUSH_EXC_INFO saves the previously
//               handled exception under it, POP_EXCEPT restores it.
//   except*     [orig, raised list, rest, type] CHECK_EG_MATCH -> [orig,
//               raised list, rest', match or None]; at the end [orig, raised
//               list] PREP_RERAISE_STAR -> [what to re-raise, or None].
#ifndef VM_OPCODES_H
#define VM_OPCODES_H

// Operand kinds (for the disassembler and the assembler). OPK_CACHE: the
// instruction has an inline cache (code.h's CodeCache); the compiler gives
// it a name index, which the assembler moves into the cache and replaces
// with the cache's number.
enum {
    OPK_NONE, OPK_N, OPK_CONST, OPK_LOCAL, OPK_CELL, OPK_NAME, OPK_JUMP, OPK_BINOP,
    OPK_CMP, OPK_CACHE,
};

#define POPCOUNT4(a) (((a) & 1) + (((a) >> 1) & 1) + (((a) >> 2) & 1) + (((a) >> 3) & 1))

#define VM_OPCODES(X) \
    X(NOP, OPK_NONE, 0, 0) \
    X(EXTENDED_ARG, OPK_N, 0, 0) \
    X(POP_TOP, OPK_NONE, -1, 0) \
    X(PUSH_NULL, OPK_NONE, 1, 0) \
    X(COPY, OPK_N, 1, 0) \
    X(SWAP, OPK_N, 0, 0) \
    X(LOAD_CONST, OPK_CONST, 1, 0) \
    X(LOAD_FAST, OPK_LOCAL, 1, 0) \
    X(STORE_FAST, OPK_LOCAL, -1, 0) \
    X(DELETE_FAST, OPK_LOCAL, 0, 0) \
    X(LOAD_DEREF, OPK_CELL, 1, 0) \
    X(STORE_DEREF, OPK_CELL, -1, 0) \
    X(DELETE_DEREF, OPK_CELL, 0, 0) \
    X(LOAD_CLOSURE, OPK_CELL, 1, 0) \
    X(LOAD_CLASSDEREF, OPK_CELL, 1, 0) \
    X(LOAD_GLOBAL, OPK_CACHE, 1, 0) \
    X(STORE_GLOBAL, OPK_NAME, -1, 0) \
    X(DELETE_GLOBAL, OPK_NAME, 0, 0) \
    X(LOAD_NAME, OPK_NAME, 1, 0) \
    X(STORE_NAME, OPK_NAME, -1, 0) \
    X(DELETE_NAME, OPK_NAME, 0, 0) \
    X(LOAD_ATTR, OPK_CACHE, 0, 0) \
    X(STORE_ATTR, OPK_CACHE, -2, 0) \
    X(DELETE_ATTR, OPK_NAME, -1, 0) \
    X(LOAD_METHOD, OPK_CACHE, 1, 0) \
    X(BINARY_OP, OPK_BINOP, -1, 0) \
    X(UNARY_NEGATIVE, OPK_NONE, 0, 0) \
    X(UNARY_POSITIVE, OPK_NONE, 0, 0) \
    X(UNARY_INVERT, OPK_NONE, 0, 0) \
    X(UNARY_NOT, OPK_NONE, 0, 0) \
    X(COMPARE_OP, OPK_CMP, -1, 0) \
    X(IS_OP, OPK_N, -1, 0) \
    X(CONTAINS_OP, OPK_N, -1, 0) \
    X(BINARY_SUBSCR, OPK_NONE, -1, 0) \
    X(STORE_SUBSCR, OPK_NONE, -3, 0) \
    X(DELETE_SUBSCR, OPK_NONE, -2, 0) \
    X(BUILD_SLICE, OPK_N, 1 - (int)(a), 0) \
    X(BUILD_TUPLE, OPK_N, 1 - (int)(a), 0) \
    X(BUILD_LIST, OPK_N, 1 - (int)(a), 0) \
    X(BUILD_SET, OPK_N, 1 - (int)(a), 0) \
    X(BUILD_MAP, OPK_N, 1 - 2 * (int)(a), 0) \
    X(BUILD_CONST_KEY_MAP, OPK_N, -(int)(a), 0) \
    X(BUILD_STRING, OPK_N, 1 - (int)(a), 0) \
    X(LIST_APPEND, OPK_N, -1, 0) \
    X(SET_ADD, OPK_N, -1, 0) \
    X(MAP_ADD, OPK_N, -2, 0) \
    X(LIST_EXTEND, OPK_N, -1, 0) \
    X(SET_UPDATE, OPK_N, -1, 0) \
    X(DICT_UPDATE, OPK_N, -1, 0) \
    X(DICT_MERGE, OPK_N, -1, 0) \
    X(LIST_TO_TUPLE, OPK_NONE, 0, 0) \
    X(UNPACK_SEQUENCE, OPK_N, (int)(a) - 1, 0) \
    X(UNPACK_EX, OPK_N, (int)((a) & 0xff) + (int)((a) >> 8), 0) \
    X(FORMAT_VALUE, OPK_N, ((a) & 4) ? -1 : 0, 0) \
    X(GET_ITER, OPK_NONE, 0, 0) \
    X(FOR_ITER, OPK_JUMP, 1, -1) \
    X(JUMP, OPK_JUMP, 0, 0) \
    X(JUMP_BACKWARD, OPK_JUMP, 0, 0) \
    X(POP_JUMP_IF_FALSE, OPK_JUMP, -1, -1) \
    X(POP_JUMP_IF_TRUE, OPK_JUMP, -1, -1) \
    X(POP_JUMP_IF_NONE, OPK_JUMP, -1, -1) \
    X(POP_JUMP_IF_NOT_NONE, OPK_JUMP, -1, -1) \
    X(JUMP_IF_FALSE_OR_POP, OPK_JUMP, -1, 0) \
    X(JUMP_IF_TRUE_OR_POP, OPK_JUMP, -1, 0) \
    X(KW_NAMES, OPK_CONST, 0, 0) \
    X(CALL, OPK_N, -1 - (int)(a), 0) \
    X(CALL_FUNCTION_EX, OPK_N, -2 - (int)((a) & 1), 0) \
    X(MAKE_FUNCTION, OPK_N, -(int)POPCOUNT4(a), 0) \
    X(RETURN_VALUE, OPK_NONE, -1, 0) \
    X(RAISE_VARARGS, OPK_N, -(int)(a), 0) \
    X(RERAISE, OPK_NONE, -1, 0) \
    X(PUSH_EXC_INFO, OPK_NONE, 1, 0) \
    X(POP_EXCEPT, OPK_NONE, -1, 0) \
    X(CHECK_EXC_MATCH, OPK_NONE, 0, 0) \
    X(CHECK_EG_MATCH, OPK_NONE, 0, 0) \
    X(PREP_RERAISE_STAR, OPK_NONE, -1, 0) \
    X(LOAD_ASSERTION_ERROR, OPK_NONE, 1, 0) \
    X(LOAD_BUILD_CLASS, OPK_NONE, 1, 0) \
    X(BEFORE_WITH, OPK_NONE, 1, 0) \
    X(WITH_EXCEPT_START, OPK_NONE, 1, 0) \
    X(IMPORT_NAME, OPK_NAME, -1, 0) \
    X(IMPORT_FROM, OPK_NAME, 1, 0) \
    X(IMPORT_STAR, OPK_NONE, -1, 0) \
    X(SETUP_ANNOTATIONS, OPK_NONE, 0, 0) \
    X(PRINT_EXPR, OPK_NONE, -1, 0) \
    X(RETURN_GENERATOR, OPK_NONE, 1, 0) \
    X(YIELD_VALUE, OPK_NONE, 0, 0) \
    X(GET_YIELD_FROM_ITER, OPK_NONE, 0, 0) \
    X(GET_AWAITABLE, OPK_N, 0, 0) \
    X(SEND, OPK_JUMP, 0, -1) \
    X(CLEANUP_THROW, OPK_NONE, -1, 0) \
    X(GET_AITER, OPK_NONE, 0, 0) \
    X(GET_ANEXT, OPK_NONE, 1, 0) \
    X(END_ASYNC_FOR, OPK_NONE, -2, 0) \
    X(BEFORE_ASYNC_WITH, OPK_NONE, 1, 0) \
    X(ASYNC_GEN_WRAP, OPK_NONE, 0, 0) \
    /* Pseudo-instructions: removed by the assembler (size 0). */ \
    X(SETUP_HANDLER, OPK_N, 0, 0) \
    X(LABEL_, OPK_N, 0, 0)

// Superinstructions: X(name, first, second). After assembly the first of
// two adjacent instructions that often run together is rewritten into the
// fused opcode (superinstr.c); the second word stays as it is. So offsets,
// jump targets, locations and the exception table do not change, a jump to
// the second word runs it alone, and an error in either half is located at
// its own word. The fused handler does the first half's common case and
// goes straight to the second half's handler (or does both at once), saving
// an indirect dispatch; anything unusual runs the first half's own handler.
// The disassembler shows the first half's name.
#define VM_SUPEROPS(X) \
    X(LOAD_FAST__LOAD_FAST, LOAD_FAST, LOAD_FAST) \
    X(LOAD_FAST__LOAD_CONST, LOAD_FAST, LOAD_CONST) \
    X(LOAD_FAST__LOAD_ATTR, LOAD_FAST, LOAD_ATTR) \
    X(LOAD_FAST__LOAD_METHOD, LOAD_FAST, LOAD_METHOD) \
    X(LOAD_CONST__LOAD_FAST, LOAD_CONST, LOAD_FAST) \
    X(STORE_FAST__LOAD_FAST, STORE_FAST, LOAD_FAST) \
    X(STORE_FAST__STORE_FAST, STORE_FAST, STORE_FAST) \
    X(PUSH_NULL__LOAD_GLOBAL, PUSH_NULL, LOAD_GLOBAL) \
    X(COMPARE_OP__POP_JUMP_IF_FALSE, COMPARE_OP, POP_JUMP_IF_FALSE) \
    X(COMPARE_OP__POP_JUMP_IF_TRUE, COMPARE_OP, POP_JUMP_IF_TRUE)

typedef enum Opcode {
#define OP_ENUM(name, kind, eff, jeff) OP_##name,
    VM_OPCODES(OP_ENUM)
#undef OP_ENUM
    OP_BASE_COUNT_,
    OP_SUPER_BEFORE_ = OP_BASE_COUNT_ - 1,   // the fused opcodes follow without a gap
#define OP_SUPER_ENUM(name, first, second) OP_##name,
    VM_SUPEROPS(OP_SUPER_ENUM)
#undef OP_SUPER_ENUM
    OP_COUNT_
} Opcode;

// The instruction a (possibly fused) opcode starts with.
static inline int op_base(int op) {
    switch (op) {
#define OP_SUPER_BASE(name, first, second) \
    case OP_##name: return OP_##first;
        VM_SUPEROPS(OP_SUPER_BASE)
#undef OP_SUPER_BASE
    default: return op;
    }
}

static inline int op_kind(int op) {
    switch (op) {
#define OP_KIND(name, kind, eff, jeff) \
    case OP_##name: return kind;
        VM_OPCODES(OP_KIND)
#undef OP_KIND
    default: return OPK_NONE;
    }
}

// Instruction word layout.
#define INSTR_OP(w) ((w) & 0xff)
#define INSTR_ARG(w) ((w) >> 8)
#define INSTR_MAKE(op, arg) ((uint32_t)(op) | ((uint32_t)(arg) << 8))
#define INSTR_ARG_BITS 24

// MAKE_FUNCTION flags (stack order: defaults, kwdefaults, annotations, closure, code).
enum { MF_DEFAULTS = 1, MF_KWDEFAULTS = 2, MF_ANNOTATIONS = 4, MF_CLOSURE = 8 };
// FORMAT_VALUE flags: conversion in the low 2 bits, 4 = a format spec is on the stack.
enum { FV_NONE = 0, FV_STR = 1, FV_REPR = 2, FV_ASCII = 3, FV_SPEC = 4 };
// RAISE_VARARGS: 0 re-raise, 1 `raise e`, 2 `raise e from c`.

#endif // VM_OPCODES_H
