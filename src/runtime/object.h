// The type object and its slot table: the one place that says how any value
// behaves. Builtin types are static, immutable ObjType instances (their header
// carries GC_STATIC); classes made by Python code are GC-allocated ObjType
// with TYPE_HEAP, a dict, an MRO array and slots that dispatch to the dunders
// found on the MRO (type.c). Slots return bool (or a tri-state int) and leave
// the exception on vm->exc; a NULL slot means "not supported".
//
// Calling convention (NativeFn), used by every builtin and by the VM: the
// positional arguments are args[0..nargs), followed by one value per name in
// [kwnames] (a tuple of str, or VAL_NULL when there are no keywords). For a
// method, args[0] is self. The result goes to [*out]. Callees never keep
// [args] beyond the call and never write to it. GC rule: the caller keeps
// the callable and the arguments reachable (the VM has them on its stack);
// objects a callee creates are its own to root across allocations.
#ifndef RUNTIME_OBJECT_H
#define RUNTIME_OBJECT_H
#include "runtime/value.h"

typedef struct ObjStr ObjStr;
typedef struct ObjTuple ObjTuple;
typedef struct ObjDict ObjDict;

typedef bool (*NativeFn)(Vm *vm, Value *args, size_t nargs, Value kwnames, Value *out);

// Method table entry of a builtin type or module. Flags: plain methods get
// self as args[0]; METH_CLASS gets the type as args[0]; METH_STATIC gets none.
// METH_VALUE makes the entry a plain class attribute (Token.MISSING): [fn],
// called with no arguments, gives its value, a static object.
enum { METH_CLASS = 1, METH_STATIC = 2, METH_VALUE = 4 };
typedef struct MethodDef {
    const char *name;
    NativeFn fn;
    int flags;
} MethodDef;

// Computed attribute of a builtin type (exception.args, range.start, ...).
// [set] NULL means read-only; [v] VAL_NULL in set means delete.
typedef struct GetSetDef {
    const char *name;
    bool (*get)(Vm *vm, Value self, Value *out);
    bool (*set)(Vm *vm, Value self, Value v);
} GetSetDef;
// The [set] of an attribute that CPython makes a read-only member rather
// than a getset (ContextVar.name): its descriptor prints as <member ...>
// and assigning or deleting it fails with "readonly attribute" (type.c).
bool rt_member_readonly(Vm *vm, Value self, Value v);

// Rich comparison operators (the order is CPython's Py_LT..Py_GE).
typedef enum { CMP_LT, CMP_LE, CMP_EQ, CMP_NE, CMP_GT, CMP_GE } CmpOp;

// Binary operators; BINOP_INPLACE is or-ed in for augmented assignment.
typedef enum {
    BINOP_ADD, BINOP_SUB, BINOP_MUL, BINOP_TRUEDIV, BINOP_FLOORDIV, BINOP_MOD,
    BINOP_POW, BINOP_LSHIFT, BINOP_RSHIFT, BINOP_AND, BINOP_OR, BINOP_XOR,
    BINOP_MATMUL, BINOP_DIVMOD, BINOP_COUNT_
} BinOp;
#define BINOP_INPLACE 0x100
typedef enum { UNOP_NEG, UNOP_POS, UNOP_INVERT, UNOP_ABS } UnOp;

// Result of iternext / send: a tri-state, so finishing an iteration never
// allocates a StopIteration.
typedef enum { ITER_ERROR = -1, ITER_DONE = 0, ITER_NEXT = 1 } IterResult;
typedef enum { SEND_ERROR = -1, SEND_RETURN = 0, SEND_NEXT = 1 } SendResult;

// Type flags.
enum {
    TYPE_HEAP = 1,          // GC-allocated class made by Python code
    TYPE_BASETYPE = 2,      // may be subclassed
    TYPE_EXC = 4,           // BaseException or a subclass (layout ObjException)
    TYPE_HAS_FINALIZER = 8, // instances go through the finaliser queue
    TYPE_SEQ_CONCAT = 16,   // '+'/'*' failures use the sequence messages
    TYPE_ABSTRACT_NEW = 32, // cannot be instantiated ("cannot create 'X' instances")
    TYPE_METHOD_DESCR = 64, // descr_get(f, obj) == "f with obj as first argument":
                            // dunder calls pass self directly instead of binding
    TYPE_INT_SUBCLASS = 128, // a class deriving from int (bool aside): layout ObjInt
                             // + dict, its value read through int_unbool
    TYPE_MAPPING = 256,      // getitem is a mapping's subscript, not a sequence's
                             // item (CPython: mp_subscript without sq_item): not
                             // a sequence to reversed(), and CPython's mapping
                             // wording when deleting an item fails
    TYPE_LOOP_CORE = 512,    // asyncio's event loop core or a subclass: layout ObjLoop
                             // (the loop's hot paths test it without an MRO walk)
    TYPE_IS_ABSTRACT = 1024, // a true __abstractmethods__ was set (abc.ABCMeta):
                             // object.__new__ refuses to make instances
};

// The slot [s] of [t], inherited along the base chain of static types when
// NULL there (heap types have their slots filled by type_fixup_slots).
// Most lookups find the slot on the type itself (every heap type, and the
// builtins for their own slots): that case is inline, and only an inherited
// slot walks the bases. The out-of-line walk was 3-5% of dict and list work.
void *type_slot_at(const ObjType *t, size_t offset);
#define TYPE_SLOT(t, s)                                                                      \
    __extension__({                                                                          \
        const ObjType *slot_type_ = (t);                                                     \
        slot_type_->s ? (__typeof__((t)->s))slot_type_->s                                    \
                      : (__typeof__((t)->s))type_slot_at(slot_type_->base, offsetof(ObjType, s)); \
    })

struct ObjType {
    Obj hdr;
    const char *name;          // tp_name (heap types: points into name_str)
    // "builtins" for builtin types. NULL for a static type named like
    // CPython's tp_name, "_contextvars.Context": messages show the whole
    // name, __module__ and __name__ are the parts around the last dot.
    const char *module;
    size_t basicsize;          // instance size (variable-size types: see size)
    size_t dictoffset;         // offset of a Value holding the instance __dict__, 0 = none
    unsigned flags;
    ObjType *base;             // first base (the layout donor)
    ObjType **mro;             // heap types: C3 MRO (self first); static: NULL = base chain
    size_t nmro;
    ObjType **bases;           // heap types: __bases__; static: NULL = {base}
    size_t nbases;
    Value dict;                // heap types: ObjDict of class attributes
    Value name_str, qualname;  // heap types: str
    // Heap types whose every class defines __slots__ (without '__dict__'):
    // a tuple of the attribute names instances may have. Instances keep a
    // dict (slots are not laid out inline), but setting any other name, or
    // reading __dict__, fails as in CPython. VAL_NULL: no restriction.
    Value slot_names;
    const MethodDef *methods;  // NULL-name terminated, or NULL
    const GetSetDef *getsets;  // NULL-name terminated, or NULL

    // --- memory ---
    void (*trace)(Vm *vm, Obj *o);       // gc_mark_value() every Value it holds
    void (*free)(Vm *vm, Obj *o);        // release owned buffers (not the object)
    size_t (*size)(const Obj *o);        // NULL: basicsize
    void (*finalize)(Vm *vm, Obj *o);    // run from the finaliser queue

    // --- construction and calling ---
    bool (*new_)(Vm *vm, ObjType *t, Value *args, size_t nargs, Value kwnames, Value *out);
    bool (*init)(Vm *vm, Value self, Value *args, size_t nargs, Value kwnames);
    bool (*call)(Vm *vm, Value self, Value *args, size_t nargs, Value kwnames, Value *out);

    // --- conversion and comparison ---
    bool (*repr)(Vm *vm, Value self, Value *out);
    bool (*str)(Vm *vm, Value self, Value *out);        // NULL: repr
    bool (*hash)(Vm *vm, Value self, int64_t *out);      // NULL: unhashable
    bool (*richcompare)(Vm *vm, Value a, Value b, CmpOp op, Value *out); // may give NotImplemented
    int (*truth)(Vm *vm, Value self);                    // -1 error; NULL: len or true

    // --- attributes ---
    // getattr returns 1 found, 0 missing (no exception set), -1 error.
    int (*getattr)(Vm *vm, Value self, ObjStr *name, Value *out);
    bool (*setattr)(Vm *vm, Value self, ObjStr *name, Value v);   // v VAL_NULL: delete
    // Descriptor protocol: [obj] is VAL_NULL when looked up on the class.
    bool (*descr_get)(Vm *vm, Value descr, Value obj, ObjType *owner, Value *out);
    bool (*descr_set)(Vm *vm, Value descr, Value obj, Value v);   // v VAL_NULL: delete

    // --- numbers ---
    // Called with the operands in source order for both a's and b's type
    // (CPython's nb_* convention); gives NotImplemented when it cannot.
    bool (*binop)(Vm *vm, int op, Value a, Value b, Value *out);
    bool (*unop)(Vm *vm, UnOp op, Value a, Value *out);
    // __index__: the value as an int (small or ObjInt); NULL: not an index.
    bool (*index)(Vm *vm, Value self, Value *out);

    // --- containers ---
    bool (*len)(Vm *vm, Value self, int64_t *out);
    bool (*getitem)(Vm *vm, Value self, Value key, Value *out);
    bool (*setitem)(Vm *vm, Value self, Value key, Value v);   // v VAL_NULL: delete
    int (*contains)(Vm *vm, Value self, Value x);              // -1 error; NULL: iterate

    // --- iteration and coroutines ---
    bool (*iter)(Vm *vm, Value self, Value *out);
    IterResult (*iternext)(Vm *vm, Value self, Value *out);
    SendResult (*send)(Vm *vm, Value self, Value in, Value *out);
    SendResult (*throw_)(Vm *vm, Value self, Value exc, Value *out);
    bool (*await_)(Vm *vm, Value self, Value *out);
};

// Instance of a user class deriving from object: the header and __dict__.
typedef struct ObjInstance {
    Obj hdr;
    Value dict;
} ObjInstance;

// The static builtin types.
extern ObjType type_type, object_type, none_type, notimpl_type, ellipsis_type,
    bool_type, int_type, float_type, str_type, bytes_type, tuple_type, list_type,
    dict_type, set_type, frozenset_type, range_type, slice_type, native_type,
    traceback_type, dict_keys_type, dict_values_type, dict_items_type,
    list_iter_type, tuple_iter_type, str_iter_type, bytes_iter_type, range_iter_type,
    dict_iter_type, set_iter_type, seq_iter_type;

// The static singletons.
extern Obj rt_none_obj, rt_notimpl_obj, rt_ellipsis_obj;
#define NONE_VAL ((Value)&rt_none_obj)
#define NOTIMPL_VAL ((Value)&rt_notimpl_obj)
#define ELLIPSIS_VAL ((Value)&rt_ellipsis_obj)
#define IS_NONE(v) ((v) == NONE_VAL)

// The type of any value (small ints are int).
static inline ObjType *rt_type(Value v) {
    return IS_INT(v) ? &int_type : AS_OBJ(v)->type;
}
#define IS_TYPE_EXACT(v, t) (IS_OBJ(v) && AS_OBJ(v)->type == &(t))
bool type_is_subtype(const ObjType *a, const ObjType *b);
// isinstance against a builtin type, fast when exact.
#define IS_INSTANCE(v, t) (rt_type(v) == &(t) || type_is_subtype(rt_type(v), &(t)))

#define IS_TYPE(v) IS_INSTANCE(v, type_type)
#define AS_TYPE(v) ((ObjType *)AS_OBJ(v))
#define AS_INSTANCE(v) ((ObjInstance *)AS_OBJ(v))

#endif // RUNTIME_OBJECT_H
