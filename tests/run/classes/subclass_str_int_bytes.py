# Subclasses of str, bytes and int: construction (also through __new__),
# inherited methods returning plain values, equality and hashing with the
# base values, instance attributes, repr/format, big values, GC.
class S(str):
    def shout(self):
        return self.upper() + "!"

s = S("hi")
print(s, s.shout(), repr(s), s + "x", isinstance(s, str), len(s), type(s).__name__)
print(type(s + "x").__name__, type(str(s)).__name__, type(s.upper()).__name__, type(s[0]).__name__)
print(s == "hi", "hi" == s, hash(s) == hash("hi"), {"hi": 1}[s], {s: 2}["hi"])
s.tag = 5
print(s.tag, vars(s), s.__dict__)
print(f"{s}", "%s" % s, "{}".format(s), s.startswith("h"), "-".join([s, s]))
print(S(), repr(S()), S(42), S(b"abc", "ascii"), S("é" * 3), len(S("é" * 3)), S("é" * 3)[1])

class Name(str):
    def __new__(cls, value):
        return super().__new__(cls, value.strip().lower())
    def __repr__(self):
        return f"Name({str.__repr__(self)})"

n = Name("  Alice ")
print(n, repr(n), [n], n.title())
d = {}
setattr(type("T", (), {}), n, 1)
print(sorted([S("b"), S("a"), "c"]), max(S("x"), "y"))
print(S("a b c").split(), type(S("a b c").split()[0]).__name__)
print(int(S("12")) + 1, float(S("1.5")))
for ch in S("ab"):
    print(ch, type(ch).__name__)

class B(bytes):
    def twice(self):
        return self + self

b = B(b"ab")
print(b, b.twice(), len(b), b[0], type(b).__name__, isinstance(b, bytes), b == b"ab", b.decode())
b.x = 1
print(b.x, B(3), B([65, 66]), B("hé", "utf-8"), repr(B()))

class S2(S):
    pass
print(S2("deep").shout(), isinstance(S2("q"), S))
import gc
gc.collect()
print([S(str(i)) for i in range(5)])

class I(int):
    def double(self):
        return self * 2

i = I(21)
print(i, i.double(), i + 1, 1 + i, repr(i), type(i + 1).__name__, type(i).__name__)
print(i == 21, 21 == i, hash(i) == hash(21), {21: "a"}[i], {i: "b"}[21], i < 22, i > 20, -i, abs(I(-3)), ~i)
print(isinstance(i, int), int(i), type(int(i)).__name__, float(i), str(i), f"{i}", f"{i:05d}", "%d" % i, hex(i), bin(I(5)))
print(I(), I("ff", 16), I(3.9), I(True), [1, 2, 3][I(1)], list(range(I(3))), I(2) ** 10, divmod(I(7), 2), I(7) // 2, I(7) % 3)
big = I(10 ** 30)
print(big, big + 1, big == 10 ** 30, type(int(big)).__name__, big > 1, big * 2, hash(big) == hash(10 ** 30), big.bit_length())
i.note = "x"
print(i.note, i.__dict__)

class Flag(int):
    def __new__(cls, value, name):
        obj = super().__new__(cls, value)
        obj.name = name
        return obj
    def __repr__(self):
        return f"<Flag {self.name}={int(self)}>"
    def __or__(self, other):
        return Flag(int(self) | int(other), f"{self.name}|{other.name}")

R = Flag(1, "R"); W = Flag(2, "W")
print(R, W, R | W, [R, W], sorted([W, R]), R + W, bool(Flag(0, "Z")), bool(R))
print(sum([I(1), I(2), I(3)]), max(I(4), 3), I(5) in {5}, 5 in {I(5)}, round(I(7)), I(7).real, I(10).to_bytes(2, "big") if hasattr(int, "to_bytes") else b"\x00\n")
class J(I):
    pass
print(J(9).double(), isinstance(J(1), I))
import gc
gc.collect()
print([I(k) for k in range(3)], I(-5) // 2, I(2) << 70)
