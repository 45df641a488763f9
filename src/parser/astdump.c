// The --ast printer: reproduces CPython 3.11's ast.dump(tree, indent=2),
// optionally with include_attributes=True.
// ast.dump's layout rule, applied per node: the fields (and attributes)
// go on one line, comma-separated, when there are at most three and each
// is "simple" (a repr, an empty list, or a node printed with no fields
// like Load()); otherwise each goes on its own line indented two spaces
// per level. Optional fields that are None are left out. The walk recurses
// over the tree, whose height the parser caps (PS_MAX_DEPTH), and output is
// flushed in chunks, so a large tree is not held in memory twice.
#include "parser/astdump.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "lexer/uniprops.h"
#include "util/utf8.h"

// --- reprs ---------------------------------------------------------------------

bool ps_repr_str(Buf *b, const char *s, size_t n) {
    bool squote = memchr(s, '\'', n) != NULL, dquote = memchr(s, '"', n) != NULL;
    char q = squote && !dquote ? '"' : '\'';
    bool ok = buf_putc(b, q);
    const unsigned char *p = (const unsigned char *)s, *e = p + n;
    while (ok && p < e) {
        uint32_t c = *p;
        size_t k = 1;
        if (c >= 0x80) {
            k = utf8_decode(p, (size_t)(e - p), &c, true);
            if (k == 0) k = 1, c = *p;
        }
        if (c == (uint32_t)q || c == '\\') ok = buf_putc(b, '\\') && buf_putc(b, (char)c);
        else if (c == '\t') ok = buf_puts(b, "\\t");
        else if (c == '\n') ok = buf_puts(b, "\\n");
        else if (c == '\r') ok = buf_puts(b, "\\r");
        else if (c < 0x20 || c == 0x7F) ok = buf_printf(b, "\\x%02x", (unsigned)c);
        else if (c < 0x80 || lx_uni_is_printable(c)) ok = buf_append(b, p, k);
        else if (c <= 0xFF) ok = buf_printf(b, "\\x%02x", (unsigned)c);
        else if (c <= 0xFFFF) ok = buf_printf(b, "\\u%04x", (unsigned)c);
        else ok = buf_printf(b, "\\U%08x", (unsigned)c);
        p += k;
    }
    return ok && buf_putc(b, q);
}

bool ps_repr_bytes(Buf *b, const char *s, size_t n) {
    bool squote = memchr(s, '\'', n) != NULL, dquote = memchr(s, '"', n) != NULL;
    char q = squote && !dquote ? '"' : '\'';
    bool ok = buf_putc(b, 'b') && buf_putc(b, q);
    for (size_t i = 0; ok && i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == (unsigned char)q || c == '\\') ok = buf_putc(b, '\\') && buf_putc(b, (char)c);
        else if (c == '\t') ok = buf_puts(b, "\\t");
        else if (c == '\n') ok = buf_puts(b, "\\n");
        else if (c == '\r') ok = buf_puts(b, "\\r");
        else if (c < 0x20 || c >= 0x7F) ok = buf_printf(b, "\\x%02x", c);
        else ok = buf_putc(b, (char)c);
    }
    return ok && buf_putc(b, q);
}

// repr(float): the shortest digits that read back as [v] (the smallest
// %.*e precision that round-trips), laid out as Python does: positional
// when the decimal exponent is in [-4, 16), else d.ddde+XX.
bool ps_repr_float(Buf *b, double v) {
    if (isnan(v)) return buf_puts(b, "nan");
    if (isinf(v)) return buf_puts(b, v < 0 ? "-inf" : "inf");
    char tmp[40];
    for (int prec = 1; prec <= 17; prec++) {
        snprintf(tmp, sizeof tmp, "%.*e", prec - 1, v);
        if (strtod(tmp, NULL) == v) break;
    }
    // tmp = [-]d[.ddd]e[+-]XX
    const char *p = tmp;
    bool neg = *p == '-';
    if (neg) p++;
    char digits[24];
    int nd = 0;
    for (; *p && *p != 'e'; p++)
        if (*p != '.') digits[nd++] = *p;
    int exp = atoi(p + 1);
    while (nd > 1 && digits[nd - 1] == '0') nd--;
    digits[nd] = '\0';
    int decpt = exp + 1;   // value = 0.digits * 10^decpt
    bool ok = !neg || buf_putc(b, '-');
    if (decpt > -4 && decpt <= 16) {
        if (decpt <= 0) {
            ok = ok && buf_puts(b, "0.");
            for (int i = 0; i < -decpt; i++) ok = ok && buf_putc(b, '0');
            ok = ok && buf_append(b, digits, (size_t)nd);
        } else if (decpt >= nd) {
            ok = ok && buf_append(b, digits, (size_t)nd);
            for (int i = nd; i < decpt; i++) ok = ok && buf_putc(b, '0');
            ok = ok && buf_puts(b, ".0");
        } else {
            ok = ok && buf_append(b, digits, (size_t)decpt) && buf_putc(b, '.') &&
                 buf_append(b, digits + decpt, (size_t)(nd - decpt));
        }
    } else {
        ok = ok && buf_putc(b, digits[0]);
        if (nd > 1) ok = ok && buf_putc(b, '.') && buf_append(b, digits + 1, (size_t)(nd - 1));
        ok = ok && buf_printf(b, "e%c%02d", exp < 0 ? '-' : '+', exp < 0 ? -exp : exp);
    }
    return ok;
}

static int digit_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return 0;
}

// Base conversion into limbs of 10^9, least significant first: O(n^2) in
// the number of digits, which is fine for literals.
bool ps_repr_bigint(Buf *b, const char *digits, size_t n, int base) {
    if (base == 10) {
        while (n > 1 && *digits == '0') digits++, n--;
        return buf_append(b, digits, n);
    }
    size_t cap = n / 9 + 2;
    uint32_t *limbs = calloc(cap, sizeof *limbs);
    if (!limbs) return false;
    size_t len = 1;
    for (size_t i = 0; i < n; i++) {
        uint64_t carry = (uint64_t)digit_value(digits[i]);
        for (size_t k = 0; k < len; k++) {
            uint64_t x = (uint64_t)limbs[k] * (uint64_t)base + carry;
            limbs[k] = (uint32_t)(x % 1000000000u);
            carry = x / 1000000000u;
        }
        if (carry) limbs[len++] = (uint32_t)carry;
    }
    bool ok = buf_printf(b, "%u", limbs[len - 1]);
    for (size_t k = len - 1; ok && k-- > 0;) ok = buf_printf(b, "%09u", limbs[k]);
    free(limbs);
    return ok;
}

// --- fields --------------------------------------------------------------------

typedef enum FieldType {
    F_NODE,       // a node (None if NULL)
    F_OPT,        // an optional node: left out when NULL
    F_SEQ,        // a list of nodes (NULL items print None)
    F_EMPTY,      // an always-empty list (type_ignores)
    F_IDENT,      // an identifier
    F_OPT_IDENT,  // an optional identifier
    F_NAMES,      // Global/Nonlocal names: a list of identifiers
    F_INT,
    F_CONST,      // Constant.value
    F_ENUM,       // an operator or context: printed as Name()
    F_CMPOPS,     // Compare.ops
} FieldType;

typedef struct Field {
    const char *name;
    FieldType type;
    const AstNode *node;
    const AstSeq *seq;
    const AstIdent *ident;
    long ival;
    const char *enum_name;
} Field;

static const char *const operator_names[] = {"Add", "Sub", "Mult", "MatMult", "Div", "Mod", "Pow",
                                             "LShift", "RShift", "BitOr", "BitXor", "BitAnd",
                                             "FloorDiv"};
static const char *const unary_names[] = {"Invert", "Not", "UAdd", "USub"};
static const char *const cmp_names[] = {"Eq", "NotEq", "Lt", "LtE", "Gt", "GtE", "Is", "IsNot",
                                        "In", "NotIn"};
static const char *const ctx_names[] = {"Load", "Store", "Del"};

typedef struct Fields {
    Field f[8];
    int n;
} Fields;

static void add(Fields *fs, const char *name, FieldType type) {
    Field *f = &fs->f[fs->n++];
    memset(f, 0, sizeof *f);
    f->name = name;
    f->type = type;
}
static void add_node(Fields *fs, const char *name, const AstNode *n, bool optional) {
    add(fs, name, optional ? F_OPT : F_NODE);
    fs->f[fs->n - 1].node = n;
}
static void add_seq(Fields *fs, const char *name, const AstSeq *s) {
    add(fs, name, F_SEQ);
    fs->f[fs->n - 1].seq = s;
}
static void add_ident(Fields *fs, const char *name, const AstIdent *id, bool optional) {
    add(fs, name, optional ? F_OPT_IDENT : F_IDENT);
    fs->f[fs->n - 1].ident = id;
}
static void add_int(Fields *fs, const char *name, long v) {
    add(fs, name, F_INT);
    fs->f[fs->n - 1].ival = v;
}
static void add_enum(Fields *fs, const char *name, const char *value) {
    add(fs, name, F_ENUM);
    fs->f[fs->n - 1].enum_name = value;
}

static void fields_of(const AstNode *n, Fields *fs) {
    fs->n = 0;
    const AstSeq *none = NULL;
    (void)none;
    switch (n->kind) {
    case AST_MODULE:
        add_seq(fs, "body", &n->u.module.body);
        add(fs, "type_ignores", F_EMPTY);
        break;
    case AST_INTERACTIVE: add_seq(fs, "body", &n->u.module.body); break;
    case AST_EXPRESSION: add_node(fs, "body", n->u.expression.body, false); break;
    case AST_FUNCTION_DEF:
    case AST_ASYNC_FUNCTION_DEF:
        add_ident(fs, "name", &n->u.funcdef.name, false);
        add_node(fs, "args", n->u.funcdef.args, false);
        add_seq(fs, "body", &n->u.funcdef.body);
        add_seq(fs, "decorator_list", &n->u.funcdef.decorators);
        add_node(fs, "returns", n->u.funcdef.returns, true);
        break;
    case AST_CLASS_DEF:
        add_ident(fs, "name", &n->u.classdef.name, false);
        add_seq(fs, "bases", &n->u.classdef.bases);
        add_seq(fs, "keywords", &n->u.classdef.keywords);
        add_seq(fs, "body", &n->u.classdef.body);
        add_seq(fs, "decorator_list", &n->u.classdef.decorators);
        break;
    case AST_RETURN: add_node(fs, "value", n->u.ret.value, true); break;
    case AST_DELETE: add_seq(fs, "targets", &n->u.del.targets); break;
    case AST_ASSIGN:
        add_seq(fs, "targets", &n->u.assign.targets);
        add_node(fs, "value", n->u.assign.value, false);
        break;
    case AST_AUG_ASSIGN:
        add_node(fs, "target", n->u.augassign.target, false);
        add_enum(fs, "op", operator_names[n->u.augassign.op]);
        add_node(fs, "value", n->u.augassign.value, false);
        break;
    case AST_ANN_ASSIGN:
        add_node(fs, "target", n->u.annassign.target, false);
        add_node(fs, "annotation", n->u.annassign.annotation, false);
        add_node(fs, "value", n->u.annassign.value, true);
        add_int(fs, "simple", n->u.annassign.simple);
        break;
    case AST_FOR:
    case AST_ASYNC_FOR:
        add_node(fs, "target", n->u.for_.target, false);
        add_node(fs, "iter", n->u.for_.iter, false);
        add_seq(fs, "body", &n->u.for_.body);
        add_seq(fs, "orelse", &n->u.for_.orelse);
        break;
    case AST_WHILE:
    case AST_IF:
        add_node(fs, "test", n->u.while_.test, false);
        add_seq(fs, "body", &n->u.while_.body);
        add_seq(fs, "orelse", &n->u.while_.orelse);
        break;
    case AST_WITH:
    case AST_ASYNC_WITH:
        add_seq(fs, "items", &n->u.with.items);
        add_seq(fs, "body", &n->u.with.body);
        break;
    case AST_RAISE:
        add_node(fs, "exc", n->u.raise.exc, true);
        add_node(fs, "cause", n->u.raise.cause, true);
        break;
    case AST_TRY:
    case AST_TRY_STAR:
        add_seq(fs, "body", &n->u.try_.body);
        add_seq(fs, "handlers", &n->u.try_.handlers);
        add_seq(fs, "orelse", &n->u.try_.orelse);
        add_seq(fs, "finalbody", &n->u.try_.finalbody);
        break;
    case AST_ASSERT:
        add_node(fs, "test", n->u.assert_.test, false);
        add_node(fs, "msg", n->u.assert_.msg, true);
        break;
    case AST_IMPORT: add_seq(fs, "names", &n->u.import.names); break;
    case AST_IMPORT_FROM:
        add_ident(fs, "module", &n->u.importfrom.module, true);
        add_seq(fs, "names", &n->u.importfrom.names);
        add_int(fs, "level", n->u.importfrom.level);
        break;
    case AST_GLOBAL:
    case AST_NONLOCAL:
        add(fs, "names", F_NAMES);
        fs->f[fs->n - 1].seq = &n->u.global.names;
        break;
    case AST_EXPR: add_node(fs, "value", n->u.expr.value, false); break;
    case AST_PASS:
    case AST_BREAK:
    case AST_CONTINUE: break;
    case AST_BOOL_OP:
        add_enum(fs, "op", n->u.boolop.op == BOOL_AND ? "And" : "Or");
        add_seq(fs, "values", &n->u.boolop.values);
        break;
    case AST_NAMED_EXPR:
        add_node(fs, "target", n->u.namedexpr.target, false);
        add_node(fs, "value", n->u.namedexpr.value, false);
        break;
    case AST_BIN_OP:
        add_node(fs, "left", n->u.binop.left, false);
        add_enum(fs, "op", operator_names[n->u.binop.op]);
        add_node(fs, "right", n->u.binop.right, false);
        break;
    case AST_UNARY_OP:
        add_enum(fs, "op", unary_names[n->u.unaryop.op]);
        add_node(fs, "operand", n->u.unaryop.operand, false);
        break;
    case AST_LAMBDA:
        add_node(fs, "args", n->u.lambda.args, false);
        add_node(fs, "body", n->u.lambda.body, false);
        break;
    case AST_IF_EXP:
        add_node(fs, "test", n->u.ifexp.test, false);
        add_node(fs, "body", n->u.ifexp.body, false);
        add_node(fs, "orelse", n->u.ifexp.orelse, false);
        break;
    case AST_DICT:
        add_seq(fs, "keys", &n->u.dict.keys);
        add_seq(fs, "values", &n->u.dict.values);
        break;
    case AST_SET: add_seq(fs, "elts", &n->u.seq.elts); break;
    case AST_LIST_COMP:
    case AST_SET_COMP:
    case AST_GENERATOR_EXP:
        add_node(fs, "elt", n->u.comp.elt, false);
        add_seq(fs, "generators", &n->u.comp.generators);
        break;
    case AST_DICT_COMP:
        add_node(fs, "key", n->u.comp.elt, false);
        add_node(fs, "value", n->u.comp.value, false);
        add_seq(fs, "generators", &n->u.comp.generators);
        break;
    case AST_AWAIT:
    case AST_YIELD_FROM: add_node(fs, "value", n->u.await_.value, false); break;
    case AST_YIELD: add_node(fs, "value", n->u.await_.value, true); break;
    case AST_COMPARE:
        add_node(fs, "left", n->u.compare.left, false);
        add(fs, "ops", F_CMPOPS);
        fs->f[fs->n - 1].node = n;
        add_seq(fs, "comparators", &n->u.compare.comparators);
        break;
    case AST_CALL:
        add_node(fs, "func", n->u.call.func, false);
        add_seq(fs, "args", &n->u.call.args);
        add_seq(fs, "keywords", &n->u.call.keywords);
        break;
    case AST_FORMATTED_VALUE:
        add_node(fs, "value", n->u.formatted.value, false);
        add_int(fs, "conversion", n->u.formatted.conversion);
        add_node(fs, "format_spec", n->u.formatted.format_spec, true);
        break;
    case AST_JOINED_STR: add_seq(fs, "values", &n->u.joined.values); break;
    case AST_CONSTANT:
        add(fs, "value", F_CONST);
        fs->f[fs->n - 1].node = n;
        if (n->u.constant.u_prefix && n->u.constant.kind == CONST_STR) {
            static const AstIdent u = {"u", 1, 0};
            add_ident(fs, "kind", &u, false);
        }
        break;
    case AST_ATTRIBUTE:
        add_node(fs, "value", n->u.attribute.value, false);
        add_ident(fs, "attr", &n->u.attribute.attr, false);
        add_enum(fs, "ctx", ctx_names[n->u.attribute.ctx]);
        break;
    case AST_SUBSCRIPT:
        add_node(fs, "value", n->u.subscript.value, false);
        add_node(fs, "slice", n->u.subscript.slice, false);
        add_enum(fs, "ctx", ctx_names[n->u.subscript.ctx]);
        break;
    case AST_STARRED:
        add_node(fs, "value", n->u.starred.value, false);
        add_enum(fs, "ctx", ctx_names[n->u.starred.ctx]);
        break;
    case AST_NAME:
        add_ident(fs, "id", &n->u.name.id, false);
        add_enum(fs, "ctx", ctx_names[n->u.name.ctx]);
        break;
    case AST_LIST:
    case AST_TUPLE:
        add_seq(fs, "elts", &n->u.seq.elts);
        add_enum(fs, "ctx", ctx_names[n->u.seq.ctx]);
        break;
    case AST_SLICE:
        add_node(fs, "lower", n->u.slice.lower, true);
        add_node(fs, "upper", n->u.slice.upper, true);
        add_node(fs, "step", n->u.slice.step, true);
        break;
    case AST_COMPREHENSION:
        add_node(fs, "target", n->u.comprehension.target, false);
        add_node(fs, "iter", n->u.comprehension.iter, false);
        add_seq(fs, "ifs", &n->u.comprehension.ifs);
        add_int(fs, "is_async", n->u.comprehension.is_async);
        break;
    case AST_EXCEPT_HANDLER:
        add_node(fs, "type", n->u.handler.type, true);
        add_ident(fs, "name", &n->u.handler.name, true);
        add_seq(fs, "body", &n->u.handler.body);
        break;
    case AST_ARGUMENTS:
        add_seq(fs, "posonlyargs", &n->u.arguments.posonlyargs);
        add_seq(fs, "args", &n->u.arguments.args);
        add_node(fs, "vararg", n->u.arguments.vararg, true);
        add_seq(fs, "kwonlyargs", &n->u.arguments.kwonlyargs);
        add_seq(fs, "kw_defaults", &n->u.arguments.kw_defaults);
        add_node(fs, "kwarg", n->u.arguments.kwarg, true);
        add_seq(fs, "defaults", &n->u.arguments.defaults);
        break;
    case AST_ARG:
        add_ident(fs, "arg", &n->u.arg.arg, false);
        add_node(fs, "annotation", n->u.arg.annotation, true);
        break;
    case AST_KEYWORD:
        add_ident(fs, "arg", &n->u.keyword.arg, true);
        add_node(fs, "value", n->u.keyword.value, false);
        break;
    case AST_ALIAS:
        add_ident(fs, "name", &n->u.alias.name, false);
        add_ident(fs, "asname", &n->u.alias.asname, true);
        break;
    case AST_WITHITEM:
        add_node(fs, "context_expr", n->u.withitem.context_expr, false);
        add_node(fs, "optional_vars", n->u.withitem.optional_vars, true);
        break;
    case AST_KIND_COUNT: break;
    }
    // optional fields that are None are left out
    int k = 0;
    for (int i = 0; i < fs->n; i++) {
        const Field *f = &fs->f[i];
        if (f->type == F_OPT && !f->node) continue;
        if (f->type == F_OPT_IDENT && !f->ident->s) continue;
        fs->f[k++] = *f;
    }
    fs->n = k;
}

static bool has_attributes(AstKind k) {
    return k != AST_MODULE && k != AST_INTERACTIVE && k != AST_EXPRESSION &&
           k != AST_COMPREHENSION && k != AST_ARGUMENTS && k != AST_WITHITEM;
}

// --- output --------------------------------------------------------------------

typedef struct Out {
    Buf *b;
    FILE *f;          // when set, [b] is flushed to it in chunks
    bool attrs;
    bool ok;
} Out;

static void flush(Out *o) {
    if (o->f && o->b->len) {
        if (fwrite(o->b->data, 1, o->b->len, o->f) != o->b->len) o->ok = false;
        buf_clear(o->b);
    }
}

static void put(Out *o, const char *s) {
    if (o->ok && !buf_puts(o->b, s)) o->ok = false;
    if (o->f && o->b->len > 65536) flush(o);
}

static void indent(Out *o, int level) {
    put(o, "\n");
    for (int i = 0; i < level; i++) put(o, "  ");
}

// A node is "simple" (for the one-line rule) when it prints no field.
static bool node_is_simple(const Out *o, const AstNode *n) {
    if (!n) return true;
    if (o->attrs && has_attributes(n->kind)) return false;
    Fields fs;
    fields_of(n, &fs);
    return fs.n == 0;
}

static bool field_is_simple(const Out *o, const Field *f) {
    switch (f->type) {
    case F_NODE:
    case F_OPT: return node_is_simple(o, f->node);
    case F_SEQ:
    case F_NAMES: return f->seq->len == 0;
    case F_EMPTY: return true;
    case F_CMPOPS: return false;
    default: return true;
    }
}

static void dump_node(Out *o, const AstNode *n, int level);

static void dump_const(Out *o, const AstNode *n) {
    const AstConst *k = &n->u.constant;
    switch (k->kind) {
    case CONST_NONE: put(o, "None"); return;
    case CONST_TRUE: put(o, "True"); return;
    case CONST_FALSE: put(o, "False"); return;
    case CONST_ELLIPSIS: put(o, "Ellipsis"); return;
    case CONST_INT:
        if (k->is_small) {
            if (o->ok && !buf_printf(o->b, "%lld", (long long)k->ival)) o->ok = false;
        } else if (o->ok && !ps_repr_bigint(o->b, k->s, k->len, k->base)) {
            o->ok = false;
        }
        return;
    case CONST_FLOAT:
        if (o->ok && !ps_repr_float(o->b, k->fval)) o->ok = false;
        return;
    case CONST_STR:
        if (o->ok && !ps_repr_str(o->b, k->s, k->len)) o->ok = false;
        return;
    case CONST_BYTES:
        if (o->ok && !ps_repr_bytes(o->b, k->s, k->len)) o->ok = false;
        return;
    }
}

// A list at [level] (already incremented for the list itself).
static void dump_list_open(Out *o, int level, bool empty) {
    put(o, empty ? "[]" : "[");
    if (!empty) indent(o, level);
}

static void dump_value(Out *o, const Field *f, int level) {
    switch (f->type) {
    case F_NODE:
    case F_OPT:
        if (f->node) dump_node(o, f->node, level);
        else put(o, "None");
        return;
    case F_EMPTY: put(o, "[]"); return;
    case F_SEQ: {
        int l = level + 1;
        dump_list_open(o, l, f->seq->len == 0);
        for (uint32_t i = 0; i < f->seq->len; i++) {
            if (i) {
                put(o, ",");
                indent(o, l);
            }
            const AstNode *x = f->seq->items[i];
            if (x) dump_node(o, x, l);
            else put(o, "None");
        }
        if (f->seq->len) put(o, "]");
        return;
    }
    case F_NAMES: {
        int l = level + 1;
        dump_list_open(o, l, f->seq->len == 0);
        for (uint32_t i = 0; i < f->seq->len; i++) {
            if (i) {
                put(o, ",");
                indent(o, l);
            }
            const AstIdent *id = &f->seq->items[i]->u.name.id;
            if (o->ok && !ps_repr_str(o->b, id->s, id->len)) o->ok = false;
        }
        if (f->seq->len) put(o, "]");
        return;
    }
    case F_CMPOPS: {
        const AstNode *n = f->node;
        int l = level + 1;
        dump_list_open(o, l, false);
        for (uint32_t i = 0; i < n->u.compare.comparators.len; i++) {
            if (i) {
                put(o, ",");
                indent(o, l);
            }
            put(o, cmp_names[n->u.compare.ops[i]]);
            put(o, "()");
        }
        put(o, "]");
        return;
    }
    case F_IDENT:
    case F_OPT_IDENT:
        if (o->ok && !ps_repr_str(o->b, f->ident->s, f->ident->len)) o->ok = false;
        return;
    case F_INT:
        if (o->ok && !buf_printf(o->b, "%ld", f->ival)) o->ok = false;
        return;
    case F_CONST: dump_const(o, f->node); return;
    case F_ENUM:
        put(o, f->enum_name);
        put(o, "()");
        return;
    }
}

// [level] is the caller's: the node's own fields sit one level deeper.
static void dump_node(Out *o, const AstNode *n, int level) {
    int l = level + 1;
    Fields fs;
    fields_of(n, &fs);
    bool attrs = o->attrs && has_attributes(n->kind);
    int nargs = fs.n + (attrs ? 4 : 0);
    bool simple = !attrs;   // attribute values are ints, but count toward the limit
    simple = true;
    for (int i = 0; i < fs.n; i++)
        if (!field_is_simple(o, &fs.f[i])) simple = false;
    bool one_line = simple && nargs <= 3;
    put(o, ast_kind_name(n->kind));
    put(o, "(");
    for (int i = 0; i < fs.n; i++) {
        if (i) put(o, ",");
        if (one_line) {
            if (i) put(o, " ");
        } else {
            indent(o, l);
        }
        put(o, fs.f[i].name);
        put(o, "=");
        dump_value(o, &fs.f[i], l);
    }
    if (attrs) {
        static const char *const names[] = {"lineno", "col_offset", "end_lineno",
                                            "end_col_offset"};
        const int vals[] = {n->line, n->col, n->end_line, n->end_col};
        for (int i = 0; i < 4; i++) {
            if (fs.n || i) put(o, ",");
            if (one_line) {
                if (fs.n || i) put(o, " ");
            } else {
                indent(o, l);
            }
            if (o->ok && !buf_printf(o->b, "%s=%d", names[i], vals[i])) o->ok = false;
        }
    }
    put(o, ")");
}

bool ps_dump_ast_buf(Buf *b, const AstNode *root, bool include_attributes) {
    Out o = {b, NULL, include_attributes, true};
    dump_node(&o, root, 0);
    return o.ok;
}

bool ps_dump_ast(FILE *out, const AstNode *root, bool include_attributes) {
    Buf b;
    buf_init(&b);
    Out o = {&b, out, include_attributes, true};
    dump_node(&o, root, 0);
    put(&o, "\n");
    flush(&o);
    buf_free(&b);
    return o.ok && fflush(out) == 0;
}
