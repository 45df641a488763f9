// Internal interface between the code generator (compile.c) and the
// assembler (assemble.c): the instruction list of one code object under
// construction. Jumps name labels; handlers are declared by SETUP_HANDLER
// pseudo-instructions whose stack depth the assembler measures.
#ifndef VM_COMPILE_INT_H
#define VM_COMPILE_INT_H
#include <stdbool.h>
#include <stdint.h>

#include "runtime/code.h"
#include "runtime/list.h"
#include "vm/opcodes.h"
#include "vm/symtable.h"

typedef struct CgLoc {
    int32_t line, end_line, col, end_col;
} CgLoc;

typedef struct CgInstr {
    uint8_t op;
    uint32_t arg;          // jumps and SETUP_HANDLER: a label / handler index
    int32_t handler;       // exception handler covering it, -1 for none
    CgLoc loc;
} CgInstr;

typedef struct CgHandler {
    uint32_t label;        // where the handler starts
    int32_t adjust;        // added to the depth at its SETUP_HANDLER
    int32_t depth;         // measured by the assembler (-1 until then)
} CgHandler;

typedef struct CgUnit {
    CgInstr *code;
    uint32_t ncode, capcode;
    int32_t *labels;       // label -> instruction index (-1: not placed yet)
    uint32_t nlabels, caplabels;
    CgHandler *handlers;
    uint32_t nhandlers, caphandlers;
    ObjList *consts;       // GC-rooted while the unit lives
    ObjList *names;        // interned strs
} CgUnit;

// Builds the code object: stack depth analysis, handler depths, instruction
// widths with EXTENDED_ARG, jump targets, position and exception tables.
// Raises (MemoryError, SystemError on inconsistent stack depths) on failure.
bool asm_assemble(Vm *vm, CgUnit *u, ObjCode *co);

// Stack effects from opcodes.h.
int asm_stack_effect(int op, uint32_t arg, bool jump);

#endif // VM_COMPILE_INT_H
