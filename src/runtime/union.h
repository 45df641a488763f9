// types.UnionType (PEP 604): what `int | str` gives. `X | Y` makes one when
// both operands are classes, None, types.GenericAlias or unions (anything
// else, typing's special forms among them, is left to the other operand):
// nested unions are flattened, duplicates dropped (aliases by equality,
// the rest by identity), None stored as NoneType, and a single remaining
// argument is returned itself. isinstance and issubclass take a union as
// they take a tuple of its arguments (builtins.c).
#ifndef RUNTIME_UNION_H
#define RUNTIME_UNION_H
#include "runtime/object.h"

typedef struct ObjUnion {
    Obj hdr;
    Value args;          // tuple
    Value params;        // tuple, computed on first use; VAL_NULL until then
} ObjUnion;

extern ObjType union_type;
#define IS_UNION(v) IS_TYPE_EXACT(v, union_type)
#define AS_UNION(v) ((ObjUnion *)AS_OBJ(v))

// The binop slot of type, types.GenericAlias and types.UnionType: `a | b`,
// NotImplemented for any other operator or operand.
bool union_type_or(Vm *vm, int op, Value a, Value b, Value *out);

#endif // RUNTIME_UNION_H
