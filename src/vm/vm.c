// VM entry points: building an interpreter (builtins, sys, the hooks the
// runtime calls back through), running a program as __main__ with
// CPython's exit-status rules, imports of the program's sibling .py
// modules, __build_class__ and the NameError wording.
#include "vm/vm.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "config.h"
#include "parser/parse.h"
#include "runtime/builtins.h"
#include "runtime/dict.h"
#include "runtime/exc.h"
#include "runtime/gc.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/module.h"
#include "runtime/modules.h"
#include "runtime/native.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"
#include "vm/compile.h"
#include "vm/evalexec.h"
#include "vm/gen_int.h"
#include "vm/marshal.h"
#include "vm/signals.h"
#include "vm/vm_int.h"
#include "vm/vm_ops.h"

// ---- hooks ----

static void mark_roots(Vm *vm) {
    ThreadState *ts = VM_TS(vm);
    for (Frame *f = ts->current; f; f = f->previous) vm_frame_mark(vm, f);
    gc_mark_value(vm, ts->exc_info);
    gc_mark_value(vm, ts->resume_outer);
    gc_mark_value(vm, ts->main_module);
    gc_mark_value(vm, ts->sys_module);
    gc_mark_value(vm, ts->search_path);
    gc_mark_value(vm, ts->build_class);
    gc_mark_value(vm, ts->signal_handlers);
    gc_mark_value(vm, ts->agen_firstiter);
    gc_mark_value(vm, ts->agen_finalizer);
}

static void finalize_hook(Vm *vm, Value obj) {
    // An exception escaped a __del__: CPython prints it and goes on.
    Value exc = rt_exc_take(vm);
    if (!exc) return;
    gc_push_root(vm, exc);
    // An exception raised by C with no traceback ("generator ignored
    // GeneratorExit") is shown at the line running when the finaliser ran,
    // as CPython's unraisable hook does.
    Frame *cur = VM_TS(vm)->current;
    if (IS_EXC(exc) && !AS_EXC(exc)->traceback && cur && cur->code &&
        !exc_add_traceback(vm, exc, OBJ_VAL(cur->code), frame_lasti(cur)))
        rt_exc_clear(vm);
    fflush(stdout);
    Value r;
    fputs("Exception ignored in: ", stderr);
    // CPython names the __del__ that failed (<function A.__del__ at ...>);
    // a builtin's finaliser (a generator closed by the collector), the object.
    Value del = obj;
    ObjStr *name = str_intern_cstr(vm, "__del__");
    if (!TYPE_IS_HEAP(rt_type(obj)) || !name || type_lookup(vm, rt_type(obj), name, &del, NULL) != 1) {
        rt_exc_clear(vm);
        del = obj;
    }
    if (rt_repr(vm, del, &r)) fputs(AS_STR(r)->data, stderr);
    else rt_exc_clear(vm);
    fputc('\n', stderr);
    vm_print_exception(vm, exc);
    gc_pop_root(vm);
}

// ---- __build_class__ ----

static bool build_class_fn(Vm *vm, Value *args, size_t nargs, Value kwnames, Value *out) {
    return vm_build_class(vm, args, nargs, kwnames, out);
}

static const MethodDef build_class_def = {"__build_class__", build_class_fn, 0};

// PEP 560: a base that is not a class but has __mro_entries__ (a
// types.GenericAlias) stands for the classes that method returns, given
// the original bases. *bases is replaced only when one did.
static bool update_bases(Vm *vm, ObjTuple **bases) {
    ObjTuple *orig = *bases;
    ObjList *nb = NULL;
    size_t mark = gc_roots_mark(vm);
    ObjStr *name = NULL;
    for (size_t i = 0; i < orig->len; i++) {
        Value b = orig->items[i], meth, r;
        int found = 0;
        if (!IS_TYPE(b)) {
            if (!name) {
                if (!(name = str_intern_cstr(vm, "__mro_entries__"))) goto fail;
                gc_push_root(vm, OBJ_VAL(name));   // the intern table is weak
            }
            if ((found = rt_getattr_opt(vm, b, name, &meth)) < 0) goto fail;
        }
        if (!found) {
            if (nb && !list_append(vm, nb, b)) goto fail;
            continue;
        }
        gc_push_root(vm, meth);
        if (!rt_call1(vm, meth, OBJ_VAL(orig), &r)) goto fail;
        if (!IS_TUPLE(r)) {
            rt_raise(vm, &TypeError_type, "__mro_entries__ must return a tuple");
            goto fail;
        }
        gc_push_root(vm, r);
        if (!nb) {
            if (!(nb = list_from(vm, orig->items, i))) goto fail;
            gc_push_root(vm, OBJ_VAL(nb));
        }
        for (size_t k = 0; k < AS_TUPLE(r)->len; k++)
            if (!list_append(vm, nb, AS_TUPLE(r)->items[k])) goto fail;
    }
    if (nb && !(*bases = tuple_from(vm, nb->items, nb->len))) goto fail;
    gc_roots_reset(vm, mark);
    return true;
fail:
    gc_roots_reset(vm, mark);
    return false;
}

bool vm_build_class(Vm *vm, Value *args, size_t nargs, Value kwnames, Value *out) {
    size_t nkw = kwnames ? AS_TUPLE(kwnames)->len : 0;
    if (nargs < 2) return rt_raise(vm, &TypeError_type, "__build_class__: not enough arguments");
    if (!IS_FUNCTION(args[0])) return rt_raise(vm, &TypeError_type, "__build_class__: func must be a function");
    if (!IS_STR(args[1])) return rt_raise(vm, &TypeError_type, "__build_class__: name is not a string");
    ObjFunction *body = AS_FUNCTION(args[0]);
    size_t mark = gc_roots_mark(vm);
    ObjTuple *bases = tuple_from(vm, args + 2, nargs - 2);
    if (!bases) return false;
    gc_push_root(vm, OBJ_VAL(bases));
    ObjTuple *orig_bases = bases;
    if (!update_bases(vm, &bases)) return gc_roots_reset(vm, mark), false;
    gc_push_root(vm, OBJ_VAL(bases));
    // The metaclass's arguments: name, bases, namespace, then the class
    // keywords but metaclass= (they go on to __init_subclass__).
    Value small[3 + 8];
    Value *cargs = nkw <= 8 ? small : malloc((3 + nkw) * sizeof(Value));
    if (!cargs) return gc_roots_reset(vm, mark), rt_raise_nomem(vm);
    ObjTuple *kwn = NULL;
    Value *kwv = args + nargs;
    Value meta = VAL_NULL;
    size_t nrest = 0;
    bool ok = false;
    for (size_t i = 0; i < nkw; i++)
        if (str_eq_cstr(AS_STR(AS_TUPLE(kwnames)->items[i]), "metaclass")) meta = kwv[i];
        else cargs[3 + nrest++] = kwv[i];
    if (nrest) {
        if (!(kwn = tuple_new(vm, nrest))) goto done;
        for (size_t i = 0, j = 0; i < nkw; i++)
            if (!str_eq_cstr(AS_STR(AS_TUPLE(kwnames)->items[i]), "metaclass"))
                kwn->items[j++] = AS_TUPLE(kwnames)->items[i];
        gc_push_root(vm, OBJ_VAL(kwn));
    }
    // metaclass=: the explicit one, else the type of the first base; a
    // class metaclass gives way to the most derived metaclass of the bases.
    if (!meta) meta = bases->len ? OBJ_VAL(rt_type(bases->items[0])) : OBJ_VAL(&type_type);
    for (size_t i = 0; i < bases->len && IS_TYPE(meta); i++) {
        ObjType *bt = rt_type(bases->items[i]);
        if (type_is_subtype(AS_TYPE(meta), bt)) continue;
        if (!type_is_subtype(bt, AS_TYPE(meta))) {
            rt_raise(vm, &TypeError_type, "metaclass conflict: the metaclass of a derived class must be a "
                                          "(non-strict) subclass of the metaclasses of all its bases");
            goto done;
        }
        meta = OBJ_VAL(bt);
    }
    gc_push_root(vm, meta);
    // The namespace: what meta.__prepare__(name, bases, **kwargs) gives (a
    // mapping: enum's records every assignment), else a dict.
    Value ns = VAL_NULL, prep;
    ObjStr *prep_name = str_intern_cstr(vm, "__prepare__");
    if (!prep_name) goto done;
    gc_push_root(vm, OBJ_VAL(prep_name));
    int has_prep = rt_getattr_opt(vm, meta, prep_name, &prep);
    if (has_prep < 0) goto done;
    if (has_prep) {
        gc_push_root(vm, prep);
        Value pargs[2 + 8];
        Value *pa = nrest <= 8 ? pargs : malloc((2 + nrest) * sizeof(Value));
        if (!pa) {
            rt_raise_nomem(vm);
            goto done;
        }
        pa[0] = args[1];
        pa[1] = OBJ_VAL(bases);
        for (size_t i = 0; i < nrest; i++) pa[2 + i] = cargs[3 + i];
        bool pok = rt_call(vm, prep, pa, 2, kwn ? OBJ_VAL(kwn) : VAL_NULL, &ns);
        if (pa != pargs) free(pa);
        if (!pok) goto done;
        gc_push_root(vm, ns);
        if (!TYPE_SLOT(rt_type(ns), getitem)) {
            rt_raise(vm, &TypeError_type, "%s.__prepare__() must return a mapping, not %s",
                     IS_TYPE(meta) ? AS_TYPE(meta)->name : "<metaclass>", type_name(rt_type(ns)));
            goto done;
        }
    } else {
        ObjDict *d = dict_new(vm);
        if (!d) goto done;
        ns = OBJ_VAL(d);
        gc_push_root(vm, ns);
    }
    // Run the body with the namespace as its locals.
    Frame *f = vm_frame_push(vm, body->code, args[0], body->globals, ns);
    if (!f) goto done;
    if (!vm_bind_args(vm, f, body, NULL, 0, VAL_NULL)) {
        vm_frame_pop(vm, f);
        goto done;
    }
    Value cell;
    if (!rt_enter(vm, RT_WHERE_CALL)) {
        vm_frame_pop(vm, f);
        goto done;
    }
    ok = vm_run(vm, f, &cell);
    rt_leave(vm);
    if (!ok) goto done;
    gc_push_root(vm, cell);
    ok = false;
    if (bases != orig_bases) {
        ObjStr *ob = str_intern_cstr(vm, "__orig_bases__");
        if (!ob) goto done;
        gc_push_root(vm, OBJ_VAL(ob));
        if (!(IS_TYPE_EXACT(ns, dict_type) ? dict_set(vm, AS_DICT(ns), OBJ_VAL(ob), OBJ_VAL(orig_bases))
                                           : rt_setitem(vm, ns, OBJ_VAL(ob), OBJ_VAL(orig_bases))))
            goto done;
    }
    cargs[0] = args[1];
    cargs[1] = OBJ_VAL(bases);
    cargs[2] = ns;
    ok = rt_call(vm, meta, cargs, 3, kwn ? OBJ_VAL(kwn) : VAL_NULL, out);
    if (ok && IS_CELL(cell)) AS_CELL(cell)->ref = *out;
done:
    if (cargs != small) free(cargs);
    gc_roots_reset(vm, mark);
    return ok;
}

// ---- NameError ----

// CPython 3.11's suggestion algorithm (Python/suggestions.c): a Levenshtein
// distance where a case change costs 1 and other edits 2, accepting at most
// a third of the characters changed, over at most 750 candidates.
#define SUGG_MAX_ITEMS 750
#define SUGG_MAX_SIZE 40
#define MOVE_COST 2
#define CASE_COST 1

static size_t subst_cost(char a, char b) {
    if ((a & 31) != (b & 31)) return MOVE_COST;
    if (a == b) return 0;
    if (a >= 'A' && a <= 'Z') a += 'a' - 'A';
    if (b >= 'A' && b <= 'Z') b += 'a' - 'A';
    return a == b ? CASE_COST : MOVE_COST;
}

static size_t levenshtein(const char *a, size_t na, const char *b, size_t nb, size_t max_cost) {
    while (na && nb && a[0] == b[0]) a++, b++, na--, nb--;
    while (na && nb && a[na - 1] == b[nb - 1]) na--, nb--;
    if (!na || !nb) return (na + nb) * MOVE_COST;
    if (na > SUGG_MAX_SIZE || nb > SUGG_MAX_SIZE) return max_cost + 1;
    if (nb < na) {
        const char *t = a;
        a = b;
        b = t;
        size_t tn = na;
        na = nb;
        nb = tn;
    }
    if ((nb - na) * MOVE_COST > max_cost) return max_cost + 1;
    size_t buf[SUGG_MAX_SIZE];
    for (size_t i = 0; i < na; i++) buf[i] = (i + 1) * MOVE_COST;
    size_t result = 0;
    for (size_t bi = 0; bi < nb; bi++) {
        char code = b[bi];
        size_t distance = result = bi * MOVE_COST, minimum = (size_t)-1;
        for (size_t i = 0; i < na; i++) {
            size_t substitute = distance + subst_cost(code, a[i]);
            distance = buf[i];
            size_t insdel = (result < distance ? result : distance) + MOVE_COST;
            result = insdel < substitute ? insdel : substitute;
            buf[i] = result;
            if (result < minimum) minimum = result;
        }
        if (minimum > max_cost) return max_cost + 1;
    }
    return result;
}

// Best candidate among [names] (n strs) for [name], or VAL_NULL.
static Value suggest(ObjStr *name, const Value *names, size_t n, Value best, size_t *best_dist) {
    if (n >= SUGG_MAX_ITEMS) return best;
    for (size_t i = 0; i < n; i++) {
        if (!IS_STR(names[i])) continue;
        ObjStr *item = AS_STR(names[i]);
        if (str_eq(item, name)) continue;
        size_t maxd = (name->len + item->len + 3) * MOVE_COST / 6;
        if (best && *best_dist - 1 < maxd) maxd = *best_dist - 1;
        size_t d = levenshtein(name->data, name->len, item->data, item->len, maxd);
        if (d > maxd) continue;
        if (!best || d < *best_dist) {
            best = names[i];
            *best_dist = d;
        }
    }
    return best;
}

static Value suggest_dict(ObjStr *name, Value dict, Value best, size_t *dist) {
    if (!dict || !IS_DICT(dict) || AS_DICT(dict)->used >= SUGG_MAX_ITEMS) return best;
    ObjDict *d = AS_DICT(dict);
    Value found = VAL_NULL;
    size_t fd = 0;
    for (size_t i = 0; i < d->nentries; i++)
        if (d->entries[i].key) found = suggest(name, &d->entries[i].key, 1, found, &fd);
    if (found && (!best || fd < *dist)) {
        *dist = fd;
        return found;
    }
    return best;
}

bool vm_raise_name_error(Vm *vm, Frame *f, Value name) {
    rt_raise(vm, &NameError_type, "name '%U' is not defined", AS_STR(name));
    if (!vm->exc || !IS_EXC(vm->exc)) return false;
    Value e = vm->exc;
    gc_push_root(vm, e);
    bool ok = exc_set_attr(vm, e, "name", name);
    // The suggestion CPython prints: locals first, then globals, then builtins.
    Value s = VAL_NULL;
    size_t dist = 0;
    if (ok && f) {
        ObjStr *n = AS_STR(name);
        s = suggest(n, f->code->localnames, f->code->nlocals, VAL_NULL, &dist);
        if (!s) s = suggest_dict(n, f->locals, VAL_NULL, &dist);
        if (!s) s = suggest_dict(n, f->globals, VAL_NULL, &dist);
        if (!s) s = suggest_dict(n, vm->builtins, VAL_NULL, &dist);
    }
    if (ok && s) ok = exc_set_attr(vm, e, "__aiopy_suggestion__", s);
    gc_pop_root(vm);
    rt_exc_clear(vm);
    vm->exc = ok ? e : vm->exc;
    if (!ok) return false;
    vm->exc = e;
    return false;
}

// AttributeError raised by a failing attribute load: record name and the
// suggestion from dir(obj), as CPython's display offers it.
void vm_attr_error_context(Vm *vm, Value obj, Value name) {
    Value e = vm->exc;
    if (!e || !IS_TYPE_EXACT(e, AttributeError_type)) return;
    Value d = AS_EXC(e)->dict, tmp;
    if (d && IS_DICT(d) && dict_get_str(vm, AS_DICT(d), NAME(vm, name), &tmp) == 1) return;
    vm->exc = VAL_NULL;
    size_t mark = gc_roots_mark(vm);
    gc_push_root(vm, e);
    gc_push_root(vm, obj);
    Value dirfn, names;
    bool ok = exc_set_attr(vm, e, "name", name) && exc_set_attr(vm, e, "obj", obj);
    if (ok && dict_get_str(vm, AS_DICT(vm->builtins), str_intern_cstr(vm, "dir"), &dirfn) == 1 &&
        rt_call1(vm, dirfn, obj, &names) && IS_LIST(names)) {
        gc_push_root(vm, names);
        size_t dist = 0;
        Value s = suggest(AS_STR(name), AS_LIST(names)->items, AS_LIST(names)->len, VAL_NULL, &dist);
        if (s) exc_set_attr(vm, e, "__aiopy_suggestion__", s);
    }
    rt_exc_clear(vm);
    gc_roots_reset(vm, mark);
    vm->exc = e;
}

// ---- imports ----

static bool module_not_found(Vm *vm, Value name) {
    rt_raise(vm, &ModuleNotFoundError_type, "No module named '%U'", AS_STR(name));
    if (vm->exc && IS_EXC(vm->exc)) {
        Value e = vm->exc;
        gc_push_root(vm, e);
        exc_set_attr(vm, e, "name", name);
        vm->exc = e;
        gc_pop_root(vm);
    }
    return false;
}

bool vm_raise_diag(Vm *vm, const Diag *d, const char *filename, const Source *src, unsigned text_how) {
    ObjType *t = d->kind == DIAG_INDENTATION ? &IndentationError_type
               : d->kind == DIAG_TAB ? &TabError_type
               : d->kind == DIAG_MEMORY ? &MemoryError_type
               : d->kind == DIAG_RECURSION ? &RecursionError_type : &SyntaxError_type;
    if (t == &MemoryError_type || t == &RecursionError_type) return rt_raise(vm, t, "%s", d->msg ? d->msg : "");
    size_t len = 0;
    const char *line = d->line > 0 && src && !(text_how & VM_DIAG_NO_TEXT) ? lx_source_line(src, d->line, &len) : NULL;
    // SyntaxError.text keeps the line's newline, which CPython's tokenizer
    // also adds to the last line of a module.
    bool nl = line && (line[len] == '\n' || (text_how & VM_DIAG_EXEC));
    Value a[4];
    size_t mark = gc_roots_mark(vm);
    ObjStr *fn = str_from_cstr(vm, filename), *text = NULL, *msg;
    if (!fn) return false;
    gc_push_root(vm, OBJ_VAL(fn));
    if (line) {
        char *copy = malloc(len + 1);
        if (!copy) return gc_roots_reset(vm, mark), rt_raise_nomem(vm);
        memcpy(copy, line, len);
        copy[len] = '\n';
        text = str_new(vm, copy, len + nl);
        free(copy);
        if (!text) return gc_roots_reset(vm, mark), false;
        gc_push_root(vm, OBJ_VAL(text));
    }
    msg = str_from_cstr(vm, d->msg ? d->msg : "invalid syntax");
    if (!msg) return gc_roots_reset(vm, mark), false;
    gc_push_root(vm, OBJ_VAL(msg));
    Value a6[6];
    a6[0] = OBJ_VAL(fn);
    a6[1] = INT_VAL(d->line);
    a6[2] = INT_VAL(d->col + 1);
    a6[3] = text ? OBJ_VAL(text) : NONE_VAL;
    a6[4] = INT_VAL(d->end_line);
    a6[5] = INT_VAL(d->end_col + 1);
    (void)a;
    ObjTuple *info = tuple_from(vm, a6, 6);
    if (!info) return gc_roots_reset(vm, mark), false;
    gc_push_root(vm, OBJ_VAL(info));
    Value eargs[2] = {OBJ_VAL(msg), OBJ_VAL(info)}, e;
    bool ok = rt_call(vm, OBJ_VAL(t), eargs, 2, VAL_NULL, &e);
    gc_roots_reset(vm, mark);
    if (!ok) return false;
    return rt_raise_value(vm, e);
}

bool vm_exec_code(Vm *vm, ObjCode *co, Value globals, Value *out) {
    Frame *f = vm_frame_push(vm, co, VAL_NULL, globals, globals);
    if (!f) return false;
    return vm_run(vm, f, out);
}

ObjCode *vm_compile_module(Vm *vm, Source *src, const char *path) {
    Diag d;
    diag_init(&d);
    ParseResult pr;
    // The compiler checks what CPython's compiler checks (PARSE_ONLY_AST).
    if (!ps_parse(src, PARSE_FILE, PARSE_FROM_FILE | PARSE_ONLY_AST, &pr)) {
        vm_raise_diag(vm, &pr.diag, path, src, VM_DIAG_EXEC);
        ps_result_free(&pr);
        return NULL;
    }
    ObjCode *co = cg_compile(vm, pr.root, path, 0, &d);
    if (!co && diag_is_set(&d)) vm_raise_diag(vm, &d, path, src, VM_DIAG_EXEC);
    diag_clear(&d);
    ps_result_free(&pr);
    return co;
}

// Runs the module code [co] (named [path]) in [m]'s namespace.
static bool run_code_in(Vm *vm, ObjCode *co, const char *path, ObjModule *m) {
    // The embedded library's code lives as long as the program: keep it
    // out of collections (gc.h).
    if (strncmp(path, "<frozen ", 8) == 0) gc_make_permanent(vm, &co->hdr);
    gc_push_root(vm, OBJ_VAL(co));
    Value r;
    bool ok = vm_exec_code(vm, co, m->dict, &r);
    gc_pop_root(vm);
    return ok;
}

// Parses and compiles [src] (named [path]) and runs it in [m]'s namespace.
static bool run_source_in(Vm *vm, Source *src, const char *path, ObjModule *m) {
    ObjCode *co = vm_compile_module(vm, src, path);
    TRY(co);
    return run_code_in(vm, co, path, m);
}

// __package__ (the package a relative import starts from) and, for a
// package, __path__ = [pkgdir]: the directories its submodules are found in.
static bool set_package_attrs(Vm *vm, ObjModule *m, Value name, const char *pkgdir) {
    ObjStr *n = AS_STR(name);
    const char *dot = NULL;
    for (size_t i = n->len; i-- > 0;)
        if (n->data[i] == '.') {
            dot = n->data + i;
            break;
        }
    size_t plen = pkgdir ? n->len : dot ? (size_t)(dot - n->data) : 0;
    ObjStr *package = str_new(vm, n->data, plen);
    TRY(package);
    gc_push_root(vm, OBJ_VAL(package));
    bool ok = dict_set_cstr(vm, AS_DICT(m->dict), "__package__", OBJ_VAL(package));
    gc_pop_root(vm);
    if (!ok || !pkgdir) return ok;
    ObjList *path = list_new(vm, 0);
    TRY(path);
    gc_push_root(vm, OBJ_VAL(path));
    ObjStr *d = str_from_cstr(vm, pkgdir);
    ok = d && list_append(vm, path, OBJ_VAL(d)) && dict_set_cstr(vm, AS_DICT(m->dict), "__path__", OBJ_VAL(path));
    gc_pop_root(vm);
    return ok;
}

// Registers [m] as sys.modules[name], runs [src] in it (or [init] first for
// builtin modules) and unregisters it again when that fails, as CPython.
static bool exec_module(Vm *vm, Value name, ObjModule *m, const BuiltinModule *def, Source *src,
                        const char *path) {
    TRY(dict_set_cstr(vm, AS_DICT(m->dict), "__builtins__", vm->builtins));
    TRY(dict_set(vm, AS_DICT(vm->modules), name, OBJ_VAL(m)));
    bool ok = true;
    if (def && def->init) ok = def->init(vm, m);
    if (ok && def && def->code) {
        // Compiled when aiopy was built (vm/marshal.h).
        ObjCode *co = marshal_load_code(vm, def->code, def->code_len);
        ok = co && run_code_in(vm, co, path, m);
    } else if (ok && def && def->source) {
        Source s;
        Diag d;
        diag_init(&d);
        ok = lx_source_from_string(&s, path, def->source, def->source_len, &d);
        if (ok) {
            ok = run_source_in(vm, &s, path, m);
            lx_source_free(&s);
        } else {
            ok = vm_raise_diag(vm, &d, path, NULL, 0);
            diag_clear(&d);
        }
    }
    if (ok && src) ok = run_source_in(vm, src, path, m);
    if (!ok) {
        Value exc = rt_exc_take(vm);
        gc_push_root(vm, exc);
        dict_del(vm, AS_DICT(vm->modules), name, NULL);
        rt_exc_clear(vm);
        vm->exc = exc;
        gc_pop_root(vm);
    }
    return ok;
}

// Loads the source file [path] as module [name]: a package when [pkgdir]
// (its __init__.py's directory, the package's __path__) is given.
static bool load_source_module(Vm *vm, Value name, const char *path, const char *pkgdir, Value *out) {
    Source src;
    Diag d;
    diag_init(&d);
    if (!lx_source_load_file(&src, path, &d)) {
        bool r = diag_is_set(&d) ? vm_raise_diag(vm, &d, path, NULL, 0)
                                 : rt_raise(vm, &ImportError_type, "cannot read '%s'", path);
        diag_clear(&d);
        return r;
    }
    size_t mark = gc_roots_mark(vm);
    ObjModule *m = module_new(vm, AS_STR(name)->data);
    bool ok = m != NULL;
    if (ok) gc_push_root(vm, OBJ_VAL(m));
    ObjStr *ps = ok ? str_from_cstr(vm, path) : NULL;
    ok = ps && dict_set_cstr(vm, AS_DICT(m->dict), "__file__", OBJ_VAL(ps)) &&
         set_package_attrs(vm, m, name, pkgdir) && exec_module(vm, name, m, NULL, &src, path);
    lx_source_free(&src);
    gc_roots_reset(vm, mark);
    if (ok) *out = OBJ_VAL(m);
    return ok;
}

// A namespace package (PEP 420): directories named like it along the
// search path, none with an __init__.py; nothing runs.
static bool make_namespace_package(Vm *vm, Value name, ObjList *portions, Value *out) {
    size_t mark = gc_roots_mark(vm);
    ObjModule *m = module_new(vm, AS_STR(name)->data);
    bool ok = m != NULL;
    if (ok) gc_push_root(vm, OBJ_VAL(m));
    ok = ok && set_package_attrs(vm, m, name, NULL) &&
         dict_set_cstr(vm, AS_DICT(m->dict), "__file__", NONE_VAL) &&
         dict_set_cstr(vm, AS_DICT(m->dict), "__path__", OBJ_VAL(portions)) &&
         dict_set(vm, AS_DICT(vm->modules), name, OBJ_VAL(m));
    gc_roots_reset(vm, mark);
    if (ok) *out = OBJ_VAL(m);
    return ok;
}

// A builtin module (runtime/modules.c): made now, cached in sys.modules.
static bool load_builtin_module(Vm *vm, Value name, const BuiltinModule *def, Value *out) {
    char path[96];
    snprintf(path, sizeof path, "<frozen %s>", def->name);
    size_t mark = gc_roots_mark(vm);
    ObjModule *m = module_new(vm, def->name);
    TRY(m);
    gc_push_root(vm, OBJ_VAL(m));
    bool ok = true;
    if (def->package) {
        ObjList *l = list_new(vm, 0);
        ok = l && dict_set_cstr(vm, AS_DICT(m->dict), "__path__", OBJ_VAL(l));
    }
    ok = ok && exec_module(vm, name, m, def, NULL, path);
    gc_roots_reset(vm, mark);
    if (ok) *out = OBJ_VAL(m);
    return ok;
}

// [last] (a name's last part) in each directory of [dirs] in turn, as
// CPython's path finder looks: DIR/last/__init__.py (a package), then
// DIR/last.py; directories named [last] without an __init__.py make a
// namespace package when nothing else is found.
static bool find_in_dirs(Vm *vm, Value name, Value dirs, const char *last, Value *out) {
    if (!dirs || !IS_LIST(dirs)) return module_not_found(vm, name);
    size_t mark = gc_roots_mark(vm);
    gc_push_root(vm, dirs);
    ObjList *l = AS_LIST(dirs), *portions = NULL;
    bool ok = true, found = false;
    for (size_t i = 0; ok && !found && i < l->len; i++) {
        if (!IS_STR(l->items[i])) continue;
        ObjStr *dir = AS_STR(l->items[i]);
        size_t len = dir->len + strlen(last) + sizeof "/__init__.py" + 1;
        char *pkg = malloc(len), *init = malloc(len), *file = malloc(len);
        if (!pkg || !init || !file) {
            free(pkg), free(init), free(file);
            ok = rt_raise_nomem(vm);
            break;
        }
        const char *sep = dir->len ? "/" : "";
        snprintf(pkg, len, "%s%s%s", dir->data, sep, last);
        snprintf(init, len, "%s/__init__.py", pkg);
        snprintf(file, len, "%s%s%s.py", dir->data, sep, last);
        struct stat st;
        if (stat(pkg, &st) == 0 && S_ISDIR(st.st_mode)) {
            struct stat si;
            if (stat(init, &si) == 0 && S_ISREG(si.st_mode)) {
                ok = load_source_module(vm, name, init, pkg, out);
                found = true;
            } else {
                if (!portions) {
                    portions = list_new(vm, 0);
                    if (portions) gc_push_root(vm, OBJ_VAL(portions));
                }
                ObjStr *ps = portions ? str_from_cstr(vm, pkg) : NULL;
                ok = ps && list_append(vm, portions, OBJ_VAL(ps));
            }
        }
        if (ok && !found && stat(file, &st) == 0 && S_ISREG(st.st_mode)) {
            ok = load_source_module(vm, name, file, NULL, out);
            found = true;
        }
        free(pkg), free(init), free(file);
    }
    if (ok && !found) {
        if (portions) ok = make_namespace_package(vm, name, portions, out);
        else ok = module_not_found(vm, name);
    }
    gc_roots_reset(vm, mark);
    return ok;
}

// One module by its full name: sys.modules, the builtin table, then the
// directories of sys.path (top-level) or of its package's __path__.
static bool import_one(Vm *vm, Value name, Value *out) {
    ObjStr *n = AS_STR(name);
    if (dict_get_str(vm, AS_DICT(vm->modules), n, out) == 1) return true;
    BuiltinModule def;
    if (rt_module_find(n->data, n->len, &def)) return load_builtin_module(vm, name, &def, out);
    // Where to look: sys.path for a top-level module, else the __path__ of
    // its package (imported already by import_dotted).
    const char *dot = NULL;
    for (size_t i = n->len; i-- > 0;)
        if (n->data[i] == '.') {
            dot = n->data + i;
            break;
        }
    Value dirs = VM_TS(vm)->search_path;
    if (dot) {
        ObjStr *pn = str_new(vm, n->data, (size_t)(dot - n->data));
        TRY(pn);
        Value parent;
        int r = dict_get_str(vm, AS_DICT(vm->modules), pn, &parent);
        if (r != 1) return r < 0 ? false : module_not_found(vm, name);
        ObjStr *pk = str_intern_cstr(vm, "__path__");
        TRY(pk);
        gc_push_root(vm, parent);
        r = rt_getattr_opt(vm, parent, pk, &dirs);
        gc_pop_root(vm);
        if (r < 0) return false;
        if (r == 0) return module_not_found(vm, name);
    }
    const char *last = dot ? dot + 1 : n->data;
    return find_in_dirs(vm, name, dirs, last, out);
}

// `import a.b.c` imports a, a.b, a.b.c in turn, binding each as an attribute
// of its parent; the result is the top package unless there is a fromlist.
static bool import_dotted(Vm *vm, Value name, Value fromlist, Value *out) {
    ObjStr *n = AS_STR(name);
    size_t mark = gc_roots_mark(vm);
    Value top = VAL_NULL, parent = VAL_NULL, mod = VAL_NULL;
    size_t start = 0;
    bool ok = true;
    while (ok) {
        const char *dot = memchr(n->data + start, '.', n->len - start);
        size_t end = dot ? (size_t)(dot - n->data) : n->len;
        ObjStr *prefix = str_new(vm, n->data, end);
        ok = prefix != NULL;
        if (!ok) break;
        gc_push_root(vm, OBJ_VAL(prefix));
        if (parent) {
            Value pathv;
            ObjStr *pk = str_intern_cstr(vm, "__path__");
            if (!pk) {
                ok = false;
                break;
            }
            int r = rt_getattr_opt(vm, parent, pk, &pathv);
            if (r < 0) rt_exc_clear(vm);
            if (r != 1) {
                ObjStr *pn = str_new(vm, n->data, start - 1);
                if (pn) gc_push_root(vm, OBJ_VAL(pn));
                ok = pn && rt_raise(vm, &ModuleNotFoundError_type, "No module named '%U'; '%U' is not a package",
                                    prefix, pn);
                if (vm->exc && IS_EXC(vm->exc)) {
                    Value e = vm->exc;
                    gc_push_root(vm, e);
                    exc_set_attr(vm, e, "name", OBJ_VAL(prefix));
                    vm->exc = e;
                }
                break;
            }
        }
        ok = import_one(vm, OBJ_VAL(prefix), &mod);
        if (!ok) break;
        gc_push_root(vm, mod);
        if (parent) {
            ObjStr *child = str_new(vm, n->data + start, end - start);
            if (child) gc_push_root(vm, OBJ_VAL(child));
            ok = child && rt_setattr(vm, parent, child, mod);
        } else {
            top = mod;
        }
        parent = mod;
        if (!dot) break;
        start = end + 1;
    }
    gc_roots_reset(vm, mark);
    if (!ok) return false;
    bool has_from = fromlist && !IS_NONE(fromlist) && !(IS_TUPLE(fromlist) && AS_TUPLE(fromlist)->len == 0);
    *out = has_from ? mod : top;
    return true;
}

// `from pkg import sub` imports the submodule pkg.sub when the package has
// no attribute [sub] yet; that no such module exists is no error here
// (IMPORT_FROM then says "cannot import name"), as CPython's
// _handle_fromlist.
static bool import_submodules(Vm *vm, Value name, Value pkg, Value fromlist) {
    ObjTuple *fl = AS_TUPLE(fromlist);
    ObjStr *n = AS_STR(name);
    for (size_t i = 0; i < fl->len; i++) {
        if (!IS_STR(fl->items[i]) || strcmp(AS_STR(fl->items[i])->data, "*") == 0) continue;
        ObjStr *sub = AS_STR(fl->items[i]);
        Value v;
        int r = rt_getattr_opt(vm, pkg, sub, &v);
        if (r < 0) rt_exc_clear(vm);
        if (r == 1) continue;
        ObjStr *fs = rt_format_cmsg(vm, "%s.%s", n->data, sub->data);
        TRY(fs);
        gc_push_root(vm, OBJ_VAL(fs));
        bool ok = import_dotted(vm, OBJ_VAL(fs), VAL_NULL, &v);
        if (!ok && rt_exc_matches(vm, &ModuleNotFoundError_type)) {
            Value e = vm->exc, missing;
            ObjStr *nk = str_intern_cstr(vm, "name");
            int got = nk ? rt_getattr_opt(vm, e, nk, &missing) : -1;
            if (got == 1 && IS_STR(missing) && str_eq(AS_STR(missing), fs)) {
                rt_exc_clear(vm);
                ok = true;
            } else if (got < 0) {
                rt_exc_clear(vm);
                vm->exc = e;
            }
        }
        gc_pop_root(vm);
        TRY(ok);
    }
    return true;
}

// The absolute name a relative import ([level] dots, then [name]) means in
// the module whose globals are [globals], found as CPython's
// _calc___package__ and _resolve_name find it.
static bool resolve_relative(Vm *vm, Value globals, Value name, int64_t level, Value *out) {
    Value package = VAL_NULL, v;
    if (globals && IS_DICT(globals)) {
        ObjDict *g = AS_DICT(globals);
        ObjStr *pk = str_intern_cstr(vm, "__package__");
        TRY(pk);
        if (dict_get_str(vm, g, pk, &v) == 1 && !IS_NONE(v)) {
            package = v;
        } else {
            ObjStr *nk = str_intern_cstr(vm, "__name__"), *pathk = str_intern_cstr(vm, "__path__");
            TRY(nk && pathk);
            if (dict_get_str(vm, g, nk, &v) == 1 && IS_STR(v)) {
                ObjStr *modname = AS_STR(v);
                if (dict_get_str(vm, g, pathk, &(Value){0}) == 1) {
                    package = v;
                } else {
                    size_t k = modname->len;
                    while (k > 0 && modname->data[k - 1] != '.') k--;
                    ObjStr *ps = str_new(vm, modname->data, k ? k - 1 : 0);
                    TRY(ps);
                    package = OBJ_VAL(ps);
                }
            }
        }
    }
    if (package && !IS_STR(package)) return rt_raise(vm, &TypeError_type, "package must be a string");
    if (!package || AS_STR(package)->len == 0)
        return rt_raise(vm, &ImportError_type, "attempted relative import with no known parent package");
    ObjStr *pkg = AS_STR(package);
    size_t end = pkg->len;
    for (int64_t up = 1; up < level; up++) {
        while (end > 0 && pkg->data[end - 1] != '.') end--;
        if (end == 0) return rt_raise(vm, &ImportError_type, "attempted relative import beyond top-level package");
        end--;
    }
    ObjStr *nm = AS_STR(name);
    size_t len = end + (nm->len ? 1 + nm->len : 0);
    char *text = malloc(len + 1);
    if (!text) return rt_raise_nomem(vm);
    memcpy(text, pkg->data, end);
    if (nm->len) {
        text[end] = '.';
        memcpy(text + end + 1, nm->data, nm->len);
    }
    ObjStr *full = str_new(vm, text, len);
    free(text);
    TRY(full);
    *out = OBJ_VAL(full);
    return true;
}

bool vm_import_name(Vm *vm, Frame *f, Value name, Value fromlist, Value level, Value *out) {
    size_t mark = gc_roots_mark(vm);
    if (IS_INT(level) && AS_INT(level) > 0) {
        bool ok = resolve_relative(vm, f ? f->globals : VAL_NULL, name, AS_INT(level), &name);
        if (!ok) return false;
        gc_push_root(vm, name);
    }
    ObjStr *n = AS_STR(name);
    bool ok = memchr(n->data, '.', n->len) ? import_dotted(vm, name, fromlist, out) : import_one(vm, name, out);
    if (ok && fromlist && IS_TUPLE(fromlist) && AS_TUPLE(fromlist)->len) {
        // Only a package (it has __path__) has submodules to import.
        Value pathv;
        ObjStr *pk = str_intern_cstr(vm, "__path__");
        gc_push_root(vm, *out);
        int r = pk ? rt_getattr_opt(vm, *out, pk, &pathv) : -1;
        if (r < 0) rt_exc_clear(vm);
        if (r == 1) ok = import_submodules(vm, name, *out, fromlist);
    }
    gc_roots_reset(vm, mark);
    return ok;
}

bool vm_import_from(Vm *vm, Value module, Value name, Value *out) {
    int r = rt_getattr_opt(vm, module, AS_STR(name), out);
    if (r == 1) return true;
    if (r < 0) {
        if (!rt_exc_matches(vm, &AttributeError_type)) return false;
        rt_exc_clear(vm);
    }
    Value mn = VAL_NULL, file = VAL_NULL;
    if (rt_getattr_opt(vm, module, NAME(vm, name), &mn) < 0) rt_exc_clear(vm);
    ObjStr *fk = str_intern_cstr(vm, "__file__");
    TRY(fk);
    if (rt_getattr_opt(vm, module, fk, &file) < 0) rt_exc_clear(vm);
    if (mn && IS_STR(mn)) {
        if (file && IS_STR(file))
            return rt_raise(vm, &ImportError_type, "cannot import name '%U' from '%U' (%U)", AS_STR(name),
                            AS_STR(mn), AS_STR(file));
        return rt_raise(vm, &ImportError_type, "cannot import name '%U' from '%U' (unknown location)",
                        AS_STR(name), AS_STR(mn));
    }
    return rt_raise(vm, &ImportError_type, "cannot import name '%U'", AS_STR(name));
}

// from M import *: the names M.__all__ lists, read with getattr (so a
// module __getattr__ makes lazy ones), else every name of M.__dict__ not
// starting with '_'.
static bool star_store(Vm *vm, Frame *f, Value k, Value v) {
    return IS_TYPE_EXACT(f->locals, dict_type) ? dict_set(vm, AS_DICT(f->locals), k, v)
                                               : rt_setitem(vm, f->locals, k, v);
}

bool vm_import_star(Vm *vm, Frame *f, Value module) {
    Value all, it, name, v;
    ObjStr *all_name = str_intern_cstr(vm, "__all__");
    TRY(all_name);
    gc_push_root(vm, OBJ_VAL(all_name));
    int r = rt_getattr_opt(vm, module, all_name, &all);
    gc_pop_root(vm);
    if (r < 0) return false;
    if (r) {
        size_t mark = gc_roots_mark(vm);
        gc_push_root(vm, all);
        if (!rt_iter(vm, all, &it)) return gc_roots_reset(vm, mark), false;
        gc_push_root(vm, it);
        bool ok = true;
        IterResult ir;
        while (ok && (ir = rt_next(vm, it, &name)) == ITER_NEXT) {
            gc_push_root(vm, name);
            if (!IS_STR(name)) {
                Value mn;
                ok = rt_getattr(vm, module, NAME(vm, name), &mn) &&
                     rt_raise(vm, &TypeError_type, "Item in %S.__all__ must be str, not %s", mn,
                              type_name(rt_type(name)));
            } else {
                ok = rt_getattr(vm, module, AS_STR(name), &v);
                if (ok) {
                    gc_push_root(vm, v);
                    ok = star_store(vm, f, name, v);
                    gc_pop_root(vm);
                }
            }
            gc_pop_root(vm);
        }
        gc_roots_reset(vm, mark);
        return ok && ir != ITER_ERROR;
    }
    Value d;
    TRY(rt_getattr(vm, module, NAME(vm, dict), &d));
    if (!IS_DICT(d)) return true;
    size_t pos = 0;
    Value k;
    gc_push_root(vm, d);
    bool ok = true;
    while (ok && dict_next(AS_DICT(d), &pos, &k, &v)) {
        if (!IS_STR(k) || AS_STR(k)->data[0] == '_') continue;
        ok = star_store(vm, f, k, v);
    }
    gc_pop_root(vm);
    return ok;
}

// ---- creation ----

Vm *vm_new(int argc, char **argv) {
    Vm *vm = rt_vm_new();
    if (!vm) return NULL;
    ThreadState *ts = calloc(1, sizeof *ts);
    if (!ts) {
        rt_vm_free(vm);
        return NULL;
    }
    ts->recursion_limit = 1000;
    vm->hooks.ctx = ts;
    vm->hooks.call = vm_call_function;
    vm->hooks.mark_roots = mark_roots;
    vm->hooks.finalize = finalize_hook;
    vm->hooks.check_signals = vm_signals_check;
    vm->hooks.adopt_coroutine = vm_gen_adopt;
    bool ok = rt_builtins_init(vm);
    ObjNative *bc = ok ? native_new_function(vm, &build_class_def, VAL_NULL) : NULL;
    if (bc) {
        ts->build_class = OBJ_VAL(bc);
        ok = dict_set_cstr(vm, AS_DICT(vm->builtins), "__build_class__", OBJ_VAL(bc));
    } else {
        ok = false;
    }
    ok = ok && vm_evalexec_init(vm);
    Value sys;
    ok = ok && rt_sys_init(vm, argc, argv, &sys);
    if (ok) {
        ts->sys_module = sys;
        Value path;
        if (rt_getattr_cstr(vm, sys, "path", &path)) ts->search_path = path;
        else ok = false;
    }
    if (!ok) {
        vm_free(vm);
        return NULL;
    }
    return vm;
}

void vm_free(Vm *vm) {
    if (!vm) return;
    ThreadState *ts = VM_TS(vm);
    rt_vm_free(vm);
    if (ts) {
        while (ts->chunk) {
            FrameChunk *p = ts->chunk->prev;
            free(ts->chunk);
            ts->chunk = p;
        }
        free(ts->spare);
        free(ts);
    }
}

// ---- running __main__ ----

// SystemExit's code -> exit status, printing a non-int code (§2).
int vm_system_exit_status(Vm *vm, Value exc) {
    Value code = AS_EXC(exc)->value;
    ObjTuple *args = IS_TUPLE(AS_EXC(exc)->args) ? AS_TUPLE(AS_EXC(exc)->args) : NULL;
    if (!code) code = args && args->len == 1 ? args->items[0] : args && args->len ? AS_EXC(exc)->args : NONE_VAL;
    if (IS_NONE(code)) return 0;
    if (IS_ANYINT(code)) {
        int64_t n;
        if (int_as_i64(vm, code, &n)) return (int)(n & 0xff);
        rt_exc_clear(vm);
        return 1;
    }
    Value s;
    fflush(stdout);
    if (rt_str(vm, code, &s)) {
        fwrite(AS_STR(s)->data, 1, AS_STR(s)->len, stderr);
        fputc('\n', stderr);
    } else {
        rt_exc_clear(vm);
    }
    return 1;
}

// Prints or converts what escaped the program; returns the exit status.
static int report_uncaught(Vm *vm) {
    Value exc = rt_exc_take(vm);
    if (!exc) return 1;
    gc_push_root(vm, exc);
    int status = 1;
    if (IS_INSTANCE(exc, SystemExit_type) && !vm->inspect) {
        status = vm_system_exit_status(vm, exc);
    } else {
        fflush(stdout);
        vm_print_exception(vm, exc);
        if (IS_INSTANCE(exc, KeyboardInterrupt_type)) status = VM_EXIT_SIGINT;
    }
    gc_pop_root(vm);
    return status;
}

int vm_finish(Vm *vm, int status) {
    // Like CPython's teardown, so that suspended generators close and
    // finalisers run before exit. __main__ drops its namespace, and a
    // collection finalises what that leaves unreachable: the program's
    // globals, and garbage a refcount would have freed earlier. Every
    // finaliser of the batch runs before anything is freed, as CPython runs
    // those of a cycle before clearing it, so a __del__ finds the globals
    // it names.
    // With no object of a finaliser type alive, a collection could only free
    // memory, which vm_free does anyway: skip it (a tenth of an empty
    // script's instructions). Finalisers a collection queued run too.
    if (!vm->gc_finalizable && !vm->finq_len) goto flush;
    ThreadState *ts = VM_TS(vm);
    // As CPython's teardown, the REPL's last value goes first, while the
    // warnings module still works.
    ObjStr *underscore = str_intern_cstr(vm, "_");
    Value last = VAL_NULL;
    if (underscore && dict_del(vm, AS_DICT(vm->builtins), OBJ_VAL(underscore), &last) < 0) rt_exc_clear(vm);
    if (last && vm_drop_shows(last)) {
        vm->teardown_warnings_alive = true;
        gc_collect(vm);
        vm->teardown_warnings_alive = false;
    }
    if (ts->main_module) {
        // __main__ leaves sys.modules and gets an empty namespace: its old
        // one stays whole for as long as anything (a function's globals)
        // holds it, and goes with the rest when nothing does.
        ObjModule *m = AS_MODULE(ts->main_module);
        ObjStr *key = str_intern_cstr(vm, "__main__");
        Value held;
        if (key && dict_get_str(vm, AS_DICT(vm->modules), key, &held) == 1 && held == OBJ_VAL(m))
            dict_del(vm, AS_DICT(vm->modules), OBJ_VAL(key), NULL);
        ObjDict *empty = dict_new(vm);
        if (empty) m->dict = OBJ_VAL(empty);
        rt_exc_clear(vm);
    }
    gc_collect(vm);
flush:
    if (fflush(stdout) != 0 && status == 0) {
        fputs("Exception ignored on flushing sys.stdout:\nBrokenPipeError: [Errno 32] Broken pipe\n", stderr);
        status = 120;
    }
    return status;
}

ObjModule *vm_main_module(Vm *vm, const char *file) {
    ThreadState *ts = VM_TS(vm);
    if (ts->main_module) return AS_MODULE(ts->main_module);
    ObjModule *m = module_new(vm, "__main__");
    if (!m) return NULL;
    gc_push_root(vm, OBJ_VAL(m));
    // __main__'s namespace as CPython fills it, in its order: an empty
    // __annotations__, __builtins__ the module (other modules get the
    // dict), and for a file __file__ and __cached__ (None).
    ObjDict *ann = dict_new(vm);
    bool ok = ann && dict_set_cstr(vm, AS_DICT(m->dict), "__annotations__", OBJ_VAL(ann));
    Value bmod;
    if (ok && dict_get_str(vm, AS_DICT(vm->modules), str_intern_cstr(vm, "builtins"), &bmod) != 1)
        bmod = vm->builtins;
    ok = ok && dict_set_cstr(vm, AS_DICT(m->dict), "__builtins__", bmod) &&
         dict_set_cstr(vm, AS_DICT(vm->modules), "__main__", OBJ_VAL(m));
    if (ok && file) {
        ObjStr *fs = str_from_cstr(vm, file);
        ok = fs && dict_set_cstr(vm, AS_DICT(m->dict), "__file__", OBJ_VAL(fs)) &&
             dict_set_cstr(vm, AS_DICT(m->dict), "__cached__", NONE_VAL);
    }
    gc_pop_root(vm);
    if (!ok) return NULL;
    ts->main_module = OBJ_VAL(m);
    return m;
}

int vm_main_run_ast(Vm *vm, const AstNode *root, Source *src, ReportInput how) {
    Diag d;
    diag_init(&d);
    ObjCode *co = cg_compile(vm, root, src->name, 0, &d);
    if (!co) {
        if (diag_is_set(&d)) {
            ps_report_from(stderr, src->name, src, &d, how);
            diag_clear(&d);
            return 1;
        }
        return report_uncaught(vm);
    }
    size_t mark = gc_roots_mark(vm);
    gc_push_root(vm, OBJ_VAL(co));
    ObjModule *m = vm_main_module(vm, how == REPORT_FILE ? src->name : NULL);
    int status;
    if (!m) {
        status = report_uncaught(vm);
    } else {
        Value r;
        status = vm_exec_code(vm, co, m->dict, &r) ? 0 : report_uncaught(vm);
    }
    gc_roots_reset(vm, mark);
    return vm->inspect ? status : vm_finish(vm, status);
}

int vm_main_run(Vm *vm, Source *src, ReportInput how) {
    ParseResult pr;
    // The compiler checks what CPython's compiler checks (PARSE_ONLY_AST).
    unsigned flags = PARSE_ONLY_AST | (how == REPORT_STRING ? 0 : PARSE_FROM_FILE);
    if (!ps_parse(src, PARSE_FILE, flags, &pr)) {
        ps_report_from(stderr, src->name, src, &pr.diag, how);
        ps_result_free(&pr);
        return 1;
    }
    int status = vm_main_run_ast(vm, pr.root, src, how);
    ps_result_free(&pr);
    return status;
}

// Streaming batches of about this many bytes of tree (with their symbol
// tables) stay in the caches, and the memory is reused batch after batch.
enum { STREAM_BATCH = 1 << 20 };

static bool stream_sink(void *ud, AstNode *const *stmts, uint32_t n, Arena *a) {
    return cg_stream_add(ud, stmts, n, a);
}

ObjCode *vm_compile_stream(Vm *vm, const Source *src, unsigned parse_flags) {
    CgStream *s = cg_stream_begin(vm, src->name);
    if (!s) {
        rt_exc_clear(vm);
        return NULL;
    }
    if (!ps_parse_stream(src, parse_flags, STREAM_BATCH, stream_sink, s)) {
        cg_stream_free(s);
        return NULL;
    }
    return cg_stream_end(s);
}

bool vm_check_stream(const Source *src, unsigned parse_flags) {
    Vm *vm = vm_new(0, NULL);
    if (!vm) return false;
    if (!AIOPY_GC_STRESS) vm->gc_disabled = true;   // as in vm_check
    bool ok = vm_compile_stream(vm, src, parse_flags) != NULL;
    vm_free(vm);
    return ok;
}

int vm_check(const AstNode *root, Source *src, ReportInput how) {
    Vm *vm = vm_new(0, NULL);
    if (!vm) {
        fputs("MemoryError\n", stderr);
        return 1;
    }
    // Nothing runs, so no collection can free anything but the compiler's
    // few temporaries: automatic collections would only re-mark the code
    // objects built so far (a tenth of the time on a 10 MB file). The
    // gc-stress build keeps them, to check the compiler's rooting.
    if (!AIOPY_GC_STRESS) vm->gc_disabled = true;
    Diag d;
    diag_init(&d);
    ObjCode *co = cg_compile(vm, root, src->name, 0, &d);
    int status = 0;
    if (!co) {
        if (diag_is_set(&d)) ps_report_from(stderr, src->name, src, &d, how);
        else report_uncaught(vm);
        status = 1;
    }
    diag_clear(&d);
    vm_free(vm);
    return status;
}
