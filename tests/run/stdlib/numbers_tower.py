# numbers: the numeric tower's ABCs, with int and float registered, and
# the abstract methods a subclass must provide.
import numbers
from numbers import Number, Complex, Real, Rational, Integral

for v in (1, True, 1.5):
    print(type(v).__name__, [isinstance(v, c) for c in (Number, Complex, Real, Rational, Integral)])
print(issubclass(int, Integral), issubclass(float, Rational), issubclass(str, Number))
print(issubclass(Integral, Real), Integral.__mro__[1:4])
for c in (Number, Complex, Real, Rational, Integral):
    print(c.__name__, len(c.__abstractmethods__), sorted(c.__abstractmethods__)[:3])


class Bad(Integral):
    pass


try:
    Bad()
except TypeError as e:
    print(str(e)[:80])


class Cents(Real):
    # A concrete Real: the mixins give real, imag, conjugate, __divmod__.
    def __init__(self, v): self.v = v
    def __float__(self): return self.v / 100
    def __trunc__(self): return int(float(self))
    def __floor__(self): return int(float(self))
    def __ceil__(self): return int(float(self)) + 1
    def __round__(self, n=None): return round(float(self), n)
    def __floordiv__(self, o): return Cents(self.v // o.v * 100)
    def __rfloordiv__(self, o): return NotImplemented
    def __mod__(self, o): return Cents(self.v % o.v)
    def __rmod__(self, o): return NotImplemented
    def __lt__(self, o): return self.v < o.v
    def __le__(self, o): return self.v <= o.v
    def __add__(self, o): return Cents(self.v + o.v)
    def __radd__(self, o): return NotImplemented
    def __neg__(self): return Cents(-self.v)
    def __pos__(self): return self
    def __mul__(self, o): return NotImplemented
    def __rmul__(self, o): return NotImplemented
    def __truediv__(self, o): return NotImplemented
    def __rtruediv__(self, o): return NotImplemented
    def __pow__(self, o): return NotImplemented
    def __rpow__(self, o): return NotImplemented
    def __abs__(self): return Cents(abs(self.v))
    def __eq__(self, o): return isinstance(o, Cents) and self.v == o.v
    def __repr__(self): return f'Cents({self.v})'


c = Cents(250)
print(c, c.real, c.imag, c.conjugate(), float(c), divmod(c, Cents(100)))
print(c - Cents(50), isinstance(c, Complex), hash(Number) is not None)
print(Number.__hash__ is None, Rational.__mro__[-2:])
