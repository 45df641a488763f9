# The precedence ladder, calls, subscripts, displays and literals.
x = a if b else c if d else e
x = not a and b or not c and d
x = a or b or c
x = (a or b) or c
x = a < b <= c > d >= e == f != g
x = a in b not in c is d is not e
x = a | b ^ c & d << e >> f + g - h * i / j // k % l @ m
x = -a + +b - ~c
x = -1 ** 2 ** -3
x = (-1) ** 2
x = a.b.c(d)[e].f
x = f(a, b, *c, d=1, *e, **f, g=2)
x = f(x for x in y)
x = f((x for x in y), z)
x = f(a := 1)
x = a[1:2], a[:], a[::], a[1:], a[:2], a[::3], a[1:2:3]
x = a[1:2, 3], a[1, 2], a[1,], a[:, :], a[*b], a[*b, c], a[b := 1]
x = [1, 2, 3,], [], (), (1,), (1, 2), {}, {1: 2, **a}, {1, *a}
x = [*a, *b], (*a, *b), {**a, **b}
x = ..., None, True, False
x = (a := 1), [a := 1, b := 2]
x = lambda: 1
x = lambda a, b=1, *c, d, e=2, **f: a
x = lambda *, a: a
x = lambda a, /: a
x = 1, 0, 123456789012345678901234567890, 0xff, 0o17, 0b1010, 1_000
x = 0xffffffffffffffffffffffffffffffffffff, 0b1111111111111111111111111111111111111111111111111111111111111111111
x = 1.0, 1.5, .5, 1e10, 1e16, 1e15, 1e-5, 1e-4, 1.5e300, 1e400, 0.1, 3.141592653589793
x = 123456789.123456789, 1_0.0_1, 0e0, 1e22, 5e-324, 1.7976931348623157e308
x = 'a' "b" '''c''' """d"""
x = b'a' b"b", rb'\d', r'\n', u'x', u'x' 'y', 'x' u'y', R'x'
x = 'it\'s', "it's", 'say "hi"', 'both \' and "'
x = '\t\n\r\x00\x7f\x80\xff', 'é€😀', '\u200b\xa0', b'\x00\xff\'"'
x = '', b''
yield
x = yield a, b
x = yield from a
print(*args, sep='')
