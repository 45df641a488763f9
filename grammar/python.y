// grammar/python.y — the lemon grammar for aiopy's Python subset.
//
// TOKEN LIST: the %token line below fixes the TK_* codes shared with the
// lexer (lemon writes them to python.h). Add tokens at the end only.
//
// The grammar is LALR(1), so the places where CPython's PEG grammar looks
// ahead are parsed more generally and checked in C (src/parser):
//   * assignment, for, with, del and comprehension targets are parsed as
//     expressions and converted (ast_set_target), with CPython's messages;
//   * keyword arguments are parsed as `test '=' test` and the left side is
//     checked; argument order is validated when the call is built;
//   * parameter lists are parsed as flat item lists and validated in C;
//   * `with (a as b, c):` is parsed as a parenthesized atom whose items may
//     carry `as`; the with statement unpacks it, anything else rejects it.
// Actions are one-liners calling the ast_* builders (ast.c, args.c,
// fstring.c); the builders compute CPython's node positions and report
// errors through the ParseCtx (which makes the driver stop feeding tokens).
// Tokens added after the lexer's (codes above EXCLAMATION): SINGLE_MODE and
// EVAL_MODE select the start rule (the driver pushes one first for those
// modes); UNARY only names the precedence of unary + - ~.

%name ps_lemon
%token_prefix TK_
%token_type {Token}
%extra_context {ParseCtx *ctx}
%stack_size 0
%default_type {AstNode *}

%include {
// The generated parser's asserts and trace hooks cost about a tenth of the
// parse time; the grammar is checked by lemon and the tests instead.
#ifndef NDEBUG
#define NDEBUG 1
#endif
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
    DOUBLESLASHEQUAL AT ATEQUAL RARROW ELLIPSIS COLONEQUAL EXCLAMATION
    SINGLE_MODE EVAL_MODE UNARY.

// Operator precedence, lowest first. It comes after the token list so the
// TK_* codes stay fixed. Two nonterminals with precedences (`bool` for or,
// and, not; `expr` for bitwise_or down to unary and **), instead of
// CPython's ladder of a dozen rules, halve the unit reductions every
// operand goes through.
%left OR.
%left AND.
%right NOT.
%left VBAR.
%left CIRCUMFLEX.
%left AMPER.
%left LEFTSHIFT RIGHTSHIFT.
%left PLUS MINUS.
%left STAR SLASH DOUBLESLASH PERCENT AT.
%right UNARY.
%right DOUBLESTAR.

%syntax_error { ps_on_syntax_error(ctx, yypParser, yymajor, &TOKEN); }
%stack_overflow { ps_on_stack_overflow(ctx); }
%parse_failure { ctx->failed = true; }

// ===================================================================== start

program ::= file_input(B).                      { ctx->root = ast_module(ctx, AST_MODULE, B); }
program ::= SINGLE_MODE single_input(B).        { ctx->root = ast_module(ctx, AST_INTERACTIVE, B); }
program ::= EVAL_MODE eval_input(E).            { ctx->root = ast_expression_mod(ctx, E); }

%type file_input {PsList *}
file_input(L) ::= .                             { L = ps_list_new(ctx); }
file_input(L) ::= file_stmts(A).                { L = A; }

// The module's statements: as stmts, but through ps_top_*, which hand each
// statement to a streaming parse's consumer as soon as it is complete.
%type file_stmts {PsList *}
file_stmts(L) ::= simple_stmts(A).              { L = ps_top_extend(ctx, NULL, A); }
file_stmts(L) ::= compound_stmt(S).             { L = ps_top_push(ctx, NULL, S); }
file_stmts(L) ::= file_stmts(L1) simple_stmts(A). { L = ps_top_extend(ctx, L1, A); }
file_stmts(L) ::= file_stmts(L1) compound_stmt(S). { L = ps_top_push(ctx, L1, S); }

%type single_input {PsList *}
single_input(L) ::= NEWLINE(T).                 { L = ps_list1(ctx, ast_simple(ctx, AST_PASS, &T)); }
single_input(L) ::= simple_stmts(A).            { L = A; }
single_input(L) ::= compound_stmt(S).           { L = ps_list1(ctx, S); }
single_input(L) ::= compound_stmt(S) NEWLINE.   { L = ps_list1(ctx, S); }

eval_input(E) ::= exprlist_plain(A) eval_newlines. { E = A; }
eval_newlines ::= .
eval_newlines ::= eval_newlines NEWLINE.

// ================================================================ statements

%type stmts {PsList *}
stmts(L) ::= simple_stmts(A).                   { L = A; }
stmts(L) ::= compound_stmt(S).                  { L = ps_list1(ctx, S); }
stmts(L) ::= stmts(L1) simple_stmts(A).         { L = ps_list_extend(ctx, L1, A); }
stmts(L) ::= stmts(L1) compound_stmt(S).        { L = ps_list_push(ctx, L1, S); }

%type simple_stmts {PsList *}
simple_stmts(L) ::= simple_list(A) NEWLINE.     { L = ps_stmt_end(ctx, A); }
simple_stmts(L) ::= simple_list(A) SEMI NEWLINE. { L = ps_stmt_end(ctx, A); }

%type simple_list {PsList *}
simple_list(L) ::= simple_stmt(S).              { L = ps_list1(ctx, S); }
simple_list(L) ::= simple_list(L1) SEMI simple_stmt(S). { L = ps_list_push(ctx, L1, S); }

// A block: an indented suite, or simple statements on the header's line.
%type block {PsList *}
block(L) ::= simple_stmts(A).                   { L = A; }
block(L) ::= NEWLINE INDENT stmts(A) DEDENT.    { L = A; }

// ------------------------------------------------------- simple statements

simple_stmt(S) ::= expr_stmt(A).                { S = A; }
simple_stmt(S) ::= PASS(T).                     { S = ast_simple(ctx, AST_PASS, &T); }
simple_stmt(S) ::= BREAK(T).                    { S = ast_simple(ctx, AST_BREAK, &T); }
simple_stmt(S) ::= CONTINUE(T).                 { S = ast_simple(ctx, AST_CONTINUE, &T); }
simple_stmt(S) ::= RETURN(T).                   { S = ast_return(ctx, &T, NULL); }
simple_stmt(S) ::= RETURN(T) testlist_star(E).  { S = ast_return(ctx, &T, E); }
simple_stmt(S) ::= RAISE(T).                    { S = ast_raise(ctx, &T, NULL, NULL); }
simple_stmt(S) ::= RAISE(T) test(E).            { S = ast_raise(ctx, &T, E, NULL); }
simple_stmt(S) ::= RAISE(T) test(E) FROM test(C). { S = ast_raise(ctx, &T, E, C); }
simple_stmt(S) ::= GLOBAL(T) name_list(L).      { S = ast_global(ctx, AST_GLOBAL, &T, L); }
simple_stmt(S) ::= NONLOCAL(T) name_list(L).    { S = ast_global(ctx, AST_NONLOCAL, &T, L); }
simple_stmt(S) ::= ASSERT(T) test(E).           { S = ast_assert(ctx, &T, E, NULL); }
simple_stmt(S) ::= ASSERT(T) test(E) COMMA test(M). { S = ast_assert(ctx, &T, E, M); }
simple_stmt(S) ::= DEL(T) del_list(L).          { S = ast_delete(ctx, &T, L); }
simple_stmt(S) ::= import_stmt(A).              { S = A; }

%type name_list {PsList *}
name_list(L) ::= NAME(N).                       { L = ps_list1(ctx, ast_name(ctx, &N)); }
name_list(L) ::= name_list(L1) COMMA NAME(N).   { L = ps_list_push(ctx, L1, ast_name(ctx, &N)); }

// del a, (b, c), d[0]: a list of targets (not a tuple).
%type del_list {PsList *}
del_list(L) ::= del_items(A).                   { L = A; }
del_list(L) ::= del_items(A) COMMA.             { L = A; }
%type del_items {PsList *}
del_items(L) ::= expr_or_star(E).               { L = ps_list1(ctx, E); }
del_items(L) ::= del_items(L1) COMMA expr_or_star(E). { L = ps_list_push(ctx, L1, E); }

// Expression statements and assignments. Targets are reduced as soon as
// their '=' is seen, so an invalid target is noticed before anything that
// follows it (CPython reports it first too).
expr_stmt(S) ::= testlist_star(E).              { S = ast_expr_stmt(ctx, E); }
expr_stmt(S) ::= yield_expr(E).                 { S = ast_expr_stmt(ctx, E); }
expr_stmt(S) ::= assign_targets(L) rhs(V).      { S = ast_assign(ctx, L, V); }
expr_stmt(S) ::= testlist_star(T) augassign(O) rhs(V). { S = ast_augassign(ctx, T, &O, V); }
expr_stmt(S) ::= testlist_star(T) COLON test(A). { S = ast_annassign(ctx, T, A, NULL); }
expr_stmt(S) ::= testlist_star(T) COLON test(A) EQUAL rhs(V). { S = ast_annassign(ctx, T, A, V); }

%type assign_targets {PsList *}
assign_targets(L) ::= testlist_star(T) EQUAL(Q). { L = ast_assign_target(ctx, NULL, T, &Q); }
assign_targets(L) ::= yield_expr(T) EQUAL(Q).    { L = ast_assign_target(ctx, NULL, T, &Q); }
assign_targets(L) ::= assign_targets(L1) testlist_star(T) EQUAL(Q). { L = ast_assign_target(ctx, L1, T, &Q); }
assign_targets(L) ::= assign_targets(L1) yield_expr(T) EQUAL(Q). { L = ast_assign_target(ctx, L1, T, &Q); }

rhs(V) ::= testlist_star(E).                    { V = E; }
rhs(V) ::= yield_expr(E).                       { V = E; }

%type augassign {Token}
augassign(O) ::= PLUSEQUAL(T).                  { O = T; }
augassign(O) ::= MINEQUAL(T).                   { O = T; }
augassign(O) ::= STAREQUAL(T).                  { O = T; }
augassign(O) ::= ATEQUAL(T).                    { O = T; }
augassign(O) ::= SLASHEQUAL(T).                 { O = T; }
augassign(O) ::= PERCENTEQUAL(T).               { O = T; }
augassign(O) ::= AMPEREQUAL(T).                 { O = T; }
augassign(O) ::= VBAREQUAL(T).                  { O = T; }
augassign(O) ::= CIRCUMFLEXEQUAL(T).            { O = T; }
augassign(O) ::= LEFTSHIFTEQUAL(T).             { O = T; }
augassign(O) ::= RIGHTSHIFTEQUAL(T).            { O = T; }
augassign(O) ::= DOUBLESTAREQUAL(T).            { O = T; }
augassign(O) ::= DOUBLESLASHEQUAL(T).           { O = T; }

// ------------------------------------------------------------------ imports

import_stmt(S) ::= IMPORT(T) dotted_as_names(L). { S = ast_import(ctx, &T, L); }
import_stmt(S) ::= FROM(T) import_dots1(D) IMPORT import_targets(L). { S = ast_import_from(ctx, &T, D, NULL, L); }
import_stmt(S) ::= FROM(T) dotted_name(M) IMPORT import_targets(L). { S = ast_import_from(ctx, &T, 0, M, L); }
import_stmt(S) ::= FROM(T) import_dots1(D) dotted_name(M) IMPORT import_targets(L). { S = ast_import_from(ctx, &T, D, M, L); }

// The dots of a relative import ('...' is one token).
%type import_dots1 {int}
import_dots1(N) ::= DOT.                        { N = 1; }
import_dots1(N) ::= ELLIPSIS.                   { N = 3; }
import_dots1(N) ::= import_dots1(N1) DOT.       { N = N1 + 1; }
import_dots1(N) ::= import_dots1(N1) ELLIPSIS.  { N = N1 + 3; }

%type dotted_as_names {PsList *}
dotted_as_names(L) ::= dotted_as_name(A).       { L = ps_list1(ctx, A); }
dotted_as_names(L) ::= dotted_as_names(L1) COMMA dotted_as_name(A). { L = ps_list_push(ctx, L1, A); }
dotted_as_name(A) ::= dotted_name(D).           { A = ast_alias(ctx, D, NULL); }
dotted_as_name(A) ::= dotted_name(D) AS NAME(N). { A = ast_alias(ctx, D, &N); }

// A dotted name is a list of Name nodes, joined once by its user.
%type dotted_name {PsList *}
dotted_name(D) ::= NAME(N).                     { D = ps_list1(ctx, ast_name(ctx, &N)); }
dotted_name(D) ::= dotted_name(D1) DOT NAME(N). { D = ps_list_push(ctx, D1, ast_name(ctx, &N)); }

%type import_targets {PsList *}
import_targets(L) ::= STAR(T).                  { L = ps_list1(ctx, ast_alias_star(ctx, &T)); }
import_targets(L) ::= LPAR import_as_names(A) RPAR. { L = A; }
import_targets(L) ::= LPAR import_as_names(A) COMMA RPAR. { L = A; }
import_targets(L) ::= import_as_names(A).       { L = A; }
import_targets(L) ::= import_as_names(A) COMMA(C). { L = ast_import_trailing_comma(ctx, A, &C); }

%type import_as_names {PsList *}
import_as_names(L) ::= import_as_name(A).       { L = ps_list1(ctx, A); }
import_as_names(L) ::= import_as_names(L1) COMMA import_as_name(A). { L = ps_list_push(ctx, L1, A); }
import_as_name(A) ::= NAME(N).                  { A = ast_alias(ctx, ps_list1(ctx, ast_name(ctx, &N)), NULL); }
import_as_name(A) ::= NAME(N) AS NAME(M).       { A = ast_alias(ctx, ps_list1(ctx, ast_name(ctx, &N)), &M); }

// ====================================================== compound statements

compound_stmt(S) ::= if_stmt(A).                { S = A; }
compound_stmt(S) ::= WHILE(T) namedexpr_test(C) COLON block(B) else_opt(E). { S = ast_while(ctx, &T, C, B, E); }
compound_stmt(S) ::= for_stmt(A).               { S = A; }
compound_stmt(S) ::= ASYNC(T) for_stmt(A).      { S = ast_make_async(ctx, &T, A); }
compound_stmt(S) ::= try_stmt(A).               { S = A; }
compound_stmt(S) ::= with_stmt(A).              { S = A; }
compound_stmt(S) ::= ASYNC(T) with_stmt(A).     { S = ast_make_async(ctx, &T, A); }
compound_stmt(S) ::= funcdef(A).                { S = A; }
compound_stmt(S) ::= ASYNC(T) funcdef(A).       { S = ast_make_async(ctx, &T, A); }
compound_stmt(S) ::= classdef(A).               { S = A; }
compound_stmt(S) ::= decorators(D) funcdef(A).  { S = ast_decorate(ctx, D, A); }
compound_stmt(S) ::= decorators(D) ASYNC(T) funcdef(A). { S = ast_decorate(ctx, D, ast_make_async(ctx, &T, A)); }
compound_stmt(S) ::= decorators(D) classdef(A). { S = ast_decorate(ctx, D, A); }

// if/elif/else: the elif clauses are collected in a list (not by right
// recursion) so a long chain does not grow the parser stack.
if_stmt(S) ::= IF(T) namedexpr_test(C) COLON block(B) elif_list(L) else_opt(E). { S = ast_if(ctx, &T, C, B, L, E); }

%type elif_list {PsList *}
elif_list(L) ::= .                              { L = NULL; }
elif_list(L) ::= elif_list(L1) ELIF(T) namedexpr_test(C) COLON block(B). { L = ast_elif(ctx, L1, &T, C, B); }

%type else_opt {PsList *}
else_opt(L) ::= .                               { L = NULL; }
else_opt(L) ::= ELSE COLON block(B).            { L = B; }

for_stmt(S) ::= FOR(T) target_list(X) IN testlist_star(I) COLON block(B) else_opt(E). { S = ast_for(ctx, &T, X, I, B, E); }

// for/comprehension targets: expressions at the bitwise-or level, so 'in'
// ends them; converted to Store targets by the builders.
target_list(X) ::= expr_or_star(E).             { X = E; }
target_list(X) ::= expr_or_star(E) COMMA(C).    { X = ast_tuple_bare(ctx, ps_list1(ctx, E), &C); }
target_list(X) ::= target_items(L).             { X = ast_tuple_bare(ctx, L, NULL); }
target_list(X) ::= target_items(L) COMMA(C).    { X = ast_tuple_bare(ctx, L, &C); }
%type target_items {PsList *}
target_items(L) ::= expr_or_star(A) COMMA expr_or_star(B). { L = ps_list2(ctx, A, B); }
target_items(L) ::= target_items(L1) COMMA expr_or_star(B). { L = ps_list_push(ctx, L1, B); }

try_stmt(S) ::= TRY(T) COLON block(B) handlers(H) else_opt(E). { S = ast_try(ctx, &T, B, H, E, NULL); }
try_stmt(S) ::= TRY(T) COLON block(B) handlers(H) else_opt(E) FINALLY COLON block(F). { S = ast_try(ctx, &T, B, H, E, F); }
try_stmt(S) ::= TRY(T) COLON block(B) FINALLY COLON block(F). { S = ast_try(ctx, &T, B, NULL, NULL, F); }
try_stmt(S) ::= TRY(T) COLON block(B) star_handlers(H) else_opt(E). { S = ast_try_star(ctx, &T, B, H, E, NULL); }
try_stmt(S) ::= TRY(T) COLON block(B) star_handlers(H) else_opt(E) FINALLY COLON block(F). { S = ast_try_star(ctx, &T, B, H, E, F); }

%type handlers {PsList *}
handlers(L) ::= handler(H).                     { L = ps_list1(ctx, H); }
handlers(L) ::= handlers(L1) handler(H).        { L = ps_list_push(ctx, L1, H); }
handler(H) ::= EXCEPT(T) COLON block(B).        { H = ast_handler(ctx, &T, NULL, NULL, B); }
handler(H) ::= EXCEPT(T) test(E) COLON block(B). { H = ast_handler(ctx, &T, E, NULL, B); }
handler(H) ::= EXCEPT(T) test(E) AS NAME(N) COLON block(B). { H = ast_handler(ctx, &T, E, &N, B); }

// except* clauses (PEP 654): a try has either these or the plain ones.
%type star_handlers {PsList *}
star_handlers(L) ::= star_handler(H).           { L = ps_list1(ctx, H); }
star_handlers(L) ::= star_handlers(L1) star_handler(H). { L = ps_list_push(ctx, L1, H); }
star_handler(H) ::= EXCEPT(T) STAR test(E) COLON block(B). { H = ast_handler(ctx, &T, E, NULL, B); }
star_handler(H) ::= EXCEPT(T) STAR test(E) AS NAME(N) COLON block(B). { H = ast_handler(ctx, &T, E, &N, B); }

// The header is reduced at its ':' (before the block), so the items of
// `with (a as b, c):` are claimed before any statement of the block ends.
with_stmt(S) ::= with_head(H) block(B).         { S = ast_with(ctx, H, B); }
with_head(H) ::= WITH(T) with_items(L) COLON.   { H = ast_with_head(ctx, &T, L); }
%type with_items {PsList *}
with_items(L) ::= with_item(A).                 { L = ps_list1(ctx, A); }
with_items(L) ::= with_items(L1) COMMA with_item(A). { L = ps_list_push(ctx, L1, A); }
with_item(A) ::= test(E).                       { A = ast_withitem(ctx, E, NULL, NULL); }
with_item(A) ::= test(E) AS(T) expr(V).         { A = ast_withitem(ctx, E, &T, V); }

funcdef(S) ::= DEF(T) NAME(N) parameters(A) returns(R) COLON block(B). { S = ast_funcdef(ctx, &T, &N, A, R, B); }
// Reduced at the token after ')', so parameter errors come before the body's.
parameters(A) ::= LPAR(P) params(L) RPAR(Q).    { A = ast_arguments(ctx, L, &P, &Q, false); }
returns(R) ::= .                                { R = NULL; }
returns(R) ::= RARROW test(E).                  { R = E; }

classdef(S) ::= CLASS(T) NAME(N) COLON block(B). { S = ast_classdef(ctx, &T, &N, NULL, B); }
classdef(S) ::= CLASS(T) NAME(N) class_args(A) COLON block(B). { S = ast_classdef(ctx, &T, &N, A, B); }
// Bases and keywords, checked (like call arguments) before the body.
class_args(A) ::= LPAR(P) RPAR(Q).              { A = ast_call_args(ctx, NULL, &P, &Q); }
class_args(A) ::= LPAR(P) arglist(L) RPAR(Q).   { A = ast_call_args(ctx, L, &P, &Q); }

%type decorators {PsList *}
decorators(L) ::= decorator(D).                 { L = ps_list1(ctx, D); }
decorators(L) ::= decorators(L1) decorator(D).  { L = ps_list_push(ctx, L1, D); }
decorator(D) ::= AT namedexpr_test(E) NEWLINE.  { D = E; }

// ----------------------------------------------------------- parameters

// Parameter lists are flat lists of items; ast_arguments checks the order
// and builds the `arguments` node (args.c).
%type params {PsList *}
params(L) ::= .                                 { L = NULL; }
params(L) ::= param_items(A).                   { L = A; }
params(L) ::= param_items(A) COMMA.             { L = A; }
%type param_items {PsList *}
param_items(L) ::= param_item(P).               { L = ps_list1(ctx, P); }
param_items(L) ::= param_items(L1) COMMA param_item(P). { L = ps_list_push(ctx, L1, P); }

%type param_item {ParamItem *}
param_item(P) ::= tfpdef(A).                    { P = ps_param(ctx, PARAM_PLAIN, NULL, A, NULL, NULL); }
param_item(P) ::= tfpdef(A) EQUAL(Q) test(D).   { P = ps_param(ctx, PARAM_PLAIN, NULL, A, &Q, D); }
param_item(P) ::= STAR(T).                      { P = ps_param(ctx, PARAM_STAR, &T, NULL, NULL, NULL); }
param_item(P) ::= STAR(T) tfpdef(A).            { P = ps_param(ctx, PARAM_STAR, &T, A, NULL, NULL); }
param_item(P) ::= STAR(T) NAME(N) COLON star_expr(E). { P = ps_param(ctx, PARAM_STAR, &T, ast_arg(ctx, &N, E), NULL, NULL); }
param_item(P) ::= STAR(T) tfpdef(A) EQUAL(Q) test(D). { P = ps_param(ctx, PARAM_STAR, &T, A, &Q, D); }
param_item(P) ::= DOUBLESTAR(T) tfpdef(A).      { P = ps_param(ctx, PARAM_DSTAR, &T, A, NULL, NULL); }
param_item(P) ::= DOUBLESTAR(T) tfpdef(A) EQUAL(Q) test(D). { P = ps_param(ctx, PARAM_DSTAR, &T, A, &Q, D); }
param_item(P) ::= SLASH(T).                     { P = ps_param(ctx, PARAM_SLASH, &T, NULL, NULL, NULL); }

tfpdef(A) ::= NAME(N).                          { A = ast_arg(ctx, &N, NULL); }
tfpdef(A) ::= NAME(N) COLON test(E).            { A = ast_arg(ctx, &N, E); }

%type lparams {PsList *}
lparams(L) ::= lparam_items(A).                 { L = A; }
lparams(L) ::= lparam_items(A) COMMA.           { L = A; }
%type lparam_items {PsList *}
lparam_items(L) ::= lparam_item(P).             { L = ps_list1(ctx, P); }
lparam_items(L) ::= lparam_items(L1) COMMA lparam_item(P). { L = ps_list_push(ctx, L1, P); }

%type lparam_item {ParamItem *}
lparam_item(P) ::= NAME(N).                     { P = ps_param(ctx, PARAM_PLAIN, NULL, ast_arg(ctx, &N, NULL), NULL, NULL); }
lparam_item(P) ::= NAME(N) EQUAL(Q) test(D).    { P = ps_param(ctx, PARAM_PLAIN, NULL, ast_arg(ctx, &N, NULL), &Q, D); }
lparam_item(P) ::= STAR(T).                     { P = ps_param(ctx, PARAM_STAR, &T, NULL, NULL, NULL); }
lparam_item(P) ::= STAR(T) NAME(N).             { P = ps_param(ctx, PARAM_STAR, &T, ast_arg(ctx, &N, NULL), NULL, NULL); }
lparam_item(P) ::= STAR(T) NAME(N) EQUAL(Q) test(D). { P = ps_param(ctx, PARAM_STAR, &T, ast_arg(ctx, &N, NULL), &Q, D); }
lparam_item(P) ::= DOUBLESTAR(T) NAME(N).       { P = ps_param(ctx, PARAM_DSTAR, &T, ast_arg(ctx, &N, NULL), NULL, NULL); }
lparam_item(P) ::= DOUBLESTAR(T) NAME(N) EQUAL(Q) test(D). { P = ps_param(ctx, PARAM_DSTAR, &T, ast_arg(ctx, &N, NULL), &Q, D); }
lparam_item(P) ::= SLASH(T).                    { P = ps_param(ctx, PARAM_SLASH, &T, NULL, NULL, NULL); }

// =============================================================== expressions

// Expression lists at statement level (no walrus, starred allowed).
testlist_star(E) ::= test(A).                   { E = A; }
testlist_star(E) ::= star_expr(A).              { E = A; }
testlist_star(E) ::= test_or_star(A) COMMA(C).  { E = ast_tuple_bare(ctx, ps_list1(ctx, A), &C); }
testlist_star(E) ::= tstar_items(L).            { E = ast_tuple_bare(ctx, L, NULL); }
testlist_star(E) ::= tstar_items(L) COMMA(C).   { E = ast_tuple_bare(ctx, L, &C); }
%type tstar_items {PsList *}
tstar_items(L) ::= test_or_star(A) COMMA test_or_star(B). { L = ps_list2(ctx, A, B); }
tstar_items(L) ::= tstar_items(L1) COMMA test_or_star(B). { L = ps_list_push(ctx, L1, B); }

test_or_star(E) ::= test(A).                    { E = A; }
test_or_star(E) ::= star_expr(A).               { E = A; }

expr_or_star(E) ::= expr(A).                    { E = A; }
expr_or_star(E) ::= star_expr(A).               { E = A; }

star_expr(E) ::= STAR(T) expr(A).               { E = ast_starred(ctx, &T, A); }

// eval mode: expressions without starred items.
exprlist_plain(E) ::= test(A).                  { E = A; }
exprlist_plain(E) ::= test(A) COMMA(C).         { E = ast_tuple_bare(ctx, ps_list1(ctx, A), &C); }
exprlist_plain(E) ::= plain_items(L).           { E = ast_tuple_bare(ctx, L, NULL); }
exprlist_plain(E) ::= plain_items(L) COMMA(C).  { E = ast_tuple_bare(ctx, L, &C); }
%type plain_items {PsList *}
plain_items(L) ::= test(A) COMMA test(B).       { L = ps_list2(ctx, A, B); }
plain_items(L) ::= plain_items(L1) COMMA test(B). { L = ps_list_push(ctx, L1, B); }

yield_expr(E) ::= YIELD(T).                     { E = ast_yield(ctx, AST_YIELD, &T, NULL); }
yield_expr(E) ::= YIELD(T) testlist_star(A).    { E = ast_yield(ctx, AST_YIELD, &T, A); }
yield_expr(E) ::= YIELD(T) FROM test(A).        { E = ast_yield(ctx, AST_YIELD_FROM, &T, A); }

namedexpr_test(E) ::= test(A).                  { E = A; }
namedexpr_test(E) ::= test(A) COLONEQUAL test(B). { E = ast_namedexpr(ctx, A, B); }

test(E) ::= bool(A).                            { E = A; }
test(E) ::= ifexp_head(H) test(B).              { E = ast_ifexp(ctx, H, B); }
ifexp_head(H) ::= bool(A) IF bool(C) ELSE.      { H = ast_ifexp_head(ctx, A, C); }
test(E) ::= LAMBDA(T) COLON(C) test(B).         { E = ast_lambda(ctx, &T, ast_arguments(ctx, NULL, &T, &C, true), B); }
test(E) ::= LAMBDA(T) lambda_args(A) COLON test(B). { E = ast_lambda(ctx, &T, A, B); }
// Checked when the ':' arrives, before the body is parsed.
lambda_args(A) ::= lparams(L).                  { A = ast_arguments(ctx, L, ctx->la, ctx->la, true); }

// disjunction and everything below it down to comparisons, resolved by
// the precedences of OR, AND and NOT; `a or b or c` is one BoolOp, built by
// appending (ast_boolop). Comparison operands are `expr`s, so `a < not b`
// stays invalid.
bool(E) ::= expr(A).                            { E = A; }
bool(E) ::= comp_chain(C).                      { E = ast_compare(ctx, C); }
bool(E) ::= bool(A) OR bool(B).                 { E = ast_boolop(ctx, BOOL_OR, A, B); }
bool(E) ::= bool(A) AND bool(B).                { E = ast_boolop(ctx, BOOL_AND, A, B); }
bool(E) ::= NOT(T) bool(A).                     { E = ast_unary(ctx, &T, UOP_NOT, A); }

%type comp_chain {CmpChain *}
comp_chain(C) ::= expr(A) comp_op(O) expr(B).   { C = ast_cmp_chain(ctx, NULL, A, O, B); }
comp_chain(C) ::= comp_chain(C1) comp_op(O) expr(B). { C = ast_cmp_chain(ctx, C1, NULL, O, B); }

%type comp_op {int}
comp_op(O) ::= LESS.                            { O = ACMP_LT; }
comp_op(O) ::= GREATER.                         { O = ACMP_GT; }
comp_op(O) ::= EQEQUAL.                         { O = ACMP_EQ; }
comp_op(O) ::= GREATEREQUAL.                    { O = ACMP_GTE; }
comp_op(O) ::= LESSEQUAL.                       { O = ACMP_LTE; }
comp_op(O) ::= NOTEQUAL.                        { O = ACMP_NOTEQ; }
comp_op(O) ::= IN.                              { O = ACMP_IN; }
comp_op(O) ::= NOT IN.                          { O = ACMP_NOTIN; }
comp_op(O) ::= IS.                              { O = ACMP_IS; }
comp_op(O) ::= IS NOT.                          { O = ACMP_ISNOT; }

// bitwise_or and everything below it, resolved by the precedences above;
// left recursion keeps the parser stack flat for long chains (the builders
// cap the tree height instead). `**` takes a primary on its left and an
// expr (unary operators allowed) on its right: -a**b is -(a**b).
expr(E) ::= primary(A).                         { E = A; }
expr(E) ::= AWAIT(T) primary(A).                { E = ast_await(ctx, &T, A); }
expr(E) ::= primary(A) DOUBLESTAR expr(B).      { E = ast_binop(ctx, A, AOP_POW, B); }
expr(E) ::= AWAIT(T) primary(A) DOUBLESTAR expr(B). { E = ast_binop(ctx, ast_await(ctx, &T, A), AOP_POW, B); }
expr(E) ::= expr(A) VBAR expr(B).               { E = ast_binop(ctx, A, AOP_BITOR, B); }
expr(E) ::= expr(A) CIRCUMFLEX expr(B).         { E = ast_binop(ctx, A, AOP_BITXOR, B); }
expr(E) ::= expr(A) AMPER expr(B).              { E = ast_binop(ctx, A, AOP_BITAND, B); }
expr(E) ::= expr(A) LEFTSHIFT expr(B).          { E = ast_binop(ctx, A, AOP_LSHIFT, B); }
expr(E) ::= expr(A) RIGHTSHIFT expr(B).         { E = ast_binop(ctx, A, AOP_RSHIFT, B); }
expr(E) ::= expr(A) PLUS expr(B).               { E = ast_binop(ctx, A, AOP_ADD, B); }
expr(E) ::= expr(A) MINUS expr(B).              { E = ast_binop(ctx, A, AOP_SUB, B); }
expr(E) ::= expr(A) STAR expr(B).               { E = ast_binop(ctx, A, AOP_MULT, B); }
expr(E) ::= expr(A) SLASH expr(B).              { E = ast_binop(ctx, A, AOP_DIV, B); }
expr(E) ::= expr(A) DOUBLESLASH expr(B).        { E = ast_binop(ctx, A, AOP_FLOORDIV, B); }
expr(E) ::= expr(A) PERCENT expr(B).            { E = ast_binop(ctx, A, AOP_MOD, B); }
expr(E) ::= expr(A) AT expr(B).                 { E = ast_binop(ctx, A, AOP_MATMULT, B); }
expr(E) ::= PLUS(T) expr(A). [UNARY]            { E = ast_unary(ctx, &T, UOP_UADD, A); }
expr(E) ::= MINUS(T) expr(A). [UNARY]           { E = ast_unary(ctx, &T, UOP_USUB, A); }
expr(E) ::= TILDE(T) expr(A). [UNARY]           { E = ast_unary(ctx, &T, UOP_INVERT, A); }

primary(E) ::= primary(A) DOT NAME(N).          { E = ast_attribute(ctx, A, &N); }
primary(E) ::= primary(A) LPAR(P) RPAR(Q).      { E = ast_call(ctx, A, NULL, &P, &Q); }
primary(E) ::= primary(A) LPAR(P) arglist(L) RPAR(Q). { E = ast_call(ctx, A, L, &P, &Q); }
primary(E) ::= primary(A) LSQB subscript(S) RSQB(Q). { E = ast_subscript(ctx, A, S, &Q); }

// ------------------------------------------------------------------ atoms

primary(E) ::= NAME(T).                            { E = ast_name(ctx, &T); }
primary(E) ::= NUMBER(T).                          { E = ast_number(ctx, &T); }
primary(E) ::= strings(L).                         { E = ast_strings(ctx, L); }
primary(E) ::= NONE(T).                            { E = ast_const_tok(ctx, &T, CONST_NONE); }
primary(E) ::= TRUE(T).                            { E = ast_const_tok(ctx, &T, CONST_TRUE); }
primary(E) ::= FALSE(T).                           { E = ast_const_tok(ctx, &T, CONST_FALSE); }
primary(E) ::= ELLIPSIS(T).                        { E = ast_const_tok(ctx, &T, CONST_ELLIPSIS); }
primary(E) ::= LPAR(P) RPAR(Q).                    { E = ast_paren(ctx, &P, NULL, &Q); }
primary(E) ::= LPAR(P) yield_expr(A) RPAR(Q).      { E = ast_group(ctx, &P, A, &Q); }
primary(E) ::= LPAR(P) ppelt(A) RPAR(Q).           { E = ast_group(ctx, &P, A, &Q); }
primary(E) ::= LPAR(P) ppelt(A) comp_fors(G) RPAR(Q). { E = ast_comp(ctx, AST_GENERATOR_EXP, &P, A, NULL, G, &Q); }
primary(E) ::= LPAR(P) ppelts(L) RPAR(Q).          { E = ast_paren(ctx, &P, L, &Q); }
primary(E) ::= LSQB(P) RSQB(Q).                    { E = ast_list(ctx, &P, NULL, &Q); }
primary(E) ::= LSQB(P) pelt(A) RSQB(Q).            { E = ast_list(ctx, &P, ps_list1(ctx, A), &Q); }
primary(E) ::= LSQB(P) pelt(A) comp_fors(G) RSQB(Q). { E = ast_comp(ctx, AST_LIST_COMP, &P, A, NULL, G, &Q); }
primary(E) ::= LSQB(P) pelts(L) RSQB(Q).           { E = ast_list(ctx, &P, L, &Q); }
primary(E) ::= LBRACE(P) RBRACE(Q).                { E = ast_dict(ctx, &P, NULL, &Q); }
primary(E) ::= LBRACE(P) pelt(A) RBRACE(Q).        { E = ast_set(ctx, &P, ps_list1(ctx, A), &Q); }
primary(E) ::= LBRACE(P) pelt(A) comp_fors(G) RBRACE(Q). { E = ast_comp(ctx, AST_SET_COMP, &P, A, NULL, G, &Q); }
primary(E) ::= LBRACE(P) pelts(L) RBRACE(Q).       { E = ast_set(ctx, &P, L, &Q); }
primary(E) ::= LBRACE(P) dict_items(D) RBRACE(Q).  { E = ast_dict(ctx, &P, D, &Q); }
primary(E) ::= LBRACE(P) dict_items(D) COMMA RBRACE(Q). { E = ast_dict(ctx, &P, D, &Q); }
primary(E) ::= LBRACE(P) test(K) COLON test(V) comp_fors(G) RBRACE(Q). { E = ast_comp(ctx, AST_DICT_COMP, &P, K, V, G, &Q); }
primary(E) ::= LBRACE(P) DOUBLESTAR(T) expr(V) comp_fors(G) RBRACE(Q). { E = ast_dict_unpack_comp(ctx, &P, &T, V, G, &Q); }

%type strings {PsList *}
strings(L) ::= STRING(T).                       { L = ps_tok_list1(ctx, &T); }
strings(L) ::= strings(L1) STRING(T).           { L = ps_tok_list_push(ctx, L1, &T); }

// Elements of (...), [...] and {...}: walrus and starred allowed. In (...)
// `x as y` is accepted too, for `with (x as y, ...):` only (ast_with_head
// claims it, anything else rejects it).
pelt(E) ::= namedexpr_test(A).                  { E = A; }
pelt(E) ::= star_expr(A).                       { E = A; }
ppelt(E) ::= pelt(A).                           { E = A; }
ppelt(E) ::= test(A) AS(T) expr(V).             { E = ast_as_item(ctx, A, &T, V); }

%type ppelts {PsList *}
ppelts(L) ::= ppelt(A) COMMA.                   { L = ps_list1(ctx, A); }
ppelts(L) ::= ppelt_items(A).                   { L = A; }
ppelts(L) ::= ppelt_items(A) COMMA.             { L = A; }
%type ppelt_items {PsList *}
ppelt_items(L) ::= ppelt(A) COMMA ppelt(B).     { L = ps_list2(ctx, A, B); }
ppelt_items(L) ::= ppelt_items(L1) COMMA ppelt(B). { L = ps_list_push(ctx, L1, B); }

// Two or more elements, or one with a trailing comma (a tuple in parens).
%type pelts {PsList *}
pelts(L) ::= pelt(A) COMMA.                     { L = ps_list1(ctx, A); }
pelts(L) ::= pelt_items(A).                     { L = A; }
pelts(L) ::= pelt_items(A) COMMA.               { L = A; }
%type pelt_items {PsList *}
pelt_items(L) ::= pelt(A) COMMA pelt(B).        { L = ps_list2(ctx, A, B); }
pelt_items(L) ::= pelt_items(L1) COMMA pelt(B). { L = ps_list_push(ctx, L1, B); }

%type dict_items {DictBuild *}
dict_items(D) ::= dict_item(A).                 { D = A; }
dict_items(D) ::= dict_items(D1) COMMA dict_item(A). { D = ast_dict_merge(ctx, D1, A); }
%type dict_item {DictBuild *}
dict_item(D) ::= test(K) COLON test(V).         { D = ast_dict_item(ctx, K, V); }
dict_item(D) ::= DOUBLESTAR expr(V).            { D = ast_dict_item(ctx, NULL, V); }

// Comprehension clauses: `if` clauses attach to the preceding `for`.
%type comp_fors {PsList *}
comp_fors(L) ::= comp_for(C).                   { L = ps_list1(ctx, C); }
comp_fors(L) ::= comp_fors(L1) comp_for(C).     { L = ps_list_push(ctx, L1, C); }
comp_fors(L) ::= comp_fors(L1) IF bool(C).   { L = ast_comp_if(ctx, L1, C); }
comp_for(C) ::= FOR(T) target_list(X) IN bool(I). { C = ast_comprehension(ctx, NULL, &T, X, I); }
comp_for(C) ::= ASYNC(A) FOR(T) target_list(X) IN bool(I). { C = ast_comprehension(ctx, &A, &T, X, I); }

// -------------------------------------------------------------- subscripts

subscript(E) ::= slice_item(A).                 { E = A; }
subscript(E) ::= slice_item(A) COMMA(C).        { E = ast_tuple_bare(ctx, ps_list1(ctx, A), &C); }
subscript(E) ::= slice_items(L).                { E = ast_tuple_bare(ctx, L, NULL); }
subscript(E) ::= slice_items(L) COMMA(C).       { E = ast_tuple_bare(ctx, L, &C); }
%type slice_items {PsList *}
slice_items(L) ::= slice_item(A) COMMA slice_item(B). { L = ps_list2(ctx, A, B); }
slice_items(L) ::= slice_items(L1) COMMA slice_item(B). { L = ps_list_push(ctx, L1, B); }

slice_item(E) ::= namedexpr_test(A).            { E = A; }
slice_item(E) ::= star_expr(A).                 { E = A; }
slice_item(E) ::= opt_test(L) COLON(C) opt_test(U). { E = ast_slice(ctx, L, &C, U, NULL, NULL); }
slice_item(E) ::= opt_test(L) COLON(C) opt_test(U) COLON(D) opt_test(S). { E = ast_slice(ctx, L, &C, U, &D, S); }
opt_test(E) ::= .                               { E = NULL; }
opt_test(E) ::= test(A).                        { E = A; }

// ---------------------------------------------------------- call arguments

%type arglist {PsList *}
arglist(L) ::= arg_items(A).                    { L = A; }
arglist(L) ::= arg_items(A) COMMA(C).           { L = ps_args_trailing_comma(ctx, A, &C); }
%type arg_items {PsList *}
arg_items(L) ::= argument(A).                   { L = ps_list1(ctx, A); }
arg_items(L) ::= arg_items(L1) COMMA argument(A). { L = ps_list_push(ctx, L1, A); }

argument(A) ::= test(E).                        { A = E; }
argument(A) ::= test(E) comp_fors(G).           { A = ast_bare_genexp(ctx, E, G); }
argument(A) ::= test(E) COLONEQUAL(Q) test(V).  { A = ast_namedexpr_arg(ctx, E, &Q, V); }
argument(A) ::= test(K) EQUAL(Q) test(V).       { A = ast_keyword(ctx, K, &Q, V); }
argument(A) ::= STAR(T) test(E).                { A = ast_starred(ctx, &T, E); }
argument(A) ::= DOUBLESTAR(T) test(E).          { A = ast_keyword_dstar(ctx, &T, E); }

// ======================================================= parser-state queries

// Diagnostics need to ask the parser what it expected when a token was
// rejected; that needs lemon's tables, so the code lives here. These run
// only from %syntax_error (the stack is intact there) and never mutate it.
%code {
int ps_lemon_depth(void *parser) {
    yyParser *p = parser;
    return (int)(p->yytos - p->yystack);
}

// True when [token] would be shifted (after any reductions) in the current
// state: the reductions are simulated on a copy of the state stack.
bool ps_lemon_accepts(void *parser, int token) {
    yyParser *p = parser;
    int depth = (int)(p->yytos - p->yystack) + 1;
    int cap = depth + 64;
    YYACTIONTYPE *st = malloc((size_t)cap * sizeof *st);
    if (!st) return false;
    for (int i = 0; i < depth; i++) st[i] = p->yystack[i].stateno;
    int top = depth - 1;
    bool ok = false;
    YYACTIONTYPE act = st[top];
    for (int steps = 0; steps < 100000; steps++) {
        act = yy_find_shift_action((YYCODETYPE)token, act);
        if (act >= YY_MIN_REDUCE) {
            unsigned rule = act - YY_MIN_REDUCE;
            top += yyRuleInfoNRhs[rule];
            if (top < 0) break;
            act = yy_find_reduce_action(st[top], (YYCODETYPE)yyRuleInfoLhs[rule]);
            if (++top >= cap) break;
            st[top] = act;
        } else {
            ok = act <= YY_MAX_SHIFTREDUCE || act == YY_ACCEPT_ACTION;
            break;
        }
    }
    free(st);
    return ok;
}
}
