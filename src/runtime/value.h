// Value: one machine word holding any Python value. Low bit 1 = small int
// (63-bit signed, stored shifted left by one); low bit 0 = Obj * (objects are
// at least 8-byte aligned). VAL_NULL (0) is "no value": never a Python value,
// used for absent optionals, deleted slots and error returns.
//
// Every heap object starts with Obj: its type and one GC word holding the
// next pointer of the all-objects list plus mark/finalised/static bits in the
// low three bits (the list pointers are 8-aligned). 16 bytes per header.
#ifndef RUNTIME_VALUE_H
#define RUNTIME_VALUE_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef uintptr_t Value;
typedef struct Obj Obj;
typedef struct ObjType ObjType;
typedef struct Vm Vm;

struct Obj {
    ObjType *type;
    uintptr_t gcword;   // next object | GC_* bits
};

#define GC_MARK ((uintptr_t)1)
#define GC_FINALIZED ((uintptr_t)2)   // finaliser already ran (or queued)
#define GC_STATIC ((uintptr_t)4)      // static object: never marked or freed
#define GC_BITS ((uintptr_t)7)

// Header initialiser for static objects (types, None, True, ...).
#define OBJ_STATIC_HEADER(t) { .type = (t), .gcword = GC_STATIC }

#define VAL_NULL ((Value)0)

// Small ints: [SMALL_MIN, SMALL_MAX]; anything outside is an ObjInt (mpz).
#define SMALL_MAX ((int64_t)(((uint64_t)1 << 62) - 1))
#define SMALL_MIN (-SMALL_MAX - 1)

#define IS_INT(v) (((v) & 1) != 0)
#define IS_OBJ(v) (((v) & 1) == 0 && (v) != VAL_NULL)
#define AS_INT(v) ((int64_t)(v) >> 1)
#define INT_VAL(i) ((Value)(((uint64_t)(int64_t)(i) << 1) | 1))
#define AS_OBJ(v) ((Obj *)(v))
#define OBJ_VAL(o) ((Value)(o))
#define FITS_SMALL(i) ((i) >= SMALL_MIN && (i) <= SMALL_MAX)

#endif // RUNTIME_VALUE_H
