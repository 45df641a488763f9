// Generic operations on any Value: the single place where dispatch through
// type slots, reflected operands, NotImplemented and CPython's error
// messages live. The VM's opcodes and every builtin go through these.
#ifndef RUNTIME_OPS_H
#define RUNTIME_OPS_H
#include "runtime/object.h"

// Conversion.
bool rt_repr(Vm *vm, Value v, Value *out);    // a str
bool rt_ascii(Vm *vm, Value v, Value *out);   // ascii(): repr() with \x, \u, \U escapes
bool rt_str(Vm *vm, Value v, Value *out);     // a str
bool rt_hash(Vm *vm, Value v, int64_t *out);  // "unhashable type: 'list'"
int rt_is_true(Vm *vm, Value v);              // -1 error

// Comparison. rt_richcompare gives any object; rt_compare_bool truthiness
// (-1 error). rt_eq is identity-first equality as containers use it.
bool rt_richcompare(Vm *vm, Value a, Value b, CmpOp op, Value *out);
int rt_compare_bool(Vm *vm, Value a, Value b, CmpOp op);
int rt_eq(Vm *vm, Value a, Value b);
extern const char *const rt_cmp_symbols[6];

// Arithmetic: op is a BinOp, or-ed with BINOP_INPLACE for augmented assignment.
bool rt_binary_op(Vm *vm, int op, Value a, Value b, Value *out);
bool rt_unary_op(Vm *vm, UnOp op, Value a, Value *out);
static inline bool rt_add(Vm *vm, Value a, Value b, Value *out) {
    return rt_binary_op(vm, BINOP_ADD, a, b, out);
}
bool rt_pow3(Vm *vm, Value a, Value b, Value mod, Value *out);
extern const char *const rt_binop_symbols[BINOP_COUNT_];

// Containers.
bool rt_len(Vm *vm, Value v, int64_t *out);
bool rt_getitem(Vm *vm, Value v, Value key, Value *out);
bool rt_setitem(Vm *vm, Value v, Value key, Value x);
bool rt_delitem(Vm *vm, Value v, Value key);
int rt_contains(Vm *vm, Value container, Value x);   // -1 error

// Iteration. rt_next returns ITER_NEXT with *out, ITER_DONE without
// allocating StopIteration, or ITER_ERROR.
bool rt_iter(Vm *vm, Value v, Value *out);
IterResult rt_next(Vm *vm, Value it, Value *out);

// Attributes. rt_getattr_opt: 1 found, 0 missing (nothing raised), -1 error.
bool rt_getattr(Vm *vm, Value v, ObjStr *name, Value *out);
int rt_getattr_opt(Vm *vm, Value v, ObjStr *name, Value *out);
bool rt_getattr_cstr(Vm *vm, Value v, const char *name, Value *out);
bool rt_setattr(Vm *vm, Value v, ObjStr *name, Value x);
bool rt_delattr(Vm *vm, Value v, ObjStr *name);
// The generic attribute protocol of object (descriptors, instance dict).
int object_getattr(Vm *vm, Value self, ObjStr *name, Value *out);
bool object_setattr(Vm *vm, Value self, ObjStr *name, Value v);
bool rt_raise_no_attr(Vm *vm, Value v, ObjStr *name);

// repr recursion for containers: 1 already being repr'd (print "[...]"),
// 0 entered (call rt_repr_leave after), -1 error.
int rt_repr_enter(Vm *vm, Value v);
void rt_repr_leave(Vm *vm, Value v);
// The hash slot of unhashable types (list, dict, set).
bool rt_unhashable(Vm *vm, Value self, int64_t *out);

// Calls.
bool rt_call(Vm *vm, Value callable, Value *args, size_t nargs, Value kwnames, Value *out);
bool rt_call0(Vm *vm, Value callable, Value *out);
bool rt_call1(Vm *vm, Value callable, Value a, Value *out);
bool rt_call2(Vm *vm, Value callable, Value a, Value b, Value *out);
// Calls method [name] of [self] with args (looked up on the type, as dunders are).
bool rt_call_method(Vm *vm, Value self, ObjStr *name, Value *args, size_t nargs, Value *out);
int rt_callable(Value v);
bool rt_raise_not_callable(Vm *vm, Value v);

// isinstance / issubclass with builtin classes or a tuple of classes.
int rt_isinstance(Vm *vm, Value v, Value cls);

// Bools are the static objects rt_true_obj / rt_false_obj (bool.c). They
// are ints to isinstance, but int code maps them to small ints first
// (int_unbool) rather than reading a layout.
extern Obj rt_true_obj, rt_false_obj;
#define TRUE_VAL ((Value)&rt_true_obj)
#define FALSE_VAL ((Value)&rt_false_obj)
#define IS_BOOL(v) ((v) == TRUE_VAL || (v) == FALSE_VAL)
static inline Value rt_bool(bool b) { return b ? TRUE_VAL : FALSE_VAL; }
Value int_subclass_value(Value v);   // int.c
static inline Value int_unbool(Value v) {
    if (v == TRUE_VAL) return INT_VAL(1);
    if (v == FALSE_VAL) return INT_VAL(0);
    // An instance of an int subclass: a small int when its value is one (big
    // ints are never small, which comparisons rely on), else the instance
    // itself, whose ObjInt layout the big-int code reads.
    if (IS_OBJ(v) && (AS_OBJ(v)->type->flags & TYPE_INT_SUBCLASS)) return int_subclass_value(v);
    return v;
}

#endif // RUNTIME_OPS_H
