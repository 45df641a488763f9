// The builtin-module table (see modules.h). Adding a module = one line here.
#include "runtime/modules.h"

#include <string.h>

static const BuiltinModuleDef table[] = {
    {"time", rt_time_init, NULL, false},
    {"math", rt_math_init, NULL, false},
    {"gc", rt_gc_module_init, NULL, false},
    {"_aiopy", rt_aiopy_init, NULL, false},
    {"os", rt_os_init, NULL, false},
    {"types", NULL, &rt_src_types, false},
    {"inspect", NULL, &rt_src_inspect, false},
    {"abc", NULL, &rt_src_abc, false},
    {"collections", NULL, &rt_src_collections, true},
    {"collections.abc", NULL, &rt_src_collections_abc, false},
    {"traceback", vm_traceback_init, &rt_src_traceback, false},
    {"contextvars", rt_contextvars_init, NULL, false},
    {"_contextvars", rt_contextvars_init, NULL, false},
};

const BuiltinModuleDef *rt_module_find(const char *name, size_t len) {
    for (size_t i = 0; i < sizeof table / sizeof *table; i++)
        if (strlen(table[i].name) == len && memcmp(table[i].name, name, len) == 0) return &table[i];
    return NULL;
}
