// bytes: immutable byte strings.
#include "runtime/exc.h"
#include "runtime/str.h"

bool bytes_view(Value v, const char **data, size_t *len) { (void)v; (void)data; (void)len; return false; }
bool bytes_byte_at(Value b, int64_t i, unsigned *out) { (void)b; (void)i; (void)out; return false; }
bool bytes_decode_value(Vm *vm, Value b, Value encoding, Value errors, Value *out) {
    (void)b; (void)encoding; (void)errors; (void)out;
    return rt_raise(vm, &NotImplementedError_type, "decode");
}
