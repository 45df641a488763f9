// Printing an uncaught exception the way CPython 3.11's default hook does:
//   Traceback (most recent call last):
//     File "PATH", line N, in NAME
//       <source line, indentation removed>
//       <carets under the failing expression, 3.11 rules>
//   Type: message
// with chained exceptions first (cause / context, each printed once), runs
// of identical entries folded into "[Previous line repeated N more times]"
// and at most 1000 entries. Source lines are read from the file at print
// time (CPython's linecache does the same); "<string>" and "<stdin>" have none.
//
// Carets: the instruction's (line, col, end line, end col) from the code's
// position table, converted from bytes to characters. A one-line span is
// re-parsed as a statement; a binary operation gets `~` under its operands
// and `^` under the operator, a subscript `~` under the value and `^` under
// the brackets. No caret line when the span covers the whole stripped line.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parser/parse.h"
#include "parser/report.h"
#include "runtime/bytes.h"
#include "runtime/dict.h"
#include "runtime/exc.h"
#include "runtime/gc.h"
#include "runtime/list.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "runtime/type.h"
#include "util/buf.h"
#include "util/utf8.h"
#include "vm/vm_int.h"

#define TB_LIMIT 1000
#define TB_CUTOFF 3

// The source of the file most recently read, to avoid rereading it per entry.
typedef struct LineCache {
    char *path;
    char *text;
    size_t len;
} LineCache;

static bool read_file(LineCache *lc, const char *path) {
    if (lc->path && strcmp(lc->path, path) == 0) return lc->text != NULL;
    free(lc->path);
    free(lc->text);
    lc->path = strdup(path);
    lc->text = NULL;
    lc->len = 0;
    if (path[0] == '<') return false;
    FILE *f = fopen(path, "rb");
    if (!f) return false;
    Buf b;
    buf_init(&b);
    char chunk[8192];
    size_t n;
    bool ok = true;
    while (ok && (n = fread(chunk, 1, sizeof chunk, f)) > 0) ok = buf_append(&b, chunk, n);
    fclose(f);
    if (!ok) {
        buf_free(&b);
        return false;
    }
    lc->text = buf_steal(&b, &lc->len);
    if (!lc->text) {
        lc->text = strdup("");
        lc->len = 0;
    }
    return lc->text != NULL;
}

// Line [lineno] (1-based) of the cached file without its line ending.
static const char *get_line(LineCache *lc, int lineno, size_t *len) {
    const char *p = lc->text, *end = lc->text + lc->len;
    // Skip a UTF-8 BOM.
    if (lc->len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0) p += 3;
    for (int i = 1; i < lineno && p < end; i++) {
        const char *nl = p;
        while (nl < end && *nl != '\n' && *nl != '\r') nl++;
        if (nl < end && *nl == '\r' && nl + 1 < end && nl[1] == '\n') nl++;
        p = nl < end ? nl + 1 : end;
    }
    if (p >= end) return NULL;
    const char *e = p;
    while (e < end && *e != '\n' && *e != '\r') e++;
    *len = (size_t)(e - p);
    return p;
}

// Characters in the first [bytes] bytes of [s] (CPython's
// byte_offset_to_character_offset); clamped to the line.
static long char_offset(const char *s, size_t len, long bytes) {
    if (bytes < 0) return -1;
    if ((size_t)bytes > len) bytes = (long)len;
    return (long)utf8_count(s, (size_t)bytes);
}

static bool is_ws(char c) { return c == ' ' || c == '\t' || c == '\f'; }

// The anchors of a one-line segment (character offsets relative to the
// segment), as CPython's extract_anchors_from_line; false when none.
static bool anchors(const char *seg, size_t seglen, long *left, long *right) {
    Source src;
    Diag d;
    diag_init(&d);
    if (!lx_source_from_string(&src, "<segment>", seg, seglen, &d)) {
        diag_clear(&d);
        return false;
    }
    ParseResult pr;
    bool found = false;
    if (ps_parse(&src, PARSE_FILE, 0, &pr)) {
        const AstNode *m = pr.root;
        if (m->u.module.body.len == 1 && m->u.module.body.items[0]->kind == AST_EXPR) {
            const AstNode *e = m->u.module.body.items[0]->u.expr.value;
            if (e->kind == AST_BIN_OP) {
                const AstNode *l = e->u.binop.left, *r = e->u.binop.right;
                for (int i = l->end_col; i < r->col; i++) {
                    if (is_ws(seg[i])) continue;
                    *left = i;
                    *right = i + 1;
                    if (i + 1 < r->col && !is_ws(seg[i + 1])) ++*right;
                    found = true;
                    break;
                }
            } else if (e->kind == AST_SUBSCRIPT) {
                *left = e->u.subscript.value->end_col;
                *right = e->u.subscript.slice->end_col + 1;
                found = true;
            }
        }
    } else {
        diag_clear(&pr.diag);
    }
    ps_result_free(&pr);
    lx_source_free(&src);
    if (found) {
        *left = char_offset(seg, seglen, *left);
        *right = char_offset(seg, seglen, *right);
    }
    return found;
}

static void print_carets(FILE *out, const char *line, size_t len, const CodeLoc *loc) {
    if (loc->col < 0 || loc->end_col < 0 || loc->line <= 0 || loc->end_line <= 0) return;
    size_t lead = 0;
    while (lead < len && is_ws(line[lead])) lead++;
    long stripped_len = (long)utf8_count(line + lead, len - lead);
    long lead_chars = (long)utf8_count(line, lead);
    long start = char_offset(line, len, loc->col);
    long end = char_offset(line, len, loc->end_col);
    long left = -1, right = -1;
    const char *primary = "^", *secondary = "^";
    if (loc->line == loc->end_line) {
        if (end > start) {
            // The segment in bytes for parsing.
            size_t bs = (size_t)loc->col, be = (size_t)loc->end_col;
            if (be > len) be = len;
            if (bs < be && anchors(line + bs, be - bs, &left, &right)) {
                left += start;
                right += start;
                primary = "~";
                secondary = "^";
            }
        }
    } else {
        long i = (long)len;
        while (--i >= 0)
            if (!is_ws(line[i])) break;
        end = char_offset(line, len, i + 1);
    }
    bool secondary_ranges = left != -1 || right != -1;
    if (end - start == stripped_len && !secondary_ranges) return;
    long offset = lead_chars - 4;
    while (++offset <= end) {
        const char *s;
        if (offset <= start) s = " ";
        else if (secondary_ranges && left < offset && offset <= right) s = secondary;
        else s = primary;
        fputs(s, out);
    }
    fputc('\n', out);
}

static void print_entry(FILE *out, LineCache *lc, ObjCode *co, uint32_t offset) {
    CodeLocCursor cur;
    const CodeLoc *loc = code_loc_at(co, offset, &cur);
    int lineno = loc ? loc->line : 0;
    fprintf(out, "  File \"%s\", line %d, in %s\n", AS_STR(co->filename)->data, lineno,
            AS_STR(co->name)->data);
    size_t len;
    const char *line;
    if (lineno <= 0 || !read_file(lc, AS_STR(co->filename)->data) || !(line = get_line(lc, lineno, &len)))
        return;
    size_t lead = 0;
    while (lead < len && is_ws(line[lead])) lead++;
    fputs("    ", out);
    fwrite(line + lead, 1, len - lead, out);
    fputc('\n', out);
    if (loc) print_carets(out, line, len, loc);
}

// Where traceback.format_exception() starts a new string: offsets into a
// memory stream, marked as the printer goes (NULL when printing to stderr).
typedef struct Chunks {
    size_t *at;
    size_t n, cap;
    bool failed;
} Chunks;

static void chunk_mark(Chunks *c, FILE *out) {
    if (!c) return;
    fflush(out);
    long pos = ftell(out);
    if (pos < 0) {
        c->failed = true;
        return;
    }
    if (c->n && c->at[c->n - 1] == (size_t)pos) return;
    if (c->n == c->cap) {
        size_t ncap = c->cap ? c->cap * 2 : 16;
        size_t *n = realloc(c->at, ncap * sizeof *n);
        if (!n) {
            c->failed = true;
            return;
        }
        c->at = n;
        c->cap = ncap;
    }
    c->at[c->n++] = (size_t)pos;
}

// Frames of the modules aiopy embeds (lib/, "<frozen NAME>") are not
// shown: they are the implementation, as C functions are, and the expected
// outputs drop CPython's library frames likewise (tests/mkgolden).
static bool library_frame(Value tb) {
    ObjCode *co = AS_CODE(AS_TRACEBACK(tb)->code);
    return strncmp(AS_STR(co->filename)->data, "<frozen ", 8) == 0;
}

static void print_tb(FILE *out, LineCache *lc, Value tb, Chunks *ch) {
    size_t depth = 0;
    for (Value t = tb; t; t = AS_TRACEBACK(t)->next) depth += !library_frame(t);
    while (tb && depth > TB_LIMIT) {
        depth -= !library_frame(tb);
        tb = AS_TRACEBACK(tb)->next;
    }
    Value last_file = VAL_NULL, last_name = VAL_NULL;
    int last_line = -1;
    long cnt = 0;
    for (; tb; tb = AS_TRACEBACK(tb)->next) {
        if (library_frame(tb)) continue;
        ObjTraceback *t = AS_TRACEBACK(tb);
        ObjCode *co = AS_CODE(t->code);
        int line = code_line_at(co, t->offset);
        if (!last_file || co->filename != last_file || line != last_line || co->name != last_name) {
            chunk_mark(ch, out);
            if (cnt > TB_CUTOFF)
                fprintf(out, "  [Previous line repeated %ld more time%s]\n", cnt - TB_CUTOFF,
                        cnt - TB_CUTOFF > 1 ? "s" : "");
            last_file = co->filename;
            last_line = line;
            last_name = co->name;
            cnt = 0;
        }
        cnt++;
        if (cnt <= TB_CUTOFF) {
            chunk_mark(ch, out);
            print_entry(out, lc, co, t->offset);
        }
    }
    chunk_mark(ch, out);
    if (cnt > TB_CUTOFF)
        fprintf(out, "  [Previous line repeated %ld more time%s]\n", cnt - TB_CUTOFF,
                cnt - TB_CUTOFF > 1 ? "s" : "");
}

static Value exc_attr(Vm *vm, Value exc, const char *name) {
    Value d = AS_EXC(exc)->dict, v;
    ObjStr *k = str_intern_cstr(vm, name);
    if (!k) {
        rt_exc_clear(vm);
        return VAL_NULL;
    }
    return d && IS_DICT(d) && dict_get_str(vm, AS_DICT(d), k, &v) == 1 ? v : VAL_NULL;
}

// A SyntaxError with a location prints like a compile-time error: through
// the parser's reporter, with the source line read from the file.
static bool print_syntax_error(Vm *vm, FILE *out, Value exc) {
    Value fn = exc_attr(vm, exc, "filename"), ln = exc_attr(vm, exc, "lineno");
    Value off = exc_attr(vm, exc, "offset"), eln = exc_attr(vm, exc, "end_lineno");
    Value eoff = exc_attr(vm, exc, "end_offset"), msg = exc_attr(vm, exc, "msg");
    if (!fn || !IS_STR(fn) || !ln || !IS_INT(ln) || !msg || !IS_STR(msg)) return false;
    ObjType *t = rt_type(exc);
    Diag d;
    diag_init(&d);
    DiagKind kind = type_is_subtype(t, &TabError_type) ? DIAG_TAB
                  : type_is_subtype(t, &IndentationError_type) ? DIAG_INDENTATION : DIAG_SYNTAX;
    int col = off && IS_INT(off) ? (int)AS_INT(off) - 1 : -1;
    int eline = eln && IS_INT(eln) ? (int)AS_INT(eln) : (int)AS_INT(ln);
    int ecol = eoff && IS_INT(eoff) ? (int)AS_INT(eoff) - 1 : -1;
    diag_set(&d, kind, (int)AS_INT(ln), col, eline, ecol, "%s", AS_STR(msg)->data);
    Source src;
    Diag ld;
    diag_init(&ld);
    bool have = lx_source_load_file(&src, AS_STR(fn)->data, &ld);
    // No such file ("<string>" of eval() and exec()): the line the error
    // carries, at its line number.
    Value text = exc_attr(vm, exc, "text");
    if (!have && text && IS_STR(text) && AS_INT(ln) >= 1 && AS_INT(ln) <= 100000) {
        Buf b;
        buf_init(&b);
        for (int64_t i = 1; i < AS_INT(ln); i++) buf_putc(&b, '\n');
        buf_append(&b, AS_STR(text)->data, AS_STR(text)->len);
        diag_clear(&ld);
        have = b.data && lx_source_from_string(&src, AS_STR(fn)->data, b.data, b.len, &ld);
        buf_free(&b);
    }
    diag_clear(&ld);
    ps_report_from(out, AS_STR(fn)->data, have ? &src : NULL, &d, REPORT_FILE);
    if (have) lx_source_free(&src);
    diag_clear(&d);
    return true;
}

// [hook]: as the default excepthook prints it, with the "Did you mean"
// suggestion (3.11's traceback module has none).
static void print_last_line(Vm *vm, FILE *out, Value exc, bool hook) {
    if (IS_INSTANCE(exc, SyntaxError_type) && print_syntax_error(vm, out, exc)) return;
    ObjType *t = rt_type(exc);
    Value mod = VAL_NULL, qn = VAL_NULL;
    const char *module = t->module;
    if (TYPE_IS_HEAP(t)) {
        module = NULL;
        if (dict_get_str(vm, AS_DICT(t->dict), NAME(vm, module), &mod) == 1 && IS_STR(mod))
            module = AS_STR(mod)->data;
        qn = t->qualname;
    }
    const char *name = qn && IS_STR(qn) ? AS_STR(qn)->data : t->name;
    if (module && strcmp(module, "builtins") != 0 && strcmp(module, "__main__") != 0)
        fprintf(out, "%s.%s", module, name);
    else
        fputs(name, out);
    Value s;
    if (!rt_str(vm, exc, &s)) {
        rt_exc_clear(vm);
        fputs(": <exception str() failed>\n", out);
        return;
    }
    if (AS_STR(s)->len) {
        fputs(": ", out);
        fwrite(AS_STR(s)->data, 1, AS_STR(s)->len, out);
    }
    Value sugg;
    Value d = AS_EXC(exc)->dict;
    ObjStr *key = str_intern_cstr(vm, "__aiopy_suggestion__");
    if (hook && key && d && IS_DICT(d) && dict_get_str(vm, AS_DICT(d), key, &sugg) == 1 && IS_STR(sugg))
        fprintf(out, ". Did you mean: '%s'?", AS_STR(sugg)->data);
    fputc('\n', out);
}

typedef struct Seen {
    Value *items;
    size_t n, cap;
} Seen;

static bool seen_has(Seen *s, Value v) {
    for (size_t i = 0; i < s->n; i++)
        if (s->items[i] == v) return true;
    return false;
}

static void seen_add(Seen *s, Value v) {
    if (s->n == s->cap) {
        size_t ncap = s->cap ? s->cap * 2 : 8;
        Value *n = realloc(s->items, ncap * sizeof *n);
        if (!n) return;
        s->items = n;
        s->cap = ncap;
    }
    s->items[s->n++] = v;
}

static void print_one(Vm *vm, FILE *out, LineCache *lc, Value exc, Value tb, bool hook, Chunks *ch) {
    chunk_mark(ch, out);
    if (tb && IS_TYPE_EXACT(tb, traceback_type)) {
        fputs("Traceback (most recent call last):\n", out);
        print_tb(out, lc, tb, ch);
    }
    chunk_mark(ch, out);
    print_last_line(vm, out, exc, hook);
}

// [exc] with its chain (when [chain]), the top one with traceback [tb].
// Iterative over the chain (the chain may be long): collect, then print
// from the oldest.
static void print_exception(Vm *vm, FILE *out, Value exc, Value tb, bool chain, bool hook, Chunks *ch) {
    LineCache lc = {0};
    Seen seen = {0};
    Seen items = {0};     // exceptions in printing order reversed
    Seen how = {0};       // 1 cause, 2 context: how items[i] leads to items[i-1]
    Value e = exc;
    seen_add(&seen, e);
    seen_add(&items, e);
    seen_add(&how, INT_VAL(0));
    while (chain) {
        ObjException *x = AS_EXC(e);
        Value next = VAL_NULL;
        int kind = 0;
        if (x->cause && IS_EXC(x->cause) && !seen_has(&seen, x->cause)) {
            next = x->cause;
            kind = 1;
        } else if (x->context && IS_EXC(x->context) && !x->suppress_context &&
                   !seen_has(&seen, x->context)) {
            next = x->context;
            kind = 2;
        }
        if (!next) break;
        seen_add(&seen, next);
        seen_add(&items, next);
        seen_add(&how, INT_VAL(kind));
        e = next;
    }
    for (size_t i = items.n; i-- > 0;) {
        Value x = items.items[i];
        print_one(vm, out, &lc, x, i == 0 ? tb : AS_EXC(x)->traceback, hook, ch);
        if (i > 0) {
            int kind = (int)AS_INT(how.items[i]);
            chunk_mark(ch, out);
            fputs(kind == 1 ? "\nThe above exception was the direct cause of the following exception:\n\n"
                            : "\nDuring handling of the above exception, another exception occurred:\n\n",
                  out);
        }
    }
    free(seen.items);
    free(items.items);
    free(how.items);
    free(lc.path);
    free(lc.text);
}

void vm_print_exception(Vm *vm, Value exc) {
    FILE *out = stderr;
    fflush(stdout);
    if (!IS_EXC(exc)) {
        fputs("TypeError: print_exception(): Exception expected for value\n", out);
        return;
    }
    print_exception(vm, out, exc, AS_EXC(exc)->traceback, true, true, NULL);
    fflush(out);
}

// The printed text cut at the marks, as a list of str. Text that is not
// UTF-8 (a source file changed since it ran) is decoded with replacement.
static bool chunks_to_list(Vm *vm, const char *text, size_t len, Chunks *ch, Value *out) {
    ObjList *l = list_new(vm, 0);
    if (!l) return false;
    gc_push_root(vm, OBJ_VAL(l));
    bool ok = true;
    for (size_t i = 0; ok && i < ch->n; i++) {
        size_t from = ch->at[i], to = i + 1 < ch->n ? ch->at[i + 1] : len;
        if (from >= to) continue;
        Value s;
        if (utf8_validate((const unsigned char *)text + from, to - from) == to - from) {
            ObjStr *str = str_new(vm, text + from, to - from);
            ok = str != NULL;
            s = ok ? OBJ_VAL(str) : VAL_NULL;
        } else {
            ok = bytes_decode_utf8(vm, text + from, to - from, "replace", VAL_NULL, &s);
        }
        if (ok) ok = list_append(vm, l, s);
    }
    gc_pop_root(vm);
    *out = OBJ_VAL(l);
    return ok;
}

typedef enum { FORMAT_EXCEPTION, FORMAT_TB } FormatWhat;

static bool format_to_list(Vm *vm, FormatWhat what, Value exc, Value tb, bool chain, Value *out) {
    char *text = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&text, &len);
    if (!mem) return rt_raise_nomem(vm);
    Chunks ch = {0};
    if (what == FORMAT_TB) {
        LineCache lc = {0};
        print_tb(mem, &lc, tb, &ch);
        free(lc.path);
        free(lc.text);
    } else {
        print_exception(vm, mem, exc, tb, chain, false, &ch);
    }
    chunk_mark(&ch, mem);
    bool ok = fclose(mem) == 0 && !ch.failed && !vm->exc;
    if (ok) ok = chunks_to_list(vm, text, len, &ch, out);
    else if (!vm->exc) rt_raise_nomem(vm);
    free(text);
    free(ch.at);
    return ok;
}

bool vm_format_exception(Vm *vm, Value exc, Value tb, bool chain, Value *out) {
    if (!IS_EXC(exc)) return rt_raise(vm, &TypeError_type, "format_exception(): Exception expected for value");
    return format_to_list(vm, FORMAT_EXCEPTION, exc, tb, chain, out);
}

bool vm_format_tb(Vm *vm, Value tb, Value *out) {
    if (tb && !IS_NONE(tb) && !IS_TYPE_EXACT(tb, traceback_type))
        return rt_raise(vm, &TypeError_type, "format_tb(): a traceback or None expected");
    return format_to_list(vm, FORMAT_TB, VAL_NULL, IS_NONE(tb) ? VAL_NULL : tb, false, out);
}
