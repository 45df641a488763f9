// bytes: immutable byte strings (NUL-terminated for convenience; may also
// contain NULs). The hash is cached (-1 = not computed).
#ifndef RUNTIME_BYTES_H
#define RUNTIME_BYTES_H
#include "runtime/object.h"

typedef struct ObjBytes {
    Obj hdr;
    int64_t hash;
    size_t len;
    char data[];
} ObjBytes;

#define IS_BYTES(v) IS_INSTANCE(v, bytes_type)
#define AS_BYTES(v) ((ObjBytes *)AS_OBJ(v))

ObjBytes *bytes_new(Vm *vm, const char *data, size_t len);
// The bytes of [v] when it is a bytes object (false otherwise; never raises).
bool bytes_view(Value v, const char **data, size_t *len);
bool bytes_byte_at(Value b, int64_t i, unsigned *out);
// UTF-8 decoding with errors 'strict' (UnicodeDecodeError as CPython words
// it), 'replace' or 'ignore'. [encoding]/[errors] may be VAL_NULL.
bool bytes_decode_value(Vm *vm, Value b, Value encoding, Value errors, Value *out);
bool bytes_decode_utf8(Vm *vm, const char *data, size_t len, const char *errors, Value obj,
                       Value *out);

#endif // RUNTIME_BYTES_H
