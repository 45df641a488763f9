# The integer and sequence methods of random after seed(): randrange,
# randint, choice, choices, shuffle, sample, randbytes, with CPython's
# draws and messages.
import random

random.seed(2024)
print([random.randrange(10) for _ in range(15)])
print([random.randrange(3, 40, 4) for _ in range(8)])
print([random.randrange(50, 0, -7) for _ in range(8)])
print([random.randint(-5, 5) for _ in range(12)])
print(random.randrange(10**30), random.randint(2**70, 2**71))
print([random.choice('abcdefg') for _ in range(10)], random.choice([None]))
print(random.choice(range(1000, 2000)))

l = list(range(25))
random.shuffle(l)
print(l)
print(random.sample(range(100), 10))
print(random.sample(range(10**9), 5))
print(random.sample('abcdefghij', 4), random.sample(['x', 'y', 'z'], 3))
print(random.sample(['red', 'blue'], counts=[4, 2], k=5))
print(random.sample(range(30), k=25))
print(random.choices(range(10), k=8))
print(random.choices('abc', [10, 1, 1], k=8))
print(random.choices('abc', cum_weights=[1, 5, 6], k=8))
print(random.choices(['a', 'b'], [0.25, 0.75]))
print(random.randbytes(12), random.randbytes(0))

def err(f, *args, **kw):
    try:
        f(*args, **kw)
    except Exception as e:
        print(type(e).__name__, e)

err(random.randrange, 0)
err(random.randrange, -3)
err(random.randrange, 5, 5)
err(random.randrange, 5, 2)
err(random.randrange, 1, 10, 0)
err(random.randrange, 10, 1, 2)
err(random.randrange, 5, step=2)
err(random.randrange, 'a')
err(random.randint, 3, 1)
err(random.choice, [])
err(random.choice, '')
err(random.sample, [1, 2], 3)
err(random.sample, [1, 2], -1)
err(random.sample, {1, 2}, 1)
err(random.sample, [1, 2], 1, counts=[1])
err(random.sample, [1, 2], 1, counts=[0, 0])
err(random.sample, [1, 2], 1, counts=[1.5, 1])
err(random.choices, 'ab', [1])
err(random.choices, 'ab', [1, 1], cum_weights=[1, 2])
err(random.choices, 'ab', [0, 0])
err(random.choices, 'ab', 5)
err(random.choices, 'ab', [1, float('inf')])
err(random.randbytes, -1)

# Integral floats still work, with CPython's DeprecationWarning (shown: it
# is attributed to __main__); other floats are refused.
import sys
sys.stderr = sys.stdout
random.seed(1)
print(random.randrange(10.0), random.randrange(0, 10.0, 2.0), random.randint(1.0, 3))
err(random.randrange, 1.5)
err(random.randrange, 0, 2.5)
