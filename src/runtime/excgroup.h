// BaseExceptionGroup and ExceptionGroup (PEP 654), as CPython 3.11 has
// them: the constructor's checks, message/exceptions, derive(), split() and
// subgroup(), and the two operations the VM runs for `except*` (matching a
// clause, and building what a try-except* re-raises at its end).
#ifndef RUNTIME_EXCGROUP_H
#define RUNTIME_EXCGROUP_H
#include "runtime/exc.h"

extern ObjType BaseExceptionGroup_type, ExceptionGroup_type;

// A group instance (or an instance of a user subclass): an exception whose
// message and sub-exceptions are fixed at construction.
typedef struct ObjExcGroup {
    ObjException base;
    Value msg;           // str
    Value excs;          // non-empty tuple of exceptions
} ObjExcGroup;

#define IS_EXCGROUP(v) (IS_EXC(v) && type_is_subtype(AS_OBJ(v)->type, &BaseExceptionGroup_type))
#define AS_EXCGROUP(v) ((ObjExcGroup *)AS_OBJ(v))

// The sub-exceptions (a tuple) of [v], or VAL_NULL when [v] is not a group,
// or is one made without BaseExceptionGroup.__new__ (object.__new__(cls)
// from a subclass's __new__), which aiopy does not refuse as CPython does.
static inline Value excgroup_excs(Value v) {
    return IS_EXCGROUP(v) ? AS_EXCGROUP(v)->excs : VAL_NULL;
}

// BaseExceptionGroup(msg, excs): an ExceptionGroup when every item of [excs]
// (a list or tuple) is an Exception, as CPython's _PyExc_CreateExceptionGroup.
bool excgroup_new(Vm *vm, Value msg, Value excs, Value *out);

// `except* T` on [exc] (the part of the caught exception still unhandled,
// or None): false with TypeError when T is not an exception class or tuple
// of them, or names a group class. Otherwise *match is None (nothing
// matched, *rest is exc) or the matching part: exc itself when it is a
// group of type T, a new ExceptionGroup('', (exc,)) without a traceback
// when it is a naked exception of type T, else the first half of
// exc.split(T); *rest is what is left (None when nothing).
bool excgroup_star_match(Vm *vm, Value exc, Value type, Value *match, Value *rest);

// The end of a try-except*: [orig] was caught, [raised] (a list) holds what
// each clause raised or re-raised, then the unhandled rest (None entries
// are skipped). *out is None (nothing to raise) or the exception to raise:
// re-raised parts keep their place in orig's nesting, newly raised ones
// become siblings in a new ExceptionGroup('', ...).
bool excgroup_prep_reraise(Vm *vm, Value orig, Value raised, Value *out);

// Registers the two classes in the builtins dict [b].
bool excgroup_register(Vm *vm, ObjDict *b);

#endif // RUNTIME_EXCGROUP_H
