// The _re module: the engine under lib/re.py. CPython's re parses Python's
// regular-expression syntax and runs its own backtracking matcher (_sre);
// aiopy parses the same syntax, with the same errors, and translates it to
// PCRE2, whose backtracking leftmost-first search gives the same matches.
//
// Code units: PCRE2's 8-bit library. aiopy's str is UTF-8, so a str subject
// is handed to PCRE2 in place (PCRE2_UTF) with no copy and no conversion;
// only the offsets PCRE2 reports (bytes) need turning into code-point
// indices, which is free for ASCII strings and otherwise a count of lead
// bytes from a known point (the search start), done only when Python asks
// for an index (span, start, end). Slicing a group needs the byte offsets
// themselves. The 32-bit library would need the whole subject widened to
// UTF-32 on every call. bytes subjects use the same code without PCRE2_UTF.
//
// Files: translate.c (Python syntax -> PCRE2 syntax, group names, widths,
// CPython's error messages and positions; the syntax of sub()'s replacement
// templates, which shares the tokenizer), pattern.c (the Pattern type:
// compiling with PCRE2 and its JIT, search, findall, finditer, sub with
// template expansion, split), match.c (the Match type), module.c (the _re
// module table, escape()).
//
// Left out, raising re.error that names aiopy: \N{...} escapes (aiopy has
// no Unicode name table) and repeat counts above 65535 (PCRE2's limit).
// Differences kept: bytes patterns under re.LOCALE match as in the C locale;
// under re.ASCII, PCRE2 10.42 still folds non-ASCII letters when ignoring
// case; a group inside a repeat that can match empty may end up holding
// another iteration's text than under CPython (the engines stop empty
// iterations differently); lastindex, see match.c.
#ifndef RUNTIME_RE_RE_H
#define RUNTIME_RE_RE_H
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "runtime/module.h"
#include "runtime/state.h"
#include "util/buf.h"

// CPython's flag values (re.RegexFlag).
enum {
    RE_TEMPLATE = 1, RE_IGNORECASE = 2, RE_LOCALE = 4, RE_MULTILINE = 8, RE_DOTALL = 16,
    RE_UNICODE = 32, RE_VERBOSE = 64, RE_DEBUG = 128, RE_ASCII = 256,
};
#define RE_MAXREPEAT 4294967295u
#define RE_MAXGROUPS 1073741823u

// ---- translate.c ----

// What went wrong, as CPython reports it.
typedef enum { RE_ERR_NONE, RE_ERR_SYNTAX, RE_ERR_VALUE, RE_ERR_OVERFLOW, RE_ERR_INDEX } ReErrKind;

typedef struct ReSource {
    Buf out;              // the PCRE2 pattern (UTF-8, or raw bytes for a bytes pattern)
    int64_t flags;        // the given flags, the inline global ones and UNICODE for str
    uint32_t groups;      // capturing groups (not counting group 0)
    bool ucp;             // \d \w \s \b are Unicode's (PCRE2_UCP)
    // Group names: [nnames] NUL-terminated UTF-8 names back to back in
    // [names], the group of the k-th in name_gid[k].
    Buf names;
    uint32_t *name_gid;
    size_t nnames;
    // close_rank[g]: the order of group g's ')' in the pattern (lastindex).
    uint32_t *close_rank;
    ReErrKind err;
    Buf msg;              // the message (UTF-8)
    int64_t pos;          // index into the pattern, -1: none
} ReSource;

// Parses the pattern [s] ([n] code points, or bytes when [is_bytes]) with
// [flags]. false: out of memory (src->err tells a syntax error apart).
bool re_translate(const uint32_t *s, size_t n, bool is_bytes, int64_t flags, ReSource *src);
void re_source_free(ReSource *src);

// A replacement template (sub(), expand()): literal pieces and group
// references.
typedef struct ReTemplate {
    Buf text;             // the literal pieces back to back
    size_t n;
    struct ReTItem { size_t off, len; int64_t group; } *items;   // group < 0: literal
} ReTemplate;

// Resolves a group name: its number, -1 unknown, -2 out of memory.
typedef int64_t (*ReNameLookup)(void *ctx, const uint32_t *name, size_t n);
// Parses the template [s] for a pattern of [groups] groups into [t] (empty
// on entry); errors (re.error, or IndexError for an unknown name) go to
// e->err, e->msg, e->pos. false: out of memory.
bool re_parse_template(const uint32_t *s, size_t n, bool is_bytes, uint32_t groups, ReNameLookup lookup, void *ctx,
                       ReTemplate *t, ReSource *e);

// Python's repr() of the text [s] ([n] code points) into [b] (messages
// quote group names with it).
bool re_repr_cps(Buf *b, const uint32_t *s, size_t n, bool is_bytes);

// ---- the objects (pattern.c, match.c) ----

typedef struct ObjPattern {
    Obj hdr;
    Value pattern;        // the source, str or bytes
    Value groupindex;     // dict name -> group number
    Value indexgroup;     // tuple: group number -> name or None
    Value error_cls;      // re.error
    Value tmpl_repl;      // the replacement whose parse is in tmpl (VAL_NULL: none)
    int64_t flags;
    uint32_t groups;
    bool is_bytes;
    bool md_busy;         // md is in use by a running search (a callback may nest)
    pcre2_code *code[3];  // search, anchored (match), anchored at both ends (fullmatch)
    pcre2_match_data *md;
    uint32_t *close_rank;
    char *src;            // the PCRE2 pattern, to compile the anchored variants lazily
    size_t srclen;
    uint32_t options;
    ReTemplate tmpl;
} ObjPattern;

typedef struct ObjMatch {
    Obj hdr;
    Value string;         // the subject
    Value pattern;        // the ObjPattern
    int64_t pos, endpos;  // as given (code points)
    size_t bpos;          // byte offset of [pos]: where index conversions count from
    int64_t lastindex;    // -1: None
    uint32_t ngroups;     // groups + 1
    bool ascii;           // byte offsets are indices (bytes, or an ASCII str)
    size_t offs[];        // 2 * ngroups byte offsets; PCRE2_UNSET: the group did not match
} ObjMatch;

extern ObjType re_pattern_type, re_match_type, re_scanner_type;
#define IS_PATTERN(v) IS_TYPE_EXACT(v, re_pattern_type)
#define AS_PATTERN(v) ((ObjPattern *)AS_OBJ(v))
#define AS_MATCH(v) ((ObjMatch *)AS_OBJ(v))

// _re.compile(pattern, flags, error): a Pattern, or re.error raised.
bool re_compile(Vm *vm, Value *args, size_t nargs, Value kw, Value *out);

// Raises [cls](msg, pattern, pos) (pos < 0: None).
bool re_raise_error(Vm *vm, Value cls, const char *msg, size_t len, Value pattern, int64_t pos);

// The subject of a search: its bytes and how indices map onto them.
typedef struct ReSubject {
    Value obj;
    const char *data;
    size_t len;           // bytes
    size_t cplen;         // indices (code points for str)
    bool ascii;           // byte offsets == indices
} ReSubject;

// Checks [v] against the pattern's kind (CPython's TypeErrors) and fills [s].
bool re_subject(Vm *vm, ObjPattern *p, Value v, ReSubject *s);
// The index of byte offset [b], counting from byte [ab] at index [ai].
size_t re_index_of(const char *data, bool ascii, size_t b, size_t ab, size_t ai);
// The byte offset of index [i] of the subject.
size_t re_byte_of(ReSubject *s, size_t i);
// A str or bytes of the subject's bytes [a, b).
bool re_slice(Vm *vm, bool is_bytes, const char *data, size_t a, size_t b, Value *out);

// A Match for the offsets in [ov] (2 * (groups+1), PCRE2's ovector).
ObjMatch *re_match_new(Vm *vm, ObjPattern *p, ReSubject *s, int64_t pos, int64_t endpos, size_t bpos,
                       const size_t *ov);
// group(i) of [m] (i checked by the caller); [dflt] for an unmatched group.
bool re_match_group(Vm *vm, ObjMatch *m, uint32_t i, Value dflt, Value *out);

// ---- templates (pattern.c) ----

// Parses [repl] for [p] into p->tmpl (cached while the same object comes
// again). Raises re.error / IndexError as CPython.
bool re_template_parse(Vm *vm, ObjPattern *p, Value repl, ReTemplate *t);
void re_template_free(ReTemplate *t);
// Appends the expansion of [t] for the match whose byte offsets are [ov]
// over the subject [data] to [b].
bool re_template_expand(Vm *vm, const ReTemplate *t, const char *data, const size_t *ov, uint32_t ngroups,
                        Buf *b);

#endif // RUNTIME_RE_RE_H
