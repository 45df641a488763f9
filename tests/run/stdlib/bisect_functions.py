# bisect: bisect_left/right (and the bisect alias), insort_left/right
# (insort), lo/hi bounds, key=, the comparisons made, and the errors.
import bisect

a = [1, 2, 2, 2, 3, 5]
print(bisect.bisect_left(a, 2), bisect.bisect_right(a, 2), bisect.bisect(a, 2), bisect.bisect(a, 0),
      bisect.bisect(a, 9), bisect.bisect_left(a, 2, 2), bisect.bisect_left(a, 2, 0, 2),
      bisect.bisect(a, 2, hi=-1), bisect.bisect_right(a, 2, lo=4), bisect.bisect_left([], 1))
b = list(a)
bisect.insort(b, 4)
bisect.insort_left(b, 2)
bisect.insort_right(b, 2.0)
bisect.insort(b, 0, 0, 0)
print(b, [type(v).__name__ for v in b[2:7]])
recs = [('a', 1), ('b', 3), ('c', 5)]
key = lambda r: r[1]
print(bisect.bisect_left(recs, 3, key=key), bisect.bisect_right(recs, 3, key=key),
      bisect.bisect(recs, 0, key=key), bisect.bisect(recs, 9, 1, key=key))
bisect.insort(recs, ('d', 4), key=key)
bisect.insort_left(recs, ('e', 3), key=key)
print(recs)
words = ['apple', 'Banana', 'cherry']
bisect.insort(words, 'avocado', key=str.lower)
print(words, bisect.bisect(words, 'b', key=str.lower))
for args in [([1], 1, -1), (None, 1), ([1, 2], 1, 0, 5), ([1, 2], 1, 'a'), ([1], 1, 0, 'x')]:
    try:
        print(bisect.bisect(*args))
    except Exception as e:
        print(type(e).__name__, e)
try:
    bisect.insort((1, 2), 1)
except AttributeError as e:
    print(type(e).__name__, e)
try:
    bisect.bisect([1, 'a'], 0.5) , bisect.bisect(['a', 'b'], 1)
except TypeError as e:
    print(type(e).__name__, e)


class Counted:
    comparisons = 0

    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        Counted.comparisons += 1
        return self.v < other.v


items = [Counted(i) for i in range(100)]
print(bisect.bisect_left(items, Counted(37)), Counted.comparisons)
print(bisect.bisect_right(items, Counted(37)), Counted.comparisons)
print(bisect.__all__ if hasattr(bisect, '__all__') else None, bisect.bisect is bisect.bisect_right,
      bisect.insort is bisect.insort_right)
