// NFKC normalization of identifiers: CPython's parser replaces every
// non-ASCII identifier by its NFKC form (PEP 3131), so `ﬁ` and `fi` are the
// same name and `ｘ` is `x`. Tables come from CPython's unicodedata
// (gen_uniprops.py), so aiopy and its oracle agree on Unicode 14.0.
#ifndef LEXER_NFKC_H
#define LEXER_NFKC_H
#include <stdbool.h>
#include <stddef.h>

#include "util/buf.h"

// Appends the NFKC form of the valid UTF-8 text [s, s+len) to [out]; false
// when memory runs out. ASCII text is its own NFKC form: callers skip it.
bool lx_nfkc(const char *s, size_t len, Buf *out);

#endif // LEXER_NFKC_H
