// The _re module's table: compile() and the Pattern, Match and scanner
// types, plus CPython's _sre constants. lib/re.py is the public module.
#include <string.h>

#include "runtime/bytes.h"
#include "runtime/dict.h"
#include "runtime/exc.h"
#include "runtime/int.h"
#include "runtime/modules.h"
#include "runtime/native.h"
#include "runtime/re/re.h"
#include "runtime/str.h"
#include "runtime/type.h"

// escape(pattern): a backslash before each character that is special in a
// pattern, or could become so: the metacharacters, '-', '&' and '~' (set
// operations), '#' and whitespace (verbose mode).
static bool f_escape(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "escape", kw));
    TRY(rt_check_nargs(vm, "escape", nargs, 1, 1));
    static const char special[] = "()[]{}?*+-|^$\\.&~# \t\n\r\v\f";
    const char *d;
    size_t n;
    bool text = IS_STR(args[0]);
    if (text) d = AS_STR(args[0])->data, n = AS_STR(args[0])->len;
    else if (!bytes_view(args[0], &d, &n))
        return rt_raise(vm, &TypeError_type, "decoding to str: need a bytes-like object, %s found",
                        type_name(rt_type(args[0])));
    Buf b;
    buf_init(&b);
    bool ok = buf_reserve(&b, n + 1);
    for (size_t i = 0; ok && i < n; i++) {
        if (d[i] && memchr(special, d[i], sizeof special - 1)) ok = buf_putc(&b, '\\');
        ok = ok && buf_putc(&b, d[i]);
    }
    Obj *o = NULL;
    if (ok) o = text ? (Obj *)str_new(vm, b.data ? b.data : "", b.len) : (Obj *)bytes_new(vm, b.data ? b.data : "", b.len);
    buf_free(&b);
    if (!ok) return rt_raise_nomem(vm);
    TRY(o);
    *out = OBJ_VAL(o);
    return true;
}

static const MethodDef re_defs[] = {
    {"compile", re_compile, 0},
    {"escape", f_escape, 0},
    {NULL, NULL, 0},
};

bool rt_re_init(Vm *vm, ObjModule *m) {
    TRY(module_add_functions(vm, m, re_defs));
    ObjDict *d = AS_DICT(m->dict);
    Value maxrepeat;
    TRY(int_from_i64(vm, RE_MAXREPEAT, &maxrepeat));
    return dict_set_cstr(vm, d, "Pattern", OBJ_VAL(&re_pattern_type)) &&
           dict_set_cstr(vm, d, "Match", OBJ_VAL(&re_match_type)) &&
           dict_set_cstr(vm, d, "MAXREPEAT", maxrepeat) &&
           dict_set_cstr(vm, d, "MAXGROUPS", INT_VAL(RE_MAXGROUPS));
}
