// The dispatch loop, and only that. Each handler is written once as
// TARGET(OP) ... DISPATCH(); the build picks computed goto (a label table
// generated from opcodes.h) or a switch.
//
// Invariants:
//  * ip, sp and the frame's arrays live in C locals. SAVE() writes ip/sp
//    back to the frame before anything that can allocate (and so collect),
//    call out, raise or switch frames; LOAD() reads them after a frame switch.
//    Handlers keep their operands on the stack (below the saved sp) while
//    they call out, so the GC sees them; they pop only afterwards.
//  * A Python-to-Python call pushes a frame and continues here: no C
//    recursion. RETURN_VALUE pops back to the caller, or leaves the loop at
//    the entry frame. C re-enters only through vm_call_function (dunders
//    called from C), counted by c_depth.
//  * Exceptions: a failing handler jumps to `error` with the exception on
//    vm->exc. `error` records (code, offset) in the traceback, then
//    `exception_unwind` consults the code's exception table: the handler's
//    depth is restored, the exception pushed, and execution continues at the
//    target; without a handler the frame is popped and the search goes on in
//    the caller. No block stack, no cost when nothing raises.
//  * Generator frames resumed from C (next(), send(), for) are entry frames
//    of their own run: YIELD_VALUE saves ip/sp and returns SEND_NEXT to the
//    resumer (gen.c). A SEND in bytecode (yield from, await) links the
//    receiver's frame above the current one instead and continues here
//    while the sender parks: a YIELD_VALUE in the receiver (at any depth)
//    returns straight to the entry's resumer, its RETURN_VALUE lands on the
//    SEND's exit, so delegation chains of any depth use no C stack and a
//    resume goes straight to the chain's leaf.
#include <string.h>

#include "config.h"
#include "runtime/builtins.h"
#include "runtime/dict.h"
#include "runtime/exc.h"
#include "runtime/excgroup.h"
#include "runtime/float.h"
#include "runtime/gc.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/native.h"
#include "runtime/ops.h"
#include "runtime/range.h"
#include "runtime/slice.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"
#include "vm/opcodes.h"
#include "vm/vm_int.h"
#include "vm/vm_ops.h"
#include "vm/gen_int.h"
#include "vm/icache.h"

#define SAVE() (frame->ip = ip, frame->sp = sp)
// Unwinding pops the stack down to [base] as CPython pops it, top first:
// a temporary whose dropping shows (a coroutine never awaited, a for loop's
// generator with cleanup pending) is finalised as it goes. One scan decides
// whether anything shows; the common case pops nothing one by one.
#define POP_TEMPORARIES_TO(base)                                           \
    do {                                                                   \
        Value *floor_ = (base);                                            \
        if (vm_gen_any_drop_shows(floor_, sp)) {                           \
            while (sp > floor_) {                                          \
                sp--;                                                      \
                if (vm_gen_any_drop_shows(sp, sp + 1)) {                   \
                    SAVE();                                                \
                    vm_gen_dropped(vm);                                    \
                }                                                          \
            }                                                              \
        }                                                                  \
    } while (0)
#define LOAD()                                                                    \
    do {                                                                          \
        ip = frame->ip;                                                           \
        sp = frame->sp;                                                           \
        consts = frame->code->consts;                                             \
        names = frame->code->names;                                               \
        caches = frame->code->caches;                                             \
        locals = frame->localsplus;                                               \
    } while (0)
#define PUSH(v) (*sp++ = (v))
#define POP() (*--sp)
#define TOP() (sp[-1])
#define PEEK(n) (sp[-(ptrdiff_t)(n)])
#define ERROR() goto error
#define NAME_AT(i) AS_STR(names[i])
// The instruction's inline cache (icache.h); the code's first instruction
// with one makes them all.
#define GET_CACHE(c)                                                              \
    do {                                                                          \
        if (__builtin_expect(!caches, 0)) {                                       \
            SAVE();                                                               \
            if (!(caches = code_caches(vm, frame->code))) ERROR();                \
        }                                                                         \
        c = &caches[oparg];                                                       \
    } while (0)

#if AIOPY_COMPUTED_GOTO
#define TARGET(op) L_##op:
#define DISPATCH()                                                                \
    do {                                                                          \
        word = *ip++;                                                             \
        oparg = INSTR_ARG(word);                                                  \
        goto *labels[INSTR_OP(word)];                                             \
    } while (0)
#else
#define TARGET(op) case OP_##op: L_##op:
#define DISPATCH() goto dispatch
#endif
// The second half of a superinstruction (opcodes.h): its word is read as
// DISPATCH would, but its handler is entered directly.
#define NEXT_AS(op)                                                               \
    do {                                                                          \
        word = *ip++;                                                             \
        oparg = INSTR_ARG(word);                                                  \
        goto L_##op;                                                              \
    } while (0)

// CALL and CALL_FUNCTION_EX of a Python function [fn] with the call's
// arguments, its operands starting at [base]: a generator function leaves
// its new generator; any other pushes a frame and continues in this loop
// (no C recursion). The arguments now live in the new frame, so the caller
// resumes with its stack cut back to [base].
#define CALL_PYTHON(fn, items, npos, kw)                                          \
    do {                                                                          \
        Value gen_;                                                               \
        Frame *nf_ = vm_call_setup(vm, (fn), (items), (npos), (kw), &gen_);       \
        if (!nf_) ERROR();                                                        \
        sp = base;                                                                \
        if (gen_) {                                                               \
            PUSH(gen_);                                                           \
            DISPATCH();                                                           \
        }                                                                         \
        frame->sp = sp;                                                           \
        frame->ip = ip;                                                           \
        frame = nf_;                                                              \
        frame->state = FRAME_RUNNING;                                             \
        LOAD();                                                                   \
        if (ts->eval_breaker && !vm_handle_breaker(vm)) ERROR();                  \
        DISPATCH();                                                               \
    } while (0)

// COMPARE_OP's operator [op] on two small ints.
static inline bool small_int_compare(uint32_t op, int64_t x, int64_t y) {
    switch (op) {
    case CMP_LT: return x < y;
    case CMP_LE: return x <= y;
    case CMP_EQ: return x == y;
    case CMP_NE: return x != y;
    case CMP_GT: return x > y;
    default: return x >= y;
    }
}

// Offset of the instruction being executed (ip already moved past it).
#define LASTI() ((uint32_t)(ip - frame->code->words) - 1)

static SendResult run(Vm *vm, Frame *entry, Frame *start, Value *out, bool throwing);

// The generator and sent value of a call of its send() / __next__() (bound
// or through the method descriptor) or of next(g); gen is VAL_NULL otherwise.
typedef struct GenCall {
    Value gen, sent;
} GenCall;

static GenCall gen_call_of(const ObjNative *nat, Value *args, size_t n) {
    NativeFn fn = nat->def->fn;
    GenCall c = {VAL_NULL, NONE_VAL};
    if (nat->self) {
        if (fn == vm_slot_m_send && n == 1) c = (GenCall){nat->self, args[0]};
        else if (fn == vm_slot_m_next && n == 0) c.gen = nat->self;
    } else if (nat->owner) {
        // A descriptor applies to its own type only (the slow path says so).
        if (n == 0 || !IS_OBJ(args[0]) || AS_OBJ(args[0])->type != nat->owner) return c;
        if (fn == vm_slot_m_send && n == 2) c = (GenCall){args[0], args[1]};
        else if (fn == vm_slot_m_next && n == 1) c.gen = args[0];
    } else if (fn == rt_builtin_next && n == 1 && IS_OBJ(args[0]) && AS_OBJ(args[0])->type == &generator_type) {
        c.gen = args[0];   // a coroutine is no iterator: next() raises TypeError
    }
    return c;
}

// The target of the SEND or FOR_ITER instruction ending at [w] (ip - 1 of a
// frame parked in it), EXTENDED_ARG prefix included.
static uint32_t jump_target(const uint32_t *w) {
    uint32_t arg = INSTR_ARG(w[0]);
    if (INSTR_OP(w[-1]) == OP_EXTENDED_ARG) arg |= INSTR_ARG(w[-1]) << INSTR_ARG_BITS;
    return arg;
}

bool vm_run(Vm *vm, Frame *entry, Value *out) {
    return run(vm, entry, entry, out, false) == SEND_RETURN;
}

SendResult vm_run_gen(Vm *vm, Frame *entry, Frame *start, Value *out, bool throwing) {
    return run(vm, entry, start, out, throwing);
}

// Never-awaited coroutines (gen_int.h): does storing [name] into the
// mapping [ns] overwrite one?
static bool overwrites_unstarted(Vm *vm, Value ns, Value name) {
    Value old;
    return IS_TYPE_EXACT(ns, dict_type) && dict_get_str(vm, AS_DICT(ns), AS_STR(name), &old) == 1 &&
           vm_gen_is_unstarted(old);
}

// Does a returning frame hold an unstarted coroutine other than the result
// [r] in [localsplus, to), leaving out the coroutines its [caller] still holds in its locals or on its stack: most often the callee
// got it as an argument (asyncio's helpers take coroutines through several
// calls), and a full collection per such return made that quadratic.
static bool drops_unstarted(const Frame *f, const Value *to, Value r, const Frame *caller) {
    for (const Value *v = f->localsplus; v < to; v++) {
        if (*v == r || !vm_gen_is_unstarted(*v)) continue;
        if (!caller || !caller->code) return true;
        const Value *c = caller->localsplus, *end = caller->sp;
        while (c < end && *c != *v) c++;
        if (c == end) return true;
    }
    return false;
}

static SendResult run(Vm *vm, Frame *entry, Frame *start, Value *out, bool throwing) {
    ThreadState *ts = VM_TS(vm);
    Frame *frame = start;
    uint32_t *ip;
    Value *sp, *consts, *names, *locals;
    CodeCache *caches;
    uint32_t word, oparg;
    Value kwnames = VAL_NULL;   // set by KW_NAMES for the next CALL
    size_t roots = gc_roots_mark(vm);
#if AIOPY_COMPUTED_GOTO
    static const void *const labels[OP_COUNT_] = {
#define OP_LABEL(name, kind, eff, jeff) &&L_##name,
        VM_OPCODES(OP_LABEL)
#undef OP_LABEL
#define OP_SUPER_LABEL(name, first, second) &&L_##name,
        VM_SUPEROPS(OP_SUPER_LABEL)
#undef OP_SUPER_LABEL
    };
#endif
    entry->entry = true;
    start->state = FRAME_RUNNING;
    LOAD();
    // A thrown exception is chained with the generator's own handled
    // exception only, never its caller's (ThreadState.throw_nochain).
    bool no_chain = throwing && ts->throw_nochain;
    ts->throw_nochain = false;
    if (throwing) goto error;
    if (ts->eval_breaker && !vm_handle_breaker(vm)) goto error;
    DISPATCH();

#if !AIOPY_COMPUTED_GOTO
dispatch:
    word = *ip++;
    oparg = INSTR_ARG(word);
dispatch_op:
    switch (INSTR_OP(word)) {
#endif

    TARGET(NOP) DISPATCH();

    TARGET(EXTENDED_ARG) {
        uint32_t high = oparg << INSTR_ARG_BITS;
        word = *ip++;
        oparg = high | INSTR_ARG(word);
#if AIOPY_COMPUTED_GOTO
        goto *labels[INSTR_OP(word)];
#else
        goto dispatch_op;
#endif
    }

    TARGET(POP_TOP) {
        Value v = POP();
        // A coroutine dropped without being awaited (the `f()` statement):
        // CPython warns at once, from this line; see gen.c.
        // A (async) for loop left by break or return drops its generator: CPython
        // closes it at once when nothing else holds it, which matters when
        // it has cleanup (finally, with) pending.
        if (IS_OBJ(v) && v != NONE_VAL &&
            ((AS_OBJ(v)->type == &coroutine_type && vm_gen_unstarted(v)) ||
             ((AS_OBJ(v)->type == &generator_type || AS_OBJ(v)->type == &async_generator_type) &&
              vm_gen_cleanup_pending(v)))) {
            SAVE();
            vm_gen_dropped(vm);
        }
        DISPATCH();
    }

    TARGET(PUSH_NULL) {
        PUSH(VAL_NULL);
        DISPATCH();
    }

    TARGET(COPY) {
        Value v = PEEK(oparg);
        PUSH(v);
        DISPATCH();
    }

    TARGET(SWAP) {
        Value t = TOP();
        sp[-1] = PEEK(oparg);
        sp[-(int)oparg] = t;
        DISPATCH();
    }

    TARGET(LOAD_CONST) {
        PUSH(consts[oparg]);
        DISPATCH();
    }

    TARGET(LOAD_FAST) {
        Value v = locals[oparg];
        if (v == VAL_NULL) {
            SAVE();
            rt_raise(vm, &UnboundLocalError_type,
                     "cannot access local variable '%U' where it is not associated with a value",
                     AS_STR(frame->code->localnames[oparg]));
            ERROR();
        }
        PUSH(v);
        DISPATCH();
    }

    TARGET(STORE_FAST) {
        // Overwriting a never-started coroutine may drop it (see POP_TOP).
        if (ts->unstarted_coros && vm_gen_is_unstarted(locals[oparg])) {
            locals[oparg] = POP();
            SAVE();
            vm_gen_dropped(vm);
            DISPATCH();
        }
        locals[oparg] = POP();
        DISPATCH();
    }

    TARGET(DELETE_FAST) {
        if (locals[oparg] == VAL_NULL) {
            SAVE();
            rt_raise(vm, &UnboundLocalError_type,
                     "cannot access local variable '%U' where it is not associated with a value",
                     AS_STR(frame->code->localnames[oparg]));
            ERROR();
        }
        Value old = locals[oparg];
        locals[oparg] = VAL_NULL;
        if (vm_drop_shows(old)) {
            SAVE();
            vm_gen_dropped(vm);
        }
        DISPATCH();
    }

    TARGET(LOAD_DEREF) {
        ObjCode *co = frame->code;
        Value v = AS_CELL(locals[co->nlocals + oparg])->ref;
        if (v == VAL_NULL) {
            SAVE();
            vm_raise_unbound_deref(vm, frame, oparg);
            ERROR();
        }
        PUSH(v);
        DISPATCH();
    }

    TARGET(STORE_DEREF) {
        AS_CELL(locals[frame->code->nlocals + oparg])->ref = POP();
        DISPATCH();
    }

    TARGET(DELETE_DEREF) {
        ObjCell *c = AS_CELL(locals[frame->code->nlocals + oparg]);
        if (c->ref == VAL_NULL) {
            SAVE();
            vm_raise_unbound_deref(vm, frame, oparg);
            ERROR();
        }
        Value old = c->ref;
        c->ref = VAL_NULL;
        if (vm_drop_shows(old)) {
            SAVE();
            vm_gen_dropped(vm);
        }
        DISPATCH();
    }

    TARGET(LOAD_CLOSURE) {
        PUSH(locals[frame->code->nlocals + oparg]);
        DISPATCH();
    }

    TARGET(LOAD_CLASSDEREF) {
        ObjCode *co = frame->code;
        Value name = co->localnames[co->nlocals + oparg], v;
        if (frame->locals) {
            int r = IS_TYPE_EXACT(frame->locals, dict_type) ? dict_get_str(vm, AS_DICT(frame->locals), AS_STR(name), &v)
                                                            : (SAVE(), vm_mapping_get(vm, frame->locals, name, &v));
            if (r < 0) ERROR();
            if (r == 1) {
                PUSH(v);
                DISPATCH();
            }
        }
        v = AS_CELL(locals[co->nlocals + oparg])->ref;
        if (v == VAL_NULL) {
            SAVE();
            vm_raise_unbound_deref(vm, frame, oparg);
            ERROR();
        }
        PUSH(v);
        DISPATCH();
    }

    TARGET(LOAD_GLOBAL) {
        CodeCache *c;
        GET_CACHE(c);
        Value v;
        ObjDict *g = AS_DICT(frame->globals), *b = AS_DICT(vm->builtins);
        if (icache_global_hit(c, g, b, &v)) {
            PUSH(v);
            DISPATCH();
        }
        SAVE();
        if (icache_load_global(vm, c, g, b, &v) == 1) {
            PUSH(v);
            DISPATCH();
        }
        vm_raise_name_error(vm, frame, OBJ_VAL(c->name));
        ERROR();
    }

    TARGET(STORE_GLOBAL) {
        SAVE();
        bool drops = ts->unstarted_coros && overwrites_unstarted(vm, frame->globals, names[oparg]);
        if (!dict_set(vm, AS_DICT(frame->globals), names[oparg], TOP())) ERROR();
        sp--;
        if (drops) {
            SAVE();
            vm_gen_dropped(vm);
        }
        DISPATCH();
    }

    TARGET(DELETE_GLOBAL) {
        SAVE();
        Value old = VAL_NULL;
        int r = dict_del(vm, AS_DICT(frame->globals), names[oparg], &old);
        if (r < 0) ERROR();
        if (r == 0) {
            vm_raise_name_error(vm, frame, names[oparg]);
            ERROR();
        }
        if (vm_drop_shows(old)) vm_gen_dropped(vm);
        DISPATCH();
    }

    TARGET(LOAD_NAME) {
        Value v;
        ObjStr *name = NAME_AT(oparg);
        SAVE();
        if (frame->locals) {
            int r = IS_TYPE_EXACT(frame->locals, dict_type) ? dict_get_str(vm, AS_DICT(frame->locals), name, &v)
                                            : vm_mapping_get(vm, frame->locals, OBJ_VAL(name), &v);
            if (r < 0) ERROR();
            if (r == 1) {
                PUSH(v);
                DISPATCH();
            }
        }
        if (dict_get_str(vm, AS_DICT(frame->globals), name, &v) == 1 ||
            dict_get_str(vm, AS_DICT(vm->builtins), name, &v) == 1) {
            PUSH(v);
            DISPATCH();
        }
        vm_raise_name_error(vm, frame, OBJ_VAL(name));
        ERROR();
    }

    TARGET(STORE_NAME) {
        SAVE();
        bool drops = ts->unstarted_coros && overwrites_unstarted(vm, frame->locals, names[oparg]);
        // A class body's namespace may be any mapping __prepare__ gave (enum's
        // dict subclass sees every assignment): only an exact dict is written directly.
        bool ok = IS_TYPE_EXACT(frame->locals, dict_type) ? dict_set(vm, AS_DICT(frame->locals), names[oparg], TOP())
                                         : rt_setitem(vm, frame->locals, names[oparg], TOP());
        if (!ok) ERROR();
        sp--;
        if (drops) {
            SAVE();
            vm_gen_dropped(vm);
        }
        DISPATCH();
    }

    TARGET(DELETE_NAME) {
        SAVE();
        Value old = VAL_NULL;
        int r = IS_TYPE_EXACT(frame->locals, dict_type) ? dict_del(vm, AS_DICT(frame->locals), names[oparg], &old)
                                       : (rt_delitem(vm, frame->locals, names[oparg]) ? 1 : -1);
        if (r < 0) ERROR();
        if (r == 0) {
            vm_raise_name_error(vm, frame, names[oparg]);
            ERROR();
        }
        if (vm_drop_shows(old)) vm_gen_dropped(vm);
        DISPATCH();
    }

    TARGET(LOAD_ATTR) {
        CodeCache *c;
        GET_CACHE(c);
        Value v;
        if (icache_attr_hit(c, TOP(), &v)) {
            sp[-1] = v;
            DISPATCH();
        }
        SAVE();
        if (!icache_load_attr(vm, c, TOP(), &v)) {
            vm_attr_error_context(vm, TOP(), OBJ_VAL(c->name));
            ERROR();
        }
        sp[-1] = v;
        DISPATCH();
    }

    TARGET(STORE_ATTR) {
        // [value, obj]
        CodeCache *c;
        GET_CACHE(c);
        Value obj = TOP();
        if (c->kind == IC_STORE && icache_type_ok(c, obj)) {
            Value d = *obj_dict_slot(obj);
            DictEntry *e = d && !AS_DICT(d)->watched ? icache_entry(AS_DICT(d), c->hint, c->name) : NULL;
            if (e) {
                e->value = PEEK(2);
                sp -= 2;
                DISPATCH();
            }
            if (d) {   // a new key (an __init__ filling a fresh instance)
                SAVE();
                if (!dict_set(vm, AS_DICT(d), OBJ_VAL(c->name), PEEK(2))) ERROR();
                sp -= 2;
                DISPATCH();
            }
        }
        SAVE();
        if (!icache_store_attr(vm, c, obj, PEEK(2))) ERROR();
        sp -= 2;
        DISPATCH();
    }

    TARGET(DELETE_ATTR) {
        SAVE();
        if (!rt_delattr(vm, TOP(), NAME_AT(oparg))) ERROR();
        sp--;
        DISPATCH();
    }

    TARGET(LOAD_METHOD) {
        // [obj] -> [method, obj] when the attribute is a plain function found
        // on the type (no bound method is made), else [NULL, attr].
        CodeCache *c;
        GET_CACHE(c);
        Value obj = TOP(), meth;
        if (c->kind == IC_METHOD) {
            if (icache_type_ok(c, obj) && icache_not_in_instance(c, obj)) {
                sp[-1] = c->value;
                PUSH(obj);
                DISPATCH();
            }
        } else if (icache_attr_hit(c, obj, &meth)) {
            sp[-1] = VAL_NULL;
            PUSH(meth);
            DISPATCH();
        }
        SAVE();
        int r = icache_load_method(vm, c, obj, &meth);
        if (r < 0) {
            vm_attr_error_context(vm, obj, OBJ_VAL(c->name));
            ERROR();
        }
        if (r == 1) {
            sp[-1] = meth;
            PUSH(obj);
        } else {
            sp[-1] = VAL_NULL;
            PUSH(meth);
        }
        DISPATCH();
    }

    TARGET(BINARY_OP) {
        Value b = TOP(), a = PEEK(2), r;
        if (IS_INT(a) && IS_INT(b)) {
            int64_t x = AS_INT(a), y = AS_INT(b), z;
            switch (oparg & ~(uint32_t)BINOP_INPLACE) {
            case BINOP_ADD: z = x + y; goto small_result;   // 62-bit operands cannot overflow int64
            case BINOP_SUB: z = x - y; goto small_result;
            case BINOP_MUL:
                if (__builtin_mul_overflow(x, y, &z)) break;
                goto small_result;
            case BINOP_AND: z = x & y; goto small_result;
            case BINOP_OR: z = x | y; goto small_result;
            case BINOP_XOR: z = x ^ y; goto small_result;
            case BINOP_FLOORDIV:
                if (y == 0) break;
                z = x / y;
                if ((x % y != 0) && ((x < 0) != (y < 0))) z--;
                goto small_result;
            case BINOP_MOD:
                if (y == 0) break;
                z = x % y;
                if (z != 0 && ((z < 0) != (y < 0))) z += y;
                goto small_result;
            default: break;
            }
            goto slow_binop;
        small_result:
            if (FITS_SMALL(z)) {
                sp--;
                sp[-1] = INT_VAL(z);
                DISPATCH();
            }
        }
    slow_binop:
        SAVE();
        if (!rt_binary_op(vm, (int)oparg, a, b, &r)) ERROR();
        sp--;
        sp[-1] = r;
        DISPATCH();
    }

    TARGET(UNARY_NEGATIVE) {
        Value v = TOP(), r;
        if (IS_INT(v) && AS_INT(v) != SMALL_MIN) {
            sp[-1] = INT_VAL(-AS_INT(v));
            DISPATCH();
        }
        SAVE();
        if (!rt_unary_op(vm, UNOP_NEG, v, &r)) ERROR();
        sp[-1] = r;
        DISPATCH();
    }

    TARGET(UNARY_POSITIVE) {
        Value r;
        SAVE();
        if (!rt_unary_op(vm, UNOP_POS, TOP(), &r)) ERROR();
        sp[-1] = r;
        DISPATCH();
    }

    TARGET(UNARY_INVERT) {
        Value r;
        SAVE();
        if (!rt_unary_op(vm, UNOP_INVERT, TOP(), &r)) ERROR();
        sp[-1] = r;
        DISPATCH();
    }

    TARGET(UNARY_NOT) {
        Value v = TOP();
        int t;
        if (v == TRUE_VAL) t = 1;
        else if (v == FALSE_VAL || v == NONE_VAL) t = 0;
        else {
            SAVE();
            t = rt_is_true(vm, v);
            if (t < 0) ERROR();
        }
        sp[-1] = rt_bool(!t);
        DISPATCH();
    }

    TARGET(COMPARE_OP) {
        Value b = TOP(), a = PEEK(2), r;
        if (IS_INT(a) && IS_INT(b)) {
            bool t = small_int_compare(oparg, AS_INT(a), AS_INT(b));
            sp--;
            sp[-1] = rt_bool(t);
            DISPATCH();
        }
        SAVE();
        if (!rt_richcompare(vm, a, b, (CmpOp)oparg, &r)) ERROR();
        sp--;
        sp[-1] = r;
        DISPATCH();
    }

    TARGET(IS_OP) {
        bool t = (PEEK(2) == TOP()) != (oparg != 0);
        sp--;
        sp[-1] = rt_bool(t);
        DISPATCH();
    }

    TARGET(CONTAINS_OP) {
        SAVE();
        int r = rt_contains(vm, TOP(), PEEK(2));
        if (r < 0) ERROR();
        sp--;
        sp[-1] = rt_bool((r != 0) != (oparg != 0));
        DISPATCH();
    }

    TARGET(BINARY_SUBSCR) {
        Value r;
        SAVE();
        if (!rt_getitem(vm, PEEK(2), TOP(), &r)) ERROR();
        sp--;
        sp[-1] = r;
        DISPATCH();
    }

    TARGET(STORE_SUBSCR) {
        // [value, obj, key]
        SAVE();
        if (!rt_setitem(vm, PEEK(2), TOP(), PEEK(3))) ERROR();
        sp -= 3;
        DISPATCH();
    }

    TARGET(DELETE_SUBSCR) {
        SAVE();
        if (!rt_delitem(vm, PEEK(2), TOP())) ERROR();
        sp -= 2;
        DISPATCH();
    }

    TARGET(BUILD_SLICE) {
        SAVE();
        Value step = oparg == 3 ? TOP() : NONE_VAL;
        Value *base = sp - oparg;
        ObjSlice *s = slice_new(vm, base[0], base[1], step);
        if (!s) ERROR();
        sp = base;
        PUSH(OBJ_VAL(s));
        DISPATCH();
    }

    TARGET(BUILD_TUPLE) {
        SAVE();
        ObjTuple *t = tuple_from(vm, sp - oparg, oparg);
        if (!t) ERROR();
        sp -= oparg;
        PUSH(OBJ_VAL(t));
        DISPATCH();
    }

    TARGET(BUILD_LIST) {
        SAVE();
        ObjList *l = list_from(vm, sp - oparg, oparg);
        if (!l) ERROR();
        sp -= oparg;
        PUSH(OBJ_VAL(l));
        DISPATCH();
    }

    TARGET(BUILD_SET) {
        Value s;
        SAVE();
        if (!vm_build_set(vm, sp - oparg, oparg, &s)) ERROR();
        sp -= oparg;
        PUSH(s);
        DISPATCH();
    }

    TARGET(BUILD_MAP) {
        SAVE();
        ObjDict *d = dict_new(vm);
        if (!d) ERROR();
        PUSH(OBJ_VAL(d));   // rooted while filled
        Value *base = sp - 1 - 2 * oparg;
        for (uint32_t i = 0; i < oparg; i++) {
            SAVE();
            if (!dict_set(vm, d, base[2 * i], base[2 * i + 1])) ERROR();
        }
        sp = base;
        PUSH(OBJ_VAL(d));
        DISPATCH();
    }

    TARGET(BUILD_CONST_KEY_MAP) {
        goto bad_opcode;
    }

    TARGET(BUILD_STRING) {
        Value s;
        SAVE();
        if (!vm_build_string(vm, sp - oparg, oparg, &s)) ERROR();
        sp -= oparg;
        PUSH(s);
        DISPATCH();
    }

    TARGET(LIST_APPEND) {
        SAVE();
        if (!list_append(vm, AS_LIST(PEEK(oparg + 1)), TOP())) ERROR();
        sp--;
        DISPATCH();
    }

    TARGET(SET_ADD) {
        SAVE();
        if (!vm_set_add(vm, PEEK(oparg + 1), TOP())) ERROR();
        sp--;
        DISPATCH();
    }

    TARGET(MAP_ADD) {
        // [..., dict, ..., key, value]
        SAVE();
        if (!dict_set(vm, AS_DICT(PEEK(oparg + 2)), PEEK(2), TOP())) ERROR();
        sp -= 2;
        DISPATCH();
    }

    TARGET(LIST_EXTEND) {
        SAVE();
        if (!vm_list_extend(vm, PEEK(oparg + 1), TOP())) ERROR();
        sp--;
        DISPATCH();
    }

    TARGET(SET_UPDATE) {
        SAVE();
        if (!vm_set_update(vm, PEEK(oparg + 1), TOP())) ERROR();
        sp--;
        DISPATCH();
    }

    TARGET(DICT_UPDATE) {
        SAVE();
        if (!vm_dict_update(vm, PEEK(oparg + 1), TOP())) ERROR();
        sp--;
        DISPATCH();
    }

    TARGET(DICT_MERGE) {
        // The callable sits three below the dict: [NULL, f, args, dict, mapping].
        SAVE();
        if (!vm_dict_merge(vm, PEEK(oparg + 1), TOP(), PEEK(oparg + 3))) ERROR();
        sp--;
        DISPATCH();
    }

    TARGET(LIST_TO_TUPLE) {
        SAVE();
        ObjList *l = AS_LIST(TOP());
        ObjTuple *t = tuple_from(vm, l->items, l->len);
        if (!t) ERROR();
        sp[-1] = OBJ_VAL(t);
        DISPATCH();
    }

    TARGET(UNPACK_SEQUENCE) {
        SAVE();
        if (!vm_unpack(vm, sp - 1, oparg, -1, 0)) ERROR();
        sp += (int)oparg - 1;
        DISPATCH();
    }

    TARGET(UNPACK_EX) {
        uint32_t before = oparg & 0xff, after = oparg >> 8;
        SAVE();
        if (!vm_unpack(vm, sp - 1, before, (int)before, after)) ERROR();
        sp += (int)(before + after);
        DISPATCH();
    }

    TARGET(FORMAT_VALUE) {
        Value spec = (oparg & FV_SPEC) ? TOP() : VAL_NULL, r;
        Value v = (oparg & FV_SPEC) ? PEEK(2) : TOP();
        SAVE();
        if (!vm_format_value(vm, v, (int)(oparg & 3), spec, &r)) ERROR();
        if (oparg & FV_SPEC) sp--;
        sp[-1] = r;
        DISPATCH();
    }

    TARGET(GET_ITER) {
        Value it;
        SAVE();
        if (!rt_iter(vm, TOP(), &it)) ERROR();
        sp[-1] = it;
        DISPATCH();
    }

    TARGET(FOR_ITER) {
        Value v;
        if (IS_OBJ(TOP()) && AS_OBJ(TOP())->type == &range_iter_type) {
            RangeIter *it = (RangeIter *)AS_OBJ(TOP());
            if (it->left > 0 && FITS_SMALL(it->next)) {
                PUSH(INT_VAL(it->next));
                it->left--;
                it->next += it->left ? it->step : 0;
                DISPATCH();
            }
        }
        SAVE();
        if (IS_OBJ(TOP()) && AS_OBJ(TOP())->type == &generator_type) {
            // The generator runs inline: its YIELD_VALUE pushes the value
            // here, its RETURN_VALUE jumps to the loop's exit (gen.c).
            Frame *gf = gen_for_enter(vm, TOP(), frame);
            if (gf) {
                frame = gf;
                LOAD();
                DISPATCH();
            }
        }
        IterResult r = rt_next(vm, TOP(), &v);
        if (r == ITER_NEXT) {
            PUSH(v);
            DISPATCH();
        }
        if (r == ITER_ERROR) ERROR();
        vm->iter_stop = VAL_NULL;
        sp--;
        ip = frame->code->words + oparg;
        DISPATCH();
    }

    TARGET(JUMP) {
        ip = frame->code->words + oparg;
        DISPATCH();
    }

    TARGET(JUMP_BACKWARD) {
        // The breaker is checked before jumping, so an exception it raises
        // (KeyboardInterrupt) is located at the jump: the loop's header line.
        if (ts->eval_breaker) {
            SAVE();
            if (!vm_handle_breaker(vm)) ERROR();
        }
        ip = frame->code->words + oparg;
        DISPATCH();
    }

    TARGET(POP_JUMP_IF_FALSE) {
        Value v = POP();
        if (v == FALSE_VAL || v == NONE_VAL) {
            ip = frame->code->words + oparg;
        } else if (v != TRUE_VAL) {
            sp++;
            SAVE();
            int t = rt_is_true(vm, v);
            if (t < 0) ERROR();
            sp--;
            if (!t) ip = frame->code->words + oparg;
        }
        DISPATCH();
    }

    TARGET(POP_JUMP_IF_TRUE) {
        Value v = POP();
        if (v == TRUE_VAL) {
            ip = frame->code->words + oparg;
        } else if (v != FALSE_VAL && v != NONE_VAL) {
            sp++;
            SAVE();
            int t = rt_is_true(vm, v);
            if (t < 0) ERROR();
            sp--;
            if (t) ip = frame->code->words + oparg;
        }
        DISPATCH();
    }

    TARGET(POP_JUMP_IF_NONE) {
        if (POP() == NONE_VAL) ip = frame->code->words + oparg;
        DISPATCH();
    }

    TARGET(POP_JUMP_IF_NOT_NONE) {
        if (POP() != NONE_VAL) ip = frame->code->words + oparg;
        DISPATCH();
    }

    TARGET(JUMP_IF_FALSE_OR_POP) {
        Value v = TOP();
        int t = v == TRUE_VAL ? 1 : (v == FALSE_VAL || v == NONE_VAL) ? 0 : -2;
        if (t == -2) {
            SAVE();
            t = rt_is_true(vm, v);
            if (t < 0) ERROR();
        }
        if (!t) ip = frame->code->words + oparg;
        else sp--;
        DISPATCH();
    }

    TARGET(JUMP_IF_TRUE_OR_POP) {
        Value v = TOP();
        int t = v == TRUE_VAL ? 1 : (v == FALSE_VAL || v == NONE_VAL) ? 0 : -2;
        if (t == -2) {
            SAVE();
            t = rt_is_true(vm, v);
            if (t < 0) ERROR();
        }
        if (t) ip = frame->code->words + oparg;
        else sp--;
        DISPATCH();
    }

    TARGET(KW_NAMES) {
        kwnames = consts[oparg];
        DISPATCH();
    }

    TARGET(CALL) {
        // [NULL, callable, args...] or [callable, self, args...]
        Value kw = kwnames;
        kwnames = VAL_NULL;
        size_t nkw = kw ? AS_TUPLE(kw)->len : 0;
        size_t n = oparg;
        Value *base = sp - n - 2;   // the call's first stack slot
        Value callable = base[0];
        Value *args;
        if (callable) {
            args = base + 1;
            n++;
        } else {
            callable = base[1];
            args = base + 2;
            if (IS_METHOD(callable)) {
                // Unpack a bound method in place: [func, self, args...].
                base[0] = AS_METHOD(callable)->func;
                base[1] = AS_METHOD(callable)->self;
                callable = base[0];
                args = base + 1;
                n++;
            }
        }
        size_t npos = n - nkw;
        SAVE();
        if (IS_FUNCTION(callable)) {
            ObjFunction *fn = AS_FUNCTION(callable);
            Frame *nf;
            if (fn->simple_call && !nkw && npos == fn->code->argcount &&
                (nf = vm_frame_push_simple(ts, fn, args))) {
                frame->sp = base;
                frame = nf;
                frame->state = FRAME_RUNNING;
                LOAD();
                if (ts->eval_breaker && !vm_handle_breaker(vm)) ERROR();
                DISPATCH();
            }
            CALL_PYTHON(fn, args, npos, kw);
        }
        if (IS_NATIVE(callable) && !nkw) {
            // g.send(v), g.__next__(), next(g): the generator runs inline
            // and its yield is the call's result (gen.c).
            Value gen = VAL_NULL, sent = NONE_VAL;
            GenCall c = gen_call_of(AS_NATIVE(callable), args, npos);
            if (c.gen && IS_OBJ(c.gen) &&
                (AS_OBJ(c.gen)->type == &generator_type || AS_OBJ(c.gen)->type == &coroutine_type)) {
                gen = c.gen;
                sent = c.sent;
            }
            Frame *gf = gen ? gen_call_enter(vm, gen, sent, frame) : NULL;
            if (gf) {
                frame->sp = base;
                frame = gf;
                LOAD();
                DISPATCH();
            }
            // d.append(x), l.pop(): a method descriptor called on an instance
            // of its own type needs none of native_call's checks. A turn of
            // `d.append(i); d.popleft()` went from 575 to 506 instructions
            // (callgrind, 300,000 turns).
            const ObjNative *nat = AS_NATIVE(callable);
            if (!gen && !nat->self && nat->owner && !(nat->def->flags & (METH_CLASS | METH_STATIC)) &&
                npos && IS_OBJ(args[0]) && AS_OBJ(args[0])->type == nat->owner) {
                Value r;
                if (!rt_enter(vm, RT_WHERE_CALL)) ERROR();
                bool ok = nat->def->fn(vm, args, npos, VAL_NULL, &r);
                rt_leave(vm);
                if (!ok) ERROR();
                sp = base;
                PUSH(r);
                DISPATCH();
            }
            // random.random(), math.sqrt(x): a bound builtin method called
            // through [NULL, callable, args...] gets its self in the
            // callable's slot (the callable moves to the NULL slot, so it
            // stays rooted), and a plain builtin function runs on the
            // stack's arguments: neither goes through native_call's copy
            // (about a tenth of a random.random() call's instructions).
            if (!gen && !(nat->def->flags & (METH_CLASS | METH_STATIC)) &&
                (nat->self ? args == base + 2 : !nat->owner)) {
                if (nat->self) {
                    base[0] = callable;
                    base[1] = nat->self;
                    args = base + 1;
                    npos++;
                }
                Value r;
                if (!rt_enter(vm, RT_WHERE_CALL)) ERROR();
                bool ok = nat->def->fn(vm, args, npos, VAL_NULL, &r);
                rt_leave(vm);
                if (!ok) ERROR();
                sp = base;
                PUSH(r);
                DISPATCH();
            }
        }
        Value r;
        if (!rt_call(vm, callable, args, npos, kw, &r)) ERROR();
        sp = base;
        PUSH(r);
        DISPATCH();
    }

    TARGET(CALL_FUNCTION_EX) {
        // [NULL, callable, args, (kwargs dict)]: flattened in place, then a
        // Python function is entered inline like CALL does.
        Value *base = sp - 3 - (oparg & 1);
        Value kw, r;
        SAVE();
        if (!vm_flatten_call(vm, base + 1, (oparg & 1) ? base + 3 : NULL, &kw)) ERROR();
        Value callable = base[1];
        ObjTuple *flat = AS_TUPLE(base[2]);
        size_t npos = flat->len - (kw ? AS_TUPLE(kw)->len : 0);
        if (IS_FUNCTION(callable)) CALL_PYTHON(AS_FUNCTION(callable), flat->items, npos, kw);
        if (!rt_call(vm, callable, flat->items, npos, kw, &r)) ERROR();
        sp = base;
        PUSH(r);
        DISPATCH();
    }

    TARGET(MAKE_FUNCTION) {
        SAVE();
        ObjFunction *f = func_new(vm, AS_CODE(TOP()), frame->globals, vm->builtins);
        if (!f) ERROR();
        sp--;
        if (oparg & MF_CLOSURE) f->closure = POP();
        if (oparg & MF_ANNOTATIONS) f->annotations = POP();
        if (oparg & MF_KWDEFAULTS) f->kwdefaults = POP();
        if (oparg & MF_DEFAULTS) f->defaults = POP();
        PUSH(OBJ_VAL(f));
        DISPATCH();
    }

    TARGET(RETURN_VALUE) {
        Value r = POP();
        if (frame->entry) {
            *out = r;
            SAVE();
            frame->state = FRAME_CLEARED;
            vm_frame_pop(vm, frame);
            gc_roots_reset(vm, roots);
            return SEND_RETURN;
        }
        Frame *prev = frame->previous;
        if (frame->owner == FRAME_OWNED_BY_GEN) {
            // An inline generator finished: its SEND in the caller takes the
            // value and jumps to its exit; a for loop over it is exhausted.
            uint8_t iterated = frame->iterated;
            gc_push_root(vm, r);   // leaving may allocate (a frame object's locals)
            gen_inline_leave(vm, frame);
            frame = prev;
            LOAD();
            if (iterated == ITER_CALL) {
                // send()/next() of a generator that returns: StopIteration.
                vm_gen_raise_stop(vm, r);
                gc_pop_root(vm);
                ERROR();
            }
            gc_pop_root(vm);
            if (iterated) sp--;
            else sp[-1] = r;
            ip = frame->code->words + jump_target(ip - 1);
            DISPATCH();
        }
        // A never-started coroutine left in a local dies with the frame.
        bool drops = ts->unstarted_coros && drops_unstarted(frame, sp, r, prev);
        vm_frame_pop(vm, frame);
        frame = prev;
        LOAD();
        PUSH(r);
        if (drops) {
            SAVE();
            vm_gen_dropped(vm);
        }
        DISPATCH();
    }

    TARGET(RAISE_VARARGS) {
        SAVE();
        if (oparg == 0) {
            if (!ts->exc_info) {
                rt_raise(vm, &RuntimeError_type, "No active exception to reraise");
                ERROR();
            }
            vm->exc = ts->exc_info;
            goto exception_unwind;
        }
        vm_do_raise(vm, oparg >= 1 ? PEEK(oparg) : VAL_NULL, oparg == 2 ? TOP() : VAL_NULL);
        sp -= oparg;
        ERROR();
    }

    TARGET(RERAISE) {
        vm->exc = POP();
        SAVE();
        goto exception_unwind;
    }

    TARGET(CHECK_EG_MATCH) {
        // [rest, type] -> [rest', match]: the part of rest an `except* type`
        // clause takes. A match becomes the exception being handled.
        Value match, rest;
        SAVE();
        if (!excgroup_star_match(vm, PEEK(2), TOP(), &match, &rest)) ERROR();
        if (!IS_NONE(match)) {
            sp[-2] = rest;
            ts->exc_info = match;
        }
        sp[-1] = match;
        DISPATCH();
    }

    TARGET(PREP_RERAISE_STAR) {
        // [orig, raised] -> [what the try-except* re-raises, or None]
        Value r;
        SAVE();
        if (!excgroup_prep_reraise(vm, PEEK(2), TOP(), &r)) ERROR();
        sp--;
        sp[-1] = r;
        DISPATCH();
    }

    TARGET(PUSH_EXC_INFO) {
        Value exc = TOP();
        sp[-1] = ts->exc_info ? ts->exc_info : NONE_VAL;
        ts->exc_info = exc;
        PUSH(exc);
        DISPATCH();
    }

    TARGET(POP_EXCEPT) {
        Value prev = POP();
        ts->exc_info = prev == NONE_VAL ? VAL_NULL : prev;
        DISPATCH();
    }

    TARGET(CHECK_EXC_MATCH) {
        SAVE();
        int r = vm_exc_match(vm, PEEK(2), TOP());
        if (r < 0) ERROR();
        sp[-1] = rt_bool(r);
        DISPATCH();
    }

    TARGET(LOAD_ASSERTION_ERROR) {
        PUSH(OBJ_VAL(&AssertionError_type));
        DISPATCH();
    }

    TARGET(LOAD_BUILD_CLASS) {
        PUSH(ts->build_class);
        DISPATCH();
    }

    TARGET(BEFORE_WITH) {
        Value exit_, res;
        SAVE();
        if (!vm_before_with(vm, TOP(), &exit_, &res)) ERROR();
        sp[-1] = exit_;
        PUSH(res);
        DISPATCH();
    }

    TARGET(WITH_EXCEPT_START) {
        // [exit, prev_exc, exc] -> [..., exit(type, exc, tb)]
        Value r;
        SAVE();
        if (!vm_with_exit(vm, PEEK(3), TOP(), &r)) ERROR();
        PUSH(r);
        DISPATCH();
    }

    TARGET(IMPORT_NAME) {
        Value m;
        SAVE();
        if (!vm_import_name(vm, frame, names[oparg], TOP(), PEEK(2), &m)) ERROR();
        sp--;
        sp[-1] = m;
        DISPATCH();
    }

    TARGET(IMPORT_FROM) {
        Value v;
        SAVE();
        if (!vm_import_from(vm, TOP(), names[oparg], &v)) ERROR();
        PUSH(v);
        DISPATCH();
    }

    TARGET(IMPORT_STAR) {
        SAVE();
        if (!vm_import_star(vm, frame, TOP())) ERROR();
        sp--;
        DISPATCH();
    }

    TARGET(SETUP_ANNOTATIONS) {
        SAVE();
        if (!vm_setup_annotations(vm, frame)) ERROR();
        DISPATCH();
    }

    TARGET(PRINT_EXPR) {
        SAVE();
        if (!vm_print_expr(vm, TOP())) ERROR();
        sp--;
        DISPATCH();
    }

    TARGET(RETURN_GENERATOR) {
        // Never executed: calling a generator function makes the generator
        // and starts its frame after this instruction.
        goto bad_opcode;
    }

    TARGET(YIELD_VALUE) {
        Value v = POP();
        SAVE();
        if (frame->owner == FRAME_OWNED_BY_GEN && (frame->iterated || (frame != entry && ts->iterated_frames))) {
            // To the for loop iterating this generator (or the generator a
            // chain of SENDs from here starts at).
            Frame *loop = gen_for_yield(vm, frame);
            if (loop) {
                frame = loop;
                LOAD();
                PUSH(v);
                DISPATCH();
            }
        }
        if (frame->owner == FRAME_OWNED_BY_GEN && entry->owner == FRAME_OWNED_BY_GEN) {
            // From the entry, or from a level of the await chain above it:
            // the value goes straight to the entry's resumer, and the levels
            // in between stay parked in their SENDs (gen.c).
            if (frame != entry) gen_flat_yield(vm, frame, entry);
            frame->state = FRAME_SUSPENDED;
            ts->current = entry->previous;
            ts->py_depth--;
            *out = v;
            gc_roots_reset(vm, roots);
            return SEND_NEXT;
        }
        rt_raise(vm, &SystemError_type, "yield outside a generator frame");
        ERROR();
    }

    TARGET(GET_YIELD_FROM_ITER) {
        Value it;
        SAVE();
        if (!vm_yield_from_iter(vm, frame, TOP(), &it)) ERROR();
        sp[-1] = it;
        DISPATCH();
    }

    TARGET(GET_AWAITABLE) {
        Value it;
        SAVE();
        if (!vm_get_awaitable_op(vm, TOP(), oparg, &it)) ERROR();
        sp[-1] = it;
        DISPATCH();
    }

    TARGET(SEND) {
        // [receiver, value] -> next: [receiver, yielded]; return: [result], jump.
        // A generator or coroutine receiver runs inline: its frame is linked
        // above this one and the loop continues in it (YIELD_VALUE and
        // RETURN_VALUE there come back here, see below).
        Value r, recv = PEEK(2);
        if (IS_OBJ(recv) && (AS_OBJ(recv)->type == &generator_type || AS_OBJ(recv)->type == &coroutine_type)) {
            Frame *gf = gen_inline_enter(vm, recv, TOP(), frame);
            if (gf) {
                sp--;
                SAVE();
                frame = gf;
                LOAD();
                if (ts->eval_breaker && !vm_handle_breaker(vm)) ERROR();
                DISPATCH();
            }
        }
        SAVE();
        SendResult s = vm_send(vm, PEEK(2), TOP(), &r);
        if (s == SEND_ERROR) ERROR();
        if (s == SEND_NEXT) {
            sp[-1] = r;
            DISPATCH();
        }
        sp--;
        sp[-1] = r;
        ip = frame->code->words + oparg;
        DISPATCH();
    }

    TARGET(CLEANUP_THROW) {
        // [receiver, exc]: a StopIteration from the delegate ends the
        // delegation with its value; anything else propagates.
        Value exc = TOP();
        bool raw = ts->throw_here_stop;
        ts->throw_here_stop = false;
        if (!raw && IS_INSTANCE(exc, StopIteration_type)) {
            Value v = AS_EXC(exc)->value;
            sp--;
            sp[-1] = v ? v : NONE_VAL;
            DISPATCH();
        }
        sp--;
        vm->exc = exc;
        SAVE();
        goto exception_unwind;
    }

    TARGET(GET_AITER) {
        Value it;
        SAVE();
        if (!vm_get_aiter(vm, TOP(), &it)) ERROR();
        sp[-1] = it;
        DISPATCH();
    }

    TARGET(GET_ANEXT) {
        // [aiter] -> [aiter, awaitable of aiter.__anext__()]
        Value aw;
        SAVE();
        if (!vm_get_anext(vm, TOP(), &aw)) ERROR();
        PUSH(aw);
        DISPATCH();
    }

    TARGET(END_ASYNC_FOR) {
        // [aiter, exc] from the loop's handler: StopAsyncIteration ends the
        // loop, anything else keeps propagating.
        Value exc = TOP();
        if (IS_INSTANCE(exc, StopAsyncIteration_type)) {
            sp -= 2;
            DISPATCH();
        }
        sp--;
        vm->exc = exc;
        SAVE();
        goto exception_unwind;
    }

    TARGET(BEFORE_ASYNC_WITH) {
        Value exit_, res;
        SAVE();
        if (!vm_before_async_with(vm, TOP(), &exit_, &res)) ERROR();
        sp[-1] = exit_;
        PUSH(res);
        DISPATCH();
    }

    TARGET(ASYNC_GEN_WRAP) {
        Value w;
        SAVE();
        if (!vm_async_gen_wrap(vm, TOP(), &w)) ERROR();
        sp[-1] = w;
        DISPATCH();
    }

    // Superinstructions (opcodes.h). Each first half falls back to its own
    // handler (which then dispatches the second word as usual) before it
    // has changed anything, whenever the common case does not apply.
#define FIRST_LOAD_FAST()                                                         \
    do {                                                                          \
        Value v_ = locals[oparg];                                                 \
        if (v_ == VAL_NULL) goto L_LOAD_FAST;                                     \
        PUSH(v_);                                                                 \
    } while (0)
#define FIRST_STORE_FAST()                                                        \
    do {                                                                          \
        if (ts->unstarted_coros) goto L_STORE_FAST;                               \
        locals[oparg] = POP();                                                    \
    } while (0)

    TARGET(LOAD_FAST__LOAD_FAST) {
        FIRST_LOAD_FAST();
        NEXT_AS(LOAD_FAST);
    }

    TARGET(LOAD_FAST__LOAD_CONST) {
        FIRST_LOAD_FAST();
        NEXT_AS(LOAD_CONST);
    }

    TARGET(LOAD_FAST__LOAD_ATTR) {
        FIRST_LOAD_FAST();
        NEXT_AS(LOAD_ATTR);
    }

    TARGET(LOAD_FAST__LOAD_METHOD) {
        FIRST_LOAD_FAST();
        NEXT_AS(LOAD_METHOD);
    }

    TARGET(LOAD_CONST__LOAD_FAST) {
        PUSH(consts[oparg]);
        NEXT_AS(LOAD_FAST);
    }

    TARGET(STORE_FAST__LOAD_FAST) {
        FIRST_STORE_FAST();
        NEXT_AS(LOAD_FAST);
    }

    TARGET(STORE_FAST__STORE_FAST) {
        FIRST_STORE_FAST();
        NEXT_AS(STORE_FAST);
    }

    TARGET(PUSH_NULL__LOAD_GLOBAL) {
        PUSH(VAL_NULL);
        NEXT_AS(LOAD_GLOBAL);
    }

    // Two small ints compared and branched on at once: no bool is made and
    // the jump's word is only read for its target.
    TARGET(COMPARE_OP__POP_JUMP_IF_FALSE)
    TARGET(COMPARE_OP__POP_JUMP_IF_TRUE) {
        Value b = TOP(), a = PEEK(2);
        if (!IS_INT(a) || !IS_INT(b)) goto L_COMPARE_OP;
        bool t = small_int_compare(oparg, AS_INT(a), AS_INT(b));
        sp -= 2;
        if (t == (INSTR_OP(word) == OP_COMPARE_OP__POP_JUMP_IF_TRUE)) ip = frame->code->words + INSTR_ARG(*ip);
        else ip++;
        DISPATCH();
    }
#undef FIRST_LOAD_FAST
#undef FIRST_STORE_FAST

    TARGET(SETUP_HANDLER) goto bad_opcode;
    TARGET(LABEL_) goto bad_opcode;

#if !AIOPY_COMPUTED_GOTO
    default:
        goto bad_opcode;
    }
#endif

bad_opcode:
    SAVE();
    rt_raise(vm, &SystemError_type, "unknown opcode %u", (unsigned)INSTR_OP(word));

error:
    // A fresh exception (no traceback yet) takes the handled one as context.
    SAVE();
    if (vm->exc && IS_EXC(vm->exc)) {
        if (!AS_EXC(vm->exc)->traceback && !no_chain) vm_chain_context(vm, vm->exc);
        no_chain = false;
        Value exc = vm->exc;
        if (!exc_add_traceback(vm, exc, OBJ_VAL(frame->code), frame_lasti(frame))) {
            // Out of memory while recording: keep unwinding with MemoryError.
        }
    }
exception_unwind:
    for (;;) {
        const CodeExc *h = code_handler_at(frame->code, frame_lasti(frame));
        if (h) {
            Value *base = frame_stack_base(frame) + h->depth;
            POP_TEMPORARIES_TO(base);
            Value exc = rt_exc_take(vm);
            sp = frame_stack_base(frame) + h->depth;
            PUSH(exc);
            ip = frame->code->words + h->target;
            SAVE();
            kwnames = VAL_NULL;
            DISPATCH();
        }
        bool was_entry = frame->entry;
        Frame *prev = frame->previous;
        // Never-awaited coroutines dropped by the unwinding: temporaries die
        // while this frame is current (CPython pops its stack first), locals
        // once it is gone.
        Value *stack0 = frame_stack_base(frame);
        POP_TEMPORARIES_TO(stack0);
        bool dropped = vm_gen_any_unstarted(frame->localsplus, stack0);
        if (frame->owner == FRAME_OWNED_BY_GEN && !was_entry) {
            gen_inline_leave(vm, frame);
            frame = prev;
            LOAD();
            if (dropped) vm_gen_dropped(vm);
            if (vm->exc && IS_EXC(vm->exc) &&
                !exc_add_traceback(vm, vm->exc, OBJ_VAL(frame->code), frame_lasti(frame))) {
            }
            continue;
        }
        frame->state = FRAME_CLEARED;
        vm_frame_pop(vm, frame);
        if (dropped) vm_gen_dropped(vm);
        if (was_entry) {
            gc_roots_reset(vm, roots);
            return SEND_ERROR;
        }
        frame = prev;
        LOAD();
        // The caller's line joins the traceback at its CALL.
        if (vm->exc && IS_EXC(vm->exc) &&
            !exc_add_traceback(vm, vm->exc, OBJ_VAL(frame->code), frame_lasti(frame))) {
        }
    }
}
