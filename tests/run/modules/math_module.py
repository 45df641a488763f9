import math
print(math.pi, math.e, math.tau, math.inf, math.nan, -math.inf)
print(math.sqrt(16), math.sqrt(2), math.floor(-2.5), math.ceil(2.1), math.trunc(-3.9))
print(math.floor(1e30), math.ceil(-1e25), math.floor(10**40), math.floor(True))
print(math.fabs(-3), math.exp(1), math.log(100, 10), math.log(8, 2), math.log(math.e))
print(math.log2(1024), math.log10(1000), math.log(10**400) > 900, math.pow(2, 10), math.pow(2.5, 2))
print(math.sin(0), math.cos(0), math.tan(0), math.asin(1), math.acos(1), math.atan(1), math.atan2(1, -1))
print(math.hypot(3, 4), math.hypot(), math.hypot(1, 2, 2), math.dist((0, 0), (3, 4)), math.dist([1], [4]))
print(math.degrees(math.pi), math.radians(180))
print(math.isnan(math.nan), math.isinf(-math.inf), math.isfinite(1e308), math.isfinite(math.nan))
print(math.isclose(1.0, 1.0 + 1e-10), math.isclose(1.0, 1.1), math.isclose(0, 1e-10, abs_tol=1e-9))
print(math.gcd(12, 18), math.gcd(), math.gcd(0, -4), math.gcd(2**100, 2**80 * 3), math.lcm(4, 6), math.lcm())
print(math.factorial(0), math.factorial(30), math.comb(10, 3), math.comb(3, 5), math.perm(5, 2), math.perm(4))
print(math.isqrt(17), math.isqrt(10**30), math.copysign(3, -0.0), math.fmod(7, 3), math.fmod(-7, 3))
print(math.modf(3.25), math.modf(-2.5), math.frexp(8.0), math.frexp(0.0), math.ldexp(0.5, 4))
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.fsum([1e100, 1.0, -1e100, 1e-100]), math.fsum([]))
print(math.prod([1, 2, 3, 4]), math.prod([]), math.prod([2.5, 2]), math.prod([2, 3], start=10))
print(math.exp(-1000), math.pow(0.0, 0.0), math.trunc(5), math.ceil(-0.5))
errors = [
    ('math.sqrt(-1)', lambda: math.sqrt(-1)),
    ('math.log(0)', lambda: math.log(0)),
    ('math.log(-5)', lambda: math.log(-5)),
    ('math.log(10, 1)', lambda: math.log(10, 1)),
    ('math.exp(1000)', lambda: math.exp(1000)),
    ('math.pow(0, -1)', lambda: math.pow(0, -1)),
    ('math.pow(-8, 0.5)', lambda: math.pow(-8, 0.5)),
    ('math.pow(10.0, 400)', lambda: math.pow(10.0, 400)),
    ('math.asin(2)', lambda: math.asin(2)),
    ('math.acos(-1.5)', lambda: math.acos(-1.5)),
    ('math.sin(math.inf)', lambda: math.sin(math.inf)),
    ('math.fmod(1, 0)', lambda: math.fmod(1, 0)),
    ('math.floor(math.nan)', lambda: math.floor(math.nan)),
    ('math.ceil(math.inf)', lambda: math.ceil(math.inf)),
    ('math.factorial(-1)', lambda: math.factorial(-1)),
    ('math.factorial(2.5)', lambda: math.factorial(2.5)),
    ('math.comb(-1, 2)', lambda: math.comb(-1, 2)),
    ('math.comb(3, -1)', lambda: math.comb(3, -1)),
    ('math.perm(-2)', lambda: math.perm(-2)),
    ('math.isqrt(-4)', lambda: math.isqrt(-4)),
    ('math.gcd(2.0, 4)', lambda: math.gcd(2.0, 4)),
    ("math.sqrt('x')", lambda: math.sqrt('x')),
    ("math.floor('x')", lambda: math.floor('x')),
    ("math.trunc('x')", lambda: math.trunc('x')),
    ('math.isclose(1, 2, rel_tol=-1)', lambda: math.isclose(1, 2, rel_tol=-1)),
    ('math.dist((1, 2), (1,))', lambda: math.dist((1, 2), (1,))),
    ('math.ldexp(1.0, 5000)', lambda: math.ldexp(1.0, 5000)),
    ('math.fsum([math.inf, -math.inf])', lambda: math.fsum([math.inf, -math.inf])),
]
for text, fn in errors:
    try:
        print(text, fn())
    except Exception as e:
        print(text, type(e).__name__, e)
