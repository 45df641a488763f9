// Formatting: printf-style '%' formatting of str and the format-spec
// mini-language (format(), str.format, f-strings).
#include "runtime/exc.h"
#include "runtime/str.h"

bool fmt_percent(Vm *vm, Value fmt, Value args, Value *out) {
    (void)fmt; (void)args; (void)out;
    return rt_raise(vm, &NotImplementedError_type, "%% formatting");
}
