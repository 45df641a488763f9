# A group subclass: matching splits it through derive() or its own split()
# (whose extra items are ignored); falsy and unhashable groups work.
# (A split() returning a non-tuple or a 1-tuple crashes CPython 3.11.7;
# aiopy raises 3.12's TypeError.)
class EG(ExceptionGroup):
    def __new__(cls, message, excs, code):
        obj = super().__new__(cls, message, excs)
        obj.code = code
        return obj
    def derive(self, excs):
        return EG(self.message, excs, self.code)

try:
    try:
        raise EG("eg", [ValueError(1), TypeError(2)], 42)
    except* ValueError as e:
        print("match:", repr(e), e.code)
except EG as rest:
    print("rest:", repr(rest), rest.code)

class Falsy(ExceptionGroup):
    def __bool__(self):
        return False
    def derive(self, excs):
        return Falsy(self.message, excs)
try:
    try:
        raise Falsy("falsy", [ValueError(1), TypeError(2)])
    except* ValueError as e:
        print("falsy match:", repr(e), bool(e))
except Falsy as rest:
    print("falsy rest:", repr(rest))

class Unhashable(Exception):
    def __eq__(self, other):
        return True
    __hash__ = None
try:
    try:
        raise ExceptionGroup("eg", [Unhashable("u"), TypeError(2)])
    except* TypeError:
        raise
except ExceptionGroup as e:
    print("unhashable leaf kept:", repr(e))

class LongSplit(ExceptionGroup):
    def split(self, cond):
        return (None, self, "extra")
for cls in (LongSplit,):
    try:
        try:
            raise cls("s", [ValueError(1), TypeError(2)])
        except* ValueError:
            print("matched", cls.__name__)
    except BaseException as e:
        print(cls.__name__, "->", type(e).__name__ + ":", e)
