# Random instances, getstate/setstate, subclasses (with their own random()
# or getrandbits()) and SystemRandom.
import random

a = random.Random(123)
b = random.Random(123)
print(a.random() == b.random(), a.randint(1, 100) == b.randint(1, 100))
c = random.Random()
print(type(c).__name__, isinstance(c, random.Random), 0 <= c.random() < 1)

st = a.getstate()
print(type(st).__name__, len(st), st[0], len(st[1]), st[1][-1], st[2])
x = [a.random() for _ in range(3)]
a.setstate(st)
print(x == [a.random() for _ in range(3)])
a.gauss()
st = a.getstate()
print(st[2] is not None)
g1 = a.gauss()
a.setstate(st)
print(g1 == a.gauss())

# Version 2 states (signed words) are still accepted.
v3 = random.Random(1).getstate()
v2 = (2, tuple(w - 2**32 if w > 2**31 else w for w in v3[1]), None)
r2 = random.Random()
r2.setstate(v2)
print(r2.random() == random.Random(1).random())

def err(f, *args):
    try:
        f(*args)
    except Exception as e:
        print(type(e).__name__, e)

err(a.setstate, (4, (), None))
err(a.setstate, (3, (1, 2, 3), None))
err(a.setstate, (3, tuple([0] * 624 + [625]), None))
err(a.setstate, (3, tuple([-1] * 624 + [0]), None))
err(a.setstate, (3, [0] * 625, None))
err(random.Random, 1, 2)

class MyRandom(random.Random):
    def random(self):
        self.calls += 1
        return 0.5
    def seed(self, a=None):
        self.calls = 0

m = MyRandom()
print(m.randrange(10), m.choice('abcd'), m.randint(1, 6), m.calls, m.uniform(0, 4))

class Bits(random.Random):
    def getrandbits(self, k):
        return (1 << k) - 1 if k < 3 else 1

print(Bits(0).randrange(4), Bits(0).randrange(100))

class Counting(random.Random):
    pass
cr = Counting(42)
print(cr.randrange(1000) == random.Random(42).randrange(1000))

s = random.SystemRandom()
print(0 <= s.random() < 1, 0 <= s.randrange(10) < 10, len(s.randbytes(5)), s.getrandbits(0))
print(s.seed(5), 0 <= s.getrandbits(10) < 1024)
err(s.getstate)
err(s.setstate, None)
err(s.getrandbits, -1)
r = random.Random(0)
print(r.__reduce__()[0] is random.Random, r.__reduce__()[1])
