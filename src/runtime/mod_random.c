// The _random module: the C half of random (lib/random.py is the rest), as
// in CPython. _random.Random is the Mersenne Twister MT19937 with CPython's
// seeding, so that random.seed(n) gives CPython's sequences exactly:
// - an int seed (its absolute value) is cut into 32-bit words, least
//   significant first, and fed to init_by_array; any other seed goes
//   through hash() first (random.py turns str/bytes into an int before);
// - seed(None) takes 624 words from the system's random source, or the
//   time and pid when there is none;
// - random() is genrand_res53 (two draws, 27 + 26 bits).
// Also _sha512(data), the digest random.py's version-2 seeding uses, and
// Random._randbelow_getrandbits(n), the getrandbits loop of _randbelow in C
// (random.py uses it only while getrandbits is this type's own).
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

#include "runtime/bytes.h"
#include "runtime/dict.h"
#include "runtime/exc.h"
#include "runtime/float.h"
#include "runtime/gc.h"
#include "runtime/int.h"
#include "runtime/modules.h"
#include "runtime/native.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"
#include "util/sha512.h"

#define MT_N 624
#define MT_M 397

typedef struct ObjRandom {
    Obj hdr;
    int index;             // next word of state to temper; MT_N: regenerate first
    uint32_t state[MT_N];
} ObjRandom;

extern ObjType random_type;
#define AS_RANDOM(v) ((ObjRandom *)AS_OBJ(v))

// ---- the generator (Matsumoto & Nishimura's reference algorithm) ----

// Refills the state with the next 624 words (the "twist"): once per 624
// draws, so it stays out of line and genrand's common path is a few
// instructions.
__attribute__((noinline)) static void twist(ObjRandom *r) {
    static const uint32_t mag01[2] = {0, 0x9908b0dfU};
    uint32_t *mt = r->state, y;
    int k;
    for (k = 0; k < MT_N - MT_M; k++) {
        y = (mt[k] & 0x80000000U) | (mt[k + 1] & 0x7fffffffU);
        mt[k] = mt[k + MT_M] ^ (y >> 1) ^ mag01[y & 1];
    }
    for (; k < MT_N - 1; k++) {
        y = (mt[k] & 0x80000000U) | (mt[k + 1] & 0x7fffffffU);
        mt[k] = mt[k + (MT_M - MT_N)] ^ (y >> 1) ^ mag01[y & 1];
    }
    y = (mt[MT_N - 1] & 0x80000000U) | (mt[0] & 0x7fffffffU);
    mt[MT_N - 1] = mt[MT_M - 1] ^ (y >> 1) ^ mag01[y & 1];
    r->index = 0;
}

static inline uint32_t genrand(ObjRandom *r) {
    if (__builtin_expect(r->index >= MT_N, 0)) twist(r);
    uint32_t y = r->state[r->index++];
    y ^= y >> 11;
    y ^= (y << 7) & 0x9d2c5680U;
    y ^= (y << 15) & 0xefc60000U;
    y ^= y >> 18;
    return y;
}

static void init_genrand(ObjRandom *r, uint32_t s) {
    uint32_t *mt = r->state;
    mt[0] = s;
    for (uint32_t i = 1; i < MT_N; i++) mt[i] = 1812433253U * (mt[i - 1] ^ (mt[i - 1] >> 30)) + i;
    r->index = MT_N;
}

static void init_by_array(ObjRandom *r, const uint32_t *key, size_t len) {
    uint32_t *mt = r->state;
    init_genrand(r, 19650218U);
    size_t i = 1, j = 0;
    for (size_t k = MT_N > len ? MT_N : len; k; k--) {
        mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1664525U)) + key[j] + (uint32_t)j;
        i++, j++;
        if (i >= MT_N) mt[0] = mt[MT_N - 1], i = 1;
        if (j >= len) j = 0;
    }
    for (size_t k = MT_N - 1; k; k--) {
        mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1566083941U)) - (uint32_t)i;
        i++;
        if (i >= MT_N) mt[0] = mt[MT_N - 1], i = 1;
    }
    mt[0] = 0x80000000U;   // the state is then never all zeros
}

// Fills [buf] from the system's random source; false when there is none.
static bool system_random(void *buf, size_t n) {
    unsigned char *p = buf;
    while (n) {
        ssize_t got = getrandom(p, n, 0);
        if (got < 0) {
            if (errno == EINTR) continue;
            break;
        }
        p += got, n -= (size_t)got;
    }
    if (!n) return true;
    int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
    if (fd < 0) return false;
    while (n) {
        ssize_t got = read(fd, p, n);
        if (got <= 0) {
            if (got < 0 && errno == EINTR) continue;
            close(fd);
            return false;
        }
        p += got, n -= (size_t)got;
    }
    close(fd);
    return true;
}

static void seed_from_system(ObjRandom *r) {
    uint32_t key[MT_N];
    if (system_random(key, sizeof key)) {
        init_by_array(r, key, MT_N);
        return;
    }
    // No random source: the time and the pid, as CPython falls back to.
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    struct timespec mono;
    clock_gettime(CLOCK_MONOTONIC, &mono);
    uint32_t k[5] = {(uint32_t)ts.tv_sec, (uint32_t)ts.tv_nsec, (uint32_t)getpid(),
                     (uint32_t)mono.tv_sec, (uint32_t)mono.tv_nsec};
    init_by_array(r, k, 5);
}

// seed(n): None, an int (its absolute value), anything else by its hash.
static bool random_seed(Vm *vm, ObjRandom *r, Value arg) {
    if (!arg || IS_NONE(arg)) {
        seed_from_system(r);
        return true;
    }
    mpz_t z;
    mpz_init(z);
    if (IS_ANYINT(arg)) {
        // int.__abs__ of the value itself: a subclass's __abs__ is not asked.
        int_to_mpz(int_unbool(arg), z);
        mpz_abs(z, z);
    } else {
        int64_t h;
        if (!rt_hash(vm, arg, &h)) {
            mpz_clear(z);
            return false;
        }
        // CPython reads the hash as an unsigned size_t.
        mpz_set_ui(z, (unsigned long)(uint64_t)h);
    }
    size_t words = (mpz_sizeinbase(z, 2) + 31) / 32;
    if (mpz_sgn(z) == 0) words = 1;
    uint32_t small[8];
    uint32_t *key = words <= 8 ? small : rt_alloc(vm, words * sizeof(uint32_t));
    if (!key) {
        mpz_clear(z);
        return false;
    }
    memset(key, 0, words * sizeof(uint32_t));
    size_t count = 0;
    mpz_export(key, &count, -1, sizeof(uint32_t), 0, 0, z);
    mpz_clear(z);
    init_by_array(r, key, words);
    if (key != small) rt_free(vm, key, words * sizeof(uint32_t));
    return true;
}

// ---- the type ----

static bool random_new(Vm *vm, ObjType *t, Value *args, size_t nargs, Value kw, Value *out) {
    (void)args, (void)nargs;
    if (t == &random_type && kw && AS_TUPLE(kw)->len)
        return rt_raise(vm, &TypeError_type, "Random() takes no keyword arguments");
    ObjRandom *r = (ObjRandom *)gc_alloc(vm, t, t->basicsize);
    TRY(r);
    r->index = MT_N;
    *out = OBJ_VAL(r);
    return true;
}

// Random.__init__(seed=None): a subclass that defines __init__ skips it.
static bool random_init(Vm *vm, Value self, Value *args, size_t nargs, Value kw) {
    if (kw && AS_TUPLE(kw)->len) return rt_raise(vm, &TypeError_type, "Random() takes no keyword arguments");
    if (nargs > 1) return rt_raise(vm, &TypeError_type, "Random() requires 0 or 1 argument");
    return random_seed(vm, AS_RANDOM(self), nargs ? args[0] : VAL_NULL);
}

#define SELF AS_RANDOM(args[0])

static bool m_random(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    if (kw || nargs != 1) {
        TRY(rt_no_kwargs(vm, "random", kw));
        TRY(rt_check_nargs(vm, "random", nargs - 1, 0, 0));
    }
    ObjRandom *r = SELF;
    uint32_t a = genrand(r) >> 5, b = genrand(r) >> 6;
    return float_new(vm, (a * 67108864.0 + b) * (1.0 / 9007199254740992.0), out);
}

static bool m_seed(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "seed", kw));
    TRY(rt_check_nargs(vm, "seed", nargs - 1, 0, 1));
    TRY(random_seed(vm, SELF, nargs > 1 ? args[1] : VAL_NULL));
    *out = NONE_VAL;
    return true;
}

static bool m_getstate(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "getstate", kw));
    TRY(rt_check_nargs(vm, "getstate", nargs - 1, 0, 0));
    ObjTuple *t = tuple_new(vm, MT_N + 1);
    TRY(t);
    for (size_t i = 0; i < MT_N; i++) t->items[i] = INT_VAL(SELF->state[i]);
    t->items[MT_N] = INT_VAL(SELF->index);
    *out = OBJ_VAL(t);
    return true;
}

// An element of a state tuple: an int that fits an unsigned 32-bit word
// (CPython's PyLong_AsUnsignedLong, then truncated to 32 bits).
static bool state_word(Vm *vm, Value v, uint32_t *out) {
    v = int_unbool(v);
    if (!IS_ANYINT(v)) return rt_raise(vm, &TypeError_type, "an integer is required");
    if (int_sign(v) < 0) return rt_raise(vm, &OverflowError_type, "can't convert negative value to unsigned int");
    if (IS_INT(v)) {
        *out = (uint32_t)AS_INT(v);
        return true;
    }
    if (mpz_sizeinbase(AS_BIGINT(v)->z, 2) > 64)
        return rt_raise(vm, &OverflowError_type, "Python int too large to convert to C unsigned long");
    *out = (uint32_t)mpz_get_ui(AS_BIGINT(v)->z);
    return true;
}

static bool m_setstate(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "setstate", kw));
    TRY(rt_check_nargs(vm, "setstate", nargs - 1, 1, 1));
    Value st = args[1];
    if (!IS_INSTANCE(st, tuple_type)) return rt_raise(vm, &TypeError_type, "state vector must be a tuple");
    ObjTuple *t = AS_TUPLE(st);
    if (t->len != MT_N + 1) return rt_raise(vm, &ValueError_type, "state vector is the wrong size");
    uint32_t words[MT_N];
    for (size_t i = 0; i < MT_N; i++) TRY(state_word(vm, t->items[i], &words[i]));
    Value iv = int_unbool(t->items[MT_N]);
    if (!IS_ANYINT(iv)) return rt_raise(vm, &TypeError_type, "an integer is required");
    int64_t index;
    TRY(int_as_i64(vm, iv, &index));
    if (index < 0 || index > MT_N) return rt_raise(vm, &ValueError_type, "invalid state");
    memcpy(SELF->state, words, sizeof words);
    SELF->index = (int)index;
    *out = NONE_VAL;
    return true;
}

// The bit count of getrandbits: an int (no float), within a C int.
static bool bits_arg(Vm *vm, Value v, int64_t *out) {
    Value i = int_unbool(v);
    if (!IS_ANYINT(i)) {
        if (!rt_type(v)->index)
            return rt_raise(vm, &TypeError_type, "'%s' object cannot be interpreted as an integer",
                            type_name(rt_type(v)));
        TRY(rt_type(v)->index(vm, v, &i));
        i = int_unbool(i);
    }
    if (!IS_INT(i) || AS_INT(i) > INT32_MAX || AS_INT(i) < INT32_MIN)
        return rt_raise(vm, &OverflowError_type, "Python int too large to convert to C int");
    *out = AS_INT(i);
    return true;
}

// k random bits as an int: 32-bit draws, least significant word first, the
// last one cut to the bits still wanted (CPython's order, for equal output).
static bool getrandbits(Vm *vm, ObjRandom *r, int64_t k, Value *out) {
    if (k < 0) return rt_raise(vm, &ValueError_type, "number of bits must be non-negative");
    if (k == 0) {
        *out = INT_VAL(0);
        return true;
    }
    if (k <= 32) {
        *out = INT_VAL(genrand(r) >> (32 - k));
        return true;
    }
    if (k <= 62) {
        uint64_t lo = genrand(r), hi = genrand(r) >> (64 - k);
        *out = INT_VAL((int64_t)(lo | hi << 32));
        return true;
    }
    size_t words = (size_t)(k - 1) / 32 + 1;
    uint32_t *w = rt_alloc(vm, words * sizeof(uint32_t));
    TRY(w);
    for (size_t i = 0; i < words; i++, k -= 32) {
        uint32_t x = genrand(r);
        if (k < 32) x >>= 32 - k;
        w[i] = x;
    }
    mpz_t z;
    mpz_init(z);
    mpz_import(z, words, -1, sizeof(uint32_t), 0, 0, w);
    rt_free(vm, w, words * sizeof(uint32_t));
    return int_from_mpz(vm, z, out);
}

static bool m_getrandbits(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "getrandbits", kw));
    TRY(rt_check_nargs(vm, "getrandbits", nargs - 1, 1, 1));
    int64_t k = 0;
    TRY(bits_arg(vm, args[1], &k));
    return getrandbits(vm, SELF, k, out);
}

// _randbelow_getrandbits(n): a random int in [0, n) for n > 0, drawing
// getrandbits(n.bit_length()) until it is below n, as random.py's
// _randbelow_with_getrandbits does.
static bool m_randbelow(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "_randbelow_getrandbits", kw));
    TRY(rt_check_nargs(vm, "_randbelow_getrandbits", nargs - 1, 1, 1));
    Value n = int_unbool(args[1]);
    if (!IS_ANYINT(n)) return rt_raise(vm, &TypeError_type, "an integer is required");
    ObjRandom *r = SELF;
    if (IS_INT(n)) {
        int64_t v = AS_INT(n);
        if (v <= 0) return rt_raise(vm, &ValueError_type, "_randbelow needs a positive bound");
        int k = 64 - __builtin_clzll((uint64_t)v);
        for (;;) {
            uint64_t x;
            if (k <= 32) {
                x = genrand(r) >> (32 - k);
            } else {
                uint64_t lo = genrand(r), hi = genrand(r) >> (64 - k);
                x = lo | hi << 32;
            }
            if (x < (uint64_t)v) {
                *out = INT_VAL((int64_t)x);
                return true;
            }
        }
    }
    if (mpz_sgn(AS_BIGINT(n)->z) <= 0) return rt_raise(vm, &ValueError_type, "_randbelow needs a positive bound");
    int64_t k = (int64_t)mpz_sizeinbase(AS_BIGINT(n)->z, 2);
    gc_push_root(vm, n);
    for (;;) {
        Value x;
        if (!getrandbits(vm, r, k, &x)) {
            gc_pop_root(vm);
            return false;
        }
        if (int_compare(x, n) < 0) {
            gc_pop_root(vm);
            *out = x;
            return true;
        }
    }
}

static const MethodDef random_methods[] = {
    {"random", m_random, 0},
    {"seed", m_seed, 0},
    {"getstate", m_getstate, 0},
    {"setstate", m_setstate, 0},
    {"getrandbits", m_getrandbits, 0},
    {"_randbelow_getrandbits", m_randbelow, 0},
    {NULL, NULL, 0},
};

ObjType random_type = {
    .hdr = OBJ_STATIC_HEADER(&type_type),
    .name = "_random.Random",
    .basicsize = sizeof(ObjRandom),
    .flags = TYPE_BASETYPE,
    .base = &object_type,
    .methods = random_methods,
    .new_ = random_new,
    .init = random_init,
};

// _sha512(data): the SHA-512 digest of a bytes object, as bytes.
static bool m_sha512(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "_sha512", kw));
    TRY(rt_check_nargs(vm, "_sha512", nargs, 1, 1));
    const char *data;
    size_t len;
    if (!bytes_view(args[0], &data, &len))
        return rt_raise(vm, &TypeError_type, "object supporting the buffer API required");
    unsigned char digest[SHA512_DIGEST_SIZE];
    sha512(data, len, digest);
    ObjBytes *b = bytes_new(vm, (const char *)digest, sizeof digest);
    TRY(b);
    *out = OBJ_VAL(b);
    return true;
}

static const MethodDef module_defs[] = {
    {"_sha512", m_sha512, 0},
    {NULL, NULL, 0},
};

bool rt_random_init(Vm *vm, ObjModule *m) {
    TRY(module_add_functions(vm, m, module_defs));
    return dict_set_cstr(vm, AS_DICT(m->dict), "Random", OBJ_VAL(&random_type));
}
