# deque's comparisons, concatenation and repetition.
from collections import deque

a, b, c = deque([1, 2, 3]), deque([1, 2, 4]), deque([1, 2])
for x, y in [(a, b), (b, a), (a, c), (c, a), (a, a), (a, deque(a)), (deque(), c), (deque(), deque())]:
    print(list(x), list(y), x == y, x != y, x < y, x <= y, x > y, x >= y)
print(deque([1, 'a']) == deque([1, 'a']), deque([1.0]) == deque([1]), deque([[1]]) == deque([[1]]))
try:
    deque([1, 'a']) < deque([1, 2])
except TypeError as e:
    print('TypeError:', e)
print(deque([1, 'a']) == deque([1, 2]), deque([1, 'a']) < deque([2, 'b']))
nan = float('nan')
print(deque([nan]) == deque([nan]), deque([float('nan')]) == deque([float('nan')]))
print(deque() == [], deque() == (), [] == deque(), deque() != [])

print(a + b, a + deque(), deque() + deque(), type(a + b))
s = a + a
print(s, s is a)
print(a * 3, 3 * a, a * 0, a * -2, a * True, False * a)
print(deque() * 5, deque('x') * 5, deque([None]) * 1)
x = deque([1])
y = x
x += x
x += (2, 3)
x += 'ab'
x += range(2)
x += deque([7])
x += {8: 0}
print(x, x is y)
x *= 2
print(x, x is y, len(x))
x *= 1
print(len(x))
x *= 0
print(x, x is y)
x = deque('ab')
x *= -1
print(x)
l = [0]
l += deque([1, 2])
print(l)
t = 5
t *= deque([1])
print(t)

print(deque(range(5))[::] if False else 'no slices')
print(deque.__add__(deque([1]), deque([2])), deque.__mul__(deque([1]), 2), deque.__rmul__(deque([1]), 2))
print(deque.__iadd__(deque([1]), [2]), deque.__imul__(deque([1, 2]), 2))
print(deque([1, 2]).__contains__(2), deque([1, 2]).__len__(), deque([1, 2]).__getitem__(1))
d = deque([1, 2])
d.__setitem__(0, 9)
d.__delitem__(1)
print(d, deque.__eq__(d, deque([9])), deque.__lt__(d, deque([10])), deque.__eq__(d, 1))
print(deque([1, 2]).__iter__().__next__(), list(deque([1, 2]).__reversed__()))
