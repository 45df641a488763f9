# Displays with starred items and the four comprehension kinds.
a = [1, 2]
print([*a, 3, *a], (*a, 4), {**{"x": 1}, "y": 2})
print([x * x for x in a], {x: x + 1 for x in a})
print([(x, y) for x in [1, 2] for y in "ab" if x != 2 or y != "a"])
print([[y for y in [x, x]] for x in [3, 4]])
n = 10
print([n + x for x in a])
print(sum(x for x in [1, 2, 3]))
t = (1,)
print(t, (), [], {})
