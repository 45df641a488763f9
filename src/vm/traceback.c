// Printing an uncaught exception the way CPython 3.11's default hook does:
//   Traceback (most recent call last):
//     File "PATH", line N, in NAME
//       <source line, indentation removed>
//       <carets under the failing expression, 3.11 rules>
//   Type: message
//   <the __notes__, one per line>
// with chained exceptions first (cause / context, each printed once), runs
// of identical entries folded into "[Previous line repeated N more times]"
// and at most 1000 entries. Source lines are read from the file at print
// time (CPython's linecache does the same); "<string>" and "<stdin>" have none.
// An exception group is drawn in a box, each sub-exception (with its own
// traceback and chain) one level further in:
//     + Exception Group Traceback (most recent call last):
//     |   File ...
//     | ExceptionGroup: msg (2 sub-exceptions)
//     +-+---------------- 1 ----------------
//       | ValueError: 1
//       +---------------- 2 ----------------
//       | ...
//       +------------------------------------
// with at most 15 sub-exceptions per group ("and N more exceptions") and 10
// levels ("... (max_group_depth is 10)"). The same printer serves the
// traceback module, which differs in details (see "the printer").
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
#include "runtime/excgroup.h"
#include "runtime/gc.h"
#include "runtime/list.h"
#include "runtime/ops.h"
#include "runtime/range.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
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

// [pfx] starts every line written (an exception group's margin, or "").
static void print_carets(FILE *out, const char *pfx, const char *line, size_t len, const CodeLoc *loc) {
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
    fputs(pfx, out);
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

static void print_entry(FILE *out, const char *pfx, LineCache *lc, ObjCode *co, uint32_t offset) {
    CodeLocCursor cur;
    const CodeLoc *loc = code_loc_at(co, offset, &cur);
    int lineno = loc ? loc->line : 0;
    fprintf(out, "%s  File \"%s\", line %d, in %s\n", pfx, AS_STR(co->filename)->data, lineno,
            AS_STR(co->name)->data);
    size_t len;
    const char *line;
    if (lineno <= 0 || !read_file(lc, AS_STR(co->filename)->data) || !(line = get_line(lc, lineno, &len)))
        return;
    size_t lead = 0;
    while (lead < len && is_ws(line[lead])) lead++;
    fprintf(out, "%s    ", pfx);
    fwrite(line + lead, 1, len - lead, out);
    fputc('\n', out);
    if (loc) print_carets(out, pfx, line, len, loc);
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

static void print_tb(FILE *out, const char *pfx, LineCache *lc, Value tb, Chunks *ch) {
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
                fprintf(out, "%s  [Previous line repeated %ld more time%s]\n", pfx, cnt - TB_CUTOFF,
                        cnt - TB_CUTOFF > 1 ? "s" : "");
            last_file = co->filename;
            last_line = line;
            last_name = co->name;
            cnt = 0;
        }
        cnt++;
        if (cnt <= TB_CUTOFF) {
            chunk_mark(ch, out);
            print_entry(out, pfx, lc, co, t->offset);
        }
    }
    chunk_mark(ch, out);
    if (cnt > TB_CUTOFF)
        fprintf(out, "%s  [Previous line repeated %ld more time%s]\n", pfx, cnt - TB_CUTOFF,
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

// ---- the printer ----
//
// Two flavours, [hook]: the default excepthook (CPython's C printer in
// pythonrun.c) and the traceback module (traceback.py). They agree on the
// common cases and differ in details both keep: the hook prints "Did you
// mean" suggestions, leaves the continuation lines of a multi-line message
// without the group margin, splits notes on line ends and repr()s a
// non-sequence __notes__, decides which chained exceptions were already
// shown while it prints, and restores the closing line of a group around a
// chained exception; the module indents every line, splits notes on '\n',
// decides "already shown" while building its TracebackException tree
// (breadth-wise, last sub-exception first), and drops that closing line.

#define MAX_GROUP_WIDTH 15
#define MAX_GROUP_DEPTH 10

// A growable array of Values; false when out of memory.
typedef struct Vals {
    Value *items;
    size_t n, cap;
} Vals;

static bool vals_add(Vals *s, Value v) {
    if (s->n == s->cap) {
        size_t ncap = s->cap ? s->cap * 2 : 8;
        Value *n = realloc(s->items, ncap * sizeof *n);
        if (!n) return false;
        s->items = n;
        s->cap = ncap;
    }
    s->items[s->n++] = v;
    return true;
}

// Where the line starting at [j] ends, after its line break (str.splitlines
// with keepends: \n, \r, \r\n, \v, \f, \x1c-\x1e, U+0085, U+2028, U+2029).
static size_t line_end(const char *t, size_t len, size_t j) {
    while (j < len) {
        unsigned char c = (unsigned char)t[j];
        if (c == '\r') return j + 1 < len && t[j + 1] == '\n' ? j + 2 : j + 1;
        if (c == '\n' || c == '\v' || c == '\f' || (c >= 0x1c && c <= 0x1e)) return j + 1;
        if (c == 0xc2 && j + 1 < len && (unsigned char)t[j + 1] == 0x85) return j + 2;
        if (c == 0xe2 && j + 2 < len && (unsigned char)t[j + 1] == 0x80 &&
            ((unsigned char)t[j + 2] == 0xa8 || (unsigned char)t[j + 2] == 0xa9))
            return j + 3;
        j++;
    }
    return len;
}

// A set of exceptions (by address) already shown.
typedef struct PtrSet {
    const Obj **slots;
    size_t cap, used;
} PtrSet;

static size_t ptrset_slot(const PtrSet *s, const Obj *o) {
    size_t i = (((uintptr_t)o >> 4) * 0x9E3779B97F4A7C15ull) & (s->cap - 1);
    while (s->slots[i] && s->slots[i] != o) i = (i + 1) & (s->cap - 1);
    return i;
}

static bool ptrset_has(const PtrSet *s, Value v) {
    return s->cap && s->slots[ptrset_slot(s, AS_OBJ(v))] == AS_OBJ(v);
}

// Out of memory: the exception counts as not seen (printing goes on).
static void ptrset_add(PtrSet *s, Value v) {
    if ((s->used + 1) * 2 > s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 32;
        const Obj **n = calloc(cap, sizeof *n);
        if (!n) return;
        PtrSet ns = {n, cap, s->used};
        for (size_t i = 0; i < s->cap; i++)
            if (s->slots[i]) ns.slots[ptrset_slot(&ns, s->slots[i])] = s->slots[i];
        free(s->slots);
        *s = ns;
    }
    size_t i = ptrset_slot(s, AS_OBJ(v));
    if (!s->slots[i]) {
        s->slots[i] = AS_OBJ(v);
        s->used++;
    }
}

// The traceback module's TracebackException tree: one node per exception
// shown (an exception may be shown more than once), with the cause and
// context it prints (-1: none) and its sub-exceptions (consecutive nodes).
typedef struct TeNode {
    Value exc;
    int32_t cause, context, first_child;
    uint32_t nchildren;
} TeNode;

typedef struct Printer {
    Vm *vm;
    FILE *out;
    Chunks *ch;
    LineCache lc;
    bool hook, chain;
    int depth;               // exception-group nesting, 0 outside any group
    bool need_close;         // the last sub-exception's closing line is owed
    PtrSet seen;             // hook: exceptions already printed
    TeNode *nodes;           // module: the tree
    size_t nnodes, capnodes;
    bool failed;             // out of memory while building the tree
    bool only;               // format_exception_only(): the last line and notes
    // Every exception the printer holds outside the GC's sight (chains,
    // the tree), rooted: a __str__ run while printing might unlink one.
    ObjList *keep;
} Printer;

static void keep(Printer *p, Value v) {
    if (p->keep && !list_append(p->vm, p->keep, v)) rt_exc_clear(p->vm);
}

// "    | " at group depth 2: the indent, then the margin character.
static const char *margin(Printer *p, char mc, char *buf, size_t size) {
    size_t n = (size_t)(2 * p->depth);
    if (n + 3 > size) n = size - 3;
    memset(buf, ' ', n);
    if (p->depth) {
        buf[n++] = mc;
        buf[n++] = ' ';
    }
    buf[n] = 0;
    return buf;
}

static void put_margin(Printer *p) {
    char m[64];
    fputs(margin(p, '|', m, sizeof m), p->out);
}

// [text] with the margin in front of every line (traceback.py's
// textwrap.indent with a predicate that takes every line).
static void put_indented(Printer *p, const char *text, size_t len) {
    char m[64];
    margin(p, '|', m, sizeof m);
    for (size_t i = 0, end; i < len; i = end) {
        end = line_end(text, len, i);
        fputs(m, p->out);
        fwrite(text + i, 1, end - i, p->out);
    }
}

// A SyntaxError with a location prints like a compile-time error: through
// the parser's reporter, with the source line read from the file. Inside a
// group it goes through a buffer, for the margins.
static bool print_syntax_error(Printer *p, Value exc) {
    Vm *vm = p->vm;
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
    char *text_buf = NULL;
    size_t text_len = 0;
    FILE *to = p->depth ? open_memstream(&text_buf, &text_len) : p->out;
    if (to) {
        ps_report_from(to, AS_STR(fn)->data, have ? &src : NULL, &d, REPORT_FILE);
        if (to != p->out && fclose(to) == 0) {
            if (!p->hook) {
                put_indented(p, text_buf, text_len);
            } else {
                // CPython's hook gives the source line and carets no margin.
                for (size_t i = 0, end; i < text_len; i = end) {
                    end = line_end(text_buf, text_len, i);
                    if (end - i < 4 || memcmp(text_buf + i, "    ", 4) != 0) put_margin(p);
                    fwrite(text_buf + i, 1, end - i, p->out);
                }
            }
        }
    }
    free(text_buf);
    if (have) lx_source_free(&src);
    diag_clear(&d);
    return true;
}

// "Type: message", with the module in front of the name unless it is
// builtins or __main__, and (hook only) the "Did you mean" suggestion.
static void print_last_line(Printer *p, Value exc) {
    Vm *vm = p->vm;
    if (IS_INSTANCE(exc, SyntaxError_type) && print_syntax_error(p, exc)) return;
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
    // Colour (the REPL at a terminal): the type bold magenta, the message
    // magenta, as CPython 3.13 prints them.
    bool color = p->hook && vm->color_tracebacks && p->out == stderr;
    Buf b;
    buf_init(&b);
    if (color) buf_puts(&b, "\x1b[1;35m");
    if (module && strcmp(module, "builtins") != 0 && strcmp(module, "__main__") != 0)
        buf_printf(&b, "%s.%s", module, name);
    else
        buf_puts(&b, name);
    if (color) buf_puts(&b, "\x1b[0m");
    Value s;
    bool message = false;
    if (!rt_str(vm, exc, &s)) {
        rt_exc_clear(vm);
        buf_puts(&b, ": <exception str() failed>");
    } else if (AS_STR(s)->len) {
        buf_puts(&b, color ? ": \x1b[35m" : ": ");
        buf_append(&b, AS_STR(s)->data, AS_STR(s)->len);
        message = true;
    }
    Value sugg;
    Value d = AS_EXC(exc)->dict;
    ObjStr *key = str_intern_cstr(vm, "__aiopy_suggestion__");
    if (p->hook && key && d && IS_DICT(d) && dict_get_str(vm, AS_DICT(d), key, &sugg) == 1 && IS_STR(sugg))
        buf_printf(&b, ". Did you mean: '%s'?", AS_STR(sugg)->data);
    if (!key) rt_exc_clear(vm);
    if (color && message) buf_puts(&b, "\x1b[0m");
    buf_putc(&b, '\n');
    if (p->hook) {
        put_margin(p);
        fwrite(b.data, 1, b.len, p->out);
    } else {
        put_indented(p, b.data, b.len);
    }
    buf_free(&b);
}

// The exception's __notes__, after its last line.
static void print_notes(Printer *p, Value exc) {
    Vm *vm = p->vm;
    ObjStr *name = str_intern_cstr(vm, "__notes__");
    Value notes;
    if (name) gc_push_root(vm, OBJ_VAL(name));   // interned names are held weakly
    int r = name ? rt_getattr_opt(vm, exc, name, &notes) : -1;
    if (name) gc_pop_root(vm);
    if (r <= 0) {
        rt_exc_clear(vm);
        return;
    }
    // The module's getattr(exc, '__notes__', None) takes None for none.
    if (!p->hook && IS_NONE(notes)) return;
    gc_push_root(vm, notes);
    Value s;
    // The hook takes any indexable object (PySequence_Check), the module a
    // collections.abc.Sequence (the builtin sequences).
    bool seq = p->hook ? TYPE_SLOT(rt_type(notes), getitem) && !IS_INSTANCE(notes, dict_type)
                       : IS_LIST(notes) || IS_TUPLE(notes) || IS_STR(notes) ||
                             IS_INSTANCE(notes, bytes_type) || IS_INSTANCE(notes, range_type);
    if (!seq) {
        // Its repr, and (in 3.11, both flavours) no line end after it.
        Buf b;
        buf_init(&b);
        if (rt_repr(vm, notes, &s)) {
            buf_append(&b, AS_STR(s)->data, AS_STR(s)->len);
        } else {
            rt_exc_clear(vm);
            buf_puts(&b, "<__notes__ repr() failed>");
        }
        chunk_mark(p->ch, p->out);
        if (p->hook) {
            put_margin(p);
            fwrite(b.data, 1, b.len, p->out);
        } else {
            put_indented(p, b.data, b.len);
        }
        buf_free(&b);
        gc_pop_root(vm);
        return;
    }
    for (int64_t i = 0;; i++) {
        Value note;
        if (!rt_getitem(vm, notes, INT_VAL(i), &note)) {
            rt_exc_clear(vm);   // IndexError: the end (other errors end it too)
            break;
        }
        bool ok = rt_str(vm, note, &s);
        if (!ok) rt_exc_clear(vm);
        const char *text = ok ? AS_STR(s)->data : "<note str() failed>";
        size_t len = ok ? AS_STR(s)->len : strlen(text);
        if (p->hook && !ok) {
            fputs(text, p->out);   // without a margin, as CPython's
        } else if (p->hook) {
            // str.splitlines(keepends=True): each piece after a margin.
            for (size_t j = 0, e; j < len; j = e) {
                e = line_end(text, len, j);
                put_margin(p);
                fwrite(text + j, 1, e - j, p->out);
            }
        } else {
            // note.split('\n'): each piece a line of its own.
            size_t j = 0;
            for (;;) {
                const char *nl = memchr(text + j, '\n', len - j);
                size_t e = nl ? (size_t)(nl - text) : len;
                chunk_mark(p->ch, p->out);
                put_margin(p);
                fwrite(text + j, 1, e - j, p->out);
                fputc('\n', p->out);
                if (!nl) break;
                j = e + 1;
            }
        }
        if (p->hook) fputc('\n', p->out);
    }
    gc_pop_root(vm);
}

static void print_chain(Printer *p, Value exc, Value tb, int32_t node);

// One exception (or group, with its sub-exceptions) without its chain.
static void print_single(Printer *p, Value exc, Value tb, int32_t node) {
    char m[64];
    Value subs = excgroup_excs(exc);
    bool group = subs != VAL_NULL;
    if (group && p->depth > MAX_GROUP_DEPTH) {
        chunk_mark(p->ch, p->out);
        put_margin(p);
        fprintf(p->out, "... (max_group_depth is %d)\n", MAX_GROUP_DEPTH);
        return;
    }
    bool toplevel = group && p->depth == 0;
    if (toplevel) p->depth = 1;
    chunk_mark(p->ch, p->out);
    if (tb && IS_TYPE_EXACT(tb, traceback_type)) {
        fputs(margin(p, toplevel ? '+' : '|', m, sizeof m), p->out);
        fputs(group ? "Exception Group Traceback (most recent call last):\n"
                    : "Traceback (most recent call last):\n",
              p->out);
        print_tb(p->out, margin(p, '|', m, sizeof m), &p->lc, tb, p->ch);
    }
    chunk_mark(p->ch, p->out);
    print_last_line(p, exc);
    print_notes(p, exc);
    if (!group) return;
    ObjTuple *excs = AS_TUPLE(subs);
    size_t total = excs->len, n = total <= MAX_GROUP_WIDTH ? total : MAX_GROUP_WIDTH + 1;
    p->need_close = false;
    for (size_t i = 0; i < n; i++) {
        bool last = i == n - 1, truncated = i >= MAX_GROUP_WIDTH;
        if (last) p->need_close = true;   // unless a nested group closes it first
        chunk_mark(p->ch, p->out);
        fputs(margin(p, 0, m, sizeof m), p->out);
        fputs(i == 0 ? "+-" : "  ", p->out);
        if (truncated) fputs("+---------------- ... ----------------\n", p->out);
        else fprintf(p->out, "+---------------- %zu ----------------\n", i + 1);
        p->depth++;
        if (!truncated) {
            Value sub = excs->items[i];
            int32_t child = node >= 0 && i < p->nodes[node].nchildren ? p->nodes[node].first_child + (int32_t)i : -1;
            print_chain(p, sub, AS_EXC(sub)->traceback, child);
        } else {
            size_t rest = total - MAX_GROUP_WIDTH;
            chunk_mark(p->ch, p->out);
            put_margin(p);
            fprintf(p->out, "and %zu more exception%s\n", rest, rest > 1 ? "s" : "");
        }
        if (last && p->need_close) {
            chunk_mark(p->ch, p->out);
            fputs(margin(p, 0, m, sizeof m), p->out);
            fputs("+------------------------------------\n", p->out);
            p->need_close = false;
        }
        p->depth--;
    }
    if (toplevel) p->depth = 0;
}

// The hook's choice of what [x] chains to (VAL_NULL: nothing): its cause,
// unless shown already (then nothing), else its unsuppressed context.
static Value hook_link(Printer *p, Value x, int *kind) {
    ObjException *e = AS_EXC(x);
    if (e->cause && IS_EXC(e->cause)) {
        *kind = 1;
        return ptrset_has(&p->seen, e->cause) ? VAL_NULL : e->cause;
    }
    if (e->suppress_context || !e->context || !IS_EXC(e->context)) return VAL_NULL;
    *kind = 2;
    return ptrset_has(&p->seen, e->context) ? VAL_NULL : e->context;
}

// [exc] (shown with traceback [tb]) after the exceptions it chains to,
// oldest first. The chain is followed iteratively (it may be long); only
// group nesting recurses, and that stops at MAX_GROUP_DEPTH. [node]: the
// module's tree node of exc (-1 for the hook).
static void print_chain(Printer *p, Value exc, Value tb, int32_t node) {
    // The chain, newest first; how[i] says how chain[i] leads to chain[i-1]
    // (1 cause, 2 context). Out of memory, it is cut short.
    typedef struct Link {
        Value exc;
        int how;
        int32_t node;
    } Link;
    Link *chain = malloc(sizeof *chain);
    size_t n = 0, cap = 1;
    if (!chain) return;
    chain[n++] = (Link){exc, 0, node};
    if (p->hook) ptrset_add(&p->seen, exc);
    for (Value e = exc; p->chain;) {
        Value next = VAL_NULL;
        int kind = 0;
        if (p->hook) {
            next = hook_link(p, e, &kind);
            if (next) ptrset_add(&p->seen, next);
        } else if (node >= 0) {
            TeNode *t = &p->nodes[node];
            if (t->cause >= 0) node = t->cause, kind = 1;
            else if (t->context >= 0 && !AS_EXC(t->exc)->suppress_context) node = t->context, kind = 2;
            else node = -1;
            if (node >= 0) next = p->nodes[node].exc;
        }
        if (!next) break;
        if (n == cap) {
            Link *grown = realloc(chain, 2 * cap * sizeof *chain);
            if (!grown) break;
            chain = grown;
            cap *= 2;
        }
        keep(p, next);
        chain[n++] = (Link){next, kind, node};
        e = next;
    }
    for (size_t i = n; i-- > 0;) {
        Value x = chain[i].exc;
        bool need_close = p->need_close;
        print_single(p, x, i == 0 ? tb : AS_EXC(x)->traceback, chain[i].node);
        if (p->hook && i > 0) p->need_close = need_close;
        if (i > 0) {
            chunk_mark(p->ch, p->out);
            const char *msg = chain[i].how == 1
                ? "The above exception was the direct cause of the following exception:\n"
                : "During handling of the above exception, another exception occurred:\n";
            put_margin(p);
            fputc('\n', p->out);
            put_margin(p);
            fputs(msg, p->out);
            put_margin(p);
            fputc('\n', p->out);
        }
    }
    free(chain);
}

static int32_t te_add(Printer *p, Value exc, PtrSet *seen) {
    if (p->nnodes == p->capnodes) {
        size_t cap = p->capnodes ? p->capnodes * 2 : 16;
        TeNode *n = cap <= INT32_MAX ? realloc(p->nodes, cap * sizeof *n) : NULL;
        if (!n) {
            p->failed = true;
            return -1;
        }
        p->nodes = n;
        p->capnodes = cap;
    }
    ptrset_add(seen, exc);
    keep(p, exc);
    p->nodes[p->nnodes] = (TeNode){exc, -1, -1, -1, 0};
    return (int32_t)p->nnodes++;
}

// Builds the module's tree for [exc] in the order TracebackException does:
// a stack of nodes to expand, the last pushed first; expanding a node makes
// its cause, its context (when not shown yet) and its sub-exceptions.
static void te_build(Printer *p, Value exc) {
    PtrSet seen = {0};
    Vals todo = {0};
    int32_t root = te_add(p, exc, &seen);
    if (root >= 0 && !vals_add(&todo, INT_VAL(root))) p->failed = true;
    while (todo.n && !p->failed) {
        int32_t n = (int32_t)AS_INT(todo.items[--todo.n]);
        Value e = p->nodes[n].exc;
        ObjException *x = AS_EXC(e);
        int32_t cause = -1, context = -1;
        if (x->cause && IS_EXC(x->cause) && !ptrset_has(&seen, x->cause)) cause = te_add(p, x->cause, &seen);
        if (x->context && IS_EXC(x->context) && !ptrset_has(&seen, x->context))
            context = te_add(p, x->context, &seen);
        p->nodes[n].cause = cause;
        p->nodes[n].context = context;
        if ((cause >= 0 && !vals_add(&todo, INT_VAL(cause))) ||
            (context >= 0 && !vals_add(&todo, INT_VAL(context))))
            p->failed = true;
        Value subs = excgroup_excs(e);
        if (!subs) continue;
        ObjTuple *excs = AS_TUPLE(subs);
        for (size_t i = 0; i < excs->len && !p->failed; i++) {
            int32_t c = te_add(p, excs->items[i], &seen);
            if (c < 0) break;
            if (i == 0) p->nodes[n].first_child = c;
            p->nodes[n].nchildren++;
            if (!vals_add(&todo, INT_VAL(c))) p->failed = true;
        }
    }
    free(todo.items);
    free(seen.slots);
}

// [exc] with its chain (when [chain]), the top one with traceback [tb].
// [only]: the last line and notes alone (format_exception_only()).
static void print_exception(Vm *vm, FILE *out, Value exc, Value tb, bool chain, bool hook, bool only,
                            Chunks *ch) {
    Printer p = {.vm = vm, .out = out, .ch = ch, .hook = hook, .chain = chain};
    gc_push_root(vm, exc);
    gc_push_root(vm, tb ? tb : NONE_VAL);
    p.keep = list_new(vm, 0);
    if (p.keep) gc_push_root(vm, OBJ_VAL(p.keep));
    else rt_exc_clear(vm);
    if (only) {
        chunk_mark(ch, out);
        print_last_line(&p, exc);
        print_notes(&p, exc);
    } else {
        int32_t root = -1;
        if (!hook) {
            te_build(&p, exc);
            root = 0;
        }
        if (!p.failed) print_chain(&p, exc, tb, root);
        else if (ch) ch->failed = true;
    }
    gc_pop_roots(vm, p.keep ? 3 : 2);
    free(p.seen.slots);
    free(p.nodes);
    free(p.lc.path);
    free(p.lc.text);
}

void vm_print_exception(Vm *vm, Value exc) {
    FILE *out = stderr;
    if (vm->hooks.before_output) vm->hooks.before_output(vm);
    fflush(stdout);
    if (!IS_EXC(exc)) {
        fputs("TypeError: print_exception(): Exception expected for value\n", out);
        return;
    }
    print_exception(vm, out, exc, AS_EXC(exc)->traceback, true, true, false, NULL);
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

typedef enum { FORMAT_EXCEPTION, FORMAT_EXCEPTION_ONLY, FORMAT_TB } FormatWhat;

static bool format_to_list(Vm *vm, FormatWhat what, Value exc, Value tb, bool chain, Value *out) {
    char *text = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&text, &len);
    if (!mem) return rt_raise_nomem(vm);
    Chunks ch = {0};
    if (what == FORMAT_TB) {
        LineCache lc = {0};
        print_tb(mem, "", &lc, tb, &ch);
        free(lc.path);
        free(lc.text);
    } else {
        print_exception(vm, mem, exc, tb, chain, false, what == FORMAT_EXCEPTION_ONLY, &ch);
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

bool vm_format_exception_only(Vm *vm, Value exc, Value *out) {
    if (!IS_EXC(exc)) return rt_raise(vm, &TypeError_type, "format_exception(): Exception expected for value");
    return format_to_list(vm, FORMAT_EXCEPTION_ONLY, exc, VAL_NULL, false, out);
}

bool vm_format_tb(Vm *vm, Value tb, Value *out) {
    if (tb && !IS_NONE(tb) && !IS_TYPE_EXACT(tb, traceback_type))
        return rt_raise(vm, &TypeError_type, "format_tb(): a traceback or None expected");
    return format_to_list(vm, FORMAT_TB, VAL_NULL, IS_NONE(tb) ? VAL_NULL : tb, false, out);
}
