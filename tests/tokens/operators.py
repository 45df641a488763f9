a = b ** c // d % e @ f
a += 1; a -= 1; a *= 2; a /= 2; a //= 2; a %= 2; a **= 2
a >>= 1; a <<= 1; a &= 1; a |= 1; a ^= 1; a @= b
c = a == b != c <= d >= e < f > g
d = ~a ^ b & c | d << 1 >> 2
e = lambda: ...
if (n := 10) > 5: pass
def g() -> int: pass
x = y[1:2, ::3]
