// Unicode character data for str's methods, for non-ASCII code points:
// the is*() predicates, case mappings (simple and full, as CPython's
// str.upper() etc.) and decimal digit values. Generated from CPython's
// unicodedata (gen_unidata.py -> unidata.c) so that they agree with 3.11.
#ifndef RUNTIME_UNIDATA_H
#define RUNTIME_UNIDATA_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

// str.isupper() / islower() / ... for one non-ASCII character. "title" is
// category Lt; "cased" and "case_ignorable" are Unicode's properties, which
// title() and lower()'s final sigma rule need.
bool uni_is_upper(uint32_t cp);
bool uni_is_lower(uint32_t cp);
bool uni_is_title(uint32_t cp);
bool uni_is_cased(uint32_t cp);
bool uni_is_case_ignorable(uint32_t cp);
bool uni_is_alpha(uint32_t cp);
bool uni_is_decimal(uint32_t cp);
bool uni_is_digit(uint32_t cp);
bool uni_is_numeric(uint32_t cp);
bool uni_is_space(uint32_t cp);

typedef enum UniCase { UNI_UPPER, UNI_LOWER, UNI_TITLE, UNI_FOLD } UniCase;
// The one code point [cp] maps to (itself when unchanged or when the
// mapping is several code points: see uni_full_case).
uint32_t uni_simple_case(uint32_t cp, UniCase which);
// The 2 or 3 code points (0-terminated when 2) [cp] maps to, or NULL when
// its mapping is a single code point.
const uint32_t *uni_full_case(uint32_t cp, UniCase which);
// The value of a decimal digit (category Nd), or -1.
int uni_decimal_value(uint32_t cp);

#endif // RUNTIME_UNIDATA_H
