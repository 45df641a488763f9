# List, set, dict comprehensions and generator expressions.
x = [a for a in b]
x = [a for a in b if c if d]
x = [a for a in b for c in d if e]
x = {a for a in b}
x = {a: b for a, b in c}
x = (a for a in b)
x = [(a, b) for a, b in c]
x = [a for a, in b]
x = [a for a in b if (c := d)]
x = [y := f(x) for x in z]
x = [[a for a in b] for b in c]
x = sum(x * x for x in range(10))
x = {k: v for k, v in d.items() if v}
x = [a for a in (b if c else d)]
