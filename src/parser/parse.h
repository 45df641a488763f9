// Parser entry points: Source -> AST (or a Diag).
// The driver pulls tokens from the lexer and pushes them into the lemon
// parser generated from grammar/python.y; it stops at the first diagnostic.
#ifndef PARSER_PARSE_H
#define PARSER_PARSE_H
#include <stdbool.h>

#include "lexer/source.h"
#include "parser/ast.h"
#include "util/arena.h"
#include "util/diag.h"

typedef enum ParseMode {
    PARSE_FILE,     // a module: AST_MODULE
    PARSE_SINGLE,   // one interactive statement: AST_INTERACTIVE
    PARSE_EVAL,     // one expression: AST_EXPRESSION
} ParseMode;

enum {
    PARSE_TOPLEVEL_AWAIT = 1 << 0,   // REPL: `await` allowed outside functions
    // Report only what CPython's parser reports (ast.parse, for --ast): the
    // errors its compiler raises ("starred assignment target must be in a
    // list or tuple", "duplicate argument", ...) are then not checked.
    PARSE_ONLY_AST = 1 << 1,
    // The source was read from a file (or piped stdin), which CPython reads
    // with its file tokenizer: errors it raises at the end of the input then
    // have no column (offset 0: no caret), where -c strings get one.
    PARSE_FROM_FILE = 1 << 2,
};

typedef struct ParseResult {
    Arena arena;        // owns every node
    AstNode *root;      // NULL on error
    Diag diag;          // set on error
    // Set with the diag when the input ended inside an open bracket, string,
    // block or backslash continuation: the REPL then asks for more lines.
    bool incomplete;
    // ... and that was inside a bracket, a string or a backslash
    // continuation, which a blank line does not end (an open block it does).
    bool incomplete_token;
} ParseResult;

bool ps_parse(const Source *src, ParseMode mode, unsigned flags, ParseResult *out);
void ps_result_free(ParseResult *r);

// Streaming parse of a module (PARSE_FILE), for compiling a large file in
// bounded memory: its top-level statements go to [sink] in source order,
// in batches of about [batch] bytes of tree. A batch lives in [arena] only
// until the sink returns (the sink may allocate there too); the arena is
// then reset for the next one. Returns true when the whole input parsed
// and every call of [sink] returned true. A false return reports nothing:
// a syntax error, a compiler error found by the parser and a failing sink
// look the same, and the caller gets the exact diagnosis from ps_parse.
typedef bool (*PsSink)(void *ud, AstNode *const *stmts, uint32_t n, Arena *arena);
bool ps_parse_stream(const Source *src, unsigned flags, size_t batch, PsSink sink, void *ud);

#endif // PARSER_PARSE_H
