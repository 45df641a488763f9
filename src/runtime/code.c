// Code objects: storage, tracing, the position and exception-table lookups
// (binary searches, run only when tracing back or handling an exception),
// repr and the co_* attributes.
#include "runtime/code.h"

#include <stdio.h>

#include "runtime/exc.h"
#include "runtime/gc.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

// The block: the header, then the Value arrays (8-byte aligned, as the
// header's size is), then the 4-byte ones, then the position table.
static size_t values_size(const CodeShape *s) {
    return ((size_t)s->nconsts + s->nnames + s->nlocalsplus) * sizeof(Value);
}

static size_t block_size(const CodeShape *s) {
    return sizeof(ObjCode) + values_size(s) +
           ((size_t)s->nwords + s->ncaches) * sizeof(uint32_t) + (size_t)s->nexcs * sizeof(CodeExc) +
           (size_t)s->ncells * sizeof(int32_t) + s->nlinetable;
}

ObjCode *code_new(Vm *vm, const CodeShape *shape) {
    _Static_assert(sizeof(ObjCode) % sizeof(Value) == 0, "the Value arrays follow the header");
    size_t size = block_size(shape);
    ObjCode *c = (ObjCode *)gc_alloc_partial(vm, &code_type, size, sizeof(ObjCode) + values_size(shape));
    if (!c) return NULL;
    Value *v = (Value *)(c + 1);
    c->consts = v;
    c->nconsts = shape->nconsts;
    c->names = v += shape->nconsts;
    c->nnames = shape->nnames;
    c->localnames = shape->nlocalsplus ? v + shape->nnames : NULL;
    c->nlocalsplus = shape->nlocalsplus;
    uint32_t *w = (uint32_t *)(v + shape->nnames + shape->nlocalsplus);
    c->words = w;
    c->nwords = shape->nwords;
    c->cache_names = shape->ncaches ? w + shape->nwords : NULL;
    c->ncaches = shape->ncaches;
    CodeExc *e = (CodeExc *)(w + shape->nwords + shape->ncaches);
    c->excs = shape->nexcs ? e : NULL;
    c->nexcs = shape->nexcs;
    int32_t *cells = (int32_t *)(e + shape->nexcs);
    c->cell2arg = shape->ncells ? cells : NULL;
    c->ncells = shape->ncells;
    c->linetable = (uint8_t *)(cells + shape->ncells);
    c->nlinetable = shape->nlinetable;
    return c;
}

// The position table, one entry per run (code.h). Each entry starts with a
// byte of flags and short fields, followed by the long forms it calls for:
//   bits 0-2  run length - 1 (0-6); 7: a varint of length - 8 follows
//   bits 3-5  line - previous line + 1 (0-6, i.e. -1..5); 7: a zigzag
//             varint of the difference follows
//   bit 6     end_line != line: a zigzag varint of end_line - line follows
//   bit 7     no columns (both -1); otherwise a varint of col + 1 and a
//             zigzag varint of end_col - col follow
// Varints are little-endian base 128. The common run (a word or two on the
// same line as the one before, one-line span, column under 127) takes 3 bytes.
// The first entry's "previous line" is 0.

static size_t put_varint(uint8_t *p, uint64_t v) {
    size_t n = 0;
    while (v >= 0x80) {
        p[n++] = (uint8_t)(v | 0x80);
        v >>= 7;
    }
    p[n] = (uint8_t)v;
    return n + 1;
}

static uint64_t zigzag(int64_t v) { return v < 0 ? ((uint64_t)-(v + 1) << 1) | 1 : (uint64_t)v << 1; }

// Any entry, in its general form: a flags byte, then varints. code_loc_put
// (code.h) writes the common entry inline; these are the same 3 bytes.
size_t code_loc_put_long(uint8_t *p, const CodeLoc *prev, uint32_t len, const CodeLoc *loc) {
    int64_t dline = (int64_t)loc->line - (prev ? prev->line : 0);
    int64_t width = (int64_t)loc->end_col - loc->col;
    bool long_len = len - 1 >= 7, long_line = dline < -1 || dline > 5;
    bool multi = loc->end_line != loc->line, nocols = loc->col == -1 && loc->end_col == -1;
    p[0] = (uint8_t)((long_len ? 7 : len - 1) | (long_line ? 7 : dline + 1) << 3 | multi << 6 |
                     nocols << 7);
    size_t n = 1;
    if (long_len) n += put_varint(p + n, len - 8);
    if (long_line) n += put_varint(p + n, zigzag(dline));
    if (multi) n += put_varint(p + n, zigzag((int64_t)loc->end_line - loc->line));
    if (!nocols) {
        n += put_varint(p + n, (uint32_t)((int64_t)loc->col + 1));
        n += put_varint(p + n, zigzag(width));
    }
    return n;
}

static uint64_t get_varint(const uint8_t **pp) {
    const uint8_t *p = *pp;
    uint64_t v = 0;
    for (unsigned shift = 0;; shift += 7) {
        uint8_t b = *p++;
        v |= (uint64_t)(b & 0x7f) << shift;
        if (!(b & 0x80)) break;
    }
    *pp = p;
    return v;
}

static int64_t get_zigzag(const uint8_t **pp) {
    uint64_t v = get_varint(pp);
    return v & 1 ? -(int64_t)(v >> 1) - 1 : (int64_t)(v >> 1);
}

void code_loc_cursor_init(const ObjCode *c, CodeLocCursor *cur) {
    cur->p = c->linetable;
    cur->end = c->linetable + c->nlinetable;
    cur->next = 0;
    cur->loc = (CodeLoc){0, 0, 0, -1, -1};
    cur->have = false;
}

// Decodes the next entry into the cursor's current run.
static void next_run(CodeLocCursor *cur) {
    const uint8_t *p = cur->p;
    CodeLoc *l = &cur->loc;
    uint8_t b = *p++;
    uint32_t len = (b & 7) == 7 ? (uint32_t)get_varint(&p) + 8 : (b & 7) + 1u;
    int64_t dline = (b >> 3 & 7) == 7 ? get_zigzag(&p) : (b >> 3 & 7) - 1;
    l->start = cur->next;
    l->line = (int32_t)(l->line + dline);
    l->end_line = b & 0x40 ? (int32_t)(l->line + get_zigzag(&p)) : l->line;
    if (b & 0x80) {
        l->col = l->end_col = -1;
    } else {
        l->col = (int32_t)((int64_t)get_varint(&p) - 1);
        l->end_col = (int32_t)(l->col + get_zigzag(&p));
    }
    cur->next += len;
    cur->p = p;
    cur->have = true;
}

const CodeLoc *code_loc_cursor_seek(CodeLocCursor *cur, uint32_t offset) {
    while ((!cur->have || offset >= cur->next) && cur->p < cur->end) next_run(cur);
    return cur->have && offset >= cur->loc.start ? &cur->loc : NULL;
}

const CodeLoc *code_loc_at(const ObjCode *c, uint32_t offset, CodeLocCursor *cur) {
    code_loc_cursor_init(c, cur);
    return code_loc_cursor_seek(cur, offset);
}

const CodeExc *code_handler_at(const ObjCode *c, uint32_t offset) {
    uint32_t lo = 0, hi = c->nexcs;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        const CodeExc *e = &c->excs[mid];
        if (offset < e->start) hi = mid;
        else if (offset >= e->end) lo = mid + 1;
        else return e;
    }
    return NULL;
}

static void code_trace(Vm *vm, Obj *o) {
    ObjCode *c = (ObjCode *)o;
    for (uint32_t i = 0; i < c->nconsts; i++) gc_mark_value(vm, c->consts[i]);
    for (uint32_t i = 0; i < c->nnames; i++) gc_mark_value(vm, c->names[i]);
    for (uint32_t i = 0; i < c->nlocalsplus; i++) gc_mark_value(vm, c->localnames[i]);
    gc_mark_value(vm, c->name);
    gc_mark_value(vm, c->qualname);
    gc_mark_value(vm, c->filename);
}

static void code_free(Vm *vm, Obj *o) {
    ObjCode *c = (ObjCode *)o;
    if (c->caches) rt_free(vm, c->caches, c->ncaches * sizeof(CodeCache));
}

static size_t code_size(const Obj *o) {
    const ObjCode *c = (const ObjCode *)o;
    CodeShape s = {c->nconsts, c->nnames, c->nlocalsplus, c->nwords, c->nexcs, c->ncaches, c->ncells,
                   c->nlinetable};
    return block_size(&s);
}

CodeCache *code_caches(Vm *vm, ObjCode *c) {
    // Only instructions with a cache ask, so ncaches > 0 here.
    if (c->caches) return c->caches;
    CodeCache *k = rt_alloc(vm, c->ncaches * sizeof(CodeCache));
    if (!k) return NULL;
    for (uint32_t i = 0; i < c->ncaches; i++)
        k[i] = (CodeCache){.name = AS_STR(c->names[c->cache_names[i]])};
    c->caches = k;
    return k;
}

static bool code_repr(Vm *vm, Value self, Value *out) {
    ObjCode *c = AS_CODE(self);
    char addr[32];
    snprintf(addr, sizeof addr, "%p", (void *)c);
    ObjStr *s = rt_format_cmsg(vm, "<code object %U at %s, file \"%U\", line %d>",
                               AS_STR(c->name), addr, AS_STR(c->filename),
                               (int)c->firstlineno);
    TRY(s);
    *out = OBJ_VAL(s);
    return true;
}

static bool tuple_of(Vm *vm, const Value *v, size_t n, Value *out) {
    ObjTuple *t = tuple_from(vm, v, n);
    TRY(t);
    *out = OBJ_VAL(t);
    return true;
}

static bool get_name(Vm *vm, Value self, Value *out) { (void)vm; *out = AS_CODE(self)->name; return true; }
static bool get_qualname(Vm *vm, Value self, Value *out) { (void)vm; *out = AS_CODE(self)->qualname; return true; }
static bool get_filename(Vm *vm, Value self, Value *out) { (void)vm; *out = AS_CODE(self)->filename; return true; }
static bool get_firstlineno(Vm *vm, Value self, Value *out) { (void)vm; *out = INT_VAL(AS_CODE(self)->firstlineno); return true; }
static bool get_argcount(Vm *vm, Value self, Value *out) { (void)vm; *out = INT_VAL(AS_CODE(self)->argcount); return true; }
static bool get_posonlyargcount(Vm *vm, Value self, Value *out) { (void)vm; *out = INT_VAL(AS_CODE(self)->posonlyargcount); return true; }
static bool get_kwonlyargcount(Vm *vm, Value self, Value *out) { (void)vm; *out = INT_VAL(AS_CODE(self)->kwonlyargcount); return true; }
static bool get_flags(Vm *vm, Value self, Value *out) { (void)vm; *out = INT_VAL(AS_CODE(self)->flags); return true; }
static bool get_varnames(Vm *vm, Value self, Value *out) {
    ObjCode *c = AS_CODE(self);
    return tuple_of(vm, c->localnames, c->nlocals, out);
}
static bool get_cellvars(Vm *vm, Value self, Value *out) {
    ObjCode *c = AS_CODE(self);
    return tuple_of(vm, c->localnames + c->nlocals, c->ncells, out);
}
static bool get_freevars(Vm *vm, Value self, Value *out) {
    ObjCode *c = AS_CODE(self);
    return tuple_of(vm, c->localnames + c->nlocals + c->ncells, c->nfrees, out);
}
static bool get_names(Vm *vm, Value self, Value *out) {
    ObjCode *c = AS_CODE(self);
    return tuple_of(vm, c->names, c->nnames, out);
}
static bool get_consts(Vm *vm, Value self, Value *out) {
    ObjCode *c = AS_CODE(self);
    return tuple_of(vm, c->consts, c->nconsts, out);
}

static const GetSetDef code_getsets[] = {
    {"co_name", get_name, NULL},
    {"co_qualname", get_qualname, NULL},
    {"co_filename", get_filename, NULL},
    {"co_firstlineno", get_firstlineno, NULL},
    {"co_argcount", get_argcount, NULL},
    {"co_posonlyargcount", get_posonlyargcount, NULL},
    {"co_kwonlyargcount", get_kwonlyargcount, NULL},
    {"co_flags", get_flags, NULL},
    {"co_varnames", get_varnames, NULL},
    {"co_cellvars", get_cellvars, NULL},
    {"co_freevars", get_freevars, NULL},
    {"co_names", get_names, NULL},
    {"co_consts", get_consts, NULL},
    {NULL, NULL, NULL},
};

ObjType code_type = {
    .hdr = OBJ_STATIC_HEADER(&type_type),
    .name = "code",
    .module = "builtins",
    .basicsize = sizeof(ObjCode),
    .base = &object_type,
    .getsets = code_getsets,
    .trace = code_trace,
    .free = code_free,
    .size = code_size,
    .repr = code_repr,
};
