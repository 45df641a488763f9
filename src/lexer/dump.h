// The --tokens printer: every token of a source, one per line, in the format
// of `python3 -m tokenize -e FILE` without its COMMENT, NL and ENCODING lines.
#ifndef LEXER_DUMP_H
#define LEXER_DUMP_H
#include <stdbool.h>
#include <stdio.h>

#include "lexer/source.h"
#include "util/diag.h"

// Prints the tokens of [src] to [out]. On a lexical error, prints the tokens
// before it and returns false with [d] set (the caller reports it).
bool lx_dump_tokens(FILE *out, const Source *src, Diag *d);

#endif // LEXER_DUMP_H
