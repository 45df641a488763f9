// The builtin-module registry (see modules.h). A module written in C is one
// line in [c_modules]; a module written in Python is a file in lib/.
#include "runtime/modules.h"

#include "runtime/asyncio/aio.h"

#include <string.h>

static const BuiltinModuleDef c_modules[] = {
    {"time", rt_time_init, false},
    {"math", rt_math_init, false},
    {"gc", rt_gc_module_init, false},
    {"_aiopy", rt_aiopy_init, false},
    {"os", rt_os_init, false},
    {"traceback", vm_traceback_init, false},
    {"_asyncio", rt_asyncio_init, false},
    {"signal", vm_signal_module_init, false},
    {"_runpy", vm_runpy_init, false},
    {"contextvars", rt_contextvars_init, false},
    {"_contextvars", rt_contextvars_init, false},
    {"_collections", rt_collections_init, false},
    {"_socket", rt_socket_init, false},
    {"errno", rt_errno_init, false},
    {"_re", rt_re_init, false},
    {"_random", rt_random_init, false},
    {"_json", rt_json_init, false},
    {"_io", rt_io_init, false},
    {"_warnings", vm_warnings_init, false},
};

static int name_cmp(const char *a, const char *b, size_t blen) {
    int c = strncmp(a, b, blen);
    return c ? c : (a[blen] != '\0');
}

static const LibModule *lib_find(const char *name, size_t len) {
    size_t lo = 0, hi = rt_lib_module_count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = name_cmp(rt_lib_modules[mid].name, name, len);
        if (c == 0) return &rt_lib_modules[mid];
        if (c < 0) lo = mid + 1;
        else hi = mid;
    }
    return NULL;
}

static const FrozenCode *frozen;   // NULL: compile the text

void rt_modules_use_frozen(const FrozenCode *codes, size_t count) {
    frozen = count == rt_lib_module_count ? codes : NULL;
}

bool rt_module_find(const char *name, size_t len, BuiltinModule *out) {
    const BuiltinModuleDef *def = NULL;
    for (size_t i = 0; i < sizeof c_modules / sizeof *c_modules; i++)
        if (strlen(c_modules[i].name) == len && memcmp(c_modules[i].name, name, len) == 0) def = &c_modules[i];
    const LibModule *lib = lib_find(name, len);
    if (!def && !lib) return false;
    out->name = def ? def->name : lib->name;
    out->init = def ? def->init : NULL;
    out->source = lib ? lib->source : NULL;
    out->source_len = lib ? lib->len : 0;
    const FrozenCode *fc = lib && frozen ? &frozen[lib - rt_lib_modules] : NULL;
    out->code = fc ? fc->code : NULL;
    out->code_len = fc ? fc->len : 0;
    out->package = (def && def->package) || (lib && lib->package);
    return true;
}
