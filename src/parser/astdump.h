// The --ast printer: the exact text of CPython 3.11's
// `ast.dump(tree, indent=2)` (or with include_attributes=True).
#ifndef PARSER_ASTDUMP_H
#define PARSER_ASTDUMP_H
#include <stdbool.h>
#include <stdio.h>

#include "parser/ast.h"
#include "util/buf.h"

// Prints [root] and a final newline (print() adds one). Returns false on a
// write or allocation failure.
bool ps_dump_ast(FILE *out, const AstNode *root, bool include_attributes);
// Appends the dump (without the final newline) to [b].
bool ps_dump_ast_buf(Buf *b, const AstNode *root, bool include_attributes);

// Python's repr() of a str (UTF-8, surrogates allowed), a bytes value and
// a float, as ast.dump shows constants.
bool ps_repr_str(Buf *b, const char *s, size_t n);
bool ps_repr_bytes(Buf *b, const char *s, size_t n);
bool ps_repr_float(Buf *b, double v);
// A big int literal's digits in [base] as decimal text.
bool ps_repr_bigint(Buf *b, const char *digits, size_t n, int base);

#endif // PARSER_ASTDUMP_H
