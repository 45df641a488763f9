// Identifiers the runtime looks up often, interned once per Vm so dunder
// dispatch compares pointers instead of bytes. NAME(vm, init) is "__init__".
#ifndef RUNTIME_NAMES_H
#define RUNTIME_NAMES_H

#define RT_NAMES(X) \
    X(init, "__init__") X(new, "__new__") X(repr, "__repr__") X(str, "__str__") \
    X(hash, "__hash__") X(eq, "__eq__") X(ne, "__ne__") X(lt, "__lt__") \
    X(le, "__le__") X(gt, "__gt__") X(ge, "__ge__") X(bool, "__bool__") \
    X(len, "__len__") X(getitem, "__getitem__") X(setitem, "__setitem__") \
    X(delitem, "__delitem__") X(contains, "__contains__") X(iter, "__iter__") \
    X(next, "__next__") X(call, "__call__") X(getattr, "__getattr__") \
    X(getattribute, "__getattribute__") X(setattr, "__setattr__") \
    X(delattr, "__delattr__") X(get, "__get__") X(set, "__set__") \
    X(delete, "__delete__") X(index, "__index__") X(neg, "__neg__") \
    X(pos, "__pos__") X(invert, "__invert__") X(abs, "__abs__") \
    X(del, "__del__") X(dict, "__dict__") X(class, "__class__") \
    X(name, "__name__") X(qualname, "__qualname__") X(module, "__module__") \
    X(doc, "__doc__") X(mro, "__mro__") X(bases, "__bases__") \
    X(base, "__base__") X(await, "__await__") X(enter, "__enter__") \
    X(exit, "__exit__") X(format, "__format__") X(int, "__int__") \
    X(float, "__float__") X(main, "__main__") X(builtins, "builtins") \
    X(args, "args") X(value, "value") X(code, "code") X(send, "send") \
    X(throw, "throw") X(close, "close") X(keys, "keys") \
    X(add, "__add__") X(radd, "__radd__") X(iadd, "__iadd__") \
    X(sub, "__sub__") X(rsub, "__rsub__") X(isub, "__isub__") \
    X(mul, "__mul__") X(rmul, "__rmul__") X(imul, "__imul__") \
    X(truediv, "__truediv__") X(rtruediv, "__rtruediv__") X(itruediv, "__itruediv__") \
    X(floordiv, "__floordiv__") X(rfloordiv, "__rfloordiv__") X(ifloordiv, "__ifloordiv__") \
    X(mod, "__mod__") X(rmod, "__rmod__") X(imod, "__imod__") \
    X(pow, "__pow__") X(rpow, "__rpow__") X(ipow, "__ipow__") \
    X(lshift, "__lshift__") X(rlshift, "__rlshift__") X(ilshift, "__ilshift__") \
    X(rshift, "__rshift__") X(rrshift, "__rrshift__") X(irshift, "__irshift__") \
    X(and, "__and__") X(rand, "__rand__") X(iand, "__iand__") \
    X(or, "__or__") X(ror, "__ror__") X(ior, "__ior__") \
    X(xor, "__xor__") X(rxor, "__rxor__") X(ixor, "__ixor__") \
    X(matmul, "__matmul__") X(rmatmul, "__rmatmul__") X(imatmul, "__imatmul__") \
    X(divmod, "__divmod__") X(rdivmod, "__rdivmod__") X(idivmod_unused, "__idivmod__") \
    X(missing, "__missing__") X(class_getitem, "__class_getitem__") \
    X(init_subclass, "__init_subclass__") X(set_name, "__set_name__")

enum {
#define RT_NAME_ENUM(id, s) NAME_##id,
    RT_NAMES(RT_NAME_ENUM)
#undef RT_NAME_ENUM
    NAME_COUNT_
};

#endif // RUNTIME_NAMES_H
