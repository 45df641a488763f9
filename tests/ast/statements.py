# Simple and compound statements.
x = 1
a = b = c = d
a, b = b, a
[a, b] = c
(a, b), c = d
a, *b = c
*a, b = c
x, = y
x = a,
x += 1; y -= 2; z *= 3; w @= 4; a /= 5; b //= 6; c %= 7; d **= 8
e >>= 1; f <<= 2; g &= 3; h |= 4; i ^= 5
a.b += 1
a[0] += 1
x: int
x: int = 5
(x): int = 3
a.b: str = 'x'
a[0]: float
del a
del a, b
del a.b, c[0], (d, e), [f, g]
del a,
pass
global g1, g2
assert x
assert x, "message"
raise
raise E
raise E from e
import a
import a.b.c
import a as b, c.d as e
from m import x
from m import x as y, z
from m import *
from . import x
from .. import x
from ..m import (a, b,)
from ...m.n import (a as b)
from .... import x
x = 1; y = 2;
if x:
    pass
elif y:
    pass
elif z:
    pass
else:
    pass
if x: a
else: b
while x:
    break
else:
    continue
for x in y:
    pass
else:
    pass
for x, y in z: pass
for (x, y) in z: pass
for *x, y in z: pass
for x in *a, *b: pass
for x.y in z: pass
try:
    a
except:
    b
try:
    a
except E:
    b
except (F, G) as e:
    c
else:
    d
finally:
    e
try:
    a
finally:
    b
with a:
    pass
with a as b, c as d, e:
    pass
with (a as b, c):
    pass
with (a, b):
    pass
with (a) as b:
    pass
with (a, b) as c:
    pass
with (a as b,):
    pass
with a as (b, c), d as [e, f]:
    pass
match = 1
match(x)
case = _ = 2
