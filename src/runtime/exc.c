// Exceptions: the static builtin exception classes, raising, CPython's
// str()/repr() of exceptions, the preallocated MemoryError and traceback
// entries (see exc.h).
//
// Invariant: vm->memory_error is created by rt_vm_new before anything can
// fail, so rt_raise_nomem only stores a pointer.
#include "runtime/exc.h"
#include "runtime/code.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "runtime/dict.h"
#include "runtime/gc.h"
#include "runtime/list.h"
#include "runtime/native.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"

// ---- raising ----

bool rt_raise_nomem(Vm *vm) {
    ObjException *e = AS_EXC(vm->memory_error);
    e->traceback = e->context = e->cause = VAL_NULL;
    e->suppress_context = false;
    vm->exc = vm->memory_error;
    return false;
}

bool rt_recursion_error(Vm *vm, const char *where) {
    vm->c_depth--;
    // Leave headroom so handlers of the error can still repr things.
    vm->c_depth -= 50;
    rt_raise(vm, &RecursionError_type, "maximum recursion depth exceeded%s", where);
    vm->c_depth += 50;
    return false;
}

static bool append_str(Vm *vm, Buf *b, Value s) {
    ObjStr *o = AS_STR(s);
    if (!buf_append(b, o->data, o->len)) return rt_raise_nomem(vm);
    return true;
}

static bool vformat(Vm *vm, Buf *b, const char *fmt, va_list ap) {
    for (const char *p = fmt; *p; p++) {
        if (*p != '%') {
            if (!buf_putc(b, *p)) return rt_raise_nomem(vm);
            continue;
        }
        p++;
        int prec = -1;
        if (*p == '.') {
            prec = 0;
            for (p++; *p >= '0' && *p <= '9'; p++) prec = prec * 10 + (*p - '0');
        }
        int lng = 0;   // 1 l, 2 ll, 3 z
        if (*p == 'z') { lng = 3; p++; }
        while (*p == 'l') { lng++; p++; }
        char tmp[64];
        tmp[0] = 0;
        switch (*p) {
        case '%': strcpy(tmp, "%"); break;
        case 'c': snprintf(tmp, sizeof tmp, "%c", va_arg(ap, int)); break;
        case 'p': snprintf(tmp, sizeof tmp, "0x%llx", (unsigned long long)(uintptr_t)va_arg(ap, void *)); break;
        case 'd': case 'i':
            if (lng == 3) snprintf(tmp, sizeof tmp, "%zd", va_arg(ap, ptrdiff_t));
            else if (lng == 2) snprintf(tmp, sizeof tmp, "%lld", va_arg(ap, long long));
            else if (lng == 1) snprintf(tmp, sizeof tmp, "%ld", va_arg(ap, long));
            else snprintf(tmp, sizeof tmp, "%d", va_arg(ap, int));
            break;
        case 'u': case 'x': {
            unsigned long long u = lng == 3 ? va_arg(ap, size_t)
                : lng == 2 ? va_arg(ap, unsigned long long)
                : lng == 1 ? va_arg(ap, unsigned long) : va_arg(ap, unsigned);
            snprintf(tmp, sizeof tmp, *p == 'u' ? "%llu" : "%llx", u);
            break;
        }
        case 's': {
            const char *s = va_arg(ap, const char *);
            if (!s) s = "(null)";
            size_t n = strlen(s);
            if (prec >= 0 && (size_t)prec < n) n = (size_t)prec;
            if (!buf_append(b, s, n)) return rt_raise_nomem(vm);
            continue;
        }
        case 'U': {
            ObjStr *s = va_arg(ap, ObjStr *);
            if (!buf_append(b, s->data, s->len)) return rt_raise_nomem(vm);
            continue;
        }
        case 'T': {
            Value v = va_arg(ap, Value);
            if (!buf_puts(b, type_name(rt_type(v)))) return rt_raise_nomem(vm);
            continue;
        }
        case 'R': case 'S': {
            Value v = va_arg(ap, Value), s;
            TRY(*p == 'R' ? rt_repr(vm, v, &s) : rt_str(vm, v, &s));
            TRY(append_str(vm, b, s));
            continue;
        }
        default:
            break;   // unknown: dropped (internal format strings only)
        }
        if (!buf_puts(b, tmp)) return rt_raise_nomem(vm);
    }
    return true;
}

static ObjStr *vformat_str(Vm *vm, const char *fmt, va_list ap) {
    Buf b;
    buf_init(&b);
    ObjStr *s = NULL;
    if (vformat(vm, &b, fmt, ap)) s = str_new(vm, b.data ? b.data : "", b.len);
    buf_free(&b);
    return s;
}

ObjStr *rt_vformat_cmsg(Vm *vm, const char *fmt, va_list ap) { return vformat_str(vm, fmt, ap); }

ObjStr *rt_format_cmsg(Vm *vm, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    ObjStr *s = vformat_str(vm, fmt, ap);
    va_end(ap);
    return s;
}

bool rt_raise(Vm *vm, ObjType *type, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    ObjStr *msg = vformat_str(vm, fmt, ap);
    va_end(ap);
    if (!msg) return false;
    return rt_raise_arg(vm, type, OBJ_VAL(msg));
}

bool rt_raise_arg(Vm *vm, ObjType *type, Value arg) {
    gc_push_root(vm, arg);
    ObjTuple *t = tuple_from(vm, &arg, 1);
    gc_pop_root(vm);
    if (!t) return false;
    Value e;
    gc_push_root(vm, OBJ_VAL(t));
    bool ok = exc_new(vm, type, OBJ_VAL(t), &e);
    gc_pop_root(vm);
    if (ok) vm->exc = e;
    return false;
}

// CPython's errno -> OSError subclass table (PEP 3151).
ObjType *rt_errno_exc_type(int64_t e) {
    switch (e) {
    case EAGAIN: case EALREADY: case EINPROGRESS:
#if EWOULDBLOCK != EAGAIN
    case EWOULDBLOCK:
#endif
        return &BlockingIOError_type;
    case ECHILD: return &ChildProcessError_type;
    case EPIPE: case ESHUTDOWN: return &BrokenPipeError_type;
    case ECONNABORTED: return &ConnectionAbortedError_type;
    case ECONNREFUSED: return &ConnectionRefusedError_type;
    case ECONNRESET: return &ConnectionResetError_type;
    case EEXIST: return &FileExistsError_type;
    case ENOENT: return &FileNotFoundError_type;
    case EISDIR: return &IsADirectoryError_type;
    case ENOTDIR: return &NotADirectoryError_type;
    case EINTR: return &InterruptedError_type;
    case EACCES: case EPERM: return &PermissionError_type;
    case ESRCH: return &ProcessLookupError_type;
    case ETIMEDOUT: return &TimeoutError_type;
    default: return &OSError_type;
    }
}

// The OSError subclass CPython picks for errno [e], raised with its
// "[Errno N] strerror: 'filename'" layout ([filename] VAL_NULL: none).
bool rt_raise_errno(Vm *vm, int e, Value filename) {
    ObjType *t = rt_errno_exc_type(e);
    ObjStr *msg = str_from_cstr(vm, strerror(e));
    TRY(msg);
    gc_push_root(vm, OBJ_VAL(msg));
    Value args[3] = {INT_VAL(e), OBJ_VAL(msg), filename}, exc;
    bool ok = rt_call(vm, OBJ_VAL(t), args, filename ? 3 : 2, VAL_NULL, &exc);
    gc_pop_root(vm);
    TRY(ok);
    return rt_raise_value(vm, exc);
}

bool rt_raise_empty(Vm *vm, ObjType *type) {
    Value e;
    if (exc_new(vm, type, vm->empty_tuple, &e)) vm->exc = e;
    return false;
}

bool rt_raise_value(Vm *vm, Value v) {
    if (IS_EXC(v)) {
        vm->exc = v;
        return false;
    }
    if (IS_TYPE(v) && (AS_TYPE(v)->flags & TYPE_EXC)) {
        Value e;
        if (!rt_call0(vm, v, &e)) return false;
        if (!IS_EXC(e))
            return rt_raise(vm, &TypeError_type,
                            "calling %R should have returned an instance of BaseException, not %s",
                            v, type_name(rt_type(e)));
        vm->exc = e;
        return false;
    }
    return rt_raise(vm, &TypeError_type, "exceptions must derive from BaseException");
}

bool rt_exc_matches(Vm *vm, ObjType *type) {
    return vm->exc != VAL_NULL && type_is_subtype(rt_type(vm->exc), type);
}

Value rt_exc_take(Vm *vm) {
    Value e = vm->exc;
    vm->exc = VAL_NULL;
    return e;
}

// ---- construction ----

static void set_special(ObjException *e) {
    ObjTuple *a = AS_TUPLE(e->args);
    if (type_is_subtype(e->hdr.type, &StopIteration_type))
        e->value = a->len ? a->items[0] : NONE_VAL;
    else if (type_is_subtype(e->hdr.type, &SystemExit_type))
        e->value = a->len == 0 ? NONE_VAL : a->len == 1 ? a->items[0] : e->args;
}

bool exc_new(Vm *vm, ObjType *type, Value args, Value *out) {
    assert(type->flags & TYPE_EXC);
    gc_push_root(vm, args);
    ObjException *e = (ObjException *)gc_alloc(vm, type, type->basicsize);
    gc_pop_root(vm);
    if (!e) return false;
    e->args = args;
    set_special(e);
    *out = OBJ_VAL(e);
    return true;
}

static bool exc_new_slot(Vm *vm, ObjType *t, Value *args, size_t nargs, Value kwnames,
                         Value *out) {
    (void)kwnames;
    // OSError(errno, strerror, ...) is made as the subclass for that errno
    // (OSError(111, 'x') is a ConnectionRefusedError); subclasses stay.
    if (t == &OSError_type && nargs >= 2 && nargs <= 5 && IS_INT(args[0])) t = rt_errno_exc_type(AS_INT(args[0]));
    ObjTuple *a = tuple_from(vm, args, nargs);
    TRY(a);
    return exc_new(vm, t, OBJ_VAL(a), out);
}

// OSError(errno, strerror[, filename]) and ImportError(name=, path=) keep
// their extra fields in the instance dict.
static bool oserror_init(Vm *vm, Value self, Value *args, size_t nargs) {
    if (nargs < 2 || nargs > 5) return true;
    TRY(exc_set_attr(vm, self, "errno", args[0]));
    TRY(exc_set_attr(vm, self, "strerror", args[1]));
    TRY(exc_set_attr(vm, self, "filename", nargs >= 3 ? args[2] : NONE_VAL));
    if (nargs >= 3) {
        ObjTuple *t = tuple_from(vm, args, 2);
        TRY(t);
        AS_EXC(self)->args = OBJ_VAL(t);
    }
    return true;
}

// SyntaxError(msg, (filename, lineno, offset, text[, end_lineno, end_offset])).
static bool syntax_error_init(Vm *vm, Value self, Value *args, size_t nargs) {
    static const char *const fields[] = {"filename", "lineno", "offset", "text", "end_lineno",
                                         "end_offset"};
    if (nargs >= 1) TRY(exc_set_attr(vm, self, "msg", args[0]));
    if (nargs != 2) return true;
    Value info;
    TRY(tuple_from_iterable(vm, args[1], &info));
    ObjTuple *t = AS_TUPLE(info);
    if (t->len < 4 || t->len > 6)
        return rt_raise(vm, &IndexError_type, "tuple index out of range");
    gc_push_root(vm, info);
    bool ok = true;
    for (size_t i = 0; ok && i < 6; i++) ok = exc_set_attr(vm, self, fields[i], i < t->len ? t->items[i] : NONE_VAL);
    gc_pop_root(vm);
    return ok;
}

static bool exc_init(Vm *vm, Value self, Value *args, size_t nargs, Value kwnames) {
    ObjException *e = AS_EXC(self);
    size_t nkw = kwnames ? AS_TUPLE(kwnames)->len : 0;
    if (nkw && !type_is_subtype(e->hdr.type, &ImportError_type))
        return rt_raise(vm, &TypeError_type, "%s() takes no keyword arguments",
                        type_name(e->hdr.type));
    ObjTuple *a = tuple_from(vm, args, nargs);
    TRY(a);
    e->args = OBJ_VAL(a);
    set_special(e);
    if (type_is_subtype(e->hdr.type, &OSError_type)) TRY(oserror_init(vm, self, args, nargs));
    if (type_is_subtype(e->hdr.type, &SyntaxError_type)) TRY(syntax_error_init(vm, self, args, nargs));
    for (size_t i = 0; i < nkw; i++) {   // ImportError(name=..., path=...)
        ObjStr *k = AS_STR(AS_TUPLE(kwnames)->items[i]);
        if (!str_eq_cstr(k, "name") && !str_eq_cstr(k, "path"))
            return rt_raise(vm, &TypeError_type, "'%U' is an invalid keyword argument for %s()",
                            k, type_name(e->hdr.type));
        TRY(exc_set_attr(vm, self, k->data, args[nargs + i]));
    }
    return true;
}

bool exc_set_attr(Vm *vm, Value exc, const char *name, Value v) {
    ObjException *e = AS_EXC(exc);
    if (!e->dict) {
        gc_push_root(vm, v);
        ObjDict *d = dict_new(vm);
        gc_pop_root(vm);
        TRY(d);
        e->dict = OBJ_VAL(d);
    }
    return dict_set_cstr(vm, AS_DICT(e->dict), name, v);
}

static Value get_attr(Vm *vm, Value exc, const char *name) {
    ObjException *e = AS_EXC(exc);
    if (!e->dict) return VAL_NULL;
    Value v = VAL_NULL;
    ObjStr *k = str_intern_cstr(vm, name);
    if (!k) {
        rt_exc_clear(vm);
        return VAL_NULL;
    }
    if (dict_get_str(vm, AS_DICT(e->dict), k, &v) != 1) return VAL_NULL;
    return v;
}

// ---- str / repr ----

static bool syntax_error_str(Vm *vm, Value exc, Value *out) {
    Value msg = get_attr(vm, exc, "msg"), file = get_attr(vm, exc, "filename"),
          line = get_attr(vm, exc, "lineno");
    ObjTuple *a = AS_TUPLE(AS_EXC(exc)->args);
    if (!msg) msg = a->len >= 1 ? a->items[0] : NONE_VAL;
    bool have_file = file && IS_STR(file), have_line = line && IS_INT(line);
    if (!have_file && !have_line) return rt_str(vm, msg, out);
    const char *f = NULL;
    if (have_file) {   // CPython prints the basename
        f = AS_STR(file)->data;
        const char *slash = strrchr(f, '/');
        if (slash) f = slash + 1;
    }
    ObjStr *s = have_file && have_line
        ? rt_format_cmsg(vm, "%S (%s, line %lld)", msg, f, (long long)AS_INT(line))
        : have_file ? rt_format_cmsg(vm, "%S (%s)", msg, f)
                    : rt_format_cmsg(vm, "%S (line %lld)", msg, (long long)AS_INT(line));
    TRY(s);
    *out = OBJ_VAL(s);
    return true;
}

static bool unicode_error_str(Vm *vm, Value exc, Value *out) {
    ObjTuple *a = AS_TUPLE(AS_EXC(exc)->args);
    // (encoding, object, start, end, reason)
    if (a->len != 5 || !IS_STR(a->items[0]) || !IS_INT(a->items[2]) || !IS_INT(a->items[3]))
        return false;
    int64_t start = AS_INT(a->items[2]), end = AS_INT(a->items[3]);
    Value obj = a->items[1];
    ObjStr *s;
    if (type_is_subtype(rt_type(exc), &UnicodeDecodeError_type)) {
        extern bool bytes_byte_at(Value b, int64_t i, unsigned *out);
        unsigned byte;
        if (!bytes_byte_at(obj, start, &byte)) return false;
        s = end == start + 1
            ? rt_format_cmsg(vm, "'%U' codec can't decode byte 0x%.2x in position %lld: %S",
                             AS_STR(a->items[0]), byte, (long long)start, a->items[4])
            : rt_format_cmsg(vm, "'%U' codec can't decode bytes in position %lld-%lld: %S",
                             AS_STR(a->items[0]), (long long)start, (long long)end - 1,
                             a->items[4]);
    } else {
        return false;
    }
    if (!s) return false;
    *out = OBJ_VAL(s);
    return true;
}

bool exc_str(Vm *vm, Value self, Value *out) {
    ObjException *e = AS_EXC(self);
    ObjTuple *a = AS_TUPLE(e->args);
    ObjType *t = e->hdr.type;
    if (type_is_subtype(t, &KeyError_type) && a->len == 1) return rt_repr(vm, a->items[0], out);
    if (type_is_subtype(t, &SyntaxError_type)) return syntax_error_str(vm, self, out);
    if (type_is_subtype(t, &UnicodeError_type)) {
        if (unicode_error_str(vm, self, out)) return true;
        if (rt_has_exc(vm)) return false;
    }
    if (type_is_subtype(t, &OSError_type)) {
        Value no = get_attr(vm, self, "errno"), msg = get_attr(vm, self, "strerror"),
              file = get_attr(vm, self, "filename");
        if (no && msg && !IS_NONE(no)) {
            ObjStr *s = file && !IS_NONE(file)
                ? rt_format_cmsg(vm, "[Errno %S] %S: %R", no, msg, file)
                : rt_format_cmsg(vm, "[Errno %S] %S", no, msg);
            TRY(s);
            *out = OBJ_VAL(s);
            return true;
        }
    }
    if (a->len == 0) {
        *out = vm->empty_str;
        return true;
    }
    if (a->len == 1) return rt_str(vm, a->items[0], out);
    return rt_repr(vm, e->args, out);
}

bool exc_repr(Vm *vm, Value self, Value *out) {
    ObjException *e = AS_EXC(self);
    ObjTuple *a = AS_TUPLE(e->args);
    const char *name = type_name(e->hdr.type);
    ObjStr *s = a->len == 1 ? rt_format_cmsg(vm, "%s(%R)", name, a->items[0])
                            : rt_format_cmsg(vm, "%s%R", name, e->args);
    TRY(s);
    *out = OBJ_VAL(s);
    return true;
}

// ---- attributes ----

static Value or_none(Value v) { return v ? v : NONE_VAL; }

static bool get_args(Vm *vm, Value self, Value *out) { (void)vm; *out = AS_EXC(self)->args; return true; }
static bool set_args(Vm *vm, Value self, Value v) {
    if (!v) return rt_raise(vm, &TypeError_type, "args may not be deleted");
    Value t;
    TRY(tuple_from_iterable(vm, v, &t));
    AS_EXC(self)->args = t;
    return true;
}
static bool get_cause(Vm *vm, Value self, Value *out) { (void)vm; *out = or_none(AS_EXC(self)->cause); return true; }
static bool set_cause(Vm *vm, Value self, Value v) {
    if (!v) return rt_raise(vm, &TypeError_type, "__cause__ may not be deleted");
    if (!IS_NONE(v) && !IS_EXC(v))
        return rt_raise(vm, &TypeError_type, "exception cause must be None or derive from BaseException");
    AS_EXC(self)->cause = IS_NONE(v) ? VAL_NULL : v;
    AS_EXC(self)->suppress_context = true;
    return true;
}
static bool get_context(Vm *vm, Value self, Value *out) { (void)vm; *out = or_none(AS_EXC(self)->context); return true; }
static bool set_context(Vm *vm, Value self, Value v) {
    if (!v) return rt_raise(vm, &TypeError_type, "__context__ may not be deleted");
    if (!IS_NONE(v) && !IS_EXC(v))
        return rt_raise(vm, &TypeError_type, "exception context must be None or derive from BaseException");
    AS_EXC(self)->context = IS_NONE(v) ? VAL_NULL : v;
    return true;
}
static bool get_suppress(Vm *vm, Value self, Value *out) { (void)vm; *out = rt_bool(AS_EXC(self)->suppress_context); return true; }
static bool set_suppress(Vm *vm, Value self, Value v) {
    if (!v) return rt_raise(vm, &TypeError_type, "__suppress_context__ may not be deleted");
    int t = rt_is_true(vm, v);
    if (t < 0) return false;
    AS_EXC(self)->suppress_context = t;
    return true;
}
static bool get_tb(Vm *vm, Value self, Value *out) { (void)vm; *out = or_none(AS_EXC(self)->traceback); return true; }
static bool set_tb(Vm *vm, Value self, Value v) {
    if (!v) return rt_raise(vm, &TypeError_type, "__traceback__ may not be deleted");
    if (!IS_NONE(v) && !IS_TYPE_EXACT(v, traceback_type))
        return rt_raise(vm, &TypeError_type, "__traceback__ must be a traceback or None");
    AS_EXC(self)->traceback = IS_NONE(v) ? VAL_NULL : v;
    return true;
}

static const GetSetDef exc_getsets[] = {
    {"args", get_args, set_args},
    {"__cause__", get_cause, set_cause},
    {"__context__", get_context, set_context},
    {"__suppress_context__", get_suppress, set_suppress},
    {"__traceback__", get_tb, set_tb},
    {NULL, NULL, NULL},
};

// StopIteration.value and SystemExit.code are fields; the rest is generic.
static int exc_getattr(Vm *vm, Value self, ObjStr *name, Value *out) {
    ObjType *t = rt_type(self);
    if ((name == NAME(vm, value) && type_is_subtype(t, &StopIteration_type)) ||
        (name == NAME(vm, code) && type_is_subtype(t, &SystemExit_type))) {
        *out = or_none(AS_EXC(self)->value);
        return 1;
    }
    int r = object_getattr(vm, self, name, out);
    // OSError's fields exist, as None, when the constructor did not set them.
    if (r == 0 && type_is_subtype(t, &OSError_type) &&
        (str_eq_cstr(name, "errno") || str_eq_cstr(name, "strerror") || str_eq_cstr(name, "filename") ||
         str_eq_cstr(name, "filename2"))) {
        *out = NONE_VAL;
        return 1;
    }
    return r;
}

static bool exc_setattr(Vm *vm, Value self, ObjStr *name, Value v) {
    ObjType *t = rt_type(self);
    if ((name == NAME(vm, value) && type_is_subtype(t, &StopIteration_type)) ||
        (name == NAME(vm, code) && type_is_subtype(t, &SystemExit_type))) {
        AS_EXC(self)->value = v ? v : NONE_VAL;
        return true;
    }
    return object_setattr(vm, self, name, v);
}

void exc_trace(Vm *vm, Obj *o) {
    ObjException *e = (ObjException *)o;
    gc_mark_value(vm, e->dict);
    gc_mark_value(vm, e->args);
    gc_mark_value(vm, e->cause);
    gc_mark_value(vm, e->context);
    gc_mark_value(vm, e->traceback);
    gc_mark_value(vm, e->value);
}

// ---- methods ----

static bool m_with_traceback(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "with_traceback", kw));
    TRY(rt_check_nargs(vm, "BaseException.with_traceback", nargs, 2, 2));
    TRY(set_tb(vm, args[0], args[1]));
    *out = args[0];
    return true;
}

static bool m_init(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_check_nargs(vm, "__init__", nargs, 1, SIZE_MAX));
    if (!IS_EXC(args[0]))
        return rt_raise(vm, &TypeError_type, "descriptor '__init__' requires a 'BaseException' object");
    TRY(exc_init(vm, args[0], args + 1, nargs - 1, kw));
    *out = NONE_VAL;
    return true;
}

static bool m_str(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "__str__", kw));
    TRY(rt_check_nargs(vm, "__str__", nargs, 1, 1));
    return exc_str(vm, args[0], out);
}

static bool m_repr(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "__repr__", kw));
    TRY(rt_check_nargs(vm, "__repr__", nargs, 1, 1));
    return exc_repr(vm, args[0], out);
}

// add_note(note): appends to __notes__ (an ordinary attribute, made on the
// first note), going through getattr/setattr as CPython does.
static bool m_add_note(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "BaseException.add_note", kw));
    TRY(rt_check_nargs(vm, "BaseException.add_note", nargs, 2, 2));
    if (!IS_STR(args[1]))
        return rt_raise(vm, &TypeError_type, "note must be a str, not '%s'", type_name(rt_type(args[1])));
    ObjStr *name = str_intern_cstr(vm, "__notes__");
    TRY(name);
    // Rooted: nothing else may hold the interned name yet, and a property
    // may return a list nothing else holds.
    size_t mark = gc_roots_mark(vm);
    gc_push_root(vm, OBJ_VAL(name));
    Value notes;
    int r = rt_getattr_opt(vm, args[0], name, &notes);
    bool ok = r >= 0;
    if (r == 0) {
        ObjList *l = list_new(vm, 0);
        ok = l != NULL;
        if (ok) {
            notes = OBJ_VAL(l);   // the new list, whatever a setter does with it
            gc_push_root(vm, notes);
            ok = rt_setattr(vm, args[0], name, notes);
        }
    } else if (r > 0) {
        gc_push_root(vm, notes);
    }
    if (ok && !IS_LIST(notes)) ok = rt_raise(vm, &TypeError_type, "Cannot add note: __notes__ is not a list");
    if (ok) ok = list_append(vm, AS_LIST(notes), args[1]);
    gc_roots_reset(vm, mark);
    TRY(ok);
    *out = NONE_VAL;
    return true;
}

static const MethodDef exc_methods[] = {
    {"with_traceback", m_with_traceback, 0},
    {"add_note", m_add_note, 0},
    {"__init__", m_init, 0},
    {"__str__", m_str, 0},
    {"__repr__", m_repr, 0},
    {NULL, NULL, 0},
};

// ---- the static classes ----

#define RT_EXC_DEFINE(nm, basename)                                              \
    ObjType nm##_type = {                                                        \
        .hdr = OBJ_STATIC_HEADER(&type_type),                                    \
        .name = #nm,                                                             \
        .module = "builtins",                                                    \
        .basicsize = sizeof(ObjException),                                       \
        .dictoffset = offsetof(ObjException, dict),                              \
        .flags = TYPE_BASETYPE | TYPE_EXC,                                       \
        .base = &basename##_type,                                                \
        .methods = exc_methods,                                                  \
        .getsets = exc_getsets,                                                  \
        .trace = exc_trace,                                                      \
        .new_ = exc_new_slot,                                                    \
        .init = exc_init,                                                        \
        .repr = exc_repr,                                                        \
        .str = exc_str,                                                          \
        .getattr = exc_getattr,                                                  \
        .setattr = exc_setattr,                                                  \
    };
RT_EXC_TYPES(RT_EXC_DEFINE)

// ---- tracebacks ----

static void tb_trace(Vm *vm, Obj *o) {
    ObjTraceback *tb = (ObjTraceback *)o;
    gc_mark_value(vm, tb->next);
    gc_mark_value(vm, tb->code);
}

static bool tb_get_next(Vm *vm, Value self, Value *out) { (void)vm; *out = or_none(AS_TRACEBACK(self)->next); return true; }
static bool tb_get_lasti(Vm *vm, Value self, Value *out) { (void)vm; *out = INT_VAL(AS_TRACEBACK(self)->offset); return true; }
static bool tb_get_code(Vm *vm, Value self, Value *out) { (void)vm; *out = or_none(AS_TRACEBACK(self)->code); return true; }
static bool tb_get_lineno(Vm *vm, Value self, Value *out) {
    (void)vm;
    ObjTraceback *tb = AS_TRACEBACK(self);
    *out = tb->code ? INT_VAL(code_line_at(AS_CODE(tb->code), tb->offset)) : NONE_VAL;
    return true;
}

static const GetSetDef tb_getsets[] = {
    {"tb_next", tb_get_next, NULL},
    {"tb_lasti", tb_get_lasti, NULL},
    {"tb_code", tb_get_code, NULL},
    {"tb_lineno", tb_get_lineno, NULL},
    {NULL, NULL, NULL},
};

ObjType traceback_type = {
    .hdr = OBJ_STATIC_HEADER(&type_type),
    .name = "traceback",
    .module = "builtins",
    .basicsize = sizeof(ObjTraceback),
    .base = &object_type,   // repr, hash, ... come from object (NULL: repr crashed)
    .flags = TYPE_ABSTRACT_NEW,
    .getsets = tb_getsets,
    .trace = tb_trace,
};

bool exc_add_traceback(Vm *vm, Value exc, Value code, uint32_t offset) {
    gc_push_root(vm, exc);
    gc_push_root(vm, code);
    ObjTraceback *tb = (ObjTraceback *)gc_alloc(vm, &traceback_type, sizeof(ObjTraceback));
    gc_pop_roots(vm, 2);
    TRY(tb);
    tb->next = AS_EXC(exc)->traceback;
    tb->code = code;
    tb->offset = offset;
    AS_EXC(exc)->traceback = OBJ_VAL(tb);
    return true;
}
