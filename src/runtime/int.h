// int: small ints live unboxed in the Value (63-bit); anything larger is an
// ObjInt holding a GMP mpz. Invariant: an ObjInt never holds a value that
// fits a small int, so equal ints have one representation and IS_INT is the
// fast path everywhere.
//
// GMP aborts on allocation failure, so every operation first bounds the size
// of its result: beyond INT_MAX_BITS it raises MemoryError (or OverflowError
// where CPython does) instead of calling GMP. mpz limb memory is counted
// towards the GC threshold through gc_account.
#ifndef RUNTIME_INT_H
#define RUNTIME_INT_H
#include <gmp.h>
#include "runtime/object.h"

#define INT_MAX_BITS ((uint64_t)1 << 34)   // 2 GiB of limbs
#define INT_MAX_STR_DIGITS 4300

typedef struct ObjInt {
    Obj hdr;
    mpz_t z;
} ObjInt;

#define IS_BIGINT(v) IS_TYPE_EXACT(v, int_type)
#define AS_BIGINT(v) ((ObjInt *)AS_OBJ(v))
// Any int, bool included.
#define IS_ANYINT(v) (IS_INT(v) || IS_INSTANCE(v, int_type))

// Makes an int Value from a C integer (boxing only when needed).
bool int_from_i64(Vm *vm, int64_t i, Value *out);
bool int_from_u64(Vm *vm, uint64_t u, Value *out);
// Takes ownership of [z] (it is cleared or moved) and normalises.
bool int_from_mpz(Vm *vm, mpz_t z, Value *out);
// Reads any int (bool included) into [z] (initialised by the caller).
void int_to_mpz(Value v, mpz_t z);
// To C integers: false with OverflowError "Python int too large to convert
// to C ssize_t"-style messages when out of range.
bool int_as_i64(Vm *vm, Value v, int64_t *out);
// The value as an index (__index__ accepted), OverflowError "cannot fit 'int'
// into an index-sized integer" when it does not fit int64.
bool rt_index(Vm *vm, Value v, int64_t *out);
// Clamped variant for slice bounds.
bool rt_index_clamped(Vm *vm, Value v, int64_t *out);
double int_to_double(Vm *vm, Value v, bool *ok);   // OverflowError when too big
int int_sign(Value v);
bool int_is_zero(Value v);

// Arithmetic on two ints (bools allowed); NotImplemented never returned.
bool int_binop(Vm *vm, int op, Value a, Value b, Value *out);
bool int_pow(Vm *vm, Value a, Value b, Value mod, Value *out);   // mod VAL_NULL: none
int int_compare(Value a, Value b);   // -1, 0, 1
int64_t int_hash(Value v);
bool int_bit_length(Vm *vm, Value v, Value *out);

// Text conversion. int_to_str honours vm->max_str_digits for base 10.
bool int_to_str(Vm *vm, Value v, int base, Value *out);
bool int_format_buf(Vm *vm, Value v, int base, void *buf);   // appends digits to a Buf
// Parses Python's int(str, base) syntax (whitespace, sign, underscores,
// prefixes when base is 0 or matches); ValueError with CPython's message.
bool int_parse(Vm *vm, const char *s, size_t len, int base, Value *out);

extern const MethodDef int_methods[];

#endif // RUNTIME_INT_H
