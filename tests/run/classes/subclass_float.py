# Subclasses of float: construction, __new__ with super().__new__, arithmetic
# giving plain floats, methods and attributes, hashing; bool is final.

class F(float):
    def half(self):
        return self / 2

    def __repr__(self):
        return f"F({float.__repr__(self)})"


f = F(3.5)
print(f, type(f).__name__, f.half(), type(f + 1).__name__, f + 1, f * 2, -f, abs(F(-2)))
print(isinstance(f, float), type(f) is F, issubclass(F, float))
f.x = 1
print(f.x, f.__dict__, hash(f) == hash(3.5), {f: 1}[3.5], f == 3.5, F("1.5"), F())
print(float(f), type(float(f)).__name__, str(f))


class G(float):
    pass


g = G(2)
print(g, repr(g), str(g), g ** 2, round(g), int(g), g < 3, f"{g:.2f}", max(G(1), G(5)))
print(type(g * g).__name__, type(-g).__name__, g.is_integer(), G(" 7 "), G(True))


class Temp(float):
    def __new__(cls, value, unit="C"):
        obj = super().__new__(cls, value)
        obj.unit = unit
        return obj

    def __str__(self):
        return f"{float(self)}°{self.unit}"


t = Temp(21.5, "F")
print(t, repr(t), t.unit, t + 0.5, sorted([Temp(3), Temp(1), 2.0]))

try:
    F("abc")
except ValueError as e:
    print("ValueError", e)

try:
    class B(bool):
        pass
except TypeError as e:
    print("TypeError", e)
