// Formatting: the format-spec mini-language for str, int and float
// (format(), __format__, f-strings), str.format's replacement fields, and
// printf-style '%' formatting of str, all with CPython's errors.
//
// Numbers are rendered into a Buf as [sign][prefix][digits], then grouped
// and padded in one place (pad_number), so every type shares the '=' and
// '0' padding rules.
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "runtime/dict.h"
#include "runtime/exc.h"
#include "runtime/float.h"
#include "runtime/gc.h"
#include "runtime/int.h"
#include "runtime/native.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"
#include "util/utf8.h"

typedef struct Spec {
    uint32_t fill;
    char align;      // 0, '<', '>', '^', '='
    char sign;       // 0, '+', '-', ' '
    bool alt, zero, z;
    int64_t width;   // -1 none
    char group;      // 0, ',', '_'
    int64_t prec;    // -1 none
    char type;       // 0 none
} Spec;

static bool parse_spec(Vm *vm, ObjStr *s, Spec *sp) {
    memset(sp, 0, sizeof *sp);
    sp->fill = ' ';
    sp->width = sp->prec = -1;
    const char *p = s->data, *e = p + s->len;
    uint32_t cp;
    size_t k = p < e ? utf8_decode((const unsigned char *)p, (size_t)(e - p), &cp, true) : 0;
    if (k && p + k < e && strchr("<>^=", p[k])) {
        sp->fill = cp;
        sp->align = p[k];
        p += k + 1;
    } else if (p < e && strchr("<>^=", *p)) {
        sp->align = *p++;
    }
    if (p < e && strchr("+- ", *p)) sp->sign = *p++;
    if (p < e && *p == 'z') { sp->z = true; p++; }
    if (p < e && *p == '#') { sp->alt = true; p++; }
    if (p < e && *p == '0') { sp->zero = true; p++; }
    if (p < e && *p >= '0' && *p <= '9') {
        sp->width = 0;
        while (p < e && *p >= '0' && *p <= '9') {
            if (sp->width > INT32_MAX / 10) return rt_raise(vm, &ValueError_type, "Too many decimal digits in format string");
            sp->width = sp->width * 10 + (*p++ - '0');
        }
    }
    if (p < e && (*p == ',' || *p == '_')) sp->group = *p++;
    if (p < e && (*p == ',' || *p == '_')) return rt_raise(vm, &ValueError_type, "Cannot specify both ',' and '_'.");
    if (p < e && *p == '.') {
        p++;
        if (p >= e || *p < '0' || *p > '9') return rt_raise(vm, &ValueError_type, "Format specifier missing precision");
        sp->prec = 0;
        while (p < e && *p >= '0' && *p <= '9') {
            if (sp->prec > INT32_MAX / 10) return rt_raise(vm, &ValueError_type, "Too many decimal digits in format string");
            sp->prec = sp->prec * 10 + (*p++ - '0');
        }
    }
    if (e - p > 1) return rt_raise(vm, &ValueError_type, "Invalid format specifier");
    if (p < e) sp->type = *p;
    if (sp->zero && !sp->align) {
        sp->fill = '0';
        sp->align = '=';
    }
    return true;
}

static bool put_fill(Buf *b, uint32_t fill, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (!buf_put_utf8(b, fill)) return false;
    return true;
}

// Pads text (of [cplen] code points) to the width with the alignment.
static bool pad(Buf *out, const char *text, size_t len, size_t cplen, const Spec *sp, char dflt) {
    size_t w = sp->width > 0 ? (size_t)sp->width : 0, total = w > cplen ? w - cplen : 0, left = 0;
    char a = sp->align ? sp->align : dflt;
    if (a == '>') left = total;
    else if (a == '^') left = total / 2;
    return put_fill(out, sp->fill, left) && buf_append(out, text, len) && put_fill(out, sp->fill, total - left);
}

// [sign+prefix] and [digits] (ASCII) with grouping of the integer part and
// '=' padding between sign and digits.
static bool pad_number(Buf *out, const char *head, const char *digits, size_t nd, const Spec *sp,
                       int group_every, bool is_int) {
    Buf g;
    buf_init(&g);
    // Integer part = leading run of alnum digits before '.', 'e' or '%'.
    size_t intlen = is_int ? nd : 0;
    while (intlen < nd && digits[intlen] != '.' && digits[intlen] != 'e' && digits[intlen] != 'E' &&
           digits[intlen] != '%' && !(digits[intlen] == 'n' || digits[intlen] == 'i' || digits[intlen] == 'N' || digits[intlen] == 'I'))
        intlen++;
    bool ok = true;
    size_t hl = strlen(head);
    if (sp->group) {
        // With '=' / '0' padding CPython groups the zeros too.
        size_t want = 0;
        if (sp->align == '=' && sp->fill == '0' && sp->width > 0 && (size_t)sp->width > hl + nd)
            want = (size_t)sp->width - hl - (nd - intlen);
        size_t n = intlen, cnt = 0;
        Buf rev;
        buf_init(&rev);
        for (size_t i = n; ok && i-- > 0;) {
            if (cnt && cnt % (size_t)group_every == 0) ok = buf_putc(&rev, sp->group);
            ok = ok && buf_putc(&rev, digits[i]);
            cnt++;
        }
        while (ok && rev.len < want) {   // CPython may overshoot by the separator
            if (cnt % (size_t)group_every == 0) ok = buf_putc(&rev, sp->group);
            ok = ok && buf_putc(&rev, '0');
            cnt++;
        }
        for (size_t i = rev.len; ok && i-- > 0;) ok = buf_putc(&g, rev.data[i]);
        buf_free(&rev);
        ok = ok && buf_append(&g, digits + intlen, nd - intlen);
    } else {
        ok = buf_append(&g, digits, nd);
    }
    if (!ok) {
        buf_free(&g);
        return false;
    }
    size_t body = hl + g.len, w = sp->width > 0 ? (size_t)sp->width : 0;
    if (sp->align == '=') {
        size_t fillc = w > body ? w - body : 0;
        ok = buf_puts(out, head) && put_fill(out, sp->fill, fillc) && buf_append(out, g.data ? g.data : "", g.len);
    } else {
        Buf t;
        buf_init(&t);
        ok = buf_puts(&t, head) && buf_append(&t, g.data ? g.data : "", g.len) &&
             pad(out, t.data, t.len, t.len, sp, '>');
        buf_free(&t);
    }
    buf_free(&g);
    return ok;
}

static bool finish(Vm *vm, Buf *b, bool ok, Value *out) {
    ObjStr *s = ok ? str_new(vm, b->data ? b->data : "", b->len) : NULL;
    if (!ok) rt_raise_nomem(vm);
    buf_free(b);
    TRY(s);
    *out = OBJ_VAL(s);
    return true;
}

static bool format_str(Vm *vm, ObjStr *s, const Spec *sp, Value *out) {
    if (sp->type && sp->type != 's')
        return rt_raise(vm, &ValueError_type, "Unknown format code '%c' for object of type 'str'", sp->type);
    if (sp->sign) return rt_raise(vm, &ValueError_type, "Sign not allowed in string format specifier");
    if (sp->alt) return rt_raise(vm, &ValueError_type, "Alternate form (#) not allowed in string format specifier");
    if (sp->align == '=') return rt_raise(vm, &ValueError_type, "'=' alignment not allowed in string format specifier");
    if (sp->group) return rt_raise(vm, &ValueError_type, "Cannot specify '%c' with 's'.", sp->group);
    size_t len = s->len, cpl = s->cplen;
    if (sp->prec >= 0 && (size_t)sp->prec < cpl) {
        len = str_byte_offset(s, (size_t)sp->prec);
        cpl = (size_t)sp->prec;
    }
    Buf b;
    buf_init(&b);
    return finish(vm, &b, pad(&b, s->data, len, cpl, sp, '<'), out);
}

static bool format_float_value(Vm *vm, double d, Spec sp, const char *tname, Value *out);

static bool format_int(Vm *vm, Value v, const Spec *sp, Value *out) {
    char t = sp->type;
    if (t && strchr("eEfFgG%", t)) {
        bool ok;
        double d = int_to_double(vm, v, &ok);
        TRY(ok);
        return format_float_value(vm, d, *sp, "int", out);
    }
    if (t && !strchr("bcdoxXn", t))
        return rt_raise(vm, &ValueError_type, "Unknown format code '%c' for object of type '%s'", t,
                        type_name(rt_type(v)));
    if (sp->prec >= 0) return rt_raise(vm, &ValueError_type, "Precision not allowed in integer format specifier");
    if (sp->z)
        return rt_raise(vm, &ValueError_type, "Negative zero coercion (z) not allowed in integer format specifier");
    if (t == 'c') {
        if (sp->group) return rt_raise(vm, &ValueError_type, "Cannot specify '%c' with 'c'.", sp->group);
        if (sp->sign) return rt_raise(vm, &ValueError_type, "Sign not allowed with integer format specifier 'c'");
        int64_t c;
        TRY(rt_index(vm, v, &c));
        if (c < 0 || c > 0x10FFFF)
            return rt_raise(vm, &OverflowError_type, "%%c arg not in range(0x110000)");
        Buf b;
        buf_init(&b);
        Buf one;
        buf_init(&one);
        bool ok = buf_put_utf8(&one, (unsigned)c) && pad(&b, one.data, one.len, 1, sp, '>');
        buf_free(&one);
        return finish(vm, &b, ok, out);
    }
    if (sp->group == ',' && t && t != 'd' && t != 'n')
        return rt_raise(vm, &ValueError_type, "Cannot specify ',' with '%c'.", t);
    int base = t == 'b' ? 2 : t == 'o' ? 8 : (t == 'x' || t == 'X') ? 16 : 10;
    Buf digits;
    buf_init(&digits);
    Value mag;
    if (int_sign(v) < 0) TRY(rt_unary_op(vm, UNOP_NEG, int_unbool(v), &mag));
    else mag = int_unbool(v);
    int saved = vm->max_str_digits;
    if (base != 10) vm->max_str_digits = 0;
    bool ok = int_format_buf(vm, mag, base, &digits);
    vm->max_str_digits = saved;
    if (!ok) {
        buf_free(&digits);
        return false;
    }
    if (t == 'X')
        for (size_t i = 0; i < digits.len; i++)
            if (digits.data[i] >= 'a') digits.data[i] = (char)(digits.data[i] - 32);
    char head[8] = {0};
    size_t h = 0;
    if (int_sign(v) < 0) head[h++] = '-';
    else if (sp->sign == '+') head[h++] = '+';
    else if (sp->sign == ' ') head[h++] = ' ';
    if (sp->alt && base != 10) {
        head[h++] = '0';
        head[h++] = t;
    }
    Buf b;
    buf_init(&b);
    ok = pad_number(&b, head, digits.data, digits.len, sp, base == 10 ? 3 : 4, true);
    buf_free(&digits);
    return finish(vm, &b, ok, out);
}

static bool format_float_value(Vm *vm, double d, Spec sp, const char *tname, Value *out) {
    char t = sp.type;
    if (t && !strchr("eEfFgGn%", t))
        return rt_raise(vm, &ValueError_type, "Unknown format code '%c' for object of type '%s'", t, tname);
    if (sp.group == ',' && t == 'n') return rt_raise(vm, &ValueError_type, "Cannot specify ',' with 'n'.");
    if (sp.z && d == 0.0) d = 0.0;
    bool neg = signbit(d) && !isnan(d);
    double a = fabs(d);
    Buf digits;
    buf_init(&digits);
    bool ok = true;
    int prec = sp.prec < 0 ? 6 : sp.prec > 1000 ? 1000 : (int)sp.prec;
    char fmtbuf[16];
    if (isinf(a) || isnan(a)) {
        const char *s = isinf(a) ? "inf" : "nan";
        bool upper = t == 'E' || t == 'F' || t == 'G';
        ok = buf_puts(&digits, upper ? (isinf(a) ? "INF" : "NAN") : s);
        if (ok && t == '%') ok = buf_putc(&digits, '%');
    } else if (!t && sp.prec < 0) {
        ok = float_repr_buf(&digits, a);
    } else {
        char ct = t == 'n' ? 'g' : t == '%' ? 'f' : t ? t : 'g';
        double x = t == '%' ? a * 100 : a;
        if (!t) prec = prec == 0 ? 1 : prec;
        snprintf(fmtbuf, sizeof fmtbuf, "%%%s.%d%c", sp.alt ? "#" : "", prec, ct);
        char tmp[1500];
        snprintf(tmp, sizeof tmp, fmtbuf, x);
        ok = buf_puts(&digits, tmp);
        if (ok && !t && !strchr(tmp, 'e') && !strchr(tmp, '.')) ok = buf_puts(&digits, ".0");
        if (ok && t == '%') ok = buf_putc(&digits, '%');
    }
    if (!ok) {
        buf_free(&digits);
        return rt_raise_nomem(vm);
    }
    char head[4] = {0};
    if (neg) head[0] = '-';
    else if (sp.sign == '+') head[0] = '+';
    else if (sp.sign == ' ') head[0] = ' ';
    Buf b;
    buf_init(&b);
    ok = pad_number(&b, head, digits.data, digits.len, &sp, 3, false);
    buf_free(&digits);
    return finish(vm, &b, ok, out);
}

// format(v, spec) for the builtin types; other objects through __format__.
bool fmt_format_value(Vm *vm, Value v, ObjStr *spec, Value *out) {
    Spec sp;
    bool isint = IS_ANYINT(v), isfloat = !isint && IS_FLOAT(v), isstr = !isint && !isfloat && IS_STR(v);
    if (isint || isfloat || isstr) {
        if (spec->len == 0) return rt_str(vm, v, out);
        TRY(parse_spec(vm, spec, &sp));
        if (isstr) return format_str(vm, AS_STR(v), &sp, out);
        if (isint) return format_int(vm, v, &sp, out);
        return format_float_value(vm, AS_FLOAT(v), sp, "float", out);
    }
    Value fn;
    ObjType *owner;
    int r = type_lookup(vm, rt_type(v), NAME(vm, format), &fn, &owner);
    if (r < 0) return false;
    if (r && TYPE_IS_HEAP(owner)) {
        Value a = OBJ_VAL(spec);
        TRY(rt_call_method(vm, v, NAME(vm, format), &a, 1, out));
        if (!IS_STR(*out))
            return rt_raise(vm, &TypeError_type, "__format__ must return a str, not %s", type_name(rt_type(*out)));
        return true;
    }
    if (spec->len)
        return rt_raise(vm, &TypeError_type, "unsupported format string passed to %s.__format__",
                        type_name(rt_type(v)));
    return rt_str(vm, v, out);
}

// __format__ of str, int, float and object.
bool fmt_dunder_format(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "__format__", kw));
    TRY(rt_check_nargs(vm, "__format__", nargs, 2, 2));
    if (!IS_STR(args[1]))
        return rt_raise(vm, &TypeError_type, "__format__() argument must be str, not %s",
                        type_name(rt_type(args[1])));
    Value v = args[0];
    if (!IS_ANYINT(v) && !IS_FLOAT(v) && !IS_STR(v)) {
        if (AS_STR(args[1])->len)
            return rt_raise(vm, &TypeError_type, "unsupported format string passed to %s.__format__",
                            type_name(rt_type(v)));
        return rt_str(vm, v, out);
    }
    return fmt_format_value(vm, v, AS_STR(args[1]), out);
}

// ---- str.format ----

typedef struct FmtCtx {
    Vm *vm;
    Value *args;      // positional (after self)
    size_t nargs;
    Value kwnames;    // tuple or VAL_NULL
    Value *kwvals;
    int auto_idx;     // -1 manual numbering seen, else next automatic index
    bool manual;
} FmtCtx;

static bool lookup_field(FmtCtx *c, const char *p, const char *e, Value *out) {
    Vm *vm = c->vm;
    const char *q = p;
    while (q < e && *q != '.' && *q != '[') q++;
    Value v;
    if (q == p) {
        if (c->manual)
            return rt_raise(vm, &ValueError_type, "cannot switch from manual field specification to automatic field numbering");
        int i = c->auto_idx++;
        if ((size_t)i >= c->nargs)
            return rt_raise(vm, &IndexError_type, "Replacement index %d out of range for positional args tuple", i);
        v = c->args[i];
    } else if (*p >= '0' && *p <= '9') {
        int64_t i = 0;
        for (const char *d = p; d < q; d++) {
            if (*d < '0' || *d > '9') return rt_raise(vm, &ValueError_type, "Invalid format specifier");
            i = i * 10 + (*d - '0');
            if (i > INT32_MAX) return rt_raise(vm, &ValueError_type, "Too many decimal digits in format string");
        }
        if (c->auto_idx > 0)
            return rt_raise(vm, &ValueError_type, "cannot switch from automatic field numbering to manual field specification");
        c->manual = true;
        if ((size_t)i >= c->nargs)
            return rt_raise(vm, &IndexError_type, "Replacement index %lld out of range for positional args tuple", (long long)i);
        v = c->args[i];
    } else {
        size_t nkw = c->kwnames ? AS_TUPLE(c->kwnames)->len : 0, i = 0;
        for (; i < nkw; i++) {
            ObjStr *k = AS_STR(AS_TUPLE(c->kwnames)->items[i]);
            if (k->len == (size_t)(q - p) && memcmp(k->data, p, k->len) == 0) break;
        }
        if (i == nkw) {
            ObjStr *k = str_new(vm, p, (size_t)(q - p));
            TRY(k);
            return rt_raise_arg(vm, &KeyError_type, OBJ_VAL(k));
        }
        v = c->kwvals[i];
    }
    size_t mark = gc_roots_mark(vm);
    while (q < e) {
        gc_push_root(vm, v);
        if (*q == '.') {
            const char *s = ++q;
            while (q < e && *q != '.' && *q != '[') q++;
            if (q == s) return gc_roots_reset(vm, mark), rt_raise(vm, &ValueError_type, "Empty attribute in format string");
            ObjStr *name = str_intern(vm, s, (size_t)(q - s));
            if (!name) return gc_roots_reset(vm, mark), false;
            gc_push_root(vm, OBJ_VAL(name));
            if (!rt_getattr(vm, v, name, &v)) return gc_roots_reset(vm, mark), false;
        } else {
            const char *s = ++q;
            while (q < e && *q != ']') q++;
            if (q >= e) return gc_roots_reset(vm, mark), rt_raise(vm, &ValueError_type, "Missing ']' in format string");
            if (q == s) return gc_roots_reset(vm, mark), rt_raise(vm, &ValueError_type, "Empty attribute in format string");
            Value key;
            bool digits = true;
            int64_t n = 0;
            for (const char *d = s; d < q; d++) {
                if (*d < '0' || *d > '9') digits = false;
                else n = n * 10 + (*d - '0');
            }
            if (digits) key = INT_VAL(n);
            else {
                ObjStr *k = str_new(vm, s, (size_t)(q - s));
                if (!k) return gc_roots_reset(vm, mark), false;
                key = OBJ_VAL(k);
                gc_push_root(vm, key);
            }
            if (!rt_getitem(vm, v, key, &v)) return gc_roots_reset(vm, mark), false;
            q++;
            if (q < e && *q != '.' && *q != '[')
                return gc_roots_reset(vm, mark), rt_raise(vm, &ValueError_type, "Only '.' or '[' may follow ']' in format field specifier");
        }
    }
    gc_roots_reset(vm, mark);
    *out = v;
    return true;
}

static bool format_into(FmtCtx *c, const char *p, const char *e, Buf *b, int depth);

// One replacement field "{name!c:spec}" whose inside is [p, e).
static bool replace_field(FmtCtx *c, const char *p, const char *e, Buf *b, int depth) {
    Vm *vm = c->vm;
    const char *name_end = p;
    int bracket = 0;
    while (name_end < e && (bracket || (*name_end != '!' && *name_end != ':'))) {
        if (*name_end == '[') bracket = 1;
        else if (*name_end == ']') bracket = 0;
        name_end++;
    }
    char conv = 0;
    const char *spec = name_end;
    if (spec < e && *spec == '!') {
        if (spec + 1 >= e) return rt_raise(vm, &ValueError_type, "end of string while looking for conversion specifier");
        conv = spec[1];
        spec += 2;
        if (spec < e && *spec != ':') return rt_raise(vm, &ValueError_type, "expected ':' after conversion specifier");
    }
    if (spec < e) spec++;   // skip ':'
    Value v;
    TRY(lookup_field(c, p, name_end, &v));
    size_t mark = gc_roots_mark(vm);
    gc_push_root(vm, v);
    if (conv) {
        if (conv == 'r' || conv == 'a') {
            if (!(conv == 'r' ? rt_repr : rt_ascii)(vm, v, &v)) return gc_roots_reset(vm, mark), false;
        } else if (conv == 's') {
            if (!rt_str(vm, v, &v)) return gc_roots_reset(vm, mark), false;
        } else {
            gc_roots_reset(vm, mark);
            return rt_raise(vm, &ValueError_type, "Unknown conversion specifier %c", conv);
        }
        gc_push_root(vm, v);
    }
    // The spec may itself hold replacement fields (one level).
    Buf sb;
    buf_init(&sb);
    if (spec < e && !format_into(c, spec, e, &sb, depth + 1)) {
        buf_free(&sb);
        return gc_roots_reset(vm, mark), false;
    }
    ObjStr *sp = str_new(vm, sb.data ? sb.data : "", sb.len);
    buf_free(&sb);
    if (!sp) return gc_roots_reset(vm, mark), false;
    gc_push_root(vm, OBJ_VAL(sp));
    Value r;
    bool ok = fmt_format_value(vm, v, sp, &r);
    gc_roots_reset(vm, mark);
    TRY(ok);
    if (!buf_append(b, AS_STR(r)->data, AS_STR(r)->len)) return rt_raise_nomem(vm);
    return true;
}

static bool format_into(FmtCtx *c, const char *p, const char *e, Buf *b, int depth) {
    Vm *vm = c->vm;
    if (depth > 2) return rt_raise(vm, &ValueError_type, "Max string recursion exceeded");
    while (p < e) {
        const char *q = p;
        while (q < e && *q != '{' && *q != '}') q++;
        if (!buf_append(b, p, (size_t)(q - p))) return rt_raise_nomem(vm);
        if (q >= e) break;
        if (*q == '}') {
            if (q + 1 < e && q[1] == '}') {
                if (!buf_putc(b, '}')) return rt_raise_nomem(vm);
                p = q + 2;
                continue;
            }
            return rt_raise(vm, &ValueError_type, "Single '}' encountered in format string");
        }
        if (q + 1 < e && q[1] == '{') {
            if (!buf_putc(b, '{')) return rt_raise_nomem(vm);
            p = q + 2;
            continue;
        }
        // Find the matching '}' (nested braces allowed in the spec).
        const char *f = q + 1;
        int level = 1;
        while (f < e) {
            if (*f == '{') level++;
            else if (*f == '}' && --level == 0) break;
            f++;
        }
        if (f >= e) {
            if (q + 1 >= e) return rt_raise(vm, &ValueError_type, "Single '{' encountered in format string");
            return rt_raise(vm, &ValueError_type, "expected '}' before end of string");
        }
        TRY(replace_field(c, q + 1, f, b, depth));
        p = f + 1;
    }
    return true;
}

bool fmt_str_format(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_check_nargs(vm, "format", nargs, 1, SIZE_MAX));
    ObjStr *s = AS_STR(args[0]);
    FmtCtx c = {vm, args + 1, nargs - 1, kw, args + nargs, 0, false};
    Buf b;
    buf_init(&b);
    if (!format_into(&c, s->data, s->data + s->len, &b, 0)) {
        buf_free(&b);
        return false;
    }
    return finish(vm, &b, true, out);
}

// ---- printf-style '%' ----

static bool pct_number(Vm *vm, Value v, char conv, Value *out) {
    if (strchr("diu", conv)) {
        if (IS_ANYINT(v)) {
            *out = int_unbool(v);
            return true;
        }
        if (IS_FLOAT(v)) {
            Value a = v;
            return rt_call(vm, OBJ_VAL(&int_type), &a, 1, VAL_NULL, out);
        }
        return rt_raise(vm, &TypeError_type, "%%%c format: a real number is required, not %s", conv,
                        type_name(rt_type(v)));
    }
    if (IS_ANYINT(v)) {
        *out = int_unbool(v);
        return true;
    }
    if (rt_type(v)->index) return rt_type(v)->index(vm, v, out);
    return rt_raise(vm, &TypeError_type, "%%%c format: an integer is required, not %s", conv,
                    type_name(rt_type(v)));
}

bool fmt_percent(Vm *vm, Value fmtv, Value argv, Value *out) {
    ObjStr *fmt = AS_STR(fmtv);
    bool is_tuple = IS_TUPLE(argv);
    bool is_map = !is_tuple && !IS_STR(argv) && TYPE_SLOT(rt_type(argv), getitem) != NULL;
    Value *items = is_tuple ? AS_TUPLE(argv)->items : &argv;
    size_t nitems = is_tuple ? AS_TUPLE(argv)->len : 1, next = 0;
    bool used_map = false;
    Buf b;
    buf_init(&b);
    size_t mark = gc_roots_mark(vm);
    const char *p = fmt->data, *e = p + fmt->len;
#define FAIL(...) do { buf_free(&b); gc_roots_reset(vm, mark); return __VA_ARGS__; } while (0)
#define OOM() FAIL(rt_raise_nomem(vm))
    while (p < e) {
        const char *q = memchr(p, '%', (size_t)(e - p));
        if (!q) q = e;
        if (!buf_append(&b, p, (size_t)(q - p))) OOM();
        if (q >= e) break;
        const char *start = q++;
        if (q >= e) FAIL(rt_raise(vm, &ValueError_type, "incomplete format"));
        Value arg = VAL_NULL;
        if (*q == '(') {
            if (!is_map) FAIL(rt_raise(vm, &TypeError_type, "format requires a mapping"));
            const char *k = ++q;
            int level = 1;
            while (q < e && level) {
                if (*q == '(') level++;
                else if (*q == ')') level--;
                if (level) q++;
            }
            if (q >= e) FAIL(rt_raise(vm, &ValueError_type, "incomplete format key"));
            ObjStr *key = str_new(vm, k, (size_t)(q - k));
            if (!key) FAIL(false);
            gc_push_root(vm, OBJ_VAL(key));
            if (!rt_getitem(vm, argv, OBJ_VAL(key), &arg)) FAIL(false);
            gc_push_root(vm, arg);
            used_map = true;
            q++;
        }
        Spec sp;
        memset(&sp, 0, sizeof sp);
        sp.fill = ' ';
        sp.width = sp.prec = -1;
        bool left = false;
        for (; q < e && strchr("-+ #0", *q); q++) {
            if (*q == '-') left = true;
            else if (*q == '+') sp.sign = '+';
            else if (*q == ' ' && sp.sign != '+') sp.sign = ' ';
            else if (*q == '#') sp.alt = true;
            else sp.zero = true;
        }
#define TAKE_ARG(dst)                                                                   \
        do {                                                                            \
            if (next >= nitems) FAIL(rt_raise(vm, &TypeError_type, "not enough arguments for format string")); \
            dst = items[next++];                                                        \
        } while (0)
        if (q < e && *q == '*') {
            Value w;
            TAKE_ARG(w);
            if (!IS_INT(w)) FAIL(rt_raise(vm, &TypeError_type, "* wants int"));
            sp.width = AS_INT(w);
            if (sp.width < 0) {
                left = true;
                sp.width = -sp.width;
            }
            q++;
        } else {
            for (; q < e && *q >= '0' && *q <= '9'; q++) {
                sp.width = (sp.width < 0 ? 0 : sp.width) * 10 + (*q - '0');
                if (sp.width > INT32_MAX) FAIL(rt_raise(vm, &ValueError_type, "width too big"));
            }
        }
        if (q < e && *q == '.') {
            q++;
            sp.prec = 0;
            if (q < e && *q == '*') {
                Value w;
                TAKE_ARG(w);
                if (!IS_INT(w)) FAIL(rt_raise(vm, &TypeError_type, "* wants int"));
                sp.prec = AS_INT(w) < 0 ? 0 : AS_INT(w);
                q++;
            } else {
                for (; q < e && *q >= '0' && *q <= '9'; q++) {
                    sp.prec = sp.prec * 10 + (*q - '0');
                    if (sp.prec > INT32_MAX) FAIL(rt_raise(vm, &ValueError_type, "precision too big"));
                }
            }
        }
        while (q < e && (*q == 'h' || *q == 'l' || *q == 'L')) q++;
        if (q >= e) FAIL(rt_raise(vm, &ValueError_type, "incomplete format"));
        char conv = *q++;
        if (conv == '%') {
            if (!buf_putc(&b, '%')) OOM();
            p = q;
            continue;
        }
        if (!arg) TAKE_ARG(arg);
        sp.align = left ? '<' : sp.zero && strchr("diuoxXeEfFgG", conv) ? '=' : '>';
        if (sp.align == '=') sp.fill = '0';
        Value r = VAL_NULL;
        bool ok;
        switch (conv) {
        case 's': case 'r': case 'a': {
            Value s;
            ok = conv == 's' ? rt_str(vm, arg, &s) : conv == 'r' ? rt_repr(vm, arg, &s) : rt_ascii(vm, arg, &s);
            if (!ok) FAIL(false);
            gc_push_root(vm, s);
            Spec ss = sp;
            ss.sign = 0;
            ss.alt = false;
            ss.align = left ? '<' : '>';
            ss.fill = ' ';
            ok = format_str(vm, AS_STR(s), &ss, &r);
            break;
        }
        case 'c': {
            Value ch = arg;
            if (IS_STR(arg)) {
                if (AS_STR(arg)->cplen != 1) FAIL(rt_raise(vm, &TypeError_type, "%%c requires int or char"));
            } else if (IS_ANYINT(arg)) {
                int64_t cv;
                if (!rt_index(vm, arg, &cv)) FAIL(false);
                if (cv < 0 || cv > 0x10FFFF) FAIL(rt_raise(vm, &OverflowError_type, "%%c arg not in range(0x110000)"));
                ObjStr *cs = str_from_cp(vm, (uint32_t)cv);
                if (!cs) FAIL(false);
                ch = OBJ_VAL(cs);
            } else {
                FAIL(rt_raise(vm, &TypeError_type, "%%c requires int or char"));
            }
            gc_push_root(vm, ch);
            Spec ss = sp;
            ss.prec = -1;
            ss.sign = 0;
            ss.align = left ? '<' : '>';
            ss.fill = ' ';
            ok = format_str(vm, AS_STR(ch), &ss, &r);
            break;
        }
        case 'd': case 'i': case 'u': case 'o': case 'x': case 'X': {
            Value n;
            if (!pct_number(vm, arg, conv, &n)) FAIL(false);
            gc_push_root(vm, n);
            Spec ss = sp;
            ss.type = conv == 'i' || conv == 'u' ? 'd' : conv;
            int64_t prec = ss.prec;
            ss.prec = -1;
            if (prec > 0) {   // precision = minimum digits
                ss.align = ss.align == '<' ? '<' : '=';
                ss.fill = '0';
                ss.width = prec + (int_sign(n) < 0 || ss.sign) + (ss.alt && conv != 'd' ? 2 : 0);
                ok = format_int(vm, n, &ss, &r);
                if (ok && sp.width > 0) {
                    gc_push_root(vm, r);
                    Spec ps = sp;
                    ps.sign = 0;
                    ps.fill = ' ';
                    ps.align = left ? '<' : '>';
                    ok = format_str(vm, AS_STR(r), &ps, &r);
                }
            } else {
                ok = format_int(vm, n, &ss, &r);
            }
            break;
        }
        case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': {
            double d;
            if (!IS_FLOAT(arg) && !IS_ANYINT(arg))
                FAIL(rt_raise(vm, &TypeError_type, "must be real number, not %s", type_name(rt_type(arg))));
            if (!rt_as_double(vm, arg, &d)) FAIL(false);
            Spec ss = sp;
            ss.type = conv;
            if (ss.prec < 0) ss.prec = 6;
            ok = format_float_value(vm, d, ss, "float", &r);
            break;
        }
        default:
            FAIL(rt_raise(vm, &ValueError_type, "unsupported format character '%c' (0x%x) at index %zu",
                          conv, (unsigned)(unsigned char)conv, (size_t)(q - 1 - fmt->data)));
        }
        (void)start;
        if (!ok) FAIL(false);
        if (!buf_append(&b, AS_STR(r)->data, AS_STR(r)->len)) OOM();
        gc_roots_reset(vm, mark);   // this conversion's temporaries are done
        p = q;
    }
    gc_roots_reset(vm, mark);
    if (next < nitems && !used_map && !(is_map && !is_tuple))
        FAIL(rt_raise(vm, &TypeError_type, "not all arguments converted during string formatting"));
    return finish(vm, &b, true, out);
#undef FAIL
#undef OOM
#undef TAKE_ARG
}
