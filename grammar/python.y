// grammar/python.y — the lemon grammar for aiopy's Python subset.
//
// TOKEN LIST: the %token line below fixes the TK_* codes shared with the
// lexer (lemon writes them to python.h). Add tokens at the end only.
// The rules are filled in by the parser work (issue: front end).

%name ps_lemon
%token_prefix TK_
%token_type {Token}
%extra_context {ParseCtx *ctx}
%stack_size 0

%include {
#include <stdlib.h>
#include "parser/parse_ctx.h"
}

%token
    NEWLINE INDENT DEDENT NAME NUMBER STRING
    FALSE NONE TRUE AND AS ASSERT ASYNC AWAIT BREAK CLASS CONTINUE DEF DEL
    ELIF ELSE EXCEPT FINALLY FOR FROM GLOBAL IF IMPORT IN IS LAMBDA NONLOCAL
    NOT OR PASS RAISE RETURN TRY WHILE WITH YIELD
    LPAR RPAR LSQB RSQB LBRACE RBRACE COLON COMMA SEMI PLUS MINUS STAR SLASH
    VBAR AMPER LESS GREATER EQUAL DOT PERCENT EQEQUAL NOTEQUAL LESSEQUAL
    GREATEREQUAL TILDE CIRCUMFLEX LEFTSHIFT RIGHTSHIFT DOUBLESTAR PLUSEQUAL
    MINEQUAL STAREQUAL SLASHEQUAL PERCENTEQUAL AMPEREQUAL VBAREQUAL
    CIRCUMFLEXEQUAL LEFTSHIFTEQUAL RIGHTSHIFTEQUAL DOUBLESTAREQUAL DOUBLESLASH
    DOUBLESLASHEQUAL AT ATEQUAL RARROW ELLIPSIS COLONEQUAL EXCLAMATION.

// Placeholder start rule until the grammar is written.
program ::= .
