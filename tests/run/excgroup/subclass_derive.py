# User subclasses: split() builds parts through derive(); without an
# override they are plain (Base)ExceptionGroups.
class EG(ExceptionGroup):
    def __new__(cls, message, excs, extra):
        self = super().__new__(cls, message, excs)
        self.extra = extra
        return self
    def derive(self, excs):
        return EG(self.message, excs, self.extra)
e = EG("x", [ValueError(1), TypeError(2)], "extra")
print(repr(e), e.args, e.extra, str(e))
m, r = e.split(ValueError)
print(repr(m), repr(r), m.extra)
print(repr(e.subgroup(TypeError)))

class Plain(ExceptionGroup):
    pass
m, r = Plain("p", [ValueError(1), TypeError(2)]).split(ValueError)
print(type(m).__name__, repr(m), repr(r))
print(repr(Plain("p", [ValueError(1)]).derive([KeyError()])))

class Bad(ExceptionGroup):
    def derive(self, excs):
        return 5
try:
    Bad("x", [ValueError(1), TypeError(2)]).split(ValueError)
except TypeError as err:
    print("TypeError:", err)

class MyEG(ExceptionGroup):
    pass
class MyBEG(BaseExceptionGroup):
    pass
class BEGValue(BaseExceptionGroup, ValueError):
    pass
class EGValue(ExceptionGroup, ValueError):
    pass
for cls, items in [(MyEG, [ValueError()]), (MyEG, [KeyboardInterrupt()]), (MyBEG, [ValueError()]),
                   (MyBEG, [KeyboardInterrupt()]), (BEGValue, [KeyboardInterrupt()]),
                   (BEGValue, [ValueError()]), (EGValue, [TypeError()])]:
    try:
        print(repr(cls("m", items)))
    except TypeError as err:
        print("TypeError:", err)
print(BEGValue.__mro__)
print(EGValue.__mro__)
try:
    raise EGValue("caught as ValueError", [TypeError()])
except ValueError as err:
    print(repr(err))

class Both(ValueError, TypeError):
    pass
print(Both.__mro__)
class Y(ValueError, ExceptionGroup): pass
print(Y.__mro__)
y = Y("m", [TypeError(1)])
print(repr(y), str(y), y.exceptions)
try:
    raise y
except* TypeError as e:
    print("caught", repr(e))
class Z(ValueError, TypeError): pass
try:
    raise Z("z")
except* TypeError as e:
    print("z caught", repr(e))
