# itertools.product, permutations, combinations and
# combinations_with_replacement: order of results, edge sizes, repeat=,
# that they take their input at once, and their errors.
from itertools import product, permutations, combinations, combinations_with_replacement

print(list(product('ab', 'cd')), list(product(range(2), repeat=3))[:5],
      len(list(product('abc', repeat=2))), list(product()), list(product('ab', [])),
      list(product('ab', repeat=0)))
print(list(permutations('abc')), list(permutations(range(3), 2)), list(permutations('ab', 0)),
      list(permutations('ab', 3)), list(permutations([])), list(permutations('aa')))
print(list(combinations('abcd', 3)), list(combinations(range(4), 0)), list(combinations('a', 2)),
      list(combinations('aab', 2)))
print(list(combinations_with_replacement('abc', 2)), list(combinations_with_replacement('', 0)),
      list(combinations_with_replacement('', 1)), list(combinations_with_replacement('ab', 3)))
print(len(list(permutations(range(6)))), len(list(combinations(range(10), 4))),
      len(list(combinations_with_replacement(range(5), 3))), len(list(product(range(3), repeat=4))))
print(sorted(permutations([3, 1, 2]))[:2], list(combinations(iter([1, 2, 3]), 2)))


def source(n):
    for i in range(n):
        print('  read', i)
        yield i


p = product(source(2), 'x')
print('made product')
print(next(p))
c = combinations(source(3), 2)
print('made combinations', next(c))

for f, args, kw in [(product, ([1],), {'x': 1}), (product, ([1],), {'repeat': -1}),
                    (product, ([1],), {'repeat': 'a'}), (product, (1,), {}),
                    (permutations, ([1], -1), {}), (permutations, ([1], 'a'), {}),
                    (permutations, (), {}), (combinations, ([1],), {}),
                    (combinations, ([1], -2), {}), (combinations, ([1], 'a'), {}),
                    (combinations_with_replacement, ([1], -1), {}),
                    (combinations_with_replacement, (), {})]:
    try:
        print(list(f(*args, **kw)))
    except (TypeError, ValueError) as e:
        print(f.__name__, type(e).__name__, e)
print(type(product()).__name__, type(permutations('')).__module__,
      iter(combinations('', 0)) is not None)
