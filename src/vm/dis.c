// `aiopy --dis FILE`: a readable listing of the bytecode, in the spirit of
// CPython's dis module (line, offset, name, operand and what it means),
// followed by the exception table, for every code object of the program.
#include <stdio.h>

#include "runtime/exc.h"
#include "runtime/gc.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "vm/compile.h"
#include "vm/opcodes.h"
#include "vm/vm.h"
#include "vm/vm_int.h"

static const char *const op_names[OP_COUNT_] = {
#define OP_NAME(name, kind, eff, jeff) #name,
    VM_OPCODES(OP_NAME)
#undef OP_NAME
};

static const char *const binop_names[] = {"+", "-", "*", "/", "//", "%", "**", "<<", ">>", "&", "|", "^", "@", "divmod"};
static const char *const cmp_names[] = {"<", "<=", "==", "!=", ">", ">="};

static void print_value(Vm *vm, FILE *out, Value v) {
    Value r;
    if (rt_repr(vm, v, &r)) fputs(AS_STR(r)->data, out);
    else rt_exc_clear(vm);
}

static void dis_code(Vm *vm, FILE *out, ObjCode *co) {
    fprintf(out, "Disassembly of <code object %s at %p, file \"%s\", line %d>:\n", AS_STR(co->name)->data,
            (void *)co, AS_STR(co->filename)->data, (int)co->firstlineno);
    int last_line = -1;
    uint32_t ext = 0;
    CodeLocCursor cur;   // one forward walk over the position table
    code_loc_cursor_init(co, &cur);
    for (uint32_t i = 0; i < co->nwords; i++) {
        // A fused pair shows as its two instructions (opcodes.h).
        uint32_t w = co->words[i], op = (uint32_t)op_base((int)INSTR_OP(w)), arg = ext | INSTR_ARG(w);
        if (op == OP_EXTENDED_ARG) {
            ext = arg << INSTR_ARG_BITS;
            continue;
        }
        ext = 0;
        const CodeLoc *loc = code_loc_cursor_seek(&cur, i);
        int line = loc ? loc->line : 0;
        if (line != last_line) {
            if (last_line != -1) fputc('\n', out);
            fprintf(out, "%4d", line);
            last_line = line;
        } else {
            fputs("    ", out);
        }
        bool target = false;
        for (uint32_t k = 0; k < co->nexcs && !target; k++) target = co->excs[k].target == i;
        fprintf(out, "   %s %6u %-24s", target ? ">>" : "  ", i, op < OP_COUNT_ ? op_names[op] : "???");
        int kind = op_kind((int)op);
        // A cached instruction shows its name's index, as the compiler made it.
        if (kind == OPK_CACHE) {
            kind = OPK_NAME;
            arg = arg < co->ncaches ? co->cache_names[arg] : UINT32_MAX;
        }
        if (kind != OPK_NONE) fprintf(out, " %u", arg);
        switch (kind) {
        case OPK_CONST:
            if (arg < co->nconsts) {
                fputs(" (", out);
                print_value(vm, out, co->consts[arg]);
                fputc(')', out);
            }
            break;
        case OPK_NAME:
            if (arg < co->nnames) fprintf(out, " (%s)", AS_STR(co->names[arg])->data);
            break;
        case OPK_LOCAL:
            if (arg < co->nlocalsplus) fprintf(out, " (%s)", AS_STR(co->localnames[arg])->data);
            break;
        case OPK_CELL:
            if (co->nlocals + arg < co->nlocalsplus)
                fprintf(out, " (%s)", AS_STR(co->localnames[co->nlocals + arg])->data);
            break;
        case OPK_JUMP: fprintf(out, " (to %u)", arg); break;
        case OPK_BINOP:
            if ((arg & 0xff) < sizeof binop_names / sizeof *binop_names)
                fprintf(out, " (%s%s)", binop_names[arg & 0xff], (arg & BINOP_INPLACE) ? "=" : "");
            break;
        case OPK_CMP:
            if (arg < 6) fprintf(out, " (%s)", cmp_names[arg]);
            break;
        default: break;
        }
        fputc('\n', out);
    }
    if (co->nexcs) {
        fputs("ExceptionTable:\n", out);
        for (uint32_t k = 0; k < co->nexcs; k++)
            fprintf(out, "  %u to %u -> %u [%u]\n", co->excs[k].start, co->excs[k].end - 1, co->excs[k].target,
                    co->excs[k].depth);
    }
    for (uint32_t i = 0; i < co->nconsts; i++)
        if (IS_CODE(co->consts[i])) {
            fputc('\n', out);
            dis_code(vm, out, AS_CODE(co->consts[i]));
        }
}

int vm_dis(FILE *out, const AstNode *root, Source *src, ReportInput how) {
    Vm *vm = vm_new(0, NULL);
    if (!vm) {
        fputs("MemoryError\n", stderr);
        return 1;
    }
    Diag d;
    diag_init(&d);
    ObjCode *co = cg_compile(vm, root, src->name, 0, &d);
    int status = 0;
    if (!co) {
        if (diag_is_set(&d)) ps_report_from(stderr, src->name, src, &d, how);
        else vm_print_exception(vm, rt_exc_take(vm));
        status = 1;
    } else {
        gc_push_root(vm, OBJ_VAL(co));
        dis_code(vm, out, co);
        gc_pop_root(vm);
    }
    diag_clear(&d);
    vm_free(vm);
    return status;
}
