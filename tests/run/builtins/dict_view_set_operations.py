# keys() and items() views combine with any iterable through &, |, - and ^
# (the result a set, the view on either side; which of two equal items is
# kept follows CPython), and have isdisjoint; values() views have neither.
d = {1: "a", 2: "b", 3: "c"}
e = {2: "b", 3: "x", 4: "d"}
k, i = d.keys(), d.items()
print(sorted(k & e.keys()), sorted(k | e.keys()), sorted(k - e.keys()), sorted(k ^ e.keys()))
print(sorted(i & e.items()), sorted(i - e.items()), sorted(i ^ e.items()), len(i | e.items()))
print(sorted({0, 1} & k), sorted([3, 3, 9] ^ k), sorted((1, 5) | k), sorted({1, 7} - k))
print(k & [1, 1, 2], k ^ [5, 5], type(k & set()), k.isdisjoint([7, 8]), k.isdisjoint({1}), i.isdisjoint([(1, "a")]))
print({True: 1}.keys() & {1}, {1: 1}.keys() & {True})
k &= {1}
print(k, type(k))
for bad in (lambda: d.values() & {1}, lambda: k & 5, lambda: d.keys() | 5):
    try:
        bad()
    except TypeError as ex:
        print("TypeError:", ex)
print(hasattr(d.values(), "isdisjoint"))
