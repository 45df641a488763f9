# f-strings with conversions and nested expressions.
name = "world"
n = 42
print(f"hello {name}!", f"{n}", f"{name!r}", f"{n + 1} and {'x' * 2}")
print(f"{{literal}} {n}")
print(f"{[1, 2]} {None} {True}")
