// float: a boxed IEEE double. repr is the shortest string that round-trips
// (CPython's float_repr_style 'short'), with Python's exponent rules.
#ifndef RUNTIME_FLOAT_H
#define RUNTIME_FLOAT_H
#include "runtime/object.h"
#include "util/buf.h"

typedef struct ObjFloat {
    Obj hdr;
    double d;
} ObjFloat;

#define IS_FLOAT(v) IS_INSTANCE(v, float_type)
#define AS_FLOAT(v) (((ObjFloat *)AS_OBJ(v))->d)

bool float_new(Vm *vm, double d, Value *out);
// Shortest round-trip repr ("0.1", "1e+16", "inf", "-0.0") into [b].
bool float_repr_buf(Buf *b, double d);
int64_t float_hash(double d);
// Python's float floor division / modulo (fails on zero divisor).
bool float_divmod(Vm *vm, double a, double b, double *div, double *mod, const char *what);
// Exact comparison of an int Value with a double (as CPython does).
int float_compare_int(Vm *vm, double d, Value i, bool *ok);
// Parses float(str) syntax; ValueError "could not convert string to float: 'x'".
bool float_parse(Vm *vm, const char *s, size_t len, double *out);
// Any real number (int, bool, float) as a double.
bool rt_as_double(Vm *vm, Value v, double *out);
// The conversion dunders int and float share (__int__, __float__, __trunc__,
// __floor__, __ceil__, __round__): MethodDef functions.
bool num_dunder_int(Vm *vm, Value *args, size_t nargs, Value kw, Value *out);
bool num_dunder_float(Vm *vm, Value *args, size_t nargs, Value kw, Value *out);
bool num_dunder_trunc(Vm *vm, Value *args, size_t nargs, Value kw, Value *out);
bool num_dunder_floor(Vm *vm, Value *args, size_t nargs, Value kw, Value *out);
bool num_dunder_ceil(Vm *vm, Value *args, size_t nargs, Value kw, Value *out);
bool num_dunder_round(Vm *vm, Value *args, size_t nargs, Value kw, Value *out);

#endif // RUNTIME_FLOAT_H
