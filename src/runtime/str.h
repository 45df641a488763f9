// str: immutable text stored as UTF-8 (surrogates encoded like
// "surrogatepass") with its code-point length. ASCII strings (len == cplen)
// index in O(1); others build, on first indexing, a sparse table of the byte
// offset of every STR_INDEX_STEP-th code point, so indexing costs O(step).
// The hash is cached (-1 = not yet computed). Interned strings live in a weak
// table swept by the GC.
#ifndef RUNTIME_STR_H
#define RUNTIME_STR_H
#include "runtime/object.h"
#include "util/buf.h"

#define STR_INDEX_STEP 32

struct ObjStr {
    Obj hdr;
    int64_t hash;
    size_t len;          // bytes, excluding the NUL
    size_t cplen;        // code points
    size_t *index;       // non-ASCII: byte offset of code point k*STR_INDEX_STEP
    bool interned;
    char data[];         // NUL-terminated
};

#define IS_STR(v) IS_INSTANCE(v, str_type)
#define AS_STR(v) ((ObjStr *)AS_OBJ(v))
#define STR_IS_ASCII(s) ((s)->len == (s)->cplen)

// Construction ([s] must be valid UTF-8). NULL => exception set.
ObjStr *str_new(Vm *vm, const char *s, size_t len);
ObjStr *str_from_cstr(Vm *vm, const char *s);
ObjStr *str_from_cp(Vm *vm, uint32_t cp);
// str_new when the caller knows the code-point count [cplen] (a slice of an
// ASCII str, a concatenation): skips counting.
ObjStr *str_new_counted(Vm *vm, const char *s, size_t len, size_t cplen);
// Allocates [len] bytes to fill, then str_finish computes the length.
ObjStr *str_alloc(Vm *vm, size_t len);
void str_finish(ObjStr *s);
ObjStr *str_intern(Vm *vm, const char *s, size_t len);
ObjStr *str_intern_cstr(Vm *vm, const char *s);
ObjStr *str_intern_obj(Vm *vm, ObjStr *s);   // the interned equal string
ObjStr *str_concat(Vm *vm, ObjStr *a, ObjStr *b);
// The substring of code points [start, end).
ObjStr *str_substr(Vm *vm, ObjStr *s, size_t start, size_t end);

// Queries.
int64_t str_hash(ObjStr *s);
// The hash a str of these bytes has (for tables keyed by C strings).
int64_t str_hash_bytes(const char *data, size_t len);
bool str_eq(const ObjStr *a, const ObjStr *b);
bool str_eq_cstr(const ObjStr *a, const char *s);
int str_cmp(const ObjStr *a, const ObjStr *b);   // code-point order
size_t str_byte_offset(ObjStr *s, size_t cp_index);
uint32_t str_char_at(ObjStr *s, size_t cp_index);

// repr into [b] (CPython's quote choice and escapes). false: out of memory.
bool str_repr_buf(Buf *b, const ObjStr *s);
bool str_repr(Vm *vm, Value self, Value *out);
// Python-visible helpers used by other modules.
bool str_join(Vm *vm, ObjStr *sep, Value iterable, Value *out);
bool str_repeat(Vm *vm, ObjStr *s, int64_t n, Value *out);

// First occurrence of [needle] in [hay] (memmem without _GNU_SOURCE).
const char *rt_memfind(const char *hay, size_t n, const char *needle, size_t m);
const char *rt_memrfind(const char *hay, size_t n, const char *needle, size_t m);

// Unicode classification for one code point, as str's is*() methods see
// it: ASCII inline, the rest from unidata.h (Unicode 14.0, as CPython 3.11).
bool uc_isspace(uint32_t c);
bool uc_isalpha(uint32_t c);
bool uc_isdigit(uint32_t c);
bool uc_isdecimal(uint32_t c);
bool uc_isnumeric(uint32_t c);
bool uc_isprintable(uint32_t c);
bool uc_isupper(uint32_t c);
bool uc_islower(uint32_t c);
// The simple (one code point) case mappings.
uint32_t uc_toupper(uint32_t c);
uint32_t uc_tolower(uint32_t c);
// [s] with its Unicode decimal digits as ASCII digits and its Unicode
// spaces as ' ', other characters kept, appended to [out] (int() and
// float() parse that); false when out of memory.
bool str_ascii_digits(const char *s, size_t len, Buf *out);

// GC: drops unmarked strings from the intern table.
void str_sweep_interned(Vm *vm);
void str_intern_free(Vm *vm);

extern const MethodDef str_methods[];

#endif // RUNTIME_STR_H
