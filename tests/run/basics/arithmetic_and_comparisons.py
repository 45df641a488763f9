# Integer and float arithmetic, comparison chains, boolean operators.
print(1 + 2 * 3, (1 + 2) * 3, 7 // 2, -7 // 2, 7 % 3, -7 % 3, 2 ** 10)
print(7 / 2, 1.5 + 2, 10 - 0.5)
print(2 ** 100, -(2 ** 62), 2 ** 62 - 1 + 1)
print(1 < 2 < 3, 1 < 3 < 2, 1 == 1.0, 3 != 3)
x = 5
print(0 < x <= 5, x is not None, x in [1, 5], x not in [1, 5])
print(True and 0, 0 or "default", None or [] or "last", not x)
print(-x, +x, ~x, x << 3, x >> 1, x & 3, x | 8, x ^ 1)
a = 10
a += 5
a -= 3
a *= 2
a //= 5
a **= 2
print(a)
print(1 if x > 3 else 2, 1 if x > 30 else 2)
