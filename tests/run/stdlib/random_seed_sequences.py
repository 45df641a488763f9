# random.seed(x) gives CPython's exact sequences: int seeds (big, negative:
# the absolute value), float and bool seeds (their hash), str/bytes seeds
# (version 2: SHA-512; version 1: the old string hash), and the raw
# Mersenne Twister through getrandbits.
import random

for s in [0, 1, 2, 42, -42, 12345, 2**32 - 1, 2**32, 2**64 + 3, -(2**70) - 5,
          3**200, True, False, 0.5, -2.75, 1e100, "", "a", "hello world",
          "é€𝄞", b"", b"abc", b"\x00\xff" * 40]:
    random.seed(s)
    print(repr(s)[:40], random.random(), random.random(), random.getrandbits(7))

random.seed(10)
print([random.getrandbits(k) for k in (1, 8, 31, 32, 33, 63, 64, 65, 100, 200)])
print(random.getrandbits(0))

for v in ["abc", b"abc", "", "x" * 50]:
    random.seed(v, version=1)
    print(repr(v)[:20], 'v1', random.random())
random.seed("abc", version=2)
print(random.random())

# seed() twice with the same value restarts the sequence.
random.seed(99)
a = [random.random() for _ in range(5)]
random.seed(99)
print(a == [random.random() for _ in range(5)])

# A thousand draws in: the state has been twisted more than once.
random.seed(7)
for _ in range(1500):
    random.random()
print(random.random(), random.getrandbits(32))

for bad in [[1], {}, (1, 2), object]:
    try:
        random.seed(bad)
    except TypeError as e:
        print(type(bad).__name__, 'TypeError', e)
try:
    random.getrandbits(-1)
except ValueError as e:
    print('ValueError', e)
try:
    random.getrandbits(2.0)
except TypeError as e:
    print('TypeError', e)
