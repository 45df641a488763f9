// Exceptions: the builtin hierarchy of CPython 3.11, raising with formatted
// messages, the preallocated MemoryError, the C recursion guard and
// traceback entries.
//
// Convention: a function that fails leaves one exception in vm->exc and
// returns false/NULL; rt_raise* always return false so `return rt_raise(...)`
// reads naturally. Raising MemoryError never allocates.
#ifndef RUNTIME_EXC_H
#define RUNTIME_EXC_H
#include <stdarg.h>

#include "runtime/state.h"

// Name, base. Order matters: a base comes before its subclasses.
#define RT_EXC_TYPES(X) \
    X(BaseException, object) X(SystemExit, BaseException) \
    X(KeyboardInterrupt, BaseException) X(GeneratorExit, BaseException) \
    X(Exception, BaseException) X(ArithmeticError, Exception) \
    X(FloatingPointError, ArithmeticError) X(OverflowError, ArithmeticError) \
    X(ZeroDivisionError, ArithmeticError) X(AssertionError, Exception) \
    X(AttributeError, Exception) X(BufferError, Exception) X(EOFError, Exception) \
    X(ImportError, Exception) X(ModuleNotFoundError, ImportError) \
    X(LookupError, Exception) X(IndexError, LookupError) X(KeyError, LookupError) \
    X(MemoryError, Exception) X(NameError, Exception) X(UnboundLocalError, NameError) \
    X(OSError, Exception) X(BlockingIOError, OSError) X(ChildProcessError, OSError) \
    X(ConnectionError, OSError) X(BrokenPipeError, ConnectionError) \
    X(ConnectionAbortedError, ConnectionError) X(ConnectionRefusedError, ConnectionError) \
    X(ConnectionResetError, ConnectionError) X(FileExistsError, OSError) \
    X(FileNotFoundError, OSError) X(InterruptedError, OSError) \
    X(IsADirectoryError, OSError) X(NotADirectoryError, OSError) \
    X(PermissionError, OSError) X(ProcessLookupError, OSError) X(TimeoutError, OSError) \
    X(ReferenceError, Exception) X(RuntimeError, Exception) \
    X(NotImplementedError, RuntimeError) X(RecursionError, RuntimeError) \
    X(StopAsyncIteration, Exception) X(StopIteration, Exception) \
    X(SyntaxError, Exception) X(IndentationError, SyntaxError) X(TabError, IndentationError) \
    X(SystemError, Exception) X(TypeError, Exception) X(ValueError, Exception) \
    X(UnicodeError, ValueError) X(UnicodeDecodeError, UnicodeError) \
    X(UnicodeEncodeError, UnicodeError) X(UnicodeTranslateError, UnicodeError) \
    X(Warning, Exception) X(DeprecationWarning, Warning) \
    X(PendingDeprecationWarning, Warning) X(RuntimeWarning, Warning) \
    X(SyntaxWarning, Warning) X(UserWarning, Warning) X(FutureWarning, Warning) \
    X(ImportWarning, Warning) X(UnicodeWarning, Warning) X(BytesWarning, Warning) \
    X(ResourceWarning, Warning) X(EncodingWarning, Warning)

#define RT_EXC_DECLARE(name, base) extern ObjType name##_type;
RT_EXC_TYPES(RT_EXC_DECLARE)
#undef RT_EXC_DECLARE

// Every BaseException instance (and instance of a user subclass) has this
// layout. Subclass-specific attributes (OSError.errno, SyntaxError.lineno, ...)
// live in the lazily made instance dict, except StopIteration.value and
// SystemExit.code which are read on hot paths.
typedef struct ObjException {
    Obj hdr;
    Value dict;          // VAL_NULL until an attribute is set
    Value args;          // tuple
    Value cause, context, traceback;   // VAL_NULL means None
    Value value;         // StopIteration.value / SystemExit.code
    bool suppress_context;
} ObjException;

// A traceback entry: (code object, instruction offset) plus the next entry
// (towards the innermost frame), as CPython's tb_next chain. The VM prepends
// one entry per frame the exception leaves.
typedef struct ObjTraceback {
    Obj hdr;
    Value next;          // VAL_NULL at the innermost entry
    Value code;
    uint32_t offset;
} ObjTraceback;

#define IS_EXC(v) (IS_OBJ(v) && (AS_OBJ(v)->type->flags & TYPE_EXC))
#define AS_EXC(v) ((ObjException *)AS_OBJ(v))
#define AS_TRACEBACK(v) ((ObjTraceback *)AS_OBJ(v))

#define TRY(expr) do { if (!(expr)) return false; } while (0)

// Raising. The message format understands %s %d %i %u %ld %lu %lld %llu %zd
// %zu %c %x %p %% and %.Ns, plus: %R repr of a Value, %S str of a Value,
// %T type name of a Value, %U an ObjStr *.
bool rt_raise(Vm *vm, ObjType *type, const char *fmt, ...);
bool rt_raise_nomem(Vm *vm);
bool rt_raise_value(Vm *vm, Value exc);            // an instance, or a class to instantiate
bool rt_raise_arg(Vm *vm, ObjType *type, Value arg); // type(arg), e.g. KeyError(key)
bool rt_raise_empty(Vm *vm, ObjType *type);        // type()
bool rt_raise_errno(Vm *vm, int e, Value filename); // FileNotFoundError etc.; filename may be VAL_NULL
ObjType *rt_errno_exc_type(int64_t e);              // the OSError subclass for errno [e]

// Formats like rt_raise into a new str (NULL on error).
ObjStr *rt_format_cmsg(Vm *vm, const char *fmt, ...);
ObjStr *rt_vformat_cmsg(Vm *vm, const char *fmt, va_list ap);

// The pending exception.
static inline bool rt_has_exc(Vm *vm) { return vm->exc != VAL_NULL; }
bool rt_exc_matches(Vm *vm, ObjType *type);        // pending exc is an instance of type
Value rt_exc_take(Vm *vm);                         // returns and clears it
static inline void rt_exc_clear(Vm *vm) { vm->exc = VAL_NULL; }

// Creates an instance of [type] (an exception class) with [args] (tuple).
bool exc_new(Vm *vm, ObjType *type, Value args, Value *out);
// CPython's str() and repr() of an exception.
bool exc_str(Vm *vm, Value exc, Value *out);
bool exc_repr(Vm *vm, Value exc, Value *out);
// Prepends a traceback entry (the VM calls it for each frame unwound).
bool exc_add_traceback(Vm *vm, Value exc, Value code, uint32_t offset);
// Marks the fields every exception has (the trace slot of subclass layouts
// calls it first).
void exc_trace(Vm *vm, Obj *o);
// Sets an attribute on the exception's dict (SyntaxError.lineno, ...).
bool exc_set_attr(Vm *vm, Value exc, const char *name, Value v);

// C recursion guard: rt_enter fails with "RecursionError: maximum recursion
// depth exceeded[where]" (where = " while getting the repr of an object",
// " in comparison", " while calling a Python object", ...).
static inline bool rt_enter(Vm *vm, const char *where) {
    extern bool rt_recursion_error(Vm * vm, const char *where);
    if (++vm->c_depth > vm->c_limit) return rt_recursion_error(vm, where);
    return true;
}
static inline void rt_leave(Vm *vm) { vm->c_depth--; }

#define RT_WHERE_REPR " while getting the repr of an object"
#define RT_WHERE_STR " while getting the str of an object"
#define RT_WHERE_CMP " in comparison"
#define RT_WHERE_CALL " while calling a Python object"
#define RT_WHERE_HASH ""

#endif // RUNTIME_EXC_H
