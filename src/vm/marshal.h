// Compiled code as bytes: the embedded library's modules are compiled when
// aiopy is built (src/cli/freeze.c) and stored in this form, so importing
// one rebuilds its code objects instead of parsing and compiling it (a fifth
// of the instructions). The format is aiopy's own and changes with the
// compiler: it only ever travels from the build to the same binary.
//
// A value is a tag byte and its data: None/True/False/Ellipsis, small and
// big ints, floats, strs (interned or not, as the compiler made them),
// bytes, tuples, frozensets, and code objects (their counts, flags, names,
// constants, then the raw words, caches, exception table, cell map and
// position table). A str seen before is written as a back-reference.
#ifndef VM_MARSHAL_H
#define VM_MARSHAL_H
#include <stddef.h>
#include <stdint.h>

#include "runtime/code.h"
#include "util/buf.h"

// Appends the encoding of [co] to [out]; false when it holds a constant the
// format does not know (the caller then keeps the source) or memory ran out.
bool marshal_dump_code(Vm *vm, ObjCode *co, Buf *out);
// Rebuilds the code object from [len] bytes at [data]. NULL with an
// exception set (MemoryError, or SystemError on bytes it cannot read).
ObjCode *marshal_load_code(Vm *vm, const uint8_t *data, size_t len);

#endif // VM_MARSHAL_H
