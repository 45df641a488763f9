// Unicode character properties for the lexer and the --tokens printer,
// generated from CPython's own tables (gen_uniprops.py -> uniprops.c), so
// identifiers, "invalid character" errors and repr() agree with CPython 3.11.
// Used by src/lexer, and by str.isidentifier() and str.isprintable() (and
// so repr()) in src/runtime.
#ifndef LEXER_UNIPROPS_H
#define LEXER_UNIPROPS_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

// May start an identifier (XID_Start or '_').
bool lx_uni_is_xid_start(uint32_t cp);
// May continue an identifier (XID_Continue).
bool lx_uni_is_xid_continue(uint32_t cp);
// str.isprintable() for one character.
bool lx_uni_is_printable(uint32_t cp);

// NFKC building blocks (nfkc.c): the full compatibility decomposition of
// [cp] (NULL when it has none; Hangul syllables are not in the table), its
// canonical combining class, and the primary composite of a canonical pair
// (0 when the pair does not compose).
const uint32_t *lx_uni_nfkd(uint32_t cp, size_t *len);
int lx_uni_ccc(uint32_t cp);
uint32_t lx_uni_compose(uint32_t first, uint32_t second);

#endif // LEXER_UNIPROPS_H
