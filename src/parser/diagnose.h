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
    Token ring[PS_RING];          // the last tokens tracked (any line)
    unsigned long n;              // tokens tracked so far
    unsigned count;               // tokens of the current logical line
    unsigned prev_count;          // tokens of the previous one
    Token head[3];                // the current line's first tokens
    Token prev_head[3];           // the previous line's first tokens
    int depth;                    // bracket depth before the next token
    bool line_start;
    bool saw_dedent;              // a DEDENT came since the last tracked token
    bool dedent_before_last;      // ... before the last tracked token
} PsDiagnosis;

void ps_diagnosis_init(PsDiagnosis *d);
void ps_diagnosis_free(PsDiagnosis *d);
// Records [t] (in the order tokens were pushed).
void ps_diagnosis_track(PsDiagnosis *d, const ParseCtx *c, const Token *t);

// What the driver fed the parser: the whole source, or an f-string field
// between a virtual '(' and ')'.
typedef struct PsFeed {
    bool fragment;
    const char *start, *end;
    int line, col;
    Token lpar, rpar;
} PsFeed;
// Tracking every token costs a few percent of the parse, and is only needed
// after an error: the tokens up to the rejected one are lexed again instead.
void ps_diagnosis_replay(PsDiagnosis *d, const ParseCtx *c, const PsFeed *feed);
// Sets c->diag for the syntax error lemon reported (c->err_tok); may read
// more tokens from [lx].
void ps_diagnose(PsDiagnosis *d, ParseCtx *c, Lexer *lx);
// Lexes the rest of the input after a parser error: a tokenizer error
// replaces the parser's (see parse.c).
void ps_check_rest(PsDiagnosis *d, ParseCtx *c, Lexer *lx, ParseResult *out);
// The span CPython's tokenizer gives [t] (NEWLINE differs: it starts at a
// comment before the line end and has no width).
Span ps_cpython_span(const ParseCtx *c, const Token *t);
// The same for a NEWLINE whose preceding token is [before] (NULL: unknown).
Span ps_cpython_span_after(const ParseCtx *c, const Token *t, const Token *before);
// Where CPython points for errors raised at the end of the input.
Span ps_eof_span(const ParseCtx *c);

#endif // PARSER_DIAGNOSE_H
