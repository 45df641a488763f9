// f-string replacement fields: the interface between the string scanner
// (fstring.c) and the driver (parse.c), which parses a field's expression
// with a nested lemon parser over the same source bytes.
#ifndef PARSER_FSTRING_H
#define PARSER_FSTRING_H

#include "parser/parse_ctx.h"

typedef struct FsField {
    const char *start, *end;     // the expression text, in the source buffer
    int start_line, start_col;   // real position of [start]
    int lpar_line, lpar_col;     // CPython's virtual '(' before the expression
    int rpar_line, rpar_col;     // real position of the character after it
} FsField;

// Parses the field as `(expression)` in eval mode. Errors get the
// "f-string: " prefix and columns relative to the virtual '(' (as CPython
// 3.11 reports them). Returns NULL on error ([parent] failed, diag set).
AstNode *ps_parse_fstring_expr(ParseCtx *parent, const FsField *f);

#endif // PARSER_FSTRING_H
