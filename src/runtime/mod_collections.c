// The _collections module: the C half of collections, as in CPython. It
// holds deque (deque.c) and its iterator types; lib/collections/__init__.py
// re-exports deque.
#include "runtime/deque.h"
#include "runtime/dict.h"
#include "runtime/modules.h"

bool rt_collections_init(Vm *vm, ObjModule *m) {
    ObjDict *d = AS_DICT(m->dict);
    return dict_set_cstr(vm, d, "deque", OBJ_VAL(&deque_type)) &&
           dict_set_cstr(vm, d, "_deque_iterator", OBJ_VAL(&deque_iter_type)) &&
           dict_set_cstr(vm, d, "_deque_reverse_iterator", OBJ_VAL(&deque_reviter_type));
}
