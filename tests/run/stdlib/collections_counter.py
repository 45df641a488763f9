# collections.Counter: counting, most_common (ties keep first-seen order),
# elements, total, update/subtract (iterables, mappings, keywords),
# arithmetic and in-place operators, comparisons, repr and errors.
from collections import Counter

c = Counter('abracadabra')
print(c, c.most_common(2), c.most_common(), c.most_common(0), c.most_common(-1))
print(sorted(c.elements()), list(Counter(a=2, b=0, c=-1).elements()), c.total(), c['zzz'], 'zzz' in c)
c.update('aaz')
c.update({'b': 5})
c.update(x=1)
print(c)
c.subtract({'a': 10})
c.subtract('bb', z=1)
print(c, c.total())
print(Counter({'x': 2}), Counter(x=1, y=2), Counter(Counter('aab')), Counter(), repr(Counter()))
print(Counter(a=3, b=1) + Counter(a=1, b=2), Counter(a=3, b=1) - Counter(a=1, b=2),
      Counter(a=3, b=1) | Counter(a=1, b=2), Counter(a=3, b=1) & Counter(a=1, b=2))
print(+Counter(a=2, b=-1, c=0), -Counter(a=2, b=-1, c=0))
print(Counter(a=1) == Counter(a=1, b=0), Counter(a=1) != Counter(a=2), Counter(a=1) <= Counter(a=2),
      Counter(a=1) < Counter(a=1), Counter(a=2) >= Counter(a=1), Counter(a=2) > Counter(),
      Counter(a=1) == {'a': 1})
cc = Counter(a=1)
cc += Counter(a=-2, b=3)
print(cc)
cc -= Counter(b=1, q=-4)
print(cc)
cc |= Counter(b=9, a=0)
print(cc)
cc &= Counter(b=4)
print(cc)
del cc['nope']
del cc['b']
print(cc, len(cc))
words = 'the cat and the hat and the bat'.split()
print(Counter(words).most_common(3), dict(Counter(words)))
mixed = Counter({'a': 1.5, 'b': 1})
print(mixed, Counter({'z': 'text', 'y': 1}) if False else mixed.total())
try:
    Counter.fromkeys('ab')
except NotImplementedError as e:
    print(type(e).__name__, e)
for bad in [lambda: Counter(a=1) + {'a': 1}, lambda: Counter(5), lambda: hash(Counter())]:
    try:
        bad()
    except TypeError as e:
        print(type(e).__name__, e)
copy = c.copy()
print(copy == c, copy is c, type(copy).__name__, isinstance(c, dict))


class Tally(Counter):
    pass


t = Tally('aab')
print(t, t.copy(), type(t + t).__name__, type(t.copy()).__name__)
