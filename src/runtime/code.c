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

ObjCode *code_new(Vm *vm) {
    return (ObjCode *)gc_alloc(vm, &code_type, sizeof(ObjCode));
}

const CodeLoc *code_loc_at(const ObjCode *c, uint32_t offset) {
    if (!c->nlocs) return NULL;
    uint32_t lo = 0, hi = c->nlocs;   // last entry with start <= offset
    while (hi - lo > 1) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (c->locs[mid].start <= offset) lo = mid;
        else hi = mid;
    }
    return c->locs[lo].start <= offset ? &c->locs[lo] : NULL;
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
    rt_free(vm, c->words, c->nwords * sizeof(uint32_t));
    rt_free(vm, c->consts, c->nconsts * sizeof(Value));
    rt_free(vm, c->names, c->nnames * sizeof(Value));
    rt_free(vm, c->localnames, c->nlocalsplus * sizeof(Value));
    rt_free(vm, c->cell2arg, c->ncells * sizeof(int32_t));
    rt_free(vm, c->locs, c->nlocs * sizeof(CodeLoc));
    rt_free(vm, c->excs, c->nexcs * sizeof(CodeExc));
    rt_free(vm, c->cache_names, c->ncaches * sizeof(uint32_t));
    if (c->caches) rt_free(vm, c->caches, c->ncaches * sizeof(CodeCache));
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
    .repr = code_repr,
};
