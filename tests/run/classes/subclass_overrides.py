# Subclasses of str, int and bytes that override dunders, slicing and
# repetition returning base values, and str.__new__/int.__new__ called directly.
class S(str):
    pass
class I(int):
    pass
class H(str):
    def __hash__(self): return 42
    def __eq__(self, o): return str.__eq__(self, o)
print(hash(H("a")), H("a") == "a")
class P(int):
    def __add__(self, o): return P(int(self) + int(o) + 100)
print(P(1) + 1, type(P(1) + 1).__name__, 1 + P(1))
print(S("x") * 3, type(S("x") * 3).__name__, S("a,b").split(","))
class T(bytes): pass
print(T(b"xy")[0:1], type(T(b"xy")[0:1]).__name__)
print(isinstance(True, int), I(0) or "falsy", bool(I(3)))
print(str.__new__(S, "direct"), type(str.__new__(S, "direct")).__name__, int.__new__(I, 7))
