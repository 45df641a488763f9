// The builtins module: THE one table of builtin functions (`defs` below),
// the builtin iterator types (enumerate, zip, map, filter, reversed, the
// two-argument iter), super, and the registration of every builtin type and
// exception class. Functions that need the running frame (globals, locals,
// vars, dir, super) read it from the thread state (runtime/frame.h).
// Messages are CPython 3.11's.
#include "runtime/builtins.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdio_ext.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "runtime/dict.h"
#include "runtime/exc.h"
#include "runtime/excgroup.h"
#include "runtime/file.h"
#include "runtime/float.h"
#include "runtime/frame.h"
#include "runtime/genericalias.h"
#include "runtime/union.h"
#include "runtime/func.h"
#include "runtime/gc.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/module.h"
#include "runtime/native.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"

#define NO_KW(name) TRY(rt_no_kwargs(vm, name, kw))
#define NARGS(name, lo, hi) TRY(rt_check_nargs(vm, name, nargs, lo, hi))

static size_t nkwargs(Value kw) { return kw ? AS_TUPLE(kw)->len : 0; }

// Finds keyword [name] among [kw] (values follow the positionals).
static Value kwarg(Value *args, size_t nargs, Value kw, const char *name) {
    for (size_t i = 0; i < nkwargs(kw); i++)
        if (str_eq_cstr(AS_STR(AS_TUPLE(kw)->items[i]), name)) return args[nargs + i];
    return VAL_NULL;
}

static bool check_kwargs(Vm *vm, const char *fname, Value kw, const char *const *allowed) {
    for (size_t i = 0; i < nkwargs(kw); i++) {
        ObjStr *k = AS_STR(AS_TUPLE(kw)->items[i]);
        bool ok = false;
        for (const char *const *a = allowed; *a && !ok; a++) ok = str_eq_cstr(k, *a);
        if (!ok)
            return rt_raise(vm, &TypeError_type, "'%U' is an invalid keyword argument for %s()", k, fname);
    }
    return true;
}

// ---- output ----

// A buffered write to [fp] failed (a closed pipe, a full disk): the error
// is raised as CPython raises it (BrokenPipeError, OSError [Errno 28]), and
// what could not be written is dropped so that the exit's flush does not
// fail again on it.
static bool write_failed(Vm *vm, FILE *fp) {
    int e = errno ? errno : EIO;
    __fpurge(fp);
    clearerr(fp);
    return rt_raise_errno(vm, e, VAL_NULL);
}

bool rt_write_str(Vm *vm, Value file, Value s) {
    if (vm->hooks.before_output) vm->hooks.before_output(vm);
    FILE *fp = rt_file_write_fp(file);
    if (fp) {
        if (fwrite(AS_STR(s)->data, 1, AS_STR(s)->len, fp) != AS_STR(s)->len && AS_STR(s)->len)
            return write_failed(vm, fp);
        return true;
    }
    Value r;
    ObjStr *w = str_intern_cstr(vm, "write");
    TRY(w);
    Value m;
    TRY(rt_getattr(vm, file, w, &m));
    gc_push_root(vm, m);
    bool ok = rt_call1(vm, m, s, &r);
    gc_pop_root(vm);
    return ok;
}

static Value sys_attr(Vm *vm, const char *name) {
    ThreadState *ts = VM_TS(vm);
    Value v;
    if (!ts || !ts->sys_module) return VAL_NULL;
    ObjStr *n = str_intern_cstr(vm, name);
    if (!n) {
        rt_exc_clear(vm);
        return VAL_NULL;
    }
    Value d = ((ObjModule *)AS_OBJ(ts->sys_module))->dict;
    return dict_get_str(vm, AS_DICT(d), n, &v) == 1 ? v : VAL_NULL;
}

static bool b_print(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    static const char *const allowed[] = {"sep", "end", "file", "flush", NULL};
    TRY(check_kwargs(vm, "print", kw, allowed));
    Value sep = kwarg(args, nargs, kw, "sep"), end = kwarg(args, nargs, kw, "end");
    Value file = kwarg(args, nargs, kw, "file"), flush = kwarg(args, nargs, kw, "flush");
    if (sep && !IS_NONE(sep) && !IS_STR(sep))
        return rt_raise(vm, &TypeError_type, "sep must be None or a string, not %s", type_name(rt_type(sep)));
    if (end && !IS_NONE(end) && !IS_STR(end))
        return rt_raise(vm, &TypeError_type, "end must be None or a string, not %s", type_name(rt_type(end)));
    if (!file || IS_NONE(file)) file = sys_attr(vm, "stdout");
    if (!file || IS_NONE(file)) {
        *out = NONE_VAL;
        return true;
    }
    gc_push_root(vm, file);
    bool ok = true;
    if (vm->hooks.before_output) vm->hooks.before_output(vm);
    FILE *fp = rt_file_write_fp(file);
    if (fp) {
        // The common case (sys.stdout, open() text files): one buffered
        // write per piece, no temporary strings.
        for (size_t i = 0; i < nargs && ok; i++) {
            if (i) {
                if (sep && IS_STR(sep)) fwrite(AS_STR(sep)->data, 1, AS_STR(sep)->len, fp);
                else fputc(' ', fp);
            }
            Value s = args[i];
            if (!IS_TYPE_EXACT(s, str_type)) ok = rt_str(vm, args[i], &s);
            if (ok) fwrite(AS_STR(s)->data, 1, AS_STR(s)->len, fp);
        }
        if (ok) {
            if (end && IS_STR(end)) fwrite(AS_STR(end)->data, 1, AS_STR(end)->len, fp);
            else fputc('\n', fp);
        }
        if (ok && flush && rt_is_true(vm, flush) == 1) fflush(fp);
        if (ok && ferror(fp)) ok = write_failed(vm, fp);
    } else {
        for (size_t i = 0; i < nargs && ok; i++) {
            if (i) ok = rt_write_str(vm, file, sep && IS_STR(sep) ? sep : OBJ_VAL(str_intern_cstr(vm, " ")));
            Value s;
            ok = ok && rt_str(vm, args[i], &s);
            if (ok) {
                gc_push_root(vm, s);
                ok = rt_write_str(vm, file, s);
                gc_pop_root(vm);
            }
        }
        ok = ok && rt_write_str(vm, file, end && IS_STR(end) ? end : OBJ_VAL(str_intern_cstr(vm, "\n")));
        if (ok && flush && rt_is_true(vm, flush) == 1) {
            Value r;
            ObjStr *fl = str_intern_cstr(vm, "flush");
            ok = fl && rt_call_method(vm, file, fl, NULL, 0, &r);
        }
    }
    gc_pop_root(vm);
    TRY(ok);
    *out = NONE_VAL;
    return true;
}

// input(): the prompt goes to sys.stdout and the line comes from
// sys.stdin.readline(), whatever objects those are (as CPython when they
// are not both terminals).
static bool b_input(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    NO_KW("input");
    NARGS("input", 0, 1);
    Value in = sys_attr(vm, "stdin"), outf = sys_attr(vm, "stdout");
    if (!in || IS_NONE(in)) return rt_raise(vm, &RuntimeError_type, "input(): lost sys.stdin");
    if (!outf || IS_NONE(outf)) return rt_raise(vm, &RuntimeError_type, "input(): lost sys.stdout");
    size_t mark = gc_roots_mark(vm);
    gc_push_root(vm, in);
    gc_push_root(vm, outf);
    bool ok = true;
    Value s, r;
    if (nargs) {
        ok = rt_str(vm, args[0], &s);
        if (ok) {
            gc_push_root(vm, s);
            ok = rt_write_str(vm, outf, s);
        }
    }
    ObjStr *name = ok ? str_intern_cstr(vm, "flush") : NULL;
    ok = name && rt_call_method(vm, outf, name, NULL, 0, &r);
    name = ok ? str_intern_cstr(vm, "readline") : NULL;
    Value line = VAL_NULL;
    ok = name && rt_call_method(vm, in, name, NULL, 0, &line);
    if (ok && !IS_STR(line)) ok = rt_raise(vm, &TypeError_type, "object.readline() returned non-string");
    if (ok && AS_STR(line)->len == 0) ok = rt_raise(vm, &EOFError_type, "EOF when reading a line");
    if (ok) {
        ObjStr *l = AS_STR(line);
        if (l->data[l->len - 1] == '\n') {
            gc_push_root(vm, line);
            ObjStr *t = str_new(vm, l->data, l->len - 1);
            ok = t != NULL;
            if (ok) line = OBJ_VAL(t);
        }
    }
    gc_roots_reset(vm, mark);
    if (ok) *out = line;
    return ok;
}

// ---- conversions and queries ----

static bool b_repr(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    NO_KW("repr");
    NARGS("repr", 1, 1);
    return rt_repr(vm, args[0], out);
}

static bool b_ascii(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    NO_KW("ascii");
    NARGS("ascii", 1, 1);
    return rt_ascii(vm, args[0], out);
}

static bool b_len(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    NO_KW("len");
    NARGS("len", 1, 1);
    int64_t n;
    TRY(rt_len(vm, args[0], &n));
    *out = INT_VAL(n);
    return true;
}

static bool b_abs(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    NO_KW("abs");
    NARGS("abs", 1, 1);
    return rt_unary_op(vm, UNOP_ABS, args[0], out);
}

static bool b_hash(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    NO_KW("hash");
    NARGS("hash", 1, 1);
    int64_t h;
    TRY(rt_hash(vm, args[0], &h));
    return int_from_i64(vm, h, out);
}

static bool b_id(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    NO_KW("id");
    NARGS("id", 1, 1);
    return int_from_u64(vm, (uint64_t)args[0], out);
}

static bool b_callable(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    NO_KW("callable");
    NARGS("callable", 1, 1);
    *out = rt_bool(rt_callable(args[0]));
    return true;
}

// CPython's PyObject_IsInstance / PyObject_IsSubclass: a union counts as
// the tuple of its arguments; a class whose metaclass overrides
// __instancecheck__ / __subclasscheck__ (abc.ABCMeta), and any other object
// whose type defines it (types.GenericAlias, typing's forms), decides
// itself. [hook] is the interned dunder; 1 it was called (*res set), 0 no
// hook applies, -1 error.
static int check_hook(Vm *vm, Value cls, Value arg, const char *hook, int *res) {
    ObjType *meta = rt_type(cls);
    if (IS_TYPE(cls) && !TYPE_IS_HEAP(meta)) return 0;   // type's own check
    ObjStr *name = str_intern_cstr(vm, hook);
    if (!name) return -1;
    if (IS_TYPE(cls) && !type_has_heap_attr(vm, meta, name)) return 0;
    gc_push_root(vm, OBJ_VAL(name));
    Value fn, r;
    int found = type_lookup(vm, meta, name, &fn, NULL);
    if (found <= 0) return gc_pop_root(vm), found;
    bool ok = rt_call_method(vm, cls, name, &arg, 1, &r);
    gc_pop_root(vm);
    if (!ok) return -1;
    gc_push_root(vm, r);
    *res = rt_is_true(vm, r);
    gc_pop_root(vm);
    return *res < 0 ? -1 : 1;
}

// CPython's second chance: an object whose class defines __class__ (a
// mock with a spec) is also an instance of the class __class__ names.
static int class_attr_instance(Vm *vm, Value v, ObjType *cls) {
    ObjType *t = rt_type(v);
    if (!TYPE_IS_HEAP(t) || !type_has_heap_attr(vm, t, NAME(vm, class))) return 0;
    Value c;
    int found = rt_getattr_opt(vm, v, NAME(vm, class), &c);
    if (found <= 0) return found;
    if (!IS_TYPE(c) || AS_TYPE(c) == t) return 0;
    return type_is_subtype(AS_TYPE(c), cls);
}

static int instance(Vm *vm, Value v, Value cls) {
    if (IS_TYPE(cls) && rt_type(v) == AS_TYPE(cls)) return 1;
    if (IS_UNION(cls)) cls = AS_UNION(cls)->args;
    if (IS_TUPLE(cls)) {
        for (size_t i = 0; i < AS_TUPLE(cls)->len; i++) {
            int r = instance(vm, v, AS_TUPLE(cls)->items[i]);
            if (r) return r;
        }
        return 0;
    }
    int res, h = check_hook(vm, cls, v, "__instancecheck__", &res);
    if (h) return h < 0 ? -1 : res;
    int r = rt_isinstance(vm, v, cls);
    if (r != 0 || !IS_TYPE(cls)) return r;
    return class_attr_instance(vm, v, AS_TYPE(cls));
}

static bool b_isinstance(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    NO_KW("isinstance");
    NARGS("isinstance", 2, 2);
    int r = instance(vm, args[0], args[1]);
    if (r < 0) return false;
    *out = rt_bool(r);
    return true;
}

static int subclass(Vm *vm, Value c, Value cls) {
    if (IS_UNION(cls)) cls = AS_UNION(cls)->args;
    if (IS_TUPLE(cls)) {
        for (size_t i = 0; i < AS_TUPLE(cls)->len; i++) {
            int r = subclass(vm, c, AS_TUPLE(cls)->items[i]);
            if (r) return r;
        }
        return 0;
    }
    int res, h = check_hook(vm, cls, c, "__subclasscheck__", &res);
    if (h) return h < 0 ? -1 : res;
    if (!IS_TYPE(c)) {
        rt_raise(vm, &TypeError_type, "issubclass() arg 1 must be a class");
        return -1;
    }
    if (!IS_TYPE(cls)) {
        rt_raise(vm, &TypeError_type, "issubclass() arg 2 must be a class, a tuple of classes, or a union");
        return -1;
    }
    return type_is_subtype(AS_TYPE(c), AS_TYPE(cls));
}

static bool b_issubclass(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    NO_KW("issubclass");
    NARGS("issubclass", 2, 2);
    int r = subclass(vm, args[0], args[1]);
    if (r < 0) return false;
    *out = rt_bool(r);
    return true;
}

static bool attr_name(Vm *vm, const char *fname, Value v, ObjStr **out) {
    if (!IS_STR(v))
        return rt_raise(vm, &TypeError_type, "%s(): attribute name must be string, not '%s'", fname,
                        type_name(rt_type(v)));
    *out = AS_STR(v);
    return true;
}

static bool b_getattr(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    NO_KW("getattr");
    NARGS("getattr", 2, 3);
    ObjStr *n;
    TRY(attr_name(vm, "getattr", args[1], &n));
    if (nargs == 2) return rt_getattr(vm, args[0], n, out);
    int r = rt_getattr_opt(vm, args[0], n, out);
    if (r > 0) return true;
    if (r < 0) {
        if (!rt_exc_matches(vm, &AttributeError_type)) return false;
        rt_exc_clear(vm);
    }
    *out = args[2];
    return true;
}

static bool b_hasattr(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    NO_KW("hasattr");
    NARGS("hasattr", 2, 2);
    ObjStr *n;
    TRY(attr_name(vm, "hasattr", args[1], &n));
    Value v;
    int r = rt_getattr_opt(vm, args[0], n, &v);
    if (r < 0) {
        if (!rt_exc_matches(vm, &AttributeError_type)) return false;
        rt_exc_clear(vm);
        r = 0;
    }
    *out = rt_bool(r);
    return true;
}

static bool b_setattr(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    NO_KW("setattr");
    NARGS("setattr", 3, 3);
    ObjStr *n;
    TRY(attr_name(vm, "setattr", args[1], &n));
    TRY(rt_setattr(vm, args[0], n, args[2]));
    *out = NONE_VAL;
    return true;
}

static bool b_delattr(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    NO_KW("delattr");
    NARGS("delattr", 2, 2);
    ObjStr *n;
    TRY(attr_name(vm, "delattr", args[1], &n));
    TRY(rt_delattr(vm, args[0], n));
    *out = NONE_VAL;
    return true;
}

static bool b_chr(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    NO_KW("chr");
    NARGS("chr", 1, 1);
    int64_t i;
    if (IS_FLOAT(args[0]))
        return rt_raise(vm, &TypeError_type, "'float' object cannot be interpreted as an integer");
    TRY(rt_index(vm, args[0], &i));
    if (i < 0 || i > 0x10FFFF) return rt_raise(vm, &ValueError_type, "chr() arg not in range(0x110000)");
    ObjStr *s = str_from_cp(vm, (uint32_t)i);
    TRY(s);
    *out = OBJ_VAL(s);
    return true;
}

static bool b_ord(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    NO_KW("ord");
    NARGS("ord", 1, 1);
    if (IS_STR(args[0])) {
        ObjStr *s = AS_STR(args[0]);
        if (s->cplen != 1)
            return rt_raise(vm, &TypeError_type, "ord() expected a character, but string of length %zu found",
                            s->cplen);
        *out = INT_VAL(str_char_at(s, 0));
        return true;
    }
    int64_t n;
    if (IS_INSTANCE(args[0], bytes_type) && rt_len(vm, args[0], &n)) {
        if (n != 1)
            return rt_raise(vm, &TypeError_type, "ord() expected a character, but string of length %lld found",
                            (long long)n);
        return rt_getitem(vm, args[0], INT_VAL(0), out);
    }
    rt_exc_clear(vm);
    return rt_raise(vm, &TypeError_type, "ord() expected string of length 1, but %s found",
                    type_name(rt_type(args[0])));
}

static bool radix(Vm *vm, Value v, int base, const char *prefix, Value *out) {
    Value i;
    ObjType *t = rt_type(v);
    if (IS_ANYINT(v)) {
        i = int_unbool(v);
    } else {
        bool (*ix)(Vm *, Value, Value *) = TYPE_SLOT(t, index);
        if (!ix)
            return rt_raise(vm, &TypeError_type, "'%s' object cannot be interpreted as an integer", type_name(t));
        TRY(ix(vm, v, &i));
    }
    Value digits;
    bool neg = int_sign(i) < 0;
    if (neg) TRY(rt_unary_op(vm, UNOP_NEG, i, &i));
    TRY(int_to_str(vm, i, base, &digits));
    ObjStr *s = rt_format_cmsg(vm, "%s%s%U", neg ? "-" : "", prefix, AS_STR(digits));
    TRY(s);
    *out = OBJ_VAL(s);
    return true;
}

static bool b_hex(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    NO_KW("hex");
    NARGS("hex", 1, 1);
    return radix(vm, args[0], 16, "0x", out);
}
static bool b_oct(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    NO_KW("oct");
    NARGS("oct", 1, 1);
    return radix(vm, args[0], 8, "0o", out);
}
static bool b_bin(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    NO_KW("bin");
    NARGS("bin", 1, 1);
    return radix(vm, args[0], 2, "0b", out);
}

static bool b_divmod(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    NO_KW("divmod");
    NARGS("divmod", 2, 2);
    return rt_binary_op(vm, BINOP_DIVMOD, args[0], args[1], out);
}

static bool b_pow(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    static const char *const names[] = {"base", "exp", "mod"};
    Value a[3];
    TRY(rt_parse_args(vm, "pow", args, nargs, kw, names, 3, 3, 2, a));
    if (a[2] && !IS_NONE(a[2])) return rt_pow3(vm, a[0], a[1], a[2], out);
    return rt_binary_op(vm, BINOP_POW, a[0], a[1], out);
}

static bool b_round(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    static const char *const names[] = {"number", "ndigits"};
    Value a[2];
    TRY(rt_parse_args(vm, "round", args, nargs, kw, names, 2, 2, 1, a));
    Value x = a[0], nd = a[1] && !IS_NONE(a[1]) ? a[1] : VAL_NULL;
    if (IS_ANYINT(x)) {
        x = int_unbool(x);
        if (!nd) {
            *out = x;
            return true;
        }
        int64_t n;
        TRY(rt_index(vm, nd, &n));
        if (n >= 0) {
            *out = x;
            return true;
        }
        // Round to 10**-n with ties to even, through floor division.
        Value p, q, two_r, odd, c;
        TRY(int_pow(vm, INT_VAL(10), INT_VAL(-n), VAL_NULL, &p));
        size_t mark = gc_roots_mark(vm);
        gc_push_root(vm, p);
        bool ok = rt_binary_op(vm, BINOP_DIVMOD, x, p, &q);
        if (ok) gc_push_root(vm, q);
        Value quot = ok ? AS_TUPLE(q)->items[0] : VAL_NULL;
        ok = ok && rt_binary_op(vm, BINOP_MUL, AS_TUPLE(q)->items[1], INT_VAL(2), &two_r);
        if (ok) gc_push_root(vm, two_r);
        ok = ok && rt_binary_op(vm, BINOP_AND, quot, INT_VAL(1), &odd);
        if (ok) {
            int cmp = int_compare(two_r, p);
            if (cmp > 0 || (cmp == 0 && !int_is_zero(odd))) {
                ok = rt_binary_op(vm, BINOP_ADD, quot, INT_VAL(1), &c);
                quot = c;
            }
        }
        if (ok) gc_push_root(vm, quot);
        ok = ok && rt_binary_op(vm, BINOP_MUL, quot, p, out);
        gc_roots_reset(vm, mark);
        return ok;
    }
    if (IS_FLOAT(x)) {
        double d = AS_FLOAT(x);
        if (!nd) {
            if (isnan(d)) return rt_raise(vm, &ValueError_type, "cannot convert float NaN to integer");
            if (isinf(d)) return rt_raise(vm, &OverflowError_type, "cannot convert float infinity to integer");
            double r = nearbyint(d);
            if (fabs(r) < 9.0e18) return int_from_i64(vm, (int64_t)r, out);
            mpz_t z;
            mpz_init_set_d(z, r);
            return int_from_mpz(vm, z, out);
        }
        int64_t n;
        TRY(rt_index(vm, nd, &n));
        if (isnan(d) || isinf(d) || d == 0.0) return float_new(vm, d, out);
        if (n > 320) return float_new(vm, d, out);
        if (n < -320) return float_new(vm, 0.0 * d, out);
        char buf[512];
        double r;
        if (n >= 0) {
            snprintf(buf, sizeof buf, "%.*f", (int)n, d);
            r = strtod(buf, NULL);
        } else {
            double p = pow(10.0, (double)-n);
            double y = d / p;
            r = nearbyint(y) * p;
            if (isinf(r)) return rt_raise(vm, &OverflowError_type, "rounded value too large to represent");
        }
        if (r == 0.0) r = copysign(0.0, d);
        return float_new(vm, r, out);
    }
    Value fn;
    ObjStr *rn = str_intern_cstr(vm, "__round__");
    TRY(rn);
    int r = type_lookup(vm, rt_type(x), rn, &fn, NULL);
    if (r < 0) return false;
    if (!r)
        return rt_raise(vm, &TypeError_type, "type %s doesn't define __round__ method", type_name(rt_type(x)));
    return rt_call_method(vm, x, rn, nd ? &nd : NULL, nd ? 1 : 0, out);
}

// ---- iteration helpers ----

static bool b_iter(Vm *vm, Value *args, size_t nargs, Value kw, Value *out);
bool rt_builtin_next(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    NO_KW("next");
    NARGS("next", 1, 2);
    SendResult (*send)(Vm *, Value, Value, Value *) = TYPE_SLOT(rt_type(args[0]), send);
    if (send && TYPE_SLOT(rt_type(args[0]), iternext)) {
        // Generators: a return value becomes StopIteration.value.
        SendResult s = send(vm, args[0], NONE_VAL, out);
        if (s == SEND_NEXT) return true;
        if (s == SEND_ERROR) return false;
        if (nargs == 2) {
            *out = args[1];
            return true;
        }
        if (IS_NONE(*out)) return rt_raise_empty(vm, &StopIteration_type);
        return rt_raise_arg(vm, &StopIteration_type, *out);
    }
    vm->iter_stop = VAL_NULL;
    IterResult r = rt_next(vm, args[0], out);
    if (r == ITER_NEXT) return true;
    if (r == ITER_ERROR) {
        if (nargs == 2 && rt_exc_matches(vm, &StopIteration_type)) {
            rt_exc_clear(vm);
            *out = args[1];
            return true;
        }
        return false;
    }
    Value stop = vm->iter_stop;
    vm->iter_stop = VAL_NULL;
    if (nargs == 2) {
        *out = args[1];
        return true;
    }
    if (stop) {
        vm->exc = stop;   // the __next__'s own StopIteration, args and traceback
        return false;
    }
    return rt_raise_empty(vm, &StopIteration_type);
}

static bool b_any_all(Vm *vm, Value it, bool want, Value *out) {
    Value iter, v;
    TRY(rt_iter(vm, it, &iter));
    gc_push_root(vm, iter);
    IterResult r;
    bool result = !want;
    while ((r = rt_next(vm, iter, &v)) == ITER_NEXT) {
        int t = rt_is_true(vm, v);
        if (t < 0) {
            r = ITER_ERROR;
            break;
        }
        if ((t != 0) == want) {
            result = want;
            break;
        }
    }
    gc_pop_root(vm);
    if (r == ITER_ERROR) return false;
    *out = rt_bool(result);
    return true;
}

static bool b_any(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    NO_KW("any");
    NARGS("any", 1, 1);
    return b_any_all(vm, args[0], true, out);
}

static bool b_all(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    NO_KW("all");
    NARGS("all", 1, 1);
    return b_any_all(vm, args[0], false, out);
}

static bool b_sum(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    static const char *const names[] = {"iterable", "start"};
    Value a[2];
    TRY(rt_parse_args(vm, "sum", args, nargs, kw, names, 2, 2, 1, a));
    Value acc = a[1] ? a[1] : INT_VAL(0);
    if (IS_STR(acc)) return rt_raise(vm, &TypeError_type, "sum() can't sum strings [use ''.join(seq) instead]");
    if (IS_INSTANCE(acc, bytes_type))
        return rt_raise(vm, &TypeError_type, "sum() can't sum bytes [use b''.join(seq) instead]");
    Value iter, v;
    TRY(rt_iter(vm, a[0], &iter));
    size_t mark = gc_roots_mark(vm);
    gc_push_root(vm, iter);
    gc_push_root(vm, acc);
    IterResult r;
    while ((r = rt_next(vm, iter, &v)) == ITER_NEXT) {
        if (IS_INT(acc) && IS_INT(v)) {
            int64_t s = AS_INT(acc) + AS_INT(v);
            if (FITS_SMALL(s)) {
                acc = INT_VAL(s);
                continue;
            }
        }
        gc_push_root(vm, v);
        bool ok = rt_add(vm, acc, v, &acc);
        gc_pop_root(vm);
        if (!ok) {
            r = ITER_ERROR;
            break;
        }
        vm->temp_roots[mark + 1] = acc;
    }
    gc_roots_reset(vm, mark);
    if (r == ITER_ERROR) return false;
    *out = acc;
    return true;
}

static bool minmax(Vm *vm, Value *args, size_t nargs, Value kw, Value *out, bool is_max) {
    const char *fname = is_max ? "max" : "min";
    static const char *const allowed[] = {"key", "default", NULL};
    TRY(check_kwargs(vm, fname, kw, allowed));
    Value key = kwarg(args, nargs, kw, "key"), def = kwarg(args, nargs, kw, "default");
    if (key && IS_NONE(key)) key = VAL_NULL;
    if (nargs == 0)
        return rt_raise(vm, &TypeError_type, "%s expected at least 1 argument, got 0", fname);
    if (nargs > 1 && def)
        return rt_raise(vm, &TypeError_type,
                        "Cannot specify a default for %s() with multiple positional arguments", fname);
    Value iter, v, best = VAL_NULL, bestkey = VAL_NULL;
    size_t mark = gc_roots_mark(vm);
    if (nargs == 1) {
        TRY(rt_iter(vm, args[0], &iter));
    } else {
        ObjTuple *t = tuple_from(vm, args, nargs);
        TRY(t);
        gc_push_root(vm, OBJ_VAL(t));
        TRY(rt_iter(vm, OBJ_VAL(t), &iter));
    }
    gc_push_root(vm, iter);
    size_t slots = gc_roots_mark(vm);
    gc_push_root(vm, VAL_NULL);
    gc_push_root(vm, VAL_NULL);
    IterResult r;
    bool ok = true;
    while ((r = rt_next(vm, iter, &v)) == ITER_NEXT) {
        Value k = v;
        gc_push_root(vm, v);
        if (key && !rt_call1(vm, key, v, &k)) {
            ok = false;
            break;
        }
        gc_pop_root(vm);
        if (!best) {
            best = v;
            bestkey = k;
        } else {
            gc_push_root(vm, k);
            gc_push_root(vm, v);
            int c = rt_compare_bool(vm, k, bestkey, is_max ? CMP_GT : CMP_LT);
            gc_pop_roots(vm, 2);
            if (c < 0) {
                ok = false;
                break;
            }
            if (c) {
                best = v;
                bestkey = k;
            }
        }
        vm->temp_roots[slots] = best;
        vm->temp_roots[slots + 1] = bestkey;
    }
    gc_roots_reset(vm, mark);
    if (!ok || r == ITER_ERROR) return false;
    if (!best) {
        if (def) {
            *out = def;
            return true;
        }
        return rt_raise(vm, &ValueError_type, "%s() arg is an empty sequence", fname);
    }
    *out = best;
    return true;
}

static bool b_max(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    return minmax(vm, args, nargs, kw, out, true);
}
static bool b_min(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    return minmax(vm, args, nargs, kw, out, false);
}

static bool b_sorted(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    static const char *const allowed[] = {"key", "reverse", NULL};
    if (nargs != 1)
        return rt_raise(vm, &TypeError_type, "sorted expected 1 argument, got %zu", nargs);
    TRY(check_kwargs(vm, "sorted", kw, allowed));
    Value key = kwarg(args, nargs, kw, "key"), rev = kwarg(args, nargs, kw, "reverse");
    ObjList *l = list_new(vm, 0);
    TRY(l);
    gc_push_root(vm, OBJ_VAL(l));
    bool ok = list_extend(vm, l, args[0]);
    int r = 0;
    if (ok && rev) {
        r = rt_is_true(vm, rev);
        ok = r >= 0;
    }
    ok = ok && list_sort(vm, l, key && !IS_NONE(key) ? key : VAL_NULL, r == 1);
    gc_pop_root(vm);
    TRY(ok);
    *out = OBJ_VAL(l);
    return true;
}

// ---- format ----

bool rt_format(Vm *vm, Value v, Value spec, Value *out) {
    if (!spec) spec = vm->empty_str;
    if (!IS_STR(spec))
        return rt_raise(vm, &TypeError_type, "format() argument 2 must be str, not %s", type_name(rt_type(spec)));
    if (AS_STR(spec)->len == 0) {
        // format(x, '') is str(x) for these exact builtins, whose __format__
        // cannot be replaced: f"{i}" skips the method lookup and call.
        if (IS_TYPE_EXACT(v, str_type)) {
            *out = v;
            return true;
        }
        if (IS_INT(v)) return int_to_str(vm, v, 10, out);
        if (IS_TYPE_EXACT(v, float_type)) return rt_str(vm, v, out);
    }
    Value fn;
    ObjType *owner = NULL;
    int r = type_lookup(vm, rt_type(v), NAME(vm, format), &fn, &owner);
    if (r < 0) return false;
    if (r && owner != &object_type) {
        TRY(rt_call_method(vm, v, NAME(vm, format), &spec, 1, out));
        if (!IS_STR(*out))
            return rt_raise(vm, &TypeError_type, "__format__ must return a str, not %s",
                            type_name(rt_type(*out)));
        return true;
    }
    if (AS_STR(spec)->len)
        return rt_raise(vm, &TypeError_type, "unsupported format string passed to %s.__format__",
                        type_name(rt_type(v)));
    return rt_str(vm, v, out);
}

static bool b_format(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    NO_KW("format");
    NARGS("format", 1, 2);
    return rt_format(vm, args[0], nargs > 1 ? args[1] : VAL_NULL, out);
}

// ---- namespaces ----

static Frame *cur_frame(Vm *vm) { return VM_TS(vm) ? VM_TS(vm)->current : NULL; }

static bool b_globals(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    (void)args;
    NO_KW("globals");
    NARGS("globals", 0, 0);
    Frame *f = cur_frame(vm);
    *out = f ? f->globals : NONE_VAL;
    return true;
}

bool frame_locals(Vm *vm, Frame *f, Value *out) {
    if (f->locals) {
        *out = f->locals;
        return true;
    }
    ObjDict *d = dict_new(vm);
    TRY(d);
    gc_push_root(vm, OBJ_VAL(d));
    ObjCode *co = f->code;
    bool ok = true;
    for (uint32_t i = 0; i < co->nlocals && ok; i++)
        if (f->localsplus[i]) ok = dict_set(vm, d, co->localnames[i], f->localsplus[i]);
    for (uint32_t i = 0; i < co->ncells + co->nfrees && ok; i++) {
        Value c = f->localsplus[co->nlocals + i];
        if (c && IS_CELL(c) && AS_CELL(c)->ref) ok = dict_set(vm, d, co->localnames[co->nlocals + i], AS_CELL(c)->ref);
    }
    gc_pop_root(vm);
    TRY(ok);
    *out = OBJ_VAL(d);
    return true;
}

static bool b_locals(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    (void)args;
    NO_KW("locals");
    NARGS("locals", 0, 0);
    Frame *f = cur_frame(vm);
    if (!f) {
        *out = NONE_VAL;
        return true;
    }
    return frame_locals(vm, f, out);
}

static bool b_vars(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    NO_KW("vars");
    NARGS("vars", 0, 1);
    if (!nargs) return b_locals(vm, args, 0, kw, out);
    int r = rt_getattr_opt(vm, args[0], NAME(vm, dict), out);
    if (r < 0) return false;
    if (!r) return rt_raise(vm, &TypeError_type, "vars() argument must have __dict__ attribute");
    return true;
}

static bool add_keys(Vm *vm, ObjDict *set, Value d) {
    if (!d || !IS_DICT(d)) return true;
    size_t pos = 0;
    Value k, v;
    while (dict_next(AS_DICT(d), &pos, &k, &v))
        if (!dict_set(vm, set, k, NONE_VAL)) return false;
    return true;
}

static bool add_type_names(Vm *vm, ObjDict *set, ObjType *t) {
    ObjType *c;
    for (size_t i = 0; (c = type_mro_at(t, i)); i++) {
        if (TYPE_IS_HEAP(c)) {
            TRY(add_keys(vm, set, c->dict));
            continue;
        }
        if (c->methods)
            for (const MethodDef *m = c->methods; m->name; m++) TRY(dict_set_cstr(vm, set, m->name, NONE_VAL));
        if (c->getsets)
            for (const GetSetDef *g = c->getsets; g->name; g++) TRY(dict_set_cstr(vm, set, g->name, NONE_VAL));
    }
    return true;
}

static bool b_dir(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    NO_KW("dir");
    NARGS("dir", 0, 1);
    ObjDict *set = dict_new(vm);
    TRY(set);
    gc_push_root(vm, OBJ_VAL(set));
    bool ok = true;
    if (!nargs) {
        Value l;
        Frame *f = cur_frame(vm);
        ok = f && frame_locals(vm, f, &l) && add_keys(vm, set, l);
    } else {
        Value v = args[0], d;
        if (IS_TYPE(v)) {
            ok = add_type_names(vm, set, AS_TYPE(v));
        } else {
            // CPython calls type(v).__dir__(v) (object.__dir__ by default)
            // and sorts the names it gives.
            ObjStr *dn = str_intern_cstr(vm, "__dir__");
            Value it, k;
            if (dn) gc_push_root(vm, OBJ_VAL(dn));
            ok = dn && rt_call_method(vm, v, dn, NULL, 0, &d);
            if (dn) gc_pop_root(vm);
            if (ok) {
                gc_push_root(vm, d);
                ok = rt_iter(vm, d, &it);
                if (ok) {
                    gc_push_root(vm, it);
                    IterResult r;
                    while ((r = rt_next(vm, it, &k)) == ITER_NEXT && (ok = dict_set(vm, set, k, NONE_VAL))) {}
                    if (r == ITER_ERROR) ok = false;
                    gc_pop_root(vm);
                }
                gc_pop_root(vm);
            }
        }
    }
    ObjList *l = ok ? list_new(vm, set->used) : NULL;
    if (l) {
        size_t pos = 0;
        Value k, v;
        while (dict_next(set, &pos, &k, &v)) l->items[l->len++] = k;
        gc_push_root(vm, OBJ_VAL(l));
        ok = list_sort(vm, l, VAL_NULL, false);
        gc_pop_root(vm);
    }
    gc_pop_root(vm);
    if (!ok || !l) return false;
    *out = OBJ_VAL(l);
    return true;
}

// exit and quit, as CPython's site module makes them (_sitebuiltins.Quitter):
// the repr says how to leave (a bare `exit` at the prompt prints it), and a
// call raises SystemExit.
typedef struct Quitter {
    Obj hdr;
    const char *name;
} Quitter;

static bool quitter_repr(Vm *vm, Value self, Value *out) {
    ObjStr *s = rt_format_cmsg(vm, "Use %s() or Ctrl-D (i.e. EOF) to exit", ((Quitter *)AS_OBJ(self))->name);
    TRY(s);
    *out = OBJ_VAL(s);
    return true;
}

static bool quitter_call(Vm *vm, Value self, Value *args, size_t nargs, Value kwnames, Value *out) {
    (void)out;
    const char *name = ((Quitter *)AS_OBJ(self))->name;
    TRY(rt_no_kwargs(vm, name, kwnames));
    TRY(rt_check_nargs(vm, name, nargs, 0, 1));
    if (!nargs) return rt_raise_empty(vm, &SystemExit_type);
    return rt_raise_arg(vm, &SystemExit_type, args[0]);
}

static ObjType quitter_type = {
    .hdr = OBJ_STATIC_HEADER(&type_type),
    .name = "Quitter",
    .module = "_sitebuiltins",
    .basicsize = sizeof(Quitter),
    .base = &object_type,
    .repr = quitter_repr,
    .call = quitter_call,
};
static Quitter exit_obj = {OBJ_STATIC_HEADER(&quitter_type), "exit"};
static Quitter quit_obj = {OBJ_STATIC_HEADER(&quitter_type), "quit"};

// ---- iterator types ----

typedef struct ObjIters {
    Obj hdr;
    Value fn;            // map/filter function, iter's callable, enumerate's count
    Value a;             // the iterator(s): one iterator or a tuple of them
    Value b;             // iter sentinel / reversed sequence
    int64_t i;           // enumerate count (small), reversed index
    bool strict;
} ObjIters;

static void iters_trace(Vm *vm, Obj *o) {
    ObjIters *x = (ObjIters *)o;
    gc_mark_value(vm, x->fn);
    gc_mark_value(vm, x->a);
    gc_mark_value(vm, x->b);
}

static bool self_iter(Vm *vm, Value self, Value *out) {
    (void)vm;
    *out = self;
    return true;
}

static ObjIters *iters_alloc(Vm *vm, ObjType *t) { return (ObjIters *)gc_alloc(vm, t, sizeof(ObjIters)); }

static bool enumerate_new(Vm *vm, ObjType *t, Value *args, size_t nargs, Value kw, Value *out) {
    static const char *const names[] = {"iterable", "start"};
    Value a[2], it;
    TRY(rt_parse_args(vm, "enumerate", args, nargs, kw, names, 2, 2, 1, a));
    if (a[1] && !IS_ANYINT(a[1]))
        return rt_raise(vm, &TypeError_type, "'%s' object cannot be interpreted as an integer",
                        type_name(rt_type(a[1])));
    TRY(rt_iter(vm, a[0], &it));
    gc_push_root(vm, it);
    ObjIters *x = iters_alloc(vm, t);
    gc_pop_root(vm);
    TRY(x);
    x->a = it;
    x->fn = a[1] ? int_unbool(a[1]) : INT_VAL(0);
    *out = OBJ_VAL(x);
    return true;
}

static IterResult enumerate_next(Vm *vm, Value self, Value *out) {
    ObjIters *x = (ObjIters *)AS_OBJ(self);
    Value v, n;
    IterResult r = rt_next(vm, x->a, &v);
    if (r != ITER_NEXT) return r;
    gc_push_root(vm, v);
    if (!rt_add(vm, x->fn, INT_VAL(1), &n)) {
        gc_pop_root(vm);
        return ITER_ERROR;
    }
    ObjTuple *t = tuple_pack2(vm, x->fn, v);
    gc_pop_root(vm);
    if (!t) return ITER_ERROR;
    x->fn = n;
    *out = OBJ_VAL(t);
    return ITER_NEXT;
}

static bool zip_new(Vm *vm, ObjType *t, Value *args, size_t nargs, Value kw, Value *out) {
    static const char *const allowed[] = {"strict", NULL};
    TRY(check_kwargs(vm, "zip", kw, allowed));
    Value strict = kwarg(args, nargs, kw, "strict");
    ObjTuple *its = tuple_new(vm, nargs);
    TRY(its);
    gc_push_root(vm, OBJ_VAL(its));
    for (size_t i = 0; i < nargs; i++) {
        if (!rt_iter(vm, args[i], &its->items[i])) {
            gc_pop_root(vm);
            return false;
        }
    }
    ObjIters *x = iters_alloc(vm, t);
    gc_pop_root(vm);
    TRY(x);
    x->a = OBJ_VAL(its);
    x->strict = strict && rt_is_true(vm, strict) == 1;
    *out = OBJ_VAL(x);
    return true;
}

static IterResult zip_next(Vm *vm, Value self, Value *out) {
    ObjIters *x = (ObjIters *)AS_OBJ(self);
    ObjTuple *its = AS_TUPLE(x->a);
    if (!its->len) return ITER_DONE;
    ObjTuple *t = tuple_new(vm, its->len);
    if (!t) return ITER_ERROR;
    gc_push_root(vm, OBJ_VAL(t));
    for (size_t i = 0; i < its->len; i++) {
        IterResult r = rt_next(vm, its->items[i], &t->items[i]);
        if (r == ITER_NEXT) continue;
        gc_pop_root(vm);
        if (r == ITER_ERROR) return ITER_ERROR;
        if (x->strict) {
            if (i > 0) {
                rt_raise(vm, &ValueError_type, "zip() argument %zu is shorter than argument%s%zu", i + 1,
                         i == 1 ? " " : "s 1-", i);
                return ITER_ERROR;
            }
            for (size_t k = 1; k < its->len; k++) {
                Value v;
                IterResult r2 = rt_next(vm, its->items[k], &v);
                if (r2 == ITER_ERROR) return ITER_ERROR;
                if (r2 == ITER_NEXT) {
                    rt_raise(vm, &ValueError_type, "zip() argument %zu is longer than argument%s%zu", k + 1,
                             k == 1 ? " " : "s 1-", k);
                    return ITER_ERROR;
                }
            }
        }
        return ITER_DONE;
    }
    gc_pop_root(vm);
    *out = OBJ_VAL(t);
    return ITER_NEXT;
}

static bool map_new(Vm *vm, ObjType *t, Value *args, size_t nargs, Value kw, Value *out) {
    NO_KW("map");
    if (nargs < 2) return rt_raise(vm, &TypeError_type, "map() must have at least two arguments.");
    ObjTuple *its = tuple_new(vm, nargs - 1);
    TRY(its);
    gc_push_root(vm, OBJ_VAL(its));
    for (size_t i = 1; i < nargs; i++) {
        if (!rt_iter(vm, args[i], &its->items[i - 1])) {
            gc_pop_root(vm);
            return false;
        }
    }
    ObjIters *x = iters_alloc(vm, t);
    gc_pop_root(vm);
    TRY(x);
    x->fn = args[0];
    x->a = OBJ_VAL(its);
    *out = OBJ_VAL(x);
    return true;
}

static IterResult map_next(Vm *vm, Value self, Value *out) {
    ObjIters *x = (ObjIters *)AS_OBJ(self);
    ObjTuple *its = AS_TUPLE(x->a);
    ObjTuple *t = tuple_new(vm, its->len);
    if (!t) return ITER_ERROR;
    gc_push_root(vm, OBJ_VAL(t));
    for (size_t i = 0; i < its->len; i++) {
        IterResult r = rt_next(vm, its->items[i], &t->items[i]);
        if (r != ITER_NEXT) {
            gc_pop_root(vm);
            return r;
        }
    }
    bool ok = rt_call(vm, x->fn, t->items, t->len, VAL_NULL, out);
    gc_pop_root(vm);
    return ok ? ITER_NEXT : ITER_ERROR;
}

static bool filter_new(Vm *vm, ObjType *t, Value *args, size_t nargs, Value kw, Value *out) {
    NO_KW("filter");
    NARGS("filter", 2, 2);
    Value it;
    TRY(rt_iter(vm, args[1], &it));
    gc_push_root(vm, it);
    ObjIters *x = iters_alloc(vm, t);
    gc_pop_root(vm);
    TRY(x);
    x->fn = args[0];
    x->a = it;
    *out = OBJ_VAL(x);
    return true;
}

static IterResult filter_next(Vm *vm, Value self, Value *out) {
    ObjIters *x = (ObjIters *)AS_OBJ(self);
    for (;;) {
        Value v, t = VAL_NULL;
        IterResult r = rt_next(vm, x->a, &v);
        if (r != ITER_NEXT) return r;
        gc_push_root(vm, v);
        int truth;
        if (IS_NONE(x->fn) || x->fn == OBJ_VAL(&bool_type)) {
            truth = rt_is_true(vm, v);
        } else {
            truth = rt_call1(vm, x->fn, v, &t) ? rt_is_true(vm, t) : -1;
        }
        gc_pop_root(vm);
        if (truth < 0) return ITER_ERROR;
        if (truth) {
            *out = v;
            return ITER_NEXT;
        }
    }
}

static bool reversed_new(Vm *vm, ObjType *t, Value *args, size_t nargs, Value kw, Value *out) {
    NO_KW("reversed");
    NARGS("reversed", 1, 1);
    Value seq = args[0];
    ObjStr *rn = str_intern_cstr(vm, "__reversed__");
    TRY(rn);
    // Interned strings are weak: the lookup may allocate (a method
    // descriptor), hence collect, so the name is rooted.
    gc_push_root(vm, OBJ_VAL(rn));
    Value fn;
    int r = type_lookup(vm, rt_type(seq), rn, &fn, NULL);
    if (r > 0) r = rt_call_method(vm, seq, rn, NULL, 0, out) ? 1 : -1;
    gc_pop_root(vm);
    if (r < 0) return false;
    if (r) return true;
    ObjType *st = rt_type(seq);
    int64_t n;
    if (!TYPE_SLOT(st, getitem) || IS_DICT(seq) || (st->flags & TYPE_MAPPING) || !TYPE_SLOT(st, len))
        return rt_raise(vm, &TypeError_type, "'%s' object is not reversible", type_name(st));
    TRY(rt_len(vm, seq, &n));
    ObjIters *x = iters_alloc(vm, t);
    TRY(x);
    x->b = seq;
    x->i = n - 1;
    *out = OBJ_VAL(x);
    return true;
}

static IterResult reversed_next(Vm *vm, Value self, Value *out) {
    ObjIters *x = (ObjIters *)AS_OBJ(self);
    if (x->i < 0 || !x->b) return ITER_DONE;
    if (!rt_getitem(vm, x->b, INT_VAL(x->i), out)) {
        if (rt_exc_matches(vm, &IndexError_type) || rt_exc_matches(vm, &StopIteration_type)) {
            rt_exc_clear(vm);
            x->b = VAL_NULL;
            return ITER_DONE;
        }
        return ITER_ERROR;
    }
    x->i--;
    return ITER_NEXT;
}

static IterResult callable_iter_next(Vm *vm, Value self, Value *out) {
    ObjIters *x = (ObjIters *)AS_OBJ(self);
    if (!x->fn) return ITER_DONE;
    if (!rt_call0(vm, x->fn, out)) {
        if (rt_exc_matches(vm, &StopIteration_type)) {
            rt_exc_clear(vm);
            x->fn = VAL_NULL;
            return ITER_DONE;
        }
        return ITER_ERROR;
    }
    gc_push_root(vm, *out);
    int eq = rt_eq(vm, *out, x->b);
    gc_pop_root(vm);
    if (eq < 0) return ITER_ERROR;
    if (eq) {
        x->fn = VAL_NULL;
        return ITER_DONE;
    }
    return ITER_NEXT;
}

static bool b_iter(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    NO_KW("iter");
    NARGS("iter", 1, 2);
    if (nargs == 1) return rt_iter(vm, args[0], out);
    if (!rt_callable(args[0])) return rt_raise(vm, &TypeError_type, "iter(v, w): v must be callable");
    ObjIters *x = iters_alloc(vm, &callable_iter_type);
    TRY(x);
    x->fn = args[0];
    x->b = args[1];
    *out = OBJ_VAL(x);
    return true;
}

#define ITER_TYPE(var, nm, newfn, nextfn)                                         \
    ObjType var = {                                                              \
        .hdr = OBJ_STATIC_HEADER(&type_type),                                    \
        .name = nm,                                                              \
        .module = "builtins",                                                    \
        .basicsize = sizeof(ObjIters),                                           \
        .base = &object_type,                                                    \
        .flags = TYPE_BASETYPE,                                                  \
        .trace = iters_trace,                                                    \
        .new_ = newfn,                                                           \
        .iter = self_iter,                                                       \
        .iternext = nextfn,                                                      \
    };
ITER_TYPE(enumerate_type, "enumerate", enumerate_new, enumerate_next)
ITER_TYPE(zip_type, "zip", zip_new, zip_next)
ITER_TYPE(map_type, "map", map_new, map_next)
ITER_TYPE(filter_type, "filter", filter_new, filter_next)
ITER_TYPE(reversed_type, "reversed", reversed_new, reversed_next)
ITER_TYPE(callable_iter_type, "callable_iterator", NULL, callable_iter_next)

// ---- super ----

typedef struct ObjSuper {
    Obj hdr;
    ObjType *type;       // the class after which the MRO search starts
    Value obj;           // the instance (or class)
    ObjType *obj_type;   // whose MRO is searched
} ObjSuper;

static void super_trace(Vm *vm, Obj *o) {
    ObjSuper *s = (ObjSuper *)o;
    if (s->type) gc_mark_obj(vm, &s->type->hdr);
    gc_mark_value(vm, s->obj);
    if (s->obj_type) gc_mark_obj(vm, &s->obj_type->hdr);
}

static bool super_new(Vm *vm, ObjType *t, Value *args, size_t nargs, Value kw, Value *out) {
    NO_KW("super");
    NARGS("super", 0, 2);
    Value type, obj = VAL_NULL;
    if (nargs == 0) {
        Frame *f = cur_frame(vm);
        if (!f || !f->func) return rt_raise(vm, &RuntimeError_type, "super(): no arguments");
        ObjCode *co = f->code;
        if (co->argcount == 0) return rt_raise(vm, &RuntimeError_type, "super(): no arguments");
        obj = f->localsplus[0];
        for (uint32_t i = 0; i < co->ncells; i++)
            if (co->cell2arg && co->cell2arg[i] == 0) {
                Value c = f->localsplus[co->nlocals + i];
                if (c && IS_CELL(c)) obj = AS_CELL(c)->ref;
            }
        if (!obj) return rt_raise(vm, &RuntimeError_type, "super(): arg[0] deleted");
        type = VAL_NULL;
        for (uint32_t i = 0; i < co->nfrees; i++) {
            Value n = co->localnames[co->nlocals + co->ncells + i];
            if (str_eq_cstr(AS_STR(n), "__class__")) {
                Value c = f->localsplus[co->nlocals + co->ncells + i];
                type = c && IS_CELL(c) ? AS_CELL(c)->ref : VAL_NULL;
                if (!type) return rt_raise(vm, &RuntimeError_type, "super(): empty __class__ cell");
                break;
            }
        }
        if (!type) return rt_raise(vm, &RuntimeError_type, "super(): __class__ cell not found");
    } else {
        type = args[0];
        if (nargs == 2) obj = args[1];
    }
    if (!IS_TYPE(type))
        return rt_raise(vm, &TypeError_type, "super() argument 1 must be a type, not %s",
                        type_name(rt_type(type)));
    ObjType *ot = NULL;
    if (obj) {
        if (IS_TYPE(obj) && type_is_subtype(AS_TYPE(obj), AS_TYPE(type))) ot = AS_TYPE(obj);
        else if (type_is_subtype(rt_type(obj), AS_TYPE(type))) ot = rt_type(obj);
        else
            return rt_raise(vm, &TypeError_type, "super(type, obj): obj must be an instance or subtype of type");
    }
    ObjSuper *s = (ObjSuper *)gc_alloc(vm, t, sizeof(ObjSuper));
    TRY(s);
    s->type = AS_TYPE(type);
    s->obj = obj;
    s->obj_type = ot;
    *out = OBJ_VAL(s);
    return true;
}

static int super_getattr(Vm *vm, Value self, ObjStr *name, Value *out) {
    ObjSuper *s = (ObjSuper *)AS_OBJ(self);
    if (s->obj_type && !str_eq_cstr(name, "__class__")) {
        ObjType *c;
        size_t i = 0;
        while ((c = type_mro_at(s->obj_type, i)) && c != s->type) i++;
        if (c) i++;
        for (; (c = type_mro_at(s->obj_type, i)); i++) {
            Value v;
            int r;
            // Only c itself, not its bases (the MRO walk covers them).
            r = type_lookup_own(vm, c, name, &v);
            if (r < 0) return -1;
            if (!r) continue;
            bool (*get)(Vm *, Value, Value, ObjType *, Value *) = rt_type(v)->descr_get;
            if (!get) {
                *out = v;
                return 1;
            }
            Value inst = s->obj == OBJ_VAL(s->obj_type) ? VAL_NULL : s->obj;
            gc_push_root(vm, v);
            bool ok = get(vm, v, inst, s->obj_type, out);
            gc_pop_root(vm);
            return ok ? 1 : -1;
        }
    }
    int r = object_getattr(vm, self, name, out);
    if (r) return r;
    rt_raise(vm, &AttributeError_type, "'super' object has no attribute '%U'", name);
    return -1;
}

static bool super_repr(Vm *vm, Value self, Value *out) {
    ObjSuper *s = (ObjSuper *)AS_OBJ(self);
    ObjStr *r = s->obj_type ? rt_format_cmsg(vm, "<super: <class '%s'>, <%s object>>", s->type->name, s->obj_type->name)
                            : rt_format_cmsg(vm, "<super: <class '%s'>, NULL>", s->type->name);
    TRY(r);
    *out = OBJ_VAL(r);
    return true;
}

ObjType super_type = {
    .hdr = OBJ_STATIC_HEADER(&type_type),
    .name = "super",
    .module = "builtins",
    .basicsize = sizeof(ObjSuper),
    .base = &object_type,
    .flags = TYPE_BASETYPE,
    .trace = super_trace,
    .new_ = super_new,
    .repr = super_repr,
    .getattr = super_getattr,
};

// ---- the table ----

extern bool vm_builtin_aiter(Vm *, Value *, size_t, Value, Value *);   // vm/asyncgen.c
extern bool vm_builtin_anext(Vm *, Value *, size_t, Value, Value *);

static const MethodDef defs[] = {
    {"print", b_print, 0}, {"input", b_input, 0}, {"repr", b_repr, 0}, {"ascii", b_ascii, 0},
    {"len", b_len, 0}, {"abs", b_abs, 0}, {"hash", b_hash, 0}, {"id", b_id, 0},
    {"callable", b_callable, 0}, {"isinstance", b_isinstance, 0}, {"issubclass", b_issubclass, 0},
    {"getattr", b_getattr, 0}, {"hasattr", b_hasattr, 0}, {"setattr", b_setattr, 0},
    {"delattr", b_delattr, 0}, {"chr", b_chr, 0}, {"ord", b_ord, 0}, {"hex", b_hex, 0},
    {"oct", b_oct, 0}, {"bin", b_bin, 0}, {"divmod", b_divmod, 0}, {"pow", b_pow, 0},
    {"round", b_round, 0}, {"iter", b_iter, 0}, {"next", rt_builtin_next, 0}, {"any", b_any, 0},
    {"all", b_all, 0}, {"sum", b_sum, 0}, {"max", b_max, 0}, {"min", b_min, 0},
    {"sorted", b_sorted, 0}, {"format", b_format, 0}, {"globals", b_globals, 0},
    {"locals", b_locals, 0}, {"vars", b_vars, 0}, {"dir", b_dir, 0}, 
    {"open", rt_open, 0},
    {"aiter", vm_builtin_aiter, 0}, {"anext", vm_builtin_anext, 0},
    {NULL, NULL, 0},
};

bool rt_builtins_init(Vm *vm) {
    ObjDict *b = AS_DICT(vm->builtins);
    ObjModule *m = module_from_dict(vm, vm->builtins);
    TRY(m);
    gc_push_root(vm, OBJ_VAL(m));
    bool ok = dict_set_cstr(vm, b, "__name__", OBJ_VAL(NAME(vm, builtins))) &&
              dict_set_cstr(vm, b, "__doc__", NONE_VAL) && module_add_functions(vm, m, defs) &&
              dict_set_cstr(vm, AS_DICT(vm->modules), "builtins", OBJ_VAL(m));
    ObjType *const types[] = {
        &object_type, &type_type, &int_type, &float_type, &str_type, &bool_type, &list_type,
        &tuple_type, &dict_type, &set_type, &frozenset_type, &range_type, &slice_type, &bytes_type,
        &property_type, &staticmethod_type, &classmethod_type, &super_type, &enumerate_type,
        &zip_type, &map_type, &filter_type, &reversed_type,
    };
    for (size_t i = 0; ok && i < sizeof types / sizeof *types; i++)
        ok = dict_set_cstr(vm, b, types[i]->name, OBJ_VAL(types[i]));
#define REG_EXC(name, base) ok = ok && dict_set_cstr(vm, b, #name, OBJ_VAL(&name##_type));
    RT_EXC_TYPES(REG_EXC)
#undef REG_EXC
    ok = ok && excgroup_register(vm, b);
    ok = ok && dict_set_cstr(vm, b, "None", NONE_VAL) && dict_set_cstr(vm, b, "True", TRUE_VAL) &&
         dict_set_cstr(vm, b, "False", FALSE_VAL) &&
         dict_set_cstr(vm, b, "NotImplemented", NOTIMPL_VAL) &&
         dict_set_cstr(vm, b, "Ellipsis", ELLIPSIS_VAL) &&
         dict_set_cstr(vm, b, "exit", OBJ_VAL(&exit_obj)) && dict_set_cstr(vm, b, "quit", OBJ_VAL(&quit_obj)) &&
         dict_set_cstr(vm, b, "__debug__", TRUE_VAL);
    ok = ok && dict_set_cstr(vm, b, "EnvironmentError", OBJ_VAL(&OSError_type)) &&
         dict_set_cstr(vm, b, "IOError", OBJ_VAL(&OSError_type));
    gc_pop_root(vm);
    return ok;
}
