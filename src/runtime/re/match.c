// re.Match: the offsets of one match and the subject they index. Offsets
// are kept as PCRE2 gives them (bytes); group() slices with them directly,
// and start/end/span turn them into indices only when asked (see re.h).
//
// lastindex: CPython's is the group whose ')' the matcher passed last.
// PCRE2 does not record that; it is the matched group ending furthest, ties
// going to the one whose ')' comes later in the pattern (an outer group
// closes after the groups inside it). This differs from CPython only for a
// group captured inside a look-ahead that ends beyond a later group.
#include <string.h>

#include "runtime/bytes.h"
#include "runtime/dict.h"
#include "runtime/exc.h"
#include "runtime/gc.h"
#include "runtime/genericalias.h"
#include "runtime/int.h"
#include "runtime/native.h"
#include "runtime/ops.h"
#include "runtime/re/re.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"

#define SELF AS_MATCH(args[0])

ObjMatch *re_match_new(Vm *vm, ObjPattern *p, ReSubject *s, int64_t pos, int64_t endpos, size_t bpos,
                       const size_t *ov) {
    uint32_t ng = p->groups + 1;
    ObjMatch *m = (ObjMatch *)gc_alloc(vm, &re_match_type, sizeof(ObjMatch) + 2 * ng * sizeof(size_t));
    if (!m) return NULL;
    m->string = s->obj;
    m->pattern = OBJ_VAL(p);
    m->pos = pos;
    m->endpos = endpos;
    m->bpos = bpos;
    m->ngroups = ng;
    m->ascii = s->ascii;
    memcpy(m->offs, ov, 2 * ng * sizeof(size_t));
    m->lastindex = -1;
    size_t best_end = 0;
    for (uint32_t g = 1; g < ng; g++) {
        if (ov[2 * g] == PCRE2_UNSET) continue;
        size_t e = ov[2 * g + 1];
        if (m->lastindex < 0 || e > best_end ||
            (e == best_end && p->close_rank[g] > p->close_rank[m->lastindex])) {
            m->lastindex = g;
            best_end = e;
        }
    }
    return m;
}

static const char *subject_data(ObjMatch *m) {
    return IS_STR(m->string) ? AS_STR(m->string)->data : AS_BYTES(m->string)->data;
}

static bool is_bytes_match(ObjMatch *m) { return AS_PATTERN(m->pattern)->is_bytes; }

bool re_match_group(Vm *vm, ObjMatch *m, uint32_t i, Value dflt, Value *out) {
    if (m->offs[2 * i] == PCRE2_UNSET) {
        *out = dflt;
        return true;
    }
    return re_slice(vm, is_bytes_match(m), subject_data(m), m->offs[2 * i], m->offs[2 * i + 1], out);
}

// The index of byte offset [b].
static int64_t index_of(ObjMatch *m, size_t b) {
    if (b == PCRE2_UNSET) return -1;
    return (int64_t)re_index_of(subject_data(m), m->ascii, b, m->bpos, (size_t)m->pos);
}

// A group given by number or name; IndexError "no such group" otherwise.
static bool group_index(Vm *vm, ObjMatch *m, Value g, uint32_t *out) {
    if (IS_ANYINT(g) && !IS_INSTANCE(g, float_type)) {
        int64_t i;
        if (!int_as_i64(vm, g, &i)) {
            rt_exc_clear(vm);
            i = -1;
        }
        if (i >= 0 && i < m->ngroups) {
            *out = (uint32_t)i;
            return true;
        }
    } else {
        ObjPattern *p = AS_PATTERN(m->pattern);
        Value v;
        int r = dict_get(vm, AS_DICT(p->groupindex), g, &v);
        if (r < 0) return false;
        if (r > 0 && IS_INT(v)) {
            *out = (uint32_t)AS_INT(v);
            return true;
        }
    }
    return rt_raise(vm, &IndexError_type, "no such group");
}

static bool m_group(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "group", kw));
    ObjMatch *m = SELF;
    if (nargs <= 2) {
        uint32_t i = 0;
        if (nargs == 2) TRY(group_index(vm, m, args[1], &i));
        return re_match_group(vm, m, i, NONE_VAL, out);
    }
    ObjTuple *t = tuple_new(vm, nargs - 1);
    TRY(t);
    for (size_t k = 0; k < nargs - 1; k++) t->items[k] = NONE_VAL;
    gc_push_root(vm, OBJ_VAL(t));
    bool ok = true;
    for (size_t k = 1; ok && k < nargs; k++) {
        uint32_t i;
        ok = group_index(vm, m, args[k], &i) && re_match_group(vm, m, i, NONE_VAL, &t->items[k - 1]);
    }
    gc_pop_root(vm);
    TRY(ok);
    *out = OBJ_VAL(t);
    return true;
}

static bool match_getitem(Vm *vm, Value self, Value key, Value *out) {
    uint32_t i;
    TRY(group_index(vm, AS_MATCH(self), key, &i));
    return re_match_group(vm, AS_MATCH(self), i, NONE_VAL, out);
}

static bool m_groups(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    static const char *const names[] = {"default"};
    Value a[1];
    TRY(rt_parse_args(vm, "groups", args + 1, nargs - 1, kw, names, 1, 1, 0, a));
    Value dflt = a[0] ? a[0] : NONE_VAL;
    ObjMatch *m = SELF;
    ObjTuple *t = tuple_new(vm, m->ngroups - 1);
    TRY(t);
    for (uint32_t g = 1; g < m->ngroups; g++) t->items[g - 1] = NONE_VAL;
    gc_push_root(vm, OBJ_VAL(t));
    bool ok = true;
    for (uint32_t g = 1; ok && g < m->ngroups; g++) ok = re_match_group(vm, m, g, dflt, &t->items[g - 1]);
    gc_pop_root(vm);
    TRY(ok);
    *out = OBJ_VAL(t);
    return true;
}

static bool m_groupdict(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    static const char *const names[] = {"default"};
    Value a[1];
    TRY(rt_parse_args(vm, "groupdict", args + 1, nargs - 1, kw, names, 1, 1, 0, a));
    Value dflt = a[0] ? a[0] : NONE_VAL;
    ObjMatch *m = SELF;
    ObjDict *gi = AS_DICT(AS_PATTERN(m->pattern)->groupindex);
    ObjDict *d = dict_new(vm);
    TRY(d);
    size_t mark = gc_roots_mark(vm);
    gc_push_root(vm, OBJ_VAL(d));
    size_t it = 0;
    Value k, v;
    bool ok = true;
    while (ok && dict_next(gi, &it, &k, &v)) {
        Value g;
        ok = re_match_group(vm, m, (uint32_t)AS_INT(v), dflt, &g);
        if (ok) gc_push_root(vm, g);
        ok = ok && dict_set(vm, d, k, g);
    }
    gc_roots_reset(vm, mark);
    TRY(ok);
    *out = OBJ_VAL(d);
    return true;
}

// start/end/span's optional group argument.
static bool opt_group(Vm *vm, const char *name, Value *args, size_t nargs, Value kw, uint32_t *g) {
    TRY(rt_no_kwargs(vm, name, kw));
    TRY(rt_check_nargs(vm, name, nargs - 1, 0, 1));
    *g = 0;
    if (nargs == 2) TRY(group_index(vm, SELF, args[1], g));
    return true;
}

static bool m_start(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    uint32_t g;
    TRY(opt_group(vm, "start", args, nargs, kw, &g));
    *out = INT_VAL(index_of(SELF, SELF->offs[2 * g]));
    return true;
}

static bool m_end(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    uint32_t g;
    TRY(opt_group(vm, "end", args, nargs, kw, &g));
    *out = INT_VAL(index_of(SELF, SELF->offs[2 * g + 1]));
    return true;
}

static bool span_of(Vm *vm, ObjMatch *m, uint32_t g, Value *out) {
    ObjTuple *t = tuple_pack2(vm, INT_VAL(index_of(m, m->offs[2 * g])), INT_VAL(index_of(m, m->offs[2 * g + 1])));
    TRY(t);
    *out = OBJ_VAL(t);
    return true;
}

static bool m_span(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    uint32_t g;
    TRY(opt_group(vm, "span", args, nargs, kw, &g));
    return span_of(vm, SELF, g, out);
}

static bool m_expand(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    TRY(rt_no_kwargs(vm, "expand", kw));
    TRY(rt_check_nargs(vm, "expand", nargs - 1, 1, 1));
    ObjMatch *m = SELF;
    ObjPattern *p = AS_PATTERN(m->pattern);
    Value repl = args[1];
    if (!IS_STR(repl) && !IS_BYTES(repl))
        return rt_raise(vm, &TypeError_type, "decoding to str: need a bytes-like object, %s found",
                        type_name(rt_type(repl)));
    ReTemplate t = {0};
    buf_init(&t.text);
    Buf b;
    buf_init(&b);
    bool ok = re_template_parse(vm, p, repl, &t);
    if (ok && IS_BYTES(repl) != p->is_bytes) {
        // CPython joins the pieces: the first literal one has the wrong type.
        for (size_t i = 0; i < t.n; i++)
            if (t.items[i].group < 0) {
                ok = rt_raise(vm, &TypeError_type, p->is_bytes
                                  ? "sequence item %zu: expected a bytes-like object, str found"
                                  : "sequence item %zu: expected str instance, bytes found", i);
                break;
            }
    }
    ok = ok && re_template_expand(vm, &t, subject_data(m), m->offs, m->ngroups, &b) &&
              re_slice(vm, p->is_bytes, b.data ? b.data : "", 0, b.len, out);
    buf_free(&b);
    re_template_free(&t);
    return ok;
}

static bool m_copy(Vm *vm, Value *args, size_t nargs, Value kw, Value *out) {
    (void)vm, (void)nargs, (void)kw;
    *out = args[0];
    return true;
}

static bool match_repr(Vm *vm, Value self, Value *out) {
    ObjMatch *m = AS_MATCH(self);
    Value g, r;
    TRY(re_match_group(vm, m, 0, NONE_VAL, &g));
    gc_push_root(vm, g);
    bool ok = rt_repr(vm, g, &r);
    gc_pop_root(vm);
    TRY(ok);
    ObjStr *rs = AS_STR(r);
    size_t cut = rs->cplen > 50 ? str_byte_offset(rs, 50) : rs->len;
    Buf b;
    buf_init(&b);
    bool fine = buf_printf(&b, "<re.Match object; span=(%lld, %lld), match=", (long long)index_of(m, m->offs[0]),
                           (long long)index_of(m, m->offs[1])) &&
                buf_append(&b, rs->data, cut) && buf_putc(&b, '>');
    ObjStr *s = fine ? str_new(vm, b.data, b.len) : NULL;
    buf_free(&b);
    if (!fine) return rt_raise_nomem(vm);
    TRY(s);
    *out = OBJ_VAL(s);
    return true;
}

static bool get_string(Vm *vm, Value self, Value *out) {
    (void)vm;
    *out = AS_MATCH(self)->string;
    return true;
}
static bool get_re(Vm *vm, Value self, Value *out) {
    (void)vm;
    *out = AS_MATCH(self)->pattern;
    return true;
}
static bool get_pos(Vm *vm, Value self, Value *out) {
    (void)vm;
    *out = INT_VAL(AS_MATCH(self)->pos);
    return true;
}
static bool get_endpos(Vm *vm, Value self, Value *out) {
    (void)vm;
    *out = INT_VAL(AS_MATCH(self)->endpos);
    return true;
}
static bool get_lastindex(Vm *vm, Value self, Value *out) {
    (void)vm;
    int64_t i = AS_MATCH(self)->lastindex;
    *out = i < 0 ? NONE_VAL : INT_VAL(i);
    return true;
}
static bool get_lastgroup(Vm *vm, Value self, Value *out) {
    (void)vm;
    ObjMatch *m = AS_MATCH(self);
    *out = NONE_VAL;
    if (m->lastindex >= 0) *out = AS_TUPLE(AS_PATTERN(m->pattern)->indexgroup)->items[m->lastindex];
    return true;
}
static bool get_regs(Vm *vm, Value self, Value *out) {
    ObjMatch *m = AS_MATCH(self);
    ObjTuple *t = tuple_new(vm, m->ngroups);
    TRY(t);
    for (uint32_t g = 0; g < m->ngroups; g++) t->items[g] = NONE_VAL;
    gc_push_root(vm, OBJ_VAL(t));
    bool ok = true;
    for (uint32_t g = 0; ok && g < m->ngroups; g++) ok = span_of(vm, m, g, &t->items[g]);
    gc_pop_root(vm);
    TRY(ok);
    *out = OBJ_VAL(t);
    return true;
}

static void match_trace(Vm *vm, Obj *o) {
    ObjMatch *m = (ObjMatch *)o;
    gc_mark_value(vm, m->string);
    gc_mark_value(vm, m->pattern);
}

static size_t match_size(const Obj *o) {
    return sizeof(ObjMatch) + 2 * ((const ObjMatch *)o)->ngroups * sizeof(size_t);
}

static const MethodDef match_methods[] = {
    {"group", m_group, 0},
    {"groups", m_groups, 0},
    {"groupdict", m_groupdict, 0},
    {"start", m_start, 0},
    {"end", m_end, 0},
    {"span", m_span, 0},
    {"expand", m_expand, 0},
    {"__copy__", m_copy, 0},
    {"__deepcopy__", m_copy, 0},
    {"__class_getitem__", ga_class_getitem, METH_CLASS},
    {NULL, NULL, 0},
};

static const GetSetDef match_getsets[] = {
    {"string", get_string, NULL},
    {"re", get_re, NULL},
    {"pos", get_pos, NULL},
    {"endpos", get_endpos, NULL},
    {"lastindex", get_lastindex, NULL},
    {"lastgroup", get_lastgroup, NULL},
    {"regs", get_regs, NULL},
    {NULL, NULL, NULL},
};

ObjType re_match_type = {
    .hdr = OBJ_STATIC_HEADER(&type_type),
    .name = "re.Match",
    .basicsize = sizeof(ObjMatch),
    .flags = TYPE_ABSTRACT_NEW | TYPE_MAPPING,
    .base = &object_type,
    .methods = match_methods,
    .getsets = match_getsets,
    .trace = match_trace,
    .size = match_size,
    .repr = match_repr,
    .getitem = match_getitem,
};
