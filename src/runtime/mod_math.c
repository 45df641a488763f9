// The math module: float functions with CPython's error rules (a NaN
// result from non-NaN input is "math domain error", an infinite result from
// finite input is "math range error" unless the function says otherwise),
// and exact integer functions on GMP (gcd, lcm, factorial, comb, perm,
// isqrt, floor/ceil of huge floats). fsum uses Shewchuk's exact partials.
#include <float.h>
#include <math.h>
#include <stdlib.h>

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

#define ARGS(name, lo, hi)                            \
    TRY(rt_no_kwargs(vm, name, kw));                  \
    TRY(rt_check_nargs(vm, name, nargs, lo, hi))

static bool domain_error(Vm *vm) { return rt_raise(vm, &ValueError_type, "math domain error"); }
static bool range_error(Vm *vm) { return rt_raise(vm, &OverflowError_type, "math range error"); }

static bool real(Vm *vm, Value v, double *out) {
    if (IS_TYPE_EXACT(v, float_type) || IS_INSTANCE(v, float_type)) {
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

static bool need_int(Vm *vm, Value v) {
    if (IS_ANYINT(v)) return true;
    return rt_raise(vm, &TypeError_type, "'%s' object cannot be interpreted as an integer",
                    type_name(rt_type(v)));
}

// Applies a one-argument libm function with the CPython checks.
static bool math1(Vm *vm, Value x, double (*f)(double), bool overflow_is_range, Value *out) {
    double d;
    TRY(real(vm, x, &d));
    double r = f(d);
    if (isnan(r) && !isnan(d)) return domain_error(vm);
    if (isinf(r) && isfinite(d)) return overflow_is_range ? range_error(vm) : domain_error(vm);
    return float_new(vm, r, out);
}

#define MATH1(pyname, cfn, range)                                                     \
    static bool m_##pyname(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) { \
        ARGS(#pyname, 1, 1);                                                          \
        return math1(vm, args[0], cfn, range, out);                                   \
    }
MATH1(exp, exp, true)
MATH1(expm1, expm1, true)
MATH1(sin, sin, false)
MATH1(cos, cos, false)
MATH1(tan, tan, false)
MATH1(asin, asin, false)
MATH1(acos, acos, false)
MATH1(atan, atan, false)
MATH1(sinh, sinh, true)
MATH1(cosh, cosh, true)
MATH1(tanh, tanh, false)
MATH1(fabs, fabs, false)

static bool m_sqrt(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    ARGS("sqrt", 1, 1);
    double d;
    TRY(real(vm, args[0], &d));
    if (d < 0) return domain_error(vm);
    return float_new(vm, sqrt(d), out);
}

// log of any positive int or float; big ints go through mpz_get_d_2exp so
// they never overflow a double.
static bool log_of(Vm *vm, Value x, double (*f)(double), double *out) {
    if (IS_ANYINT(x) && !IS_INT(x) && IS_BIGINT(x)) {
        if (mpz_sgn(AS_BIGINT(x)->z) <= 0) return domain_error(vm);
        long e;
        double m = mpz_get_d_2exp(&e, AS_BIGINT(x)->z);
        *out = f(m) + f(2.0) * (double)e;
        return true;
    }
    double d;
    TRY(real(vm, x, &d));
    if (isnan(d)) {
        *out = d;
        return true;
    }
    if (d <= 0) return domain_error(vm);
    *out = f(d);
    return true;
}

static bool m_log(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    ARGS("log", 1, 2);
    double num, den;
    TRY(log_of(vm, args[0], log, &num));
    if (nargs == 2) {
        TRY(log_of(vm, args[1], log, &den));
        if (den == 0) return rt_raise(vm, &ZeroDivisionError_type, "float division by zero");
        num /= den;
    }
    return float_new(vm, num, out);
}

static bool m_log2(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    ARGS("log2", 1, 1);
    double r;
    TRY(log_of(vm, args[0], log2, &r));
    return float_new(vm, r, out);
}

static bool m_log10(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    ARGS("log10", 1, 1);
    double r;
    TRY(log_of(vm, args[0], log10, &r));
    return float_new(vm, r, out);
}

static bool m_pow(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    ARGS("pow", 2, 2);
    double x, y;
    TRY(real(vm, args[0], &x));
    TRY(real(vm, args[1], &y));
    if (isfinite(x) && isfinite(y)) {
        if (x == 0 && y < 0) return domain_error(vm);
        if (x < 0 && y != floor(y)) return domain_error(vm);
    }
    double r = pow(x, y);
    if (isinf(r) && isfinite(x) && isfinite(y)) return range_error(vm);
    return float_new(vm, r, out);
}

static bool m_atan2(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    ARGS("atan2", 2, 2);
    double y, x;
    TRY(real(vm, args[0], &y));
    TRY(real(vm, args[1], &x));
    return float_new(vm, atan2(y, x), out);
}

static bool m_copysign(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    ARGS("copysign", 2, 2);
    double x, y;
    TRY(real(vm, args[0], &x));
    TRY(real(vm, args[1], &y));
    return float_new(vm, copysign(x, y), out);
}

static bool m_fmod(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    ARGS("fmod", 2, 2);
    double x, y;
    TRY(real(vm, args[0], &x));
    TRY(real(vm, args[1], &y));
    if (isinf(y) && isfinite(x)) return float_new(vm, x, out);
    double r = fmod(x, y);
    if (isnan(r) && !isnan(x) && !isnan(y)) return domain_error(vm);
    return float_new(vm, r, out);
}

static bool m_degrees(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    ARGS("degrees", 1, 1);
    double x;
    TRY(real(vm, args[0], &x));
    return float_new(vm, x * (180.0 / M_PI), out);
}

static bool m_radians(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    ARGS("radians", 1, 1);
    double x;
    TRY(real(vm, args[0], &x));
    return float_new(vm, x * (M_PI / 180.0), out);
}

#define PRED(pyname, expr)                                                            \
    static bool m_##pyname(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) { \
        ARGS(#pyname, 1, 1);                                                          \
        double x;                                                                     \
        TRY(real(vm, args[0], &x));                                                   \
        *out = rt_bool(expr);                                                         \
        return true;                                                                  \
    }
PRED(isnan, isnan(x))
PRED(isinf, isinf(x))
PRED(isfinite, isfinite(x))

static bool m_isclose(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    static const char *const names[] = {"a", "b", "rel_tol", "abs_tol"};
    Value v[4];
    TRY(rt_parse_args(vm, "isclose", args, nargs, kw, names, 4, 2, 2, v));
    double a, b, rel = 1e-9, abst = 0.0;
    TRY(real(vm, v[0], &a));
    TRY(real(vm, v[1], &b));
    if (v[2]) TRY(real(vm, v[2], &rel));
    if (v[3]) TRY(real(vm, v[3], &abst));
    if (rel < 0.0 || abst < 0.0) return rt_raise(vm, &ValueError_type, "tolerances must be non-negative");
    if (a == b) {
        *out = TRUE_VAL;
        return true;
    }
    if (isinf(a) || isinf(b)) {
        *out = FALSE_VAL;
        return true;
    }
    double diff = fabs(b - a);
    *out = rt_bool((diff <= fabs(rel * b)) || (diff <= fabs(rel * a)) || diff <= abst);
    return true;
}

// floor/ceil/trunc of a float as an int, however large.
static bool float_to_int(Vm *vm, double d, Value *out) {
    if (isnan(d)) return rt_raise(vm, &ValueError_type, "cannot convert float NaN to integer");
    if (isinf(d)) return rt_raise(vm, &OverflowError_type, "cannot convert float infinity to integer");
    if (d >= -9.2e18 && d <= 9.2e18) return int_from_i64(vm, (int64_t)d, out);
    mpz_t z;
    mpz_init_set_d(z, d);
    return int_from_mpz(vm, z, out);
}

// floor/ceil/trunc: ints are returned as they are, floats rounded, other
// objects asked for their __floor__/__ceil__/__trunc__.
static bool rounding(Vm *vm, const char *fname, const char *dunder, double (*f)(double), Value *args,
                     size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, fname, kw));
    TRY(rt_check_nargs(vm, fname, nargs, 1, 1));
    Value x = args[0];
    if (IS_INT(x) || IS_TYPE_EXACT(x, int_type)) {
        *out = x;
        return true;
    }
    if (IS_INSTANCE(x, float_type)) return float_to_int(vm, f(AS_FLOAT(x)), out);
    ObjStr *name = str_intern_cstr(vm, dunder);
    TRY(name);
    Value m;
    gc_push_root(vm, OBJ_VAL(name));   // interned strs are weak; the lookup allocates
    int r = rt_getattr_opt(vm, OBJ_VAL(rt_type(x)), name, &m);
    bool ok = r == 1 ? rt_call_method(vm, x, name, NULL, 0, out) : r == 0;
    gc_pop_root(vm);
    if (r != 0) return ok;
    if (IS_ANYINT(x)) return int_binop(vm, BINOP_ADD, x, INT_VAL(0), out);
    if (f == trunc)
        return rt_raise(vm, &TypeError_type, "type %s doesn't define __trunc__ method", type_name(rt_type(x)));
    double d;
    TRY(real(vm, x, &d));
    return float_to_int(vm, f(d), out);
}

static bool m_floor(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    return rounding(vm, "floor", "__floor__", floor, args, nargs, kw, out);
}
static bool m_ceil(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    return rounding(vm, "ceil", "__ceil__", ceil, args, nargs, kw, out);
}
static bool m_trunc(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    return rounding(vm, "trunc", "__trunc__", trunc, args, nargs, kw, out);
}

static bool pair(Vm *vm, Value a, Value b, Value *out) {
    Value items[2] = {a, b};
    gc_push_root(vm, a);
    gc_push_root(vm, b);
    ObjTuple *t = tuple_from(vm, items, 2);
    gc_pop_roots(vm, 2);
    TRY(t);
    *out = OBJ_VAL(t);
    return true;
}

static bool m_modf(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    ARGS("modf", 1, 1);
    double x, ip;
    TRY(real(vm, args[0], &x));
    double fp = isinf(x) ? copysign(0.0, x) : modf(x, &ip);
    if (isinf(x)) ip = x;
    Value a, b;
    TRY(float_new(vm, fp, &a));
    gc_push_root(vm, a);
    bool ok = float_new(vm, ip, &b);
    gc_pop_root(vm);
    return ok && pair(vm, a, b, out);
}

static bool m_frexp(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    ARGS("frexp", 1, 1);
    double x;
    TRY(real(vm, args[0], &x));
    int e = 0;
    double m = (isnan(x) || isinf(x) || x == 0) ? x : frexp(x, &e);
    Value a;
    TRY(float_new(vm, m, &a));
    return pair(vm, a, INT_VAL(e), out);
}

static bool m_ldexp(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    ARGS("ldexp", 2, 2);
    double x;
    TRY(real(vm, args[0], &x));
    if (!IS_ANYINT(args[1]))
        return rt_raise(vm, &TypeError_type, "Expected an int as second argument to ldexp.");
    int64_t e;
    if (!int_as_i64(vm, args[1], &e)) {
        rt_exc_clear(vm);
        e = int_sign(args[1]) > 0 ? 100000 : -100000;
    }
    if (e > 100000) e = 100000;
    if (e < -100000) e = -100000;
    if (x == 0 || !isfinite(x)) return float_new(vm, x, out);
    double r = ldexp(x, (int)e);
    if (isinf(r)) return range_error(vm);
    return float_new(vm, r, out);
}

// Euclidean norm of [n] coordinates, scaled to avoid overflow.
static double vector_norm(const double *v, size_t n) {
    double max = 0.0;
    bool nan = false;
    for (size_t i = 0; i < n; i++) {
        double a = fabs(v[i]);
        if (isinf(a)) return INFINITY;
        if (isnan(a)) nan = true;
        else if (a > max) max = a;
    }
    if (nan) return NAN;
    if (max == 0.0) return 0.0;
    double s = 0.0;
    for (size_t i = 0; i < n; i++) {
        double q = v[i] / max;
        s += q * q;
    }
    return max * sqrt(s);
}

static bool m_hypot(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "hypot", kw));
    double *v = malloc((nargs ? nargs : 1) * sizeof *v);
    if (!v) return rt_raise_nomem(vm);
    for (size_t i = 0; i < nargs; i++)
        if (!real(vm, args[i], &v[i])) return free(v), false;
    double r = vector_norm(v, nargs);
    free(v);
    return float_new(vm, r, out);
}

// A list or tuple of reals as doubles (malloc'd).
static bool coords(Vm *vm, Value seq, const char *what, double **out, size_t *n) {
    Value *items;
    if (IS_TUPLE(seq)) {
        items = AS_TUPLE(seq)->items;
        *n = AS_TUPLE(seq)->len;
    } else if (IS_LIST(seq)) {
        items = AS_LIST(seq)->items;
        *n = AS_LIST(seq)->len;
    } else {
        return rt_raise(vm, &TypeError_type, "dist() argument %s must be tuple, not %s", what,
                        type_name(rt_type(seq)));
    }
    *out = malloc((*n ? *n : 1) * sizeof **out);
    if (!*out) return rt_raise_nomem(vm);
    for (size_t i = 0; i < *n; i++)
        if (!real(vm, items[i], &(*out)[i])) return free(*out), false;
    return true;
}

static bool m_dist(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    ARGS("dist", 2, 2);
    double *p, *q;
    size_t np, nq;
    TRY(coords(vm, args[0], "1", &p, &np));
    if (!coords(vm, args[1], "2", &q, &nq)) return free(p), false;
    if (np != nq) {
        free(p);
        free(q);
        return rt_raise(vm, &ValueError_type, "both points must have the same number of dimensions");
    }
    for (size_t i = 0; i < np; i++) p[i] -= q[i];
    double r = vector_norm(p, np);
    free(p);
    free(q);
    return float_new(vm, r, out);
}

// fsum: Shewchuk's algorithm, exact partial sums of non-overlapping doubles.
static bool m_fsum(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    ARGS("fsum", 1, 1);
    Value it;
    TRY(rt_iter(vm, args[0], &it));
    gc_push_root(vm, it);
    size_t cap = 32, n = 0;
    double *p = malloc(cap * sizeof *p);
    double special = 0.0, inf_sum = 0.0;
    bool ok = p != NULL, have_special = false;
    if (!ok) rt_raise_nomem(vm);
    Value v;
    IterResult r = ITER_DONE;
    while (ok && (r = rt_next(vm, it, &v)) == ITER_NEXT) {
        double x;
        if (!(ok = real(vm, v, &x))) break;
        if (!isfinite(x)) {
            if (isinf(x)) inf_sum += x;
            special += x;
            have_special = true;
            continue;
        }
        size_t i = 0;
        for (size_t j = 0; j < n; j++) {
            double y = p[j];
            if (fabs(x) < fabs(y)) {
                double t = x;
                x = y;
                y = t;
            }
            double hi = x + y, lo = y - (hi - x);
            if (lo != 0.0) p[i++] = lo;
            x = hi;
        }
        if (!isfinite(x)) {
            ok = rt_raise(vm, &OverflowError_type, "intermediate overflow in fsum");
            break;
        }
        n = i;
        if (n == cap) {
            double *np = realloc(p, 2 * cap * sizeof *p);
            if (!np) {
                ok = rt_raise_nomem(vm);
                break;
            }
            p = np;
            cap *= 2;
        }
        p[n++] = x;
    }
    if (r == ITER_ERROR) ok = false;
    gc_pop_root(vm);
    double sum = 0.0;
    if (ok && have_special) {
        if (isnan(inf_sum)) ok = rt_raise(vm, &ValueError_type, "-inf + inf in fsum");
        sum = special;
    } else if (ok && n > 0) {
        double hi = p[--n], lo = 0.0;
        while (n > 0) {
            double x = hi, y = p[--n];
            hi = x + y;
            lo = y - (hi - x);
            if (lo != 0.0) break;
        }
        if (n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0))) {
            double y = lo * 2.0, x = hi + y, yr = x - hi;
            if (y == yr) hi = x;
        }
        sum = hi;
    }
    free(p);
    return ok && float_new(vm, sum, out);
}

static bool m_prod(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    static const char *const names[] = {"iterable", "start"};
    Value v[2];
    TRY(rt_parse_args(vm, "prod", args, nargs, kw, names, 2, 1, 1, v));
    Value acc = v[1] ? v[1] : INT_VAL(1), it, x;
    TRY(rt_iter(vm, v[0], &it));
    size_t mark = gc_roots_mark(vm);
    gc_push_root(vm, it);
    gc_push_root(vm, acc);
    IterResult r = ITER_DONE;
    bool ok = true;
    while (ok && (r = rt_next(vm, it, &x)) == ITER_NEXT) {
        gc_push_root(vm, x);
        ok = rt_binary_op(vm, BINOP_MUL, acc, x, &acc);
        gc_roots_reset(vm, mark + 1);
        gc_push_root(vm, acc);
    }
    if (ok && r == ITER_ERROR) ok = false;
    gc_roots_reset(vm, mark);
    if (ok) *out = acc;
    return ok;
}

// ---- integer functions (GMP) ----

static bool m_gcd_lcm(Vm *vm, Value *args, size_t nargs, Value kw, Value *out, bool lcm) {
    TRY(rt_no_kwargs(vm, lcm ? "lcm" : "gcd", kw));
    for (size_t i = 0; i < nargs; i++) TRY(need_int(vm, args[i]));
    mpz_t acc, x;
    mpz_init_set_ui(acc, lcm ? 1 : 0);
    mpz_init(x);
    for (size_t i = 0; i < nargs; i++) {
        int_to_mpz(args[i], x);
        if (lcm) mpz_lcm(acc, acc, x);
        else mpz_gcd(acc, acc, x);
    }
    mpz_clear(x);
    return int_from_mpz(vm, acc, out);
}
static bool m_gcd(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    return m_gcd_lcm(vm, args, nargs, kw, out, false);
}
static bool m_lcm(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    return m_gcd_lcm(vm, args, nargs, kw, out, true);
}

// A non-negative int small enough for GMP's unsigned long functions.
static bool small_count(Vm *vm, Value v, const char *negmsg, const char *bigmsg, unsigned long *out) {
    TRY(need_int(vm, v));
    if (int_sign(v) < 0) return rt_raise(vm, &ValueError_type, "%s", negmsg);
    int64_t n;
    if (!int_as_i64(vm, v, &n) || n > 100000000) {
        rt_exc_clear(vm);
        return rt_raise(vm, &OverflowError_type, "%s", bigmsg);
    }
    *out = (unsigned long)n;
    return true;
}

static bool m_factorial(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    ARGS("factorial", 1, 1);
    if (IS_INSTANCE(args[0], float_type))
        return rt_raise(vm, &TypeError_type, "'float' object cannot be interpreted as an integer");
    unsigned long n;
    TRY(small_count(vm, args[0], "factorial() not defined for negative values",
                    "factorial() argument should not exceed 9223372036854775807", &n));
    if (n > 200000) return rt_raise(vm, &MemoryError_type, "factorial() result too large");
    mpz_t z;
    mpz_init(z);
    mpz_fac_ui(z, n);
    return int_from_mpz(vm, z, out);
}

static bool comb_perm(Vm *vm, const char *fname, Value *args, size_t nargs, Value kw, bool perm,
                      Value *out) {
    TRY(rt_no_kwargs(vm, fname, kw));
    TRY(rt_check_nargs(vm, fname, nargs, perm ? 1 : 2, 2));
    TRY(need_int(vm, args[0]));
    if (nargs == 2) TRY(need_int(vm, args[1]));
    if (int_sign(args[0]) < 0)
        return rt_raise(vm, &ValueError_type, "%s", nargs == 1 ? "factorial() not defined for negative values"
                                                                : "n must be a non-negative integer");
    if (nargs == 2 && int_sign(args[1]) < 0)
        return rt_raise(vm, &ValueError_type, "k must be a non-negative integer");
    mpz_t n, r;
    mpz_init(n);
    mpz_init(r);
    int_to_mpz(args[0], n);
    if (nargs == 1) {
        mpz_clear(n);
        unsigned long k;
        if (!small_count(vm, args[0], "", "n must not exceed 9223372036854775807", &k) || k > 200000) {
            mpz_clear(r);
            return vm->exc ? false : rt_raise(vm, &MemoryError_type, "perm() result too large");
        }
        mpz_fac_ui(r, k);
        return int_from_mpz(vm, r, out);
    }
    mpz_t kz;
    mpz_init(kz);
    int_to_mpz(args[1], kz);
    if (mpz_cmp(kz, n) > 0) {
        mpz_clears(n, kz, NULL);
        return int_from_mpz(vm, r, out);   // r is 0
    }
    if (!perm) {
        // comb(n, k) == comb(n, n-k): the smaller k keeps the work bounded.
        mpz_t nk;
        mpz_init(nk);
        mpz_sub(nk, n, kz);
        if (mpz_cmp(nk, kz) < 0) mpz_swap(nk, kz);
        mpz_clear(nk);
    }
    if (!mpz_fits_ulong_p(kz) || mpz_get_ui(kz) > 1000000 || mpz_sizeinbase(n, 2) > 100000) {
        mpz_clears(n, kz, r, NULL);
        return rt_raise(vm, &OverflowError_type, "%s() arguments too large for aiopy", fname);
    }
    unsigned long k = mpz_get_ui(kz);
    if (perm) {
        mpz_set_ui(r, 1);
        mpz_t f;
        mpz_init(f);
        for (unsigned long i = 0; i < k; i++) {
            mpz_sub_ui(f, n, i);
            mpz_mul(r, r, f);
        }
        mpz_clear(f);
    } else if (mpz_fits_ulong_p(n)) {
        mpz_bin_uiui(r, mpz_get_ui(n), k);
    } else {
        mpz_bin_ui(r, n, k);
    }
    mpz_clears(n, kz, NULL);
    return int_from_mpz(vm, r, out);
}
static bool m_comb(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    return comb_perm(vm, "comb", args, nargs, kw, false, out);
}
static bool m_perm(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    return comb_perm(vm, "perm", args, nargs, kw, true, out);
}

static bool m_isqrt(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    ARGS("isqrt", 1, 1);
    TRY(need_int(vm, args[0]));
    if (int_sign(args[0]) < 0) return rt_raise(vm, &ValueError_type, "isqrt() argument must be nonnegative");
    mpz_t z;
    mpz_init(z);
    int_to_mpz(args[0], z);
    mpz_sqrt(z, z);
    return int_from_mpz(vm, z, out);
}

static const MethodDef math_defs[] = {
    {"sqrt", m_sqrt, 0}, {"exp", m_exp, 0}, {"expm1", m_expm1, 0}, {"log", m_log, 0},
    {"log2", m_log2, 0}, {"log10", m_log10, 0}, {"pow", m_pow, 0}, {"sin", m_sin, 0},
    {"cos", m_cos, 0}, {"tan", m_tan, 0}, {"asin", m_asin, 0}, {"acos", m_acos, 0},
    {"atan", m_atan, 0}, {"atan2", m_atan2, 0}, {"sinh", m_sinh, 0}, {"cosh", m_cosh, 0},
    {"tanh", m_tanh, 0}, {"fabs", m_fabs, 0}, {"hypot", m_hypot, 0}, {"dist", m_dist, 0},
    {"degrees", m_degrees, 0}, {"radians", m_radians, 0}, {"isnan", m_isnan, 0},
    {"isinf", m_isinf, 0}, {"isfinite", m_isfinite, 0}, {"isclose", m_isclose, 0},
    {"floor", m_floor, 0}, {"ceil", m_ceil, 0}, {"trunc", m_trunc, 0}, {"copysign", m_copysign, 0},
    {"fmod", m_fmod, 0}, {"modf", m_modf, 0}, {"frexp", m_frexp, 0}, {"ldexp", m_ldexp, 0},
    {"fsum", m_fsum, 0}, {"prod", m_prod, 0}, {"gcd", m_gcd, 0}, {"lcm", m_lcm, 0},
    {"factorial", m_factorial, 0}, {"comb", m_comb, 0}, {"perm", m_perm, 0}, {"isqrt", m_isqrt, 0},
    {NULL, NULL, 0},
};

bool rt_math_init(Vm *vm, ObjModule *m) {
    TRY(module_add_functions(vm, m, math_defs));
    static const struct { const char *name; double v; } consts[] = {
        {"pi", M_PI}, {"e", M_E}, {"tau", 2 * M_PI}, {"inf", INFINITY}, {"nan", NAN},
    };
    for (size_t i = 0; i < sizeof consts / sizeof *consts; i++) {
        Value f;
        TRY(float_new(vm, consts[i].v, &f));
        gc_push_root(vm, f);
        bool ok = dict_set_cstr(vm, AS_DICT(m->dict), consts[i].name, f);
        gc_pop_root(vm);
        TRY(ok);
    }
    return true;
}
