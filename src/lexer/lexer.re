// Raw scanner (re2c): one token at lx->cur, with CPython 3.11's tokenizer
// rules and error messages. Layout (INDENT/DEDENT, NEWLINE inside brackets,
// blank lines) is indent.c's job; this file only reports each '\n'.
// Invariants: the cursor never passes lx->lim (YYPEEK yields the sentinel 0
// there, and re2c's eof check confirms the end), so the same scanner works on
// a whole source and on an f-string fragment that ends mid-buffer; line and
// line_start always describe the line holding lx->cur.
// Numbers and strings are scanned by hand-written C that follows CPython's
// tok_get step by step, because CPython's error positions depend on exactly
// where its loop stops.
#include <stdarg.h>
#include <stdint.h>
#include <string.h>

#include "lexer/lexer_int.h"
#include "lexer/uniprops.h"
#include "util/utf8.h"

typedef const unsigned char *Cur;

#define AT(p) ((const char *)(p))

// Token spanning [start, end) where the scanner stopped; the start line and
// column are those saved before the scan.
static int make(Lexer *lx, Token *t, int kind, Cur start, Cur end, int line, int col) {
    t->kind = kind;
    t->s = AT(start);
    t->len = (uint32_t)(end - start);
    t->line = line;
    t->col = col;
    t->end_line = lx->line;
    t->end_col = (int32_t)(AT(end) - lx->line_start);
    lx->cur = AT(end);
    return kind;
}

static void newline_at(Lexer *lx, Cur after_lf) {
    lx->line++;
    lx->line_start = AT(after_lf);
}

// --- identifiers -----------------------------------------------------------

// CPython's verify_identifier: decode, then the first character must be
// XID_Start (or '_') and the others XID_Continue.
static bool verify_identifier(Lexer *lx, Cur s, Cur e) {
    bool first = true;
    while (s < e) {
        uint32_t cp = *s;
        size_t k = cp < 0x80 ? 1 : utf8_decode(s, (size_t)(e - s), &cp, false);
        if (k == 0) k = 1, cp = 0xFFFD;   // cannot happen: the source is valid UTF-8
        bool ok = first ? lx_uni_is_xid_start(cp) : lx_uni_is_xid_continue(cp);
        if (!ok) {
            int col = (int)(AT(s) - lx->line_start);
            if (lx_uni_is_printable(cp))
                return lx_fail(lx, false, DIAG_SYNTAX, lx->line, col, lx->line, col,
                               "invalid character '%.*s' (U+%04X)", (int)k, AT(s), (unsigned)cp);
            return lx_fail(lx, false, DIAG_SYNTAX, lx->line, col, lx->line, col,
                           "invalid non-printable character U+%04X", (unsigned)cp);
        }
        first = false;
        s += k;
    }
    return true;
}

// --- numbers ---------------------------------------------------------------

// A tiny model of CPython's tok_nextc/tok_backup over [p, lim): reading at
// the end yields -1 and does not move, and backing up -1 is a no-op.
typedef struct NumScan {
    Lexer *lx;
    Cur p, lim;
} NumScan;

static int nextc(NumScan *n) { return n->p < n->lim ? *n->p++ : -1; }
static void backup(NumScan *n, int c) { if (c != -1) n->p--; }
static bool is_digit(int c) { return c >= '0' && c <= '9'; }
static bool is_xdigit(int c) { return is_digit(c) || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f'); }
static bool is_ident_char(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || is_digit(c) || c == '_' || c >= 128;
}

// CPython's syntaxerror(): points at the character before the cursor.
static bool num_error(NumScan *n, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static bool num_error(NumScan *n, const char *fmt, ...) {
    Lexer *lx = n->lx;
    int col = lx_col_before(lx, AT(n->p));
    lx->cur = AT(n->p);
    va_list ap;
    va_start(ap, fmt);
    lx_vfail(lx, false, DIAG_SYNTAX, lx->line, col, lx->line, col, fmt, ap);
    va_end(ap);
    return false;
}

// Does [s] follow at the cursor, and then a non-identifier character?
static bool lookahead(NumScan *n, const char *s) {
    Cur save = n->p;
    for (; *s; s++) {
        int c = nextc(n);
        if (c != (unsigned char)*s) { n->p = save; return false; }
    }
    int c = nextc(n);
    n->p = save;
    return !is_ident_char(c);
}

// CPython's verify_end_of_number: a letter right after a number is an error,
// except the keywords that may follow one in valid code ("1if x else y").
static bool end_of_number(NumScan *n, int c, const char *kind) {
    bool kw = false;
    switch (c) {
    case 'a': kw = lookahead(n, "nd"); break;
    case 'e': kw = lookahead(n, "lse"); break;
    case 'f': kw = lookahead(n, "or"); break;
    case 'o': kw = lookahead(n, "r"); break;
    case 'n': kw = lookahead(n, "ot"); break;
    case 'i': {
        int c2 = nextc(n);
        kw = c2 == 'f' || c2 == 'n' || c2 == 's';
        backup(n, c2);
        break;
    }
    default: break;
    }
    if (kw) return true;   // CPython only warns (DeprecationWarning)
    // A non-ASCII character ends the number silently (CPython 3.11): it
    // starts a NAME, which may then be an invalid character.
    if (c < 128 && is_ident_char(c)) {
        backup(n, c);
        return num_error(n, "invalid %s literal", kind);
    }
    return true;
}

// Digits with single underscores between them; returns the first character
// after them, or 0 after an error (CPython's tok_decimal_tail).
static int decimal_tail(NumScan *n) {
    int c;
    for (;;) {
        do c = nextc(n); while (is_digit(c));
        if (c != '_') break;
        c = nextc(n);
        if (!is_digit(c)) {
            backup(n, c);
            num_error(n, "invalid decimal literal");
            return 0;
        }
    }
    return c;
}

// Radix literals after "0x"/"0o"/"0b": digits with single underscores.
static bool radix_digits(NumScan *n, int base, const char *kind) {
    int c = nextc(n);
    do {
        if (c == '_') c = nextc(n);
        bool ok = base == 16 ? is_xdigit(c) : base == 8 ? (c >= '0' && c < '8') : (c == '0' || c == '1');
        if (!ok) {
            if (base != 16 && is_digit(c))
                return num_error(n, "invalid digit '%c' in %s literal", c, kind);
            backup(n, c);
            return num_error(n, "invalid %s literal", kind);
        }
        do {
            c = nextc(n);
            ok = base == 16 ? is_xdigit(c) : base == 8 ? (c >= '0' && c < '8') : (c == '0' || c == '1');
        } while (ok);
    } while (c == '_');
    if (base != 16 && is_digit(c))
        return num_error(n, "invalid digit '%c' in %s literal", c, kind);
    if (!end_of_number(n, c, kind)) return false;
    backup(n, c);
    return true;
}

// Scans a number starting at [start] (a digit, or '.' and a digit).
// Returns the token kind, or LX_RAW_ERROR.
static int scan_number(Lexer *lx, Token *t, Cur start, Cur lim) {
    NumScan n = {lx, start, lim};
    int line = lx->line, col = (int)(AT(start) - lx->line_start);
    bool imaginary = false;
    int c = nextc(&n);
    if (c == '.') {
        c = nextc(&n);
        goto fraction;
    }
    if (c == '0') {
        c = nextc(&n);
        if (c == 'x' || c == 'X') {
            if (!radix_digits(&n, 16, "hexadecimal")) return LX_RAW_ERROR;
            goto done;
        }
        if (c == 'o' || c == 'O') {
            if (!radix_digits(&n, 8, "octal")) return LX_RAW_ERROR;
            goto done;
        }
        if (c == 'b' || c == 'B') {
            if (!radix_digits(&n, 2, "binary")) return LX_RAW_ERROR;
            goto done;
        }
        // "0", "00", "0_0", or an old-style octal that is now an error.
        bool nonzero = false;
        for (;;) {
            if (c == '_') {
                c = nextc(&n);
                if (!is_digit(c)) {
                    backup(&n, c);
                    num_error(&n, "invalid decimal literal");
                    return LX_RAW_ERROR;
                }
            }
            if (c != '0') break;
            c = nextc(&n);
        }
        Cur zeros_end = n.p;
        if (is_digit(c)) {
            nonzero = true;
            c = decimal_tail(&n);
            if (c == 0) return LX_RAW_ERROR;
        }
        if (c == '.') {
            c = nextc(&n);
            goto fraction;
        }
        if (c == 'e' || c == 'E') goto exponent;
        if (c == 'j' || c == 'J') goto imag;
        if (nonzero) {
            // CPython reports the range from the first digit to the zeros' end.
            int zc = (int)(AT(zeros_end) - lx->line_start) - 1;
            lx_fail(lx, false, DIAG_SYNTAX, line, col, line, zc,
                    "leading zeros in decimal integer literals are not permitted; "
                    "use an 0o prefix for octal integers");
            return LX_RAW_ERROR;
        }
        if (!end_of_number(&n, c, "decimal")) return LX_RAW_ERROR;
        backup(&n, c);
        goto done;
    }
    // Decimal
    c = decimal_tail(&n);
    if (c == 0) return LX_RAW_ERROR;
    if (c == '.') {
        c = nextc(&n);
    fraction:
        if (is_digit(c)) {
            c = decimal_tail(&n);
            if (c == 0) return LX_RAW_ERROR;
        }
    }
    if (c == 'e' || c == 'E') {
    exponent:;
        int e = c;
        c = nextc(&n);
        if (c == '+' || c == '-') {
            c = nextc(&n);
            if (!is_digit(c)) {
                backup(&n, c);
                num_error(&n, "invalid decimal literal");
                return LX_RAW_ERROR;
            }
        } else if (!is_digit(c)) {
            backup(&n, c);
            if (!end_of_number(&n, e, "decimal")) return LX_RAW_ERROR;
            backup(&n, e);
            goto done;
        }
        c = decimal_tail(&n);
        if (c == 0) return LX_RAW_ERROR;
    }
    if (c == 'j' || c == 'J') {
    imag:
        imaginary = true;
        c = nextc(&n);
        if (!end_of_number(&n, c, "imaginary")) return LX_RAW_ERROR;
    } else if (!end_of_number(&n, c, "decimal")) {
        return LX_RAW_ERROR;
    }
    backup(&n, c);
done:
    make(lx, t, TK_NUMBER, start, n.p, line, col);
    if (imaginary) {
        // aiopy has no complex type; CPython would accept the literal, so
        // this is reported like a parser error at the token.
        lx_fail(lx, true, DIAG_SYNTAX, line, col, line, t->end_col,
                "imaginary numbers are not supported by aiopy");
        lx->resumable = true;
        return LX_RAW_ERROR;
    }
    return TK_NUMBER;
}

// --- strings ---------------------------------------------------------------

// Scans a string whose opening quote is at [q] (prefix letters, if any, start
// at [start]). Follows CPython: a backslash skips the next character (so an
// escaped newline continues a single-quoted string), a bare newline ends a
// single-quoted string with an error, the end of input ends any string with
// an error. Errors point at the token's first character.
static int scan_string(Lexer *lx, Token *t, Cur start, Cur q, Cur lim) {
    int line = lx->line, col = (int)(AT(start) - lx->line_start);
    unsigned char quote = *q;
    Cur p = q + 1;
    int quote_size = 1;
    if (p < lim && *p == quote) {
        if (p + 1 < lim && p[1] == quote) {
            quote_size = 3;
            p += 2;
        } else {
            return make(lx, t, TK_STRING, start, p + 1, line, col);   // ''
        }
    }
    int closing = 0;
    while (closing < quote_size) {
        if (p >= lim) break;
        unsigned char c = *p++;
        if (c == quote) {
            closing++;
        } else {
            closing = 0;
            if (c == '\\') {
                if (p < lim) {
                    if (*p == '\n') newline_at(lx, p + 1);
                    p++;
                }
            } else if (c == '\n') {
                if (quote_size == 1) {
                    lx->cur = AT(p);
                    return lx_fail(lx, false, DIAG_SYNTAX, line, col, line, col,
                                   "unterminated string literal (detected at line %d)",
                                   lx->line), LX_RAW_ERROR;
                }
                newline_at(lx, p);
            }
        }
    }
    if (closing < quote_size) {
        lx->cur = AT(p);
        if (lx_fail_defect(lx)) return LX_RAW_ERROR;
        int at = lx_eof_lineno(lx);
        if (quote_size == 3)
            lx_fail(lx, false, DIAG_SYNTAX, line, col, line, col,
                    "unterminated triple-quoted string literal (detected at line %d)", at);
        else
            lx_fail(lx, false, DIAG_SYNTAX, line, col, line, col,
                    "unterminated string literal (detected at line %d)", at);
        lx->incomplete = true;
        return LX_RAW_ERROR;
    }
    return make(lx, t, TK_STRING, start, p, line, col);
}

// --- the scanner -------------------------------------------------------------

// A backslash continuation that runs into the end of input, in the middle of
// a line ([bl] is its line, [bcol] the length of that line): CPython
// reports an open bracket, else "unexpected EOF" just past the line's end.
static int backslash_eof(Lexer *lx, Cur cur, int bl, int bcol) {
    lx->cur = AT(cur);
    if (lx_fail_defect(lx)) return LX_RAW_ERROR;
    if (lx->paren_depth > 0) {
        int i = lx->paren_depth - 1;
        lx_fail(lx, true, DIAG_SYNTAX, lx->paren_line[i], lx->paren_col[i], lx->paren_line[i], -1,
                "'%c' was never closed", lx->paren_char[i]);
    } else {
        lx_fail(lx, true, DIAG_SYNTAX, bl, bcol, bl, -2, "unexpected EOF while parsing");
    }
    lx->incomplete = true;
    return LX_RAW_ERROR;
}

int lx_scan(Lexer *lx, Token *t) {
    Cur cur = (Cur)lx->cur, lim = (Cur)lx->lim, mark = cur, tok;
    int kind;
    for (;;) {
        tok = cur;
        /*!re2c
        re2c:api = custom;
        re2c:api:style = free-form;
        re2c:define:YYCTYPE = "unsigned char";
        re2c:define:YYPEEK = "(cur < lim ? *cur : 0)";
        re2c:define:YYSKIP = "++cur;";
        re2c:define:YYBACKUP = "mark = cur;";
        re2c:define:YYRESTORE = "cur = mark;";
        re2c:define:YYLESSTHAN = "cur >= lim";
        re2c:yyfill:enable = 0;
        re2c:eof = 0;

        id_start = [a-zA-Z_];
        id_char = [a-zA-Z0-9_];
        high = [\x80-\xff];
        prefix = [bBrRuUfF] | [bB][rR] | [rR][bB] | [fF][rR] | [rR][fF];

        [ \t\f]+ { continue; }
        "#" [^\n]* { continue; }
        "\n" {
            make(lx, t, LX_RAW_NEWLINE, tok, cur, lx->line, (int)(AT(tok) - lx->line_start));
            newline_at(lx, cur);
            return LX_RAW_NEWLINE;
        }
        "\\\n" {
            int bl = lx->line, bcol = (int)(AT(tok) + 1 - lx->line_start);
            newline_at(lx, cur);
            if (cur >= lim) return backslash_eof(lx, cur, bl, bcol);
            continue;
        }
        "\\" {
            lx->cur = AT(cur);
            if (cur >= lim)   // CPython adds the missing final newline
                return backslash_eof(lx, cur, lx->line, (int)(AT(tok) + 1 - lx->line_start));
            // CPython points at the character after the backslash.
            int c = (int)(AT(cur) - lx->line_start);
            lx_fail(lx, true, DIAG_SYNTAX, lx->line, c, lx->line, -1,
                    "unexpected character after line continuation character");
            return LX_RAW_ERROR;
        }

        prefix? ['"] { return scan_string(lx, t, tok, cur - 1, lim); }
        [0-9] | "." [0-9] { return scan_number(lx, t, tok, lim); }

        "False" { kind = TK_FALSE; goto tok; }
        "None" { kind = TK_NONE; goto tok; }
        "True" { kind = TK_TRUE; goto tok; }
        "and" { kind = TK_AND; goto tok; }
        "as" { kind = TK_AS; goto tok; }
        "assert" { kind = TK_ASSERT; goto tok; }
        "async" { kind = TK_ASYNC; goto tok; }
        "await" { kind = TK_AWAIT; goto tok; }
        "break" { kind = TK_BREAK; goto tok; }
        "class" { kind = TK_CLASS; goto tok; }
        "continue" { kind = TK_CONTINUE; goto tok; }
        "def" { kind = TK_DEF; goto tok; }
        "del" { kind = TK_DEL; goto tok; }
        "elif" { kind = TK_ELIF; goto tok; }
        "else" { kind = TK_ELSE; goto tok; }
        "except" { kind = TK_EXCEPT; goto tok; }
        "finally" { kind = TK_FINALLY; goto tok; }
        "for" { kind = TK_FOR; goto tok; }
        "from" { kind = TK_FROM; goto tok; }
        "global" { kind = TK_GLOBAL; goto tok; }
        "if" { kind = TK_IF; goto tok; }
        "import" { kind = TK_IMPORT; goto tok; }
        "in" { kind = TK_IN; goto tok; }
        "is" { kind = TK_IS; goto tok; }
        "lambda" { kind = TK_LAMBDA; goto tok; }
        "nonlocal" { kind = TK_NONLOCAL; goto tok; }
        "not" { kind = TK_NOT; goto tok; }
        "or" { kind = TK_OR; goto tok; }
        "pass" { kind = TK_PASS; goto tok; }
        "raise" { kind = TK_RAISE; goto tok; }
        "return" { kind = TK_RETURN; goto tok; }
        "try" { kind = TK_TRY; goto tok; }
        "while" { kind = TK_WHILE; goto tok; }
        "with" { kind = TK_WITH; goto tok; }
        "yield" { kind = TK_YIELD; goto tok; }
        id_start id_char* { kind = TK_NAME; goto tok; }
        (id_start | high) (id_char | high)* {
            if (!verify_identifier(lx, tok, cur)) { lx->cur = AT(cur); return LX_RAW_ERROR; }
            kind = TK_NAME;
            goto tok;
        }

        "(" { kind = TK_LPAR; goto tok; }
        ")" { kind = TK_RPAR; goto tok; }
        "[" { kind = TK_LSQB; goto tok; }
        "]" { kind = TK_RSQB; goto tok; }
        "{" { kind = TK_LBRACE; goto tok; }
        "}" { kind = TK_RBRACE; goto tok; }
        ":" { kind = TK_COLON; goto tok; }
        ":=" { kind = TK_COLONEQUAL; goto tok; }
        "," { kind = TK_COMMA; goto tok; }
        ";" { kind = TK_SEMI; goto tok; }
        "+" { kind = TK_PLUS; goto tok; }
        "+=" { kind = TK_PLUSEQUAL; goto tok; }
        "-" { kind = TK_MINUS; goto tok; }
        "-=" { kind = TK_MINEQUAL; goto tok; }
        "->" { kind = TK_RARROW; goto tok; }
        "*" { kind = TK_STAR; goto tok; }
        "*=" { kind = TK_STAREQUAL; goto tok; }
        "**" { kind = TK_DOUBLESTAR; goto tok; }
        "**=" { kind = TK_DOUBLESTAREQUAL; goto tok; }
        "/" { kind = TK_SLASH; goto tok; }
        "/=" { kind = TK_SLASHEQUAL; goto tok; }
        "//" { kind = TK_DOUBLESLASH; goto tok; }
        "//=" { kind = TK_DOUBLESLASHEQUAL; goto tok; }
        "|" { kind = TK_VBAR; goto tok; }
        "|=" { kind = TK_VBAREQUAL; goto tok; }
        "&" { kind = TK_AMPER; goto tok; }
        "&=" { kind = TK_AMPEREQUAL; goto tok; }
        "<" { kind = TK_LESS; goto tok; }
        "<=" { kind = TK_LESSEQUAL; goto tok; }
        "<<" { kind = TK_LEFTSHIFT; goto tok; }
        "<<=" { kind = TK_LEFTSHIFTEQUAL; goto tok; }
        ">" { kind = TK_GREATER; goto tok; }
        ">=" { kind = TK_GREATEREQUAL; goto tok; }
        ">>" { kind = TK_RIGHTSHIFT; goto tok; }
        ">>=" { kind = TK_RIGHTSHIFTEQUAL; goto tok; }
        "=" { kind = TK_EQUAL; goto tok; }
        "==" { kind = TK_EQEQUAL; goto tok; }
        "!=" { kind = TK_NOTEQUAL; goto tok; }
        "." { kind = TK_DOT; goto tok; }
        "..." { kind = TK_ELLIPSIS; goto tok; }
        "%" { kind = TK_PERCENT; goto tok; }
        "%=" { kind = TK_PERCENTEQUAL; goto tok; }
        "~" { kind = TK_TILDE; goto tok; }
        "^" { kind = TK_CIRCUMFLEX; goto tok; }
        "^=" { kind = TK_CIRCUMFLEXEQUAL; goto tok; }
        "@" { kind = TK_AT; goto tok; }
        "@=" { kind = TK_ATEQUAL; goto tok; }
        "!" {
            // Only an f-string conversion ("{x!r}") uses a lone '!'.
            if (lx->fragment) { kind = TK_EXCLAMATION; goto tok; }
            goto invalid;
        }
        "<>" { goto invalid; }   // CPython 3.11 lexes it (Barry as FLUFL), then rejects it

        $ {
            lx->cur = AT(cur);
            return LX_RAW_EOF;
        }
        * {
            unsigned c = tok[0];
            if (c < 0x20 || c == 0x7F) {
                int col = (int)(AT(tok) - lx->line_start);
                lx->cur = AT(cur);
                lx_fail(lx, false, DIAG_SYNTAX, lx->line, col, lx->line, col,
                        "invalid non-printable character U+%04X", c);
                return LX_RAW_ERROR;
            }
            goto invalid;   // '$', '?', '`': an operator no rule accepts
        }
        */
    }
tok:
    return make(lx, t, kind, tok, cur, lx->line, (int)(AT(tok) - lx->line_start));
invalid:
    {
        int col = (int)(AT(tok) - lx->line_start);
        make(lx, t, LX_RAW_ERROR, tok, cur, lx->line, col);
        lx_fail(lx, true, DIAG_SYNTAX, lx->line, col, lx->line, t->end_col, "invalid syntax");
        lx->resumable = true;
        return LX_RAW_ERROR;
    }
}
