// Function objects (def, lambda, comprehensions), bound methods and cells.
// A function is a code object plus what it closes over: its globals dict,
// the builtins dict seen when it was made, default values and the cells of
// its free variables. Calling one is the VM's job: the call slot forwards to
// vm->hooks.call, and the eval loop calls functions inline without it.
#ifndef RUNTIME_FUNC_H
#define RUNTIME_FUNC_H
#include "runtime/code.h"
#include "runtime/object.h"

typedef struct ObjFunction {
    Obj hdr;
    ObjCode *code;
    Value globals;       // dict
    Value builtins;      // dict
    Value defaults;      // tuple or VAL_NULL
    Value kwdefaults;    // dict or VAL_NULL
    Value closure;       // tuple of cells or VAL_NULL
    Value name, qualname, doc, module;   // doc: VAL_NULL means None
    Value annotations;   // dict or VAL_NULL
    Value dict;          // function attributes, VAL_NULL until set
    // Binding is a plain copy when the call passes exactly argcount
    // positional arguments: no *args, **kwargs, keyword-only parameters,
    // cells or closure, and not a generator (eval.c's CALL takes a shortcut).
    bool simple_call;
} ObjFunction;

typedef struct ObjMethod {
    Obj hdr;
    Value func;
    Value self;
} ObjMethod;

typedef struct ObjCell {
    Obj hdr;
    Value ref;           // VAL_NULL: empty
} ObjCell;

extern ObjType function_type, method_type, cell_type, staticmethod_type, classmethod_type,
    property_type;

#define IS_FUNCTION(v) IS_TYPE_EXACT(v, function_type)
#define AS_FUNCTION(v) ((ObjFunction *)AS_OBJ(v))
#define IS_METHOD(v) IS_TYPE_EXACT(v, method_type)
#define AS_METHOD(v) ((ObjMethod *)AS_OBJ(v))
#define IS_CELL(v) IS_TYPE_EXACT(v, cell_type)
#define AS_CELL(v) ((ObjCell *)AS_OBJ(v))

// A function for [code] with [globals]; name/qualname come from the code,
// __module__ from globals['__name__'].
ObjFunction *func_new(Vm *vm, ObjCode *code, Value globals, Value builtins);
ObjMethod *method_new(Vm *vm, Value func, Value self);
ObjCell *cell_new(Vm *vm, Value ref);

// staticmethod / classmethod / property wrappers: [callable] is the wrapped
// function (getter for property).
typedef struct ObjWrapper {
    Obj hdr;
    Value fn;            // staticmethod/classmethod: callable; property: fget
    Value fset, fdel, doc;
    Value dict;
} ObjWrapper;

// classmethod(fn), as type() makes of a class body's __init_subclass__ and
// __class_getitem__ (NULL on error).
ObjWrapper *classmethod_wrap(Vm *vm, Value fn);

#endif // RUNTIME_FUNC_H
