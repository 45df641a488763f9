# Multiple targets, unpacking, starred targets, subscript and attribute targets.
a = b = [1, 2]
print(a is b)
x, y = 1, 2
x, y = y, x
print(x, y)
first, *rest = [1, 2, 3, 4]
*init, last = (1, 2, 3)
p, (q, r) = 1, (2, 3)
print(first, rest, init, last, p, q, r)
d = {}
d["k"] = 1
d["k"] += 10
lst = [0, 0, 0]
lst[1] = 5
lst[-1] += 2
print(d, lst)
class O:
    pass
o = O()
o.attr = 3
o.attr *= 4
print(o.attr)
del lst[0]
del d["k"]
print(lst, d)
(m := 10)
print(m)
try:
    a, b = [1, 2, 3]
except ValueError as e:
    print(e)
try:
    a, b, c = [1, 2]
except ValueError as e:
    print(e)
try:
    a, *b, c = [1]
except ValueError as e:
    print(e)
