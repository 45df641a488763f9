# The real-valued distributions of random reproduce CPython's floats bit
# for bit after seed(): each draws random() in the same order.
import random

random.seed(31337)
print([random.random() for _ in range(3)])
print(random.uniform(1, 10), random.uniform(-2.5, 2.5), random.uniform(5, 5))
print(random.triangular(), random.triangular(0, 10), random.triangular(0, 10, 2), random.triangular(3, 3, 3))
print([random.gauss() for _ in range(3)], random.gauss(100, 15))
print([random.normalvariate() for _ in range(3)], random.normalvariate(5, 0.5))
print(random.lognormvariate(0, 1), random.lognormvariate(1, 0.25))
print(random.expovariate(1), random.expovariate(0.25), random.expovariate(-2))
print(random.vonmisesvariate(0, 0), random.vonmisesvariate(1, 4), random.vonmisesvariate(3, 0.5))
print([random.gammavariate(a, 2) for a in (0.3, 1.0, 1.5, 9.0)])
print([random.betavariate(a, b) for a, b in ((0.5, 0.5), (2, 5), (10, 1))])
print(random.paretovariate(1), random.paretovariate(3.5))
print(random.weibullvariate(1, 1), random.weibullvariate(2, 0.5))
r = random.Random(5)
print(sum(r.random() for _ in range(1000)))
print(sum(r.gauss() for _ in range(1000)))
for bad in [(0, 1), (1, 0), (-1, 2)]:
    try:
        random.gammavariate(*bad)
    except ValueError as e:
        print('ValueError', e)
try:
    random.expovariate(0)
except ZeroDivisionError as e:
    print('ZeroDivisionError', e)
