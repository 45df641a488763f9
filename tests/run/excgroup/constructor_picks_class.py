# BaseExceptionGroup(...) is an ExceptionGroup when every item is an
# Exception; ExceptionGroup refuses BaseExceptions.
for cls, items in [
    (BaseExceptionGroup, [ValueError(1)]),
    (BaseExceptionGroup, (ValueError(1), TypeError(2))),
    (BaseExceptionGroup, [KeyboardInterrupt()]),
    (BaseExceptionGroup, [ValueError(1), SystemExit(2)]),
    (ExceptionGroup, [ValueError(1)]),
    (ExceptionGroup, [ExceptionGroup("inner", [OSError()])]),
    (BaseExceptionGroup, [BaseExceptionGroup("inner", [GeneratorExit()])]),
]:
    try:
        eg = cls("msg", items)
        print(cls.__name__, "->", type(eg).__name__, repr(eg))
    except TypeError as e:
        print(cls.__name__, "-> TypeError:", e)
print(ExceptionGroup.__mro__)
print(BaseExceptionGroup.__mro__)
print(ExceptionGroup.__bases__, BaseExceptionGroup.__bases__)
print(issubclass(ExceptionGroup, Exception), issubclass(BaseExceptionGroup, Exception))
print(isinstance(ExceptionGroup("a", [ValueError()]), Exception))
try:
    raise ExceptionGroup("caught", [ValueError(1)])
except Exception as e:
    print("except Exception:", repr(e))
