// The _json module: the hot paths of json (lib/json/ is the rest), as
// CPython's _json accelerates its json package.
// - make_scanner(context, errcls): the decoder's scan_once. Called as
//   scanner(s, idx) it parses one JSON value at code point idx and returns
//   (value, end), or raises StopIteration(idx) when no value starts there;
//   syntax errors raise errcls(msg, s, pos) (json.JSONDecodeError) with
//   CPython's messages and positions. The context's strict, object_hook,
//   object_pairs_hook, parse_float, parse_int and parse_constant are read
//   once, when the scanner is made.
// - scanstring(s, end, strict, errcls): one string body, as json.decoder's.
// - skip_ws(s, idx): the index of the first non-whitespace at or after idx.
// - encode(obj, check_circular, default, ensure_ascii, indent, key_sep,
//   item_sep, sort_keys, skipkeys, allow_nan, long_nan_msg): the whole
//   document as one str (JSONEncoder's one-shot path; also with indent,
//   which CPython leaves to Python code: the output is the same).
// - encode_basestring(s) / encode_basestring_ascii(s): a quoted JSON string.
//
// Text is read as aiopy keeps it, UTF-8 bytes: the scanner works on byte
// offsets and turns them into code point indexes only for the positions it
// reports (an error, the end of a value), which costs nothing for ASCII text.
#include <errno.h>
#include <math.h>

#include "config.h"
#include <stdlib.h>
#include <string.h>

#include "runtime/dict.h"
#include "runtime/exc.h"
#include "runtime/float.h"
#include "runtime/gc.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/modules.h"
#include "runtime/native.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"
#include "util/buf.h"
#include "util/utf8.h"

// ---- positions ----

// Code point index of byte offset [off] of [s] (a char boundary).
static size_t cp_index(const ObjStr *s, size_t off) {
    if (STR_IS_ASCII(s)) return off;
    return utf8_count(s->data, off);
}

// Byte offset of code point [idx] (<= cplen).
static size_t byte_offset(ObjStr *s, size_t idx) {
    if (STR_IS_ASCII(s)) return idx;
    if (idx >= s->cplen) return s->len;
    return str_byte_offset(s, idx);
}

static inline bool is_ws(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// ---- the scanner object ----

typedef struct ObjScanner {
    Obj hdr;
    bool strict;
    Value object_hook, object_pairs_hook;   // VAL_NULL: none
    Value parse_float, parse_int, parse_constant;   // VAL_NULL: float / int
    Value errcls;
    bool native_hooks;       // no hook is Python code
} ObjScanner;

extern ObjType scanner_type;

static void scanner_trace(Vm *vm, Obj *o) {
    ObjScanner *s = (ObjScanner *)o;
    gc_mark_value(vm, s->object_hook);
    gc_mark_value(vm, s->object_pairs_hook);
    gc_mark_value(vm, s->parse_float);
    gc_mark_value(vm, s->parse_int);
    gc_mark_value(vm, s->parse_constant);
    gc_mark_value(vm, s->errcls);
}

// One scan: the document and a list that roots the containers being built
// (and the key whose value is being parsed) at every nesting level.
typedef struct Scan {
    Vm *vm;
    ObjScanner *sc;           // NULL: scanstring alone (strict, errcls below)
    bool strict;
    Value errcls;
    ObjStr *doc;
    const char *s;
    size_t len;
    ObjList *stack;
} Scan;

// Raises errcls(msg, doc, pos) with pos the code point index of byte [off].
static bool scan_error(Scan *p, const char *msg, size_t off) {
    Vm *vm = p->vm;
    ObjStr *m = str_from_cstr(vm, msg);
    TRY(m);
    gc_push_root(vm, OBJ_VAL(m));
    Value args[3] = {OBJ_VAL(m), OBJ_VAL(p->doc), INT_VAL((int64_t)cp_index(p->doc, off))};
    Value e;
    bool ok = rt_call(vm, p->errcls, args, 3, VAL_NULL, &e);
    gc_pop_root(vm);
    TRY(ok);
    return rt_raise_value(vm, e);
}

// No value starts at byte [off]: StopIteration(pos), which raw_decode turns
// into "Expecting value".
static bool stop_at(Scan *p, size_t off) {
    return rt_raise_arg(p->vm, &StopIteration_type, INT_VAL((int64_t)cp_index(p->doc, off)));
}

static inline size_t skip(const Scan *p, size_t i) {
    while (i < p->len && is_ws(p->s[i])) i++;
    return i;
}

static int hexval(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// The four hex digits at [i] (bytes; a non-ASCII byte is no digit), or -1.
static int32_t hex4(const Scan *p, size_t i) {
    int32_t v = 0;
    for (int k = 0; k < 4; k++) {
        int d = i + k < p->len ? hexval(p->s[i + k]) : -1;
        if (d < 0) return -1;
        v = v << 4 | d;
    }
    return v;
}

// True when at least [n] code points start at byte [i].
static bool has_cps(const Scan *p, size_t i, size_t n) {
    while (n && i < p->len) {
        i++;
        while (i < p->len && ((unsigned char)p->s[i] & 0xC0) == 0x80) i++;
        n--;
    }
    return n == 0;
}

// The string whose body starts at byte [i] (just after the opening quote):
// the str in *out, the byte after the closing quote in *end.
static bool scan_string(Scan *p, size_t i, Value *out, size_t *end) {
    Vm *vm = p->vm;
    const char *s = p->s;
    size_t begin = i - 1, j = i;
    // The common case: no escape, no control character.
    while (j < p->len) {
        unsigned char c = (unsigned char)s[j];
        if (c == '"' || c == '\\' || c < 0x20) break;
        j++;
    }
    if (j < p->len && s[j] == '"') {
        ObjStr *r = str_new(vm, s + i, j - i);
        TRY(r);
        *out = OBJ_VAL(r);
        *end = j + 1;
        return true;
    }
    Buf b;
    buf_init(&b);
    if (!buf_append(&b, s + i, j - i)) return rt_raise_nomem(vm);
    for (;;) {
        if (j >= p->len) {
            buf_free(&b);
            return scan_error(p, "Unterminated string starting at", begin);
        }
        unsigned char c = (unsigned char)s[j];
        if (c == '"') break;
        if (c < 0x20 && c != '\\') {
            if (p->strict) {
                buf_free(&b);
                return scan_error(p, "Invalid control character at", j);
            }
            if (!buf_putc(&b, (char)c)) goto nomem;
            j++;
            continue;
        }
        if (c != '\\') {
            size_t k = j;
            while (k < p->len && (unsigned char)s[k] >= 0x20 && s[k] != '"' && s[k] != '\\') k++;
            if (!buf_append(&b, s + j, k - j)) goto nomem;
            j = k;
            continue;
        }
        // An escape: j is the backslash.
        if (j + 1 >= p->len) {
            buf_free(&b);
            return scan_error(p, "Unterminated string starting at", begin);
        }
        char e = s[j + 1];
        if (e != 'u') {
            char r;
            switch (e) {
            case '"': r = '"'; break;
            case '\\': r = '\\'; break;
            case '/': r = '/'; break;
            case 'b': r = '\b'; break;
            case 'f': r = '\f'; break;
            case 'n': r = '\n'; break;
            case 'r': r = '\r'; break;
            case 't': r = '\t'; break;
            default:
                buf_free(&b);
                return scan_error(p, "Invalid \\escape", j);
            }
            if (!buf_putc(&b, r)) goto nomem;
            j += 2;
            continue;
        }
        // \uXXXX: CPython wants a character after the four digits (the
        // closing quote at least) and reports errors at the 'u'.
        size_t u = j + 1;
        int32_t cp = has_cps(p, u + 1, 5) ? hex4(p, u + 1) : -1;
        if (cp < 0) {
            buf_free(&b);
            return scan_error(p, "Invalid \\uXXXX escape", u);
        }
        j = u + 5;
        // A high surrogate followed by a \u escape of a low one is one
        // character; anything else leaves the high surrogate alone.
        if (cp >= 0xD800 && cp <= 0xDBFF && has_cps(p, j, 7) && s[j] == '\\' && s[j + 1] == 'u') {
            int32_t lo = hex4(p, j + 2);
            if (lo < 0) {
                buf_free(&b);
                return scan_error(p, "Invalid \\uXXXX escape", j + 1);
            }
            if (lo >= 0xDC00 && lo <= 0xDFFF) {
                cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                j += 6;
            }
        }
        if (!buf_put_utf8(&b, (unsigned)cp)) goto nomem;
    }
    {
        ObjStr *r = str_new(vm, b.data ? b.data : "", b.len);
        buf_free(&b);
        TRY(r);
        *out = OBJ_VAL(r);
        *end = j + 1;
        return true;
    }
nomem:
    buf_free(&b);
    return rt_raise_nomem(vm);
}

static bool scan_value(Scan *p, size_t i, Value *out, size_t *end);

static inline bool stack_push(Scan *p, Value v) { return list_append(p->vm, p->stack, v); }
static inline void stack_pop(Scan *p, size_t n) { p->stack->len -= n; }

// Keys: short ones are interned, so a key repeated through a document is
// one object (CPython's memo does that) and dict lookups compare pointers.
static bool scan_key(Scan *p, size_t i, Value *out, size_t *end) {
    const char *s = p->s;
    size_t j = i;
    while (j < p->len && j - i <= 64) {
        unsigned char c = (unsigned char)s[j];
        if (c == '"' || c == '\\' || c < 0x20) break;
        j++;
    }
    if (j < p->len && s[j] == '"' && j - i <= 64) {
        ObjStr *k = str_intern(p->vm, s + i, j - i);
        TRY(k);
        *out = OBJ_VAL(k);
        *end = j + 1;
        return true;
    }
    return scan_string(p, i, out, end);
}

// '{' was at byte i - 1.
static bool scan_object(Scan *p, size_t i, Value *out, size_t *end) {
    Vm *vm = p->vm;
    ObjScanner *sc = p->sc;
    bool pairs = sc->object_pairs_hook != VAL_NULL;
    Value container;
    if (pairs) {
        ObjList *l = list_new(vm, 0);
        TRY(l);
        container = OBJ_VAL(l);
    } else {
        ObjDict *d = dict_new(vm);
        TRY(d);
        container = OBJ_VAL(d);
    }
    TRY(stack_push(p, container));
    i = skip(p, i);
    if (i < p->len && p->s[i] == '}') {
        i++;
    } else {
        for (;;) {
            if (i >= p->len || p->s[i] != '"') {
                stack_pop(p, 1);
                return scan_error(p, "Expecting property name enclosed in double quotes", i);
            }
            Value key, val;
            if (!scan_key(p, i + 1, &key, &i) || !stack_push(p, key)) return stack_pop(p, 1), false;
            i = skip(p, i);
            if (i >= p->len || p->s[i] != ':') {
                stack_pop(p, 2);
                return scan_error(p, "Expecting ':' delimiter", i);
            }
            i = skip(p, i + 1);
            if (!scan_value(p, i, &val, &i)) return stack_pop(p, 2), false;
            bool ok;
            gc_push_root(vm, val);
            if (pairs) {
                ObjTuple *t = tuple_pack2(vm, key, val);
                ok = t && list_append(vm, AS_LIST(container), OBJ_VAL(t));
            } else {
                ok = dict_set(vm, AS_DICT(container), key, val);
            }
            gc_pop_root(vm);
            stack_pop(p, 1);   // the key
            if (!ok) return stack_pop(p, 1), false;
            i = skip(p, i);
            if (i < p->len && p->s[i] == '}') {
                i++;
                break;
            }
            if (i >= p->len || p->s[i] != ',') {
                stack_pop(p, 1);
                return scan_error(p, "Expecting ',' delimiter", i);
            }
            i = skip(p, i + 1);
        }
    }
    bool ok = true;
    if (pairs) ok = rt_call1(vm, sc->object_pairs_hook, container, &container);
    else if (sc->object_hook) ok = rt_call1(vm, sc->object_hook, container, &container);
    stack_pop(p, 1);
    TRY(ok);
    *out = container;
    *end = i;
    return true;
}

// '[' was at byte i - 1.
static bool scan_array(Scan *p, size_t i, Value *out, size_t *end) {
    Vm *vm = p->vm;
    ObjList *l = list_new(vm, 0);
    TRY(l);
    TRY(stack_push(p, OBJ_VAL(l)));
    i = skip(p, i);
    if (i < p->len && p->s[i] == ']') {
        i++;
    } else {
        for (;;) {
            Value v;
            if (!scan_value(p, i, &v, &i) || !list_append(vm, l, v)) return stack_pop(p, 1), false;
            i = skip(p, i);
            if (i < p->len && p->s[i] == ']') {
                i++;
                break;
            }
            if (i >= p->len || p->s[i] != ',') {
                stack_pop(p, 1);
                return scan_error(p, "Expecting ',' delimiter", i);
            }
            i = skip(p, i + 1);
        }
    }
    stack_pop(p, 1);
    *out = OBJ_VAL(l);
    *end = i;
    return true;
}

static inline bool is_digit(char c) { return c >= '0' && c <= '9'; }

// A number at byte i (CPython's grammar: -?(0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?
// where a dangling fraction or exponent is left for the caller to reject).
static bool scan_number(Scan *p, size_t i, Value *out, size_t *end) {
    Vm *vm = p->vm;
    const char *s = p->s;
    size_t start = i;
    if (i < p->len && s[i] == '-') i++;
    if (i < p->len && s[i] >= '1' && s[i] <= '9') {
        while (i < p->len && is_digit(s[i])) i++;
    } else if (i < p->len && s[i] == '0') {
        i++;
    } else {
        return stop_at(p, start);
    }
    bool is_float = false;
    if (i + 1 < p->len && s[i] == '.' && is_digit(s[i + 1])) {
        is_float = true;
        i += 2;
        while (i < p->len && is_digit(s[i])) i++;
    }
    if (i < p->len && (s[i] == 'e' || s[i] == 'E')) {
        size_t k = i + 1;
        if (k < p->len && (s[k] == '-' || s[k] == '+')) k++;
        size_t digits = k;
        while (k < p->len && is_digit(s[k])) k++;
        if (k > digits) {
            is_float = true;
            i = k;
        }
    }
    size_t n = i - start;
    *end = i;
    ObjScanner *sc = p->sc;
    Value custom = is_float ? sc->parse_float : sc->parse_int;
    if (custom) {
        ObjStr *text = str_new(vm, s + start, n);
        TRY(text);
        gc_push_root(vm, OBJ_VAL(text));
        bool ok = rt_call1(vm, custom, OBJ_VAL(text), out);
        gc_pop_root(vm);
        return ok;
    }
    if (!is_float) {
        if (n <= 18) {
            int64_t v = 0;
            size_t k = start + (s[start] == '-');
            for (; k < i; k++) v = v * 10 + (s[k] - '0');
            *out = INT_VAL(s[start] == '-' ? -v : v);
            return true;
        }
        return int_parse(vm, s + start, n, 10, out);
    }
    char small[64];
    char *tmp = n < sizeof small ? small : malloc(n + 1);
    if (!tmp) return rt_raise_nomem(vm);
    memcpy(tmp, s + start, n);
    tmp[n] = '\0';
    double d = strtod(tmp, NULL);
    if (tmp != small) free(tmp);
    return float_new(vm, d, out);
}

// NaN, Infinity, -Infinity: parse_constant(name).
static bool scan_constant(Scan *p, const char *name, size_t i, Value *out, size_t *end) {
    Vm *vm = p->vm;
    *end = i + strlen(name);
    if (!p->sc->parse_constant) {
        double d = name[0] == 'N' ? NAN : name[0] == '-' ? -INFINITY : INFINITY;
        return float_new(vm, d, out);
    }
    ObjStr *text = str_from_cstr(vm, name);
    TRY(text);
    gc_push_root(vm, OBJ_VAL(text));
    bool ok = rt_call1(vm, p->sc->parse_constant, OBJ_VAL(text), out);
    gc_pop_root(vm);
    return ok;
}

static inline bool at(const Scan *p, size_t i, const char *word, size_t n) {
    return i + n <= p->len && memcmp(p->s + i, word, n) == 0;
}

static bool scan_value(Scan *p, size_t i, Value *out, size_t *end) {
    if (i >= p->len) return stop_at(p, i);
    Vm *vm = p->vm;
    bool ok;
    switch (p->s[i]) {
    case '"':
        return scan_string(p, i + 1, out, end);
    case '{':
        TRY(rt_enter(vm, " while decoding a JSON object from a unicode string"));
        ok = scan_object(p, i + 1, out, end);
        rt_leave(vm);
        return ok;
    case '[':
        TRY(rt_enter(vm, " while decoding a JSON array from a unicode string"));
        ok = scan_array(p, i + 1, out, end);
        rt_leave(vm);
        return ok;
    case 'n':
        if (!at(p, i, "null", 4)) break;
        *out = NONE_VAL;
        *end = i + 4;
        return true;
    case 't':
        if (!at(p, i, "true", 4)) break;
        *out = TRUE_VAL;
        *end = i + 4;
        return true;
    case 'f':
        if (!at(p, i, "false", 5)) break;
        *out = FALSE_VAL;
        *end = i + 5;
        return true;
    case 'N':
        if (!at(p, i, "NaN", 3)) break;
        return scan_constant(p, "NaN", i, out, end);
    case 'I':
        if (!at(p, i, "Infinity", 8)) break;
        return scan_constant(p, "Infinity", i, out, end);
    case '-':
        if (at(p, i, "-Infinity", 9)) return scan_constant(p, "-Infinity", i, out, end);
        return scan_number(p, i, out, end);
    default:
        if (is_digit(p->s[i])) return scan_number(p, i, out, end);
        break;
    }
    return stop_at(p, i);
}

static bool index_arg(Vm *vm, Value v, int64_t *out) {
    TRY(rt_index(vm, v, out));
    if (*out < 0) return rt_raise(vm, &ValueError_type, "idx cannot be negative");
    return true;
}

// scanner(s, idx) -> (value, end)
static bool scanner_call(Vm *vm, Value self, Value *args, size_t nargs, Value kw, Value *out) {
    static const char *const names[] = {"string", "idx"};
    Value a[2];
    TRY(rt_parse_args(vm, "scan_once", args, nargs, kw, names, 2, 2, 2, a));
    if (!IS_STR(a[0]))
        return rt_raise(vm, &TypeError_type, "first argument must be a string, not %s", type_name(rt_type(a[0])));
    int64_t idx;
    TRY(index_arg(vm, a[1], &idx));
    ObjStr *doc = AS_STR(a[0]);
    ObjScanner *sc = (ObjScanner *)AS_OBJ(self);
    if ((size_t)idx >= doc->cplen) return rt_raise_arg(vm, &StopIteration_type, INT_VAL(idx));
    ObjList *stack = list_new(vm, 8);
    TRY(stack);
    gc_push_root(vm, OBJ_VAL(stack));
    Scan p = {vm, sc, sc->strict, sc->errcls, doc, doc->data, doc->len, stack};
    Value v;
    size_t end;
    // Everything a scan without Python hooks allocates is part of its
    // result, so a collection in the middle of it could free nothing it
    // makes, and would mark the growing document again and again (most of
    // a big document's decoding time). It waits for the next allocation
    // after the scan instead. Python hooks may make garbage: no waiting then.
    bool was = vm->gc_disabled;
    if (!AIOPY_GC_STRESS && sc->native_hooks) vm->gc_disabled = true;
    bool ok = scan_value(&p, byte_offset(doc, (size_t)idx), &v, &end);
    vm->gc_disabled = was;
    if (ok) {
        gc_push_root(vm, v);
        ObjTuple *t = tuple_pack2(vm, v, INT_VAL((int64_t)cp_index(doc, end)));
        gc_pop_root(vm);
        ok = t != NULL;
        if (ok) *out = OBJ_VAL(t);
    }
    gc_pop_root(vm);
    return ok;
}

// A hook or parser read from the context; None means the default.
static bool context_attr(Vm *vm, Value ctx, const char *name, Value *out) {
    TRY(rt_getattr_cstr(vm, ctx, name, out));
    if (IS_NONE(*out)) *out = VAL_NULL;
    return true;
}

// make_scanner(context, errcls)
static bool m_make_scanner(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "make_scanner", kw));
    TRY(rt_check_nargs(vm, "make_scanner", nargs, 2, 2));
    Value ctx = args[0];
    ObjScanner *sc = (ObjScanner *)gc_alloc(vm, &scanner_type, sizeof(ObjScanner));
    TRY(sc);
    gc_push_root(vm, OBJ_VAL(sc));
    sc->errcls = args[1];
    Value strict;
    bool ok = rt_getattr_cstr(vm, ctx, "strict", &strict);
    int t = ok ? rt_is_true(vm, strict) : -1;
    ok = t >= 0;
    sc->strict = t > 0;
    ok = ok && context_attr(vm, ctx, "object_hook", &sc->object_hook) &&
         context_attr(vm, ctx, "object_pairs_hook", &sc->object_pairs_hook) &&
         context_attr(vm, ctx, "parse_float", &sc->parse_float) &&
         context_attr(vm, ctx, "parse_int", &sc->parse_int) &&
         context_attr(vm, ctx, "parse_constant", &sc->parse_constant);
    // The builtin parsers are the C fast paths.
    if (sc->parse_float == OBJ_VAL(&float_type)) sc->parse_float = VAL_NULL;
    if (sc->parse_int == OBJ_VAL(&int_type)) sc->parse_int = VAL_NULL;
    // The default parse_constant is a dict's bound __getitem__.
    sc->native_hooks = true;
    const Value hooks[5] = {sc->object_hook, sc->object_pairs_hook, sc->parse_float, sc->parse_int,
                            sc->parse_constant};
    for (int k = 0; k < 5; k++)
        if (hooks[k] && !IS_NATIVE(hooks[k])) sc->native_hooks = false;
    gc_pop_root(vm);
    TRY(ok);
    *out = OBJ_VAL(sc);
    return true;
}

ObjType scanner_type = {
    .hdr = OBJ_STATIC_HEADER(&type_type),
    .name = "_json.Scanner",
    .basicsize = sizeof(ObjScanner),
    .flags = TYPE_ABSTRACT_NEW,
    .base = &object_type,
    .trace = scanner_trace,
    .call = scanner_call,
};

// scanstring(s, end, strict, errcls) -> (str, end): the string whose body
// starts at code point end (after the opening quote).
static bool m_scanstring(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "scanstring", kw));
    TRY(rt_check_nargs(vm, "scanstring", nargs, 4, 4));
    if (!IS_STR(args[0]))
        return rt_raise(vm, &TypeError_type, "first argument must be a string, not %s", type_name(rt_type(args[0])));
    ObjStr *doc = AS_STR(args[0]);
    int64_t end;
    TRY(rt_index(vm, args[1], &end));
    if (end < 0 || (size_t)end > doc->cplen) return rt_raise(vm, &ValueError_type, "end is out of bounds");
    int strict = rt_is_true(vm, args[2]);
    if (strict < 0) return false;
    Scan p = {vm, NULL, strict > 0, args[3], doc, doc->data, doc->len, NULL};
    Value s;
    size_t e;
    TRY(scan_string(&p, byte_offset(doc, (size_t)end), &s, &e));
    gc_push_root(vm, s);
    ObjTuple *t = tuple_pack2(vm, s, INT_VAL((int64_t)cp_index(doc, e)));
    gc_pop_root(vm);
    TRY(t);
    *out = OBJ_VAL(t);
    return true;
}

// skip_ws(s, idx) -> the first index at or after idx that is not JSON whitespace.
static bool m_skip_ws(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "skip_ws", kw));
    TRY(rt_check_nargs(vm, "skip_ws", nargs, 2, 2));
    if (!IS_STR(args[0])) return rt_raise(vm, &TypeError_type, "skip_ws() needs a str");
    ObjStr *doc = AS_STR(args[0]);
    int64_t idx;
    TRY(rt_index(vm, args[1], &idx));
    if (idx < 0) idx = 0;
    if ((size_t)idx >= doc->cplen) {
        *out = INT_VAL(idx);
        return true;
    }
    size_t b = byte_offset(doc, (size_t)idx), n = 0;
    while (b + n < doc->len && is_ws(doc->data[b + n])) n++;
    *out = INT_VAL(idx + (int64_t)n);
    return true;
}

// ---- the encoder ----

typedef struct Enc {
    Vm *vm;
    Buf out;
    bool check_circular, ensure_ascii, sort_keys, skipkeys, allow_nan, long_nan_msg;
    Value deflt;             // default(o)
    ObjStr *indent;          // NULL: no indent
    ObjStr *key_sep, *item_sep;
    ObjList *stack;          // the containers being encoded (circular check, roots)
    int level;
} Enc;

static bool enc_nomem(Enc *e) { return rt_raise_nomem(e->vm); }
#define PUT(e, data, n) do { if (!buf_append(&(e)->out, (data), (n))) return enc_nomem(e); } while (0)
#define PUTS(e, s) PUT(e, s, strlen(s))

static const char hexdigits[] = "0123456789abcdef";

// A JSON string literal for the UTF-8 text [s, s+n) appended to [b].
static bool quote_str(Buf *b, const char *s, size_t n, bool ascii) {
    if (!buf_reserve(b, n + 2)) return false;
    b->data[b->len++] = '"';
    size_t i = 0;
    while (i < n) {
        // A run of characters that need no escape.
        size_t j = i;
        if (ascii) {
            while (j < n && (unsigned char)s[j] >= 0x20 && (unsigned char)s[j] < 0x7f && s[j] != '"' && s[j] != '\\') j++;
        } else {
            while (j < n && (unsigned char)s[j] >= 0x20 && s[j] != '"' && s[j] != '\\') j++;
        }
        if (j > i && !buf_append(b, s + i, j - i)) return false;
        if (j >= n) break;
        i = j;
        unsigned char c = (unsigned char)s[i];
        char esc[16];
        size_t elen = 2;
        esc[0] = '\\';
        switch (c) {
        case '"': esc[1] = '"'; break;
        case '\\': esc[1] = '\\'; break;
        case '\n': esc[1] = 'n'; break;
        case '\r': esc[1] = 'r'; break;
        case '\t': esc[1] = 't'; break;
        case '\b': esc[1] = 'b'; break;
        case '\f': esc[1] = 'f'; break;
        default: {
            uint32_t cp = c;
            size_t clen = 1;
            if (c >= 0x80) {
                clen = utf8_decode((const unsigned char *)s + i, n - i, &cp, true);
                if (!clen) clen = 1, cp = c;
            }
            elen = 0;
            if (cp >= 0x10000) {
                uint32_t v = cp - 0x10000, hi = 0xD800 | (v >> 10), lo = 0xDC00 | (v & 0x3FF);
                esc[elen++] = '\\', esc[elen++] = 'u';
                for (int k = 12; k >= 0; k -= 4) esc[elen++] = hexdigits[(hi >> k) & 15];
                cp = lo;
            }
            esc[elen++] = '\\', esc[elen++] = 'u';
            for (int k = 12; k >= 0; k -= 4) esc[elen++] = hexdigits[(cp >> k) & 15];
            i += clen - 1;
        }
        }
        if (!buf_append(b, esc, elen)) return false;
        i++;
    }
    return buf_putc(b, '"');
}

static bool enc_float(Enc *e, Value v) {
    double d = AS_FLOAT(v);
    if (isfinite(d)) {
        if (!float_repr_buf(&e->out, d)) return enc_nomem(e);
        return true;
    }
    if (!e->allow_nan) {
        if (e->long_nan_msg)   // json.encoder's Python path adds float.__repr__
            return rt_raise(e->vm, &ValueError_type, "Out of range float values are not JSON compliant: %s",
                            isnan(d) ? "nan" : d > 0 ? "inf" : "-inf");
        return rt_raise(e->vm, &ValueError_type, "Out of range float values are not JSON compliant");
    }
    PUTS(e, isnan(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity");
    return true;
}

static bool enc_int(Enc *e, Value v) {
    v = int_unbool(v);
    if (IS_INT(v)) {
        char tmp[24];
        int64_t x = AS_INT(v);
        uint64_t u = x < 0 ? (uint64_t)0 - (uint64_t)x : (uint64_t)x;
        char *p = tmp + sizeof tmp;
        do *--p = (char)('0' + u % 10); while (u /= 10);
        if (x < 0) *--p = '-';
        PUT(e, p, (size_t)(tmp + sizeof tmp - p));
        return true;
    }
    Value s;
    TRY(int_to_str(e->vm, v, 10, &s));   // int.__repr__, with the digit limit
    PUT(e, AS_STR(s)->data, AS_STR(s)->len);
    return true;
}

static bool enc_newline(Enc *e) {
    PUTS(e, "\n");
    for (int k = 0; k < e->level; k++) PUT(e, e->indent->data, e->indent->len);
    return true;
}

// Enters [o] for the circular check: "Circular reference detected" when it
// is being encoded already. It is rooted by the stack either way.
static bool enc_enter(Enc *e, Value o) {
    if (e->check_circular) {
        for (size_t k = 0; k < e->stack->len; k++)
            if (e->stack->items[k] == o) return rt_raise(e->vm, &ValueError_type, "Circular reference detected");
    }
    return list_append(e->vm, e->stack, o);
}

static bool enc_value(Enc *e, Value v);

static bool enc_list(Enc *e, Value v) {
    bool is_list = IS_LIST(v);
    size_t n = is_list ? AS_LIST(v)->len : AS_TUPLE(v)->len;
    if (n == 0) {
        PUTS(e, "[]");
        return true;
    }
    TRY(enc_enter(e, v));
    PUTS(e, "[");
    if (e->indent) {
        e->level++;
        TRY(enc_newline(e));
    }
    // A list may change under default(): its length is read every turn.
    for (size_t k = 0;; k++) {
        n = is_list ? AS_LIST(v)->len : AS_TUPLE(v)->len;
        if (k >= n) break;
        if (k) {
            PUT(e, e->item_sep->data, e->item_sep->len);
            if (e->indent) TRY(enc_newline(e));
        }
        TRY(enc_value(e, is_list ? AS_LIST(v)->items[k] : AS_TUPLE(v)->items[k]));
    }
    if (e->indent) {
        e->level--;
        TRY(enc_newline(e));
    }
    PUTS(e, "]");
    e->stack->len--;
    return true;
}

// A dict key as JSON text (the key string, unquoted) into *out; *skip when
// skipkeys drops it.
static bool enc_key(Enc *e, Value k, bool *skip) {
    *skip = false;
    if (IS_STR(k)) return quote_str(&e->out, AS_STR(k)->data, AS_STR(k)->len, e->ensure_ascii) || enc_nomem(e);
    PUTS(e, "\"");
    if (IS_FLOAT(k)) {
        TRY(enc_float(e, k));
    } else if (k == TRUE_VAL || k == FALSE_VAL || IS_NONE(k)) {
        PUTS(e, k == TRUE_VAL ? "true" : k == FALSE_VAL ? "false" : "null");
    } else if (IS_ANYINT(k)) {
        TRY(enc_int(e, k));
    } else if (e->skipkeys) {
        e->out.len--;
        *skip = true;
        return true;
    } else {
        return rt_raise(e->vm, &TypeError_type, "keys must be str, int, float, bool or None, not %s",
                        type_name(rt_type(k)));
    }
    PUTS(e, "\"");
    return true;
}

static bool enc_item(Enc *e, Value k, Value v, bool *first) {
    size_t mark = e->out.len;
    if (!*first) {
        PUT(e, e->item_sep->data, e->item_sep->len);
        if (e->indent) TRY(enc_newline(e));
    }
    bool skip;
    TRY(enc_key(e, k, &skip));
    if (skip) {
        e->out.len = mark;
        return true;
    }
    *first = false;
    PUT(e, e->key_sep->data, e->key_sep->len);
    return enc_value(e, v);
}

static bool enc_dict(Enc *e, Value v) {
    Vm *vm = e->vm;
    ObjDict *d = AS_DICT(v);
    if (d->used == 0) {
        PUTS(e, "{}");
        return true;
    }
    TRY(enc_enter(e, v));
    PUTS(e, "{");
    if (e->indent) {
        e->level++;
        TRY(enc_newline(e));
    }
    bool first = true;
    if (!e->sort_keys && rt_type(v) == &dict_type) {
        Value k, val;
        for (size_t pos = 0; dict_next(d, &pos, &k, &val);) {
            // default() may change the dict: the pair stays rooted meanwhile.
            gc_push_root(vm, k);
            gc_push_root(vm, val);
            bool ok = enc_item(e, k, val, &first);
            gc_pop_roots(vm, 2);
            TRY(ok);
        }
    } else {
        // A subclass's items(), or the sorted items: a list of pairs, as
        // sorted(d.items()) makes (equal keys would compare the values).
        Value items, lst;
        ObjStr *name = str_intern_cstr(vm, "items");
        TRY(name);
        TRY(rt_call_method(vm, v, name, NULL, 0, &items));
        gc_push_root(vm, items);
        ObjList *l = list_new(vm, 0);
        bool ok = l != NULL;
        if (ok) {
            lst = OBJ_VAL(l);
            gc_push_root(vm, lst);
            ok = list_extend(vm, l, items) && (!e->sort_keys || list_sort(vm, l, VAL_NULL, false));
            for (size_t k = 0; ok && k < l->len; k++) {
                Value it = l->items[k];
                if (!IS_TUPLE(it) || AS_TUPLE(it)->len != 2) {
                    ok = rt_raise(vm, &ValueError_type, "items must return 2-tuples");
                    break;
                }
                ok = enc_item(e, AS_TUPLE(it)->items[0], AS_TUPLE(it)->items[1], &first);
            }
            gc_pop_root(vm);
        }
        gc_pop_root(vm);
        TRY(ok);
    }
    if (e->indent) {
        e->level--;
        TRY(enc_newline(e));
    }
    PUTS(e, "}");
    e->stack->len--;
    return true;
}

static bool enc_value(Enc *e, Value v) {
    Vm *vm = e->vm;
    if (IS_NONE(v)) {
        PUTS(e, "null");
        return true;
    }
    if (v == TRUE_VAL || v == FALSE_VAL) {
        PUTS(e, v == TRUE_VAL ? "true" : "false");
        return true;
    }
    if (IS_STR(v)) return quote_str(&e->out, AS_STR(v)->data, AS_STR(v)->len, e->ensure_ascii) || enc_nomem(e);
    if (IS_ANYINT(v)) return enc_int(e, v);
    if (IS_FLOAT(v)) return enc_float(e, v);
    bool ok;
    if (IS_LIST(v) || IS_TUPLE(v)) {
        TRY(rt_enter(vm, " while encoding a JSON object"));
        ok = enc_list(e, v);
        rt_leave(vm);
        return ok;
    }
    if (IS_DICT(v)) {
        TRY(rt_enter(vm, " while encoding a JSON object"));
        ok = enc_dict(e, v);
        rt_leave(vm);
        return ok;
    }
    // Anything else: default(o), encoded in its place (o stays marked).
    TRY(enc_enter(e, v));
    Value r;
    TRY(rt_call1(vm, e->deflt, v, &r));
    TRY(rt_enter(vm, " while encoding a JSON object"));
    gc_push_root(vm, r);
    ok = enc_value(e, r);
    gc_pop_root(vm);
    rt_leave(vm);
    TRY(ok);
    e->stack->len--;
    return true;
}

static bool str_arg(Vm *vm, Value v, const char *what, ObjStr **out) {
    if (!IS_STR(v)) return rt_raise(vm, &TypeError_type, "%s must be a str, not %s", what, type_name(rt_type(v)));
    *out = AS_STR(v);
    return true;
}

// encode(obj, check_circular, default, ensure_ascii, indent, key_sep,
//        item_sep, sort_keys, skipkeys, allow_nan, long_nan_msg) -> str
static bool m_encode(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "encode", kw));
    TRY(rt_check_nargs(vm, "encode", nargs, 11, 11));
    Enc e = {.vm = vm, .deflt = args[2]};
    bool flags[6];
    const int flag_args[6] = {1, 3, 7, 8, 9, 10};
    for (int k = 0; k < 6; k++) {
        int t = rt_is_true(vm, args[flag_args[k]]);
        if (t < 0) return false;
        flags[k] = t > 0;
    }
    e.check_circular = flags[0], e.ensure_ascii = flags[1], e.sort_keys = flags[2];
    e.skipkeys = flags[3], e.allow_nan = flags[4], e.long_nan_msg = flags[5];
    if (!IS_NONE(args[4])) TRY(str_arg(vm, args[4], "indent", &e.indent));
    TRY(str_arg(vm, args[5], "key_separator", &e.key_sep));
    TRY(str_arg(vm, args[6], "item_separator", &e.item_sep));
    e.stack = list_new(vm, 8);
    TRY(e.stack);
    gc_push_root(vm, OBJ_VAL(e.stack));
    buf_init(&e.out);
    bool ok = enc_value(&e, args[0]);
    gc_pop_root(vm);
    if (ok) {
        // ASCII output (so with ensure_ascii and ASCII separators) needs no counting.
        bool ascii = e.ensure_ascii && STR_IS_ASCII(e.key_sep) && STR_IS_ASCII(e.item_sep) &&
                     (!e.indent || STR_IS_ASCII(e.indent));
        ObjStr *s = ascii ? str_new_counted(vm, e.out.data ? e.out.data : "", e.out.len, e.out.len)
                                   : str_new(vm, e.out.data ? e.out.data : "", e.out.len);
        ok = s != NULL;
        if (ok) *out = OBJ_VAL(s);
    }
    buf_free(&e.out);
    return ok;
}

static bool encode_basestring(Vm *vm, Value *args, size_t nargs, Value kw, Value *out, bool ascii,
                              const char *fname) {
    TRY(rt_no_kwargs(vm, fname, kw));
    TRY(rt_check_nargs(vm, fname, nargs, 1, 1));
    if (!IS_STR(args[0]))
        return rt_raise(vm, &TypeError_type, "first argument must be a string, not %s", type_name(rt_type(args[0])));
    Buf b;
    buf_init(&b);
    if (!quote_str(&b, AS_STR(args[0])->data, AS_STR(args[0])->len, ascii)) {
        buf_free(&b);
        return rt_raise_nomem(vm);
    }
    ObjStr *s = str_new(vm, b.data, b.len);
    buf_free(&b);
    TRY(s);
    *out = OBJ_VAL(s);
    return true;
}

static bool m_encode_basestring_ascii(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    return encode_basestring(vm, args, nargs, kw, out, true, "encode_basestring_ascii");
}

static bool m_encode_basestring(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    return encode_basestring(vm, args, nargs, kw, out, false, "encode_basestring");
}

static const MethodDef json_defs[] = {
    {"make_scanner", m_make_scanner, 0},
    {"scanstring", m_scanstring, 0},
    {"skip_ws", m_skip_ws, 0},
    {"encode", m_encode, 0},
    {"encode_basestring_ascii", m_encode_basestring_ascii, 0},
    {"encode_basestring", m_encode_basestring, 0},
    {NULL, NULL, 0},
};

bool rt_json_init(Vm *vm, ObjModule *m) {
    TRY(module_add_functions(vm, m, json_defs));
    return dict_set_cstr(vm, AS_DICT(m->dict), "Scanner", OBJ_VAL(&scanner_type));
}
