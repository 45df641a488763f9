// ParseCtx: the state the lemon actions share with the parse driver
// (internal to src/parser and grammar/python.y).
#ifndef PARSER_PARSE_CTX_H
#define PARSER_PARSE_CTX_H
#include <stdbool.h>

#include "lexer/token.h"
#include "parser/ast.h"
#include "util/arena.h"
#include "util/diag.h"

typedef struct ParseCtx {
    Arena *arena;
    AstNode *root;
    Diag *diag;
    bool failed;
} ParseCtx;

#endif // PARSER_PARSE_CTX_H
