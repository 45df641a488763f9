# The descriptor protocol's dunders on the builtin descriptors: functions,
# classmethod, staticmethod and property expose __get__ (property also
# __set__ and __delete__), so Python code can bind them by hand
# (functools.partialmethod and singledispatchmethod do).
class C:
    def m(self, x):
        return ('m', self.__class__.__name__, x)
    @classmethod
    def cm(cls, x):
        return ('cm', cls.__name__, x)
    @staticmethod
    def sm(x):
        return ('sm', x)
    @property
    def p(self):
        return self._p
    @p.setter
    def p(self, v):
        self._p = v
    @p.deleter
    def p(self):
        print('deleting p')
        del self._p

class D(C):
    pass

c = C()
f = C.__dict__['m']
print(f.__get__(c)(1), f.__get__(c, C)(2))
print(f.__get__(None, C) is f)
bound = f.__get__(c)
print(type(bound).__name__, bound.__self__ is c, bound.__func__ is f)

cm = C.__dict__['cm']
print(cm.__get__(c)(3), cm.__get__(None, D)(4), cm.__get__(D(), C)(5))
sm = C.__dict__['sm']
print(sm.__get__(c)(6), sm.__get__(None, C)(7))

p = C.__dict__['p']
p.__set__(c, 42)
print(p.__get__(c), p.__get__(c, C), p.__get__(None, C) is p)
p.__delete__(c)
print(hasattr(c, '_p'))

for name in ('__get__', '__set__', '__delete__'):
    print(name, [hasattr(o, name) for o in (f, cm, sm, p, len)])

try:
    f.__get__(None, None)
except TypeError as e:
    print(type(e).__name__, e)
try:
    C.__dict__['p'].__get__(C(), C)
except AttributeError as e:
    print(type(e).__name__, e)
class R:
    @property
    def ro(self):
        return 1
try:
    R.__dict__['ro'].__set__(R(), 2)
except AttributeError as e:
    print(type(e).__name__, e)

# types.MethodType(func, instance) binds by hand (contextlib.ExitStack does).
MethodType = type(c.m)
bm = MethodType(lambda self, y: (self is c, y), c)
print(bm(5), bm.__self__ is c)
print(MethodType(len, [1, 2])())
for args in [(), (1, 2), (len, None), (len,)]:
    try:
        MethodType(*args)
    except TypeError as e:
        print(type(e).__name__, e)
