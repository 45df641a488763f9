// float: boxed doubles with CPython's repr, hash, floor division/modulo,
// exact int/float comparison and float() parsing (see float.h).
#include "runtime/float.h"

#include <errno.h>
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/dict.h"
#include "runtime/exc.h"
#include "runtime/gc.h"
#include "runtime/int.h"
#include "runtime/native.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"

extern bool fmt_dunder_format(Vm *vm, Value *args, size_t nargs, Value kw, Value *out);

#define HASH_MODULUS (((uint64_t)1 << 61) - 1)
#define HASH_BITS 61

bool float_new(Vm *vm, double d, Value *out) {
    ObjFloat *f = (ObjFloat *)gc_alloc(vm, &float_type, sizeof(ObjFloat));
    TRY(f);
    f->d = d;
    *out = OBJ_VAL(f);
    return true;
}

// ---- repr ----

bool float_repr_buf(Buf *b, double d) {
    if (isnan(d)) return buf_puts(b, "nan");
    if (isinf(d)) return buf_puts(b, d < 0 ? "-inf" : "inf");
    // Shortest %.Ne that round-trips gives the digits and the exponent.
    // Only 15, 16 and 17 digits need trying: when some N <= 15 round-trips,
    // the 15-digit form is that one padded with zeros (decimals of 15
    // digits are further apart than doubles), and the zeros are stripped
    // below. Trying every N from 1 made float repr most of json.dumps.
    // Subnormals have fewer significant bits, so for them every N is tried.
    char tmp[40];
    for (int prec = fabs(d) < DBL_MIN ? 1 : 15; prec <= 17; prec++) {
        snprintf(tmp, sizeof tmp, "%.*e", prec - 1, d);
        if (prec == 17 || strtod(tmp, NULL) == d) break;
    }
    bool neg = tmp[0] == '-';
    char digits[24];
    size_t nd = 0;
    char *p = tmp + neg;
    for (; *p && *p != 'e'; p++)
        if (*p >= '0' && *p <= '9') digits[nd++] = *p;
    int exp = atoi(p + 1);
    while (nd > 1 && digits[nd - 1] == '0') nd--;   // "1.000e+16" -> "1"
    if (neg && !buf_putc(b, '-')) return false;
    bool ok = true;
    if (exp >= -4 && exp < 16) {
        if (exp < 0) {
            ok = buf_puts(b, "0.");
            for (int i = -1; ok && i > exp; i--) ok = buf_putc(b, '0');
            ok = ok && buf_append(b, digits, nd);
        } else {
            size_t intd = (size_t)exp + 1;
            for (size_t i = 0; ok && i < intd; i++) ok = buf_putc(b, i < nd ? digits[i] : '0');
            ok = ok && buf_putc(b, '.');
            if (nd > intd) ok = ok && buf_append(b, digits + intd, nd - intd);
            else ok = ok && buf_putc(b, '0');
        }
        return ok;
    }
    ok = buf_putc(b, digits[0]);
    if (nd > 1) ok = ok && buf_putc(b, '.') && buf_append(b, digits + 1, nd - 1);
    return ok && buf_printf(b, "e%c%02d", exp < 0 ? '-' : '+', exp < 0 ? -exp : exp);
}

static bool float_repr(Vm *vm, Value self, Value *out) {
    Buf buf;
    buf_init(&buf);
    ObjStr *s = NULL;
    if (float_repr_buf(&buf, AS_FLOAT(self))) s = str_new(vm, buf.data, buf.len);
    else rt_raise_nomem(vm);
    buf_free(&buf);
    TRY(s);
    *out = OBJ_VAL(s);
    return true;
}

// ---- hash (CPython's _Py_HashDouble, consistent with int) ----

int64_t float_hash(double v) {
    if (isinf(v)) return v > 0 ? 314159 : -314159;
    if (isnan(v)) return 0;
    int e;
    double m = frexp(v, &e);
    int sign = 1;
    if (m < 0) {
        sign = -1;
        m = -m;
    }
    uint64_t x = 0;
    while (m) {
        x = ((x << 28) & HASH_MODULUS) | x >> (HASH_BITS - 28);
        m *= 268435456.0;
        e -= 28;
        uint64_t y = (uint64_t)m;
        m -= (double)y;
        x += y;
        if (x >= HASH_MODULUS) x -= HASH_MODULUS;
    }
    e = e >= 0 ? e % HASH_BITS : HASH_BITS - 1 - ((-1 - e) % HASH_BITS);
    x = ((x << e) & HASH_MODULUS) | x >> (HASH_BITS - e);
    int64_t h = (int64_t)x * sign;
    return h == -1 ? -2 : h;
}

static bool float_hash_slot(Vm *vm, Value self, int64_t *out) {
    (void)vm;
    double d = AS_FLOAT(self);
    // NaN hashes by identity since 3.10.
    *out = isnan(d) ? (int64_t)((uintptr_t)AS_OBJ(self) >> 4) : float_hash(d);
    return true;
}

// ---- arithmetic ----

bool rt_as_double(Vm *vm, Value v, double *out) {
    if (IS_FLOAT(v)) {
        *out = AS_FLOAT(v);
        return true;
    }
    if (IS_ANYINT(v)) {
        bool ok;
        *out = int_to_double(vm, v, &ok);
        return ok;
    }
    return rt_raise(vm, &TypeError_type, "must be real number, not %s", type_name(rt_type(v)));
}

bool float_divmod(Vm *vm, double vx, double wx, double *div, double *mod, const char *what) {
    if (wx == 0.0) return rt_raise(vm, &ZeroDivisionError_type, "%s", what);
    double m = fmod(vx, wx);
    double d = (vx - m) / wx;
    if (m) {
        if ((wx < 0) != (m < 0)) {
            m += wx;
            d -= 1.0;
        }
    } else {
        m = copysign(0.0, wx);
    }
    double fd;
    if (d) {
        fd = floor(d);
        if (d - fd > 0.5) fd += 1.0;
    } else {
        fd = copysign(0.0, vx / wx);
    }
    *div = fd;
    *mod = m;
    return true;
}

bool float_pow(Vm *vm, double x, double y, Value *out) {
    if (y == 0) return float_new(vm, 1.0, out);
    if (isnan(x)) return float_new(vm, y == 0 ? 1.0 : x, out);
    if (x == 0 && y < 0 && !isinf(y))
        return rt_raise(vm, &ZeroDivisionError_type, "0.0 cannot be raised to a negative power");
    if (x < 0 && y != floor(y) && !isinf(y))
        return rt_raise(vm, &ValueError_type, "complex results are not supported");
    errno = 0;
    double r = pow(x, y);
    if (isinf(r) && !isinf(x) && !isinf(y))
        return rt_raise(vm, &OverflowError_type, "(34, 'Numerical result out of range')");
    return float_new(vm, r, out);
}

static bool float_binop(Vm *vm, int op, Value a, Value b, Value *out) {
    op &= ~BINOP_INPLACE;
    if (!(IS_FLOAT(a) || IS_ANYINT(a)) || !(IS_FLOAT(b) || IS_ANYINT(b)) ||
        (op > BINOP_POW && op != BINOP_DIVMOD)) {
        *out = NOTIMPL_VAL;
        return true;
    }
    double x, y, d, m;
    TRY(rt_as_double(vm, a, &x));
    TRY(rt_as_double(vm, b, &y));
    switch (op) {
    case BINOP_ADD: return float_new(vm, x + y, out);
    case BINOP_SUB: return float_new(vm, x - y, out);
    case BINOP_MUL: return float_new(vm, x * y, out);
    case BINOP_TRUEDIV:
        if (y == 0) return rt_raise(vm, &ZeroDivisionError_type, "float division by zero");
        return float_new(vm, x / y, out);
    case BINOP_FLOORDIV:
        TRY(float_divmod(vm, x, y, &d, &m, "float floor division by zero"));
        return float_new(vm, d, out);
    case BINOP_MOD:
        TRY(float_divmod(vm, x, y, &d, &m, "float modulo"));
        return float_new(vm, m, out);
    case BINOP_DIVMOD: {
        TRY(float_divmod(vm, x, y, &d, &m, "float divmod()"));
        Value vd, vm_;
        TRY(float_new(vm, d, &vd));
        gc_push_root(vm, vd);
        bool ok = float_new(vm, m, &vm_);
        gc_pop_root(vm);
        TRY(ok);
        ObjTuple *t = tuple_pack2(vm, vd, vm_);
        TRY(t);
        *out = OBJ_VAL(t);
        return true;
    }
    case BINOP_POW: return float_pow(vm, x, y, out);
    default:
        *out = NOTIMPL_VAL;
        return true;
    }
}

static bool float_unop(Vm *vm, UnOp op, Value a, Value *out) {
    double d = AS_FLOAT(a);
    switch (op) {
    case UNOP_NEG: return float_new(vm, -d, out);
    case UNOP_POS: *out = a; return true;
    case UNOP_ABS: return float_new(vm, fabs(d), out);
    default:
        return rt_raise(vm, &TypeError_type, "bad operand type for unary ~: 'float'");
    }
}

// ---- comparison ----

int float_compare_int(Vm *vm, double d, Value i, bool *ok) {
    (void)vm;
    *ok = true;
    i = int_unbool(i);
    if (IS_INT(i) && AS_INT(i) <= (1LL << 53) && AS_INT(i) >= -(1LL << 53)) {
        double y = (double)AS_INT(i);
        return d < y ? -1 : d > y;
    }
    if (isinf(d)) return d > 0 ? 1 : -1;
    mpz_t z;
    mpz_init(z);
    int_to_mpz(i, z);
    int c = mpz_cmp_d(z, d);   // exact
    mpz_clear(z);
    return c < 0 ? 1 : c > 0 ? -1 : 0;
}

static bool float_richcompare(Vm *vm, Value a, Value b, CmpOp op, Value *out) {
    bool af = IS_FLOAT(a), bf = IS_FLOAT(b);
    if (!(af || IS_ANYINT(a)) || !(bf || IS_ANYINT(b))) {
        *out = NOTIMPL_VAL;
        return true;
    }
    double x = af ? AS_FLOAT(a) : 0, y = bf ? AS_FLOAT(b) : 0;
    int c;
    if ((af && isnan(x)) || (bf && isnan(y))) {
        *out = rt_bool(op == CMP_NE);
        return true;
    }
    bool ok = true;
    if (af && bf) c = x < y ? -1 : x > y;
    else if (af) c = float_compare_int(vm, x, b, &ok);
    else c = -float_compare_int(vm, y, a, &ok);
    TRY(ok);
    bool r = op == CMP_LT ? c < 0 : op == CMP_LE ? c <= 0 : op == CMP_EQ ? c == 0
           : op == CMP_NE ? c != 0 : op == CMP_GT ? c > 0 : c >= 0;
    *out = rt_bool(r);
    return true;
}

static int float_truth(Vm *vm, Value self) {
    (void)vm;
    return AS_FLOAT(self) != 0.0;
}

// ---- float() ----

static bool parse_ascii(Vm *vm, const char *s, size_t len, const char *orig, size_t orig_len, double *out);

bool float_parse(Vm *vm, const char *s, size_t len, double *out) {
    // CPython reads Unicode decimal digits and spaces as their ASCII forms.
    for (size_t i = 0; i < len; i++) {
        if ((unsigned char)s[i] < 0x80) continue;
        Buf t;
        buf_init(&t);
        if (!str_ascii_digits(s, len, &t)) return buf_free(&t), rt_raise_nomem(vm);
        bool ok = parse_ascii(vm, t.data, t.len, s, len, out);
        buf_free(&t);
        return ok;
    }
    return parse_ascii(vm, s, len, s, len, out);
}

static bool parse_ascii(Vm *vm, const char *s, size_t len, const char *orig, size_t orig_len, double *out) {
    const char *p = s, *end = s + len;
    while (p < end && (*p == ' ' || (*p >= 9 && *p <= 13))) p++;
    while (end > p && (end[-1] == ' ' || (end[-1] >= 9 && end[-1] <= 13))) end--;
    char tmp[64];
    char *buf = (size_t)(end - p) < sizeof tmp ? tmp : malloc((size_t)(end - p) + 1);
    if (!buf) return rt_raise_nomem(vm);
    size_t n = 0;
    bool ok = p < end, prev_digit = false;
    for (const char *q = p; q < end; q++) {
        if (*q == '_') {   // only between digits
            if (!prev_digit || q + 1 >= end || !(q[1] >= '0' && q[1] <= '9')) ok = false;
            continue;
        }
        prev_digit = *q >= '0' && *q <= '9';
        if (*q == 'x' || *q == 'X' || *q == 'p' || *q == 'P') ok = false;   // no hex floats
        buf[n++] = *q;
    }
    buf[n] = '\0';
    char *e = NULL;
    double d = 0;
    if (ok) {
        d = strtod(buf, &e);
        ok = e == buf + n && n > 0;
    }
    if (ok) {   // strtod accepts "infinity"/"nan(...)": Python only inf/infinity/nan
        const char *q = buf + (buf[0] == '+' || buf[0] == '-');
        if (((*q | 32) == 'n' && strlen(q) != 3)) ok = false;
    }
    if (buf != tmp) free(buf);
    if (!ok) {
        ObjStr *o = str_new(vm, orig, orig_len);
        TRY(o);
        return rt_raise(vm, &ValueError_type, "could not convert string to float: %R", OBJ_VAL(o));
    }
    *out = d;
    return true;
}

extern bool bytes_view(Value v, const char **data, size_t *len);

static bool float_new_exact(Vm *vm, Value *args, size_t nargs, Value kwnames, Value *out);

// A subclass instance has float's layout (then the instance dict): the
// value is computed as float(x) and copied in.
static bool float_new_slot(Vm *vm, ObjType *t, Value *args, size_t nargs, Value kwnames,
                           Value *out) {
    if (t == &float_type) return float_new_exact(vm, args, nargs, kwnames, out);
    Value v;
    TRY(float_new_exact(vm, args, nargs, kwnames, &v));
    double d = AS_FLOAT(v);
    ObjFloat *f = (ObjFloat *)gc_alloc(vm, t, t->basicsize);
    TRY(f);
    f->d = d;
    *out = OBJ_VAL(f);
    return true;
}

static bool float_new_exact(Vm *vm, Value *args, size_t nargs, Value kwnames, Value *out) {
    TRY(rt_no_kwargs(vm, "float", kwnames));
    TRY(rt_check_nargs(vm, "float", nargs, 0, 1));
    if (nargs == 0) return float_new(vm, 0.0, out);
    Value x = args[0];
    double d;
    const char *data;
    size_t len;
    if (IS_TYPE_EXACT(x, float_type)) {
        *out = x;
        return true;
    }
    if (IS_FLOAT(x) || IS_ANYINT(x)) {
        TRY(rt_as_double(vm, x, &d));
        return float_new(vm, d, out);
    }
    if (IS_STR(x)) {
        TRY(float_parse(vm, AS_STR(x)->data, AS_STR(x)->len, &d));
        return float_new(vm, d, out);
    }
    if (bytes_view(x, &data, &len)) {
        TRY(float_parse(vm, data, len, &d));
        return float_new(vm, d, out);
    }
    Value r;
    int found = type_lookup(vm, rt_type(x), NAME(vm, float), &r, NULL);
    if (found < 0) return false;
    if (found) {
        TRY(rt_call_method(vm, x, NAME(vm, float), NULL, 0, &r));
        if (!IS_FLOAT(r))
            return rt_raise(vm, &TypeError_type, "%s.__float__ returned non-float (type %s)",
                            type_name(rt_type(x)), type_name(rt_type(r)));
        *out = r;
        return true;
    }
    return rt_raise(vm, &TypeError_type,
                    "float() argument must be a string or a real number, not '%s'",
                    type_name(rt_type(x)));
}

// ---- methods ----

static bool m_is_integer(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "is_integer", kw));
    TRY(rt_check_nargs(vm, "float.is_integer", nargs, 1, 1));
    double d = AS_FLOAT(args[0]);
    *out = rt_bool(isfinite(d) && d == floor(d));
    return true;
}

static bool m_conjugate(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "conjugate", kw));
    TRY(rt_check_nargs(vm, "float.conjugate", nargs, 1, 1));
    *out = args[0];
    return true;
}

static bool m_as_integer_ratio(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "as_integer_ratio", kw));
    TRY(rt_check_nargs(vm, "float.as_integer_ratio", nargs, 1, 1));
    double d = AS_FLOAT(args[0]);
    if (isinf(d)) return rt_raise(vm, &OverflowError_type, "cannot convert Infinity to integer ratio");
    if (isnan(d)) return rt_raise(vm, &ValueError_type, "cannot convert NaN to integer ratio");
    int e;
    double m = frexp(d, &e);
    for (int i = 0; i < 300 && m != floor(m); i++) {
        m *= 2.0;
        e--;
    }
    mpz_t num, den;
    mpz_init_set_d(num, m);
    mpz_init_set_ui(den, 1);
    if (e > 0) mpz_mul_2exp(num, num, (unsigned long)e);
    else mpz_mul_2exp(den, den, (unsigned long)-e);
    Value n, dv;
    if (!int_from_mpz(vm, num, &n)) {
        mpz_clear(den);
        return false;
    }
    gc_push_root(vm, n);
    bool ok = int_from_mpz(vm, den, &dv);
    if (ok) {
        ObjTuple *t = tuple_pack2(vm, n, dv);
        ok = t != NULL;
        if (ok) *out = OBJ_VAL(t);
    }
    gc_pop_root(vm);
    return ok;
}

// ---- the conversion dunders of int and float ----
//
// __int__, __float__, __trunc__, __floor__, __ceil__ and __round__ as
// methods (x.__float__(), typing.SupportsInt), through the conversions
// the builtins already do.

static bool num_convert(Vm *vm, ObjType *to, const char *name, Value *args, size_t nargs, Value kw,
                        Value *out) {
    TRY(rt_no_kwargs(vm, name, kw));
    TRY(rt_check_nargs(vm, name, nargs, 1, 1));
    return rt_call(vm, OBJ_VAL(to), args, 1, VAL_NULL, out);
}

bool num_dunder_int(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    return num_convert(vm, &int_type, "__int__", args, nargs, kw, out);
}

bool num_dunder_float(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    return num_convert(vm, &float_type, "__float__", args, nargs, kw, out);
}

bool num_dunder_trunc(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    return num_convert(vm, &int_type, "__trunc__", args, nargs, kw, out);
}

// floor/ceil of a float: rounded as a float, then made an int (which
// refuses NaN and the infinities with int()'s messages).
static bool num_round_to(Vm *vm, const char *name, double (*f)(double), Value *args, size_t nargs, Value kw,
                         Value *out) {
    if (!IS_FLOAT(args[0])) return num_convert(vm, &int_type, name, args, nargs, kw, out);
    TRY(rt_no_kwargs(vm, name, kw));
    TRY(rt_check_nargs(vm, name, nargs, 1, 1));
    Value r;
    TRY(float_new(vm, f(AS_FLOAT(args[0])), &r));
    gc_push_root(vm, r);
    bool ok = rt_call(vm, OBJ_VAL(&int_type), &r, 1, VAL_NULL, out);
    gc_pop_root(vm);
    return ok;
}

bool num_dunder_floor(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    return num_round_to(vm, "__floor__", floor, args, nargs, kw, out);
}

bool num_dunder_ceil(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    return num_round_to(vm, "__ceil__", ceil, args, nargs, kw, out);
}

bool num_dunder_round(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "__round__", kw));
    TRY(rt_check_nargs(vm, "__round__", nargs, 1, 2));
    Value round;
    ObjStr *name = str_intern_cstr(vm, "round");
    TRY(name);
    if (dict_get_str(vm, AS_DICT(vm->builtins), name, &round) != 1)
        return rt_raise(vm, &RuntimeError_type, "lost builtins.round");
    return rt_call(vm, round, args, nargs, VAL_NULL, out);
}

static const MethodDef float_methods[] = {
    {"__int__", num_dunder_int, 0},
    {"__float__", num_dunder_float, 0},
    {"__trunc__", num_dunder_trunc, 0},
    {"__floor__", num_dunder_floor, 0},
    {"__ceil__", num_dunder_ceil, 0},
    {"__round__", num_dunder_round, 0},
    {"is_integer", m_is_integer, 0},
    {"conjugate", m_conjugate, 0},
    {"as_integer_ratio", m_as_integer_ratio, 0},
    {"__format__", fmt_dunder_format, 0},
    {NULL, NULL, 0},
};

static bool get_real(Vm *vm, Value self, Value *out) { (void)vm; *out = self; return true; }
static bool get_imag(Vm *vm, Value self, Value *out) { (void)self; return float_new(vm, 0.0, out); }

static const GetSetDef float_getsets[] = {
    {"real", get_real, NULL},
    {"imag", get_imag, NULL},
    {NULL, NULL, NULL},
};

ObjType float_type = {
    .hdr = OBJ_STATIC_HEADER(&type_type),
    .name = "float",
    .module = "builtins",
    .basicsize = sizeof(ObjFloat),
    .flags = TYPE_BASETYPE,
    .base = &object_type,
    .methods = float_methods,
    .getsets = float_getsets,
    .new_ = float_new_slot,
    .repr = float_repr,
    .hash = float_hash_slot,
    .richcompare = float_richcompare,
    .truth = float_truth,
    .binop = float_binop,
    .unop = float_unop,
};
