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
#include "parser/ast.h"

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

// The assembler's working memory, kept from one unit to the next: a module
// has thousands of small units.
typedef struct AsmScratch {
    char *block;               // per-instruction arrays (AsmPlan's offset, size)
    size_t cap;
    uint8_t *lt;               // the position table being encoded
    size_t ltcap;
} AsmScratch;

// The assembler's first pass over a unit: stack depth analysis, handler
// depths, instruction widths with EXTENDED_ARG, the position table and the
// sizes of the code object's arrays, so that the object can be allocated in
// one block. Points into the scratch, so valid until its next use.
typedef struct AsmPlan {
    uint32_t *offset;          // per instruction: its first word
    uint8_t *size;             // per instruction: its words (0 for pseudo ones)
    const uint8_t *linetable;  // encoded
    size_t nlinetable;
    uint32_t nwords, ncaches, nexcs, stacksize;
    bool empty;                // no words: the code is one NOP
} AsmPlan;

// Raises (MemoryError, SystemError on inconsistent stack depths) on failure.
bool asm_plan(Vm *vm, CgUnit *u, AsmScratch *s, AsmPlan *p);
// The second pass: fills co's words, cache_names, excs and linetable, which
// have the planned sizes, and its stacksize. Allocates nothing.
void asm_write(CgUnit *u, const AsmPlan *p, ObjCode *co);
void asm_scratch_free(AsmScratch *s);

// Stack effects from opcodes.h.
int asm_stack_effect(int op, uint32_t arg, bool jump);

// ---- the code generator's state, shared by compile.c and compile_async.c ----

#define CHECK(x) do { if (!(x)) return false; } while (0)

typedef enum FbType { FB_WHILE, FB_FOR, FB_TRY_EXCEPT, FB_FINALLY_TRY, FB_FINALLY_END, FB_WITH,
                      FB_HANDLER_CLEANUP, FB_POP_VALUE, FB_EXCEPTION_HANDLER, FB_ASYNC_WITH,
                      FB_EXCEPTION_GROUP_HANDLER } FbType;

typedef struct FBlock {
    FbType type;
    uint32_t start, exit;      // loops: labels
    const AstSeq *final;       // FB_FINALLY_TRY
    const AstIdent *name;      // FB_HANDLER_CLEANUP: `except E as name`
    int32_t outer_handler;     // the handler in effect outside the block
} FBlock;

#define MAX_FBLOCKS 64

// A Value -> index map (open addressing) for deduplicating constants and names.
typedef struct VMap {
    Value *keys;
    uint32_t *vals;
    uint32_t cap, n;
} VMap;

typedef struct Unit {
    CgUnit cg;
    struct Unit *parent;
    SymScope *scope;
    CgLoc loc;
    int32_t handler;           // current exception handler, -1 none
    FBlock fb[MAX_FBLOCKS];
    int nfb;
    VMap cmap, nmap;
    size_t roots;              // temp-root mark to restore
    bool has_doc;
} Unit;

// The malloc'd buffers of a finished unit, kept for the next one: a module
// has thousands of small units, and allocating theirs afresh cost more than
// generating their code.
typedef struct CgSpare {
    CgInstr *code;
    uint32_t capcode;
    int32_t *labels;
    uint32_t caplabels;
    CgHandler *handlers;
    uint32_t caphandlers;
    VMap cmap, nmap;           // cleared, small ones only
} CgSpare;

#define CG_MAX_SPARES 8

typedef struct Compiler {
    Vm *vm;
    SymTable *st;
    Arena *arena;
    const char *filename;
    Value filename_str;
    unsigned flags;
    Unit *u;
    CgSpare spares[CG_MAX_SPARES];
    int nspares;
    AsmScratch asm_scratch;
    ObjList *spare_lists;      // finished units' const and name lists, rooted
} Compiler;

// compile.c's primitives (see there).
bool cg_emit(Compiler *c, int op, uint32_t arg);
bool cg_new_label(Compiler *c, uint32_t *out);
void cg_place(Compiler *c, uint32_t label);
bool cg_setup_handler(Compiler *c, uint32_t label, int32_t adjust);
bool cg_expr(Compiler *c, const AstNode *e);
bool cg_stmts(Compiler *c, const AstSeq *body);
bool cg_assign_target(Compiler *c, const AstNode *t);
bool cg_push_fblock(Compiler *c, FBlock fb);
void cg_pop_fblock(Compiler *c);
bool cg_load_const(Compiler *c, Value v);
void cg_set_loc(Compiler *c, const AstNode *n);
bool cg_call_exit_with_nones(Compiler *c);
// [iterator] -> [result]: the SEND/YIELD_VALUE loop of yield from and await.
bool cg_send_loop(Compiler *c);

// compile_async.c: await, async for, async with, async comprehension loops.
// [x] -> [await x]; [where] is GET_AWAITABLE's operand (0 await, 1 the
// __aenter__ result, 2 the __aexit__ result).
bool cg_await(Compiler *c, uint32_t where);
bool cg_async_for(Compiler *c, const AstNode *s);
bool cg_async_with(Compiler *c, const AstNode *s, uint32_t item);
// [aiter] -> [aiter, next value], or to [end] with [aiter, exc] on the stack,
// where the caller places END_ASYNC_FOR.
bool cg_async_next(Compiler *c, uint32_t end);

#endif // VM_COMPILE_INT_H
