// Syntax error diagnosis: after lemon rejects a token, pick the message and
// position CPython 3.11 would report. CPython's PEG parser has a second
// pass of "invalid_*" rules; here the same cases are recognised from what
// the LALR parser knows at the failure (the tokens it would have accepted,
// the recent expressions it built) and from the tokens around it.
#ifndef PARSER_DIAGNOSE_H
#define PARSER_DIAGNOSE_H
#include <stdbool.h>

#include "lexer/lexer.h"
#include "parser/parse.h"
#include "parser/parse_ctx.h"

enum { PS_RING = 64 };

// The recent token stream, kept by the driver (bounded memory: the start
// of the logical line and its last PS_RING tokens).
typedef struct PsDiagnosis {
    Token ring[PS_RING];
    unsigned count;               // tokens of the current logical line seen
    Token head[3];                // its first tokens
    Token prev_head[3];           // the first tokens of the previous line
    unsigned prev_count;
    int depth;                    // bracket depth before the next token
    bool line_start;
    Token last, before_last;      // the last two tokens tracked (any line)
} PsDiagnosis;

void ps_diagnosis_init(PsDiagnosis *d);
void ps_diagnosis_free(PsDiagnosis *d);
// Records [t] before it is pushed.
void ps_diagnosis_track(PsDiagnosis *d, const ParseCtx *c, const Token *t);
// Sets c->diag for the syntax error lemon reported (c->err_tok); may read
// more tokens from [lx].
void ps_diagnose(PsDiagnosis *d, ParseCtx *c, Lexer *lx);
// Lexes the rest of the input after a parser error: a tokenizer error
// replaces the parser's (see parse.c).
void ps_check_rest(PsDiagnosis *d, ParseCtx *c, Lexer *lx, ParseResult *out);
// The span CPython's tokenizer gives [t] (NEWLINE differs: it starts at a
// comment before the line end and has no width).
Span ps_cpython_span(const ParseCtx *c, const Token *t);
// Reports an invalid assignment target recorded by ast_assign_target.
bool ps_report_pending_target(ParseCtx *c);

#endif // PARSER_DIAGNOSE_H
