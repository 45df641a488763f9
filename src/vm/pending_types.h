// TEMPORARY: builtin types the runtime declares (object.h) but does not
// define yet (set.c, range.c, bytes.c are in progress). Weak references
// keep the build linking meanwhile; a NULL address means "not available".
// Delete this header and its includes once those files define the types.
#ifndef VM_PENDING_TYPES_H
#define VM_PENDING_TYPES_H
#include "runtime/object.h"
#pragma weak set_type
#pragma weak frozenset_type
#pragma weak range_type
#pragma weak bytes_type
#endif // VM_PENDING_TYPES_H
