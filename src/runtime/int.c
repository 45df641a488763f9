// int: unboxed small ints and GMP-backed big ints (see int.h). Every entry
// point maps bools to small ints first (int_unbool), works on int64 with
// overflow checks when both operands are small, and otherwise on mpz
// temporaries, normalising the result back to a small int when it fits.
//
// Why GMP: well-tested, fast multiplication and division at every size, and
// exact conversions (mpz_cmp_d, mpz_get_str); the cost is its abort on
// allocation failure, which the size bounds below keep out of reach.
#include "runtime/int.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/exc.h"
#include "runtime/float.h"
#include "runtime/gc.h"
#include "runtime/native.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"

extern bool fmt_dunder_format(Vm *vm, Value *args, size_t nargs, Value kw, Value *out);

#define HASH_MODULUS (((uint64_t)1 << 61) - 1)

static size_t limb_bytes(const mpz_t z) { return (size_t)z->_mp_alloc * sizeof(mp_limb_t); }

bool int_from_mpz(Vm *vm, mpz_t z, Value *out) {
    if (mpz_fits_slong_p(z)) {
        long v = mpz_get_si(z);
        if (FITS_SMALL(v)) {
            mpz_clear(z);
            *out = INT_VAL(v);
            return true;
        }
    }
    ObjInt *o = (ObjInt *)gc_alloc(vm, &int_type, sizeof(ObjInt));
    if (!o) {
        mpz_clear(z);
        return false;
    }
    o->z[0] = z[0];   // moves the limbs: z is no longer cleared by the caller
    gc_account(vm, limb_bytes(o->z), 0);
    *out = OBJ_VAL(o);
    return true;
}

Value int_subclass_value(Value v) {
    const mpz_t *z = &AS_BIGINT(v)->z;
    if (mpz_fits_slong_p(*z)) {
        long i = mpz_get_si(*z);
        if (FITS_SMALL(i)) return INT_VAL(i);
    }
    return v;
}

// [v] (any int) as an exact int: a subclass instance's big value is copied.
static bool int_exact(Vm *vm, Value v, Value *out) {
    v = int_unbool(v);
    if (IS_INT(v) || IS_BIGINT(v)) {
        *out = v;
        return true;
    }
    mpz_t z;
    mpz_init_set(z, AS_BIGINT(v)->z);
    return int_from_mpz(vm, z, out);
}

bool int_from_i64(Vm *vm, int64_t i, Value *out) {
    if (FITS_SMALL(i)) {
        *out = INT_VAL(i);
        return true;
    }
    mpz_t z;
    mpz_init_set_si(z, (long)i);
    return int_from_mpz(vm, z, out);
}

bool int_from_u64(Vm *vm, uint64_t u, Value *out) {
    if (u <= (uint64_t)SMALL_MAX) {
        *out = INT_VAL((int64_t)u);
        return true;
    }
    mpz_t z;
    mpz_init_set_ui(z, (unsigned long)u);
    return int_from_mpz(vm, z, out);
}

void int_to_mpz(Value v, mpz_t z) {
    v = int_unbool(v);
    if (IS_INT(v)) mpz_set_si(z, (long)AS_INT(v));
    else mpz_set(z, AS_BIGINT(v)->z);
}

int int_sign(Value v) {
    v = int_unbool(v);
    if (IS_INT(v)) return AS_INT(v) < 0 ? -1 : AS_INT(v) > 0;
    return mpz_sgn(AS_BIGINT(v)->z);
}

bool int_is_zero(Value v) { return int_sign(v) == 0; }

static uint64_t bits_of(Value v) {
    v = int_unbool(v);
    if (IS_INT(v)) {
        int64_t i = AS_INT(v);
        uint64_t u = i < 0 ? (uint64_t)(-i) : (uint64_t)i;
        return u ? 64 - (uint64_t)__builtin_clzll(u) : 0;
    }
    return mpz_sizeinbase(AS_BIGINT(v)->z, 2);
}

bool int_as_i64(Vm *vm, Value v, int64_t *out) {
    v = int_unbool(v);
    if (IS_INT(v)) {
        *out = AS_INT(v);
        return true;
    }
    if (mpz_fits_slong_p(AS_BIGINT(v)->z)) {
        *out = mpz_get_si(AS_BIGINT(v)->z);
        return true;
    }
    return rt_raise(vm, &OverflowError_type, "Python int too large to convert to C long");
}

bool rt_index(Vm *vm, Value v, int64_t *out) {
    Value i = int_unbool(v);
    if (!IS_INT(i) && !IS_BIGINT(i)) {
        bool (*idx)(Vm *, Value, Value *) = rt_type(v)->index;
        if (!idx)
            return rt_raise(vm, &TypeError_type,
                            "'%s' object cannot be interpreted as an integer", type_name(rt_type(v)));
        TRY(idx(vm, v, &i));
        i = int_unbool(i);
    }
    if (IS_INT(i)) {
        *out = AS_INT(i);
        return true;
    }
    if (mpz_fits_slong_p(AS_BIGINT(i)->z)) {
        *out = mpz_get_si(AS_BIGINT(i)->z);
        return true;
    }
    return rt_raise(vm, &OverflowError_type, "cannot fit 'int' into an index-sized integer");
}

bool rt_index_clamped(Vm *vm, Value v, int64_t *out) {
    Value i = int_unbool(v);
    if (IS_BIGINT(i)) {
        *out = mpz_sgn(AS_BIGINT(i)->z) < 0 ? INT64_MIN : INT64_MAX;
        return true;
    }
    return rt_index(vm, v, out);
}

double int_to_double(Vm *vm, Value v, bool *ok) {
    v = int_unbool(v);
    *ok = true;
    if (IS_INT(v)) return (double)AS_INT(v);
    const mpz_t *z = &AS_BIGINT(v)->z;
    if (mpz_sizeinbase(*z, 2) > 1024) {
        *ok = false;
        rt_raise(vm, &OverflowError_type, "int too large to convert to float");
        return 0;
    }
    // mpz_get_d truncates; round to nearest-even by hand from the top 54 bits + sticky.
    size_t bits = mpz_sizeinbase(*z, 2);
    if (bits <= 53) return mpz_get_d(*z);
    mpz_t t;
    mpz_init(t);
    mpz_abs(t, *z);
    size_t shift = bits - 55;
    bool sticky = mpz_scan1(t, 0) < shift;
    mpz_fdiv_q_2exp(t, t, shift);
    uint64_t top = (uint64_t)mpz_get_ui(t) | (sticky ? 1 : 0);
    mpz_clear(t);
    double d = ldexp((double)top, (int)shift);   // u64 -> double rounds to nearest even
    if (isinf(d)) {
        *ok = false;
        rt_raise(vm, &OverflowError_type, "int too large to convert to float");
        return 0;
    }
    return mpz_sgn(*z) < 0 ? -d : d;
}

int int_compare(Value a, Value b) {
    a = int_unbool(a);
    b = int_unbool(b);
    if (IS_INT(a) && IS_INT(b)) return AS_INT(a) < AS_INT(b) ? -1 : AS_INT(a) > AS_INT(b);
    if (IS_INT(a)) return -mpz_sgn(AS_BIGINT(b)->z);   // a big int is beyond every small one
    if (IS_INT(b)) return mpz_sgn(AS_BIGINT(a)->z);
    int c = mpz_cmp(AS_BIGINT(a)->z, AS_BIGINT(b)->z);
    return c < 0 ? -1 : c > 0;
}

int64_t int_hash(Value v) {
    v = int_unbool(v);
    int64_t h;
    if (IS_INT(v)) {
        int64_t i = AS_INT(v);
        uint64_t u = i < 0 ? (uint64_t)(-i) : (uint64_t)i;
        h = (int64_t)(u % HASH_MODULUS);
        if (i < 0) h = -h;
    } else {
        const mpz_t *z = &AS_BIGINT(v)->z;
        h = (int64_t)mpz_tdiv_ui(*z, HASH_MODULUS);
        if (mpz_sgn(*z) < 0) h = -h;
    }
    return h == -1 ? -2 : h;
}

bool int_bit_length(Vm *vm, Value v, Value *out) {
    (void)vm;
    *out = INT_VAL((int64_t)bits_of(v));
    return true;
}

// ---- arithmetic ----

static bool too_big(Vm *vm, uint64_t bits) {
    if (bits > INT_MAX_BITS) return rt_raise_nomem(vm), true;
    return false;
}

static bool small_floordiv(int64_t a, int64_t b, int64_t *q, int64_t *r) {
    int64_t qq = a / b, rr = a % b;
    if (rr && ((rr < 0) != (b < 0))) {
        qq--;
        rr += b;
    }
    *q = qq;
    *r = rr;
    return true;
}

// Correctly rounded a / b (CPython's true division of ints).
static bool int_truediv(Vm *vm, Value a, Value b, Value *out) {
    if (int_is_zero(b)) return rt_raise(vm, &ZeroDivisionError_type, "division by zero");
    a = int_unbool(a);
    b = int_unbool(b);
    if (IS_INT(a) && IS_INT(b) && llabs(AS_INT(a)) <= (1LL << 53) && llabs(AS_INT(b)) <= (1LL << 53))
        return float_new(vm, (double)AS_INT(a) / (double)AS_INT(b), out);
    mpz_t x, y, q, r;
    mpz_inits(x, y, q, r, NULL);
    int_to_mpz(a, x);
    int_to_mpz(b, y);
    bool neg = (mpz_sgn(x) < 0) != (mpz_sgn(y) < 0);
    mpz_abs(x, x);
    mpz_abs(y, y);
    double d = 0;
    bool ok = true;
    if (mpz_sgn(x) != 0) {
        long shift = (long)mpz_sizeinbase(y, 2) - (long)mpz_sizeinbase(x, 2) + 55;
        if (shift > 0) mpz_mul_2exp(x, x, (unsigned long)shift);
        else mpz_mul_2exp(y, y, (unsigned long)-shift);
        mpz_tdiv_qr(q, r, x, y);
        uint64_t top = (uint64_t)mpz_get_ui(q) | (mpz_sgn(r) ? 1 : 0);
        if (-shift > 1100) ok = false;
        else d = ldexp((double)top, (int)-shift);
        if (!ok || isinf(d)) ok = false;
    }
    mpz_clears(x, y, q, r, NULL);
    if (!ok) return rt_raise(vm, &OverflowError_type, "integer division result too large for a float");
    return float_new(vm, neg ? -d : d, out);
}

static bool big_binop(Vm *vm, int op, Value a, Value b, Value *out) {
    uint64_t ba = bits_of(a), bb = bits_of(b);
    if (op == BINOP_MUL && too_big(vm, ba + bb)) return false;
    if ((op == BINOP_ADD || op == BINOP_SUB) && too_big(vm, (ba > bb ? ba : bb) + 1)) return false;
    if (op == BINOP_LSHIFT) {
        if (int_sign(b) < 0) return rt_raise(vm, &ValueError_type, "negative shift count");
        if (int_is_zero(a)) {
            *out = INT_VAL(0);
            return true;
        }
        if (!IS_INT(int_unbool(b)) || too_big(vm, ba + (uint64_t)AS_INT(int_unbool(b))))
            return IS_INT(int_unbool(b)) ? false : rt_raise_nomem(vm);
    }
    if (op == BINOP_RSHIFT && int_sign(b) < 0)
        return rt_raise(vm, &ValueError_type, "negative shift count");
    mpz_t x, y, r;
    mpz_inits(x, y, r, NULL);
    int_to_mpz(a, x);
    int_to_mpz(b, y);
    switch (op) {
    case BINOP_ADD: mpz_add(r, x, y); break;
    case BINOP_SUB: mpz_sub(r, x, y); break;
    case BINOP_MUL: mpz_mul(r, x, y); break;
    case BINOP_FLOORDIV: mpz_fdiv_q(r, x, y); break;
    case BINOP_MOD: mpz_fdiv_r(r, x, y); break;
    case BINOP_AND: mpz_and(r, x, y); break;
    case BINOP_OR: mpz_ior(r, x, y); break;
    case BINOP_XOR: mpz_xor(r, x, y); break;
    case BINOP_LSHIFT: mpz_mul_2exp(r, x, mpz_get_ui(y)); break;
    case BINOP_RSHIFT:
        if (!mpz_fits_ulong_p(y) || mpz_get_ui(y) >= mpz_sizeinbase(x, 2) + 1)
            mpz_set_si(r, mpz_sgn(x) < 0 ? -1 : 0);
        else
            mpz_fdiv_q_2exp(r, x, mpz_get_ui(y));
        break;
    default: break;
    }
    mpz_clears(x, y, NULL);
    return int_from_mpz(vm, r, out);
}

static bool int_divmod(Vm *vm, Value a, Value b, Value *out) {
    Value q, r;
    TRY(int_binop(vm, BINOP_FLOORDIV, a, b, &q));
    gc_push_root(vm, q);
    bool ok = int_binop(vm, BINOP_MOD, a, b, &r);
    gc_pop_root(vm);
    TRY(ok);
    ObjTuple *t = tuple_pack2(vm, q, r);
    TRY(t);
    *out = OBJ_VAL(t);
    return true;
}

bool int_binop(Vm *vm, int op, Value a, Value b, Value *out) {
    op &= ~BINOP_INPLACE;
    a = int_unbool(a);
    b = int_unbool(b);
    if ((op == BINOP_FLOORDIV || op == BINOP_MOD || op == BINOP_DIVMOD) && int_is_zero(b))
        return rt_raise(vm, &ZeroDivisionError_type, op == BINOP_MOD
                        ? "integer modulo by zero" : "integer division or modulo by zero");
    if (op == BINOP_TRUEDIV) return int_truediv(vm, a, b, out);
    if (op == BINOP_POW) return int_pow(vm, a, b, VAL_NULL, out);
    if (op == BINOP_DIVMOD) return int_divmod(vm, a, b, out);
    if (IS_INT(a) && IS_INT(b)) {
        int64_t x = AS_INT(a), y = AS_INT(b), r, q;
        switch (op) {
        case BINOP_ADD: r = x + y; goto check;   // 63-bit operands cannot overflow int64
        case BINOP_SUB: r = x - y; goto check;
        case BINOP_MUL:
            if (__builtin_mul_overflow(x, y, &r)) break;
            goto check;
        case BINOP_FLOORDIV: small_floordiv(x, y, &r, &q); goto check;
        case BINOP_MOD: small_floordiv(x, y, &q, &r); goto check;
        case BINOP_AND: r = x & y; goto check;
        case BINOP_OR: r = x | y; goto check;
        case BINOP_XOR: r = x ^ y; goto check;
        case BINOP_RSHIFT:
            if (y < 0) return rt_raise(vm, &ValueError_type, "negative shift count");
            r = y >= 63 ? (x < 0 ? -1 : 0) : x >> y;
            goto check;
        case BINOP_LSHIFT:
            if (y < 0) return rt_raise(vm, &ValueError_type, "negative shift count");
            if (x == 0) { r = 0; goto check; }
            if (y < 62) {
                r = (int64_t)((uint64_t)x << y);
                if ((r >> y) == x) goto check;
            }
            break;
        default:
            *out = NOTIMPL_VAL;
            return true;
        }
        return big_binop(vm, op, a, b, out);
    check:
        if (FITS_SMALL(r)) {
            *out = INT_VAL(r);
            return true;
        }
        return int_from_i64(vm, r, out);
    }
    if (op > BINOP_XOR) {
        *out = NOTIMPL_VAL;
        return true;
    }
    return big_binop(vm, op, a, b, out);
}

extern bool float_pow(Vm *vm, double a, double b, Value *out);

bool int_pow(Vm *vm, Value a, Value b, Value mod, Value *out) {
    a = int_unbool(a);
    b = int_unbool(b);
    if (mod && !IS_NONE(mod)) {
        mod = int_unbool(mod);
        if (int_is_zero(mod)) return rt_raise(vm, &ValueError_type, "pow() 3rd argument cannot be 0");
        mpz_t x, y, m, r;
        mpz_inits(x, y, m, r, NULL);
        int_to_mpz(a, x);
        int_to_mpz(b, y);
        int_to_mpz(mod, m);
        bool neg_mod = mpz_sgn(m) < 0;
        mpz_abs(m, m);
        bool ok = true;
        if (mpz_sgn(y) < 0) {
            if (!mpz_invert(x, x, m)) ok = false;
            mpz_neg(y, y);
        }
        if (ok) {
            mpz_powm(r, x, y, m);   // in [0, |m|)
            if (neg_mod && mpz_sgn(r) != 0) mpz_sub(r, r, m);
        }
        mpz_clears(x, y, m, NULL);
        if (!ok) {
            mpz_clear(r);
            return rt_raise(vm, &ValueError_type, "base is not invertible for the given modulus");
        }
        return int_from_mpz(vm, r, out);
    }
    if (int_sign(b) < 0) {
        bool ok1, ok2;
        double x = int_to_double(vm, a, &ok1);
        TRY(ok1);
        double y = int_to_double(vm, b, &ok2);
        TRY(ok2);
        return float_pow(vm, x, y, out);
    }
    // Trivial bases never grow.
    if (IS_INT(a) && AS_INT(a) >= -1 && AS_INT(a) <= 1) {
        int64_t x = AS_INT(a);
        *out = x == -1 ? INT_VAL(int_sign(b) == 0 || (IS_INT(b) ? (AS_INT(b) & 1) == 0
                                                                  : mpz_even_p(AS_BIGINT(b)->z)) ? 1 : -1)
             : x == 0 ? INT_VAL(int_is_zero(b) ? 1 : 0) : INT_VAL(1);
        return true;
    }
    if (!IS_INT(b)) return rt_raise_nomem(vm);
    uint64_t e = (uint64_t)AS_INT(b);
    uint64_t bits = bits_of(a);
    if (e && bits > INT_MAX_BITS / e) return rt_raise_nomem(vm);
    if (IS_INT(a)) {   // small fast path: square-and-multiply with overflow checks
        int64_t base = AS_INT(a), r = 1;
        uint64_t k = e;
        bool overflow = false;
        while (k) {
            if (k & 1 && __builtin_mul_overflow(r, base, &r)) { overflow = true; break; }
            k >>= 1;
            if (k && __builtin_mul_overflow(base, base, &base)) { overflow = true; break; }
        }
        if (!overflow) return int_from_i64(vm, r, out);
    }
    mpz_t x, r;
    mpz_inits(x, r, NULL);
    int_to_mpz(a, x);
    mpz_pow_ui(r, x, (unsigned long)e);
    mpz_clear(x);
    return int_from_mpz(vm, r, out);
}

// ---- text ----

// Writes small int [i] in [base] so that it ends at [end]; returns its start.
static inline char *small_digits(int64_t i, int base, char *end) {
    uint64_t u = i < 0 ? -(uint64_t)i : (uint64_t)i;
    char *p = end;
    do {
        unsigned d = (unsigned)(u % (unsigned)base);
        *--p = (char)(d < 10 ? '0' + d : 'a' + d - 10);
        u /= (unsigned)base;
    } while (u);
    if (i < 0) *--p = '-';
    return p;
}

bool int_format_buf(Vm *vm, Value v, int base, void *vbuf) {
    Buf *b = vbuf;
    v = int_unbool(v);
    if (IS_INT(v)) {
        char tmp[70], *p = small_digits(AS_INT(v), base, tmp + sizeof tmp);
        if (!buf_append(b, p, (size_t)(tmp + sizeof tmp - p))) return rt_raise_nomem(vm);
        return true;
    }
    const mpz_t *z = &AS_BIGINT(v)->z;
    size_t digits = mpz_sizeinbase(*z, base);
    if (base == 10 && vm->max_str_digits > 0 && digits > (size_t)vm->max_str_digits + 1)
        goto too_many;
    if (!buf_reserve(b, digits + 2)) return rt_raise_nomem(vm);
    mpz_get_str(b->data + b->len, base, *z);
    size_t n = strlen(b->data + b->len);
    if (base == 10 && vm->max_str_digits > 0 &&
        n - (mpz_sgn(*z) < 0) > (size_t)vm->max_str_digits) {
        b->data[b->len] = '\0';
        goto too_many;
    }
    b->len += n;
    return true;
too_many:
    return rt_raise(vm, &ValueError_type,
                    "Exceeds the limit (%d digits) for integer string conversion; "
                    "use sys.set_int_max_str_digits() to increase the limit",
                    vm->max_str_digits);
}

bool int_to_str(Vm *vm, Value v, int base, Value *out) {
    if (IS_INT(int_unbool(v))) {   // no buffer, and digits need no counting
        // Base 10 spelled out so the division by a constant becomes a multiply.
        int64_t i = AS_INT(int_unbool(v));
        char tmp[70], *p = base == 10 ? small_digits(i, 10, tmp + sizeof tmp) : small_digits(i, base, tmp + sizeof tmp);
        size_t n = (size_t)(tmp + sizeof tmp - p);
        ObjStr *s = str_new_counted(vm, p, n, n);
        TRY(s);
        *out = OBJ_VAL(s);
        return true;
    }
    Buf b;
    buf_init(&b);
    ObjStr *s = NULL;
    if (int_format_buf(vm, v, base, &b)) s = str_new(vm, b.data, b.len);
    buf_free(&b);
    TRY(s);
    *out = OBJ_VAL(s);
    return true;
}

static int digit_value(unsigned char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'z') return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
    return 99;
}

static bool ascii_space(unsigned char c) { return c == ' ' || (c >= 9 && c <= 13); }

static bool parse_ascii(Vm *vm, const char *s, size_t len, int base, const char *orig, size_t orig_len,
                        Value *out);

bool int_parse(Vm *vm, const char *s, size_t len, int base, Value *out) {
    // CPython reads Unicode decimal digits and spaces as their ASCII forms.
    for (size_t i = 0; i < len; i++) {
        if ((unsigned char)s[i] < 0x80) continue;
        Buf t;
        buf_init(&t);
        if (!str_ascii_digits(s, len, &t)) return buf_free(&t), rt_raise_nomem(vm);
        bool ok = parse_ascii(vm, t.data, t.len, base, s, len, out);
        buf_free(&t);
        return ok;
    }
    return parse_ascii(vm, s, len, base, s, len, out);
}

static bool parse_ascii(Vm *vm, const char *s, size_t len, int base, const char *orig, size_t orig_len,
                        Value *out) {
    if (base != 0 && (base < 2 || base > 36))
        return rt_raise(vm, &ValueError_type, "int() base must be >= 2 and <= 36, or 0");
    const char *p = s, *end = s + len;
    while (p < end && ascii_space((unsigned char)*p)) p++;
    while (end > p && ascii_space((unsigned char)end[-1])) end--;
    bool neg = false;
    if (p < end && (*p == '+' || *p == '-')) neg = *p++ == '-';
    int b = base;
    bool prefixed = false;
    if (end - p >= 2 && p[0] == '0') {
        char c = (char)(p[1] | 32);
        int pb = c == 'x' ? 16 : c == 'o' ? 8 : c == 'b' ? 2 : 0;
        if (pb && (base == 0 || base == pb)) {
            b = pb;
            p += 2;
            prefixed = true;
        }
    }
    if (b == 0) b = 10;
    Buf digits;
    buf_init(&digits);
    bool ok = p < end, prev_us = !prefixed;   // an underscore may follow a prefix
    for (const char *q = p; ok && q < end; q++) {
        if (*q == '_') {
            if (prev_us) ok = false;
            prev_us = true;
            continue;
        }
        if (digit_value((unsigned char)*q) >= b) ok = false;
        else if (!buf_putc(&digits, *q)) {
            buf_free(&digits);
            return rt_raise_nomem(vm);
        }
        prev_us = false;
    }
    if (prev_us || digits.len == 0) ok = false;
    // Base 0 forbids leading zeros in a non-zero decimal ("010").
    if (ok && base == 0 && !prefixed && digits.len > 1 && digits.data[0] == '0')
        for (size_t i = 0; i < digits.len; i++)
            if (digits.data[i] != '0') ok = false;
    if (!ok) {
        buf_free(&digits);
        ObjStr *o = str_new(vm, orig, orig_len);
        TRY(o);
        return rt_raise(vm, &ValueError_type, "invalid literal for int() with base %d: %R",
                        base, OBJ_VAL(o));
    }
    if (b == 10 && vm->max_str_digits > 0 && digits.len > (size_t)vm->max_str_digits) {
        size_t n = digits.len;
        buf_free(&digits);
        return rt_raise(vm, &ValueError_type,
                        "Exceeds the limit (%d digits) for integer string conversion: value has "
                        "%zu digits; use sys.set_int_max_str_digits() to increase the limit",
                        vm->max_str_digits, n);
    }
    if (digits.len <= 15 || (b <= 10 && digits.len <= 18)) {
        int64_t r = 0;
        for (size_t i = 0; i < digits.len; i++) r = r * b + digit_value((unsigned char)digits.data[i]);
        buf_free(&digits);
        return int_from_i64(vm, neg ? -r : r, out);
    }
    mpz_t z;
    mpz_init(z);
    mpz_set_str(z, digits.data, b);
    buf_free(&digits);
    if (neg) mpz_neg(z, z);
    return int_from_mpz(vm, z, out);
}

// ---- slots ----

static void int_free(Vm *vm, Obj *o) {
    ObjInt *i = (ObjInt *)o;
    gc_account(vm, 0, limb_bytes(i->z));
    mpz_clear(i->z);
}

static bool int_repr(Vm *vm, Value self, Value *out) { return int_to_str(vm, self, 10, out); }

static bool int_hash_slot(Vm *vm, Value self, int64_t *out) {
    (void)vm;
    *out = int_hash(self);
    return true;
}

static bool int_richcompare(Vm *vm, Value a, Value b, CmpOp op, Value *out) {
    (void)vm;
    if (!IS_ANYINT(a) || !IS_ANYINT(b)) {
        *out = NOTIMPL_VAL;
        return true;
    }
    int c = int_compare(a, b);
    bool r = op == CMP_LT ? c < 0 : op == CMP_LE ? c <= 0 : op == CMP_EQ ? c == 0
           : op == CMP_NE ? c != 0 : op == CMP_GT ? c > 0 : c >= 0;
    *out = rt_bool(r);
    return true;
}

static bool int_binop_slot(Vm *vm, int op, Value a, Value b, Value *out) {
    if (!IS_ANYINT(a) || !IS_ANYINT(b)) {
        *out = NOTIMPL_VAL;
        return true;
    }
    return int_binop(vm, op, a, b, out);
}

static bool int_unop(Vm *vm, UnOp op, Value a, Value *out) {
    a = int_unbool(a);
    if (IS_INT(a)) {
        int64_t x = AS_INT(a);
        switch (op) {
        case UNOP_NEG: return int_from_i64(vm, -x, out);
        case UNOP_POS: *out = a; return true;
        case UNOP_INVERT: *out = INT_VAL(~x); return true;
        case UNOP_ABS: return int_from_i64(vm, x < 0 ? -x : x, out);
        }
    }
    if (op == UNOP_POS) {
        *out = a;
        return true;
    }
    mpz_t r;
    mpz_init(r);
    const mpz_t *z = &AS_BIGINT(a)->z;
    if (op == UNOP_NEG) mpz_neg(r, *z);
    else if (op == UNOP_ABS) mpz_abs(r, *z);
    else mpz_com(r, *z);
    return int_from_mpz(vm, r, out);
}

static bool int_index(Vm *vm, Value self, Value *out) {
    (void)vm;
    *out = int_unbool(self);
    return true;
}

static int int_truth(Vm *vm, Value self) {
    (void)vm;
    return !int_is_zero(self);
}

extern bool bytes_view(Value v, const char **data, size_t *len);

static bool int_make(Vm *vm, Value *a, Value *out);

static bool int_new(Vm *vm, ObjType *t, Value *args, size_t nargs, Value kwnames, Value *out) {
    static const char *const names[] = {"", "base"};
    Value a[2];
    TRY(rt_parse_args(vm, "int", args, nargs, kwnames, names, 2, 2, 0, a));
    if (t != &int_type) {
        // A subclass instance holds its value in its own mpz, small or not.
        Value v;
        TRY(int_make(vm, a, &v));
        gc_push_root(vm, v);
        ObjInt *o = (ObjInt *)gc_alloc(vm, t, t->basicsize);
        gc_pop_root(vm);
        TRY(o);
        mpz_init(o->z);
        int_to_mpz(v, o->z);
        gc_account(vm, limb_bytes(o->z), 0);
        *out = OBJ_VAL(o);
        return true;
    }
    return int_make(vm, a, out);
}

// int(x, base) from the parsed arguments [a].
static bool int_make(Vm *vm, Value *a, Value *out) {
    if (!a[0]) {
        if (a[1]) return rt_raise(vm, &TypeError_type, "int() missing string argument");
        *out = INT_VAL(0);
        return true;
    }
    Value x = a[0];
    const char *data;
    size_t len;
    if (a[1]) {
        int64_t base;
        TRY(rt_index(vm, a[1], &base));
        if (base != 0 && (base < 2 || base > 36))
            return rt_raise(vm, &ValueError_type, "int() base must be >= 2 and <= 36, or 0");
        if (IS_STR(x)) return int_parse(vm, AS_STR(x)->data, AS_STR(x)->len, (int)base, out);
        if (bytes_view(x, &data, &len)) return int_parse(vm, data, len, (int)base, out);
        return rt_raise(vm, &TypeError_type, "int() can't convert non-string with explicit base");
    }
    if (IS_ANYINT(x)) return int_exact(vm, x, out);
    if (IS_FLOAT(x)) {
        double d = AS_FLOAT(x);
        if (isinf(d)) return rt_raise(vm, &OverflowError_type, "cannot convert float infinity to integer");
        if (isnan(d)) return rt_raise(vm, &ValueError_type, "cannot convert float NaN to integer");
        d = trunc(d);
        if (fabs(d) < 4e18) return int_from_i64(vm, (int64_t)d, out);
        mpz_t z;
        mpz_init_set_d(z, d);
        return int_from_mpz(vm, z, out);
    }
    if (IS_STR(x)) return int_parse(vm, AS_STR(x)->data, AS_STR(x)->len, 10, out);
    if (bytes_view(x, &data, &len)) return int_parse(vm, data, len, 10, out);
    ObjType *xt = rt_type(x);
    Value r;
    ObjStr *names2[2] = {NAME(vm, int), NAME(vm, index)};
    for (int k = 0; k < 2; k++) {
        int found = type_lookup(vm, xt, names2[k], &r, NULL);
        if (found < 0) return false;
        if (!found) continue;
        TRY(rt_call_method(vm, x, names2[k], NULL, 0, &r));
        if (!IS_ANYINT(r))
            return rt_raise(vm, &TypeError_type, "%s returned non-int (type %s)",
                            k ? "__index__" : "__int__", type_name(rt_type(r)));
        return int_exact(vm, r, out);
    }
    return rt_raise(vm, &TypeError_type,
                    "int() argument must be a string, a bytes-like object or a real number, not '%s'",
                    type_name(xt));
}

// ---- methods and attributes ----

static bool m_bit_length(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "bit_length", kw));
    TRY(rt_check_nargs(vm, "int.bit_length", nargs, 1, 1));
    return int_bit_length(vm, args[0], out);
}

static bool m_conjugate(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "conjugate", kw));
    TRY(rt_check_nargs(vm, "int.conjugate", nargs, 1, 1));
    *out = int_unbool(args[0]);
    return true;
}

static bool m_as_integer_ratio(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "as_integer_ratio", kw));
    TRY(rt_check_nargs(vm, "int.as_integer_ratio", nargs, 1, 1));
    ObjTuple *t = tuple_pack2(vm, int_unbool(args[0]), INT_VAL(1));
    TRY(t);
    *out = OBJ_VAL(t);
    return true;
}

const MethodDef int_methods[] = {
    {"__int__", num_dunder_int, 0},
    {"__float__", num_dunder_float, 0},
    {"__trunc__", num_dunder_trunc, 0},
    {"__floor__", num_dunder_floor, 0},
    {"__ceil__", num_dunder_ceil, 0},
    {"__round__", num_dunder_round, 0},
    {"bit_length", m_bit_length, 0},
    {"conjugate", m_conjugate, 0},
    {"as_integer_ratio", m_as_integer_ratio, 0},
    {"__format__", fmt_dunder_format, 0},
    {NULL, NULL, 0},
};

static bool get_self(Vm *vm, Value self, Value *out) { (void)vm; *out = int_unbool(self); return true; }
static bool get_zero(Vm *vm, Value self, Value *out) { (void)vm; (void)self; *out = INT_VAL(0); return true; }
static bool get_one(Vm *vm, Value self, Value *out) { (void)vm; (void)self; *out = INT_VAL(1); return true; }

static const GetSetDef int_getsets[] = {
    {"real", get_self, NULL},
    {"imag", get_zero, NULL},
    {"numerator", get_self, NULL},
    {"denominator", get_one, NULL},
    {NULL, NULL, NULL},
};

ObjType int_type = {
    .hdr = OBJ_STATIC_HEADER(&type_type),
    .name = "int",
    .module = "builtins",
    .basicsize = sizeof(ObjInt),
    .flags = TYPE_BASETYPE,
    .base = &object_type,
    .methods = int_methods,
    .getsets = int_getsets,
    .free = int_free,
    .new_ = int_new,
    .repr = int_repr,
    .hash = int_hash_slot,
    .richcompare = int_richcompare,
    .truth = int_truth,
    .binop = int_binop_slot,
    .unop = int_unop,
    .index = int_index,
};
