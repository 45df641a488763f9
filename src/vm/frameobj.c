// Frame objects, as gi_frame / cr_frame / ag_frame show a generator's frame:
// a small GC object naming the generator, whose frame (inside it) it reads
// when asked. One per generator (cached there), so `g.gi_frame is
// g.gi_frame` as in CPython. Frames of plain calls have no objects
// (sys._getframe and tb_frame are not part of aiopy).
#include <stdio.h>

#include "runtime/dict.h"
#include "runtime/exc.h"
#include "runtime/gc.h"
#include "runtime/str.h"
#include "runtime/type.h"
#include "vm/gen_int.h"

typedef struct ObjFrameObj {
    Obj hdr;
    Value gen;
    Value locals;   // snapshot taken when the body finished (CPython keeps them)
} ObjFrameObj;

extern ObjType frame_type;

#define FO_GEN(v) AS_GEN(((ObjFrameObj *)AS_OBJ(v))->gen)

bool vm_gen_frame_object(Vm *vm, Value gen, Value *out) {
    ObjGen *g = AS_GEN(gen);
    if (!g->frame) {
        *out = NONE_VAL;
        return true;
    }
    if (!g->frame_obj) {
        gc_push_root(vm, gen);
        ObjFrameObj *fo = (ObjFrameObj *)gc_alloc(vm, &frame_type, sizeof *fo);
        gc_pop_root(vm);
        TRY(fo);
        fo->gen = gen;
        g->frame_obj = OBJ_VAL(fo);
    }
    *out = g->frame_obj;
    return true;
}

// The frame's memory stays in the generator after its body finished, with
// the code and the last instruction reached.
static Frame *mem(Value self) { return GEN_FRAME_MEM(FO_GEN(self)); }

static int32_t lineno(Value self) {
    Frame *f = mem(self);
    return code_line_at(f->code, frame_lasti(f));
}

static bool get_code(Vm *vm, Value self, Value *out) {
    (void)vm;
    *out = OBJ_VAL(mem(self)->code);
    return true;
}
static bool get_lineno(Vm *vm, Value self, Value *out) {
    (void)vm;
    *out = INT_VAL(lineno(self));
    return true;
}
static bool get_globals(Vm *vm, Value self, Value *out) {
    (void)vm;
    *out = mem(self)->globals;
    return true;
}
static bool get_builtins(Vm *vm, Value self, Value *out) {
    (void)self;
    *out = vm->builtins;
    return true;
}
static bool get_locals(Vm *vm, Value self, Value *out) {
    ObjGen *g = FO_GEN(self);
    Value snap = ((ObjFrameObj *)AS_OBJ(self))->locals;
    if (!g->frame && snap) {
        *out = snap;
        return true;
    }
    if (!g->frame) {
        ObjDict *d = dict_new(vm);
        TRY(d);
        *out = OBJ_VAL(d);
        return true;
    }
    return frame_locals(vm, g->frame, out);
}
// A suspended generator's frame has no caller; a running one's caller has
// no frame object in aiopy.
static bool get_back(Vm *vm, Value self, Value *out) {
    (void)vm;
    (void)self;
    *out = NONE_VAL;
    return true;
}

static bool fo_repr(Vm *vm, Value self, Value *out) {
    char addr[32];
    snprintf(addr, sizeof addr, "%p", (void *)AS_OBJ(self));
    ObjStr *s = rt_format_cmsg(vm, "<frame at %s, file %R, line %d, code %U>", addr,
                               mem(self)->code->filename, (int)lineno(self), AS_STR(mem(self)->code->name));
    TRY(s);
    *out = OBJ_VAL(s);
    return true;
}

void vm_frame_object_detach(Vm *vm, ObjGen *g) {
    Frame *f = g->frame;
    // Only the locals are still valid: the collector sees just them while
    // the snapshot is made.
    uint8_t state = f->state;
    f->state = FRAME_SUSPENDED;
    f->sp = f->localsplus + f->code->nlocalsplus;
    Value d;
    if (frame_locals(vm, f, &d)) ((ObjFrameObj *)AS_OBJ(g->frame_obj))->locals = d;
    else rt_exc_clear(vm);   // out of memory: f_locals will be empty
    f->state = state;
}

static void fo_trace(Vm *vm, Obj *o) {
    gc_mark_value(vm, ((ObjFrameObj *)o)->gen);
    gc_mark_value(vm, ((ObjFrameObj *)o)->locals);
}

static const GetSetDef frame_getsets[] = {
    {"f_code", get_code, NULL},
    {"f_lineno", get_lineno, NULL},
    {"f_globals", get_globals, NULL},
    {"f_builtins", get_builtins, NULL},
    {"f_locals", get_locals, NULL},
    {"f_back", get_back, NULL},
    {NULL, NULL, NULL},
};

ObjType frame_type = {
    .hdr = OBJ_STATIC_HEADER(&type_type),
    .name = "frame",
    .module = "builtins",
    .basicsize = sizeof(ObjFrameObj),
    .base = &object_type,
    .getsets = frame_getsets,
    .trace = fo_trace,
    .repr = fo_repr,
    .flags = TYPE_ABSTRACT_NEW,
};
