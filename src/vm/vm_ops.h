// The out-of-line helpers of the dispatch loop (vm_ops.c, gen.c): the
// slower halves of opcodes, kept out of eval.c so the loop stays a loop.
// Each returns false (or -1, or SEND_ERROR) with the exception on vm->exc.
#ifndef VM_VM_OPS_H
#define VM_VM_OPS_H
#include "runtime/frame.h"
#include "runtime/str.h"

// Eval breaker: pending signals or work; false when it raised.
bool vm_handle_breaker(Vm *vm);
// UnboundLocalError / NameError for an empty cell (cells index [i]).
bool vm_raise_unbound_deref(Vm *vm, Frame *f, uint32_t i);
// Lookup in a non-dict mapping: 1 found, 0 missing (KeyError swallowed), -1 error.
int vm_mapping_get(Vm *vm, Value map, Value key, Value *out);
bool vm_build_set(Vm *vm, Value *items, size_t n, Value *out);
bool vm_build_string(Vm *vm, Value *items, size_t n, Value *out);
bool vm_set_add(Vm *vm, Value set, Value v);
bool vm_set_update(Vm *vm, Value set, Value iterable);
bool vm_list_extend(Vm *vm, Value list, Value iterable);
bool vm_dict_update(Vm *vm, Value dict, Value mapping);
bool vm_dict_merge(Vm *vm, Value dict, Value mapping, Value callable);
// Unpacks *[slot] in place onto the stack (first item on top): [n] items,
// or with [star] >= 0 a list at that position and [after] items behind it.
bool vm_unpack(Vm *vm, Value *slot, uint32_t n, int star, uint32_t after);
// f-string conversion (0 none, 1 str, 2 repr, 3 ascii) and format spec.
bool vm_format_value(Vm *vm, Value v, int conv, Value spec, Value *out);
// CALL_FUNCTION_EX: turns [slots[0] = callable, slots[1] = args] and the
// optional kwargs dict in *[kwslot] into one tuple of argument values in
// slots[1] (positionals, then keyword values) and a kwnames tuple (also left
// in *[kwslot], so everything stays on the GC-visible stack). A bound method
// of a Python function is unwrapped into slots[0] with self prepended.
bool vm_flatten_call(Vm *vm, Value *slots, Value *kwslot, Value *kwnames);
// Sets vm->exc for `raise exc [from cause]`; always returns false.
bool vm_do_raise(Vm *vm, Value exc, Value cause);
// except clause matching: 1/0, -1 error (bad class).
int vm_exc_match(Vm *vm, Value exc, Value cls);
bool vm_before_with(Vm *vm, Value mgr, Value *exit_, Value *res);
bool vm_with_exit(Vm *vm, Value exit_, Value exc, Value *out);
bool vm_setup_annotations(Vm *vm, Frame *f);
bool vm_print_expr(Vm *vm, Value v);
// Delegation (gen.c).
bool vm_yield_from_iter(Vm *vm, Frame *f, Value v, Value *out);
bool vm_get_awaitable(Vm *vm, Value v, Value *out);
SendResult vm_send(Vm *vm, Value receiver, Value v, Value *out);
// Calls `obj.name(*args)` where name is looked up on the type.
bool vm_call_dunder(Vm *vm, Value obj, const char *name, Value *args, size_t nargs, Value *out, bool *found);

#endif // VM_VM_OPS_H
