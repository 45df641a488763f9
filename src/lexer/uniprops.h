// Unicode character properties for the lexer and the --tokens printer,
// generated from CPython's own tables (gen_uniprops.py -> uniprops.c), so
// identifiers, "invalid character" errors and repr() agree with CPython 3.11.
// Private to src/lexer.
#ifndef LEXER_UNIPROPS_H
#define LEXER_UNIPROPS_H
#include <stdbool.h>
#include <stdint.h>

// May start an identifier (XID_Start or '_').
bool lx_uni_is_xid_start(uint32_t cp);
// May continue an identifier (XID_Continue).
bool lx_uni_is_xid_continue(uint32_t cp);
// str.isprintable() for one character.
bool lx_uni_is_printable(uint32_t cp);

#endif // LEXER_UNIPROPS_H
