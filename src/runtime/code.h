// Code objects: the immutable result of compiling one scope (module, class
// body, function, lambda, comprehension). The VM executes them; the runtime
// only stores, traces and describes them (repr, co_* attributes).
//
// Layout of a frame's locals ("localsplus"): varnames[0..nlocals), then the
// cells for cellvars, then the cells for freevars; nlocalsplus is the sum.
// Cell/free instructions index the cells part (0 = first cellvar).
//
// Positions: [linetable] has one entry per run of instruction words sharing
// a source span, in order and delta-encoded (code.c gives the bytes): a few
// bytes a run where a plain array took 20, which was a quarter of the memory
// a compiled program holds. Only tracebacks, warnings, f_lineno and --dis
// read it, decoding from the start as CPython does with co_linetable.
// [excs] is the zero-cost exception table, non-overlapping ranges sorted by
// start.
#ifndef RUNTIME_CODE_H
#define RUNTIME_CODE_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "runtime/object.h"

// One decoded run of the position table.
typedef struct CodeLoc {
    uint32_t start;              // first instruction word of the run
    int32_t line, end_line;      // 1-based; 0 = no position
    int32_t col, end_col;        // 0-based byte columns; -1 = unknown
} CodeLoc;

// Reads a position table forward (see code_loc_cursor_init).
typedef struct CodeLocCursor {
    const uint8_t *p, *end;      // the entries not decoded yet
    uint32_t next;               // first word after the current run
    CodeLoc loc;                 // the current run
    bool have;                   // loc holds a run
} CodeLocCursor;

// The longest entry code_loc_put writes.
#define CODE_LOC_MAX_BYTES 36

typedef struct CodeExc {
    uint32_t start, end;         // instruction words [start, end)
    uint32_t target;             // handler's first word
    uint32_t depth;              // stack depth to restore before pushing the exception
} CodeExc;

// Code flags (CPython's CO_* values).
enum {
    CODE_OPTIMIZED = 0x1, CODE_NEWLOCALS = 0x2, CODE_VARARGS = 0x4, CODE_VARKEYWORDS = 0x8,
    CODE_NESTED = 0x10, CODE_GENERATOR = 0x20, CODE_COROUTINE = 0x80,
    CODE_ITERABLE_COROUTINE = 0x100,   // a generator function decorated with types.coroutine
    CODE_ASYNC_GENERATOR = 0x200,
    CODE_HAS_DOC = 0x4000000,    // aiopy: consts[0] is the docstring
};

// An inline cache: one per LOAD_GLOBAL, LOAD_ATTR, STORE_ATTR and
// LOAD_METHOD instruction, whose operand is the cache's number (the name is
// here, not in the operand). vm/icache.h fills and reads them; an entry is
// only a hint, checked on every use, so the runtime never invalidates one.
typedef struct CodeCache {
    struct ObjStr *name;         // the instruction's name (held by `names`)
    const struct ObjType *type;  // the receiver's type the entry was made for
    uint64_t stamp;              // type_cache_epoch() or a dict version
    uint64_t dict_version;       // an instance dict known not to hold `name`
    Value value;                 // a cached class attribute (weak: see icache.h)
    uint32_t hint;               // the name's entry number in a dict
    uint8_t kind;                // IC_*; 0 = empty
} CodeCache;

typedef struct ObjCode {
    Obj hdr;
    uint32_t *words;
    uint32_t nwords;
    Value *consts;               // ints, floats, strs, bytes, tuples, codes, None...
    uint32_t nconsts;
    Value *names;                // interned strs: globals, attributes, imports
    uint32_t nnames;
    Value *localnames;           // strs: varnames, then cellvars, then freevars
    uint32_t nlocals, ncells, nfrees, nlocalsplus;
    int32_t *cell2arg;           // per cellvar: the argument it starts from, or -1
    uint32_t argcount, posonlyargcount, kwonlyargcount;
    uint32_t flags;
    uint32_t stacksize;
    int32_t firstlineno;
    Value name, qualname, filename;   // strs
    uint8_t *linetable;          // position runs, encoded (code_loc_put)
    uint32_t nlinetable;         // bytes
    CodeExc *excs;
    uint32_t nexcs;
    uint32_t ncaches;
    uint32_t *cache_names;       // per cache: its name's index in `names`
    CodeCache *caches;           // made when the code first runs (code_caches)
} ObjCode;

extern ObjType code_type;
#define IS_CODE(v) IS_TYPE_EXACT(v, code_type)
#define AS_CODE(v) ((ObjCode *)AS_OBJ(v))

// The lengths of a code object's arrays.
typedef struct CodeShape {
    uint32_t nconsts, nnames, nlocalsplus, nwords, nexcs, ncaches, ncells, nlinetable;
} CodeShape;

// A code object whose arrays (of [shape]'s lengths, counts set) live in the
// same block as its header: one allocation, one page touched where eight
// small ones were. The Values are VAL_NULL (tracing skips them) and the
// other fields zero; the compiler fills them.
ObjCode *code_new(Vm *vm, const CodeShape *shape);
// The code's inline caches, made on first use (by an instruction that has
// one); NULL with MemoryError set on failure.
CodeCache *code_caches(Vm *vm, ObjCode *c);
// Positions. A cursor starts before the first run; seeking moves forward
// only, so a walk over all the words (--dis) decodes the table once.
void code_loc_cursor_init(const ObjCode *c, CodeLocCursor *cur);
// The run covering word [offset] (the last run also covers any word after
// it), or NULL when the table has none there.
const CodeLoc *code_loc_cursor_seek(CodeLocCursor *cur, uint32_t offset);
// The source span of the instruction at word [offset] (NULL when none).
const CodeLoc *code_loc_at(const ObjCode *c, uint32_t offset, CodeLocCursor *cur);
// Writes the entry for a run of [len] (>= 1) words at [loc] after the run
// [prev] (NULL for the first) to [p]. Returns the bytes, at most
// CODE_LOC_MAX_BYTES.
// The common entry (short fields, one line, column below 127 and width below
// 64) is 3 bytes written inline: the assembler writes one entry per run,
// hundreds of thousands for a big module. Other entries go to code.c.
size_t code_loc_put_long(uint8_t *p, const CodeLoc *prev, uint32_t len, const CodeLoc *loc);
static inline size_t code_loc_put(uint8_t *p, const CodeLoc *prev, uint32_t len,
                                  const CodeLoc *loc) {
    int64_t dline = (int64_t)loc->line - (prev ? prev->line : 0);
    int64_t width = (int64_t)loc->end_col - loc->col;
    if (len - 1 < 7 && dline >= -1 && dline <= 5 && loc->end_line == loc->line &&
        (uint32_t)loc->col < 0x7f && width >= 0 && width < 0x40) {
        p[0] = (uint8_t)((len - 1) | (uint32_t)(dline + 1) << 3);
        p[1] = (uint8_t)(loc->col + 1);
        p[2] = (uint8_t)(width << 1);
        return 3;
    }
    return code_loc_put_long(p, prev, len, loc);
}
// The exception-table entry covering word [offset], or NULL.
const CodeExc *code_handler_at(const ObjCode *c, uint32_t offset);
// The line of [offset] (0 when none).
static inline int32_t code_line_at(const ObjCode *c, uint32_t offset) {
    CodeLocCursor cur;
    const CodeLoc *l = code_loc_at(c, offset, &cur);
    return l ? l->line : 0;
}

#endif // RUNTIME_CODE_H
