# itertools' iterators that end with their input: accumulate, chain,
# compress, dropwhile, takewhile, filterfalse, groupby, islice (with its
# ValueError messages and how far it reads), pairwise, starmap, tee,
# zip_longest; laziness and argument errors.
from itertools import (accumulate, chain, compress, dropwhile, takewhile, filterfalse,
                       groupby, islice, pairwise, starmap, tee, zip_longest)


def noisy(n):
    for i in range(n):
        print('  read', i)
        yield i


print(list(accumulate([1, 2, 3, 4])), list(accumulate([1, 2, 3], lambda a, b: a * b)),
      list(accumulate([], initial=7)), list(accumulate('abc')), list(accumulate([3, 1, 2], max, initial=0)))
print(list(chain('ab', [1], ())), list(chain.from_iterable(['xy', 'z'])), list(chain()))
ch = chain(noisy(2), noisy(1))
print(next(ch))
print(list(ch))
print(list(compress('abcdef', [1, 0, 1, 0, 1])), list(compress('ab', [1, 1, 1, 1])))
print(list(dropwhile(lambda x: x < 3, [1, 2, 3, 1, 4])), list(takewhile(lambda x: x < 3, [1, 2, 3, 1])),
      list(filterfalse(None, [0, 1, '', 'a'])), list(filterfalse(lambda x: x % 2, range(6))))

print([(k, list(g)) for k, g in groupby('aaabccaa')], [k for k, g in groupby([])],
      [(k, len(list(g))) for k, g in groupby([1, 1.0, 2, 2.5], key=int)])
g = groupby('aabbc')
k1, g1 = next(g)
k2, g2 = next(g)
print(k1, k2, list(g1), list(g2), next(g)[0])
g = groupby('aab')
k, grp = next(g)
print(next(grp), list(g)[0][0], list(grp))

print(list(islice('abcdefg', 2)), list(islice('abcdefg', 2, 4)), list(islice('abcdefg', 2, None)),
      list(islice('abcdefg', 0, None, 3)), list(islice('ab', 5, 10)), list(islice('abc', None)))
src = iter(range(10))
print(list(islice(src, 1, 6, 2)), list(src))
src = iter(range(10))
print(list(islice(src, 3)), next(src))
for args in [([], -1), ([], 'a'), ([], 1, 2, 0), ([], 1, -2), ([], -1, 2), ([], 1, 2, -1),
             ([], 'a', 2), ([],), ([], 1, 2, 3, 4), (1, 2), ([], None, None, None)]:
    try:
        print(list(islice(*args)))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

print(list(pairwise('abcd')), list(pairwise('a')), list(pairwise([])))
print(list(starmap(pow, [(2, 3), (3, 2)])), list(starmap(lambda *a: a, ['ab', (1,)])))
print(list(zip_longest('ab', 'xyz', fillvalue='-')), list(zip_longest()), list(zip_longest('a')))

a, b = tee(noisy(3))
print(next(a), next(a))
print(next(b), list(a), list(b))
t1, t2, t3 = tee('xyz', 3)
print(list(t1), list(t2), list(t3), tee([], 0), type(t1).__name__)
x, = tee(iter([1, 2]), 1)
y = x.__copy__()
print(next(x), next(y), list(x), list(y), tee(x)[0] is x)

for f, args, kw in [(chain, ([1],), {'x': 1}), (accumulate, ([1],), {'x': 1}),
                    (compress, ([1],), {}), (dropwhile, (None,), {}),
                    (takewhile, (1, [1]), {}), (groupby, (), {}), (pairwise, (), {}),
                    (tee, (), {}), (tee, ([], -1), {}), (starmap, (pow, [1]), {}),
                    (zip_longest, ([1],), {'x': 1}), (zip_longest, (1,), {}),
                    (accumulate, ([1, 'a'],), {}), (chain, (1,), {}), (filterfalse, (None, 3), {})]:
    try:
        print(list(f(*args, **kw)))
    except TypeError as e:
        print(f.__name__, type(e).__name__, e)
print(type(groupby('a')).__name__, type(next(groupby('a'))[1]).__name__,
      type(chain.from_iterable([])).__name__, isinstance(chain(), chain))
