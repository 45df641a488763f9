# Node positions (see positions.astpos): parentheses, multi-line constructs,
# non-ASCII text, trailing semicolons.
x = (a)
y = ((a + b)) * c
z = (a, b) + [c, d]
f(x for x in y)
f((x for x in y))
w = a.b(c)[d]
s = "é" + 'b'
t = "é" f"{a, b}"
u = (1,
     2,
)
v = [
    a
    for a in b
]
def g(a: int = (1), *b) -> (int):
    return a;
if a: b;
class C(B):
    x = 1; y = 2;
x = f"""
  {a} and {
  b}"""
lambda: (yield)
del a,
from m import (a,
   b)
import a.b as c
x = a if b else c
x = not a
x = a < b < c
x = a and b and c
x = -a
x = {**a, 'b': 1}
x = a[1:2, ::3]
