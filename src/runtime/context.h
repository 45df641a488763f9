// Context variables (PEP 567): the Context, ContextVar and Token types of
// the contextvars module, and the C interface the event loop uses to run a
// callback or a task step inside a task's Context.
//
// The current Context is vm->context (a GC root, marked by runtime/gc.c),
// VAL_NULL until something needs it: ContextVar.set and copy_context make
// an empty one then, and ContextVar.get treats "none" as empty. A Context
// holds its variables in a persistent map (runtime/hamt.h), so a copy is
// O(1) and shares everything with the original.
//
// Entering a Context (Context.run, or the loop running a task step) makes it
// current and remembers the previous one in the Context itself; exiting
// restores that one. A Context can be entered once at a time: entering it
// again while it is current or further up the chain raises CPython's
// "RuntimeError: cannot enter context: <...> is already entered".
//
// Generators and coroutines do not capture a Context (CPython 3.11 neither):
// a ContextVar.set inside a coroutine step changes whatever Context is
// current while that step runs.
//
// Using it from the event loop (asyncio's Handle._run and Task.__step):
//
//     Value ctx;                                  // at Task/Handle creation
//     TRY(ctx_copy_current(vm, &ctx));            // or the context= argument
//     ... keep ctx in the task (its trace slot marks it) ...
//
//     ObjContext *c = AS_CONTEXT(task->context);  // for each step
//     TRY(ctx_enter(vm, c));                      // "already entered" error
//     SendResult r = ...resume the coroutine or call the callback...;
//     ctx_exit(vm, c);                            // always, also on SEND_ERROR
//
// A step may raise or be interrupted; ctx_exit must still run so the loop's
// own context is current again. Used so, ctx_exit never fails and leaves
// vm->exc alone.
#ifndef RUNTIME_CONTEXT_H
#define RUNTIME_CONTEXT_H
#include "runtime/hamt.h"
#include "runtime/object.h"

typedef struct ObjContext {
    Obj hdr;
    Hamt vars;           // ContextVar -> value
    Value prev;          // entered: the Context current before it (VAL_NULL: none)
    bool entered;
} ObjContext;

typedef struct ObjContextVar {
    Obj hdr;
    Value name;          // str
    Value dflt;          // the default= value, VAL_NULL when none
} ObjContextVar;

typedef struct ObjToken {
    Obj hdr;
    Value ctx;           // the Context the set happened in
    Value var;
    Value old;           // the value before the set; VAL_NULL: none (Token.MISSING)
    bool used;           // reset() already consumed it
} ObjToken;

extern ObjType context_type, contextvar_type, token_type;
// Token.MISSING: the one instance of "Token.MISSING".
extern Obj ctx_token_missing;

#define IS_CONTEXT(v) IS_TYPE_EXACT(v, context_type)
#define AS_CONTEXT(v) ((ObjContext *)AS_OBJ(v))
#define IS_CONTEXTVAR(v) IS_TYPE_EXACT(v, contextvar_type)
#define AS_CONTEXTVAR(v) ((ObjContextVar *)AS_OBJ(v))
#define IS_TOKEN(v) IS_TYPE_EXACT(v, token_type)
#define AS_TOKEN(v) ((ObjToken *)AS_OBJ(v))

// ---- the current Context ----

// The current Context, made empty (and current) when there is none yet.
ObjContext *ctx_current(Vm *vm);
// copy_context(): a new, not entered Context with the current one's
// variables. O(1): two words are copied, the map is shared.
bool ctx_copy_current(Vm *vm, Value *out);
// A new, empty Context (Context()).
ObjContext *ctx_new(Vm *vm);
// A new Context with [ctx]'s variables (Context.copy()).
bool ctx_copy(Vm *vm, ObjContext *ctx, Value *out);

// ---- running inside a Context ----

// Makes [ctx] current. Fails with RuntimeError "cannot enter context: %R is
// already entered" when [ctx] is entered already (it is current, or on the
// chain of Contexts entered below the current one). Allocates nothing, so
// it fails for that reason only.
bool ctx_enter(Vm *vm, ObjContext *ctx);
// Undoes the ctx_enter of [ctx]: the Context current before it is current
// again. Calls must nest like the enters; then it returns true and leaves
// vm->exc alone (a step's exception goes on). A misuse, a bug in the caller
// ([ctx] is not the current, entered Context), changes nothing and returns
// false with CPython's RuntimeError, unless an exception is already pending,
// which it then keeps.
bool ctx_exit(Vm *vm, ObjContext *ctx);
// Context.run: calls [callable] with the NativeFn-convention arguments
// inside [ctx] (enter, call, exit).
bool ctx_run(Vm *vm, ObjContext *ctx, Value callable, Value *args, size_t nargs, Value kwnames,
             Value *out);

// ---- context variables from C ----

// ContextVar(name, default=dflt); [dflt] VAL_NULL for none.
ObjContextVar *cvar_new(Vm *vm, Value name, Value dflt);
// The variable's value in the current Context, else [dflt] (VAL_NULL: none),
// else its default; else LookupError(var).
bool cvar_get(Vm *vm, ObjContextVar *var, Value dflt, Value *out);
// Sets the variable in the current Context; *token (may be NULL) receives
// the Token that undoes it.
bool cvar_set(Vm *vm, ObjContextVar *var, Value val, Value *token);
// ContextVar.reset(token) with CPython's errors.
bool cvar_reset(Vm *vm, ObjContextVar *var, ObjToken *tok);

#endif // RUNTIME_CONTEXT_H
